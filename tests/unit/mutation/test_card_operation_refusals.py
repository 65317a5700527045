"""Each refusal of the card operations (loss, de-loss, PIN reset, PIN lock) with its exact code
and the exact Chinese the teller reads: the function and state named, and the advice.

The expected values are written out here, not computed with ``check_operation``: the shared
fixture ``tests/fixtures/card_states.py`` asks ``check_operation`` itself, so a changed code or
text there changes both sides of those comparisons.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.domain.card_states import (
    CardFunction,
    CardOperation,
    CardState,
    FunctionState,
    TransitionRefused,
    _function_advice,
    check_card_for,
    check_card_in_use,
    check_operation,
)

_C, _F, _O = CardState, FunctionState, CardOperation

SEALED_ADVICE = ("该卡超期未领，已退回中心封存，网点不能发放或启用：启封由中心办理，请持卡人联系中心启封，"
                 "卡片退回网点后再办理领卡启用。")
VOID_ADVICE = "该卡号已作废（制卡报废或撤销），不能再使用或补换：请按持卡人名下的有效卡办理，或查询其申领的制卡进度。"
CANCELLED_ADVICE = "该卡已注销（已补换新卡或已销户），请使用新卡办理，或查询新卡的状态。"
NOT_ACTIVE = ("该卡当前状态为“领卡未激活”，尚无密码可修改或重置：密码在领卡启用时由持卡人设置。"
              "请先为持卡人办理领卡启用。")


def _refusal(call: Callable[..., object], *args: object) -> tuple[str, str]:
    with pytest.raises(TransitionRefused) as err:
        call(*args)
    return err.value.code, err.value.message_zh


# --- the card as a whole ---------------------------------------------------------------------

@pytest.mark.parametrize(("card", "card_zh", "advice"), [
    (_C.SEALED, "封存", SEALED_ADVICE), (_C.VOID, "作废", VOID_ADVICE),
    (_C.CANCELLED, "注销", CANCELLED_ADVICE)])
def test_card_not_in_use_names_its_state_and_advice(card: CardState, card_zh: str, advice: str) -> None:
    expected = ("CARD_NOT_IN_USE", f"该卡当前状态为“{card_zh}”，不能办理挂失、解挂等卡片业务。{advice}")
    assert _refusal(check_card_in_use, card) == expected
    for op in _O:  # every operation refuses such a card the same way, before its function
        assert _refusal(check_card_for, op, card) == expected
        assert _refusal(check_operation, op, card, "social", "NORMAL") == expected
        assert _refusal(check_operation, op, card, "financial", "LOST") == expected


@pytest.mark.parametrize("op", [_O.PIN_RESET, _O.PIN_LOCK])
def test_pin_services_wait_for_activation(op: CardOperation) -> None:
    # in use, but the PIN is set at activation: CARD_NOT_ACTIVE, not CARD_NOT_IN_USE
    assert _refusal(check_card_for, op, "PENDING_ACTIVATION") == ("CARD_NOT_ACTIVE", NOT_ACTIVE)
    for state in _F:
        assert _refusal(check_operation, op, "PENDING_ACTIVATION", "financial", state) == (
            "CARD_NOT_ACTIVE", NOT_ACTIVE)
    assert check_card_for(op, "ACTIVE") is None


@pytest.mark.parametrize("op", [_O.LOSS, _O.DELOSS])
def test_loss_and_deloss_accept_a_card_awaiting_activation(op: CardOperation) -> None:
    assert check_card_for(op, "PENDING_ACTIVATION") is None
    assert check_card_for(op, "ACTIVE") is None


# --- loss ------------------------------------------------------------------------------------

@pytest.mark.parametrize("card", [_C.ACTIVE, _C.PENDING_ACTIVATION])
@pytest.mark.parametrize("state", [_F.NORMAL, _F.TEMP_LOST, _F.LOCKED])
def test_loss_leaves_the_function_lost(card: CardState, state: FunctionState) -> None:
    assert check_operation("loss", card, "social", state) is FunctionState.LOST


def test_a_second_loss_is_refused_with_the_advice() -> None:
    assert _refusal(check_operation, "loss", "ACTIVE", "financial", "LOST") == (
        "FUNCTION_STATE_CONFLICT",
        "金融功能当前状态为“正式挂失”，不能变更为“正式挂失”。"
        "该功能已正式挂失，无需重复挂失；卡片找回可在发卡银行网点解挂，或办理补卡。")


# --- de-loss --------------------------------------------------------------------------------

@pytest.mark.parametrize("card", [_C.ACTIVE, _C.PENDING_ACTIVATION])
@pytest.mark.parametrize("state", [_F.TEMP_LOST, _F.LOST])
def test_deloss_of_a_lost_function_leaves_it_normal(card: CardState, state: FunctionState) -> None:
    assert check_operation("deloss", card, "financial", state) is FunctionState.NORMAL


def test_deloss_of_a_normal_function_is_not_lost() -> None:
    assert _refusal(check_operation, "deloss", "ACTIVE", "social", "NORMAL") == (
        "NOT_LOST", "社保功能当前状态为“正常”，不是挂失状态，不能解挂。该功能未挂失，无需解挂。")
    assert _refusal(check_operation, "deloss", "PENDING_ACTIVATION", "financial", "NORMAL") == (
        "NOT_LOST", "金融功能当前状态为“正常”，不是挂失状态，不能解挂。该功能未挂失，无需解挂。")


def test_deloss_of_a_locked_function_points_to_the_pin_reset() -> None:
    # the table allows LOCKED -> NORMAL, but that is a PIN reset, not a de-loss
    assert _refusal(check_operation, "deloss", "ACTIVE", "financial", "LOCKED") == (
        "NOT_LOST", "金融功能当前状态为“应用锁定”，不是挂失状态，不能解挂。应用锁定请核验身份后办理“密码重置解锁”。")
    assert _refusal(check_operation, "deloss", "ACTIVE", "social", "LOCKED") == (
        "NOT_LOST", "社保功能当前状态为“应用锁定”，不是挂失状态，不能解挂。应用锁定请核验身份后办理“密码重置解锁”。")


# --- PIN reset ------------------------------------------------------------------------------

@pytest.mark.parametrize(("function", "name"), [(CardFunction.SOCIAL, "社保功能"),
                                                (CardFunction.FINANCIAL, "金融功能")])
@pytest.mark.parametrize(("state", "state_zh"), [(_F.TEMP_LOST, "临时挂失"), (_F.LOST, "正式挂失")])
def test_pin_reset_of_a_lost_function_is_card_is_lost(function: CardFunction, name: str,
                                                     state: FunctionState, state_zh: str) -> None:
    assert _refusal(check_operation, "pin_reset", "ACTIVE", function, state) == (
        "CARD_IS_LOST", f"{name}当前状态为“{state_zh}”，不能办理密码业务。"
                        "卡片找回的请先在发卡银行网点办理解挂；未找回的请办理补卡。")


def test_pin_reset_unlocks_a_locked_function_and_keeps_a_normal_one() -> None:
    assert check_operation("pin_reset", "ACTIVE", "social", "LOCKED") is FunctionState.NORMAL
    assert check_operation("pin_reset", "ACTIVE", "financial", "LOCKED") is FunctionState.NORMAL
    assert check_operation("pin_reset", "ACTIVE", "social", "NORMAL") is FunctionState.NORMAL


# --- PIN lock -------------------------------------------------------------------------------

def test_pin_lock_locks_a_normal_function_and_a_locked_one_stays() -> None:
    assert check_operation("pin_lock", "ACTIVE", "social", "NORMAL") is FunctionState.LOCKED
    assert check_operation("pin_lock", "ACTIVE", "financial", "LOCKED") is FunctionState.LOCKED


def test_pin_lock_of_a_lost_function_is_refused_with_the_advice() -> None:
    assert _refusal(check_operation, "pin_lock", "ACTIVE", "social", "TEMP_LOST") == (
        "FUNCTION_STATE_CONFLICT",
        "社保功能当前状态为“临时挂失”，不能变更为“应用锁定”。该功能已挂失，卡片不能使用，无需锁定。")
    assert _refusal(check_operation, "pin_lock", "ACTIVE", "financial", "LOST") == (
        "FUNCTION_STATE_CONFLICT",
        "金融功能当前状态为“正式挂失”，不能变更为“应用锁定”。该功能已正式挂失，卡片不能使用；卡片找回请先解挂。")


# --- the advice of each refused function change, branch by branch --------------------------

DEFAULT_ADVICE = "请核对卡片状态后选择相应业务。"


@pytest.mark.parametrize(("current", "target", "advice"), [
    (_F.LOST, _F.LOST, "该功能已正式挂失，无需重复挂失；卡片找回可在发卡银行网点解挂，或办理补卡。"),
    (_F.NORMAL, _F.NORMAL, "该功能未挂失，无需解挂。"),
    (_F.TEMP_LOST, _F.TEMP_LOST, "该功能已临时挂失；可在柜面转为正式挂失，或卡片找回后解挂。"),
    (_F.LOST, _F.TEMP_LOST, "正式挂失不能改回临时挂失；卡片找回可解挂，否则请办理补卡。"),
    (_F.LOST, _F.LOCKED, "该功能已正式挂失，卡片不能使用；卡片找回请先解挂。"),
    (_F.TEMP_LOST, _F.LOCKED, "该功能已挂失，卡片不能使用，无需锁定。"),
    (_F.LOCKED, _F.LOCKED, "该功能已应用锁定，无需再次锁定；请核验身份后办理“密码重置解锁”。"),
    # the pairs below are allowed by today's table, so no refusal reaches them; the advice
    # is what a refusal would get if the table changed: each is asked directly
    (_F.NORMAL, _F.LOST, DEFAULT_ADVICE),  # NORMAL on one side only: not "未挂失"
    (_F.NORMAL, _F.TEMP_LOST, DEFAULT_ADVICE),
    (_F.LOCKED, _F.NORMAL, DEFAULT_ADVICE),
    (_F.TEMP_LOST, _F.NORMAL, DEFAULT_ADVICE),
    (_F.LOST, _F.NORMAL, DEFAULT_ADVICE),
    (_F.LOCKED, _F.LOST, DEFAULT_ADVICE),
])
def test_function_advice(current: FunctionState, target: FunctionState, advice: str) -> None:
    assert _function_advice(current, target) == advice
