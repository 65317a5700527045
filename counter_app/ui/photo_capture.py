"""The two ways a photo comes in, shared by the application's photo step and the
replacement's 当场制卡 box: the camera (F5) and a file or a scan (F4)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from counter_app.ui.application.steps import ImportDialogs
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named


def photo_buttons(capture: Callable[[], None], import_file: Callable[[], None], *,
                  capture_name: str) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """拍照 and 从文件导入… side by side; the row, then the two buttons."""
    row = QHBoxLayout()
    capture_button = named(QPushButton(tr("拍照 (F5)")), capture_name)
    capture_button.clicked.connect(capture)
    import_button = named(QPushButton(tr("从文件导入… (F4)")), "ImportPhoto")
    import_button.clicked.connect(import_file)
    row.addWidget(capture_button)
    row.addWidget(import_button)
    row.addStretch(1)
    return row, capture_button, import_button


def choose_photo_file(parent: QWidget) -> Path | None:
    """The file the teller picks (ImportDialogs, which the tour and the tests replace)."""
    path = ImportDialogs.photo_file(parent)
    return Path(path) if path else None
