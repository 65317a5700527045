"""The one place a supervisor types an authorisation: user name, password, 6-digit code.

:class:`SupervisorFields` is the three boxes (embedded where a screen asks for more, such as
a reason); :class:`SupervisorDialog` asks for them on their own (and optionally a reason) and
returns a :class:`~counter_app.workflows.supervisor.SupervisorApproval` for the workflow to
check through the one authorisation path. :class:`TotpEnrolDialog` shows the QR an
authenticator app scans and confirms the first code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.printing.qr_matrix import qr_modules
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.workflows.remote_approval import APPROVED, EXPIRED, REFUSED, short_number
from counter_app.workflows.supervisor import DIGITS, SupervisorApproval, TotpEnrolment

if TYPE_CHECKING:
    from counter_app.ui.ops import Ops

CODE_HINT = tr("手机身份验证器上显示的6位数字")


def _code_box(name: str) -> QLineEdit:
    box = named(QLineEdit(), name)
    box.setPlaceholderText(CODE_HINT)
    box.setMaxLength(DIGITS + 1)  # authenticator apps show "123 456": the space is allowed
    box.setValidator(QRegularExpressionValidator(r"[0-9 ]{0,7}", box))
    box.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    box.ensurePolished()  # the theme's font: the hint shown whole, not cut to "…6位…"
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance(CODE_HINT) + 28)
    return box


def _error_and_buttons(dialog: QDialog, lay: QVBoxLayout, ok_zh: str, ok_name: str,
                       cancel_zh: str) -> QLabel:
    """A dialog's error line and its OK / cancel row, added to ``lay``; OK goes through the
    dialog's ``accept`` (which checks the boxes first). Returns the error line."""
    error = named(QLabel("", wordWrap=True), "FieldError")
    lay.addWidget(error)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_zh)
    ok.setObjectName(ok_name)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_zh)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    lay.addWidget(buttons)
    return error


