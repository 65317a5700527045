"""集中制卡 tracking: a failed production's long explanation wraps inside the table's width
(before, it ran off the table behind a horizontal scroll bar, the 重新制卡 / 撤销申领 hint cut);
its re-submit / cancel row shows only for a failed production."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt

from counter_app.workflows.production.record import Step
from tests.integration.production.conftest import Branch
from tests.ui.production.test_failed_drafts_sealing_pages import _page, _search

pytestmark = pytest.mark.central


def test_a_long_explanation_wraps_inside_the_table(qtbot: Any, branch: Branch) -> None:
    # found by ID number: a name can be shared with someone else's application at the
    # central (the person is drawn at random), which would take the first row
    app, _name = branch.take(fail=True)
    branch.advance(2)
    branch.pull()
    page = _page(qtbot, branch.desk())
    assert not page.view(Step.CHOOSE).failed_row.isVisibleTo(page)  # no idle, greyed controls
    home = _search(qtbot, page, app.id_number)
    assert home.results.rowCount() == 1
    assert home.failed_row.isVisibleTo(page) and home.resubmit_button.isEnabled()
    t = home.results
    qtbot.wait(50)
    assert t.item(0, 2).text() == "制卡失败"
    last = t.columnCount() - 1
    explanation = t.item(0, last).text()
    widths = [t.columnWidth(c) for c in range(t.columnCount())]
    assert sum(widths) <= t.viewport().width() + 1  # nothing behind a scroll bar
    assert t.fontMetrics().horizontalAdvance(explanation) > widths[last]  # too long for a line ...
    assert t.rowHeight(0) > 1.5 * t.fontMetrics().height()  # ... so it shows on several
    # all of them: the row follows the column's final width (not cut at its second line)
    page.resize(1000, 900)  # a narrower window: the explanation takes more lines
    qtbot.waitUntil(lambda: t.columnWidth(last) < widths[last], timeout=5000)
    text_width = t.columnWidth(last) - 12 - 2  # the cell's padding (CELL_PADDING) and grid
    needed = t.fontMetrics().boundingRect(QRect(0, 0, text_width, 10_000),
                                          int(Qt.TextFlag.TextWordWrap), explanation).height()
    qtbot.waitUntil(lambda: t.rowHeight(0) >= needed, timeout=5000)
