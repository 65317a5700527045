"""The rules of loss and de-loss, as small functions over the record.

- what may be offered per function (:func:`offers`): only transitions the domain's table
  allows, from the state that holds now (a lapsed temporary loss is normal again);
- the own-bank rule for de-loss (:func:`own_bank_error`): the screen names the bank to go to;
- which of the person's cards the business is about (:func:`pick_card`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.central.api import CardStatus
from counter_app.domain.banks import PARTNER_BANKS
from counter_app.domain.card_states import (
    FUNCTION_NAMES_ZH,
    FUNCTION_STATE_NAMES_ZH,
    CardFunction,
    CardState,
    FunctionState,
    TransitionRefused,
    check_card_in_use,
    check_function,
    effective_function_state,
)
from counter_app.domain.texts import QT_TR_NOOP, listing, zh
from counter_app.workflows.card_loss.record import CardSource, FoundCard, LossRecord, Operation

FUNCTIONS: tuple[CardFunction, ...] = (CardFunction.SOCIAL, CardFunction.FINANCIAL)
LOSS_STATES = frozenset({FunctionState.TEMP_LOST, FunctionState.LOST})
REPLACED_ZH = QT_TR_NOOP(
    "该卡已申请补卡，正式挂失不可撤销，不能解挂；请持卡人等候新卡（可凭身份证查询制卡进度）。")


@dataclass(frozen=True)
class Offer:
    """One function of the card as the choose step shows it."""

    function: CardFunction
    state_zh: str  # the state that holds now, in Chinese ("" when not known offline)
    allowed: bool
    action_zh: str  # what choosing it does (临时挂失转正式挂失 …)
    reason_zh: str = ""  # why it is not offered, and what to do instead
    target: FunctionState | None = None

    @property
    def title_zh(self) -> str:
        return FUNCTION_NAMES_ZH[self.function]


def bank_name(code: str) -> str:
    bank = PARTNER_BANKS.get(code)
    return bank.name_zh if bank else code


def parse_time(text: str) -> dt.datetime | None:
    if not text:
        return None
    t = dt.datetime.fromisoformat(text)
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def found_card(status: CardStatus, source: CardSource, now: dt.datetime) -> FoundCard:
    until = status.temp_loss_until
    return FoundCard(
        card_no=status.card_no, source=source, checked_at=now.isoformat(),
        bank_code=status.bank_code, card_state=status.card_state,
        social_state=status.social_state, financial_state=status.financial_state,
        temp_loss_until=until.isoformat() if until else "",
        replacement_applied=status.replacement_applied)


def pick_card(cards: list[CardStatus]) -> CardStatus | None:
    """The card in use (a person holds one); else the latest, so its state can be named."""
    if not cards:
        return None
    in_use = [c for c in cards if c.card_state in (CardState.ACTIVE, CardState.PENDING_ACTIVATION)]
    return in_use[-1] if in_use else cards[-1]


def current_state(card: FoundCard, function: CardFunction, now: dt.datetime) -> FunctionState:
    raw = card.social_state if function is CardFunction.SOCIAL else card.financial_state
    return effective_function_state(raw, parse_time(card.temp_loss_until), now)


def own_bank_error(card: FoundCard, bank_code: str) -> str:
    """De-loss (and replacement) only at a branch of the card's own bank."""
    if not card.bank_code or card.bank_code == bank_code:
        return ""
    return zh("该卡由{card_bank}发行，解挂须到{card_bank}的网点办理"
              "（本网点属于{branch_bank}）。请告知持卡人前往{card_bank}网点。",
              card_bank=bank_name(card.bank_code), branch_bank=bank_name(bank_code))


def card_error(record: LossRecord, bank_code: str) -> str:
    """Why the business cannot go on with this card (empty: it can)."""
    card = record.card
    if card is None:
        return QT_TR_NOOP("请先查询或读取持卡人的社保卡。")
    if record.operation is Operation.DELOSS:
        if not card.states_known:
            return QT_TR_NOOP("专线中断，无法向中心核实卡片状态，解挂须联网办理。")
        if card.replacement_applied:  # named first: the old card is cancelled by it too
            return REPLACED_ZH
    if card.states_known:
        try:
            check_card_in_use(card.card_state)
        except TransitionRefused as refused:
            return refused.message_zh
    if record.operation is Operation.DELOSS:
        if (wrong := own_bank_error(card, bank_code)):
            return wrong
        if record.card_read_no != card.card_no:
            return QT_TR_NOOP("解挂须读取持卡人找回的社保卡：请将卡片插入读卡器后点击“读取社保卡”。")
    return ""


def offers(record: LossRecord, now: dt.datetime) -> tuple[Offer, ...]:
    """Each function with what may be done to it now; nothing the table forbids is allowed."""
    card = record.card
    if card is None:
        return ()
    return tuple(_offer(record.operation, card, f, now) for f in FUNCTIONS)


def _offer(op: Operation, card: FoundCard, function: CardFunction, now: dt.datetime) -> Offer:
    if not card.states_known:  # line down: a formal loss is queued; the central checks it
        if op is Operation.LOSS:
            return Offer(function, "", True, QT_TR_NOOP("正式挂失（待中心确认）"), target=FunctionState.LOST)
        return Offer(function, "", False, "", QT_TR_NOOP("专线中断，解挂须联网办理。"))
    state = current_state(card, function, now)
    name = FUNCTION_STATE_NAMES_ZH[state]
    raw = card.social_state if function is CardFunction.SOCIAL else card.financial_state
    if raw == FunctionState.TEMP_LOST and state is FunctionState.NORMAL:
        name = QT_TR_NOOP("正常（临时挂失已过期）")
    if op is Operation.DELOSS and card.replacement_applied:
        return Offer(function, name, False, "", REPLACED_ZH)
    try:
        check_card_in_use(card.card_state)
    except TransitionRefused as refused:
        return Offer(function, name, False, "", refused.message_zh)
    if op is Operation.LOSS:
        target = FunctionState.LOST
        action = (QT_TR_NOOP("临时挂失转正式挂失") if state is FunctionState.TEMP_LOST
                  else QT_TR_NOOP("正式挂失"))
    else:
        target = FunctionState.NORMAL
        action = QT_TR_NOOP("解除挂失")
        if state not in LOSS_STATES:  # the table's LOCKED → NORMAL is a PIN reset, not this
            reason = (QT_TR_NOOP("该功能未挂失，无需解挂。") if state is FunctionState.NORMAL
                      else zh("该功能为“{name}”，不是挂失状态；应用锁定请办理密码重置解锁。", name=name))
            return Offer(function, name, False, "", reason)
    try:
        check_function(function, state, target)
    except TransitionRefused as refused:
        return Offer(function, name, False, "", refused.message_zh)
    return Offer(function, name, True, action, target=target)


def choice_errors(record: LossRecord, now: dt.datetime) -> dict[str, str]:
    if not record.chosen:
        return {"functions": QT_TR_NOOP("请至少选择一项功能。")}
    allowed = {str(o.function) for o in offers(record, now) if o.allowed}
    refused = [c for c in record.chosen if c not in allowed]
    if refused:
        known = {f.value for f in CardFunction}
        names = [FUNCTION_NAMES_ZH[CardFunction(c)] for c in refused if c in known]
        return {"functions": zh("{functions}当前不能办理此业务，请重新选择。",
                                functions=listing(names) if names else QT_TR_NOOP("所选功能"))}
    return {}


def mask_card_no(card_no: str) -> str:
    return card_no[:3] + "*" * max(0, len(card_no) - 5) + card_no[-2:] if len(card_no) > 5 else card_no
