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
from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import tr
from counter_app.ui.pin_dialog import ask_pins
from counter_app.ui.second_factor import RemoteAct, supervisor_fields
from counter_app.workflows.remote_acts import spoil_summary
from counter_app.workflows.stock import spoil_purpose
from counter_app.workflows.supervisor import SupervisorApproval


class SpoilDialog(QDialog):
    def __init__(self, serial: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SpoilDialog")
        self.setWindowTitle(tr("登记废卡（主管授权）"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("芯片序号尾号 {0} 的卡片将登记为废卡，不再使用（交回制卡中心），"
                             "中心作废其卡号，本申领换一张空白卡重新制卡。").format(serial[-6:]), wordWrap=True))
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("至少4个字，如：写卡中断，芯片无响应"))
        form.addRow(tr("作废原因"), self.reason)
        lay.addLayout(form)
        # 远程授权 too: a supervisor at another counter approves; the dialog then closes
        # the purpose names this card: the approval spoils no other blank
        self.serial, self.remote_id, self.asked_reason = serial, "", ""
        self.supervisor = supervisor_fields(self, prefix="Spoil", within=parent, remote=RemoteAct(
            spoil_purpose(serial), self._remote_summary))
        self.supervisor.remote_approved.connect(self._approved_remotely)
        self.user, self.password = self.supervisor.user, self.supervisor.password
        lay.addWidget(self.supervisor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _remote_summary(self) -> str:
        reason = self.reason.text().strip()
        if not reason:
            raise CounterError(tr("请填写废卡原因。"), code="SPOIL_REASON")
        self.asked_reason = reason  # what the supervisor approved, whatever is typed after
        return spoil_summary(self.serial, reason)

    def _approved_remotely(self, request_id: str) -> None:
        self.remote_id = request_id
        self.accept()

    def done(self, result: int) -> None:
        if self.supervisor.remote is not None:
            self.supervisor.remote.timer.stop()  # never poll for a closed dialog
        super().done(result)

    def take(self) -> tuple[str, SupervisorApproval]:
        """The reason and the approval (typed here, or given at another counter)."""
        if self.remote_id:
            return self.asked_reason, SupervisorApproval.remote(self.remote_id)
        answer = (self.reason.text(), self.supervisor.approval())
        self.supervisor.clear_secrets()
        return answer


class IssuanceDialogs:
    """What the page asks in dialogs; the tour and the tests replace it."""

    def pins(self, parent: QWidget) -> tuple[PinEntry, PinEntry] | None:
        return ask_pins(parent)

    def spoil(self, parent: QWidget, serial: str) -> tuple[str, SupervisorApproval] | None:
        """The blank's whole chip serial (the dialog shows its tail; a remote request names it)."""
        dialog = SpoilDialog(serial, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.take()

    def cancel_reason(self, parent: QWidget) -> str | None:
        text, ok = QInputDialog.getText(parent, tr("撤销制卡"), tr("撤销原因（如：申领人不再等候）："))
        return text if ok else None
