"""A blank's chip serial read through the real card layer (pcscd, vpcd, the card emulator)
and registered into the stock; a personalised card is refused as not blank."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.bootstrap import CardLayerBlankReader
from counter_app.devices.blank_card import NotBlankError
from counter_app.workflows.stock import Place, ReadOutcome, StockContext, StockWorkflow
from tests.fixtures.pcsc import EmulatorFixture

pytestmark = pytest.mark.pcsc


def test_a_blank_is_read_by_its_chip_serial_and_received(emulator: EmulatorFixture,
                                                         make_ctx: Callable[..., StockContext]) -> None:
    reader = CardLayerBlankReader(emulator.card_reader, emulator.psam_reader, "330200")
    with pytest.raises(NotBlankError):  # the fixture's demo card (李明) is personalised
        reader.read_blank()
    unique = bytes.fromhex("1122334455667788")
    emulator.insert_blank(name="blank-1", unique=unique)
    chip = reader.read_blank()
    # the ATR's last 8 bytes: region[4:6] ("00" of 330200) and 7 unique bytes
    assert chip.chip_serial == "00" + unique[:7].hex().upper()
    assert chip.atr.endswith(chip.chip_serial)

    ctx = make_ctx()
    ctx.reader = reader
    wf = StockWorkflow(ctx)
    wf.open_box("BOX-PCSC")
    assert wf.read_card().outcome is ReadOutcome.RECEIVED
    assert wf.read_card().outcome is ReadOutcome.DUPLICATE  # the same card still in the slot
    place = wf.stock.locate(chip.chip_serial)
    assert place is not None and place.place is Place.STOCK and place.box_id == "BOX-PCSC"
