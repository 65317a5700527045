"""From a data change to replacement against the real reference central: an ID-number change
files the person's card under the new number, the replacement (信息变更换卡, no formal loss,
the old card read although its chip carries the old number) opens the new card's application
under the new number, with the fee the central configures for this branch.

Its own module (the fixture's central is per module): the change moves 李明 for good."""

from __future__ import annotations

from dataclasses import replace

import pytest

from central_sim.seed import id_with_check
from counter_app.devices.idcard import DEMO_ID_CARDS
from counter_app.devices.sscard import DEMO_CARDS, SimulatedSocialCardReader
from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import card_number_check_char
from counter_app.workflows.card_loss import CardLossContext
from counter_app.workflows.data_change import DataChangeWorkflow
from counter_app.workflows.data_change import Step as ChangeStep
from counter_app.workflows.data_change.handover import replacement_handover
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.replacement import Reason, ReplacementDesk, Step
from tests.integration.people.conftest import BRANCH, LI_MING, ZHANG_WEI, Counter

pytestmark = pytest.mark.central

NEW_NUMBER = id_with_check("33020319850612213")  # 李明's number after the police paper
CARD = "NB0000016"


def replacement_desk(c: Counter) -> tuple[ReplacementDesk, SimulatedSocialCardReader]:
    reader = SimulatedSocialCardReader()
    ctx = CardLossContext(branch=c.ctx.branch, branch_code=BRANCH, bank_code="ICBC",
                          counter_id="03", teller="T0301", central=c.client,
                          store=c.ctx.store, id_reader=c.id_reader, card_reader=reader,
                          sync_status=c.sync.status, wake_sync=lambda: None)
    return ReplacementDesk(ctx), reader


def change_id_number(c: Counter, old: str, new: str) -> DataChangeWorkflow:
    wf = DataChangeWorkflow(c.ctx)
    c.id_reader.place(DEMO_ID_CARDS[old])
    wf.read_id_card()
    wf.next()
    wf.apply(ChangeStep.CHANGES, {"id_number": new})
    wf.next()
    wf.apply(ChangeStep.PROOF, {"paper_kind": "POLICE", "paper_no": "甬公户更2026-0311"})
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done" and outcome.new_card_required and outcome.new_id_number == new
    return wf


def test_id_number_change_then_the_card_replaced_under_the_new_number(counter: Counter) -> None:
    before = counter.client.person_cards(LI_MING)
    assert [c.card_no for c in before] == [CARD]
    change = change_id_number(counter, LI_MING, NEW_NUMBER)
    # the card follows the person: filed under the new number, none left under the old one
    assert [c.card_no for c in counter.client.person_cards(NEW_NUMBER)] == [CARD]
    assert counter.client.person_cards(LI_MING) == []
    assert counter.client.card_status(CARD).card_state == "ACTIVE"  # usable until replaced

    handover = replacement_handover(change.record)
    assert handover is not None and handover.reason is Reason.INFO_CHANGED
    assert handover.identity.id_number == NEW_NUMBER and handover.identity.source == "typed"
    desk, reader = replacement_desk(counter)
    wf = desk.take_over(handover)
    assert wf.reason is Reason.INFO_CHANGED and wf.id_number == NEW_NUMBER
    assert wf.next() is Step.CARD
    card = wf.find_card()  # under the new number: found, not NO_CARD_ON_FILE
    assert card is not None and card.card_no == CARD
    assert wf.record.identity.name == "李明"
    # no formal loss asked for; the old card must be handed in (read, or its chip dead)
    message, code = wf.card_error()
    assert code == "OLD_CARD_NEEDED" and "收回原卡" in message
    assert not wf.needs_loss_first()
    with pytest.raises(StepInvalid):
        wf.next()
    # another person's card in the reader is refused; the old card is accepted although its
    # chip still carries the old ID number
    reader.insert(replace(DEMO_CARDS[LI_MING], card_number="NB000009" + card_number_check_char("NB000009")))
    with pytest.raises(ValidationError) as wrong:
        wf.read_card()
    assert wrong.value.code == "CARD_OTHER_PERSON" and wf.record.card_read_no == ""
    old_chip = DEMO_CARDS[LI_MING]
    assert old_chip.id_number == LI_MING != NEW_NUMBER
    reader.insert(old_chip)
    wf.read_card()
    assert wf.card_error() == ("", "")
    assert wf.next() is Step.OPTIONS
    terms = wf.record.terms
    config = counter.client.branch_config(BRANCH)
    assert terms is not None and terms.fee_fen == config.replacement_fee_fen  # the central's fee
    outcome = wf.submit()
    assert outcome.status == "done" and outcome.old_card_no == CARD
    # the new card's application stands under the new number; the old card is cancelled
    application = counter.client.application(outcome.application_id)
    assert application.id_number == NEW_NUMBER
    assert outcome.application_id in {a.application_id
                                      for a in counter.client.person_applications(NEW_NUMBER)}
    old = counter.client.card_status(CARD)
    assert old.card_state == "CANCELLED" and old.replacement_applied
    # and only once
    again = desk.take_over(handover)
    again.next()
    again.find_card()
    assert again.card_error()[1] == "REPLACEMENT_APPLIED"


def test_a_change_without_a_card_in_use_hands_nothing_over(counter: Counter) -> None:
    wf = DataChangeWorkflow(counter.ctx)
    counter.id_reader.place(DEMO_ID_CARDS[ZHANG_WEI])  # 张伟 holds no card
    wf.read_id_card()
    wf.next()
    wf.apply(ChangeStep.CHANGES, {"name": "张卫"})
    wf.next()
    wf.apply(ChangeStep.PROOF, {"paper_kind": "COURT", "paper_no": "(2026)浙0205民特31号"})
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done" and not outcome.new_card_required
    assert replacement_handover(wf.record) is None
