"""Chip activation (docs/card.md "Activation"): the function byte read with GET DATA C2 and
set by ACTIVATE (84 EC, MAC by the PSAM with the update key) on the in-process card."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.card.apdu import CommandApdu
from counter_app.card.emulator.card import CardState
from counter_app.card.emulator.factory import demo_card_data, new_blank, new_personalised
from counter_app.card.errors import CardStatusError, ConditionsNotSatisfiedError
from counter_app.card.layout import (
    FUNCTION_FINANCIAL,
    FUNCTION_SOCIAL,
    FUNCTIONS_ALL,
    INS_ACTIVATE,
)
from counter_app.card.perso import MemoryJournalStore, PersonalisationEngine, build_script
from tests.unit.card.conftest import Rig


def made_card() -> Rig:
    from tests.unit.card.conftest import make_rig

    return make_rig(new_personalised(demo_card_data(), activated=False))


def test_a_card_from_production_reads_not_activated_and_activates_once() -> None:
    rig = made_card()
    card = rig.ssse()
    card.select()
    assert card.functions() == 0
    card.activate(FUNCTION_SOCIAL)
    assert card.functions() == FUNCTION_SOCIAL
    card.activate(FUNCTIONS_ALL)  # bits are only ever set; again: no change
    card.activate(FUNCTION_FINANCIAL)
    assert card.functions() == FUNCTIONS_ALL == rig.card.state.functions
    # the byte is persistent card state, not session state
    assert CardState.from_json(rig.card.state.to_json()).functions == FUNCTIONS_ALL


def test_activation_needs_the_psam_mac_over_a_fresh_challenge() -> None:
    rig = made_card()
    card = rig.ssse()
    card.select()
    forged = CommandApdu(0x84, INS_ACTIVATE, 0x00, 0x00, bytes((FUNCTIONS_ALL,)) + bytes(4))
    card.get_challenge(8)
    with pytest.raises(CardStatusError) as err:
        card.send(forged)
    assert err.value.sw == 0x6988
    assert rig.card.state.functions == 0


def test_a_wrong_psam_cannot_activate(rig_factory: Callable[..., Rig]) -> None:
    rig = rig_factory(new_personalised(demo_card_data(), activated=False), psam_seed="other")
    card = rig.ssse()
    card.select()
    with pytest.raises(CardStatusError):
        card.activate(FUNCTIONS_ALL)
    assert rig.card.state.functions == 0


@pytest.mark.parametrize("functions", [0x00, 0x04, 0x83])
def test_an_unknown_function_bit_is_refused(functions: int) -> None:
    rig = made_card()
    card = rig.ssse()
    card.select()
    with pytest.raises(CardStatusError) as err:
        card.activate(functions)
    assert err.value.sw == 0x6A80
    assert rig.card.state.functions == 0


def test_a_blank_cannot_be_activated_before_personalisation_ends(blank_rig: Rig) -> None:
    card = blank_rig.ssse()
    card.select()
    with pytest.raises(ConditionsNotSatisfiedError):
        card.activate(FUNCTIONS_ALL)
    assert card.functions() == 0
    script = build_script(demo_card_data(), script_id="app-1")
    assert PersonalisationEngine(MemoryJournalStore()).run(card, script).issued
    card.ensure_selected()
    assert card.functions() == 0  # personalised is not activated
    card.activate(FUNCTIONS_ALL)
    assert card.functions() == FUNCTIONS_ALL


def test_card_files_from_before_activation_read_as_cards_in_use() -> None:
    issued = new_personalised(demo_card_data()).to_json()
    blank = new_blank().to_json()
    for raw in (issued, blank):
        del raw["functions"]
    assert CardState.from_json(issued).functions == FUNCTIONS_ALL
    assert CardState.from_json(blank).functions == 0
