"""集中制卡 and 领卡启用 driven as a teller would, offscreen, against the reference central
and a real store: an application followed as production advances, its batch received card by
card (one missing), the 签收清单 saved; the card handed out with the PIN keyed on the pad; a
person with no card waiting told so; the line down at activation named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from counter_app.bootstrap import emulated_chip
from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import card_data_for, new_personalised
from counter_app.devices.pinpad import DemoPinPad
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.ui.production.page import HandoutPage, ProductionPage
from counter_app.workflows.production import ProductionDesk
from counter_app.workflows.production.handout import Step as HStep
from counter_app.workflows.production.record import Step
from tests.integration.production.conftest import Branch
from tests.ui.pages import idle
from tests.ui.production.conftest import activate_and_set_pin

pytestmark = pytest.mark.central


def test_followed_received_and_handed_out_through_the_pages(
        qtbot: Any, branch: Branch, tmp_path: Path) -> None:
    apps = [branch.take() for _ in range(2)]
    (first, first_name), (second, _) = apps
    reader = SimulatedSocialCardReader()
    ctx = branch.context(card_reader=reader)
    ctx.chip = emulated_chip(tmp_path / "card.json")
    ctx.pin_pad = DemoPinPad(timeout_s=5)
    desk = ProductionDesk(ctx)
    page = ProductionPage(desk)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.open()
    idle(qtbot, page)
    home = page.view(Step.CHOOSE)
    home.query.setText(first_name)
    page.search()
    idle(qtbot, page)
    assert home.results.rowCount() == 1 and home.results.item(0, 2).text() == "数据录入"
    branch.advance(2)
    branch.pull()
    page.search()
    idle(qtbot, page)
    assert home.results.item(0, 2).text() == "已寄出" and "待网点签收" in home.results.item(0, 5).text()
    page.refresh_batches()
    idle(qtbot, page)
    batch_id = branch.client.application(first.application_id).batch_id
    rows = [home.batches.item(i).text() for i in range(home.batches.count())]
    home.batches.setCurrentRow(next(i for i, t in enumerate(rows) if t.startswith(batch_id)))
    page.choose_batch()
    idle(qtbot, page)
    assert page.wizard is not None and page.wizard.current == Step.READ
    card_no = branch.client.application(first.application_id).card_no
    reader.insert(card_data_for(first.id_number, first_name, card_number=card_no))
    read = page.view(Step.READ)
    read.envelope.setText(first.application_id)
    page.step_key("F2")
    idle(qtbot, page)
    assert "已核对 1 张" in read.summary.text() and read.outstanding.count() == 1
    assert second.application_id in read.outstanding.item(0).text()
    page.go_next()
    idle(qtbot, page)
    place = page.view(Step.PLACE)
    assert "缺卡" in place.differences.item(0).text()
    place.box.setText("b07")
    page.confirm()
    idle(qtbot, page)
    assert page.wizard.current == Step.DONE
    assert "已签收" in page.view(Step.DONE).result.text()
    pdf_path = tmp_path / "receipt.pdf"
    page.save_receipt(pdf_path)
    idle(qtbot, page)
    text = "".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages)
    assert "签收清单" in text and "B07-001" in text and "缺卡" in text
    assert branch.client.application(second.application_id).state == "SHIPPED"

    hand = HandoutPage(desk)
    qtbot.addWidget(hand)
    hand.resize(1200, 800)
    hand.show()
    hand.open()
    idle(qtbot, hand)
    ident = hand.view(HStep.IDENTIFY)
    ident.id_number.setText(second.id_number)  # its card never came: told so, nothing done
    hand.find_card()
    idle(qtbot, hand)
    assert "尚未到网点" in hand.banner.text() and hand.wizard.current == HStep.IDENTIFY
    ident.id_number.setText(first.id_number)
    hand.find_card()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.CARD and "B07-001" in hand.view(HStep.CARD).info.text()
    data = card_data_for(first.id_number, first_name, card_number=card_no)
    EmulatedCard(new_personalised(data), tmp_path / "card.json").save()
    hand.read_card()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.ACTIVATE
    branch.central.line_down()
    try:
        hand.activate()
        idle(qtbot, hand)
        assert "专线中断" in hand.banner.text() and hand.wizard.current == HStep.ACTIVATE
    finally:
        branch.central.line_up()
    activate_and_set_pin(qtbot, hand, ctx.pin_pad, "802413")
    assert branch.client.application(first.application_id).state == "ACTIVATED"
    receipt = tmp_path / "handout.pdf"
    hand.save_receipt(receipt)
    idle(qtbot, hand)
    assert "领卡启用回执" in "".join(p.extract_text() for p in PdfReader(str(receipt)).pages)
