"""Every text a tour screenshot shows, as JSON lines (to find what a language leaves untranslated).

``COUNTER_TOUR_TEXTS=FILE counter-app demo --tour DIR`` appends, for every screenshot, one line
per visible text of the captured window: ``{"shot": "scenario/NN-step.png", "kind": "label",
"widget": "LossPage/QLabel#problem", "text": "…"}``. Without the variable nothing is recorded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

ENV = "COUNTER_TOUR_TEXTS"
MAX_ROWS = 200  # a long table's first rows show the same kinds of text as the rest


def _plain(text: str) -> str:
    if "<" in text:  # a label's rich text: what it shows, without the markup
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _name(widget: QWidget) -> str:
    kind = type(widget).__name__
    return f"{kind}#{widget.objectName()}" if widget.objectName() else kind


def _path(widget: QWidget, root: QWidget) -> str:
    """Where the widget sits: the nearest named ancestors (enough to find the source)."""
    parts = [_name(widget)]
    parent = widget.parentWidget()
    while parent is not None and parent is not root and len(parts) < 3:
        parts.append(_name(parent))
        parent = parent.parentWidget()
    return "/".join([_name(root), *reversed(parts)]) if widget is not root else _name(root)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # a list model hides columnCount() (private in PySide6): it has one column
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _cells(model: QAbstractItemModel, parent: QModelIndex, budget: list[int]) -> Iterator[str]:
    # list and table models hide hasChildren() (private in PySide6): they have no children
    flat = isinstance(model, (QAbstractListModel, QAbstractTableModel))
    for row in range(model.rowCount(parent)):
        if budget[0] <= 0:
            return
        budget[0] -= 1
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            value = model.data(index, Qt.ItemDataRole.DisplayRole)
            if value not in (None, ""):
                yield str(value)
            if column == 0 and not flat and model.rowCount(index) > 0:
                yield from _cells(model, index, budget)


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    if widget.isWindow() and widget.windowTitle():
        yield "window-title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "label", _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    elif isinstance(widget, QLineEdit):
        yield "line-edit", widget.text()
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield "combo-item", widget.itemText(i)
        if widget.isEditable():
            yield "combo-text", widget.currentText()
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield "text", widget.toPlainText()
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QGroupBox):
        yield "group-title", widget.title()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield "tab", widget.tabText(i)
    elif isinstance(widget, QStatusBar):
        yield "status", widget.currentMessage()
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for column in range(_columns(model, QModelIndex())):
            header = model.headerData(column, Qt.Orientation.Horizontal,
                                      Qt.ItemDataRole.DisplayRole)
            if header not in (None, ""):
                yield "header", str(header)
        for cell in _cells(model, widget.rootIndex(), [MAX_ROWS]):
            yield "cell", cell


def visible_texts(root: QWidget) -> list[dict[str, str]]:
    """The non-empty texts of ``root`` and of its children shown with it."""
    found: list[dict[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        for kind, text in _widget_texts(widget):
            if text.strip():
                found.append({"kind": kind, "widget": _path(widget, root), "text": text})
    return found


def record(root: QWidget, shot: str) -> None:
    """Append the texts of ``root`` under the screenshot's name, if ``COUNTER_TOUR_TEXTS`` asks."""
    target = os.environ.get(ENV)
    if not target:
        return
    with Path(target).open("a", encoding="utf-8") as out:
        for entry in visible_texts(root):
            out.write(json.dumps({"shot": shot, **entry}, ensure_ascii=False) + "\n")
