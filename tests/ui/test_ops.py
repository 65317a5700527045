"""Ops: a result whose widget was deleted while the job ran is dropped, not delivered."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel

from counter_app.ui.ops import Ops


def test_a_result_for_a_deleted_widget_is_dropped_and_a_live_one_delivered(qtbot) -> None:
    ops = Ops()
    gone, alive = QLabel(), QLabel()
    qtbot.addWidget(alive)
    gate = threading.Event()
    ops.run(lambda: "late" if gate.wait(5) else "timeout", gone.setText)
    gone.deleteLater()  # the window closes while the job runs
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)  # delivered: no exception raised
    ops.run(lambda: "on time", alive.setText)
    qtbot.waitUntil(lambda: alive.text() == "on time", timeout=5000)
    ops.shutdown(2000)


def test_work_asked_of_a_deleted_owner_is_dropped_not_raised(qtbot) -> None:
    # a health poll firing after sign-out closed the window that owned the pool
    owner = QLabel()
    ops = Ops(owner)
    pool = ops.pool
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(pool), timeout=5000)
    ran: list[str] = []
    ops.run(lambda: ran.append("ran"))
    assert ops.pending == 0 and ran == []
