"""柜员会话 (supervision): every open work session (teller, counter, opened at, how long) and
the force-close of one left open, with a reason and the supervisor's authorisation — the
session desk's own force-close, audited with the close."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.supervision.common import (
    SupervisionTab,
    approval_fields,
    fill,
    table,
)
from counter_app.ui.supervision.page import SupervisionEnv
from counter_app.workflows.sessions import WorkSessionFacts
from counter_app.workflows.supervision import OpenSession, SessionSupervision

HEADS = (tr("柜员"), tr("柜台"), tr("营业日"), tr("开始时间"), tr("已开"), tr("备用金"))


class SessionsTab(SupervisionTab):
    def __init__(self, env: SupervisionEnv) -> None:
        super().__init__(env, "SessionsTab")
        self.supervision = SessionSupervision(env.services.session_desk(env.username))
        self.sessions: list[OpenSession] = []
        self.summary = named(QLabel(tr("正在读取会话…"), wordWrap=True), "OpenSessionSummary")
        self.lay.addWidget(self.summary)
        self.table = table(HEADS, "OpenSessionTable", stretch=5)
        self.table.setMinimumHeight(140)
        self.lay.addWidget(self.table, 1)
        form = QFormLayout()
        self.reason = named(QLineEdit(), "ForceCloseReason")
        self.reason.setPlaceholderText(tr("必填，至少4个字，例如：柜员已下班未日终、电脑故障"))
        form.addRow(tr("原因"), self.reason)
        self.lay.addLayout(form)
        self.fields = approval_fields(env, "ForceCloseSupervisor")
        self.lay.addWidget(self.fields)
        row = QHBoxLayout()
        self.close_button = self.button(tr("强制结束所选会话"), "ForceCloseSelected", self.force_close)
        row.addWidget(self.close_button)
        row.addWidget(self.button(tr("刷新"), "RefreshSessions", self.open))
        row.addStretch(1)
        self.lay.addLayout(row)
        self.lay.addWidget(self.message)

    def open(self, keep_message: bool = False) -> None:
        self.reload(self.supervision.open_sessions, self.show_sessions, tr("正在读取会话…"),
                    keep_message)

    def show_sessions(self, sessions: list[OpenSession]) -> None:
        self.sessions = sessions
        fill(self.table, [(s.teller, s.counter_id, s.business_day + (tr("（未日终）") if s.stale else ""),
                           s.opened_local, s.open_for_zh, s.float_zh) for s in sessions],
             [s.id for s in sessions])
        stale = sum(1 for s in sessions if s.stale)
        self.summary.setText(
            (tr("共 {0} 个未结束的会话").format(len(sessions)) + (tr("，其中 {0} 个是以前营业日的（应已日终）").format(
                    stale) if stale else "")
             + tr("。柜员无法自行日终时（已下班、电脑故障），可由主管强制结束。")) if sessions
            else tr("没有未结束的会话。"))
        self.close_button.setEnabled(bool(sessions))

    def _idle(self) -> None:
        super()._idle()
        self.close_button.setEnabled(bool(self.sessions))

    def force_close(self) -> None:
        chosen = self.authorised_row(self.table, self.fields)
        if chosen is None:
            return
        session_id, approval = chosen
        reason = self.reason.text()
        supervision = self.supervision

        def done(closed: WorkSessionFacts) -> None:
            self.reason.clear()
            self.say(tr("已由主管 {0} 强制结束柜员 {1} 在柜台 "
                     "{2} 的会话（已记入审计日志）。").format(closed.closed_by, closed.teller, closed.counter_id))
            self.open(keep_message=True)

        self.run(lambda: supervision.force_close(int(session_id), approval, reason), done,
                 tr("正在核验主管授权…"))
