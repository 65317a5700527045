"""Every path of the counter that offers a state-changing operation gives the domain's one
verdict (``card_states.check_operation``): the loss and de-loss choices (``card_loss.rules``)
the PIN reset offer (``pin_services.rules``), for every card state × function × state, and
the replacement offer (``replacement.rules.card_error``, the old card to 注销) for every card
state and reason.
The central's endpoints give the same verdict (tests/integration/central/test_card_states_http.py)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from counter_app.domain.card_states import (
    CARD_STATE_NAMES_ZH,
    CardFunction,
    CardOperation,
    CardState,
    FunctionState,
)
from counter_app.workflows.card_loss import rules as loss_rules
from counter_app.workflows.card_loss.record import CardSource, FoundCard, LossRecord, Operation
from counter_app.workflows.card_services.record import CentralView
from counter_app.workflows.card_services.record import Operation as ServiceOperation
from counter_app.workflows.pin_services.rules import pin_offer
from counter_app.workflows.replacement import rules as replacement_rules
from counter_app.workflows.replacement.record import Reason, ReplacementRecord
from tests.fixtures.card_states import card_refusal, operation_allowed

NOW = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
UNTIL = (NOW + dt.timedelta(days=5)).isoformat()  # a temporary loss still valid
CASES = list(itertools.product(CardState, CardFunction, FunctionState))


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
    assert offer.allowed == operation_allowed(domain_op, card, function, state)
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
    assert offer.allowed == operation_allowed(CardOperation.PIN_RESET, card, function, state)
    assert offer.unlocks == (offer.allowed and state is FunctionState.LOCKED)
    if not offer.allowed:
        assert offer.reason_zh and not any(s.value in offer.reason_zh for s in CardState)


@pytest.mark.parametrize("reason", list(Reason))
@pytest.mark.parametrize("card", list(CardState))
def test_replacement_offer_is_the_tables_verdict(reason: Reason, card: CardState) -> None:
    """Replacement cancels the old card number: the counter offers it exactly when the table
    lets the card go to 注销 (a lost card formally lost first, a handed-in one not lost)."""
    lost = reason is Reason.LOST
    found = FoundCard("NB0000016", CardSource.CENTRAL, NOW.isoformat(), "ICBC", card.value,
                      FunctionState.LOST.value if lost else FunctionState.NORMAL.value,
                      FunctionState.NORMAL.value)
    record = ReplacementRecord("d", "T0301", NOW.isoformat(), reason=reason, card=found)
    message, code = replacement_rules.card_error(record, "ICBC", NOW)
    refused = card_refusal(card, CardState.CANCELLED)
    allowed = refused is None
    if refused is not None:
        assert (message, code) == (refused.message_zh, refused.code)
    assert (code == "") == allowed
    if not allowed:  # the state in Chinese and what to do, no English state
        assert f"“{CARD_STATE_NAMES_ZH[card]}”" in message and card.value not in message
        assert message.count("。") >= 2


def test_replacement_offer_of_an_already_replaced_card_says_so() -> None:
    found = FoundCard("NB0000016", CardSource.CENTRAL, NOW.isoformat(), "ICBC",
                      CardState.CANCELLED.value, "LOST", "NORMAL", replacement_applied=True)
    record = ReplacementRecord("d", "T0301", NOW.isoformat(), reason=Reason.LOST, card=found)
    assert replacement_rules.card_error(record, "ICBC", NOW) == (
        replacement_rules.ALREADY_REPLACED_ZH, "REPLACEMENT_APPLIED")
