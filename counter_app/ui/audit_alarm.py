"""The blocking alarm for a broken audit chain.

When the tamper watch (workflows/audit_watch.py) holds a break, the main window's content is
replaced by a red panel and a modal dialog says what happened, that business is stopped and
that a supervisor must come: only a supervisor's user name, password (and the one-time code
when the profile asks for it) and a reason close it (the acknowledgement is audited by the
watch). Unlike the other supervisor boxes it offers no 远程授权: the chain of this PC is in
doubt, so the supervisor answers for it at this counter (docs/audit.md, docs/supervision.md).
The watch keeps the break in memory, so polling it here costs nothing; the break itself is
kept in the store and survives a restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import tr
from counter_app.ui.login_window import APP_TITLE_ZH, error_text
from counter_app.ui.qt import named
from counter_app.ui.second_factor import supervisor_fields
from counter_app.workflows.supervisor import SupervisorApproval

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow
    from counter_app.workflows.audit_watch import AuditAlarm, AuditWatch

POLL_MS = 2000
PURPOSE = "audit_break_ack"


class AuditAlarmDialog(QDialog):
    """Asks for a supervisor; Esc and the close button do not dismiss it."""

    def __init__(self, parent: QWidget, alarm: AuditAlarm, guard: AuditAlarmGuard) -> None:
        super().__init__(parent)
        self.setObjectName("AuditAlarmDialog")
        self.guard = guard
        self.setWindowTitle(tr("审计日志告警"))
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 24)
        title = QLabel(tr("审计日志告警：业务已暂停"))
        title.setStyleSheet("font-size: 20px; font-weight: bold; color: #b00020;")
        lay.addWidget(title)
        self.what = named(QLabel(tr(alarm.message_zh), wordWrap=True), "AuditAlarmText")
        lay.addWidget(self.what)
        # the shared fields (the code box as the profile says); in person only: no remote option
        self.fields = supervisor_fields(self, prefix="Alarm", within=parent)
        self.username, self.password = self.fields.user, self.fields.password
        self.username.setObjectName("AlarmSupervisor")
        lay.addWidget(self.fields)
        lay.addWidget(QLabel(tr("处理理由（记入审计日志）")))
        self.reason = named(QLineEdit(), "AlarmReason")
        lay.addWidget(self.reason)
        self.error = named(QLabel(""), "FieldError")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.ack_button = named(QPushButton(tr("主管确认并恢复营业")), "Primary")
        self.ack_button.clicked.connect(self.submit)
        lay.addWidget(self.ack_button)
        self.resize(520, 420)

    def submit(self) -> None:
        approval, reason = self.fields.approval(), self.reason.text()
        self.fields.clear_secrets()
        self.ack_button.setEnabled(False)
        watch, auth = self.guard.watch, self.guard.window.auth

        def authorise(typed: SupervisorApproval) -> str:
            return auth.authorise(typed, purpose=PURPOSE)

        def failed(error: BaseException) -> None:
            self.ack_button.setEnabled(True)
            self.error.setText(error_text(error))

        self.guard.window.ops.run(lambda: watch.acknowledge(authorise, approval, reason),
                                  lambda _who: self.accept(), failed)

    def reject(self) -> None:  # Esc must not dismiss the alarm
        pass


class AuditAlarmGuard(QObject):
    """Watches the watch: shows the alarm when it holds a break, reports after a sign-out."""

    def __init__(self, window: MainWindow, watch: AuditWatch) -> None:
        super().__init__(window)
        self.watch = watch  # the window is the parent: no Python cycle keeping its wrapper
        self.dialog: AuditAlarmDialog | None = None
        self.panel = self._build_panel()
        window.screens.addWidget(self.panel)
        window.sig_signed_out.connect(lambda _reason: watch.signed_out())
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(0, self.check)  # a break found at start shows at once

    def _build_panel(self) -> QWidget:
        panel = named(QFrame(), "AuditAlarmPanel")
        panel.setStyleSheet("#AuditAlarmPanel { background: #fdecea; }")
        lay = QVBoxLayout(panel)
        lay.addStretch(1)
        for text, style in ((APP_TITLE_ZH, "font-size: 22px;"),
                            (tr("审计日志告警 · 业务已暂停"), "font-size: 28px; font-weight: bold; color: #b00020;"),
                            (tr("请立即通知主管到场处理。"), "font-size: 15px;")):
            label = QLabel(text)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(style)
            lay.addWidget(label)
        lay.addStretch(1)
        return panel

    @property
    def window(self) -> MainWindow:
        return cast("MainWindow", self.parent())

    @property
    def showing(self) -> bool:
        return self.dialog is not None

    def check(self) -> None:
        alarm = self.watch.alarm
        if alarm is None:
            return
        w = self.window
        if w.screens.currentWidget() is not self.panel:  # e.g. the idle lock just ended
            w.screens.setCurrentWidget(self.panel)
            w.status.hide()
        if self.dialog is None:
            self.dialog = AuditAlarmDialog(w, alarm, self)
            self.dialog.finished.connect(self._finished)
            self.dialog.open()

    def _finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        if self.watch.alarm is not None:
            self.check()
            return
        w = self.window
        if w.screens.currentWidget() is self.panel:
            w.screens.setCurrentWidget(w.lock_panel if w.lock_dialog is not None else w.content)
            if w.lock_dialog is None:
                w.status.show()
        w.reactivate()

    def stop(self) -> None:
        self.timer.stop()
        if self.dialog is not None:
            self.dialog.finished.disconnect(self._finished)
            self.dialog.done(0)
            self.dialog.deleteLater()
            self.dialog = None


def attach_audit_alarm(window: MainWindow) -> AuditAlarmGuard | None:
    """The main window's one hook (None without services: the menu-only window)."""
    if window.services is None:
        return None
    return AuditAlarmGuard(window, window.services.audit_watch)
