"""The central API port: what the counter needs from the central system (API v1).

Workflows depend on :class:`CentralApi`; :class:`counter_app.central.client.HttpCentralClient`
implements it over HTTPS, tests may use a fake. Values are plain frozen dataclasses.
Every mutating call takes the ``idempotency_key`` of the business operation (one key per
operation, reused on every retry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

Function = Literal["social", "financial"]


@dataclass(frozen=True)
class HealthResult:
    """One probe of the line. ``online`` False carries the error code and Chinese message."""

    online: bool
    latency_ms: float
    checked_at: dt.datetime
    server_time: dt.datetime | None = None
    version: str | None = None
    error_code: str | None = None
    message_zh: str | None = None

    @property
    def clock_skew_seconds(self) -> float | None:
        """Server time minus local time (positive: local clock is behind)."""
        if self.server_time is None:
            return None
        return (self.server_time - self.checked_at).total_seconds()


@dataclass(frozen=True)
class Reason:
    code: str
    message_zh: str


@dataclass(frozen=True)
class Person:
    id_number: str
    name: str
    sex: str
    nation: str
    birth_date: dt.date
    household_region: str
    local_household: bool
    nonlocal_entitled: bool
    minor: bool
    guardian_id_number: str | None
    social_security_no: str


@dataclass(frozen=True)
class Eligibility:
    id_number: str
    eligible: bool
    needs_guardian: bool
    active_card_no: str | None
    open_application_id: str | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class CardStatus:
    card_no: str
    id_number: str
    bank_code: str
    card_state: str
    social_state: str
    financial_state: str
    damaged: bool
    issued_on: dt.date | None
    expires_on: dt.date | None
    temp_loss_until: dt.datetime | None
    replacement_applied: bool
    application_id: str | None


@dataclass(frozen=True)
class ApplicationRequest:
    id_number: str
    bank_code: str
    branch_code: str
    making_mode: Literal["INSTANT", "FACTORY"]
    photo_sha256: str
    collection: Literal["BRANCH", "EMS", "EMPLOYER"] = "BRANCH"
    guardian_id_number: str | None = None
    ems_address: str | None = None


@dataclass(frozen=True)
class Application:
    application_id: str
    id_number: str
    kind: str
    state: str
    state_zh: str
    making_mode: str
    collection: str
    bank_code: str
    branch_code: str
    card_no: str | None
    old_card_no: str | None
    batch_id: str | None
    ems_tracking_no: str | None
    failure_reason: str | None
    fee_fen: int
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class MarkResult:
    application_id: str
    card_no: str
    blank_serial: str
    state: str


@dataclass(frozen=True)
class PersonalisationData:
    application_id: str
    card_no: str
    card_id_code: str
    id_number: str
    name: str
    sex: str
    nation: str
    birth_date: dt.date
    city_code: str
    issued_on: dt.date
    expires_on: dt.date
    bank_code: str
    bank_account_no: str
    spec_version: str
    algorithm: str
    photo_sha256: str


@dataclass(frozen=True)
class BatchItem:
    application_id: str
    card_no: str | None
    id_number: str
    state: str


@dataclass(frozen=True)
class BatchDifference:
    """A difference found receiving a batch: MISSING (listed, not in the box), EXTRA (a card
    not on the list), MISMATCHED (a card in another application's envelope)."""

    kind: str
    application_id: str | None = None
    card_no: str | None = None


def batch_receipt_body(branch_code: str, received: Sequence[str],
                       differences: Sequence[BatchDifference]) -> dict[str, Any]:
    """The receipt of a batch as the central reads it (also the outbox payload's body)."""
    return {"branch_code": branch_code, "received": list(received),
            "differences": [{"kind": d.kind, "application_id": d.application_id,
                             "card_no": d.card_no} for d in differences]}


@dataclass(frozen=True)
class Batch:
    batch_id: str
    branch_code: str
    state: str
    created_at: dt.datetime
    received_at: dt.datetime | None
    items: tuple[BatchItem, ...]
    differences: tuple[BatchDifference, ...] = ()


@dataclass(frozen=True)
class SealResult:
    """An uncollected card sealed (封存) at the central after the branch returned it."""

    application_id: str
    card_no: str
    card_state: str
    sealing_list_id: str
    sealed_at: dt.datetime


def seal_body(branch_code: str, card_no: str, sealing_list_id: str, reason: str) -> dict[str, Any]:
    """The sealing of one card as the central reads it (also the outbox payload's body)."""
    return {"branch_code": branch_code, "card_no": card_no,
            "sealing_list_id": sealing_list_id, "reason": reason}


@dataclass(frozen=True)
class ReplacementRequest:
    branch_code: str
    reason: Literal["LOST", "DAMAGED"]
    making_mode: Literal["INSTANT", "FACTORY"]
    photo_sha256: str | None = None  # None: the central reuses the replaced card's photo
    same_number: bool = False
    collection: Literal["BRANCH", "EMS", "EMPLOYER"] = "BRANCH"
    ems_address: str | None = None


@dataclass(frozen=True)
class PinResetAuthorisation:
    authorisation_id: str
    card_no: str
    function: str
    valid_until: dt.datetime


@dataclass(frozen=True)
class ECardClaim:
    """The electronic card claim of an activated card (central_sim/ecard.py): the receipt's
    QR encodes ``claim_url``, the official claim page with the opaque token only."""

    token: str
    claim_url: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class RemoteApproval:
    """A supervisor's approval asked for at one counter and decided at another of the same
    branch (central_sim/approvals.py). ``state``: PENDING, APPROVED, REFUSED, EXPIRED,
    CONSUMED or WITHDRAWN (by the requester); ``counter_id`` is the requesting counter,
    ``decided_counter`` the deciding one."""

    request_id: str
    branch_code: str
    counter_id: str
    purpose: str
    summary: str
    teller: str
    state: str
    created_at: dt.datetime
    expires_at: dt.datetime
    supervisor: str | None = None
    decided_counter: str | None = None
    decided_at: dt.datetime | None = None
    reason: str | None = None
    consumed_at: dt.datetime | None = None
    withdrawn_at: dt.datetime | None = None


@dataclass(frozen=True)
class DayEndBusiness:
    kind: str  # the counter's audit action, e.g. card.replacement
    done: int
    not_done: int = 0


@dataclass(frozen=True)
class DayEndFee:
    method: str
    collected: int = 0
    collected_fen: int = 0
    refunded: int = 0
    refunded_fen: int = 0


@dataclass(frozen=True)
class DayEndCards:
    handed: int = 0
    taken_back: int = 0
    issued: int = 0
    spoiled: int = 0
    holding: int = 0
    received_in_batches: int = 0
    handed_out: int = 0


@dataclass(frozen=True)
class DayEndTeller:
    """One teller's day at one counter, as the counter reported it (central_sim/day_end.py)."""

    teller: str
    sessions: int
    open_sessions: int = 0
    businesses: tuple[DayEndBusiness, ...] = ()
    fees: tuple[DayEndFee, ...] = ()
    cards: DayEndCards = field(default_factory=DayEndCards)
    differences: int = 0
    unexplained: int = 0


@dataclass(frozen=True)
class DayEndFigures:
    businesses: tuple[DayEndBusiness, ...]
    fees: tuple[DayEndFee, ...]
    cards: DayEndCards
    sessions: int
    open_sessions: int
    differences: int
    unexplained: int
    unsent: int
    dead: int


@dataclass(frozen=True)
class CounterDayEnd:
    counter_id: str
    reported: bool
    made_at: dt.datetime | None = None
    received_at: dt.datetime | None = None
    figures: DayEndFigures | None = None
    tellers: tuple[DayEndTeller, ...] = ()


@dataclass(frozen=True)
class BranchDayEnd:
    """The branch's day-end over its counters: the sum of those that reported, and the
    counters not reported yet, with a session still open or differences unexplained."""

    branch_code: str
    day: dt.date
    totals: DayEndFigures
    counters: tuple[CounterDayEnd, ...]
    not_reported: tuple[str, ...]
    still_open: tuple[str, ...]
    unexplained: tuple[str, ...]


@dataclass(frozen=True)
class InsuranceSummary:
    insurance: str
    status: str
    employer_name: str | None
    employer_credit_code: str | None
    months_paid: int


@dataclass(frozen=True)
class ContributionMonth:
    year_month: str
    employer_no: str
    insurance: str
    place: str
    base_fen: int
    personal_fen: int
    paid: bool


@dataclass(frozen=True)
class Contributions:
    id_number: str
    summary: tuple[InsuranceSummary, ...]
    months: tuple[ContributionMonth, ...]
    next_cursor: str | None = None  # paged reads: the next, older page; None on the last


@dataclass(frozen=True)
class Certificate:
    """Issued by the central; the counter only prints it (with the code and QR it got)."""

    auth_code: str
    qr_payload: str
    issued_at: dt.datetime
    valid_until: dt.datetime
    content_sha256: str
    content: dict[str, Any] = field(hash=False)


@dataclass(frozen=True)
class CertificateCheck:
    """What the central certifies for a code; the person only masked (a verifier is anyone
    holding the code)."""

    auth_code: str
    valid: bool
    expired: bool
    issued_at: dt.datetime
    valid_until: dt.datetime
    content_sha256: str
    person_name_masked: str
    id_number_masked: str
    kind: str  # ALL | PENSION | UNEMPLOYMENT | WORK_INJURY
    period_from: str | None  # YYYYMM
    period_to: str | None
    months: int
    prints: int  # prints reported so far
    last_printed_at: dt.datetime | None
    branch_code: str  # the branch that had it issued
    branch_name: str


@dataclass(frozen=True)
class Bank:
    code: str
    name_zh: str


@dataclass(frozen=True)
class Branch:
    code: str
    bank_code: str
    name_zh: str
    district: str
    instant_issue: bool
    weekend_open: bool
    same_number_exchange: bool


@dataclass(frozen=True)
class BranchConfig:
    branch_code: str
    replacement_fee_fen: int
    temp_loss_valid_days: int
    social_pin_retries: int
    bank_pin_retries_per_day: int
    card_validity_years: int
    uncollected_keep_months: int
    photo_max_kb: int
    #: the lowest counter version the central accepts new work from (after a grace period:
    #: docs/updates.md); None: no minimum
    min_version: str | None = None


@dataclass(frozen=True)
class AuditHead:
    branch_code: str
    counter_id: str
    seq: int
    head_sha256: str
    reported_at: dt.datetime


@dataclass(frozen=True)
class AuditRebase:
    """A break acknowledged by a supervisor, as the counter reports it to the central."""

    seq: int  # the new head: the acknowledgement entry
    head_sha256: str
    supervisor: str  # the supervisor's user id
    reason: str
    acknowledged_at: dt.datetime
    broken_seq: int | None = None  # the central's head the counter found not in its chain
    broken_head_sha256: str | None = None
    first_bad_seq: int | None = None
    problem: str = ""


@dataclass(frozen=True)
class AuditHeadEvent:
    """Evidence the central keeps: a re-base or a refused (regressing or forking) head."""

    event_id: int
    branch_code: str
    counter_id: str
    kind: str  # REBASE | REFUSED_REGRESSION | REFUSED_FORK
    at: dt.datetime
    caller: str  # the verified identity that sent it, BRANCH/COUNTER
    caller_via: str
    seq: int
    head_sha256: str
    previous_seq: int | None
    previous_head_sha256: str | None
    supervisor: str | None = None
    reason: str | None = None
    broken_seq: int | None = None
    broken_head_sha256: str | None = None
    first_bad_seq: int | None = None
    problem: str | None = None
    acknowledged_at: dt.datetime | None = None


@dataclass(frozen=True)
class OperationAck:
    operation_id: str
    received_at: dt.datetime


@dataclass(frozen=True)
class UpdateItem:
    seq: int
    kind: str  # APPLICATION_STATE | BATCH_SHIPPED | PRE_LOSS | REFERENCE_DATA
    ref: str
    data: dict[str, Any] = field(hash=False)
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class Updates:
    items: tuple[UpdateItem, ...]
    next_since: int


@runtime_checkable
class CentralApi(Protocol):
    """Central API v1 as the counter uses it. All calls raise ``CentralError`` subclasses."""

    def health(self) -> HealthResult:
        """Probe the line; raises CentralError when the central does not answer."""
        ...

    def probe(self) -> HealthResult:
        """Probe the line; never raises (``online`` False with the error code)."""
        ...

    # persons and eligibility
    def get_person(self, id_number: str) -> Person: ...
    def eligibility(self, id_number: str, bank_code: str | None = None) -> Eligibility: ...
    def person_cards(self, id_number: str) -> list[CardStatus]: ...
    def person_applications(self, id_number: str) -> list[Application]: ...
    def submit_data_change(self, id_number: str, *, branch_code: str, client_seq: int,
                           changes: dict[str, str], idempotency_key: str) -> OperationAck: ...

    # cards
    def card_status(self, card_no: str) -> CardStatus: ...
    def formal_loss(self, card_no: str, *, branch_code: str, functions: list[Function],
                    idempotency_key: str) -> CardStatus: ...
    def deloss(self, card_no: str, *, branch_code: str, functions: list[Function],
               idempotency_key: str) -> CardStatus: ...
    def replacement(self, card_no: str, request: ReplacementRequest, *,
                    idempotency_key: str) -> Application: ...
    def activate(self, card_no: str, *, branch_code: str, idempotency_key: str) -> CardStatus: ...
    def ecard_claim(self, card_no: str, *, branch_code: str,
                    idempotency_key: str) -> ECardClaim: ...
    def authorise_pin_reset(self, card_no: str, *, branch_code: str, function: Function,
                            idempotency_key: str) -> PinResetAuthorisation: ...
    def report_pin_lock(self, card_no: str, *, branch_code: str, function: Function,
                        idempotency_key: str) -> CardStatus:
        """The chip answered "PIN blocked": the function is 应用锁定 at the central (no PIN sent)."""
        ...

    # applications
    def submit_application(self, request: ApplicationRequest, *,
                           idempotency_key: str) -> Application: ...
    def application(self, application_id: str) -> Application: ...
    def cancel_application(self, application_id: str, *, branch_code: str, reason: str,
                           idempotency_key: str) -> Application: ...
    def hand_out(self, application_id: str, *, branch_code: str,
                 idempotency_key: str) -> Application: ...
    def resubmit_application(self, application_id: str, *, branch_code: str, reason: str,
                             idempotency_key: str) -> Application: ...
    def seal_card(self, application_id: str, *, branch_code: str, card_no: str,
                  sealing_list_id: str, reason: str, idempotency_key: str) -> SealResult: ...

    # instant issuance
    def mark_blank(self, application_id: str, *, branch_code: str, blank_serial: str,
                   idempotency_key: str) -> MarkResult: ...
    def personalisation_data(self, application_id: str) -> PersonalisationData: ...
    def report_issuance(self, application_id: str, *, branch_code: str, blank_serial: str,
                        outcome: Literal["SUCCESS", "SPOILED"], reason: str,
                        idempotency_key: str) -> Application: ...
    def cancel_issuance(self, application_id: str, *, branch_code: str, reason: str,
                        idempotency_key: str) -> Application: ...

    # production batches
    def batches(self, branch_code: str, state: str | None = None) -> list[Batch]: ...
    def receive_batch(self, branch_code: str, batch_id: str, *, idempotency_key: str,
                      received: Sequence[str] | None = None,
                      differences: Sequence[BatchDifference] = ()) -> Batch: ...

    # contributions and certificates
    def contributions(self, id_number: str, months: int = 48, *, limit: int | None = None,
                      cursor: str | None = None) -> Contributions:
        """The latest ``months`` months with a record; or paged: ``limit`` months per page,
        ``cursor`` the previous page's ``next_cursor``."""
        ...
    def issue_certificate(self, id_number: str, *, branch_code: str, months: int,
                          idempotency_key: str, kind: str = "ALL", period_from: str = "",
                          period_to: str = "") -> Certificate:
        """``period_from``/``period_to`` (YYYYMM, both or neither): the detail's months
        chosen by calendar month instead of the latest ``months`` with a record."""
        ...
    def verify_certificate(self, auth_code: str) -> CertificateCheck: ...
    def record_certificate_print(self, auth_code: str, *, branch_code: str,
                                 idempotency_key: str) -> CertificateCheck:
        """Count a print or reprint at the central (its answer's ``prints`` is this print's
        number, printed on the page)."""
        ...

    # reference data
    def banks(self) -> list[Bank]: ...
    def branches(self, bank_code: str | None = None) -> list[Branch]: ...
    def branch(self, branch_code: str) -> Branch: ...
    def branch_config(self, branch_code: str) -> BranchConfig: ...

    # audit chain head
    def audit_head(self, branch_code: str, counter_id: str) -> AuditHead: ...
    def report_audit_head(self, branch_code: str, counter_id: str, *, seq: int,
                          head_sha256: str, idempotency_key: str) -> AuditHead: ...
    def rebase_audit_head(self, branch_code: str, counter_id: str, rebase: AuditRebase, *,
                          idempotency_key: str) -> AuditHead:
        """After a supervisor's acknowledgement: the re-based head becomes the reference."""
        ...
    def audit_head_events(self, branch_code: str, counter_id: str | None = None,
                          since: int = 0, limit: int = 100) -> list[AuditHeadEvent]: ...

    # updates pulled by the sync worker
    def updates(self, branch_code: str, since: int = 0, limit: int = 200) -> Updates: ...

    # generic operation by name (the outbox stores operation name + payload)
    def execute(self, operation: str, payload: dict[str, Any], *,
                idempotency_key: str) -> dict[str, Any]: ...


@runtime_checkable
class RemoteApprovalApi(Protocol):
    """Remote supervisor approval through the central (kept apart from :class:`CentralApi` so
    the fakes of that port need not grow). Mutating calls take a fresh idempotency key each:
    one call is one act, and a consume is never replayed for a second act."""

    def request_remote_approval(self, *, request_id: str, purpose: str, summary: str,
                                teller: str, valid_seconds: int,
                                idempotency_key: str) -> RemoteApproval: ...
    def remote_approval(self, request_id: str) -> RemoteApproval: ...
    def pending_remote_approvals(self) -> list[RemoteApproval]: ...
    def decide_remote_approval(self, request_id: str, *, approve: bool, supervisor: str,
                               reason: str, idempotency_key: str) -> RemoteApproval: ...
    def consume_remote_approval(self, request_id: str, *, purpose: str,
                                idempotency_key: str) -> RemoteApproval: ...
    def cancel_remote_approval(self, request_id: str, *,
                               idempotency_key: str) -> RemoteApproval: ...


@runtime_checkable
class DayEndApi(Protocol):
    """The branch-wide day-end through the central (kept apart from :class:`CentralApi` so the
    fakes of that port need not grow). A counter's summary goes through the outbox
    (operation ``day_end.summary``); the branch's sum is read here."""

    def branch_day_end(self, branch_code: str, day: dt.date) -> BranchDayEnd: ...
