"""The rules of replacement and exchange, as small functions over the record.

- which old card may be replaced (:func:`card_error`): the domain's table must allow the
  card to be cancelled; only at a branch of the card's own bank (the screen names the bank);
  a lost card must be formally lost first (the loss business is offered), a damaged or
  expired card must not be (then it is a lost-card replacement);
- what the old card adds (:func:`old_card_error`): a damaged or expired card is handed in,
  read when its chip still answers;
- the fee (:func:`fee_zh`), from the central's branch configuration.
"""

from __future__ import annotations

import datetime as dt

from counter_app.domain.card_states import (
    FUNCTION_NAMES_ZH,
    FUNCTION_STATE_NAMES_ZH,
    CardFunction,
    CardState,
    FunctionState,
    TransitionRefused,
    check_card,
)
from counter_app.domain.texts import QT_TR_NOOP, listing, zh
from counter_app.workflows.card_loss.record import FoundCard
from counter_app.workflows.card_loss.rules import FUNCTIONS, bank_name, current_state
from counter_app.workflows.replacement.record import Reason, ReplacementRecord

ALREADY_REPLACED_ZH = QT_TR_NOOP("该卡已办理过补换卡（原卡号已注销），不能再次补换；"
                                 "请凭身份证查询新卡的制卡进度，或到受理网点领取新卡。")
NEED_LOSS_CODE = "NEED_FORMAL_LOSS"


def fee_zh(fen: int) -> str:
    """工本费 as printed: 0 → 免费; otherwise yuan with two decimals."""
    if fen < 0:
        raise ValueError("a fee is never negative")
    return QT_TR_NOOP("免收") if fen == 0 else zh("{yuan}.{fen:02d} 元", yuan=fen // 100, fen=fen % 100)


def wrong_bank_zh(card_bank: str, branch_bank: str) -> str:
    return zh("该卡由{card_bank}发行，补卡、换卡须到{card_bank}的网点办理"
              "（本网点属于{branch_bank}）。请告知持卡人前往{card_bank}网点。",
              card_bank=bank_name(card_bank), branch_bank=bank_name(branch_bank))


def states_zh(now_states: dict[CardFunction, FunctionState]) -> str:
    return listing([zh("{function}为“{state}”", function=FUNCTION_NAMES_ZH[f], state=FUNCTION_STATE_NAMES_ZH[s])
                    for f, s in now_states.items()])


def function_states(card: FoundCard, now: dt.datetime) -> dict[CardFunction, FunctionState]:
    """Both functions' states that hold now (a lapsed temporary loss is normal again)."""
    return {f: current_state(card, f, now) for f in FUNCTIONS}


def card_error(record: ReplacementRecord, bank_code: str, now: dt.datetime) -> tuple[str, str]:
    """Why this card cannot be replaced here, and its code ("", "" when it can)."""
    card = record.card
    if card is None:
        return QT_TR_NOOP("请先向中心查询持卡人的社保卡。"), "NO_CARD"
    if not card.states_known:
        return QT_TR_NOOP("专线中断，补换卡须联网办理。"), "REPLACEMENT_NEEDS_CENTRAL"
    if card.bank_code and card.bank_code != bank_code:  # first, as the central checks it
        return wrong_bank_zh(card.bank_code, bank_code), "WRONG_BANK"
    if card.replacement_applied:  # as the central: a closed (注销) card is the table's refusal
        return ALREADY_REPLACED_ZH, "REPLACEMENT_APPLIED"
    try:  # the old card number is cancelled: the table must allow it
        check_card(card.card_state, CardState.CANCELLED)
    except TransitionRefused as refused:
        return refused.message_zh, refused.code
    states = function_states(card, now)
    lost = FunctionState.LOST in states.values()
    if record.reason is Reason.LOST and not lost:
        return zh("该卡{states}，尚未正式挂失。遗失补卡须先办理正式挂失"
                  "（临时挂失须转为正式挂失）：请先办理“挂失 / 解挂”，再办理补卡。",
                  states=states_zh(states)), NEED_LOSS_CODE
    if record.reason is not Reason.LOST and lost:
        return zh("该卡{states}：已正式挂失的卡请按“遗失补卡”办理；"
                  "卡片已找回的，可先解挂再换卡。", states=states_zh(states)), "CARD_IS_LOST"
    return "", ""


def old_card_error(record: ReplacementRecord) -> str:
    """A damaged or expired card is handed in: read it, or say its chip does not answer."""
    card = record.card
    if record.reason is Reason.LOST or card is None:
        return ""
    if record.card_read_no and record.card_read_no != card.card_no:
        return QT_TR_NOOP("读卡器中的卡片不是本次要换的卡，请核对持卡人交回的原卡。")
    if record.card_read_no == card.card_no or record.chip_unreadable:
        return ""
    return QT_TR_NOOP("换卡须收回原卡：请将原卡插入读卡器后按 F3 读取；芯片已损坏读不出的，"
                      "核对卡面卡号后勾选“原卡芯片无法读取，已收回原卡”。")


def options_error(record: ReplacementRecord) -> dict[str, str]:
    terms = record.terms
    if terms is None:
        return {"terms": QT_TR_NOOP("尚未取得本网点的补换卡收费标准，请重新查询卡片。")}
    if record.same_number and not terms.same_number_exchange:
        return {"same_number": QT_TR_NOOP("本网点未开通同号换卡，请选择换发新卡号。")}
    return {}
