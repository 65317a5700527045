"""The main window fits a 1366-pixel counter screen whatever the status bar says: before, the
status cells' whole texts side by side (an open session with its float, the readers' service
down, the weekend hours) made the window at least 1741 pixels wide."""

from __future__ import annotations

from counter_app.ui.app import CounterApp
from counter_app.workflows.status import LineReading
from tests.ui.test_shell import close, sign_in, start


def test_long_status_texts_do_not_widen_the_window_past_a_1366_screen(qtbot, make_services) -> None:
    app: CounterApp = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    bar = main.status
    bar.show_session("stale", "昨日会话未日终结束（备用金 ¥2,000,000.00），请先日终")
    bar.show_line(LineReading("paused"))
    bar.show_outbox(12345, 678)
    bar.unmonitored = True
    bar.show_slots({})  # the readers' service unreachable: the longest reader texts
    bar.custody_label.setVisible(True)
    main.resize(1366, 860)
    qtbot.wait(50)
    assert main.minimumSizeHint().width() <= 1366
    assert main.width() == 1366
    # the urgent cells are never cut: the line, the unsent count and the two readers show
    # whole (the tours showed a red reader dot with its words cut off)
    assert "无读卡服务" in bar.card_label.text()
    for label in (bar.line_label, bar.outbox_label, bar.card_label, bar.psam_label):
        assert label.width() >= label.sizeHint().width()
    # an open session's float shows whole, never cut to a misleading "¥2"
    bar.show_session("ready", "营业中（备用金 ¥2,000.00）")
    qtbot.wait(50)
    assert main.width() == 1366 and bar.session_label.width() >= bar.session_label.sizeHint().width()
    assert "¥2,000.00" in bar.session_label.toolTip()
    close(app)


def test_the_custody_count_shows_whole_at_1366(qtbot, make_services) -> None:
    """The tour's screenshots showed the cell cut to "本人保管" with no number: the count must
    show whole next to the longest other texts, the window still 1366 pixels wide."""
    app: CounterApp = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    bar = main.status
    assert main.services.profile.instant_issue  # the cell is shown at instant branches
    qtbot.waitUntil(lambda: bar.custody_label.property("state") == 0)  # the window's own count
    main.monitor.timer.stop()  # no line poll re-reads it meanwhile
    qtbot.waitUntil(lambda: not main.ops.pending)
    bar.show_session("stale", "昨日会话未日终结束（备用金 ¥2,000,000.00），请先日终")
    bar.show_line(LineReading("paused"))
    bar.show_outbox(12345, 678)
    bar.unmonitored = True
    bar.show_slots({})
    main.resize(1366, 860)
    for count in (None, 1, 5, 123):
        bar.show_custody(count)
        qtbot.wait(50)
        label = bar.custody_label
        assert main.minimumSizeHint().width() <= 1366
        assert main.width() == 1366
        assert label.width() >= label.sizeHint().width(), (count, label.width(), label.sizeHint())
        if count is not None:
            assert f"{count} 张" in label.text()
    close(app)
