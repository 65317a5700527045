"""Request and response bodies of central API v1 (the OpenAPI document is generated from these)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from central_sim.people import DataChangeProof

Function = Literal["social", "financial"]
MAX_INT = 2**63 - 1  # signed 64-bit: what every database column holds
# String limits are the database column sizes (central_sim/db.py).
BranchCodeField = Annotated[str, Field(min_length=1, max_length=16)]
BankCodeField = Annotated[str, Field(min_length=1, max_length=16)]
AddressField = Annotated[str | None, Field(default=None, max_length=256)]
ReasonField = Annotated[str, Field(default="", max_length=128)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code")
    message_zh: str = Field(description="Message for the teller, Simplified Chinese")
    details: dict[str, Any] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    server_time: dt.datetime
    version: str
    api: str


class PersonOut(BaseModel):
    id_number: str
    name: str
    sex: Literal["1", "2"]
    nation: str
    birth_date: dt.date
    household_region: str
    local_household: bool
    nonlocal_entitled: bool
    minor: bool
    guardian_id_number: str | None
    social_security_no: str


class Reason(BaseModel):
    code: str
    message_zh: str


class EligibilityOut(BaseModel):
    id_number: str
    eligible: bool
    needs_guardian: bool
    active_card_no: str | None
    open_application_id: str | None
    reasons: list[Reason]


class CardOut(BaseModel):
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


class ApplicationIn(_Strict):
    id_number: str = Field(min_length=18, max_length=18)
    guardian_id_number: str | None = Field(default=None, min_length=18, max_length=18)
    bank_code: BankCodeField
    branch_code: BranchCodeField
    making_mode: Literal["INSTANT", "FACTORY"]
    collection: Literal["BRANCH", "EMS", "EMPLOYER"] = "BRANCH"
    ems_address: AddressField = None
    photo_sha256: str = Field(min_length=64, max_length=64)


class ApplicationOut(BaseModel):
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


class BranchAction(_Strict):
    branch_code: BranchCodeField


class CancelIn(_Strict):
    branch_code: BranchCodeField
    reason: ReasonField = ""


#: a card number: 8 characters and a check character (0-9 or X), as the central allocates them
CARD_NO_PATTERN = r"^[A-Z0-9]{8}[0-9X]$"


class ResubmitIn(_Strict):
    """A failed production (制卡失败) made again on the same application."""

    branch_code: BranchCodeField
    reason: ReasonField = ""


class SealIn(_Strict):
    """An uncollected card past the keeping period, returned to the central and sealed (封存)."""

    branch_code: BranchCodeField
    card_no: str = Field(min_length=9, max_length=9, pattern=CARD_NO_PATTERN)
    # the id printed on the branch's sealing list (e.g. FC-ICBC-NB-0101-20261130-1A2B3C): an
    # identifier, not free text, so no name or ID number rides into the central's notices
    sealing_list_id: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
    reason: ReasonField = ""


class SealOut(BaseModel):
    application_id: str
    card_no: str
    card_state: str
    sealing_list_id: str
    sealed_at: dt.datetime


class MarkIn(_Strict):
    branch_code: BranchCodeField
    blank_serial: str = Field(min_length=1, max_length=32)


class MarkOut(BaseModel):
    application_id: str
    card_no: str
    blank_serial: str
    state: str


class PersonalisationOut(BaseModel):
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


class IssuanceResultIn(_Strict):
    branch_code: BranchCodeField
    blank_serial: str = Field(min_length=1, max_length=32)
    outcome: Literal["SUCCESS", "SPOILED"]
    reason: ReasonField = ""


class LossIn(_Strict):
    branch_code: BranchCodeField
    functions: list[Function] = Field(default_factory=lambda: ["social", "financial"], min_length=1)


class ReplacementIn(_Strict):
    branch_code: BranchCodeField
    reason: Literal["LOST", "DAMAGED"]
    same_number: bool = False
    making_mode: Literal["INSTANT", "FACTORY"]
    collection: Literal["BRANCH", "EMS", "EMPLOYER"] = "BRANCH"
    ems_address: AddressField = None
    photo_sha256: str | None = Field(
        default=None, min_length=64, max_length=64,
        description="a new photo's SHA-256; omitted: the photo of the card being replaced")


class PinResetIn(_Strict):
    branch_code: BranchCodeField
    function: Function


class PinLockIn(_Strict):
    """The chip answered "PIN blocked" at a counter: the function is 应用锁定 (no PIN sent)."""

    branch_code: BranchCodeField
    function: Function


class PinResetOut(BaseModel):
    authorisation_id: str
    card_no: str
    function: Function
    valid_until: dt.datetime


class BatchItem(BaseModel):
    application_id: str
    card_no: str | None
    id_number: str
    state: str


class BatchDifference(BaseModel):
    kind: Literal["MISSING", "EXTRA", "MISMATCHED"]
    application_id: str | None = Field(default=None, max_length=40)  # the envelope's application
    card_no: str | None = Field(default=None, max_length=9)  # the chip read (EXTRA, MISMATCHED)


class BatchOut(BaseModel):
    batch_id: str
    branch_code: str
    state: Literal["SHIPPED", "RECEIVED"]
    created_at: dt.datetime
    received_at: dt.datetime | None
    items: list[BatchItem]
    #: the differences the receiving branch reported (empty: none, or received without a report)
    differences: list[BatchDifference] = []


class BatchReceiptIn(_Strict):
    """What the branch found when it received a batch against the list: the applications whose
    card was read and matched (received into branch custody) and every difference. Missing
    cards stay shipped at the central (to be traced); an extra card is returned; a mismatched
    card (in another application's envelope) is received by its chip and the envelope reported."""

    branch_code: BranchCodeField
    received: list[str] = Field(default_factory=list, max_length=2000)
    differences: list[BatchDifference] = Field(default_factory=list, max_length=2000)


class ContributionMonth(BaseModel):
    year_month: str
    employer_no: str
    insurance: str
    place: str
    base_fen: int
    personal_fen: int
    paid: bool


class InsuranceSummary(BaseModel):
    insurance: str
    status: Literal["CONTRIBUTING", "SUSPENDED", "NONE"]
    employer_name: str | None
    employer_credit_code: str | None
    months_paid: int


class ContributionsOut(BaseModel):
    id_number: str
    summary: list[InsuranceSummary]
    months: list[ContributionMonth]
    # paged reads (limit given): the cursor of the next, older page; null on the last page
    next_cursor: str | None = None


CertificateKind = Literal["ALL", "PENSION", "UNEMPLOYMENT", "WORK_INJURY"]


class CertificateIn(_Strict):
    branch_code: BranchCodeField
    months: int = Field(default=48, ge=1, le=48)
    kind: CertificateKind = "ALL"  # the insurance types the certificate certifies
    period_from: str | None = Field(
        default=None, pattern=r"^[0-9]{4}(0[1-9]|1[0-2])$",
        description="YYYYMM, with period_to: the detail covers the months with a record from "
        "this month to period_to (months is then ignored); at most 48 calendar months, not "
        "after the current month (422 CERTIFICATE_PERIOD_INVALID).")
    period_to: str | None = Field(default=None, pattern=r"^[0-9]{4}(0[1-9]|1[0-2])$",
                                  description="YYYYMM, the period's last month (with period_from).")


class CertificatePrintIn(_Strict):
    """A print (or reprint) of an issued certificate, reported by the printing counter."""

    branch_code: BranchCodeField


class CertificateOut(BaseModel):
    auth_code: str
    qr_payload: str
    issued_at: dt.datetime
    valid_until: dt.datetime
    content_sha256: str
    content: dict[str, Any]


class CertificateCheck(BaseModel):
    """What a verifier learns from a code: anyone holding the code may ask, so the person is
    named only masked (name 张*三, ID number 330203********2017) — never in full."""

    auth_code: str
    valid: bool
    expired: bool
    issued_at: dt.datetime
    valid_until: dt.datetime
    content_sha256: str
    person_name_masked: str
    id_number_masked: str
    kind: CertificateKind
    period_from: str | None = Field(description="first month of the detail, YYYYMM")
    period_to: str | None = Field(description="last month of the detail, YYYYMM")
    months: int = Field(description="months of contribution detail certified")
    prints: int = Field(description="prints reported so far (1 = the original only)")
    last_printed_at: dt.datetime | None
    branch_code: str = Field(description="the branch that had it issued")
    branch_name: str


class BankOut(BaseModel):
    code: str
    name_zh: str


class BranchOut(BaseModel):
    code: str
    bank_code: str
    name_zh: str
    district: str
    instant_issue: bool
    weekend_open: bool
    same_number_exchange: bool


class BranchConfigOut(BaseModel):
    branch_code: str
    replacement_fee_fen: int
    temp_loss_valid_days: int
    social_pin_retries: int
    bank_pin_retries_per_day: int
    card_validity_years: int
    uncollected_keep_months: int
    photo_max_kb: int
    min_version: str | None = Field(
        default=None, max_length=32, description="the lowest counter version (PEP 440) accepted "
        "for new work: a counter "
        "below it is warned for its grace period, then refused new businesses; null: none")


class AuditHeadIn(_Strict):
    seq: int = Field(ge=0, le=MAX_INT)
    head_sha256: str = Field(min_length=64, max_length=64)


class AuditHeadOut(BaseModel):
    branch_code: str
    counter_id: str
    seq: int
    head_sha256: str
    reported_at: dt.datetime


Sha256Hex = Annotated[str, Field(min_length=64, max_length=64, pattern="^[0-9a-f]{64}$")]


class AuditRebaseIn(_Strict):
    """A break of the counter's audit chain, acknowledged by a supervisor at the counter: the
    chain is re-based on the acknowledgement entry, which becomes the central's reference.
    Only the counter itself may send it (its verified identity)."""

    seq: int = Field(ge=1, le=MAX_INT, description="the new head: the acknowledgement entry")
    head_sha256: Sha256Hex
    supervisor: str = Field(min_length=1, max_length=32,
                            description="user id of the supervisor who acknowledged the break")
    reason: str = Field(min_length=4, max_length=500, description="the supervisor's reason")
    acknowledged_at: dt.datetime
    broken_seq: int | None = Field(
        default=None, ge=0, le=MAX_INT,
        description="the central's head the counter saw and found not in its chain (absent "
                    "when the counter could not fetch it, e.g. the line was down)")
    broken_head_sha256: Sha256Hex | None = None
    first_bad_seq: int | None = Field(default=None, ge=0, le=MAX_INT,
                                      description="where the counter found its chain broken")
    problem: str = Field(default="", max_length=200, description="what the counter found")


AuditEventKind = Literal["REBASE", "REFUSED_REGRESSION", "REFUSED_FORK"]


class AuditHeadEventOut(BaseModel):
    """Evidence about a counter's chain head: a re-base, or a head the central refused."""

    event_id: int
    branch_code: str
    counter_id: str
    kind: AuditEventKind
    at: dt.datetime
    caller: str = Field(description="the verified identity that sent it, BRANCH/COUNTER")
    caller_via: Literal["certificate", "header"]
    seq: int = Field(description="the head offered")
    head_sha256: str
    previous_seq: int | None = Field(description="the central's reference head at that moment")
    previous_head_sha256: str | None
    supervisor: str | None = None
    reason: str | None = None
    broken_seq: int | None = None
    broken_head_sha256: str | None = None
    first_bad_seq: int | None = None
    problem: str | None = None
    acknowledged_at: dt.datetime | None = None


class DataChangeIn(_Strict):
    branch_code: BranchCodeField
    client_seq: int = Field(ge=0, le=MAX_INT,
                            description="Per-person sequence number assigned by the counter")
    changes: dict[Annotated[str, Field(max_length=32)], Annotated[str, Field(max_length=256)]] = Field(
        max_length=16, description="phone (at most 20 characters), address, education, "
                                   "marital_status (no proof); work_start_date, birth_date "
                                   "(ISO dates, proof.records); name, id_number, sex ('1'/'2'), "
                                   "nation (GB/T 3304 code, e.g. '01') (proof: ID card read and "
                                   "a police or court paper); values "
                                   "at most 256 characters")
    proof: DataChangeProof | None = Field(default=None, description="what backs the change")

    @field_validator("changes")
    @classmethod
    def _phone_fits(cls, v: dict[str, str]) -> dict[str, str]:
        if len(v.get("phone", "")) > 20:
            # same error type as max_length: a limit, answered 422 LIMIT_EXCEEDED
            raise PydanticCustomError("string_too_long", "phone: at most 20 characters")
        return v


class OperationAck(BaseModel):
    operation_id: str
    received_at: dt.datetime


class UpdateItem(BaseModel):
    seq: int
    kind: str
    ref: str
    data: dict[str, Any]
    created_at: dt.datetime


class UpdatesOut(BaseModel):
    items: list[UpdateItem]
    next_since: int
