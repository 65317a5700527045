"""The query business's typed record: who was identified and what the central answered.

Read-only: nothing here is sent to the central or kept in a draft; the record lives while
the person is at the counter and is printed as a summary if asked.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from counter_app.workflows.identity_step import Identity
from counter_app.workflows.persons_card import CardRead

SCHEMA_VERSION = 1
PAGE_MONTHS = 24  # months with a record fetched per page (a long history is paged)


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    RESULT = "result"


@dataclass(frozen=True)
class PersonInfo:
    name: str
    sex: str
    birth_date: str  # ISO date
    social_security_no: str
    household_region: str
    local_household: bool


@dataclass(frozen=True)
class InsuranceStatus:
    insurance: str  # PENSION | UNEMPLOYMENT | WORK_INJURY
    status: str  # CONTRIBUTING | SUSPENDED | NONE
    employer_name: str
    employer_credit_code: str
    months_paid: int


@dataclass(frozen=True)
class MonthRecord:
    year_month: str  # YYYYMM
    employer_no: str
    insurance: str
    place: str
    base_fen: int
    personal_fen: int
    paid: bool


@dataclass(frozen=True)
class CardInfo:
    card_no: str
    bank_code: str
    card_state: str
    social_state: str
    financial_state: str
    damaged: bool = False
    issued_on: str = ""  # ISO date or ""
    expires_on: str = ""
    temp_loss_until: str = ""  # ISO datetime (UTC) or ""
    replacement_applied: bool = False


@dataclass(frozen=True)
class ApplicationInfo:
    application_id: str
    kind: str
    state: str
    state_zh: str
    making_mode: str
    collection: str
    bank_code: str
    branch_code: str
    card_no: str = ""
    batch_id: str = ""
    ems_tracking_no: str = ""
    failure_reason: str = ""
    created_at: str = ""  # ISO datetime (UTC)
    updated_at: str = ""


@dataclass(frozen=True)
class QueryResult:
    queried_at: str  # ISO datetime (UTC)
    person: PersonInfo
    insurances: tuple[InsuranceStatus, ...] = ()
    months: tuple[MonthRecord, ...] = ()  # pages fetched so far, newest first
    next_cursor: str = ""  # "" when the whole history is fetched
    pages: int = 0
    cards: tuple[CardInfo, ...] = ()
    applications: tuple[ApplicationInfo, ...] = ()  # at this bank (the central shows no other)
    open_application_elsewhere: str = ""  # an open application at another bank, if any


@dataclass(frozen=True)
class QueryRecord:
    record_id: str
    teller: str
    started_at: str
    identity: Identity = field(default_factory=Identity)
    card: CardRead | None = None  # the person's own card read and current (社保卡已读)
    result: QueryResult | None = None
    printings: int = 0
