"""The card services' typed record (密码及卡片服务): who, the card as the chip and the central
show it, the operation chosen, the outcome. No PIN is ever part of it: PINs go from the PIN
pad to the chip as opaque ``PinEntry`` values and are forgotten."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.identity_step import Identity

SCHEMA_VERSION = 1


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    CARD = "card"
    ACT = "act"
    DONE = "done"


class Operation(enum.StrEnum):
    READ = "read"  # 读卡查询
    CHANGE_PIN = "change_pin"  # 修改密码
    RESET_PIN = "reset_pin"  # 密码重置解锁
    WRITE = "write"  # 信息变更写卡


OPERATION_TITLES_ZH = {
    Operation.READ: QT_TR_NOOP("读卡查询"),
    Operation.CHANGE_PIN: QT_TR_NOOP("修改密码"),
    Operation.RESET_PIN: QT_TR_NOOP("密码重置解锁"),
    Operation.WRITE: QT_TR_NOOP("信息变更写卡"),
}


@dataclass(frozen=True)
class ChipView:
    """What the chip says (EF05/EF06), read in this visit."""

    card_no: str
    id_number: str
    name: str
    sex: str
    birth_date: str  # ISO date
    issue_date: str
    expiry_date: str
    spec_version: str
    read_at: str
    nation: str = ""  # GB/T 3304 code (EF06 tag 0B), what 信息变更写卡 rewrites


@dataclass(frozen=True)
class CentralView:
    """Both functions' states as the central reported them ("" card_state: not known)."""

    card_state: str = ""
    social_state: str = ""
    financial_state: str = ""
    bank_code: str = ""
    temp_loss_until: str = ""
    checked_at: str = ""

    @property
    def known(self) -> bool:
        return bool(self.card_state)


@dataclass(frozen=True)
class Outcome:
    op_id: str
    status: str  # "done"
    message: str
    at: str
    receipt_no: str
    function: str = ""
    authorisation_id: str = ""
    fields: tuple[str, ...] = ()  # chip fields written (信息变更写卡)


@dataclass(frozen=True)
class CardServicesRecord:
    draft_id: str
    teller: str
    started_at: str
    operation: Operation = Operation.READ
    identity: Identity = field(default_factory=Identity)
    chip: ChipView | None = None
    central: CentralView = field(default_factory=CentralView)
    line_down: bool = False
    function: str = "social"  # the function a PIN service is for
    pin_blocked: bool = False  # the chip answered "PIN blocked" in this visit
    tries_left: int = -1  # after a wrong old PIN (-1: none wrong)
    op_id: str = ""  # idempotency key of the central's reset authorisation
    outcome: Outcome | None = None
