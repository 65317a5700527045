"""The card's states and the ONE table of allowed transitions (counter side).

A social security card has two functions with their own state — the social-security
function (社保功能) and the financial function (金融功能, the bank account) — and a state of
the card as a whole. Every path of the counter that changes a state asks ``check_*`` first,
and offers the teller only what :func:`allowed_function_targets` allows; a refusal names the
state in Chinese and says what the person can do instead.

The reference central enforces the same table (``central_sim/states.py``, an independent
service that never imports this module); ``tests/unit/foundation/test_card_states_agree.py``
checks both tables agree transition by transition, and
``tests/integration/central/test_card_states_http.py`` drives the central's loss, de-loss,
PIN-reset and PIN-lock endpoints from every state and compares each answer with
:func:`check_operation`, and its replacement, activation, sealing and voiding endpoints from
every card state against :func:`check_card`.

A temporary loss (临时挂失, by phone 12333, the app or the bank's line) lapses when it is not
confirmed in time: the central stamps ``temp_loss_until`` from its branch configuration
(``temp_loss_valid_days``); :func:`effective_function_state` reads it.
"""

from __future__ import annotations

import datetime as dt
import enum

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh


class CardState(enum.StrEnum):
    PENDING_ACTIVATION = "PENDING_ACTIVATION"  # made, not yet activated
    ACTIVE = "ACTIVE"
    SEALED = "SEALED"  # 封存: uncollected too long
    VOID = "VOID"  # 作废: spoiled at issuance or failed production
    CANCELLED = "CANCELLED"  # 注销: replaced or closed


class FunctionState(enum.StrEnum):
    NORMAL = "NORMAL"
    TEMP_LOST = "TEMP_LOST"  # 临时挂失: lapses unless confirmed
    LOST = "LOST"  # 正式挂失
    LOCKED = "LOCKED"  # 应用锁定: too many wrong PINs


class CardFunction(enum.StrEnum):
    SOCIAL = "social"
    FINANCIAL = "financial"


CARD_STATE_NAMES_ZH: dict[CardState, str] = {
    CardState.PENDING_ACTIVATION: QT_TR_NOOP("领卡未激活"),
    CardState.ACTIVE: QT_TR_NOOP("正常使用"),
    CardState.SEALED: QT_TR_NOOP("封存"),
    CardState.VOID: QT_TR_NOOP("作废"),
    CardState.CANCELLED: QT_TR_NOOP("注销"),
}

FUNCTION_STATE_NAMES_ZH: dict[FunctionState, str] = {
    FunctionState.NORMAL: QT_TR_NOOP("正常"),
    FunctionState.TEMP_LOST: QT_TR_NOOP("临时挂失"),
    FunctionState.LOST: QT_TR_NOOP("正式挂失"),
    FunctionState.LOCKED: QT_TR_NOOP("应用锁定"),
}

FUNCTION_NAMES_ZH: dict[CardFunction, str] = {
    CardFunction.SOCIAL: QT_TR_NOOP("社保功能"),
    CardFunction.FINANCIAL: QT_TR_NOOP("金融功能"),
}

_C, _F = CardState, FunctionState

CARD_TRANSITIONS: dict[CardState, frozenset[CardState]] = {
    _C.PENDING_ACTIVATION: frozenset({_C.ACTIVE, _C.SEALED, _C.VOID, _C.CANCELLED}),
    _C.ACTIVE: frozenset({_C.CANCELLED}),
    _C.SEALED: frozenset({_C.PENDING_ACTIVATION, _C.CANCELLED}),
    _C.VOID: frozenset(),
    _C.CANCELLED: frozenset(),
}

FUNCTION_TRANSITIONS: dict[FunctionState, frozenset[FunctionState]] = {
    _F.NORMAL: frozenset({_F.TEMP_LOST, _F.LOST, _F.LOCKED}),
    _F.TEMP_LOST: frozenset({_F.NORMAL, _F.LOST}),
    _F.LOST: frozenset({_F.NORMAL}),  # de-loss, only until a replacement is applied for
    _F.LOCKED: frozenset({_F.NORMAL, _F.TEMP_LOST, _F.LOST}),
}

#: card states in which a function's state may change (loss, de-loss, PIN services)
IN_USE: frozenset[CardState] = frozenset({_C.ACTIVE, _C.PENDING_ACTIVATION})

#: what the person can do instead, when the card as a whole is not in use
#: (unsealing is the central's: a branch neither hands out nor activates a sealed card)
_CARD_ADVICE_ZH: dict[CardState, str] = {
    _C.SEALED: QT_TR_NOOP("该卡超期未领，已退回中心封存，网点不能发放或启用：启封由中心办理，请持卡人联系中心启封，"
                          "卡片退回网点后再办理领卡启用。"),
    _C.VOID: QT_TR_NOOP("该卡号已作废（制卡报废或撤销），不能再使用或补换：请按持卡人名下的有效卡办理，"
                        "或查询其申领的制卡进度。"),
    _C.CANCELLED: QT_TR_NOOP("该卡已注销（已补换新卡或已销户），请使用新卡办理，或查询新卡的状态。"),
}


