"""The central's refusals about a card, told again with the counter's one state table.

The central answers a stable code, a short text and the states in ``details`` (e.g.
FUNCTION_STATE_CONFLICT with ``function``, ``state``, ``target``). The counter retells the
card-state refusals from :mod:`counter_app.domain.card_states`, so the teller reads the
state's Chinese name and what the person can do instead, whatever words the central used;
the bank refusals name the banks in Chinese.
"""

from __future__ import annotations

from counter_app.central.errors import CentralRefusal
from counter_app.domain.banks import PARTNER_BANKS
from counter_app.domain.card_states import (
    CardOperation,
    CardState,
    TransitionRefused,
    check_card,
    check_card_for,
    check_card_in_use,
    check_function,
    check_operation,
)
from counter_app.domain.texts import QT_TR_NOOP, zh

#: the central's refusals that are about a state of the card or of one of its functions
STATE_CODES = frozenset({"FUNCTION_STATE_CONFLICT", "CARD_STATE_CONFLICT", "CARD_NOT_IN_USE",
                         "CARD_NOT_ACTIVE", "NOT_LOST", "CARD_IS_LOST", "CARD_SEALED"})
UNTOLD_STATE_ZH = QT_TR_NOOP("中心系统未受理：卡片当前状态不允许办理此业务。请重新读卡查询两项功能的状态后，"
                             "按提示选择相应业务。")


def bank_name(code: str) -> str:
    """The bank's Chinese name (``card_loss.rules.bank_name``; not imported: that package
    imports this module)."""
    bank = PARTNER_BANKS.get(code)
    return bank.name_zh if bank else code


def _state_reason(exc: CentralRefusal, operation: CardOperation | None) -> str:
    """The counter table's refusal for the states the central named ("" when it named none)."""
    d = {k: str(v) for k, v in exc.details.items()}
    try:
        if exc.central_code == "FUNCTION_STATE_CONFLICT":
            check_function(d["function"], d["state"], d["target"])
        elif exc.central_code == "CARD_STATE_CONFLICT":
            check_card(d["card_state"], d["target"])
        elif exc.central_code == "CARD_SEALED":  # a hand-out: sealed cards are the central's
            check_card(CardState.SEALED, CardState.ACTIVE)
        elif exc.central_code in ("CARD_NOT_IN_USE", "CARD_NOT_ACTIVE"):
            if operation is None:
                check_card_in_use(d["card_state"])
            else:
                check_card_for(operation, d["card_state"])
        elif operation is not None:  # NOT_LOST, CARD_IS_LOST: the function's state decides
            check_operation(operation, CardState.ACTIVE, d["function"], d["state"])
    except TransitionRefused as refused:
        return refused.message_zh
    except (KeyError, ValueError):  # a state the central did not name, or one unknown here
        return ""
    return ""  # the table allows it: the states changed meanwhile; the generic text says so


def retell(exc: CentralRefusal, operation: CardOperation | None = None,
           card_bank: str = "") -> CentralRefusal:
    """``exc`` with a message the teller can act on (the code and details kept).
    ``operation`` names a function-level operation (loss, de-loss, PIN); None for the
    card-level ones (replacement, activation, hand-out, sealing)."""
    code, details = exc.central_code, dict(exc.details)
    if code == "CARD_FORBIDDEN" and card_bank:  # activation at another bank's branch
        return CentralRefusal(exc.status, code, zh(
            "中心系统未受理：该卡由{card_bank}发行，领卡启用须到{card_bank}的网点办理。",
            card_bank=bank_name(card_bank)), details)
    if code == "WRONG_BANK":
        bank = str(details.get("card_bank") or card_bank)
        branch = str(details.get("branch_bank") or "")
        message = (zh("中心系统未受理：该卡由{card_bank}发行，须到{card_bank}的网点办理（本网点属于{branch_bank}）。",
                      card_bank=bank_name(bank), branch_bank=bank_name(branch)) if branch
                   else zh("中心系统未受理：该卡由{card_bank}发行，须到{card_bank}的网点办理。",
                           card_bank=bank_name(bank)))
        return CentralRefusal(exc.status, code, message, details)
    if code == "REPLACEMENT_APPLIED" and operation is CardOperation.DELOSS:
        return CentralRefusal(exc.status, code,
                              QT_TR_NOOP("中心系统未受理：该卡已申请补卡，正式挂失不可撤销，不能解挂；"
                                         "请持卡人等候新卡。"), details)
    if code in STATE_CODES:
        reason = _state_reason(exc, operation)
        if not reason and operation is None and code in ("NOT_LOST", "CARD_IS_LOST"):
            return exc  # a card-level business: the central's own sentence names the loss
        told: str = zh("中心系统未受理：{reason}", reason=reason) if reason else UNTOLD_STATE_ZH
        return CentralRefusal(exc.status, code, told, details)
    return exc
