"""Hand-out activation writes the chip's function byte through the card layer (pyscard →
pcscd → vpcd → the emulator): a card fresh from production reads as not activated, and as
activated once handed out; another card in the slot is refused and nothing is written."""

from __future__ import annotations

import pytest

from counter_app.card.emulator.factory import card_data_for, new_personalised
from counter_app.devices.pinpad import DemoPinPad
from counter_app.devices.sschip import ChipFunctions
from counter_app.workflows.ecard import token_of
from counter_app.workflows.production import ProductionDesk
from counter_app.workflows.production.documents import handout_pdf
from counter_app.workflows.production.handout import HandoutError, Step
from tests.fixtures.pcsc import EmulatorFixture
from tests.fixtures.qr import decode_pdf_qr
from tests.integration.production.conftest import Branch
from tests.integration.production.test_handout import _received

pytestmark = pytest.mark.central


def test_handout_activates_the_chip_and_the_card_reads_activated(
        branch: Branch, emulator: EmulatorFixture) -> None:
    from counter_app.bootstrap import CardLayerChip, CardLayerReader

    application_id, card_no, idn, name = _received(branch)
    made = emulator.card_file("made", new_personalised(
        card_data_for(idn, name, card_number=card_no), activated=False))
    other = emulator.card_file("other", new_personalised(
        card_data_for("330203198506122017", "李明", card_number="NB0000016"), activated=False))
    emulator.insert(made)
    chip = CardLayerChip(emulator.card_reader, emulator.psam_reader, "330200")
    assert chip.functions() == ChipFunctions(social=False, financial=False)
    ctx = branch.context(card_reader=CardLayerReader(emulator.card_reader,
                                                     emulator.psam_reader, "330200"))
    ctx.chip = chip
    wf = ProductionDesk(ctx).new_handout()
    assert wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn}) == {}
    wf.find_card()
    wf.next()
    wf.read_card()
    wf.next()
    # the teller swapped the card after reading it: the central activates, the chip step is
    # refused without writing the other card, and 启用 again finishes only the chip's part
    emulator.insert(other)
    with pytest.raises(HandoutError) as err:
        wf.activate()
    assert err.value.code == "CARD_WRONG_CARD"
    assert wf.record.activated and not wf.record.chip_activated
    assert emulator.load(other).state.functions == 0
    assert branch.client.application(application_id).state == "ACTIVATED"
    emulator.insert(made)
    status = wf.activate()
    assert status.card_state == "ACTIVE" and wf.step is Step.PIN
    assert wf.record.chip_activated
    assert chip.functions() == ChipFunctions(social=True, financial=True)
    assert emulator.load(made).state.functions == 0x03
    pad = DemoPinPad(timeout_s=5)
    pad.key_in("135790", "135790")
    wf.set_pin(pad)
    assert wf.step is Step.DONE
    # the receipt's QR is the central's e-card claim for this card, nothing personal in it
    scanned = decode_pdf_qr(handout_pdf(wf))
    token = token_of(scanned)
    assert idn not in scanned and card_no not in scanned and name not in scanned
    assert branch.client.ecard_claim(card_no, branch_code=ctx.branch_code,
                                     idempotency_key="reprint-0001").token == token
