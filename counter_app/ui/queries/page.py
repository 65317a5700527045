"""The query page: identify (ID card read or number typed) → the result in four tabs
(insurance status, contribution months with older pages on demand, cards, applications),
printable as a masked summary.

Every call to the desk or the workflow runs on the page's one worker (``run``); the screens
read only the immutable record.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.printing import mask_id_number
from counter_app.ui.application.documents import document_printer
from counter_app.ui.document_output import DocumentOutputs
from counter_app.ui.i18n import tr
from counter_app.ui.persons_card import PersonsCardScreen
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, MUTED, OK, WARN
from counter_app.ui.widgets import ID_LIMIT, Banner
from counter_app.ui.wizard_page import StepScreen, message_of
from counter_app.workflows.queries import STEP_TITLES_ZH, QueryDesk, QueryWorkflow, Step
from counter_app.workflows.queries.views import (
    INSURANCE_ZH,
    INSURANCES,
    application_lines,
    card_lines,
    gap_months_total,
    insurance_lines,
    month_rows,
    ym_zh,
)

GAP_FILL = "#fff4e0"


class QueryStep(StepScreen[QueryWorkflow]):
    step: Step

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.key = cls.step.value
        cls.title_zh = STEP_TITLES_ZH[cls.step]

    def __init__(self, host: QueriesPage) -> None:
        super().__init__(host)
        self.host = host


class IdentifyView(PersonsCardScreen[QueryWorkflow]):
    key = Step.IDENTIFY
    title_zh = STEP_TITLES_ZH[Step.IDENTIFY]
    lead = tr("请将本人的居民身份证放在阅读器上，按 F2 读取；无法读卡时手工录入号码并核对证件原件，"
            "按回车查询。本人带了社保卡的，插入读卡器按 F3 读取（核对为本人现用的卡）；没带卡的凭身份证即可。"
            "查询须实时连接中心系统。")
    id_limit = ID_LIMIT

    def __init__(self, host: QueriesPage) -> None:
        self.host = host
        super().__init__(host)

    def id_reader_name(self) -> str | None:
        return self.host.desk.id_reader_name

    def who_html(self) -> str:
        ident = self.wf.record.identity
        if ident.source == "reader":
            return tr("<span style='color:{0}; font-weight:bold'>✓ 已读取身份证</span>　"
                      "{1}　{2}"
                      "　按回车或“查询”开始查询。").format(
                              OK, html.escape(ident.name), mask_id_number(ident.id_number))
        if ident.id_number:
            return tr("<span style='color:{0}'>手工录入的号码，请核对证件原件。</span>").format(MUTED)
        return ""

    def read_job(self) -> Any:
        return self.wf.read_id_card()




def _table(headers: Sequence[str], name: str, *, long: bool = False) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    # a long table is sized once after filling: a header that resizes to contents re-measures
    # every column on every item set, which made a long history take seconds to show
    table.horizontalHeader().setSectionResizeMode(
        QHeaderView.ResizeMode.Interactive if long else QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]],
          colours: Mapping[tuple[int, int], str] | None = None) -> None:
    table.clearSpans()
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(tr(text))  # a state or a next step from below: translated
            colour = (colours or {}).get((r, c))
            if colour:
                item.setForeground(QBrush(QColor(colour)))
            table.setItem(r, c, item)
    if table.horizontalHeader().sectionResizeMode(0) is QHeaderView.ResizeMode.Interactive:
        table.resizeColumnsToContents()
    table.resizeRowsToContents()


class ResultView(QueryStep):
    step = Step.RESULT
    lead = tr("以下为中心系统的实时记录，仅供本人核对，不作为参保证明（需要证明请办理“参保证明打印”）。"
            "可打印查询结果交本人。")

    def __init__(self, host: QueriesPage) -> None:
        super().__init__(host)
        self.result = Banner(self, "Result")
        self.root.addWidget(self.result)
        self.person = named(QLabel("", wordWrap=True), "PersonInfo")
        self.person.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.root.addWidget(self.person)
        self.tabs = named(QTabWidget(), "QueryTabs")
        self.insurances = _table((tr("险种"), tr("参保状态"), tr("参保单位"), tr("累计缴费月数")), "InsuranceTable")
        self.tabs.addTab(self.insurances, tr("参保状态"))
        months_tab = QWidget()
        lay = QVBoxLayout(months_tab)
        lay.setContentsMargins(0, 6, 0, 0)
        heads = [tr("年月"), tr("单位编号")]
        shorts = {"PENSION": tr("养老"), "UNEMPLOYMENT": tr("失业"), "WORK_INJURY": tr("工伤")}  # narrow
        for ins in INSURANCES:
            short = shorts.get(ins, tr(INSURANCE_ZH[ins]))
            heads += [tr("{0}基数").format(short), tr("{0}个人").format(short), short]
        self.months = _table(heads, "MonthsTable", long=True)
        self.months.setWordWrap(False)  # one line per month; short headers keep it in width
        lay.addWidget(self.months, 1)
        row = QHBoxLayout()
        self.months_note = named(QLabel("", wordWrap=True), "MonthsNote")
        row.addWidget(self.months_note, 1)
        self.more_button = named(QPushButton(tr("查询更早记录 (F4)")), "MoreMonths")
        self.more_button.clicked.connect(host.more_months)
        row.addWidget(self.more_button)
        lay.addLayout(row)
        self.tabs.addTab(months_tab, tr("缴费记录"))
        self.cards = _table((tr("卡号"), tr("发卡银行"), tr("卡片状态"), tr("社保功能"), tr("金融功能"),
                             tr("有效期"), tr("备注")),
                            "CardTable")
        self.tabs.addTab(self.cards, tr("社保卡状态"))
        self.apps = _table((tr("申请编号"), tr("业务"), tr("制卡与领取方式"), tr("受理网点"), tr("受理日期"),
                            tr("当前状态"), tr("进度"), tr("说明")), "ApplicationTable")
        self.tabs.addTab(self.apps, tr("申领与制卡进度"))
        self.tabs.setMinimumHeight(330)
        self.root.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for action, text in (("preview", tr("预览查询结果 (F6)")), ("print", tr("打印查询结果 (F7)")),
                             ("save", tr("另存为PDF (F8)"))):
            button = named(QPushButton(text), f"query_{action}")
            button.clicked.connect(lambda _c=False, a=action: host.document_action(a))
            buttons.addWidget(button)
            self.buttons[action] = button
        buttons.addStretch(1)
        self.new_button = named(QPushButton(tr("查询下一位 (Ctrl+N)")), "Primary")
        self.new_button.clicked.connect(host.new_query)
        buttons.addWidget(self.new_button)
        self.root.addLayout(buttons)
        self.print_status = named(QLabel("", wordWrap=True), "PrintStatus")
        self.root.addWidget(self.print_status)
        self.shown_record = ""

    def load(self) -> None:
        record = self.wf.record
        result = record.result
        if result is None:
            return
        if record.record_id != self.shown_record:
            # another person: the previous one's print or save message does not apply
            self.shown_record = record.record_id
            self.print_status.setText("")
            self.tabs.setCurrentIndex(0)
        p = result.person
        sex = {"1": tr("男"), "2": tr("女")}.get(p.sex, p.sex)
        self.person.setText(
            tr("<b>{0}</b>　{1}　出生 {2}　"
            "身份证 {3}　"
            "{4}").format(
                    html.escape(p.name), sex, p.birth_date, mask_id_number(record.identity.id_number),
                    tr("本市户籍") if p.local_household else tr("非本市户籍"))
            + (tr("　<span style='color:{0}'>（身份证已读取）</span>").format(OK)
               if record.identity.source == "reader" else ""))
        lines = insurance_lines(result)
        contributing = [ln.insurance_zh for ln in lines if ln.status_zh == "参保缴费"]
        cards = card_lines(result, dt.datetime.now(dt.UTC))
        in_use = [c for c in cards if c.card_state_zh in ("正常使用", "领卡未激活")]
        summary = (tr("参保缴费：") + tr("、").join(tr(c) for c in contributing) if contributing
                   else tr("当前无参保缴费险种"))
        summary += tr("；社保卡：{0}（{1}）").format(
                in_use[0].card_no, tr(in_use[0].card_state_zh)) if in_use else tr("；无在用社保卡")
        if result.open_application_elsewhere:
            summary += tr("；在其他银行另有办理中的申领")
        self.result.show_message(html.escape(summary) + tr("。"), "ok")
        _fill(self.insurances,
              [(ln.insurance_zh, ln.status_zh, ln.employer, tr("{0}个月").format(ln.months_paid)) for ln in lines],
              {(r, 1): (OK if ln.status_zh == "参保缴费" else WARN if ln.status_zh == "暂停缴费"
                        else MUTED) for r, ln in enumerate(lines)})
        self.load_months()
        rows = [(c.card_no, c.bank_zh, c.card_state_zh, c.social_zh, c.financial_zh, c.dates_zh,
                 c.note_zh) for c in cards]
        colours = {}
        for r, c in enumerate(cards):
            for col, value in ((2, c.card_state_zh), (3, c.social_zh), (4, c.financial_zh)):
                colours[(r, col)] = OK if value in ("正常使用", "正常") else BAD
        _fill(self.cards, rows or [(tr("中心系统中没有该人员的社会保障卡记录"), "", "", "", "", "", "")],
              colours)
        apps = application_lines(result)
        app_rows = [(a.application_id, a.kind_zh, a.how_zh, a.where_zh, a.applied_on, a.state_zh,
                     a.progress, a.next_zh) for a in apps]
        if result.open_application_elsewhere:
            app_rows.append(("—", "", "", tr("其他合作银行"), "", tr("办理中"), "",
                             tr("该人员在其他银行另有办理中的申请，进度请到受理银行查询。")))
        _fill(self.apps, app_rows or [(tr("本行没有该人员的申领记录"), "", "", "", "", "", "", "")])
        self.tabs.setTabText(2, tr("社保卡状态（{0}）").format(len(cards)))
        self.tabs.setTabText(3, tr("申领与制卡进度（{0}）").format(len(apps)))
        n = record.printings
        self.buttons["print"].setText(tr("补打查询结果 (F7)") if n else tr("打印查询结果 (F7)"))

    def load_months(self) -> None:
        result = self.wf.record.result
        assert result is not None
        rows: list[tuple[str, ...]] = []
        colours: dict[tuple[int, int], str] = {}
        gaps: list[int] = []
        for r, m in enumerate(month_rows(result.months)):
            if m.gap_months:
                gap_text = tr("{0} 无缴费记录（{1}个月）").format(tr(m.label_zh), m.gap_months)
                rows.append((tr("断缴"), gap_text, *([""] * 9)))
                gaps.append(r)
                colours[(r, 1)] = BAD
                continue
            rows.append((ym_zh(m.year_month), m.employer_no,
                         *(value for cell in m.cells for value in cell)))
            for i, cell in enumerate(m.cells):
                if cell[2] == "未缴":
                    colours[(r, 4 + 3 * i)] = BAD
        _fill(self.months, rows, colours)
        for r in gaps:
            self.months.setSpan(r, 1, 1, 10)
            for c in range(11):
                item = self.months.item(r, c)
                if item is not None:
                    item.setBackground(QBrush(QColor(GAP_FILL)))
        if gaps:
            self.months.resizeColumnsToContents()  # a gap's text spans; it widens no column
        months = sorted({m.year_month for m in result.months})
        if not months:
            note = tr("中心系统中该人员没有缴费记录。")
        else:
            note = tr("金额单位：元。已显示 {0} 至 {1}，"
                    "共 {2} 个有记录的月份").format(tr(ym_zh(months[0])), tr(ym_zh(months[-1])), len(months))
            gap = gap_months_total(result.months)
            note += tr("，其中断缴 {0} 个月").format(gap) if gap else ""
            note += tr("；更早的记录请按 F4 查询。") if result.next_cursor else tr("；已是全部缴费记录。")
        self.months_note.setText(note)
        self.more_button.setEnabled(bool(result.next_cursor))
        self.tabs.setTabText(1, tr("缴费记录（{0}个月{1}）").format(len(months), '+' if result.next_cursor else ''))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F4": self.more_button.click, "F6": self.buttons["preview"].click,
                "F7": self.buttons["print"].click, "F8": self.buttons["save"].click,
                "Ctrl+N": self.new_button.click}

    def first_focus(self) -> QWidget | None:
        return self.new_button


class QueriesPage(DocumentOutputs[QueryWorkflow]):
    title_zh = tr("社保信息查询")
    screens: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        Step.IDENTIFY: IdentifyView, Step.RESULT: ResultView}
    global_keys = ("F2", "F3", "F4", "F6", "F7", "F8", "Ctrl+N")
    no_back = frozenset({Step.IDENTIFY, Step.RESULT})  # the next person: Ctrl+N
    no_next = frozenset({Step.RESULT})

    def __init__(self, desk: QueryDesk, *, printer_name: str = "",
                 find_printer: Callable[[str], QPrinter | None] = document_printer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.printer_name = printer_name
        self.find_printer = find_printer
        self.next_button.setText(tr("查询 (Enter)"))

    @property
    def wf(self) -> QueryWorkflow | None:
        return self.wizard

    def view(self, step: Step) -> Any:
        return self.step_screen(step)

    def open(self) -> None:
        if self.wizard is None:
            self.new_query()

    def new_query(self) -> None:
        if self.busy:
            return
        self.banner.clear()
        self.last_pdf = None
        self.show_wizard(self.desk.new())
        self.show_step()

    def discard(self) -> None:
        if not self.busy:
            self.new_query()

    def can_discard(self) -> bool:
        return self.wizard is not None and self.wizard.step is Step.IDENTIFY

    def who_text(self) -> str:
        wf = self.wizard
        if wf is None or not wf.id_number:
            return tr("查询对象：尚未识别")
        return tr("查询对象：{0}").format(wf.label())

    # -- older months --------------------------------------------------------------------------
    def more_months(self) -> None:
        wf = self.wizard
        if wf is None or self.busy or not wf.has_more:
            return

        def done(_r: Any) -> None:
            view = self.step_screen(Step.RESULT)
            assert isinstance(view, ResultView)
            view.load_months()
            view.tabs.setCurrentIndex(1)

        self.run(wf.more_months, done,
                 lambda e: self.banner.show_message(html.escape(message_of(e)), "bad"),
                 busy=tr("正在查询更早的缴费记录…"))

    # -- documents -----------------------------------------------------------------------------
    document_title = tr("社保信息查询结果")
    document_busy = tr("正在生成查询结果…")
    no_printer = tr("本机没有可用的打印机，查询结果未打印。请“另存为PDF”后打印，"
                    "或联系网点技术支持检查打印机。")
    printed = tr("查询结果已发送到打印机“{0}”（{1} 页）。")
    saved = tr("查询结果已保存为 {0}")

    def document_ready(self) -> bool:
        return self.wizard is not None and self.wizard.record.result is not None

    def preview_document(self) -> bytes:
        assert self.wizard is not None
        return self.wizard.preview_pdf()

    def output_document(self, how: str) -> bytes:
        assert self.wizard is not None
        return self.wizard.summary_pdf(how)

    def document_file_name(self) -> str:
        reference = self.wizard.reference if self.wizard is not None else ""
        return tr("社保信息查询-{0}.pdf").format(reference)

    def document_status_label(self) -> QLabel:
        view = self.step_screen(Step.RESULT)
        assert isinstance(view, ResultView)
        return view.print_status


def close_dialogs(page: QueriesPage) -> None:
    for dialog in page.findChildren(QDialog):
        dialog.close()


__all__ = ["QueriesPage", "close_dialogs"]
