"""The certificate page driven as a teller would, against the reference central:
type the ID number, choose type and period, issue, save, reprint, verify a code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.printing import BranchInfo
from counter_app.ui.certificate.page import CertificatePage, DoneView, OptionsView, close_dialogs
from counter_app.workflows.certificate import CertificateContext, CertificateDesk, Step
from tests.integration.certificate.test_certificate import Audit, pdf_text

pytestmark = pytest.mark.central

LI_MING = "330203198506122017"


@pytest.fixture
def page(qtbot: QtBot, central: CentralSimHandle) -> Iterator[CertificatePage]:
    client = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                               client_id="ICBC-NB-0101/C01")
    branch = BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True)
    desk = CertificateDesk(CertificateContext(branch, "ICBC-NB-0101", "C01", "t01", client,
                                              Audit()))
    p = CertificatePage(desk, find_printer=lambda _name: None)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.open()
    yield p
    close_dialogs(p)
    p.close_page()
    client.close()


def idle(qtbot: QtBot, page: CertificatePage) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)


def test_teller_issues_saves_reprints_and_verifies(qtbot: QtBot, page: CertificatePage,
                                                   tmp_path: Path) -> None:
    identify = page.view(Step.IDENTIFY)
    qtbot.keyClicks(identify.id_number, LI_MING)
    qtbot.keyClick(identify.id_number, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert page.wf is not None and page.wf.step is Step.OPTIONS
    options = page.view(Step.OPTIONS)
    assert isinstance(options, OptionsView)
    options.months.setCurrentIndex(options.months.findData("12"))
    qtbot.mouseClick(options.issue_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert page.wf.step is Step.DONE
    done = page.view(Step.DONE)
    assert isinstance(done, DoneView)
    issued = page.wf.record.issued
    assert issued is not None and issued.auth_code in done.code.text()
    summary = done.summary.text()  # what was issued, checked with the applicant first
    assert "330203********2017" in summary and LI_MING not in summary and "（12个月）" in summary

    # no printer on this machine: said so, and nothing counted as printed
    qtbot.mouseClick(done.buttons["print"], Qt.MouseButton.LeftButton)
    assert "没有可用的打印机" in done.print_status.text() and page.wf.record.printings == 0

    page.save_document(tmp_path / "first.pdf")
    idle(qtbot, page)
    assert "已保存" in done.print_status.text() and done.buttons["print"].text().startswith("补打")
    page.save_document(tmp_path / "second.pdf")
    idle(qtbot, page)
    first = "".join(pdf_text((tmp_path / "first.pdf").read_bytes(), tmp_path))
    second = "".join(pdf_text((tmp_path / "second.pdf").read_bytes(), tmp_path))
    assert "补打" not in first and "补打件（第2次打印）" in second
    assert "缴费明细（12个月）" in first

    # the next person: nothing said about the previous one's prints
    page.new_certificate()
    page.view(Step.IDENTIFY).id_number.setText("330282198903145672")
    page.go_next()
    idle(qtbot, page)
    page.issue()
    idle(qtbot, page)
    assert page.wf.step is Step.DONE and done.print_status.text() == ""
    assert done.buttons["print"].text().startswith("打印")

    # F9: verification of the code just issued, then of one the central never issued
    page.step_key("F9")
    view = page.verify_view
    assert page.stack.currentWidget() is view
    qtbot.keyClicks(view.code, issued.qr_payload)  # what a scanner types
    qtbot.keyClick(view.code, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert "真实有效" in view.result.text() and issued.auth_code in view.details.text()
    assert view.code.text() == issued.auth_code  # the scanned address replaced by the code
    details = view.details.text()  # what it certifies, the person as the central masks them
    for shown in ("李*", "330203********2017", "全部险种", "（12个月）", "2次（原件及补打1次）",
                  "ICBC-NB-0101"):
        assert shown in details, shown
    assert LI_MING not in details and "李明" not in details
    view.code.setText("00000000DEADBEEF")
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert "不是中心系统出具的" in view.result.text() and view.details.text() == ""
    page.step_key("Esc")
    assert page.current_screen() is done


def test_line_down_refuses_with_the_reason(qtbot: QtBot, page: CertificatePage,
                                           central: CentralSimHandle) -> None:
    identify = page.view(Step.IDENTIFY)
    qtbot.keyClicks(identify.id_number, LI_MING)
    page.go_next()
    idle(qtbot, page)
    central.line_down()
    try:
        page.issue()
        idle(qtbot, page)
    finally:
        central.line_up()
    assert page.wf is not None and page.wf.step is Step.OPTIONS
    assert "不能离线出具参保证明" in page.banner.text()
