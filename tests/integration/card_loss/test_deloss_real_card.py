"""De-loss with the found card read through the real card layer (pcscd, vpcd, the card
emulator) via the composition root's card-reader adapter, against the reference central."""

from __future__ import annotations

import pytest

from counter_app.bootstrap import CardLayerReader
from counter_app.workflows.card_loss import Operation, Step
from counter_app.workflows.kernel import StepInvalid
from tests.fixtures.pcsc import EmulatorFixture
from tests.integration.card_loss.conftest import Counter


def test_deloss_reads_the_found_card_through_the_card_layer(
        emulator: EmulatorFixture, counters: dict[str, Counter]) -> None:
    icbc = counters["ICBC"]
    icbc.ctx.card_reader = CardLayerReader(emulator.card_reader, emulator.psam_reader, "330200")
    icbc.client.formal_loss("NB0000016", branch_code="ICBC-NB-0101", functions=["financial"],
                            idempotency_key="real-card-loss-financial")
    wf = icbc.identified(Operation.DELOSS)
    wf.find_card()
    with pytest.raises(StepInvalid):
        wf.next()  # the card is not read yet
    data = wf.read_card()  # the emulator's demo card: 李明, NB0000016
    assert data.card_number == "NB0000016" and wf.record.card_read_no == "NB0000016"
    assert wf.next() is Step.CHOOSE
    assert [o.function.value for o in wf.offers() if o.allowed] == ["financial"]
    outcome = wf.submit()
    assert outcome.status == "done" and outcome.financial_after == "NORMAL"
    assert icbc.client.card_status("NB0000016").financial_state == "NORMAL"
