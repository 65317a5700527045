"""The dialogs of instant issuance: the holder's PIN (when no PIN pad is configured) and the
supervisor's authorisation for spoiling a card. Kept apart so the tour and the tests can
hand the page their own answers (``page.dialogs``)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.devices.pinpad import PinEntry
from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import tr
from counter_app.ui.supervisor_dialog import SupervisorFields
from counter_app.workflows.supervisor import SupervisorApproval


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
            self.error.setText(error.message_zh)
            return
        finally:
            self.first.clear()
            self.second.clear()
        self.accept()


class SpoilDialog(QDialog):
    def __init__(self, serial_tail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SpoilDialog")
        self.setWindowTitle(tr("登记废卡（主管授权）"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("芯片序号尾号 {0} 的卡片将登记为废卡，不再使用（交回制卡中心），"
                             "中心作废其卡号，本申领换一张空白卡重新制卡。").format(serial_tail), wordWrap=True))
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("至少4个字，如：写卡中断，芯片无响应"))
        form.addRow(tr("作废原因"), self.reason)
        lay.addLayout(form)
        self.supervisor = SupervisorFields(self, prefix="Spoil")
        self.user, self.password = self.supervisor.user, self.supervisor.password
        lay.addWidget(self.supervisor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


class IssuanceDialogs:
    """What the page asks in dialogs; the tour and the tests replace it."""

    def pins(self, parent: QWidget) -> tuple[PinEntry, PinEntry] | None:
        dialog = PinDialog(parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.entries if ok else None

    def spoil(self, parent: QWidget, serial_tail: str) -> tuple[str, SupervisorApproval] | None:
        dialog = SpoilDialog(serial_tail, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        answer = (dialog.reason.text(), dialog.supervisor.approval())
        dialog.supervisor.clear_secrets()
        return answer

    def cancel_reason(self, parent: QWidget) -> str | None:
        text, ok = QInputDialog.getText(parent, tr("撤销制卡"), tr("撤销原因（如：申领人不再等候）："))
        return text if ok else None


class EnteredPins:
    """A PIN pad port over the two entries the holder typed in the dialog."""

    def __init__(self, first: PinEntry, second: PinEntry) -> None:
        self._entries = [first, second]

    @property
    def name(self) -> str:
        return tr("屏幕密码输入框")

    def enter(self, prompt_zh: str) -> PinEntry:
        from counter_app.devices.pinpad import PinPadCancelled

        if not self._entries:
            raise PinPadCancelled()
        return self._entries.pop(0)
