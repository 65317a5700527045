"""The certificate page driven as a teller would, against the reference central:
type the ID number, choose type and period, issue, save, reprint, verify a code; 48 months
over several pages whose printed QR, scanned from the saved PDF, the verification screen
accepts; a person's gap named on screen before printing; an expired certificate's verdict on
the verification screen and from `counter-app certificate verify` (exit 3)."""

from __future__ import annotations

import datetime as dt
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
from tests.fixtures.qr import decode_pdf_qr
from tests.integration.certificate.test_certificate import Audit, pdf_text
from tests.integration.certificate.test_certificate_cli import PROFILE, verify
from tests.ui.persons_card_checks import card_slot, drive_card_reads

pytestmark = pytest.mark.central

LI_MING = "330203198506122017"
LUO_JUN = "330282198903145672"  # six months without any record, 30–35 months ago


@pytest.fixture
def page(qtbot: QtBot, central: CentralSimHandle) -> Iterator[CertificatePage]:
    client = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                               client_id="ICBC-NB-0101/C01")
    branch = BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True)
    desk = CertificateDesk(CertificateContext(branch, "ICBC-NB-0101", "C01", "t01", client,
                                              Audit(), card_reader=card_slot()))
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


def issue_through_the_page(qtbot: QtBot, page: CertificatePage, id_number: str, kind: str,
                           months: int) -> DoneView:
    identify = page.view(Step.IDENTIFY)
    qtbot.keyClicks(identify.id_number, id_number)
    qtbot.keyClick(identify.id_number, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert page.wf is not None and page.wf.step is Step.OPTIONS
    options = page.view(Step.OPTIONS)
    assert isinstance(options, OptionsView)
    options.kind.setCurrentIndex(options.kind.findData(kind))
    options.months.setCurrentIndex(options.months.findData(str(months)))
    page.step_key("F5")
    idle(qtbot, page)
    assert page.wf.step is Step.DONE, page.banner.text()
    done = page.view(Step.DONE)
    assert isinstance(done, DoneView)
    return done


def test_48_months_over_pages_and_the_printed_qr_verified_with_f9(
        qtbot: QtBot, page: CertificatePage, tmp_path: Path) -> None:
    done = issue_through_the_page(qtbot, page, LI_MING, "ALL", 48)
    issued = page.wf.record.issued
    assert issued is not None
    assert "（48个月）" in done.summary.text()
    path = tmp_path / "li-ming.pdf"
    page.save_document(path)
    idle(qtbot, page)
    pdf = path.read_bytes()
    pages = pdf_text(pdf, tmp_path)
    assert len(pages) >= 2 and "（续）" in pages[1]  # 48 months do not fit on one page
    for i, text in enumerate(pages, start=1):
        assert f"第{i}页/共{len(pages)}页" in text.replace(" ", "")
    content_months = {m["year_month"] for m in issued.content["months"]}
    printed = {line.split()[0] + line.split()[1] for text in pages for line in text.splitlines()
               if len(line.split()) > 1 and line.split()[0].isdigit() and len(line.split()[0]) == 4}
    assert len(content_months) == 48 and content_months <= printed
    employers = {m["employer_no"] for m in issued.content["months"]}
    assert len(employers) >= 2 and all(e in "".join(pages) for e in employers)
    paid = sum(1 for m in issued.content["months"] if m["insurance"] == "PENSION" and m["paid"])
    assert f"已缴{paid}个月" in pages[-1]  # the totals on the last page

    scanned = decode_pdf_qr(pdf, page=len(pages))  # the QR as a verifier's phone reads it
    assert issued.auth_code in scanned
    page.step_key("F9")
    view = page.verify_view
    assert page.stack.currentWidget() is view
    qtbot.keyClicks(view.code, scanned)
    qtbot.keyClick(view.code, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert "真实有效" in view.result.text() and view.code.text() == issued.auth_code
    assert "（48个月）" in view.details.text() and "李*" in view.details.text()


def test_a_gap_is_named_on_screen_before_printing(qtbot: QtBot, page: CertificatePage,
                                                  tmp_path: Path) -> None:
    done = issue_through_the_page(qtbot, page, LUO_JUN, "PENSION", 48)
    summary = done.summary.text()
    assert "无缴费记录的月份" in summary and "（6个月）" in summary
    issued = page.wf.record.issued
    assert issued is not None
    months = sorted({m["year_month"] for m in issued.content["months"]})
    missing = [ym for ym in (f"{y}{m:02d}" for y in range(int(months[0][:4]), int(months[-1][:4]) + 1)
                             for m in range(1, 13)) if months[0] < ym < months[-1] and ym not in months]
    assert len(missing) == 6
    assert f"{missing[0][:4]}年{missing[0][4:]}月至{missing[-1][:4]}年{missing[-1][4:]}月" in summary
    page.save_document(tmp_path / "luo-jun.pdf")
    idle(qtbot, page)
    text = "".join(pdf_text((tmp_path / "luo-jun.pdf").read_bytes(), tmp_path))
    assert "以下月份无缴费记录" in text and "（6个月）" in text  # the page says the same

    page.new_certificate()  # a person without a gap: no such row
    done_li = issue_through_the_page(qtbot, page, LI_MING, "PENSION", 12)
    assert "无缴费记录的月份" not in done_li.summary.text()


def test_an_expired_certificate_on_the_verify_screen_and_the_cli(
        qtbot: QtBot, page: CertificatePage, central: CentralSimHandle, tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    issue_through_the_page(qtbot, page, LI_MING, "ALL", 6)
    issued = page.wf.record.issued
    assert issued is not None
    # three months later (the central's validity): its issue moved back, as a clock would
    engine = create_engine(central.db_url)
    try:
        with engine.begin() as db:
            changed = db.execute(text("UPDATE certificates SET issued_at = :a, valid_until = :u "
                                      "WHERE auth_code = :c"),
                                 {"a": dt.datetime(2025, 1, 2, 8), "u": dt.datetime(2025, 4, 2, 8),
                                  "c": issued.auth_code}).rowcount
    finally:
        engine.dispose()
    assert changed == 1
    page.step_key("F9")
    view = page.verify_view
    qtbot.keyClicks(view.code, issued.auth_code)
    qtbot.keyClick(view.code, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert "已过有效期" in view.result.text() and "真实有效" not in view.result.text()
    assert "2025-04-02" in view.details.text()  # the day it lapsed

    profile = tmp_path / "profile.toml"
    profile.write_text(PROFILE.read_text(encoding="utf-8").replace(
        'base_url = "http://127.0.0.1:8765"', f'base_url = "{central.url}"'), encoding="utf-8")
    cli = verify(tmp_path / "home", profile, issued.auth_code)
    assert cli.returncode == 3, cli.stderr  # docs/certificates.md: 0 valid, 3 expired, 1 refused
    assert cli.stdout.splitlines()[0].startswith("已过有效期")
    assert LI_MING not in cli.stdout


def test_a_chosen_from_to_period_within_the_limits(qtbot: QtBot, page: CertificatePage) -> None:
    identify = page.view(Step.IDENTIFY)
    qtbot.keyClicks(identify.id_number, LUO_JUN)
    qtbot.keyClick(identify.id_number, Qt.Key.Key_Return)
    idle(qtbot, page)
    options = page.view(Step.OPTIONS)
    assert isinstance(options, OptionsView)
    assert not options.period_box.isEnabled()  # the latest months by default
    options.months.setCurrentIndex(options.months.findData("chosen"))
    assert options.period_box.isEnabled()
    newest = options.period_to.itemData(0)  # this month first, ten years offered
    assert options.period_to.count() == 120 and options.period_from.itemData(0) == newest
    # 49 months: refused beside the field, nothing asked of the central
    options.period_from.setCurrentIndex(48)
    options.period_to.setCurrentIndex(0)
    page.step_key("F5")
    idle(qtbot, page)
    assert page.wf.step is Step.OPTIONS and page.wf.record.issued is None
    assert "49个月" in options.grid.errors["period"].text()
    # from after to
    options.period_from.setCurrentIndex(2)
    options.period_to.setCurrentIndex(4)
    page.step_key("F5")
    idle(qtbot, page)
    assert "不能晚于截止月份" in options.grid.errors["period"].text()
    # 42 to 24 months ago: 罗军's gap (30–35 months ago) inside
    options.period_from.setCurrentIndex(42)
    options.period_to.setCurrentIndex(24)
    first, last = options.period_from.currentData(), options.period_to.currentData()
    page.step_key("F5")
    idle(qtbot, page)
    assert page.wf.step is Step.DONE, page.banner.text()
    issued = page.wf.record.issued
    assert issued is not None
    months = sorted({m["year_month"] for m in issued.content["months"]})
    assert months[0] >= first and months[-1] <= last and len(months) == 19 - 6
    done = page.view(Step.DONE)
    banner = done.result.text()
    assert f"{first[:4]}年{first[4:]}月至{last[:4]}年{last[4:]}月" in banner and "近" not in banner
    assert "（6个月）" in done.summary.text()  # the gap named
    # the next person starts from the latest months again
    page.new_certificate()
    qtbot.keyClicks(page.view(Step.IDENTIFY).id_number, LI_MING)
    page.go_next()
    idle(qtbot, page)
    assert options.months.currentData() == "48" and not options.period_box.isEnabled()


def test_f3_reads_the_persons_card_refuses_anothers_and_goes_on_without(
        qtbot: QtBot, page: CertificatePage) -> None:
    identify = drive_card_reads(qtbot, page, "certificate")
    qtbot.keyClick(identify.id_number, Qt.Key.Key_Return)  # the ID card number alone goes on
    idle(qtbot, page)
    assert page.wf is not None and page.wf.step is Step.OPTIONS and page.wf.record.card is None
