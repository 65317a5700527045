"""集中制卡 driven as a teller would, offscreen, against the reference central and a real
store: a failed production shown with the central's reason, re-submitted from the tracking
screen and then made; another cancelled (refused, named, with the line down); a batch half
received, the page closed and the counter restarted, the receipt resumed where it stopped;
cards past the keeping period sealed at the central with the sealing list saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.bootstrap import open_profile_store
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.ui.production.page import ProductionPage
from counter_app.workflows.production import ProductionDesk
from counter_app.workflows.production.record import Step
from tests.integration.production.conftest import Branch
from tests.ui.pages import idle, show

pytestmark = pytest.mark.central


def _page(qtbot: Any, desk: ProductionDesk) -> ProductionPage:
    return show(qtbot, ProductionPage(desk))


def _search(qtbot: Any, page: ProductionPage, text: str) -> Any:
    home = page.view(Step.CHOOSE)
    home.query.setText(text)
    page.search()
    idle(qtbot, page)
    return home


def test_failed_productions_resubmitted_and_cancelled_from_the_tracking_screen(
        qtbot: Any, branch: Branch) -> None:
    (redo, _), (drop, _) = branch.take(fail=True), branch.take(fail=True)
    ok, _ = branch.take()
    branch.advance(2)
    branch.pull()
    page = _page(qtbot, branch.desk())
    home = _search(qtbot, page, ok.application_id)
    assert not home.resubmit_button.isEnabled()  # not failed: nothing to redo
    home = _search(qtbot, page, redo.id_number)  # a name may be shared at the central
    assert home.results.item(0, 2).text() == "制卡失败"
    assert "芯片个人化失败" in home.failed_note.text() and home.resubmit_button.isEnabled()
    qtbot.mouseClick(home.resubmit_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert "重新进入制卡" in home.failed_result.text()
    assert home.results.item(0, 2).text() == "数据录入" and not home.resubmit_button.isEnabled()
    branch.advance(2)
    branch.pull()
    home = _search(qtbot, page, redo.application_id)
    assert home.results.item(0, 2).text() == "已寄出"

    home = _search(qtbot, page, drop.application_id)
    assert home.cancel_button.isEnabled()
    page.cancel_failed()  # no reason typed
    idle(qtbot, page)
    assert "撤销原因" in home.failed_result.text()
    home.cancel_reason.setText("申请人须更换照片重新申领")
    branch.central.line_down()
    try:
        page.cancel_failed()
        idle(qtbot, page)
    finally:
        branch.central.line_up()
    assert branch.client.application(drop.application_id).state in ("FAILED", "CANCELLED")
    text = home.failed_result.text()
    # a reset line may have taken the request: then it is retried under the same key
    assert "撤销申领须由中心当场确认" in text or "同一业务编号自动重发" in text
    if "撤销申领须由中心当场确认" in text:
        page.cancel_failed()
        idle(qtbot, page)
        assert "已撤销" in home.failed_result.text()
        assert home.results.item(0, 2).text() == "已撤销"
        assert branch.client.application(drop.application_id).state == "CANCELLED"


def test_a_half_received_batch_is_resumed_after_closing_and_a_restart(
        qtbot: Any, branch: Branch) -> None:
    apps = [branch.take()[0] for _ in range(2)]
    branch.advance(2)
    cards = [(a.application_id, branch.client.application(a.application_id).card_no or "")
             for a in apps]
    batch_id = branch.client.application(apps[0].application_id).batch_id or ""
    page = _page(qtbot, branch.desk(card_reader=SimulatedSocialCardReader()))
    home = page.view(Step.CHOOSE)
    rows = [home.batches.item(i).text() for i in range(home.batches.count())]
    home.batches.setCurrentRow(next(i for i, t in enumerate(rows) if t.startswith(batch_id)))
    page.choose_batch()
    idle(qtbot, page)
    read = page.view(Step.READ)
    read.envelope.setText(cards[0][0])
    read.typed.setText(cards[0][1])
    page.type_card()
    idle(qtbot, page)
    assert "已核对 1 张" in read.summary.text()
    page.close_page()  # the page closed, then the counter restarts
    page.close()
    branch.store.close()
    branch.store = open_profile_store(branch.profile, exclusive=True)
    page = _page(qtbot, branch.desk(card_reader=SimulatedSocialCardReader()))
    home = page.view(Step.CHOOSE)
    assert f"批次 {batch_id} 已读 1 张" in home.drafts.text()
    assert "签收未完成：已读 1 张" in home.batches.currentItem().text()
    page.choose_batch()
    idle(qtbot, page)
    assert page.wizard is not None and page.wizard.current == Step.READ
    assert "此前已读 1 张" in page.banner.text()
    read = page.view(Step.READ)
    assert "已核对 1 张" in read.summary.text() and read.outstanding.count() == 1
    read.typed.setText(cards[1][1])
    page.type_card()
    idle(qtbot, page)
    page.go_next()
    idle(qtbot, page)
    page.view(Step.PLACE).box.setText("E02")
    page.confirm()
    idle(qtbot, page)
    assert page.wizard.current == Step.DONE
    assert {branch.client.application(a).state for a, _ in cards} == {"BRANCH_RECEIVED"}
    page.new_receipt()
    idle(qtbot, page)
    assert page.view(Step.CHOOSE).drafts.text() == ""


def test_cards_past_the_keeping_period_sealed_from_the_page(
        qtbot: Any, branch: Branch, tmp_path: Path) -> None:
    apps = [branch.take()[0] for _ in range(2)]
    branch.advance(2)
    batch_id = branch.client.application(apps[0].application_id).batch_id or ""
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)  # received then
    desk = branch.desk(clock=lambda: long_ago)
    desk.new_receipt().batches()
    wf = desk.open_receipt(batch_id)
    for a in apps:
        wf.add_read(branch.client.application(a.application_id).card_no or "", a.application_id)
    wf.next()
    wf.apply(Step.PLACE, {"box": "F01"})
    wf.confirm()
    page = _page(qtbot, branch.desk())
    home = page.view(Step.CHOOSE)
    qtbot.waitUntil(lambda: "须退回中心封存" in home.uncollected.text(), timeout=20000)
    assert home.seal_button.isEnabled() and not home.sealing_preview.isEnabled()
    qtbot.mouseClick(home.seal_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert "2 张卡已出柜退回中心封存" in home.sealing_result.text()
    qtbot.waitUntil(lambda: "在柜未领卡片 0 张" in home.uncollected.text(), timeout=20000)
    assert not home.seal_button.isEnabled()
    for a in apps:
        card_no = branch.client.application(a.application_id).card_no or ""
        assert branch.client.card_status(card_no).card_state == "SEALED"
    pdf = tmp_path / "sealing.pdf"
    page.save_sealing(pdf)
    idle(qtbot, page)
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "退回封存清单" in text and "F01-001" in text and "中心已封存" in text
