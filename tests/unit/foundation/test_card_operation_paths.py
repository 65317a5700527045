"""Every path of the counter that offers a state-changing operation gives the domain's one
verdict (``card_states.check_operation``): the loss and de-loss choices (``card_loss.rules``)
and the PIN reset offer (``pin_services.rules``), for every card state × function × state.
The central's endpoints give the same verdict (tests/integration/central/test_card_states_http.py)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from counter_app.domain.card_states import (
    CardFunction,
    CardOperation,
    CardState,
    FunctionState,
    TransitionRefused,
    check_operation,
)
from counter_app.workflows.card_loss import rules as loss_rules
from counter_app.workflows.card_loss.record import CardSource, FoundCard, LossRecord, Operation
from counter_app.workflows.card_services.record import CentralView
from counter_app.workflows.card_services.record import Operation as ServiceOperation
from counter_app.workflows.pin_services.rules import pin_offer

NOW = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
UNTIL = (NOW + dt.timedelta(days=5)).isoformat()  # a temporary loss still valid
CASES = list(itertools.product(CardState, CardFunction, FunctionState))


def _verdict(op: CardOperation, card: CardState, function: CardFunction,
             state: FunctionState) -> bool:
    try:
        check_operation(op, card, function, state)
    except TransitionRefused:
        return False
    return True


def _states(function: CardFunction, state: FunctionState) -> tuple[str, str]:
    other = FunctionState.NORMAL.value
    return ((state.value, other) if function is CardFunction.SOCIAL else (other, state.value))


@pytest.mark.parametrize("op", [Operation.LOSS, Operation.DELOSS])
@pytest.mark.parametrize(("card", "function", "state"), CASES)
def test_loss_choices_are_the_domain_verdict(op: Operation, card: CardState,
                                             function: CardFunction, state: FunctionState) -> None:
    social, financial = _states(function, state)
    found = FoundCard("NB0000016", CardSource.CENTRAL, NOW.isoformat(), "ICBC", card.value,
                      social, financial, UNTIL if state is FunctionState.TEMP_LOST else "")
    record = LossRecord("d", "T0301", NOW.isoformat(), operation=op, card=found)
    offer = next(o for o in loss_rules.offers(record, NOW) if o.function is function)
    domain_op = CardOperation.LOSS if op is Operation.LOSS else CardOperation.DELOSS
    assert offer.allowed == _verdict(domain_op, card, function, state)
    if not offer.allowed:
        assert offer.reason_zh and offer.reason_zh.count("。") >= 1


@pytest.mark.parametrize(("card", "function", "state"), CASES)
def test_pin_reset_offer_is_the_domain_verdict(card: CardState, function: CardFunction,
                                               state: FunctionState) -> None:
    social, financial = _states(function, state)
    central = CentralView(card.value, social, financial, "ICBC",
                          UNTIL if state is FunctionState.TEMP_LOST else "", NOW.isoformat())
    offer = pin_offer(ServiceOperation.RESET_PIN, central, function, bank_code="ICBC",
                      chip_blocked=False, now=NOW)
    assert offer.allowed == _verdict(CardOperation.PIN_RESET, card, function, state)
    assert offer.unlocks == (offer.allowed and state is FunctionState.LOCKED)
    if not offer.allowed:
        assert offer.reason_zh and not any(s.value in offer.reason_zh for s in CardState)
