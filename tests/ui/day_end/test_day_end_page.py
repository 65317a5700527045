"""日终轧账 through the signed-in window (pytest-qt, offscreen, a real store): a difference
blocks the close until it is explained; the cash is counted; the close saves the sheet; a
refund is refused without the supervisor's authorisation and done with it; without a session
the page says so and offers nothing."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.domain.fees import FeeQuote
from counter_app.ui.day_end import DayEndPage
from tests.fixtures.otp import SUPERVISOR, SUPERVISOR_PASSWORD, fresh_code
from tests.integration.day_end.test_day_end_store import replacement_done
from tests.ui.test_shell import close, sign_in, start

FEE = FeeQuote("replacement", 2000, "本网点配置的补换卡工本费标准")


def day_end_page(qtbot, app) -> DayEndPage:  # type: ignore[no-untyped-def]
    app.main.route_to("teller_day_end")
    page = app.main.day_pages["teller_day_end"]
    assert isinstance(page, DayEndPage)
    qtbot.waitUntil(lambda: not page.busy and page.summary.text() != "正在汇总…", timeout=10000)
    return page


def idle(qtbot, page: DayEndPage, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.busy and text in page.message.text(), timeout=15000)


def test_a_difference_blocks_the_close_until_explained(qtbot, make_services, tmp_path: Path) -> None:
    services = make_services()  # T0301's day is open with no float
    missing = replacement_done(services)  # done, its fee never recorded
    services.fee_desk("T0301").collect(FEE, "cash", "", replacement_done(services))
    app = start(qtbot, services)
    sign_in(qtbot, app)
    page = day_end_page(qtbot, app)
    assert "补卡 / 换卡" in page.figures.text() and "2 笔" in page.figures.text()
    keys = list(page.explain_edits)
    assert keys == [f"fee_missing:{missing}", "cash_uncounted"]

    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page, "尚未说明")
    assert services.session_desk("T0301").ready()  # still open

    qtbot.keyClicks(page.cash, "20")
    qtbot.keyClick(page.cash, Qt.Key.Key_Return)
    idle(qtbot, page, "已登记现金实点 ¥20.00")
    assert list(page.explain_edits) == [f"fee_missing:{missing}"]  # the count settled the cash
    page.explain_edits[f"fee_missing:{missing}"].setText("持卡人低保，主管同意免收")  # via the IME
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page, "已保存 1 项差异说明")
    assert page.explain_edits[f"fee_missing:{missing}"].text() == "持卡人低保，主管同意免收"

    sheet = tmp_path / "day-end.pdf"
    page.close_day(sheet)
    idle(qtbot, page, "已结束营业")
    qtbot.waitUntil(lambda: app.main.status.session_label.property("state") == "none", timeout=10000)
    assert not services.session_desk("T0301").ready()
    text = "".join(p.extract_text() for p in PdfReader(sheet).pages).replace("\n", "")
    assert "柜员日终轧账单" in text and "持卡人低保，主管同意免收" in text and "¥20.00" in text
    branch = tmp_path / "branch.pdf"  # the branch's sheet, after the day is closed
    page.save_branch_pdf(branch)
    idle(qtbot, page, "网点轧账单已保存")
    text = "".join(p.extract_text() for p in PdfReader(branch).pages).replace("\n", "")
    assert "网点日终轧账单" in text and "T0301" in text and "日终结束" in text
    close(app)


def test_a_refund_needs_the_supervisors_authorisation(qtbot, make_services) -> None:
    services = make_services()
    fee = services.fee_desk("T0301").collect(FEE, "cash", "", replacement_done(services))
    assert fee is not None
    app = start(qtbot, services)
    sign_in(qtbot, app)
    page = day_end_page(qtbot, app)
    assert page.fee_list.count() == 1 and fee.receipt_no in page.fee_list.item(0).text()
    page.fee_list.setCurrentRow(0)
    page.refund_reason.setText("中心未受理退还")
    fields = page.approver
    qtbot.keyClicks(fields.user, SUPERVISOR)
    qtbot.keyClicks(fields.password, SUPERVISOR_PASSWORD)
    qtbot.mouseClick(page.refund_button, Qt.MouseButton.LeftButton)  # no one-time code
    assert "请输入" in page.message.text() and "6位数字" in page.message.text()
    fields.password.clear()
    qtbot.keyClicks(fields.password, "wrong-password-1")
    qtbot.keyClicks(fields.otp, fresh_code())
    qtbot.mouseClick(page.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy and "不正确" in page.message.text(), timeout=10000)
    assert fields.password.text() == "" and fields.otp.text() == "" and page.fee_list.count() == 1
    assert services.fee_desk("T0301").session_fees()[0].kind == "collect"

    page.fee_list.setCurrentRow(0)
    qtbot.keyClicks(fields.password, SUPERVISOR_PASSWORD)
    qtbot.keyClicks(fields.otp, fresh_code())
    qtbot.mouseClick(page.refund_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page, "已退费")
    assert f"授权主管 {SUPERVISOR}" in page.message.text()
    assert page.fee_list.count() == 2 and "退费" in page.fee_list.item(1).text()
    assert "净 ¥0.00" in page.figures.text()
    close(app)


def test_without_a_session_the_page_offers_nothing(qtbot, make_services) -> None:
    app = start(qtbot, make_services(session=False))
    sign_in(qtbot, app)
    page = day_end_page(qtbot, app)
    assert "没有未结束的柜员会话" in page.summary.text()
    assert not page.close_button.isEnabled() and not page.refund_button.isEnabled()
    close(app)


def test_the_branch_view_says_when_the_figures_are_this_pcs_only(qtbot, make_services, tmp_path: Path) -> None:
    """Without the central's branch-wide sum (this fake central has none), the branch view
    says plainly that the figures are this PC's, and shows them; the branch CSV says so too."""
    services = make_services()
    services.fee_desk("T0301").collect(FEE, "cash", "", replacement_done(services))
    app = start(qtbot, services)
    sign_in(qtbot, app)
    page = day_end_page(qtbot, app)
    assert not page.branch_figures.isVisible()
    qtbot.mouseClick(page.branch_view_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page, "全网点汇总暂不可用")
    text = page.branch_figures.text()
    assert page.branch_figures.isVisible() and "仅为本机" in text
    assert "业务 1 笔，工本费净额 ¥20.00" in text
    saved = tmp_path / "branch.csv"
    page.save_branch_csv(saved)
    idle(qtbot, page, "网点轧账CSV已保存")
    csv_text = saved.read_text("utf-8-sig")
    assert "branch_wide,available,0," in csv_text and "fee_net,all,2000,fen" in csv_text
    close(app)
