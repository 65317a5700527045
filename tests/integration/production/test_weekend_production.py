"""A weekend teller at a central-production branch on a Saturday (the counter's clock turned to
the Saturday where it reads the day of the week, as in ``tests/integration/weekend``), through
the desks the composition root builds, the reference central over HTTP and the card emulator
behind pcscd: a batch received card by card through the reader, its card handed out with the
chip activated and the PIN set, and an EMS card the holder brings activated the same way."""

from __future__ import annotations

import pytest

from counter_app.workflows.production.handout import Step as HandoutStep
from counter_app.workflows.production.record import Outcome as ReceiptOutcome
from counter_app.workflows.production.record import Step as ReceiptStep
from tests.fixtures.weekend import TELLER, Branch, OpenWeekend
from tests.integration.production.conftest import Branch as Helper

pytestmark = [pytest.mark.central, pytest.mark.pcsc]


def _hand_out(b: Branch, idn: str, pin: str) -> str:
    """One hand-out by the weekend teller; the location the card was found in."""
    hand = b.services.production_desk(TELLER).new_handout()
    assert hand.apply(HandoutStep.IDENTIFY, {"collector": "SELF", "id_number": idn}) == {}
    location = hand.find_card().location
    hand.next()
    hand.read_card()
    hand.next()
    assert hand.activate().card_state == "ACTIVE" and hand.step is HandoutStep.PIN
    b.pad.key_in(pin, pin)
    hand.set_pin(b.pad)
    assert hand.step is HandoutStep.DONE and hand.record.chip_activated and hand.record.pin_set
    return location


def test_a_weekend_teller_receives_a_batch_and_hands_out_on_saturday(
        open_weekend: OpenWeekend) -> None:
    b = open_weekend("central")
    s = b.services
    assert b.day[0].weekday() == 5  # the counter's Beijing day is a Saturday
    b.sign_in_and_open("0")
    assert s.central is not None
    helper = Helper(b.central, s.profile, s.store, s.central)  # type: ignore[arg-type]
    app, name = helper.take()
    ems, ems_name = helper.take(collection="EMS")
    b.central.advance_production()
    b.central.advance_production()
    s.sync.pull()
    made, sent = s.central.application(app.application_id), s.central.application(ems.application_id)
    assert made.card_no and made.batch_id and sent.card_no and sent.state == "SHIPPED"

    b.emulator.insert_new_card(b.emulator.person(app.id_number, name, card_number=made.card_no),
                               name="made", activated=False)
    receipt = s.production_desk(TELLER).new_receipt()
    receipt.batches()
    receipt.choose(made.batch_id)
    receipt.read_card()  # through the reader: the chip names its application
    receipt.apply(ReceiptStep.PLACE, {"box": "S"})
    assert receipt.confirm() is ReceiptOutcome.SENT
    assert s.central.application(app.application_id).state == "BRANCH_RECEIVED"
    assert _hand_out(b, app.id_number, "135790") == "S-001"

    b.emulator.insert_new_card(b.emulator.person(ems.id_number, ems_name, card_number=sent.card_no),
                               name="ems", activated=False)
    assert _hand_out(b, ems.id_number, "246801") == ""  # brought by the holder, not in custody
    for application_id in (app.application_id, ems.application_id):
        assert s.central.application(application_id).state == "ACTIVATED"
