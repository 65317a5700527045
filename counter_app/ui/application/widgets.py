"""Small building blocks of the application pages: a form row with its error beside it,
banners, and conversions between Qt images and the photo layer's RGB arrays."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from counter_app.ui.theme import BAD, MUTED, OK, PRIMARY, WARN

CHEVRON = (Path(__file__).resolve().parents[2] / "resources" / "icons" / "chevron-down.svg").as_posix()

PAGE_STYLE = f"""
QWidget#ApplicationPage, QWidget#StepView, QScrollArea#StepScroll > QWidget > QWidget {{
    background: #f3f5f8; }}
QListWidget#StepList {{ background: white; border: none; border-right: 1px solid #d9e0e7;
                        font-size: 14px; outline: 0; }}
QListWidget#StepList::item {{ padding: 9px 12px; border-bottom: 1px solid #eef1f4; }}
QListWidget#StepList::item:selected {{ background: #e3edf7; color: {PRIMARY};
                                       border-left: 4px solid {PRIMARY}; font-weight: bold; }}
QLabel#StepTitle {{ font-size: 19px; font-weight: bold; color: #1d2733; }}
QLabel#StepLead {{ color: {MUTED}; font-size: 13px; }}
QLabel#FieldLabel {{ font-size: 14px; color: #3a4654; }}
QLabel#FieldError {{ color: {BAD}; font-size: 13px; }}
QLabel#ReadOnlyValue {{ font-size: 15px; padding: 6px 2px; }}
QFrame#Banner {{ border-radius: 4px; padding: 2px; }}
QFrame#Banner[kind="info"] {{ background: #e8f1fa; border: 1px solid #b9d3ec; }}
QFrame#Banner[kind="ok"] {{ background: #e7f5ec; border: 1px solid #a9d8bb; }}
QFrame#Banner[kind="warn"] {{ background: #fdf3e3; border: 1px solid #efc98a; }}
QFrame#Banner[kind="bad"] {{ background: #fbeaea; border: 1px solid #e8a9a3; }}
QFrame#Banner QLabel {{ font-size: 14px; }}
QComboBox {{ padding: 6px 8px; border: 1px solid #b8c4d0; border-radius: 4px; background: white;
             font-size: 15px; min-width: 160px; }}
QComboBox:focus {{ border: 2px solid {PRIMARY}; }}
QComboBox::drop-down {{ border: none; width: 26px; }}
QComboBox::down-arrow {{ image: url("{CHEVRON}"); width: 12px; height: 8px; }}
QCheckBox, QRadioButton {{ font-size: 15px; spacing: 8px; padding: 4px 0; }}
QFrame#NavBar {{ background: white; border-top: 1px solid #d9e0e7; }}
QLabel#BusyLabel {{ color: {PRIMARY}; font-size: 14px; }}
QLabel#PhotoBox {{ background: white; border: 1px dashed #b8c4d0; }}
QLabel#AppNo {{ font-size: 22px; font-weight: bold; color: {PRIMARY}; }}
"""

BANNER_COLOURS = {"info": PRIMARY, "ok": OK, "warn": WARN, "bad": BAD}


class Banner(QFrame):
    """A one-paragraph notice above the step (info / ok / warn / bad)."""

    def __init__(self, parent: QWidget | None = None, object_name: str = "Banner") -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.label = QLabel("", objectName=object_name + "Text", wordWrap=True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.addWidget(self.label)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        colour = BANNER_COLOURS[kind]
        self.label.setText(f'<span style="color:{colour}; font-weight:bold;">●</span>&nbsp; {text}')
        self.show()

    def clear(self) -> None:
        self.label.setText("")
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class FormGrid(QGridLayout):
    """Rows of label · editor · error, so every error sits beside its field."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalSpacing(14)
        self.setVerticalSpacing(10)
        self.setColumnMinimumWidth(1, 320)
        self.setColumnStretch(2, 1)
        self.errors: dict[str, QLabel] = {}
        self._row = 0

    def add(self, key: str, label: str, editor: QWidget, hint: str = "") -> QLabel:
        title = QLabel(label, objectName="FieldLabel")
        title.setBuddy(editor)
        error = QLabel(hint, objectName="FieldHint" if hint else "FieldError", wordWrap=True)
        if hint:
            error.setStyleSheet(f"color: {MUTED};")
        error.setProperty("hint", hint)
        error.setMinimumWidth(260)
        self.addWidget(title, self._row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.addWidget(editor, self._row, 1)
        self.addWidget(error, self._row, 2)
        self.errors[key] = error
        self._row += 1
        return error

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            message = errors.get(key)
            if message:
                label.setObjectName("FieldError")
                label.setStyleSheet(f"color: {BAD};")
                label.setText("✗ " + message)
            else:
                hint = label.property("hint") or ""
                label.setStyleSheet(f"color: {MUTED};")
                label.setText(hint)


def rgb_to_qimage(pixels: np.ndarray) -> QImage:
    array = np.ascontiguousarray(pixels)
    h, w = array.shape[:2]
    return QImage(array.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """A Qt image as an RGB uint8 array (H, W, 3): what the photo layer takes."""
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = img.width(), img.height(), img.bytesPerLine()
    buffer = np.frombuffer(img.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return buffer[:, : w * 3].reshape(h, w, 3).copy()


def jpeg_pixmap(jpeg: bytes, width: int) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(jpeg, "JPG")
    return pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
