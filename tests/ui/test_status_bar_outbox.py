"""The status bar never hides a dead letter or a paused outbox (issue 9): before, a dead letter
with nothing pending read "待上传：0 笔" in green."""

from __future__ import annotations

import datetime as dt

from counter_app.ui.app import CounterApp
from counter_app.ui.theme import BAD, OK
from counter_app.workflows.status import LineReading
from tests.ui.test_shell import close, sign_in, start


def test_a_dead_letter_shows_red_with_its_count_even_when_nothing_is_pending(
        qtbot, make_services) -> None:
    services = make_services()
    repo = services.sync.repo  # the real SQLite outbox of this counter
    op = repo.enqueue("applications.submit", "person-A", {"branch_code": "ICBC-NB-0101"})
    item = next(r for r in repo.next_batch(dt.datetime.now(dt.UTC), 10) if r.op_id == op)
    repo.mark_dead(item.id, "APPLICATION_IN_PROGRESS", dt.datetime.now(dt.UTC))
    assert repo.stats().pending == 0 and repo.stats().dead == 1
    app: CounterApp = start(qtbot, services)
    sign_in(qtbot, app)
    label = app.main.status.outbox_label
    qtbot.waitUntil(lambda: label.property("dead") == 1, timeout=5000)
    assert label.property("state") == 0
    assert BAD in label.text() and OK not in label.text()
    assert "异常件：1 笔" in label.text() and "主管" in label.toolTip()
    close(app)


def test_the_outbox_figure_is_green_only_when_nothing_is_unsent(qtbot, make_services) -> None:
    app: CounterApp = start(qtbot, make_services())
    sign_in(qtbot, app)
    bar = app.main.status
    qtbot.waitUntil(lambda: bar.outbox_label.property("dead") == 0, timeout=5000)
    assert OK in bar.outbox_label.text() and "异常件" not in bar.outbox_label.text()
    bar.show_outbox(0, 3)
    assert BAD in bar.outbox_label.text() and "异常件：3 笔" in bar.outbox_label.text()
    bar.show_outbox(2, 0)
    assert BAD not in bar.outbox_label.text() and "异常件" not in bar.outbox_label.text()
    bar.show_line(LineReading("paused"))
    assert bar.line_label.property("state") == "paused"
    assert BAD in bar.line_label.text() and "暂停发送" in bar.line_label.text()
    assert "技术支持" in bar.line_label.toolTip()
    close(app)
