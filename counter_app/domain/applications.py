"""Card applications as the counter keeps them: drafts, accepted applications, and what the
workflow hands the store to accept one. Plain values shared by the workflow and the store
(which persists them), so neither depends on the other's machinery."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DraftSummary:
    draft_id: str
    teller: str
    step: str
    label: str  # what the teller sees in the "continue?" list (masked name, step)
    updated_at: dt.datetime


@dataclass(frozen=True)
class StoredDraft:
    draft_id: str
    teller: str
    step: str
    status: str
    data: dict[str, Any]
    photo: bytes | None


@dataclass(frozen=True)
class StoredApplication:
    application_no: str
    draft_id: str
    status: str
    op_id: str
    making_mode: str
    collection: str
    central_application_id: str | None
    central_state: str | None
    record: dict[str, Any]
    photo: bytes | None
    accepted_at: dt.datetime


@dataclass(frozen=True)
class Acceptance:
    """What :meth:`ApplicationStore.accept` needs; the workflow builds it."""

    draft_id: str
    teller: str
    id_number: str
    branch_code: str
    counter_id: str
    making_mode: str
    collection: str
    op_id: str
    operation: str
    payload: dict[str, Any]  # the central request (outbox payload)
    record: dict[str, Any]  # everything needed to reprint the documents
    photo: bytes | None
    audit: dict[str, Any]  # minimal detail for the audit entry (no personal data in clear)
    central_response: dict[str, Any] | None  # None: the central was not reached (deferred)
    accepted_at: dt.datetime
