"""日终轧账 offers what fits the moment: the refund card only while the open session has a fee
to refund (after the close it stood empty with live supervisor boxes), the cash box closed with
its button once the day is ended, and wide enough for its hint."""

from __future__ import annotations

from pathlib import Path

from counter_app.ui.day_end import DayEndPage
from tests.integration.day_end.test_day_end_store import replacement_done
from tests.ui.day_end.test_day_end_page import FEE, day_end_page, idle
from tests.ui.test_shell import close, sign_in, start


def test_the_refund_card_shows_only_with_a_fee_to_refund(qtbot, make_services, tmp_path: Path) -> None:
    services = make_services()
    app = start(qtbot, services)
    sign_in(qtbot, app)
    page: DayEndPage = day_end_page(qtbot, app)
    assert page.report is not None and not page.refund_box.isVisibleTo(page)  # no fee yet
    hint = page.cash.placeholderText()
    assert page.cash.width() >= page.cash.fontMetrics().horizontalAdvance(hint)
    assert page.cash.isEnabled()

    services.fee_desk("T0301").collect(FEE, "cash", "", replacement_done(services))
    page.refresh()
    qtbot.waitUntil(lambda: not page.busy and page.fee_list.count() == 1, timeout=10000)
    assert page.refund_box.isVisibleTo(page)

    page.cash.setText("20")
    page.count_cash()
    idle(qtbot, page, "已登记现金实点")
    page.close_day(tmp_path / "day-end.pdf")
    idle(qtbot, page, "已结束营业")
    assert not page.refund_box.isVisibleTo(page)
    assert not page.cash.isEnabled() and not page.cash_button.isEnabled()
    close(app)
