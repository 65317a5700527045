"""The query page driven as a teller would, against the reference central: type the ID
number, press Enter, read the tabs, fetch older months with F4, save the summary, start over;
and the same with the line down."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.printing import BranchInfo
from counter_app.ui.queries.page import QueriesPage, ResultView, close_dialogs
from counter_app.workflows.queries import QueryContext, QueryDesk, Step
from tests.integration.queries.test_queries import LUO_JUN, ZHANG_WEI, Audit, pdf_text
from tests.ui.persons_card_checks import card_slot, drive_card_reads

pytestmark = pytest.mark.central


@pytest.fixture
def page(qtbot: QtBot, central: CentralSimHandle) -> Iterator[QueriesPage]:
    client = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                               client_id="ICBC-NB-0101/C01")
    branch = BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True)
    desk = QueryDesk(QueryContext(branch, "ICBC-NB-0101", "ICBC", "C01", "t01", client, Audit(),
                                  card_reader=card_slot()))
    p = QueriesPage(desk, find_printer=lambda _name: None)
    qtbot.addWidget(p)
    p.resize(1280, 820)
    p.show()
    p.open()
    yield p
    close_dialogs(p)
    p.close_page()
    client.close()


def idle(qtbot: QtBot, page: QueriesPage) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)


def type_and_query(qtbot: QtBot, page: QueriesPage, id_number: str) -> None:
    identify = page.view(Step.IDENTIFY)
    identify.id_number.clear()
    qtbot.keyClicks(identify.id_number, id_number)
    qtbot.keyClick(identify.id_number, Qt.Key.Key_Return)
    idle(qtbot, page)


def test_teller_queries_pages_back_saves_and_starts_over(qtbot: QtBot, page: QueriesPage,
                                                         tmp_path: Path) -> None:
    type_and_query(qtbot, page, LUO_JUN)
    assert page.wf is not None and page.wf.step is Step.RESULT
    view = page.view(Step.RESULT)
    assert isinstance(view, ResultView)
    assert view.insurances.rowCount() == 3
    assert view.insurances.item(0, 0).text() == "养老保险"
    assert "已显示" in view.months_note.text() and "F4" in view.months_note.text()
    first_rows = view.months.rowCount()
    assert first_rows == 24 and view.more_button.isEnabled()
    # the teller presses F4 until the whole history is shown; the gap appears on the way
    while view.more_button.isEnabled():
        qtbot.keyClick(page, Qt.Key.Key_F4)
        idle(qtbot, page)
    texts = [view.months.item(r, 1).text() for r in range(view.months.rowCount())]
    assert any(t.endswith("无缴费记录（6个月）") for t in texts)
    assert "已是全部缴费记录" in view.months_note.text() and "断缴 6 个月" in view.months_note.text()
    # the failed application at CCB is not this bank's: not listed, the card tab says none
    assert view.cards.item(0, 0).text().startswith("中心系统中没有")
    page.save_document(tmp_path / "查询结果")
    idle(qtbot, page)
    saved = tmp_path / "查询结果.pdf"
    assert saved.exists() and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "已保存" in view.print_status.text()
    text = pdf_text(saved.read_bytes(), tmp_path)
    assert "断缴" in text and LUO_JUN not in text
    # printing without a printer says so and counts nothing
    qtbot.keyClick(page, Qt.Key.Key_F7)
    assert "没有可用的打印机" in view.print_status.text()
    assert page.wf.record.printings == 1
    # the next person
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page)
    assert page.wf.step is Step.IDENTIFY and page.wf.record.result is None
    type_and_query(qtbot, page, ZHANG_WEI)
    assert page.wf.step is Step.RESULT and page.wf.record.identity.id_number == ZHANG_WEI


def test_mistyped_number_stays_on_identify(qtbot: QtBot, page: QueriesPage) -> None:
    type_and_query(qtbot, page, "330203198506122018")
    assert page.wf is not None and page.wf.step is Step.IDENTIFY
    identify = page.view(Step.IDENTIFY)
    assert "校验位" in identify.grid.errors["id_number"].text()


def test_line_down_is_said_in_the_banner(qtbot: QtBot, page: QueriesPage,
                                         central: CentralSimHandle) -> None:
    central.line_down()
    try:
        type_and_query(qtbot, page, ZHANG_WEI)
    finally:
        central.line_up()
    assert page.wf is not None and page.wf.step is Step.IDENTIFY
    assert "须实时连接中心系统" in page.banner.text()
    qtbot.keyClick(page.view(Step.IDENTIFY).id_number, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert page.wf.step is Step.RESULT


def test_f3_reads_the_persons_card_and_the_query_records_it(
        qtbot: QtBot, page: QueriesPage) -> None:
    identify = drive_card_reads(qtbot, page, "query")
    page.desk.ctx.card_reader.insert(card_slot().read())  # 李明 finds his card after all
    page.step_key("F3")
    idle(qtbot, page)
    assert "社保卡已读" in identify.who.text() and page.banner.text() == ""
    qtbot.keyClick(identify.id_number, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert page.wf is not None and page.wf.step is Step.RESULT
    made = next(d for a, d in page.desk.ctx.audit.events if a == "query.made")
    assert made["card_read"] is True
