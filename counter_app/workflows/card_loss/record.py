"""The loss / de-loss business's typed record: who, which card, what was chosen, the outcome.

A frozen dataclass tree; the workflow replaces it on every change. The card's states are
kept as the central (or the card) reported them; what may be offered is computed from them
by ``rules`` with the domain's one table (``domain.card_states``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from counter_app.domain.texts import QT_TR_NOOP

# the person as identified: the one identity check of every business (source "card" here
# when the card in the reader named the person first)
from counter_app.workflows.identity_step import Identity as Identity

SCHEMA_VERSION = 1


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    CARD = "card"
    CHOOSE = "choose"
    DONE = "done"


class Operation(enum.StrEnum):
    LOSS = "loss"  # 挂失: formal loss, directly or from a temporary loss
    DELOSS = "deloss"  # 解挂


OPERATION_TITLES_ZH = {Operation.LOSS: QT_TR_NOOP("正式挂失"), Operation.DELOSS: QT_TR_NOOP("解除挂失")}


class CardSource(enum.StrEnum):
    CENTRAL = "central"  # found by the central's card query for this person
    CARD = "card"  # read from the card in the reader (then its states asked of the central)
    TYPED = "typed"  # typed by the teller while the line is down (states unknown)


@dataclass(frozen=True)
class FoundCard:
    """The card the business is about, as last reported (states empty: not known offline)."""

    card_no: str
    source: CardSource
    checked_at: str
    bank_code: str = ""
    card_state: str = ""
    social_state: str = ""
    financial_state: str = ""
    temp_loss_until: str = ""  # ISO time, "" when none
    replacement_applied: bool = False

    @property
    def states_known(self) -> bool:
        return bool(self.card_state)


@dataclass(frozen=True)
class Outcome:
    """What happened to the request: ``done`` (the central confirmed), ``pending`` (queued
    in the outbox, sent when the line returns)."""

    op_id: str
    status: str
    functions: tuple[str, ...]
    message: str
    at: str
    receipt_no: str
    social_after: str = ""
    financial_after: str = ""


@dataclass(frozen=True)
class LossRecord:
    draft_id: str
    teller: str
    started_at: str
    operation: Operation = Operation.LOSS
    identity: Identity = field(default_factory=Identity)
    card: FoundCard | None = None
    card_read_no: str = ""  # the card number read from the card in the reader
    line_down: bool = False  # the card query found the line down
    chosen: tuple[str, ...] = ()  # functions chosen on the choose step
    op_id: str = ""  # idempotency key, durable (outbox row) before anything is sent
    outcome: Outcome | None = None
