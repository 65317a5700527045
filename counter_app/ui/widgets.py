"""Small building blocks of the application pages: a form row with its error beside it,
banners, the busy indicator, and conversions between Qt images and the photo layer's RGB
arrays."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from counter_app.assets import CHEVRON_ICON, asset_path
from counter_app.printing.fonts import code_point_marker
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.theme import (
    BAD,
    DISABLED_BG,
    DISABLED_BORDER,
    DISABLED_TEXT,
    MUTED,
    OK,
    PRIMARY,
    WARN,
)
from counter_app.workflows.application_rules import _is_han as is_name_ideograph

CHEVRON = asset_path(CHEVRON_ICON).as_posix()

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
QLabel#FieldLabel:disabled {{ color: {DISABLED_TEXT}; }}
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
QComboBox:disabled {{ background: {DISABLED_BG}; color: {DISABLED_TEXT}; border-color: {DISABLED_BORDER}; }}
QComboBox::drop-down {{ border: none; width: 26px; }}
QComboBox::down-arrow {{ image: url("{CHEVRON}"); width: 12px; height: 8px; }}
QCheckBox, QRadioButton {{ font-size: 15px; spacing: 8px; padding: 4px 0; }}
QCheckBox:disabled, QRadioButton:disabled {{ color: {DISABLED_TEXT}; }}
QFrame#NavBar {{ background: white; border-top: 1px solid #d9e0e7; }}
QLabel#BusyLabel {{ color: {PRIMARY}; font-size: 14px; }}
QProgressBar#BusyBar {{ border: 1px solid #b9d3ec; border-radius: 3px; background: #e8f1fa; }}
QProgressBar#BusyBar::chunk {{ background: {PRIMARY}; }}
QLabel#PhotoBox {{ background: white; border: 1px dashed #b8c4d0; }}
QLabel#AppNo {{ font-size: 22px; font-weight: bold; color: {PRIMARY}; }}
"""

BANNER_COLOURS = {"info": PRIMARY, "ok": OK, "warn": WARN, "bad": BAD}


class Banner(QFrame):
    """A one-paragraph notice above the step (info / ok / warn / bad)."""

    def __init__(self, parent: QWidget | None = None, object_name: str = "Banner") -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.label = named(QLabel("", wordWrap=True), object_name + "Text")
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
        # a text composed below the UI arrives in Chinese: tr() renders it in the UI's language
        self.label.setText(f'<span style="color:{colour}; font-weight:bold;">●</span>&nbsp; {tr(text)}')
        self.show()

    def clear(self) -> None:
        self.label.setText("")
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


@dataclass(frozen=True)
class Limit:
    """How long a field may be, counted the way its validator counts (characters, not UTF-16
    units), and what to say when it is longer. The editor never cuts the text itself."""

    maximum: int
    message: str  # formatted with {maximum} and {count}
    count: Callable[[str], int] = len
    always: bool = False  # show "最多…" as the hint even while the text fits

    def over(self, text: str) -> int | None:
        count = self.count(text)
        return count if count > self.maximum else None


