"""审计日志: search the audit log (teller, action, date range, free text over the fields that
carry no personal data), one page at a time, with the chain's verification state on top."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.supervision.common import SupervisionTab, fill, table
from counter_app.ui.supervision.page import SupervisionEnv
from counter_app.ui.theme import BAD, OK
from counter_app.workflows.supervision import AuditPage, ChainState, parse_query
from counter_app.workflows.supervision.audit_log import action_zh

HEADS = (tr("序号"), tr("时间"), tr("柜员"), tr("操作"), tr("内容（个人信息不显示）"))
ALL = tr("（全部）")


class AuditLogTab(SupervisionTab):
    def __init__(self, env: SupervisionEnv) -> None:
        super().__init__(env, "AuditLogTab")
        self.viewer = env.services.audit_log_viewer()
        self.page_no = 0
        self.result: AuditPage | None = None
        self.chain: ChainState | None = None
        self.loaded_choices = False

        top = QHBoxLayout()
        self.chain_label = named(QLabel(tr("尚未校验审计链。"), wordWrap=True), "AuditChainState")
        self.chain_label.setStyleSheet("font-size: 14px; font-weight: bold;")
        top.addWidget(self.chain_label, 1)
        top.addWidget(self.button(tr("完整校验"), "VerifyAuditChain", self.verify))
        self.lay.addLayout(top)

        grid = QGridLayout()
        self.teller = named(QComboBox(), "AuditTeller")
        self.teller.setEditable(True)
        self.action = named(QComboBox(), "AuditAction")
        self.action.setEditable(True)
        for box in (self.teller, self.action):
            box.addItem(ALL, "")
            box.setMinimumWidth(220)
        self.since = named(QLineEdit(), "AuditSince")
        self.since.setPlaceholderText(tr("如 2026-11-01"))
        self.until = named(QLineEdit(), "AuditUntil")
        self.until.setPlaceholderText(tr("截止日期，含当天"))
        self.text = named(QLineEdit(), "AuditText")
        self.text.setPlaceholderText(tr("柜员、操作名称或序号，如“授权”“S0301”"))
        self.text.returnPressed.connect(self.search)
        grid.addWidget(QLabel(tr("柜员")), 0, 0)
        grid.addWidget(self.teller, 0, 1)
        grid.addWidget(QLabel(tr("操作")), 0, 2)
        grid.addWidget(self.action, 0, 3)
        grid.addWidget(QLabel(tr("日期")), 1, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.since)
        dates.addWidget(QLabel(tr("至")))
        dates.addWidget(self.until)
        grid.addLayout(dates, 1, 1)
        grid.addWidget(QLabel(tr("搜索")), 1, 2)
        grid.addWidget(self.text, 1, 3)
        grid.setColumnStretch(3, 1)
        self.lay.addLayout(grid)

        row = QHBoxLayout()
        row.addWidget(self.button(tr("查询"), "AuditSearch", self.search))
        self.prev_button = self.button(tr("上一页"), "AuditPrev", lambda: self.go(-1))
        self.next_button = self.button(tr("下一页"), "AuditNext", lambda: self.go(1))
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        self.page_label = named(QLabel(""), "AuditPageLabel")
        row.addWidget(self.page_label, 1)
        self.lay.addLayout(row)
        self.table = table(HEADS, "AuditEntries", stretch=4)
        self.lay.addWidget(self.table, 1)
        self.lay.addWidget(self.message)

    # -- behaviour ----------------------------------------------------------------------------
    def open(self) -> None:
        """First visit: the pick lists, the newest page, then the chain's verification."""
        if not self.loaded_choices:
            viewer = self.viewer
            self.run(viewer.choices, self._choices_loaded, tr("正在读取审计日志…"))
        else:
            self.search(keep_page=True)

    def _choices_loaded(self, choices: tuple[list[str], list[str]]) -> None:
        actors, actions = choices
        self.loaded_choices = True
        for who in actors:
            self.teller.addItem(who, who)
        for action in actions:
            self.action.addItem(tr(action_zh(action)), action)
        self.search(then_verify=True)

    @staticmethod
    def _value(box: QComboBox) -> str:
        """The picked item's key, or what was typed (an action's start, e.g. "session")."""
        text = box.currentText().strip()
        if text == ALL:
            return ""
        index = box.findText(text)
        data = box.itemData(index) if index >= 0 else None
        return str(data) if data is not None else text

    def go(self, step: int) -> None:
        if self.result is None:
            return
        self.page_no = min(max(0, self.page_no + step), self.result.pages - 1)
        self.search(keep_page=True)

    def search(self, keep_page: bool = False, then_verify: bool = False) -> None:
        if not keep_page:
            self.page_no = 0
        try:
            query = parse_query(teller=self._value(self.teller), action=self._value(self.action),
                                since=self.since.text(), until=self.until.text(),
                                text=self.text.text(), page=self.page_no)
        except Exception as error:  # a ValidationError in the supervisor's words
            self.say(getattr(error, "message_zh", tr("查询条件不正确。")), ok=False)
            return
        viewer = self.viewer

        def shown(result: AuditPage) -> None:
            self.show_page(result)
            if then_verify:
                self.verify()

        self.run(lambda: viewer.search(query), shown, tr("正在查询审计日志…"))

    def show_page(self, result: AuditPage) -> None:
        self.result = result
        self.message.setText("")
        fill(self.table, [(str(r.seq), r.local_time, r.actor_zh, r.action_zh, r.detail_zh)
                          for r in result.rows], [r.seq for r in result.rows])
        self.page_label.setText(tr(result.summary_zh))
        self.prev_button.setEnabled(result.page > 0)
        self.next_button.setEnabled(result.page + 1 < result.pages)

    def _idle(self) -> None:
        super()._idle()
        if self.result is not None:
            self.prev_button.setEnabled(self.result.page > 0)
            self.next_button.setEnabled(self.result.page + 1 < self.result.pages)

    def verify(self) -> None:
        viewer = self.viewer
        self.run(viewer.verification, self.show_chain, tr("正在完整校验审计链（逐条核对校验码）…"))

    def show_chain(self, state: ChainState) -> None:
        self.chain = state
        sound = state.ok and not state.alarm_zh
        self.chain_label.setText(tr(state.message_zh))
        self.chain_label.setStyleSheet(
            f"font-size: 14px; font-weight: bold; color: {OK if sound else BAD};")
        self.chain_label.setProperty("state", "ok" if sound else "broken")
        self.message.setText("")
