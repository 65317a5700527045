"""The supervision tables fit their width: the rejection reason (the column of free text) wraps
whole inside the table, the short columns are not blown up (before, the last column, a time,
was stretched across the table while the reason beside it was cut off)."""

from __future__ import annotations

from counter_app.ui.supervision.dead_letters import DeadLettersTab
from tests.ui.supervision.test_supervision_page import idle, ops, page_for  # noqa: F401 (fixture)
from tests.unit.supervision.helpers import dead_letters


def test_the_reason_column_wraps_inside_the_table(qtbot, make_services, ops) -> None:  # noqa: F811
    services = make_services()
    dead_letters(services, ("persons.data_change", "CHANGE_NEEDS_PROOF"))
    page = page_for(qtbot, services, ops)
    page.resize(900, 700)  # narrower than the reason's one line
    page.open()
    tab = page.tab("dead_letters")
    assert isinstance(tab, DeadLettersTab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and idle(tab), timeout=10000)
    t = tab.table
    qtbot.wait(50)
    columns = [t.columnWidth(c) for c in range(t.columnCount())]
    assert sum(columns) <= t.viewport().width() + 1  # nothing runs off the table
    reason = t.item(0, 3).text()
    one_line = t.fontMetrics().horizontalAdvance(reason)
    assert columns[3] < one_line  # too narrow for one line here ...
    assert t.rowHeight(0) > t.fontMetrics().height() * 1.5  # ... so the row grew to show it whole
    last = t.columnCount() - 1  # the last column (a time) is as wide as its contents, no wider
    assert columns[last] < 2 * t.fontMetrics().horizontalAdvance("2026-11-30 14:26") + 40


def test_the_tallest_tab_scrolls_instead_of_growing_the_window(qtbot, make_services, ops) -> None:  # noqa: F811
    page = page_for(qtbot, make_services(), ops)
    tab = page.show_tab("tellers")  # the tallest: table, unlock box and the add-account form
    qtbot.waitUntil(lambda: idle(tab), timeout=10000)
    # a 1366x768 screen leaves about 560 pixels below the header and above the status bar;
    # before, it asked for 739
    assert page.minimumSizeHint().height() <= 560
