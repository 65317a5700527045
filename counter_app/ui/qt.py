"""Qt properties that PySide6's type stubs do not take as constructor keywords.

PySide6 accepts any Qt property or signal as a constructor keyword (``QLabel(objectName=...)``,
``QShortcut(activated=...)``), but its stubs list only each class's own properties, so mypy
rejects the inherited ones. These helpers set them through the typed setters instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut

QObjectT = TypeVar("QObjectT", bound=QObject)


def named(obj: QObjectT, name: str) -> QObjectT:
    """``obj`` with its object name (the style sheet's ``#Name`` and the tests' handle) set."""
    obj.setObjectName(name)
    return obj


def shortcut(key: str, parent: QObject, slot: Callable[[], object]) -> QShortcut:
    """A key sequence on ``parent`` (window-wide, Qt's default) that calls ``slot``."""
    action = QShortcut(QKeySequence(key), parent)
    action.activated.connect(slot)
    return action