class SupervisorFields(QWidget):
    """User name, password and (when the profile requires it) the one-time code; optionally
    the 远程授权 option below them (:meth:`offer_remote`), which emits ``remote_approved``."""

    remote_approved = Signal(str)  # the request id a supervisor at another counter approved

    def __init__(self, parent: QWidget | None = None, *, prefix: str = "Supervisor",
                 second_factor: bool = True) -> None:
        super().__init__(parent)
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.user = named(QLineEdit(), f"{prefix}User")
        self.password = named(QLineEdit(), f"{prefix}Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.otp = _code_box(f"{prefix}Otp")
        form.addRow(tr("主管账号"), self.user)
        form.addRow(tr("主管密码"), self.password)
        form.addRow(tr("动态验证码"), self.otp)
        self.remote: RemoteWait | None = None
        self.set_second_factor(second_factor)

    def set_second_factor(self, second_factor: bool) -> None:
        """Show the code box only when the profile asks for the code."""
        self.second_factor = second_factor
        self.otp.setVisible(second_factor)
        label = self.form.labelForField(self.otp)
        if label is not None:
            label.setVisible(second_factor)

    def offer_remote(self, ask: RemoteAsk) -> RemoteWait:
        """Add 请其他柜台主管远程授权 for the act ``ask`` describes (once)."""
        if self.remote is None:
            self.remote = RemoteWait(ask, self)
            self.remote.approved.connect(self.remote_approved)
            self.form.addRow(self.remote)
        return self.remote

    def missing_zh(self) -> str | None:
        """What is still empty, in the teller's words; None when all is typed."""
        if not self.user.text().strip():
            return tr("请主管输入账号。")
        if not self.password.text():
            return tr("请主管输入密码。")
        if self.second_factor:
            code = "".join(self.otp.text().split())
            if len(code) != DIGITS:
                return tr("请输入{0}。").format(CODE_HINT)
        return None

    def approval(self) -> SupervisorApproval:
        return SupervisorApproval(self.user.text().strip(), self.password.text(),
                                  "".join(self.otp.text().split()))

    def clear_secrets(self) -> None:
        """The password and the code never stay in a box once handed on."""
        self.password.clear()
        self.otp.clear()


# -- 远程授权: a supervisor at another counter approves through the central --------------------

class RemoteDesk(Protocol):
    """What the dialog asks of ``workflows.remote_approval.RemoteApprovals``."""

    def ask(self, purpose: str, summary: str, teller: str) -> Any: ...
    def status(self, request_id: str) -> Any: ...
    def cancel(self, request_id: str, teller: str) -> bool: ...


@dataclass(frozen=True)
class RemoteAsk:
    """The act a remote approval is asked for: its purpose (the one the act authorises with),
    a short summary for the supervisor (personal data only masked) and the asking teller."""

    desk: RemoteDesk
    ops: Ops
    # the purpose, or a function giving it when the button is pressed (read after the
    # summary, so it may depend on what the summary took from the screen)
    purpose: str | Callable[[], str]
    #: the text, or a function giving it when the button is pressed (from what the screen
    #: holds then; a CounterError it raises is shown and nothing is sent)
    summary: str | Callable[[], str]
    teller: str
    poll_ms: int = 2000


class RemoteWait(QWidget):
    """The button 请其他柜台主管远程授权: sends the request, shows its number, polls the central (on the
    window's worker, one poll at a time) until a supervisor at another counter decides; emits
    ``approved(request_id)``. Cancelling stops waiting (the request lapses at the central)."""

    approved = Signal(str)

    def __init__(self, ask: RemoteAsk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask = ask
        self.request_id = ""
        self._polling = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.send = named(QPushButton(tr("请其他柜台主管远程授权")), "RemoteAsk")
        self.cancel = named(QPushButton(tr("停止等待")), "RemoteCancel")
        self.cancel.setVisible(False)
        row.addWidget(self.send)
        row.addWidget(self.cancel)
        row.addStretch(1)
        lay.addLayout(row)
        self.state = named(QLabel("", wordWrap=True), "RemoteState")
        lay.addWidget(self.state)
        self.timer = QTimer(self)
        self.timer.setInterval(ask.poll_ms)
        self.timer.timeout.connect(self._poll)
        self.send.clicked.connect(self.start)
        self.cancel.clicked.connect(self.stop)

    def start(self) -> None:
        if self.timer.isActive() or self._polling:
            return
        a = self.ask
        try:
            summary = a.summary() if callable(a.summary) else a.summary
            purpose = a.purpose() if callable(a.purpose) else a.purpose
        except CounterError as error:
            self.state.setText(tr(error.message_zh))
            return
        self.send.setEnabled(False)
        self.state.setText(tr("正在发送远程授权请求…"))
        self._polling = True
        a.ops.run(lambda: a.desk.ask(purpose, summary, a.teller), self._sent, self._failed)

    def stop(self) -> None:
        """Stop waiting (cancel, or the dialog closes)."""
        self.timer.stop()
        self.cancel.setVisible(False)
        self.send.setEnabled(True)
        if self.request_id:
            self.state.setText(tr("已停止等待远程授权（编号 {0}）并撤回该请求（中心未连通时该请求将自动过期）。")
                               .format(short_number(self.request_id)))
            # withdrawn at the central (best effort, audited): it can no longer be approved
            request_id, a = self.request_id, self.ask
            a.ops.run(lambda: a.desk.cancel(request_id, a.teller))
        self.request_id = ""

    def unused(self) -> None:
        """An approval that arrived while the screen was busy with another act: not used (it
        lapses at the central); the teller asks again."""
        self.rearm(tr("柜台正忙，未使用该远程授权（可重新发起）。"))

    def rearm(self, text: str = "") -> None:
        """Ready for another request once the act an approval was for has run (or failed)."""
        self.timer.stop()
        self._polling = False
        self.cancel.setVisible(False)
        self.send.setEnabled(True)
        self.request_id = ""
        self.state.setText(text)

    def _sent(self, asked: Any) -> None:
        self._polling = False
        self.request_id = str(asked.request_id)
        self.state.setText(tr("已发出远程授权请求，编号 {0}。请本网点其他柜台的主管在“主管管理 → 远程授权”"
                              "中核对编号后批准；等待中…").format(short_number(self.request_id)))
        self.cancel.setVisible(True)
        self.timer.start()

    def _failed(self, error: BaseException) -> None:
        self._polling = False
        self.timer.stop()
        self.cancel.setVisible(False)
        self.send.setEnabled(True)
        self.request_id = ""
        text = error.message_zh if isinstance(error, CounterError) else tr("远程授权失败，请主管当面授权。")
        self.state.setText(tr(text))

    def _poll(self) -> None:
        if self._polling or not self.request_id:
            return
        self._polling = True
        request_id, desk = self.request_id, self.ask.desk
        self.ask.ops.run(lambda: desk.status(request_id), self._seen, self._failed)

    def _seen(self, seen: Any) -> None:
        self._polling = False
        if seen.request_id != self.request_id:  # stopped (or asked again) meanwhile
            return
        if seen.state == APPROVED:
            self.timer.stop()
            self.cancel.setVisible(False)
            self.state.setText(tr("主管 {0} 已在柜台 {1} 批准（编号 {2}）。").format(
                seen.supervisor, seen.decided_counter, short_number(seen.request_id)))
            self.approved.emit(self.request_id)
        elif seen.state in (REFUSED, EXPIRED):
            self.timer.stop()
            self.cancel.setVisible(False)
            self.send.setEnabled(True)
            self.request_id = ""
            self.state.setText(
                tr("主管 {0} 拒绝了远程授权：{1}").format(seen.supervisor, seen.reason or "")
                if seen.state == REFUSED else tr("远程授权请求已过期，可重新发起或请主管当面授权。"))


class SupervisorDialog(QDialog):
    """A supervisor authorises one act (optionally with a reason) without the teller's seat:
    the supervisor types at this counter, or comes over; nothing is remembered."""

    def __init__(self, what_zh: str, parent: QWidget | None = None, *,
                 reason_label: str | None = None, reason_hint: str = "",
                 second_factor: bool = True, title: str = tr("主管授权"),
                 remote: RemoteAsk | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SupervisorDialog")
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        lay.addWidget(named(QLabel(what_zh, wordWrap=True), "SupervisorWhat"))
        self.reason: QLineEdit | None = None
        if reason_label is not None:
            form = QFormLayout()
            self.reason = named(QLineEdit(), "SupervisorReason")
            self.reason.setPlaceholderText(reason_hint)
            form.addRow(reason_label, self.reason)
            lay.addLayout(form)
        self.fields = SupervisorFields(self, second_factor=second_factor)
        lay.addWidget(self.fields)
        #: the request id of an approval given at another counter (远程授权), once approved
        self.remote_id = ""
        self.remote = None if remote is None else self.fields.offer_remote(remote)
        self.fields.remote_approved.connect(self._approved_remotely)
        self.error = _error_and_buttons(self, lay, tr("授权"), "SupervisorOk", tr("取消"))
        self.resize(460, 0)

    def _approved_remotely(self, request_id: str) -> None:
        if self.reason is not None and not self.reason.text().strip():
            self.error.setText(tr("请填写原因。"))
            return
        self.remote_id = request_id
        super().accept()

    def done(self, result: int) -> None:
        if self.remote is not None:
            self.remote.timer.stop()  # never poll for a closed dialog
        super().done(result)

    def accept(self) -> None:
        if self.reason is not None and not self.reason.text().strip():
            self.error.setText(tr("请填写原因。"))
            return
        missing = self.fields.missing_zh()
        if missing is not None:
            self.error.setText(missing)
            return
        super().accept()

    def reject(self) -> None:
        self.fields.clear_secrets()
        super().reject()

    def take(self) -> tuple[SupervisorApproval, str]:
        """The approval and the reason; the secrets are cleared from the boxes."""
        approval = (SupervisorApproval.remote(self.remote_id) if self.remote_id
                    else self.fields.approval())
        self.fields.clear_secrets()
        return approval, (self.reason.text().strip() if self.reason is not None else "")


def ask_supervisor(parent: QWidget | None, what_zh: str, *, reason_label: str | None = None,
                   reason_hint: str = "", second_factor: bool = True,
                   remote: RemoteAsk | None = None) -> tuple[SupervisorApproval, str] | None:
    """Ask a supervisor to authorise ``what_zh``, here or (with ``remote``) from another
    counter; None if cancelled."""
    dialog = SupervisorDialog(what_zh, parent, reason_label=reason_label,
                              reason_hint=reason_hint, second_factor=second_factor,
                              remote=remote)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.take()


# -- enrolment ---------------------------------------------------------------------------------

class QrView(QWidget):
    """Paints a QR code's modules, black on white with the 4-module quiet zone."""

    QUIET = 4

    def __init__(self, text: str, parent: QWidget | None = None, *, side: int = 260) -> None:
        super().__init__(parent)
        self.setObjectName("EnrolQr")
        self.modules = qr_modules(text)
        n = len(self.modules) + 2 * self.QUIET
        self.cell = max(3, side // n)  # whole pixels per module: crisp edges a camera reads
        self.side = self.cell * n
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(QSize(self.side, self.side))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        cell = self.cell
        for r, row in enumerate(self.modules):
            for c, dark in enumerate(row):
                if dark:
                    painter.drawRect((c + self.QUIET) * cell, (r + self.QUIET) * cell, cell, cell)
        painter.end()


class TotpEnrolDialog(QDialog):
    """The QR of a new authenticator secret and the first code that confirms it.

    ``confirm(code)`` stores the secret (raises a CounterError in the teller's words when the
    code does not match); the dialog stays open until it succeeds or is cancelled.
    """

    def __init__(self, enrolment: TotpEnrolment, confirm: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TotpEnrolDialog")
        self.setWindowTitle(tr("绑定动态验证码：{0}").format(enrolment.username))
        self.enrolment = enrolment
        self.confirm = confirm
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(
            tr("请账户“{0}”的本人用手机身份验证器（如 Microsoft Authenticator、"
            "Google 身份验证器、FreeOTP）扫描下面的二维码，再输入验证器显示的6位数字完成绑定。"
            "二维码只在此显示一次，请勿拍照留存。").format(enrolment.username), wordWrap=True))
        lay.addWidget(QrView(enrolment.uri, self), alignment=Qt.AlignmentFlag.AlignHCenter)
        grouped = " ".join(enrolment.secret[i:i + 4] for i in range(0, len(enrolment.secret), 4))
        manual = named(QLabel(tr("无法扫码时手动输入密钥：{0}").format(grouped)), "EnrolSecret")
        manual.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(manual)
        form = QFormLayout()
        self.code = _code_box("EnrolOtp")
        form.addRow(tr("验证码"), self.code)
        lay.addLayout(form)
        self.error = _error_and_buttons(self, lay, tr("确认绑定"), "EnrolOk", tr("取消"))

    def accept(self) -> None:
        code = "".join(self.code.text().split())
        if len(code) != DIGITS:
            self.error.setText(tr("请输入{0}。").format(CODE_HINT))
            return
        try:
            self.confirm(code)
        except CounterError as error:
            self.error.setText(tr(error.message_zh))
            self.code.clear()
            return
        super().accept()


# -- a temporary password replaced at sign-in ----------------------------------------------------

class PasswordChangeDialog(QDialog):
    """After signing in with a temporary password (a new account, or one reset on 柜员与角色):
    the teller chooses their own before the main window opens. ``change(new)`` applies it
    (the password rules and the audit are the sign-in's own; a CounterError says what is wrong)."""

    def __init__(self, username: str, change: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PasswordChangeDialog")
        self.setWindowTitle(tr("修改临时密码"))
        self.change = change
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("账户“{0}”正在使用主管或管理员设置的临时密码，须先设置本人的新密码"
                             "（至少8位，同时包含字母和数字，不能包含用户名）才能开始办理业务。").format(username),
                             wordWrap=True))
        form = QFormLayout()
        self.new = named(QLineEdit(), "ChangeNewPassword")
        self.again = named(QLineEdit(), "ChangeConfirmPassword")
        for box in (self.new, self.again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("新密码"), self.new)
        form.addRow(tr("确认新密码"), self.again)
        lay.addLayout(form)
        self.error = _error_and_buttons(self, lay, tr("修改密码"), "ChangePasswordOk", tr("取消（签退）"))

    def accept(self) -> None:
        new, again = self.new.text(), self.again.text()
        if new != again:
            self.error.setText(tr("两次输入的新密码不一致，请重新输入。"))
            self.again.clear()
            return
        try:
            self.change(new)
        except CounterError as error:
            self.error.setText(tr(error.message_zh))
            self.new.clear()
            self.again.clear()
            return
        self.new.clear()
        self.again.clear()
        super().accept()