#: what to do instead when a card in use is asked for a change the table forbids
_ACTIVE_ADVICE_ZH: dict[tuple[CardState, CardState], str] = {
    (_C.ACTIVE, _C.ACTIVE): QT_TR_NOOP("该卡已启用，无需再次启用。"),
    (_C.ACTIVE, _C.SEALED): QT_TR_NOOP("该卡已领取启用，不能退回封存。"),
    (_C.ACTIVE, _C.VOID): QT_TR_NOOP("已启用的卡不能作废；卡片损坏的请办理换卡。"),
}


class TransitionRefused(CounterError):
    """A state change the table forbids; ``message_zh`` names the state and what to do."""

    code = "STATE_TRANSITION_REFUSED"


def card_state(value: str) -> CardState:
    try:
        return CardState(value)
    except ValueError:
        raise TransitionRefused(zh("卡片状态“{state}”无法识别，请联系网点技术支持。", state=value),
                                code="CARD_STATE_UNKNOWN") from None


def function_state(value: str) -> FunctionState:
    try:
        return FunctionState(value)
    except ValueError:
        raise TransitionRefused(zh("卡片功能状态“{state}”无法识别，请联系网点技术支持。", state=value),
                                code="FUNCTION_STATE_UNKNOWN") from None


def card_allows(current: CardState | str, target: CardState | str) -> bool:
    return CardState(target) in CARD_TRANSITIONS[CardState(current)]


def function_allows(current: FunctionState | str, target: FunctionState | str) -> bool:
    return FunctionState(target) in FUNCTION_TRANSITIONS[FunctionState(current)]


def allowed_function_targets(current: FunctionState | str) -> frozenset[FunctionState]:
    return FUNCTION_TRANSITIONS[FunctionState(current)]


def check_card(current: CardState | str, target: CardState | str) -> None:
    """Raise :class:`TransitionRefused` unless the card may go from ``current`` to ``target``."""
    now, to = card_state(str(current)), card_state(str(target))
    if to in CARD_TRANSITIONS[now]:
        return
    advice = _CARD_ADVICE_ZH.get(now) or _ACTIVE_ADVICE_ZH.get((now, to), QT_TR_NOOP("请核对卡片状态后选择相应业务。"))
    raise TransitionRefused(
        zh("该卡当前状态为“{current}”，不能变更为“{target}”。{advice}", current=CARD_STATE_NAMES_ZH[now],
           target=CARD_STATE_NAMES_ZH[to], advice=advice),
        code="CARD_STATE_CONFLICT")


def check_card_in_use(current: CardState | str) -> None:
    """A function's state changes only while the card is in use (active or awaiting activation)."""
    now = card_state(str(current))
    if now in IN_USE:
        return
    raise TransitionRefused(
        zh("该卡当前状态为“{current}”，不能办理挂失、解挂等卡片业务。{advice}",
           current=CARD_STATE_NAMES_ZH[now], advice=_CARD_ADVICE_ZH.get(now, "")), code="CARD_NOT_IN_USE")


def _function_advice(current: FunctionState, target: FunctionState) -> str:
    if current is target is FunctionState.LOST:
        return QT_TR_NOOP("该功能已正式挂失，无需重复挂失；卡片找回可在发卡银行网点解挂，或办理补卡。")
    if current is FunctionState.NORMAL and target is FunctionState.NORMAL:
        return QT_TR_NOOP("该功能未挂失，无需解挂。")
    if current is FunctionState.TEMP_LOST and target is FunctionState.TEMP_LOST:
        return QT_TR_NOOP("该功能已临时挂失；可在柜面转为正式挂失，或卡片找回后解挂。")
    if current is FunctionState.LOST and target is FunctionState.TEMP_LOST:
        return QT_TR_NOOP("正式挂失不能改回临时挂失；卡片找回可解挂，否则请办理补卡。")
    if current is FunctionState.LOST and target is FunctionState.LOCKED:
        return QT_TR_NOOP("该功能已正式挂失，卡片不能使用；卡片找回请先解挂。")
    if current is target is FunctionState.LOCKED:
        return QT_TR_NOOP("该功能已应用锁定，无需再次锁定；请核验身份后办理“密码重置解锁”。")
    if target is FunctionState.LOCKED:
        return QT_TR_NOOP("该功能已挂失，卡片不能使用，无需锁定。")
    return QT_TR_NOOP("请核对卡片状态后选择相应业务。")


def check_function(function: CardFunction | str, current: FunctionState | str,
                   target: FunctionState | str) -> None:
    """Raise :class:`TransitionRefused` unless ``function`` may go from ``current`` to ``target``."""
    now, to = function_state(str(current)), function_state(str(target))
    if to in FUNCTION_TRANSITIONS[now]:
        return
    name = FUNCTION_NAMES_ZH[CardFunction(function)]
    raise TransitionRefused(
        zh("{function}当前状态为“{current}”，不能变更为“{target}”。{advice}", function=name,
           current=FUNCTION_STATE_NAMES_ZH[now], target=FUNCTION_STATE_NAMES_ZH[to],
           advice=_function_advice(now, to)), code="FUNCTION_STATE_CONFLICT")


