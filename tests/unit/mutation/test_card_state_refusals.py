"""What the teller reads when the card state table refuses a change (it names the state in
Chinese and what the person can do instead), and the end of a temporary loss to the instant."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from counter_app.domain.card_states import (
    CardState,
    FunctionState,
    TransitionRefused,
    allowed_function_targets,
    card_allows,
    card_state,
    check_card,
    check_card_in_use,
    check_function,
    effective_function_state,
    function_allows,
    function_state,
    temp_loss_lapsed,
)


def _refusal(call: Callable[..., object], *args: str) -> TransitionRefused:
    with pytest.raises(TransitionRefused) as err:
        call(*args)
    return err.value


def test_unknown_states_are_refused_with_their_value() -> None:
    err = _refusal(card_state, "LOST")
    assert (err.code, err.message_zh) == ("CARD_STATE_UNKNOWN", "卡片状态“LOST”无法识别，请联系网点技术支持。")
    err = _refusal(function_state, "SEALED")
    assert (err.code, err.message_zh) == (
        "FUNCTION_STATE_UNKNOWN", "卡片功能状态“SEALED”无法识别，请联系网点技术支持。")
    assert card_state("ACTIVE") is CardState.ACTIVE
    assert function_state("LOCKED") is FunctionState.LOCKED


def test_allows_reads_the_table_from_current_to_target() -> None:
    assert card_allows("SEALED", "PENDING_ACTIVATION")
    assert card_allows("PENDING_ACTIVATION", "SEALED")  # both ways
    assert card_allows("ACTIVE", "CANCELLED") and not card_allows("CANCELLED", "ACTIVE")
    assert function_allows("LOST", "NORMAL") and not function_allows("LOST", "TEMP_LOST")
    assert allowed_function_targets("TEMP_LOST") == {FunctionState.NORMAL, FunctionState.LOST}


def test_card_refusal_names_both_states_and_the_advice_of_the_current_one() -> None:
    err = _refusal(check_card, "SEALED", "ACTIVE")
    assert err.code == "CARD_STATE_CONFLICT"
    # unsealing is the central's: the counter says so (as the central's hand-out refusal does)
    assert err.message_zh == ("该卡当前状态为“封存”，不能变更为“正常使用”。"
                              "该卡超期未领，已退回中心封存，网点不能发放或启用：启封由中心办理，请持卡人联系中心启封，"
                              "卡片退回网点后再办理领卡启用。")
    err = _refusal(check_card, "ACTIVE", "PENDING_ACTIVATION")  # no advice for this one
    assert err.message_zh == "该卡当前状态为“正常使用”，不能变更为“领卡未激活”。请核对卡片状态后选择相应业务。"
    err = _refusal(check_card, "ACTIVE", "ACTIVE")  # the advice of the change asked for
    assert err.message_zh == "该卡当前状态为“正常使用”，不能变更为“正常使用”。该卡已启用，无需再次启用。"
    assert _refusal(check_card, "ACTIVE", "VOID").message_zh.endswith("已启用的卡不能作废；卡片损坏的请办理换卡。")
    assert _refusal(check_card, "ACTIVE", "SEALED").message_zh.endswith("该卡已领取启用，不能退回封存。")
    assert check_card(CardState.ACTIVE, CardState.CANCELLED) is None


def test_function_changes_only_while_the_card_is_in_use() -> None:
    for state in ("ACTIVE", "PENDING_ACTIVATION"):
        assert check_card_in_use(state) is None
    err = _refusal(check_card_in_use, "VOID")
    assert err.code == "CARD_NOT_IN_USE"
    assert err.message_zh == ("该卡当前状态为“作废”，不能办理挂失、解挂等卡片业务。"
                              "该卡号已作废（制卡报废或撤销），不能再使用或补换：请按持卡人名下的有效卡办理，"
                              "或查询其申领的制卡进度。")
    err = _refusal(check_card_in_use, "CANCELLED")
    assert err.message_zh.endswith("该卡已注销（已补换新卡或已销户），请使用新卡办理，或查询新卡的状态。")


@pytest.mark.parametrize(("current", "target", "advice"), [
    ("LOST", "LOST", "该功能已正式挂失，无需重复挂失；卡片找回可在发卡银行网点解挂，或办理补卡。"),
    ("NORMAL", "NORMAL", "该功能未挂失，无需解挂。"),
    ("TEMP_LOST", "TEMP_LOST", "该功能已临时挂失；可在柜面转为正式挂失，或卡片找回后解挂。"),
    ("LOST", "TEMP_LOST", "正式挂失不能改回临时挂失；卡片找回可解挂，否则请办理补卡。"),
    ("LOST", "LOCKED", "该功能已正式挂失，卡片不能使用；卡片找回请先解挂。"),
    ("TEMP_LOST", "LOCKED", "该功能已挂失，卡片不能使用，无需锁定。"),
])
def test_function_refusal_says_what_to_do(current: str, target: str, advice: str) -> None:
    err = _refusal(check_function, "social", current, target)
    assert err.code == "FUNCTION_STATE_CONFLICT"
    assert err.message_zh.endswith("。" + advice)


def test_function_refusal_names_the_function_and_both_states() -> None:
    err = _refusal(check_function, "financial", "LOST", "TEMP_LOST")
    assert err.message_zh.startswith("金融功能当前状态为“正式挂失”，不能变更为“临时挂失”。")
    err = _refusal(check_function, "social", "NORMAL", "NORMAL")
    assert err.message_zh.startswith("社保功能当前状态为“正常”，不能变更为“正常”。")
    assert check_function("social", "LOCKED", "TEMP_LOST") is None


UNTIL = dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.UTC)  # midnight in Beijing


def test_a_temporary_loss_holds_up_to_and_including_its_end() -> None:
    assert not temp_loss_lapsed(UNTIL, UNTIL)
    assert temp_loss_lapsed(UNTIL, UNTIL + dt.timedelta(microseconds=1))
    assert not temp_loss_lapsed(None, UNTIL + dt.timedelta(days=999))


def test_a_naive_end_is_utc() -> None:
    naive = UNTIL.replace(tzinfo=None)
    assert not temp_loss_lapsed(naive, UNTIL)
    assert temp_loss_lapsed(naive, UNTIL + dt.timedelta(microseconds=1))
    # the same instant written in Beijing time is not moved by the naive rule
    beijing = UNTIL.astimezone(dt.timezone(dt.timedelta(hours=8)))
    assert not temp_loss_lapsed(beijing, UNTIL)


def test_effective_state_is_normal_once_the_temporary_loss_lapsed() -> None:
    later = UNTIL + dt.timedelta(seconds=1)
    assert effective_function_state("TEMP_LOST", UNTIL, later) is FunctionState.NORMAL
    assert effective_function_state("TEMP_LOST", UNTIL, UNTIL) is FunctionState.TEMP_LOST
    assert effective_function_state("TEMP_LOST", None, later) is FunctionState.TEMP_LOST
    # only a temporary loss lapses
    assert effective_function_state("LOST", UNTIL, later) is FunctionState.LOST
    assert effective_function_state("LOCKED", UNTIL, later) is FunctionState.LOCKED
