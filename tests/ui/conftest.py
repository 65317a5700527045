"""The UI tests' leak guard (in the spirit of napari's): a test that leaves behind a thread it
started, a running timer or a top-level window fails at teardown, naming what it left.

A leak that only shows in the next test (a late result touching a deleted widget, a timer
firing into a closed page) is hard to trace, and in the product it is a teller's counter
running for a whole day: so every UI test must clean up after itself.

Checked after pytest-qt has closed the widgets given to ``qtbot.addWidget`` and after the
deferred deletions have run:

- Python threads started during the test that are still alive (threads Qt's pools lent to
  Python are not Python threads and are checked as pools);
- thread pools and ``QThread``\\ s started from Python that still run work;
- ``QTimer``\\ s started from Python that are still active (``QTimer.singleShot`` is not tracked);
- new top-level widgets that are visible, or that are the project's own classes or dialogs and
  were never deleted (Qt's internal ones, such as tool-tip labels, are allowed).

Mark a test ``@pytest.mark.allow_leaks`` to opt out (say why next to it).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

GRACE_S = 1.0  # a thread or pool winding down right after the test's last wait


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_leaks: do not run the UI leak guard on this test")


def _recording(cls: type, method: str, into: list[weakref.ref[Any]]) -> Callable[..., Any]:
    original = getattr(cls, method)

    def record(self: Any, *args: Any, **kwargs: Any) -> Any:
        into.append(weakref.ref(self))
        return original(self, *args, **kwargs)

    return record


def _alive(refs: list[weakref.ref[Any]]) -> list[Any]:
    out, seen = [], set()
    for ref in refs:
        obj = ref()
        if obj is not None and id(obj) not in seen and shiboken6.isValid(obj):
            seen.add(id(obj))
            out.append(obj)
    return out


def _describe(obj: Any) -> str:
    name = obj.objectName() if hasattr(obj, "objectName") else ""
    parent = obj.parent() if hasattr(obj, "parent") else None
    owner = f" in {type(parent).__name__}" if parent is not None else ""
    return f"{type(obj).__module__}.{type(obj).__qualname__}{f' {name!r}' if name else ''}{owner}"


def _project_class(widget: QWidget) -> bool:
    module = type(widget).__module__
    return module.startswith(("counter_app", "tests")) or isinstance(widget, QDialog)


def _flush_deletions() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


@pytest.fixture(autouse=True)
def leak_guard(request: pytest.FixtureRequest, qapp: QApplication,
               monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if request.node.get_closest_marker("allow_leaks"):
        yield
        return
    timers: list[weakref.ref[Any]] = []
    pools: list[weakref.ref[Any]] = []
    qthreads: list[weakref.ref[Any]] = []
    monkeypatch.setattr(QTimer, "start", _recording(QTimer, "start", timers))
    monkeypatch.setattr(QThreadPool, "start", _recording(QThreadPool, "start", pools))
    monkeypatch.setattr(QThread, "start", _recording(QThread, "start", qthreads))
    threads_before = set(threading.enumerate())
    widgets_before = {id(w) for w in QApplication.topLevelWidgets()}

    yield

    _flush_deletions()
    leaks: list[str] = []
    deadline = time.monotonic() + GRACE_S
    for pool in _alive(pools):
        pool.waitForDone(max(1, int((deadline - time.monotonic()) * 1000)))
        if pool.activeThreadCount() > 0:
            leaks.append(f"thread pool still running work: {_describe(pool)}")
    for thread in _alive(qthreads):
        if thread.isRunning() and not thread.wait(max(1, int((deadline - time.monotonic()) * 1000))):
            leaks.append(f"QThread still running: {_describe(thread)}")
    for thread in set(threading.enumerate()) - threads_before:
        if isinstance(thread, threading._DummyThread):  # a Qt worker that ran Python code
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            leaks.append(f"Python thread still running: {thread.name} "
                         f"({getattr(thread, '_target', None) or type(thread).__name__})")
    _flush_deletions()  # results delivered while waiting above may have closed something
    for timer in _alive(timers):
        if timer.isActive():
            leaks.append(f"QTimer still active ({timer.interval()} ms): {_describe(timer)}")
            timer.stop()  # so it cannot fire into the next test
    for widget in QApplication.topLevelWidgets():
        if id(widget) in widgets_before or not shiboken6.isValid(widget):
            continue
        if widget.isVisible() or _project_class(widget):
            state = "visible" if widget.isVisible() else "hidden but never deleted"
            leaks.append(f"top-level widget {state}: {_describe(widget)} "
                         f"{widget.windowTitle()!r}")
            widget.close()
            widget.deleteLater()
    if leaks:
        _flush_deletions()
        pytest.fail("the test left this behind (stop/close/delete it in the test or the code):\n  "
                    + "\n  ".join(leaks), pytrace=False)
