"""The replacement business's typed record (补卡 / 换卡 / 同号换卡): who, which old card,
why, the choices, the fee and the central's answer.

A frozen dataclass tree; the workflow replaces it on every change. The old card's states are
kept as the central reported them (``card_loss.record.FoundCard``); what may be done is
computed by ``rules`` with the domain's one table (``domain.card_states``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal

from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.card_loss.record import FoundCard, Identity
from counter_app.workflows.replacement.making import Making

SCHEMA_VERSION = 1


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    CARD = "card"
    OPTIONS = "options"
    DONE = "done"


class Reason(enum.StrEnum):
    LOST = "lost"  # 遗失补卡: ID only, the card formally lost first
    DAMAGED = "damaged"  # 损坏换卡: ID plus the old card
    EXPIRED = "expired"  # 到期换卡: ID plus the old card
    # 信息变更换卡: a new name or ID number at the central; the old card handed in (read when
    # its chip answers), no formal loss; after an ID-number change the central files the
    # card under the new number while its chip still carries the old one
    INFO_CHANGED = "info_changed"


REASON_TITLES_ZH = {Reason.LOST: QT_TR_NOOP("遗失补卡"), Reason.DAMAGED: QT_TR_NOOP("损坏换卡"),
                    Reason.EXPIRED: QT_TR_NOOP("到期换卡"), Reason.INFO_CHANGED: QT_TR_NOOP("信息变更换卡")}
#: the central's contract knows two reasons: a lost card, or an old card handed in
CENTRAL_REASON: dict[Reason, Literal["LOST", "DAMAGED"]] = {
    Reason.LOST: "LOST", Reason.DAMAGED: "DAMAGED", Reason.EXPIRED: "DAMAGED",
    Reason.INFO_CHANGED: "DAMAGED"}


@dataclass(frozen=True)
class BranchTerms:
    """What the central says about this branch (asked with the card): fee and services."""

    fee_fen: int  # 工本费 due, in fen (the fee schedule; the central's configuration if it rules)
    instant_issue: bool
    same_number_exchange: bool
    central_fee_fen: int | None = None  # what the central's branch configuration says
    fee_basis_zh: str = ""  # on what the fee rests (printed on the fee receipt)


@dataclass(frozen=True)
class FeePayment:
    """How the teller takes the fee (cash, or a bank transfer with its reference), and the
    fee receipt once it is recorded in the teller's session."""

    method: str = "cash"
    reference: str = ""
    receipt_no: str = ""  # "" until recorded
    problem_zh: str = ""  # the business was done but the fee could not be recorded: why


@dataclass(frozen=True)
class Outcome:
    """The central's answer: the replacement application it opened (the old card cancelled)."""

    op_id: str
    status: str  # "done" (the central answered), "unknown" (answer lost; confirmed by the worker)
    application_id: str
    kind: str  # REPLACEMENT_LOST | EXCHANGE_DAMAGED | EXCHANGE_SAME_NUMBER
    making_mode: str
    state_zh: str
    fee_fen: int
    old_card_no: str
    same_number: bool
    message: str
    at: str
    receipt_no: str


@dataclass(frozen=True)
class ReplacementRecord:
    draft_id: str
    teller: str
    started_at: str
    reason: Reason = Reason.LOST
    identity: Identity = field(default_factory=Identity)
    card: FoundCard | None = None
    card_read_no: str = ""  # the old card's number as read from its chip
    chip_unreadable: bool = False  # the old card was handed in but its chip does not answer
    terms: BranchTerms | None = None
    same_number: bool = False  # 同号换卡: keep the bank card number and account
    op_id: str = ""  # idempotency key, durable (outbox row) before anything is sent
    outcome: Outcome | None = None
    fee: FeePayment = field(default_factory=FeePayment)
    making: Making = field(default_factory=Making)  # on the spot or by the central; the photo