def chars_without_spaces(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def chars_collapsed(text: str) -> int:
    return len(" ".join(text.split()))


ID_LIMIT = Limit(18, tr("身份证号码为{maximum}位，现有{count}位（空格不计）"), chars_without_spaces)
NAME_LIMIT = Limit(30, tr("姓名最多{maximum}个字，现有{count}个字"))
ADDRESS_LIMIT = Limit(120, tr("最多{maximum}个字，现有{count}个字，请精简"), chars_collapsed, always=True)
# a generous hard stop far beyond any real value, so a stuck key cannot fill memory
EDITOR_HARD_MAX = 400


class FormGrid(QGridLayout):
    """Rows of label · editor · error, so every error sits beside its field.

    A row may carry a ``Limit``: the editor then accepts longer text and the message column
    says what the limit is (in red while the text is too long) instead of cutting silently.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalSpacing(14)
        self.setVerticalSpacing(10)
        self.setColumnMinimumWidth(1, 320)
        self.setColumnStretch(2, 1)
        self.errors: dict[str, QLabel] = {}
        self.limits: dict[str, tuple[QLineEdit, Limit]] = {}
        self._messages: dict[str, str] = {}
        self._row = 0

    def add(self, key: str, label: str, editor: QWidget, hint: str = "",
            limit: Limit | None = None) -> QLabel:
        title = named(QLabel(label), "FieldLabel")
        title.setBuddy(editor)
        title.setEnabled(editor.isEnabled())
        if limit is not None and limit.always and not hint:
            hint = tr("最多{0}个字").format(limit.maximum)
        error = named(QLabel(hint, wordWrap=True), "FieldHint" if hint else "FieldError")
        if hint:
            error.setStyleSheet(f"color: {MUTED};")
        error.setProperty("hint", hint)
        error.setMinimumWidth(260)
        self.addWidget(title, self._row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.addWidget(editor, self._row, 1)
        self.addWidget(error, self._row, 2)
        self.errors[key] = error
        # a disabled editor greys its label too (e.g. the EMS fields while pickup is chosen)
        editor.installEventFilter(_EnabledFollower(title, editor))
        # an error stays only until the teller changes the field (the check runs again on 下一步)
        line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
        if isinstance(line, QLineEdit):
            line.textEdited.connect(lambda _t, k=key: self.clear_error(k))
        if isinstance(editor, QComboBox):
            editor.activated.connect(lambda _i, k=key: self.clear_error(k))
        if limit is not None and isinstance(editor, QLineEdit):
            editor.setMaxLength(max(EDITOR_HARD_MAX, limit.maximum * 4))
            self.limits[key] = (editor, limit)
            editor.textChanged.connect(lambda _t, k=key: self._render(k))
        self._row += 1
        return error

    def show_errors(self, errors: dict[str, str]) -> None:
        self._messages = {k: v for k, v in errors.items() if v}
        for key in self.errors:
            self._render(key)

    def clear_error(self, key: str) -> None:
        if self._messages.pop(key, None) is not None:
            self._render(key)

    def _render(self, key: str) -> None:
        label = self.errors[key]
        text, colour = "", MUTED
        entry = self.limits.get(key)
        count = entry[1].over(entry[0].text()) if entry else None
        if entry is not None and count is not None:
            text, colour = "✗ " + entry[1].message.format(maximum=entry[1].maximum, count=count), BAD
        elif self._messages.get(key):
            text, colour = "✗ " + tr(self._messages[key]), BAD
        else:
            text = label.property("hint") or ""
        label.setObjectName("FieldError" if colour == BAD else "FieldHint")
        label.setStyleSheet(f"color: {colour};")
        label.setText(text)


class _EnabledFollower(QObject):
    """Keeps a label's enabled state the same as its editor's."""

    def __init__(self, label: QLabel, editor: QWidget) -> None:
        super().__init__(editor)  # owned by the editor: lives and dies with it
        self.label = label

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget):
            self.label.setEnabled(watched.isEnabled())
        return False


def name_print_note(name: str, missing: Callable[[str], list[str]]) -> str:
    """The note under the name: Han characters the validator accepts but no shipped font can
    print, each with its code point, which the form prints in its place for the teller to
    hand-write. Characters
    the validator refuses (emoji, Latin) get the field error instead, never this note."""
    chars = [c for c in dict.fromkeys(name) if is_name_ideograph(c)]
    if not chars:
        return ""
    try:
        lacking = set(missing("".join(chars)))
    except Exception:  # no CJK font at all: printing says so itself
        return ""
    shown = [c for c in chars if c in lacking]
    if not shown:
        return ""
    listed = tr("、").join(tr("“{0}”（U+{1:04X}）").format(c, ord(c)) for c in shown)
    printed = tr("、").join(code_point_marker(c) for c in shown)
    return tr("注意：{0}在本机字库中没有字形，登记表上该处印为 {1}，"
            "请打印后在该处按编码手写补全。").format(listed, printed)


class BusyIndicator(QWidget):
    """What the page is waiting for: a moving bar (drawn by Qt, so no font can turn it into a
    box) and the text; after a couple of seconds the text says how long it has waited."""

    SHOW_ELAPSED_AFTER_S = 2.0

    def __init__(self, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("BusyIndicator")
        self._clock = clock
        self._text = ""
        self._started = 0.0
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.bar = QProgressBar()
        self.bar.setObjectName("BusyBar")
        self.bar.setRange(0, 0)  # indeterminate: the chunk sweeps back and forth
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(64, 10)
        self.label = QLabel("")
        self.label.setObjectName("BusyLabel")
        lay.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(self.label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.hide()

    @property
    def busy(self) -> bool:
        return self.timer.isActive()

    def start(self, text: str) -> None:
        """Show ``text`` (e.g. "正在提交申领…"); a new text while busy keeps the clock running."""
        if not self.busy:
            self._started = self._clock()
            self.timer.start()
        self._text = tr(text)
        self._tick()
        self.show()

    def stop(self) -> None:
        self.timer.stop()
        self._text = ""
        self.label.setText("")
        self.hide()

    def elapsed(self) -> float:
        return self._clock() - self._started if self.busy else 0.0

    def text(self) -> str:
        return self.label.text()

    def _tick(self) -> None:
        waited = self.elapsed()
        if waited >= self.SHOW_ELAPSED_AFTER_S:
            self.label.setText(tr("{0}（已等待 {1} 秒）").format(self._text, int(waited)))
        else:
            self.label.setText(self._text)


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
