"""The dialogs of instant issuance: the holder's PIN (when no PIN pad is configured; the dialog
in ui/pin_dialog.py is shared with the hand-out) and the supervisor's authorisation for
spoiling a card. Kept apart so the tour and the tests can hand the page their own answers
(``page.dialogs``)."""

from __future__ import annotations

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
from counter_app.ui.i18n import tr
from counter_app.ui.pin_dialog import ask_pins
from counter_app.ui.second_factor import supervisor_fields
from counter_app.workflows.supervisor import SupervisorApproval


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
        self.supervisor = supervisor_fields(self, prefix="Spoil", within=parent)
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
        return ask_pins(parent)

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
