"""What a PIN service may do to a function, from the domain's one state table.

- Both need an activated card (the PIN is first set at 领卡启用: a card awaiting activation
  has none) and a function not lost: ``domain.card_states.check_operation``, the rule the
  central's ``/pin-reset-authorisations`` enforces too.
- 修改密码 (change): the function must be NORMAL; a locked PIN is reset, not
  changed; a lost function is de-lost first. The financial function's PIN belongs to the
  issuing bank's core system (not the social security application on the chip): it is
  changed at the bank's own terminals, never at this counter.
- 密码重置解锁 (reset): LOCKED → NORMAL is the table's transition (checked); a NORMAL
  function may have its forgotten PIN reset (no state change); a lost function is refused
  naming its state. The financial function only at a branch of the card's own bank.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.domain.card_states import (
    FUNCTION_NAMES_ZH,
    FUNCTION_STATE_NAMES_ZH,
    CardFunction,
    CardOperation,
    FunctionState,
    TransitionRefused,
    check_operation,
    effective_function_state,
)
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.card_loss.rules import bank_name, parse_time
from counter_app.workflows.card_services.record import CentralView, Operation

FINANCIAL_CHANGE_ZH = QT_TR_NOOP("金融功能（银行账户）的密码由发卡银行核心系统管理，不在社保卡芯片的社保应用中："
                                 "请持卡人在{bank}的自助设备或银行柜台修改。")


@dataclass(frozen=True)
class PinOffer:
    function: CardFunction
    state_zh: str
    allowed: bool
    reason_zh: str = ""
    unlocks: bool = False  # the service takes the function from LOCKED to NORMAL

    @property
    def title_zh(self) -> str:
        return FUNCTION_NAMES_ZH[self.function]


def function_state(central: CentralView, function: CardFunction, now: dt.datetime) -> FunctionState:
    raw = central.social_state if function is CardFunction.SOCIAL else central.financial_state
    return effective_function_state(raw, parse_time(central.temp_loss_until), now)


def pin_offer(op: Operation, central: CentralView, function: CardFunction, *, bank_code: str,
              chip_blocked: bool, now: dt.datetime) -> PinOffer:
    """Whether ``op`` (change or reset) may be done to ``function`` now, and why not."""
    if not central.known:
        return PinOffer(function, "", False, QT_TR_NOOP("专线中断，无法向中心核实卡片状态：密码服务须联网办理。"))
    state = function_state(central, function, now)
    # the chip's own lock is the social function's 应用锁定 even before the central hears of it
    if function is CardFunction.SOCIAL and chip_blocked and state is FunctionState.NORMAL:
        state = FunctionState.LOCKED
    name = FUNCTION_STATE_NAMES_ZH[state]
    try:  # the domain's verdict: an activated card, the function not lost (both services)
        after = check_operation(CardOperation.PIN_RESET, central.card_state, function, state)
    except TransitionRefused as refused:
        return PinOffer(function, name, False, refused.message_zh)
    if op is Operation.CHANGE_PIN:
        if function is CardFunction.FINANCIAL:
            return PinOffer(function, name, False, zh(  # the marked template, filled for tr()
                FINANCIAL_CHANGE_ZH,
                bank=bank_name(central.bank_code) if central.bank_code else QT_TR_NOOP("发卡银行")))
        if state is FunctionState.LOCKED:
            return PinOffer(function, name, False,
                            QT_TR_NOOP("密码已锁定（应用锁定），不能修改：请核验身份后办理“密码重置解锁”。"))
        return PinOffer(function, name, True)
    if function is CardFunction.FINANCIAL and central.bank_code and central.bank_code != bank_code:
        return PinOffer(function, name, False,
                        zh("该卡由{card_bank}发行，"
                           "金融功能密码重置须到{card_bank}的网点办理（本网点属于{branch_bank}）。",
                           card_bank=bank_name(central.bank_code), branch_bank=bank_name(bank_code)))
    if after is not state:  # LOCKED → NORMAL, the table's transition
        return PinOffer(function, name, True, unlocks=True)
    return PinOffer(function, name, True)  # a forgotten PIN: reset, no state change
