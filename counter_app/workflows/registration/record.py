"""Insurance registration's typed record: the kind, the materials ticked, who, the employer,
the types and the base, the outcome. A frozen dataclass tree the wizard replaces.

The bounds and the types allowed are copied from the central's answer, never from code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.identity_step import Identity

SCHEMA_VERSION = 1


class Step(enum.StrEnum):
    KIND = "kind"
    IDENTIFY = "identify"
    EMPLOYER = "employer"
    CONTRIBUTION = "contribution"
    CONFIRM = "confirm"
    DONE = "done"


class Kind(enum.StrEnum):
    EMPLOYEE = "EMPLOYEE"  # 单位职工, the employer known to the central
    FLEXIBLE = "FLEXIBLE"  # 灵活就业人员


KIND_ZH = {Kind.EMPLOYEE: QT_TR_NOOP("单位职工参保"), Kind.FLEXIBLE: QT_TR_NOOP("灵活就业人员参保")}

# The materials named up front, per kind: (key, what the teller checks); SHORT_ZH for paper
MATERIALS: dict[Kind, tuple[tuple[str, str], ...]] = {
    Kind.EMPLOYEE: (
        ("id_card", QT_TR_NOOP("本人有效居民身份证原件")),
        ("employment", QT_TR_NOOP("劳动合同或单位出具的录用（用工）证明")),
        ("credit_code", QT_TR_NOOP("单位统一社会信用代码（营业执照副本复印件或单位书面提供）")),
    ),
    Kind.FLEXIBLE: (
        ("id_card", QT_TR_NOOP("本人有效居民身份证原件")),
        ("no_employer", QT_TR_NOOP("本人确认目前无用人单位为其参保（灵活就业或个体劳动者）")),
        ("bank_account", QT_TR_NOOP("本人社会保障卡或银行卡（签订缴费扣款协议用）")),
    ),
}


SHORT_ZH = {"id_card": QT_TR_NOOP("身份证原件"), "employment": QT_TR_NOOP("劳动合同或录用证明"),
            "credit_code": QT_TR_NOOP("单位统一社会信用代码"),
            "no_employer": QT_TR_NOOP("本人确认无用人单位参保"),
            "bank_account": QT_TR_NOOP("缴费扣款银行卡")}


@dataclass(frozen=True)
class EmployerInfo:
    credit_code: str
    name: str
    employer_no: str
    status: str  # ACTIVE | CANCELLED
    insurances: tuple[str, ...]


@dataclass(frozen=True)
class BaseBounds:
    """The central's answer for the chosen kind (fen, inclusive)."""

    kind: str
    year: int
    min_base_fen: int
    max_base_fen: int
    insurances: tuple[str, ...]
    fetched_at: str = ""


@dataclass(frozen=True)
class Outcome:
    op_id: str
    status: str  # done | pending
    message: str
    at: str
    receipt_no: str
    registration_id: str = ""
    person_created: bool = False


@dataclass(frozen=True)
class RegistrationRecord:
    draft_id: str
    teller: str
    started_at: str
    kind: str = ""  # Kind value, "" until chosen
    materials: tuple[str, ...] = ()  # keys ticked
    identity: Identity = field(default_factory=Identity)
    name: str = ""  # typed from the ID card when the number was typed
    phone: str = ""
    credit_code: str = ""  # as typed (normalised when valid)
    employer: EmployerInfo | None = None
    bounds: BaseBounds | None = None
    insurances: tuple[str, ...] = ()
    base_text: str = ""  # 元, as typed
    start_month: str = ""  # YYYYMM, set when submitted
    op_id: str = ""
    outcome: Outcome | None = None
