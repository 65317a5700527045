"""The card application's typed record: what the teller entered and what the central said.

A frozen dataclass tree; the workflow replaces it (``dataclasses.replace``) on every change.
Stored in encrypted drafts as JSON with :data:`SCHEMA_VERSION`; drafts written by the first
version (an untyped dict) are migrated once when loaded (:func:`migrate`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from counter_app.workflows.application_rules import Route

SCHEMA_VERSION = 2


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    ELIGIBILITY = "eligibility"
    MATERIALS = "materials"
    APPLICANT = "applicant"
    GUARDIAN = "guardian"
    DELIVERY = "delivery"
    PHOTO = "photo"
    REVIEW = "review"
    DONE = "done"


class MakingMode(enum.StrEnum):
    INSTANT = "INSTANT"  # made at this branch while the person waits
    FACTORY = "FACTORY"  # central production


@dataclass(frozen=True)
class Identity:
    id_number: str = ""
    source: str = ""  # "reader" | "typed"
    name: str = ""
    sex: str = ""
    nation: str = ""
    birth_date: str = ""
    address: str = ""


@dataclass(frozen=True)
class ReasonNote:
    code: str
    message: str


@dataclass(frozen=True)
class Blocked:
    code: str
    message: str
    route: Route | None = None


@dataclass(frozen=True)
class Eligibility:
    """The central's answer (or the offline decision) about this person."""

    checked_at: str
    online: bool = True
    eligible: bool = False
    needs_guardian: bool = False
    local: bool = True
    household: str = ""
    registered_guardian: bool = False
    reasons: tuple[ReasonNote, ...] = ()
    line_error: str = ""
    making_mode: MakingMode | None = None  # forced (line down); None: the branch decides
    notice: str = ""
    blocked: Blocked | None = None


@dataclass(frozen=True)
class Applicant:
    name: str = ""
    sex: str = ""
    nation: str = ""
    birth_date: str = ""
    household: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Guardian:
    name: str = ""
    id_number: str = ""
    relationship: str = ""
    proof_document: str = "户口簿"  # i18n: data (a PROOF_DOCUMENTS value)
    phone: str = ""


@dataclass(frozen=True)
class Delivery:
    mode: str = "branch_pickup"  # DeliveryMode value: branch_pickup | ems
    address: str = ""
    recipient: str = ""
    phone: str = ""


@dataclass(frozen=True)
class PhotoInfo:
    source: str  # "camera" | "file"
    sha256: str
    report: dict[str, Any]  # PhotoReport.to_record()
    cropped_to_face: bool = False


@dataclass(frozen=True)
class FieldError:
    """A field the central refused, shown beside it when the teller gets there."""

    step: str
    field: str
    message: str


@dataclass(frozen=True)
class Submission:
    op_id: str = ""  # the idempotency key: kept until the central answers
    payload_sha: str = ""
    application_no: str = ""
    status: str = ""
    deferred: bool = False
    message: str = ""
    central_application_id: str = ""
    field_error: FieldError | None = None


@dataclass(frozen=True)
class ApplicationFee:
    """工本费 of this application by the branch's schedule: a first card free, a
    re-application (the person had a card before) charged; how it is paid and its receipt
    once recorded in the teller's session."""

    fen: int = 0
    basis_zh: str = ""  # "": not quoted (no fee desk at this counter)
    first_card: bool | None = None  # None: the central could not say (the line down)
    method: str = "cash"  # FeeMethod value
    reference: str = ""  # a transfer's reference
    receipt_no: str = ""
    problem_zh: str = ""  # the application was accepted but the fee could not be recorded: why


@dataclass(frozen=True)
class ApplicationRecord:
    draft_id: str
    teller: str
    started_at: str
    identity: Identity = field(default_factory=Identity)
    eligibility: Eligibility | None = None
    checked_materials: tuple[str, ...] = ()
    applicant: Applicant = field(default_factory=Applicant)
    guardian: Guardian = field(default_factory=Guardian)
    delivery: Delivery = field(default_factory=Delivery)
    photo: PhotoInfo | None = None
    submission: Submission = field(default_factory=Submission)
    fee: ApplicationFee = field(default_factory=ApplicationFee)


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """A stored draft in the current envelope shape, whatever version wrote it.

    Version 1 (before the typed record) stored one dict: the sections as dicts, the step,
    the journal and the label at the top level; empty dicts meant "not yet".
    """
    version = int(data.get("schema", 1))
    if version == SCHEMA_VERSION:
        return data
    if version != 1:
        raise ValueError(f"draft schema {version} is newer than this program ({SCHEMA_VERSION})")
    el = dict(data.get("eligibility") or {})
    if el:
        el["reasons"] = [{"code": c, "message": m} for c, m in el.get("reasons", [])]
        el.pop("checked", None)
        el.setdefault("checked_at", "")
    sub = dict(data.get("submission") or {})
    sub["central_application_id"] = sub.get("central_application_id") or ""
    photo = dict(data.get("photo") or {})
    guardian = {k: v for k, v in (data.get("guardian") or {}).items() if v is not None}
    record = {
        "draft_id": data["draft_id"], "teller": data.get("teller", ""),
        "started_at": data.get("started_at", ""),
        "identity": data.get("identity") or {},
        "eligibility": el or None,
        "checked_materials": list((data.get("materials") or {}).get("checked", [])),
        "applicant": data.get("applicant") or {},
        "guardian": guardian,
        "delivery": {k: v for k, v in (data.get("delivery") or {}).items() if v is not None},
        "photo": photo if photo.get("sha256") else None,
        "submission": sub,
    }
    journal = []
    for entry in data.get("journal", []):
        entry = dict(entry)
        journal.append({"at": entry.pop("at", ""), "step": entry.pop("step", ""),
                        "event": entry.pop("event", ""), "detail": entry})
    return {"schema": SCHEMA_VERSION, "step": data.get("step", Step.IDENTIFY.value),
            "history": [], "journal": journal, "label": data.get("label", ""),
            "record": record}
