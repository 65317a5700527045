"""What the supervision tabs share: background work through the window's Ops with a busy
state, a message line, read-only tables, and the authorising supervisor's boxes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.feedback import run_then_idle, show_message
from counter_app.ui.i18n import tr
from counter_app.ui.login_window import error_text
from counter_app.ui.qt import named
from counter_app.ui.supervision.page import SupervisionEnv
from counter_app.ui.supervisor_dialog import SupervisorFields
from counter_app.workflows.supervisor import SupervisorApproval

log = logging.getLogger(__name__)


def table(heads: Sequence[str], name: str, stretch: int) -> QTableWidget:
    """Columns as wide as their contents, except ``stretch`` (the column of free text) which
    takes the width left and wraps: a short last column (a count) is not blown up to the
    table's width while the reason beside it is cut off."""
    t = named(QTableWidget(0, len(heads)), name)
    t.setHorizontalHeaderLabels(list(heads))
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    t.setStyleSheet("QTableWidget::item { padding: 2px 6px; }")  # cells not flush against their borders
    t.setWordWrap(True)
    return t


def fill(t: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[object] = ()) -> None:
    """Replace the table's rows; ``keys`` (one per row) ride on the first cell."""
    from PySide6.QtCore import Qt

    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(tr(text))  # a state or an operation from below: translated
            if c == 0 and r < len(keys):
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            t.setItem(r, c, item)
    t.resizeRowsToContents()  # a wrapped reason shows whole
    if rows:
        t.selectRow(0)


def selected_key(t: QTableWidget) -> Any:
    from PySide6.QtCore import Qt

    row = t.currentRow()
    item = t.item(row, 0) if row >= 0 else None
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def approval_fields(env: SupervisionEnv, prefix: str) -> SupervisorFields:
    """The authorising supervisor's boxes (ui.supervisor_dialog: user, password and the
    one-time code when the profile asks for it), the signed-in supervisor pre-filled."""
    fields = SupervisorFields(prefix=prefix, second_factor=env.second_factor)
    fields.user.setText(env.username)
    return fields


class SupervisionTab(QWidget):
    """A tab whose work runs on the window's worker, one job at a time."""

    def __init__(self, env: SupervisionEnv, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.env = env
        self.busy = False
        # the tab scrolls rather than making the window taller than a 768-pixel screen
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.lay = QVBoxLayout(body)
        self.lay.setContentsMargins(12, 12, 12, 12)
        self.lay.setSpacing(8)
        self.message = named(QLabel("", wordWrap=True), f"{name}Message")
        self.action_buttons: list[QPushButton] = []

    def button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        b = named(QPushButton(text), name)
        b.clicked.connect(slot)
        self.action_buttons.append(b)
        return b

    def say(self, text: str, ok: bool = True) -> None:
        show_message(self.message, text, ok)

    def reload(self, fn: Callable[[], Any], done: Callable[[Any], None], busy_zh: str,
               keep_message: bool) -> None:
        """Read the tab's rows afresh; a refresh after a decision (``keep_message``) leaves
        the decision's result on screen instead of the reading notice."""
        if not keep_message:
            self.message.setText("")
        self.run(fn, done, None if keep_message else busy_zh)

    def authorised_row(self, t: QTableWidget,
                       fields: SupervisorFields) -> tuple[Any, SupervisorApproval] | None:
        """The chosen row's key and the supervisor's authorisation for a decision on it, the
        typed secrets cleared at once; None when busy, nothing is chosen, or a box is left
        empty (then said on the message line)."""
        key = selected_key(t)
        if self.busy or key is None:
            return None
        missing = fields.missing_zh()
        if missing is not None:
            self.say(missing, ok=False)
            return None
        approval = fields.approval()
        fields.clear_secrets()
        return key, approval

    def run(self, fn: Callable[[], Any], done: Callable[[Any], None], busy_zh: str | None,
            failed: Callable[[BaseException], None] | None = None) -> None:
        """``busy_zh`` is shown meanwhile; None keeps the message (a refresh after a decision
        leaves its result on screen)."""
        if self.busy:
            return
        self.busy = True
        if busy_zh is not None:
            self.message.setStyleSheet("")
            self.message.setText(tr(busy_zh))
        for b in self.action_buttons:
            b.setEnabled(False)

        def ok(result: Any) -> None:
            if busy_zh is not None and self.message.text() == tr(busy_zh):
                self.message.setText("")  # done waiting: the result speaks for itself
            done(result)

        def fail(error: BaseException) -> None:
            self.say(error_text(error), ok=False)
            if failed is not None:
                failed(error)

        run_then_idle(self.env.ops, fn, ok, fail, self._idle, log, "supervision action")

    def _idle(self) -> None:
        self.busy = False
        for b in self.action_buttons:
            b.setEnabled(True)
