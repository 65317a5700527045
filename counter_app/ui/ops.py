"""The one way off the UI thread: run a function on a worker, get the result back on the UI thread.

Widgets are never touched from a worker and no I/O runs on the UI thread. Callbacks run
on the UI thread through queued signals. Pending operations are tracked so a window can
wait for them on close and tests can check that nothing was left running.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


def _receiver_gone(callback: Callable[..., Any] | None) -> bool:
    """A bound method of a widget deleted while the job ran (e.g. the window closed at a
    user switch): calling it would raise from deep inside Qt, so the result is dropped."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the call to the slots below."""

    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, ops: Ops, on_success: Callable[[Any], None] | None,
                 on_failure: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self.ops, self.on_success, self.on_failure = ops, on_success, on_failure
        self.sig_done.connect(self._done)
        self.sig_failed.connect(self._failed)

    @Slot(object)
    def _done(self, result: Any) -> None:
        self.ops._relays.discard(self)
        if self.ops.closed:  # the owner is shutting down: its widgets may be gone
            return
        if self.on_success is not None and not _receiver_gone(self.on_success):
            self.on_success(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.ops._relays.discard(self)
        if self.ops.closed:
            return
        if self.on_failure is not None and not _receiver_gone(self.on_failure):
            self.on_failure(error)
        else:
            log.error("background operation failed: %s", type(error).__name__)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as error:
            self.relay.sig_failed.emit(error)
        else:
            self.relay.sig_done.emit(result)


# Qt calls into Python from the UI thread many times per frame (every virtual of a Python
# subclass, every slot), and each call needs the GIL. While a worker runs pure-Python work
# (a PDF, a photo check) the interpreter hands the GIL over only every switch interval
# (5 ms by default), so a repaint waiting for it dozens of times stalls for 100+ ms.
# A 0.5 ms interval keeps the UI responsive and costs the workers a few percent.
UI_SWITCH_INTERVAL_S = 0.0005


def favour_the_ui_thread() -> None:
    """Shorten the interpreter's switch interval (never lengthen it); idempotent."""
    if sys.getswitchinterval() > UI_SWITCH_INTERVAL_S:
        sys.setswitchinterval(UI_SWITCH_INTERVAL_S)


class Ops(QObject):
    """Background operations with success/failure callbacks on the UI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        favour_the_ui_thread()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()
        self.closed = False

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        # A poll or a queued refresh can still call in after the window (and this pool with
        # it) was deleted: there is nobody left to deliver to.
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.pool):
            log.debug("ops: work dropped, the owner was deleted")
            return
        relay = _Relay(self, on_success, on_failure)
        self._relays.add(relay)
        self.pool.start(_Job(fn, relay))

    @property
    def pending(self) -> int:
        return len(self._relays)

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 10000) -> bool:
        """Wait for running work; results that arrive afterwards are dropped, not delivered."""
        self.closed = True
        return self.pool.waitForDone(msecs)
