"""The counter's card state table and the reference central's agree, transition by transition.

The central is an independent service (it never imports counter_app); this test reads both
tables and asks both ``check_*`` functions about every pair of states.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from central_sim import states as central
from central_sim.errors import Refusal
from counter_app.domain import card_states as counter

CARD_STATES = sorted(set(central.CARD_TRANSITIONS) | {str(s) for s in counter.CardState})
FUNCTION_STATES = sorted(set(central.FUNCTION_TRANSITIONS) | {str(s) for s in counter.FunctionState})


def test_same_states_on_both_sides() -> None:
    assert set(central.CARD_TRANSITIONS) == {str(s) for s in counter.CardState}
    assert set(central.FUNCTION_TRANSITIONS) == {str(s) for s in counter.FunctionState}
    assert set(central.FUNCTIONS) == {str(f) for f in counter.CardFunction}


def _central_allows(check: Callable[..., None], *args: str) -> bool:
    try:
        check(*args)
    except Refusal:
        return False
    return True


def _counter_allows(check: Callable[..., None], *args: str) -> bool:
    try:
        check(*args)
    except counter.TransitionRefused:
        return False
    return True


@pytest.mark.parametrize(("current", "target"), list(itertools.product(CARD_STATES, CARD_STATES)))
def test_card_transition_agrees(current: str, target: str) -> None:
    on_central = _central_allows(central.check_card, current, target)
    on_counter = _counter_allows(counter.check_card, current, target)
    assert on_central == on_counter, f"{current} → {target}: central {on_central}, counter {on_counter}"
    assert on_counter == counter.card_allows(current, target)


@pytest.mark.parametrize("function", central.FUNCTIONS)
@pytest.mark.parametrize(("current", "target"),
                         list(itertools.product(FUNCTION_STATES, FUNCTION_STATES)))
def test_function_transition_agrees(function: str, current: str, target: str) -> None:
    on_central = _central_allows(central.check_function, function, current, target)
    on_counter = _counter_allows(counter.check_function, function, current, target)
    assert on_central == on_counter, (
        f"{function} {current} → {target}: central {on_central}, counter {on_counter}")
    assert on_counter == counter.function_allows(current, target)


def test_the_table_is_not_trivial() -> None:
    """Both sides allow some and refuse some (an empty or full table would agree too)."""
    pairs = list(itertools.product(FUNCTION_STATES, FUNCTION_STATES))
    allowed = [p for p in pairs if counter.function_allows(*p)]
    assert 0 < len(allowed) < len(pairs)
    assert counter.function_allows("LOST", "NORMAL") and not counter.function_allows("LOST", "TEMP_LOST")


@pytest.mark.parametrize(("current", "target"),
                         [(c, t) for c, t in itertools.product(FUNCTION_STATES, FUNCTION_STATES)
                          if not counter.function_allows(c, t)])
def test_every_refusal_names_the_state_in_chinese_and_advises(current: str, target: str) -> None:
    with pytest.raises(counter.TransitionRefused) as caught:
        counter.check_function("financial", current, target)
    message = caught.value.message_zh
    assert counter.FUNCTION_STATE_NAMES_ZH[counter.FunctionState(current)] in message
    assert "金融功能" in message
    assert current not in message  # the Chinese name, not the code
    assert message.count("。") >= 2  # the refusal, then what to do instead


@pytest.mark.parametrize("state", ["SEALED", "VOID", "CANCELLED"])
def test_card_not_in_use_names_state_and_advises(state: str) -> None:
    with pytest.raises(counter.TransitionRefused) as caught:
        counter.check_card_in_use(state)
    name = counter.CARD_STATE_NAMES_ZH[counter.CardState(state)]
    assert f"“{name}”" in caught.value.message_zh
    assert caught.value.code == "CARD_NOT_IN_USE"
