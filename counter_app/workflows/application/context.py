"""What the application workflow talks to: ports (Protocols) filled by the composition root.

Tests pass fakes through the same ports; nothing is monkeypatched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from counter_app.central.api import CentralApi
from counter_app.central.sync import StalenessLimits, SyncStatus
from counter_app.devices.idcard import IdCardReader
from counter_app.domain.applications import (
    Acceptance,
    DraftSummary,
    StoredApplication,
    StoredDraft,
)
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.photo import PhotoSpec
from counter_app.printing import BranchInfo
from counter_app.workflows.fees import FeeDesk
from counter_app.workflows.supervisor import Authorise


class ApplicationRepository(Protocol):
    """The local store of drafts and accepted applications (store.applications)."""

    def save_draft(self, draft_id: str, *, teller: str, step: str, data: dict[str, Any],
                   photo: bytes | None, id_number: str | None) -> None: ...
    def load_draft(self, draft_id: str) -> StoredDraft | None: ...
    def discard_draft(self, draft_id: str, *, actor: str, reason: str) -> None: ...
    def open_drafts(self, teller: str | None = None) -> list[DraftSummary]: ...
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...
    def latest_application_for(self, id_number: str) -> StoredApplication | None: ...
    def accept(self, a: Acceptance) -> StoredApplication: ...
    def by_draft(self, draft_id: str) -> StoredApplication | None: ...
    def refresh_from_outbox(self) -> int: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _plenty_of_disk() -> float:
    return 1e9


def _nothing() -> None:
    return None


@dataclass
class ApplicationContext:
    """Everything the workflow talks to, built by the composition root (or a test)."""

    branch: BranchInfo
    branch_code: str
    bank_code: str
    counter_id: str
    teller: str
    central: CentralApi
    store: ApplicationRepository
    id_reader: IdCardReader | None = None
    photo_spec: PhotoSpec = field(default_factory=PhotoSpec)
    limits: StalenessLimits = field(default_factory=StalenessLimits)
    sync_status: Callable[[], SyncStatus] | None = None
    free_disk_mb: Callable[[], float] = _plenty_of_disk
    clock: Callable[[], dt.datetime] = _now
    wake_sync: Callable[[], None] = _nothing
    #: a supervisor's authorisation (password and one-time code) of a photo check let through
    #: (workflows.login.TellerAuth.authorise); None: no override at this counter
    authorise: Authorise | None = None
    #: fees (工本费) in the teller's session: a re-application is charged by the branch's
    #: schedule (workflows.application.fee); None: no fee is quoted or taken at this counter
    fees: FeeDesk | None = None

    @property
    def instant_issue(self) -> bool:
        return self.branch.instant_issue

    def today(self) -> dt.date:
        """The Beijing day: ages, expiry and the printed dates all use it."""
        return self.clock().astimezone(CHINA_TIME).date()
