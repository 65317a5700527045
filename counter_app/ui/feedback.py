"""What the pages with a message line share: one look for a result or a refusal on that
line, and one way to run a page's work on the window's worker and log a failure."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel

from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import tr
from counter_app.ui.ops import Ops
from counter_app.ui.theme import BAD, OK


def show_message(label: QLabel, text: str, ok: bool = True) -> None:
    label.setStyleSheet(f"color: {OK if ok else BAD}; font-size: 14px;")
    label.setText(tr(text))  # a refusal or outcome composed below the UI: in the UI's language


def run_then_idle(ops: Ops, fn: Callable[[], Any], done: Callable[[Any], None],
                  failed: Callable[[BaseException], None], idle: Callable[[], None],
                  log: logging.Logger, what: str) -> None:
    """Run ``fn`` on the worker. Either way ``idle`` comes first (the page takes input
    again), then ``done(result)`` or ``failed(error)``. A failure goes to the page's ``log``
    by its kind only, never its text (which may name a person): a refusal (CounterError) at
    info with its code, a fault at warning."""

    def ok(result: Any) -> None:
        idle()
        done(result)

    def fail(error: BaseException) -> None:
        idle()
        if isinstance(error, CounterError):
            log.info("%s refused: %s", what, getattr(error, "code", type(error).__name__))
        else:
            log.warning("%s failed: %s", what, type(error).__name__)
        failed(error)

    ops.run(fn, ok, fail)
