"""The holder's new PIN when the counter has no PIN pad (instant issuance and hand-out): a
masked dialog on the UI thread, its two entries handed to the workflow as a pad that gives
them back once (PinEntry only: the digits never sit in a widget after the dialog closes, nor
in a log or the record)."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.devices.pinpad import PinEntry, PinPadCancelled
from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import tr


class KeyedPinPad:
    """A pad whose entries were keyed already (in the masked dialog)."""

    def __init__(self, entries: tuple[PinEntry, PinEntry]) -> None:
        self._entries = deque(entries)

    @property
    def name(self) -> str:
        return tr("屏幕密码输入框")

    def enter(self, prompt_zh: str) -> PinEntry:
        if not self._entries:
            raise PinPadCancelled()
        return self._entries.popleft()


class PinDialog(QDialog):
    """Two masked six-digit fields, filled by the holder (the teller turns the screen or
    keyboard). The digits leave the dialog only inside a PinEntry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinDialog")
        self.setWindowTitle(tr("持卡人设置密码"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("本机未配置密码键盘：请持卡人本人输入6位数字密码（输入内容不显示），"
                             "柜员请回避。"), wordWrap=True))
        form = QFormLayout()
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self)
        self.first, self.second = QLineEdit(), QLineEdit()
        for field, name in ((self.first, "PinFirst"), (self.second, "PinSecond")):
            field.setObjectName(name)
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(6)
            field.setValidator(digits)
        form.addRow(tr("新密码"), self.first)
        form.addRow(tr("再次输入"), self.second)
        lay.addLayout(form)
        self.error = QLabel("", wordWrap=True)
        self.error.setStyleSheet("color: #c0392b;")
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.entries: tuple[PinEntry, PinEntry] | None = None

    def _check(self) -> None:
        try:
            self.entries = (PinEntry(self.first.text()), PinEntry(self.second.text()))
        except CounterError as error:
            self.error.setText(tr(error.message_zh))
            return
        finally:
            self.first.clear()
            self.second.clear()
        self.accept()


def ask_pins(parent: QWidget) -> tuple[PinEntry, PinEntry] | None:
    dialog = PinDialog(parent)
    try:
        return dialog.entries if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
