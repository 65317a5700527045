"""Personalisation engine against the in-process card: tear at every APDU index."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest

from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import card_data_for, new_blank
from counter_app.card.layout import LIFECYCLE_ISSUED, encode_records
from counter_app.card.perso import (
    MemoryJournalStore,
    PersonalisationEngine,
    PersoScript,
    PersoState,
    build_script,
)
from counter_app.domain.card import CardData
from tests.unit.card.conftest import Rig


# built on first use, not at import: a broken builder fails these tests, not the collection
@functools.cache
def data() -> CardData:
    return card_data_for("330206201503091028", "王小雨")


@functools.cache
def script() -> PersoScript:
    return build_script(data(), script_id="app-42")


PHOTO = b"\xFF\xD8" + bytes(range(200)) * 3 + b"\xFF\xD9"


def script_apdu_count(rig_factory: Callable[..., Rig], script: PersoScript) -> int:
    rig = rig_factory(new_blank(unique=bytes(8)))
    result = PersonalisationEngine(MemoryJournalStore()).run(rig.ssse(), script)
    assert result.issued
    return len(rig.port.log)


def check_truthful(card: EmulatedCard, journal: dict, script: PersoScript) -> None:
    """Every step the journal calls done is on the card; no pending write is."""
    records = encode_records(script.expected)
    write_steps = [s for s in journal["steps"] if s["kind"] in ("write", "final")]
    for entry in write_steps:
        step = script.steps[entry["index"]]
        if step.kind == "final":
            on_card = card.state.lifecycle == LIFECYCLE_ISSUED
        elif step.apdu[1] == 0xDC:
            tag = step.apdu[5]
            on_card = card.state.records.get(tag) == records[tag]
        else:
            on_card = True  # photo chunks are checked by read-back
        if entry["status"] == "done":
            assert on_card, entry
        elif entry["status"] == "pending" and step.kind != "final":
            assert not on_card, entry
        elif entry["status"] == "pending":
            assert not on_card


def test_script_round_trips_as_json() -> None:
    assert PersoScript.from_json(script().to_json()) == script()


@pytest.mark.parametrize("lose_response", [False, True])
def test_tear_at_every_apdu_index(rig_factory: Callable[..., Rig], lose_response: bool) -> None:
    total = script_apdu_count(rig_factory, script())
    assert total > 20
    for n in range(1, total + 1):
        rig = rig_factory(new_blank(unique=n.to_bytes(8, "big")))
        store = MemoryJournalStore()
        engine = PersonalisationEngine(store)
        rig.port.tear_after(n, lose_response=lose_response)
        result = engine.run(rig.ssse(), script())
        if not lose_response and n == total:
            # every APDU, read-back included, was answered: pulled after the end
            assert result.issued
            continue
        assert result.state is PersoState.INTERRUPTED, n
        assert not result.issued
        journal = engine.journal(rig.card.atr)
        assert journal is not None and journal["state"] == "interrupted"
        check_truthful(rig.card, journal, script())
        # the same card comes back: the run resumes and ends issued and verified
        rig.port.reinsert()
        again = engine.run(rig.ssse(), script())
        assert again.issued, (n, again)
        assert rig.card.state.lifecycle == LIFECYCLE_ISSUED
        # a second run never issues the card twice
        third = engine.run(rig.ssse(), script())
        assert third.state is PersoState.ISSUED and third.error is not None


def test_photo_script_verifies_the_photo(rig_factory: Callable[..., Rig]) -> None:
    script = build_script(data(), script_id="app-43", photo=PHOTO)
    rig = rig_factory(new_blank())
    result = PersonalisationEngine(MemoryJournalStore()).run(rig.ssse(), script)
    assert result.issued
    assert rig.ssse().read_photo() == PHOTO


def test_wrong_keys_fail_once_and_the_run_is_not_retried(rig_factory: Callable[..., Rig]) -> None:
    rig = rig_factory(new_blank(), psam_seed="other")
    engine = PersonalisationEngine(MemoryJournalStore())
    result = engine.run(rig.ssse(), script())
    assert result.state is PersoState.FAILED
    assert rig.card_ins(0x82) == 1
    again = engine.run(rig.ssse(), script())
    assert again.state is PersoState.FAILED
    assert rig.card_ins(0x82) == 1  # refused without touching the card
    engine.spoil(rig.card.atr, "auth failed")
    assert engine.journal(rig.card.atr)["state"] == "spoiled"


def test_spoiled_card_is_never_resumed(rig_factory: Callable[..., Rig]) -> None:
    rig = rig_factory(new_blank())
    engine = PersonalisationEngine(MemoryJournalStore())
    rig.port.tear_after(8)
    assert engine.run(rig.ssse(), script()).state is PersoState.INTERRUPTED
    engine.spoil(rig.card.atr, "teller gave up")
    rig.port.reinsert()
    result = engine.run(rig.ssse(), script())
    assert result.state is PersoState.SPOILED and not result.issued
    assert rig.card.state.lifecycle != LIFECYCLE_ISSUED


def test_other_application_cannot_resume_a_card(rig_factory: Callable[..., Rig]) -> None:
    rig = rig_factory(new_blank())
    engine = PersonalisationEngine(MemoryJournalStore())
    rig.port.tear_after(8)
    engine.run(rig.ssse(), script())
    rig.port.reinsert()
    other = build_script(card_data_for("330203198506122017", "李明"), script_id="app-99")
    result = engine.run(rig.ssse(), other)
    assert not result.issued and result.error is not None


def test_read_back_mismatch_is_spoiled_not_issued(rig_factory: Callable[..., Rig]) -> None:
    # a script whose expected data differs from what its steps write
    wrong = PersoScript("app-44", card_data_for("330203198506122017", "李明"), script().steps)
    rig = rig_factory(new_blank())
    result = PersonalisationEngine(MemoryJournalStore()).run(rig.ssse(), wrong)
    assert result.state is PersoState.SPOILED and not result.issued
