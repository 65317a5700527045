"""Instant issuance through the real PC/SC stack (pyscard → pcscd → vpcd → the emulator) and
the reference central: a blank issued end to end, and cards pulled mid-write (answer
received or lost) resumed from the journal after being put back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import new_blank
from counter_app.card.layout import FUNCTIONS_ALL, LIFECYCLE_ISSUED, encode_records
from counter_app.central.launcher import CentralSimHandle
from counter_app.workflows.issuance import IssuanceStopped, IssuanceWorkflow, Outcome, Step
from counter_app.workflows.issuance.chip import chip_serial
from tests.fixtures.pcsc import EmulatorFixture
from tests.integration.issuance.conftest import Counter

POWER_ON_APDUS = 2  # SELECT + GET DATA lifecycle


def insert_blank(emulator: EmulatorFixture, counter: Counter, name: str) -> Path:
    path = emulator.card_file(name, new_blank(unique=bytes([0x1C, len(name)]) + os.urandom(6)))
    atr = bytes.fromhex(emulator.insert(path))
    counter.custody.held.add(chip_serial(atr))
    return path


def test_a_blank_is_issued_through_pcscd(emulator: EmulatorFixture, central: CentralSimHandle,
                                         tmp_path: Path) -> None:
    counter = Counter(tmp_path, central.url, emulator.service())
    try:
        number, app_id = counter.accepted_application()
        path = insert_blank(emulator, counter, "blank")
        counter.pad.key_in("318274", "318274")
        wf = IssuanceWorkflow.open(counter.ctx(), number)
        assert wf.advance()
        assert wf.record.outcome is Outcome.ISSUED
        card = EmulatedCard.load(path)
        assert card.state.lifecycle == LIFECYCLE_ISSUED
        assert card.state.records == encode_records(wf.expected())
        assert counter.client.application(app_id).state == "ACTIVATED"
        emulator.service().call(lambda c: (c.select(), c.verify_pin("318274")))
        # activated on the chip too, read back through pyscard -> pcscd -> vpcd
        assert card.state.functions == FUNCTIONS_ALL
        assert emulator.service().call(lambda c: (c.select(), c.functions())[1]) == FUNCTIONS_ALL
    finally:
        counter.close()


def test_the_card_work_of_an_issuance_is_one_card_session(
        emulator: EmulatorFixture, central: CentralSimHandle, tmp_path: Path) -> None:
    """One connection across power-on, personalisation, read-back, activation and PIN: the
    SSSE is selected once by the power-on and once by the script (plus the script's two EF
    selections), never again per step."""
    counter = Counter(tmp_path, central.url, emulator.service())
    try:
        number, _ = counter.accepted_application()
        insert_blank(emulator, counter, "one-session")
        counter.pad.key_in("318274", "318274")
        emulator.control.reset_stats()
        assert IssuanceWorkflow.open(counter.ctx(), number).advance()
        stats = emulator.control.stats()
        assert stats["ins_counts"]["A4"] == 4, stats
        assert stats["ins_counts"]["EC"] == 1  # ACTIVATE
    finally:
        counter.close()


@pytest.mark.parametrize(("n", "lose"), [(1, False), (8, False), (8, True), (21, True)])
def test_a_card_pulled_mid_write_is_resumed_through_pcscd(
        emulator: EmulatorFixture, central: CentralSimHandle, tmp_path: Path, n: int,
        lose: bool) -> None:
    counter = Counter(tmp_path, central.url, emulator.service())
    try:
        number, app_id = counter.accepted_application()
        path = insert_blank(emulator, counter, f"torn-{n}")
        emulator.control.tear_after(POWER_ON_APDUS + n, lose_response=lose)
        wf = IssuanceWorkflow.open(counter.ctx(), number)
        with pytest.raises(IssuanceStopped):
            wf.advance()
        assert wf.record.state_of(Step.PERSONALISE).code == "CARD_TORN"
        assert counter.client.application(app_id).state == "BLANK_MARKED"
        assert emulator.wait_removed()
        emulator.insert(path)  # the same card back in the reader
        counter.pad.key_in("318274", "318274")
        assert IssuanceWorkflow.open(counter.ctx(), number).advance()
        assert EmulatedCard.load(path).state.records == encode_records(wf.expected())
        assert counter.client.application(app_id).state == "ACTIVATED"
    finally:
        counter.close()
