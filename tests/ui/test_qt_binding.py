"""The Qt binding must not corrupt reference counts: a counter application runs all day and
calls Qt methods millions of times (PySide6 6.12.0 on Python 3.11 dropped a reference to None
on every void call and aborted the process after a few thousand)."""

import sys

from PySide6.QtWidgets import QLabel, QWidget


def test_void_and_bool_calls_keep_reference_counts(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    label = QLabel(widget)
    none_before, true_before, false_before = (sys.getrefcount(None), sys.getrefcount(True),
                                              sys.getrefcount(False))
    for _ in range(300):
        label.setText("待上传：0 笔")
        widget.setEnabled(True)
        widget.setEnabled(False)
        label.setProperty("state", "online")
        assert widget.isEnabled() is False
    # other threads may hold a few references at any moment; a leak or a loss shows as hundreds
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
    assert abs(sys.getrefcount(False) - false_before) < 50