class CardOperation(enum.StrEnum):
    """The counter operations that move (or depend on) a function's state."""

    LOSS = "loss"  # 正式挂失 (a temporary loss converted too)
    DELOSS = "deloss"  # 解挂
    PIN_RESET = "pin_reset"  # 密码重置解锁 (LOCKED → NORMAL; a forgotten PIN: no change)
    PIN_LOCK = "pin_lock"  # 应用锁定 reported after wrong PIN tries (NORMAL → LOCKED; LOCKED stays)


LOST_STATES: frozenset[FunctionState] = frozenset({_F.TEMP_LOST, _F.LOST})

#: card states in which an operation may be done: the PIN is first set at activation
#: (领卡启用), so a card awaiting activation has none to change or reset yet
OPERATION_CARD_STATES: dict[CardOperation, frozenset[CardState]] = {
    CardOperation.LOSS: IN_USE,
    CardOperation.DELOSS: IN_USE,
    CardOperation.PIN_RESET: frozenset({_C.ACTIVE}),
    CardOperation.PIN_LOCK: frozenset({_C.ACTIVE}),
}


def check_card_for(operation: CardOperation | str, current: CardState | str) -> None:
    """Raise :class:`TransitionRefused` unless the card as a whole allows ``operation``."""
    op, now = CardOperation(operation), card_state(str(current))
    if now in OPERATION_CARD_STATES[op]:
        return
    if now is CardState.PENDING_ACTIVATION:  # in use, but not for PIN services
        raise TransitionRefused(
            zh("该卡当前状态为“{current}”，尚无密码可修改或重置：密码在领卡启用时由持卡人设置。"
               "请先为持卡人办理领卡启用。", current=CARD_STATE_NAMES_ZH[now]), code="CARD_NOT_ACTIVE")
    check_card_in_use(now)


def check_operation(operation: CardOperation | str, card: CardState | str,
                    function: CardFunction | str, current: FunctionState | str) -> FunctionState:
    """The domain's verdict on ``operation`` for ``function`` of a card: the state it leaves the
    function in, or :class:`TransitionRefused` (codes as the central's: CARD_NOT_IN_USE,
    CARD_NOT_ACTIVE, FUNCTION_STATE_CONFLICT, NOT_LOST, CARD_IS_LOST)."""
    op, fn, now = CardOperation(operation), CardFunction(function), function_state(str(current))
    check_card_for(op, card)
    name, state = FUNCTION_NAMES_ZH[fn], FUNCTION_STATE_NAMES_ZH[now]
    if op is CardOperation.LOSS:
        check_function(fn, now, FunctionState.LOST)
        return FunctionState.LOST
    if op is CardOperation.DELOSS:
        if now not in LOST_STATES:  # the table's LOCKED → NORMAL is a PIN reset, not a de-loss
            advice = (QT_TR_NOOP("该功能未挂失，无需解挂。") if now is FunctionState.NORMAL
                      else QT_TR_NOOP("应用锁定请核验身份后办理“密码重置解锁”。"))
            raise TransitionRefused(zh("{function}当前状态为“{current}”，不是挂失状态，不能解挂。{advice}",
                                       function=name, current=state, advice=advice), code="NOT_LOST")
        check_function(fn, now, FunctionState.NORMAL)
        return FunctionState.NORMAL
    if op is CardOperation.PIN_LOCK:  # the chip's lock is a fact: reporting it again is no change
        if now is not FunctionState.LOCKED:
            check_function(fn, now, FunctionState.LOCKED)
        return FunctionState.LOCKED
    if now in LOST_STATES:
        raise TransitionRefused(zh("{function}当前状态为“{current}”，不能办理密码业务。卡片找回的请先在发卡银行网点"
                                   "办理解挂；未找回的请办理补卡。", function=name, current=state),
                                code="CARD_IS_LOST")
    if now is FunctionState.LOCKED:
        check_function(fn, now, FunctionState.NORMAL)
        return FunctionState.NORMAL
    return now  # a forgotten PIN reset: the state does not change


def temp_loss_lapsed(until: dt.datetime | None, now: dt.datetime) -> bool:
    """A temporary loss is valid up to and including ``until``; one instant later it lapsed.
    A temporary loss without an end is taken as still valid (the central did not say)."""
    if until is None:
        return False
    aware = until if until.tzinfo else until.replace(tzinfo=dt.UTC)
    return now > aware


def effective_function_state(state: FunctionState | str, temp_loss_until: dt.datetime | None,
                             now: dt.datetime) -> FunctionState:
    """The state that holds now: a lapsed temporary loss is back to normal."""
    current = function_state(str(state))
    if current is FunctionState.TEMP_LOST and temp_loss_lapsed(temp_loss_until, now):
        return FunctionState.NORMAL
    return current
