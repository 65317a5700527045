"""异常件: operations the central refused for good, and the supervisor's decision on each
(send again under the original key, or discard — kept, never sent), with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.supervision.common import (
    SupervisionTab,
    approval_fields,
    fill,
    table,
)
from counter_app.ui.supervision.page import SupervisionEnv
from counter_app.workflows.supervision import DeadLetter, Resolution
from counter_app.workflows.supervision.audit_log import CHINA_TIME

HEADS = (tr("编号"), tr("业务"), tr("中心拒绝代码"), tr("拒绝原因"), tr("尝试次数"), tr("入队时间"), tr("最后尝试"))


def _local(at: object) -> str:
    import datetime as dt

    if not isinstance(at, dt.datetime):
        return "—"
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")


class DeadLettersTab(SupervisionTab):
    def __init__(self, env: SupervisionEnv) -> None:
        super().__init__(env, "DeadLettersTab")
        self.desk = env.services.dead_letter_desk()
        self.letters: list[DeadLetter] = []
        self.summary = named(QLabel(tr("正在读取异常件…"), wordWrap=True), "DeadLetterSummary")
        self.lay.addWidget(self.summary)
        self.table = table(HEADS, "DeadLetters", stretch=3)
        self.table.setMinimumHeight(160)
        self.lay.addWidget(self.table, 1)

        form = QFormLayout()
        self.decision = named(QComboBox(), "DeadLetterDecision")
        self.decision.addItem(tr("重新上传（原幂等键，中心不会重复办理）"), "retry")
        self.decision.addItem(tr("作废（记录保留，不再上传）"), "discard")
        form.addRow(tr("决定"), self.decision)
        self.reason = named(QLineEdit(), "DeadLetterReason")
        self.reason.setPlaceholderText(tr("必填，至少4个字，例如：已补齐证明材料 / 申请人放弃办理"))
        form.addRow(tr("理由"), self.reason)
        self.lay.addLayout(form)
        self.fields = approval_fields(env, "DeadLetterSupervisor")
        self.lay.addWidget(self.fields)
        row = QHBoxLayout()
        self.decide_button = self.button(tr("提交决定"), "DecideDeadLetter", self.decide)
        self.refresh_button = self.button(tr("刷新"), "RefreshDeadLetters", self.open)
        row.addWidget(self.decide_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        self.lay.addLayout(row)
        self.lay.addWidget(self.message)

    def open(self, keep_message: bool = False) -> None:
        self.reload(self.desk.list, self.show_letters, tr("正在读取异常件…"), keep_message)

    def show_letters(self, letters: list[DeadLetter]) -> None:
        self.letters = letters
        fill(self.table, [(f"#{d.id}", d.operation_zh, d.code or "—", d.message_zh,
                           str(d.attempts), _local(d.created_at), _local(d.last_attempt_at))
                          for d in letters], [d.id for d in letters])
        self.summary.setText(
            tr("共 {0} 笔异常件：中心拒绝、不会自动重发的业务。同一群众之后的业务会等它处理后才上传。"
            "请核实后选择重新上传或作废；系统不会删除任何记录。").format(len(letters)) if letters
            else tr("没有异常件。"))
        has = bool(letters)
        self.decide_button.setEnabled(has)

    def _idle(self) -> None:
        super()._idle()
        self.decide_button.setEnabled(bool(self.letters))

    def decide(self) -> None:
        chosen = self.authorised_row(self.table, self.fields)
        if chosen is None:
            return
        item_id, approval = chosen
        desk, decision, reason = self.desk, str(self.decision.currentData()), self.reason.text()
        services = self.env.services

        def job() -> Resolution:
            done = desk.decide(int(item_id), decision, approval, reason)
            if done.decision.value == "retry":
                services.sync.wake()  # send it now rather than at the next round
            return done

        def done(result: Resolution) -> None:
            self.reason.clear()
            self.say(tr(result.message_zh) + tr("（已记入审计日志）"))
            self.open(keep_message=True)

        self.run(job, done, tr("正在核验主管授权…"))
