"""远程授权: the branch's requests from other counters waiting for a supervisor's approval of
one act; the supervisor here approves or refuses with the password and one-time code, checked
at this PC through the one authorisation path (workflows/remote_approval.py).

Each row shows the act the central checks when the approval is used (its purpose, named in
Chinese, and the object it names: a receipt, a teller, a dead letter) apart from the teller's
own words, which only describe it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.supervision.common import SupervisionTab, approval_fields, fill, table
from counter_app.ui.supervision.page import SupervisionEnv
from counter_app.workflows.remote_approval import purpose_parts, short_number
from counter_app.workflows.supervision.audit_log import CHINA_TIME

HEADS = (tr("编号"), tr("柜台"), tr("柜员"), tr("授权事项"), tr("柜员说明"), tr("发起时间"), tr("有效至"))


def act_text(purpose: str) -> str:
    """The purpose as the supervisor reads it: 退还收费：<receipt>, 解锁柜员：T0302 …"""
    name, obj = purpose_parts(purpose)
    return tr("{0}：{1}").format(tr(name), obj) if obj else tr(name)


def _local(at: dt.datetime) -> str:
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(CHINA_TIME).strftime("%H:%M:%S")


class RemoteApprovalsTab(SupervisionTab):
    def __init__(self, env: SupervisionEnv) -> None:
        super().__init__(env, "RemoteApprovalsTab")
        self.desk = env.services.remote_approvals
        self.requests: list[Any] = []
        self.summary = named(QLabel(tr("正在读取远程授权请求…"), wordWrap=True), "RemoteSummary")
        self.lay.addWidget(self.summary)
        self.table = table(HEADS, "RemoteRequests", stretch=4)
        self.table.setMinimumHeight(140)
        self.lay.addWidget(self.table, 1)
        form = QFormLayout()
        self.reason = named(QLineEdit(), "RemoteReason")
        self.reason.setPlaceholderText(tr("拒绝时必填，例如：金额与收据不符"))
        form.addRow(tr("理由"), self.reason)
        self.lay.addLayout(form)
        self.fields = approval_fields(env, "RemoteSupervisor")
        self.lay.addWidget(self.fields)
        row = QHBoxLayout()
        self.approve_button = self.button(tr("批准"), "RemoteApprove", lambda: self.decide(True))
        self.refuse_button = self.button(tr("拒绝"), "RemoteRefuse", lambda: self.decide(False))
        row.addWidget(self.approve_button)
        row.addWidget(self.refuse_button)
        row.addWidget(self.button(tr("刷新"), "RefreshRemote", self.open))
        row.addStretch(1)
        self.lay.addLayout(row)
        self.lay.addWidget(self.message)

    def open(self, keep_message: bool = False) -> None:
        self.reload(self.desk.pending, self.show_requests, tr("正在读取远程授权请求…"), keep_message)

    def show_requests(self, requests: list[Any]) -> None:
        self.requests = requests
        fill(self.table, [(short_number(r.request_id), r.counter_id, r.teller, act_text(r.purpose),
                           r.summary, _local(r.created_at), _local(r.expires_at))
                          for r in requests],
             [r.request_id for r in requests])
        self.summary.setText(
            tr("共 {0} 个远程授权请求：本网点其他柜台请主管授权的操作。请先与柜员核对编号和授权事项"
               "（批准后只能用于该事项），再输入本人账号、密码和动态验证码批准或拒绝。").format(len(requests))
            if requests
            else tr("没有等待处理的远程授权请求。"))
        self._enable()

    def _enable(self) -> None:
        for b in (self.approve_button, self.refuse_button):
            b.setEnabled(bool(self.requests) and not self.busy)

    def _idle(self) -> None:
        super()._idle()
        self._enable()

    def decide(self, approve: bool) -> None:
        chosen = self.authorised_row(self.table, self.fields)
        if chosen is None:
            return
        request_id, approval = chosen
        desk, reason = self.desk, self.reason.text()

        def done(decided: Any) -> None:
            self.reason.clear()
            self.say((tr("已批准远程授权（编号 {0}，柜台 {1}）。") if approve
                      else tr("已拒绝远程授权（编号 {0}，柜台 {1}）。")).format(
                short_number(decided.request_id), decided.counter_id) + tr("（已记入审计日志）"))
            self.open(keep_message=True)

        self.run(lambda: desk.decide(str(request_id), approval, approve=approve, reason=reason),
                 done, tr("正在核验主管授权…"))
