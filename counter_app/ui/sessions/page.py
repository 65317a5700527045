"""柜员会话: start the business day (opening float, blank cards already held), end it at day
end (refused while a day-end difference is unexplained), and — with a reason and a supervisor's
authorisation (user name, password and, when the profile asks for it, the one-time code typed
at this counter, or 远程授权 from another counter) — force-close a session left open (a
colleague gone home, yesterday's). See docs/teller-day.md and docs/supervision.md.

Every call to the desk runs on the window's worker (the store is written durably).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.feedback import run_then_idle, show_message
from counter_app.ui.i18n import tr
from counter_app.ui.login_window import error_text
from counter_app.ui.ops import Ops
from counter_app.ui.qt import named
from counter_app.ui.second_factor import RemoteAct, supervisor_fields
from counter_app.ui.widgets import FormGrid
from counter_app.workflows.remote_acts import force_close_summary
from counter_app.workflows.sessions import SessionDesk, SessionState, WorkSessionFacts, yuan
from counter_app.workflows.sessions.desk import (
    CHINA_TIME,
    MIN_REASON_CHARS,
    SessionRefused,
    force_close_purpose,
)
from counter_app.workflows.supervisor import SupervisorApproval

log = logging.getLogger(__name__)


def _local(at: dt.datetime | None) -> str:
    if at is None:
        return "—"
    return at.replace(tzinfo=dt.UTC).astimezone(CHINA_TIME).strftime("%m-%d %H:%M")


def describe(s: WorkSessionFacts) -> str:
    custody = "" if s.custody_at_open is None else tr("，开始时保管空白卡 {0} 张").format(s.custody_at_open)
    return tr("柜员 {0} · 柜台 {1} · 营业日 {2} · "
            "{3} 开始 · 备用金 {4}{5}").format(
                    s.teller, s.counter_id, s.business_day, _local(s.opened_at), yuan(s.opening_float_fen), custody)


class SessionPage(QWidget):
    sig_changed = Signal(object)  # SessionState after each change

    def __init__(self, desk: SessionDesk, ops: Ops, *, counter_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SessionPage")
        self.desk, self.ops, self.counter_id = desk, ops, counter_id
        self.state: SessionState | None = None
        self.sessions: dict[int, WorkSessionFacts] = {}  # the open sessions listed, by id
        self.busy = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(12)
        title = QLabel(tr("柜员会话（开始营业 / 日终结束）"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        lay.addWidget(title)
        self.summary = named(QLabel(tr("正在读取会话…"), wordWrap=True), "SessionSummary")
        self.summary.setStyleSheet("font-size: 15px;")
        lay.addWidget(self.summary)

        self.open_box = self._box(tr("开始营业"), lay)
        grid = FormGrid()
        self.counter = named(QLineEdit(counter_id), "SessionCounter")
        self.counter.setReadOnly(True)
        grid.add("counter", tr("柜台"), self.counter)
        self.float_edit = named(QLineEdit(), "OpeningFloat")
        self.float_edit.setPlaceholderText(tr("单位：元，例如 2000；没有备用金请输入 0"))
        grid.add("float", tr("备用金（元）"), self.float_edit)
        self.custody = named(QLabel("—"), "SessionCustody")
        grid.add("custody", tr("本人保管空白卡"), self.custody)
        self._inner(self.open_box).addLayout(grid)
        self.open_button = self._button(tr("开始营业"), "OpenSession", self.open_session,
                                        self.open_box)
        self.float_edit.returnPressed.connect(self.open_session)

        self.close_box = self._box(tr("日终结束营业"), self.layout_())
        self.close_note = named(QLineEdit(), "CloseNote")
        self.close_note.setPlaceholderText(tr("说明（名下仍有空白卡未交回时必填）"))
        self._inner(self.close_box).addWidget(self.close_note)
        self.close_button = self._button(tr("日终结束营业"), "CloseSession", self.close_session,
                                         self.close_box)

        self.force_box = self._box(tr("主管强制结束会话（会话遗留未结束时）"), self.layout_())
        fl = self._inner(self.force_box)
        self.open_list = named(QListWidget(), "OpenSessions")
        self.open_list.setMinimumHeight(90)
        fl.addWidget(self.open_list)
        fgrid = FormGrid()
        self.reason = named(QLineEdit(), "ForceReason")
        self.reason.setPlaceholderText(tr("例如：柜员已下班未日终、电脑故障"))
        fgrid.add("reason", tr("原因"), self.reason)
        # the shared supervisor fields: the code box as the profile says, and 远程授权
        # (the purpose names the session the summary kept: read after the summary)
        self.fields = supervisor_fields(None, prefix="Supervisor", within=self, remote=RemoteAct(
            self._remote_purpose, self._remote_summary))
        self.fields.remote_approved.connect(self._force_close_remotely)
        self.supervisor, self.password, self.otp = self.fields.user, self.fields.password, self.fields.otp
        fgrid.add("supervisor", tr("主管授权"), self.fields)
        self.remote_close: tuple[int, str] = (0, "")  # the session and reason asked for remotely
        self.remote_teller = ""  # that session's teller (its purpose names it)
        fl.addLayout(fgrid)
        self.force_button = self._button(tr("强制结束所选会话"), "ForceClose", self.force_close,
                                         self.force_box)
        self.message = named(QLabel("", wordWrap=True), "SessionMessage")
        lay.addWidget(self.message)
        lay.addStretch(1)

    # -- layout helpers -----------------------------------------------------------------------
    def layout_(self) -> QVBoxLayout:
        lay = self.layout()
        assert isinstance(lay, QVBoxLayout)
        return lay

    @staticmethod
    def _inner(box: QFrame) -> QVBoxLayout:
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        return inner

    def _box(self, title: str, parent: QVBoxLayout) -> QFrame:
        box = named(QFrame(), "Card")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(16, 12, 16, 12)
        head = QLabel(title)
        head.setStyleSheet("font-size: 16px; font-weight: bold;")
        inner.addWidget(head)
        parent.addWidget(box)
        return box

    def _button(self, text: str, name: str, slot: Callable[[], Any], box: QFrame) -> QPushButton:
        button = named(QPushButton(text), name)
        button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        self._inner(box).addLayout(row)
        return button

    # -- behaviour ----------------------------------------------------------------------------
    def open(self) -> None:
        """Shown from the menu: read the state afresh."""
        self.refresh()

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None], busy_zh: str) -> None:
        self.busy = True
        self.message.setStyleSheet("")
        self.message.setText(tr(busy_zh))
        for b in (self.open_button, self.close_button, self.force_button):
            b.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.say(error_text(error), ok=False)
            self.refresh(keep_message=True)

        run_then_idle(self.ops, fn, done, failed, self._idle, log, "session action")

    def _idle(self) -> None:
        self.busy = False

    def say(self, text: str, ok: bool = True) -> None:
        show_message(self.message, text, ok)

    def refresh(self, keep_message: bool = False) -> None:
        desk = self.desk

        def read() -> tuple[SessionState, list[WorkSessionFacts]]:
            return desk.state(), desk.open_sessions()

        def show(result: tuple[SessionState, list[WorkSessionFacts]]) -> None:
            self.busy = False
            self.show_state(*result)

        if not keep_message:
            self.message.setText("")
        self.busy = True
        self.ops.run(read, show, lambda e: self.say(error_text(e), ok=False))

    def show_state(self, state: SessionState, open_sessions: list[WorkSessionFacts]) -> None:
        self.state = state
        s = state.session
        if state.ready and s is not None:
            self.summary.setText(tr("营业中：{0}。营业结束时请日终结束会话。").format(describe(s)))
        elif state.stale and s is not None:
            self.summary.setText(tr("您 {0} 的会话尚未日终：{1}。"
                                 "请先结束该会话，再开始今日营业。").format(s.business_day, describe(s)))
        elif state.counter_taken_by is not None:
            self.summary.setText(tr("本柜台仍有其他柜员未结束的会话（{0}）。"
                                 "请该柜员日终结束，或请主管在下方强制结束。").format(describe(state.counter_taken_by)))
        else:
            self.summary.setText(tr("今日（{0}）尚未开始营业：需要会话的业务暂不能办理。"
                                 "请录入备用金后开始营业。").format(state.today))
        self.custody.setText(tr("本网点无空白卡库存") if state.custody is None
                             else tr("{0} 张（今日领用未交回）").format(state.custody))
        can_open = s is None and state.counter_taken_by is None
        self.open_box.setVisible(can_open)
        self.open_button.setEnabled(can_open)
        self.close_box.setVisible(s is not None)
        self.close_button.setEnabled(s is not None)
        self.open_list.clear()
        self.sessions = {other.id: other for other in open_sessions}
        for other in open_sessions:
            item = QListWidgetItem(describe(other))
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            self.open_list.addItem(item)
        if self.open_list.count():
            self.open_list.setCurrentRow(0)
        self.force_button.setEnabled(bool(open_sessions))
        self.force_box.setVisible(bool(open_sessions))
        if can_open:
            self.float_edit.setFocus()
        self.sig_changed.emit(state)

    def open_session(self) -> None:
        if self.busy:
            return
        desk, text = self.desk, self.float_edit.text()

        def done(made: WorkSessionFacts) -> None:
            self.float_edit.clear()
            self.say(tr("已开始营业：柜台 {0}，备用金 {1}。").format(made.counter_id, yuan(made.opening_float_fen)))
            self.refresh(keep_message=True)

        self._run(lambda: desk.open(text), done, tr("正在开始营业…"))

    def close_session(self) -> None:
        if self.busy or self.state is None or self.state.session is None:
            return
        answer = QMessageBox.question(self, tr("日终结束营业"),
                                      tr("确定结束本人的会话吗？结束后需要会话的业务将不能办理。"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.end_session()

    def end_session(self) -> None:
        """Close the own session (after the confirmation)."""
        desk, note = self.desk, self.close_note.text()

        def done(closed: WorkSessionFacts) -> None:
            self.close_note.clear()
            self.say(tr("会话已结束（营业日 {0}）。").format(closed.business_day))
            self.refresh(keep_message=True)

        self._run(lambda: desk.close(note), done, tr("正在结束会话…"))

    def force_close(self) -> None:
        item = self.open_list.currentItem()
        if self.busy or item is None:
            return
        session_id = int(item.data(Qt.ItemDataRole.UserRole))
        approval, reason = self.fields.approval(), self.reason.text()
        self.fields.clear_secrets()
        self._force_close(session_id, approval, reason, tr("正在核验主管授权…"))

    def _force_close(self, session_id: int, approval: SupervisorApproval, reason: str,
                     busy_zh: str) -> None:
        desk = self.desk
        if self.fields.remote is not None:  # handed on (or authorised here): ready for another
            self.fields.remote.rearm()

        def done(closed: WorkSessionFacts) -> None:
            self.reason.clear()
            said = (tr("已由主管 {0}（远程授权）强制结束柜员 {1} 的会话（已记入审计日志）。")
                    if approval.remote_request_id else
                    tr("已由主管 {0} 强制结束柜员 {1} 的会话（已记入审计日志）。"))
            self.say(said.format(closed.closed_by, closed.teller))
            self.refresh(keep_message=True)

        self._run(lambda: desk.force_close(session_id, approval, reason), done, busy_zh)

    def _remote_summary(self) -> str:
        """What the supervisor at another counter reads: whose session, where, which day, and
        the reason; the session and reason are kept, so the approval closes that one."""
        item = self.open_list.currentItem()
        reason = self.reason.text().strip()
        if self.busy or item is None:
            raise SessionRefused(tr("请在列表中选择要强制结束的会话。"), code="SESSION_NOT_CHOSEN")
        if len(reason) < MIN_REASON_CHARS:
            raise SessionRefused(tr("请填写强制结束的原因（至少4个字）。"), code="REASON_REQUIRED")
        session_id = int(item.data(Qt.ItemDataRole.UserRole))
        facts = self.sessions.get(session_id)
        if facts is None:
            raise SessionRefused(tr("该会话已结束，无需强制结束。"), code="SESSION_GONE")
        self.remote_close = (session_id, reason)
        self.remote_teller = facts.teller
        return force_close_summary(facts.teller, facts.counter_id, str(facts.business_day), reason)

    def _remote_purpose(self) -> str:
        """The session the summary kept, by name: the approval closes that one only."""
        return force_close_purpose(self.remote_teller, self.remote_close[0])

    def _force_close_remotely(self, request_id: str) -> None:
        (session_id, reason), self.remote_close = self.remote_close, (0, "")
        if not session_id:
            return
        if self.busy:  # another act is running: this approval is left to lapse
            if self.fields.remote is not None:
                self.fields.remote.unused()
            return
        self._force_close(session_id, SupervisorApproval.remote(request_id), reason,
                          tr("正在核验远程授权…"))
