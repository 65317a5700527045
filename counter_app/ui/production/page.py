"""Central production (集中制卡) and hand-out (领卡启用) in the main window's work area.

集中制卡: the first screen answers "where is my card?" (search by application number, ID
number, card number or name), lists the batches waiting to be received and the uncollected
cards (with the list to print); then a batch is received card by card (F2 reads the chip),
placed in a box, and the 签收清单 printed. 领卡启用: who collects, the card read and matched,
hand-out and activation at the central, the holder's PIN on the pad, the receipt.

Every workflow call runs on the page's worker; screens read the immutable record only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from counter_app.devices.pinpad import PinEntry, PinPad
from counter_app.private_files import write_private
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.i18n import tr, tr_values
from counter_app.ui.pin_dialog import KeyedPinPad, ask_pins
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, OK
from counter_app.ui.widgets import FormGrid
from counter_app.ui.wizard_page import StepScreen, WizardPage, message_of
from counter_app.workflows.errors import ValidationError
from counter_app.workflows.production import ProductionDesk
from counter_app.workflows.production.documents import (
    difference_zh,
    handout_pdf,
    receipt_pdf,
    sealing_pdf,
    uncollected_pdf,
)
from counter_app.workflows.production.handout import Collector, HandoutWorkflow
from counter_app.workflows.production.handout import Step as HStep
from counter_app.workflows.production.receipt import BatchReceiptWorkflow
from counter_app.workflows.production.record import Outcome, Step

log = logging.getLogger(__name__)


def _button(text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
    b = named(QPushButton(text), name)
    b.clicked.connect(slot)
    return b


def _status(label: QLabel, text: str, ok: bool = True) -> None:
    label.setStyleSheet(f"color: {OK if ok else BAD}; font-size: 14px;")
    label.setText(tr(text))


CELL_PADDING = "QTableWidget::item { padding: 2px 6px; }"  # cells not flush against their borders


def _wrapping(view: QListWidget) -> QListWidget:
    """A list of sentences (differences and what to do about them) wraps at the list's width
    rather than running off behind a horizontal scroll bar."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def _table(heads: tuple[str, ...], name: str) -> QTableWidget:
    t = named(QTableWidget(0, len(heads)), name)
    t.setHorizontalHeaderLabels(list(heads))
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setStretchLastSection(True)
    t.setStyleSheet(CELL_PADDING)
    t.setWordWrap(True)  # a long 说明 wraps in its column rather than running off the table
    t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    t.setMinimumHeight(150)
    # the stretched last column gets its width only when laid out: the rows' heights follow it,
    # so a wrapped explanation is never cut off at its second line
    # (after the event: while the header resizes, the cells still measure the old width)
    t.horizontalHeader().sectionResized.connect(
        lambda *_: QTimer.singleShot(0, t, t.resizeRowsToContents))
    return t


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], bad: set[int] | None = None) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            item = QTableWidgetItem(tr(value))  # a state or a next step from below: translated
            if bad and i in bad:
                item.setForeground(Qt.GlobalColor.darkRed)
            table.setItem(i, j, item)
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    for column in range(last):
        table.resizeColumnToContents(column)
    # the last column (the explanation) takes the width left and its text wraps
    header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()


class _Pdfs:
    """Preview and save of a document made on the page's worker (the tour saves them)."""

    def __init__(self, page: WizardPage[Any], status: QLabel) -> None:
        self.page, self.status = page, status

    def preview(self, title: str, make: Callable[[], bytes]) -> None:
        def show(pdf: bytes) -> None:
            dialog = DocumentPreview(title, pdf, self.page)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        self.page.run(make, show, lambda e: _status(self.status, message_of(e), False),
                      busy=tr("正在生成{0}…").format(title))

    def save(self, title: str, make: Callable[[], bytes], path: Path) -> None:
        def job() -> Path:
            return write_private(path, make())

        self.page.run(job, lambda saved: _status(self.status, tr("{0}已保存为 {1}").format(title, saved)),
                      lambda e: _status(self.status, tr("{0}保存失败：{1}").format(title, message_of(e)), False),
                      busy=tr("正在保存PDF…"))


# -- 集中制卡 ---------------------------------------------------------------------------------
RScreen = StepScreen[BatchReceiptWorkflow]


def _rpage(screen: RScreen) -> ProductionPage:
    page = screen.page
    assert isinstance(page, ProductionPage)
    return page


class HomeScreen(RScreen):
    key = Step.CHOOSE
    title_zh = tr("制卡进度与批次")
    lead = tr("查询制卡进度：输入申领编号、身份证号码、卡号或姓名后回车（其他网点受理的请输身份证号码或申领编号，"
            "由中心查询）。下方为待签收的制卡批次和在柜未领的卡片。")

    def __init__(self, page: WizardPage[BatchReceiptWorkflow]) -> None:
        super().__init__(page)
        p = _rpage(self)
        row = QHBoxLayout()
        self.query = named(QLineEdit(), "TrackQuery")
        self.query.setPlaceholderText(tr("申领编号 / 身份证号码 / 卡号 / 姓名"))
        self.query.returnPressed.connect(p.search)
        row.addWidget(self.query, 1)
        row.addWidget(_button(tr("查询进度"), "TrackSearch", p.search))
        self.root.addLayout(row)
        self.note = named(QLabel("", wordWrap=True), "TrackNote")
        self.root.addWidget(self.note)
        self.results = _table((tr("申领编号"), tr("持卡人"), tr("状态"), tr("进度"), tr("领取方式"), tr("说明")),
            "TrackResults")
        self.results.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.results.itemSelectionChanged.connect(p.line_selected)
        self.root.addWidget(self.results)
        # a failed production (制卡失败): the central's reason, then re-submit or cancel
        self.failed_note = named(QLabel("", wordWrap=True), "FailedNote")
        self.root.addWidget(self.failed_note)
        self.failed_row = QWidget()  # shown only for a failed production: no idle controls
        frow = QHBoxLayout(self.failed_row)
        frow.setContentsMargins(0, 0, 0, 0)
        self.resubmit_button = _button(tr("重新制卡"), "Resubmit", p.resubmit)
        self.cancel_reason = named(QLineEdit(), "CancelReason")
        self.cancel_reason.setPlaceholderText(tr("撤销原因（撤销申领时必填）"))
        self.cancel_button = _button(tr("撤销申领"), "CancelFailed", p.cancel_failed)
        frow.addWidget(self.resubmit_button)
        frow.addWidget(self.cancel_reason, 1)
        frow.addWidget(self.cancel_button)
        self.root.addWidget(self.failed_row)
        self.failed_result = named(QLabel("", wordWrap=True), "FailedResult")
        self.root.addWidget(self.failed_result)
        self.set_failed_actions(False)
        self.root.addWidget(named(QLabel(tr("待签收的制卡批次（选中后点“签收本批次”）：")), "BatchLead"))
        self.batches = named(QListWidget(), "BatchList")
        self.batches.setMaximumHeight(120)
        self.root.addWidget(self.batches)
        self.offline = named(QLabel("", wordWrap=True), "BatchOffline")
        self.root.addWidget(self.offline)
        brow = QHBoxLayout()
        brow.addWidget(_button(tr("刷新批次"), "RefreshBatches", p.refresh_batches))
        brow.addWidget(_button(tr("签收本批次（有草稿则继续签收）"), "Primary", p.choose_batch))
        brow.addWidget(_button(tr("放弃未完成的签收"), "DiscardDraft", p.discard_draft))
        brow.addStretch(1)
        self.root.addLayout(brow)
        self.drafts = named(QLabel("", wordWrap=True), "ReceiptDrafts")
        self.root.addWidget(self.drafts)
        self.uncollected = named(QLabel("", wordWrap=True), "UncollectedSummary")
        self.root.addWidget(self.uncollected)
        # each card in custody with its age: the teller sees which to call and which to return
        # (what to do first; the application id last, scrolled to on a narrow screen)
        self.uncollected_table = _table(
            (tr("保管位置"), tr("处理"), tr("已放天数"), tr("保管至"), tr("签收日"), tr("持卡人"),
             tr("卡号"), tr("申领编号")), "UncollectedTable")
        self.uncollected_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.uncollected_table.setVisible(False)
        self.root.addWidget(self.uncollected_table)
        urow = QHBoxLayout()
        urow.addWidget(_button(tr("预览未领卡清单"), "PreviewUncollected", p.preview_uncollected))
        self.seal_button = _button(tr("封存超期卡片"), "SealDue", p.seal_due)
        self.seal_button.setEnabled(False)
        urow.addWidget(self.seal_button)
        self.sealing_preview = _button(tr("预览封存清单"), "PreviewSealing", p.preview_sealing)
        self.sealing_preview.setEnabled(False)
        urow.addWidget(self.sealing_preview)
        urow.addStretch(1)
        self.root.addLayout(urow)
        self.sealing_result = named(QLabel("", wordWrap=True), "SealingResult")
        self.root.addWidget(self.sealing_result)
        self.doc_status = named(QLabel("", wordWrap=True), "HomeDocStatus")
        self.root.addWidget(self.doc_status)
        self.root.addStretch(1)

    def first_focus(self) -> QWidget | None:
        return self.query

    def set_failed_actions(self, enabled: bool) -> None:
        for w in (self.resubmit_button, self.cancel_reason, self.cancel_button):
            w.setEnabled(enabled)
        self.failed_row.setVisible(enabled)


class ReadScreen(RScreen):
    key = Step.READ
    title_zh = tr("逐张读卡核对")
    lead = tr("从批次箱中逐张取出卡片：录入信封上的申领编号（无信封可不填），将卡片插入读卡器按 F2 读卡。"
            "以芯片读出的卡号为准匹配申领；错装、多卡当场列出，清单上未读到的卡在签收时按缺卡上报中心。")

    def __init__(self, page: WizardPage[BatchReceiptWorkflow]) -> None:
        super().__init__(page)
        p = _rpage(self)
        self.grid = FormGrid()
        self.envelope = named(QLineEdit(), "Envelope")
        self.envelope.setPlaceholderText(tr("信封上的申领编号（可扫描条码）"))
        self.typed = named(QLineEdit(), "TypedCardNo")
        self.typed.setPlaceholderText(tr("芯片无法读取时按卡面录入卡号"))
        self.grid.add("envelope", tr("信封申领编号"), self.envelope)
        self.grid.add("card_no", tr("卡号（手工）"), self.typed)
        self.root.addLayout(self.grid)
        row = QHBoxLayout()
        row.addWidget(_button(tr("读卡核对 (F2)"), "Primary", p.read_card))
        row.addWidget(_button(tr("按卡号录入"), "TypeCard", p.type_card))
        row.addStretch(1)
        self.root.addLayout(row)
        self.summary = named(QLabel("", wordWrap=True), "ReadSummary")
        self.summary.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.summary)
        self.root.addWidget(QLabel(tr("差异（错装、多卡）：")))
        self.problems = _wrapping(named(QListWidget(), "ReadProblems"))
        self.problems.setMinimumHeight(110)
        self.root.addWidget(self.problems)
        self.root.addWidget(QLabel(tr("清单上尚未读到的卡：")))
        self.outstanding = named(QListWidget(), "Outstanding")
        self.outstanding.setMinimumHeight(110)
        self.root.addWidget(self.outstanding)
        self.root.addStretch(1)

    def load(self) -> None:
        check = self.wf.check()
        listed = len(self.wf.batch.items)
        self.summary.setText(tr("批次 {0}：清单 {1} 张，已核对 "
                             "{2} 张，差异 {3} 项，"
                             "未读 {4} 张").format(
                                     self.wf.record.batch_id, listed, len(check.matched),
                                         len(check.differences), len(check.outstanding)))
        self.problems.clear()
        for d in check.differences:
            self.problems.addItem(tr(difference_zh(d)))
            self.problems.item(self.problems.count() - 1).setForeground(Qt.GlobalColor.darkRed)
        self.outstanding.clear()
        for o in check.outstanding:
            self.outstanding.addItem(tr("{0}　卡号 {1}").format(o.application_id, o.card_no))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F2": _rpage(self).read_card}

    def first_focus(self) -> QWidget | None:
        return self.envelope


class PlaceScreen(RScreen):
    key = Step.PLACE
    title_zh = tr("入柜保管并签收")
    lead = tr("核对无误的卡片按读卡顺序放入保管箱（格位号自动编排，打印在签收清单上）。确认签收后上报中心；"
            "专线中断时签收单暂存，线路恢复后自动上报。")

    def __init__(self, page: WizardPage[BatchReceiptWorkflow]) -> None:
        super().__init__(page)
        self.grid = FormGrid()
        self.box = named(QLineEdit(), "BoxNo")
        self.box.setPlaceholderText(tr("例如 A01"))
        self.grid.add("box", tr("保管箱号"), self.box, tr("格位：箱号-001 起"))
        self.root.addLayout(self.grid)
        self.summary = named(QLabel("", wordWrap=True), "PlaceSummary")
        self.summary.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.summary)
        self.differences = _wrapping(named(QListWidget(), "PlaceDifferences"))
        self.differences.setMinimumHeight(140)
        self.root.addWidget(self.differences)
        row = QHBoxLayout()
        row.addWidget(_button(tr("确认签收"), "Primary", _rpage(self).confirm))
        row.addStretch(1)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def values(self) -> dict[str, str]:
        return {"box": self.box.text()}

    def load(self) -> None:
        check = self.wf.check()
        diffs = self.wf.differences()
        self.summary.setText(tr("签收入柜 {0} 张；上报差异 {1} 项").format(len(check.matched), len(diffs))
                             + (tr("（无差异）") if not diffs else tr("：")))
        self.differences.clear()
        for d in diffs:
            self.differences.addItem(tr(difference_zh(d)))
            self.differences.item(self.differences.count() - 1).setForeground(
                Qt.GlobalColor.darkRed)

    def first_focus(self) -> QWidget | None:
        return self.box


class ReceiptDoneScreen(RScreen):
    key = Step.DONE
    title_zh = tr("签收完成")

    def __init__(self, page: WizardPage[BatchReceiptWorkflow]) -> None:
        super().__init__(page)
        p = _rpage(self)
        self.result = named(QLabel("", wordWrap=True), "ReceiptResult")
        self.result.setStyleSheet("font-size: 16px;")
        self.root.addWidget(self.result)
        row = QHBoxLayout()
        row.addWidget(_button(tr("预览签收清单"), "PreviewReceipt", p.preview_receipt))
        row.addWidget(_button(tr("返回制卡进度与批次"), "BackHome", p.new_receipt))
        row.addStretch(1)
        self.root.addLayout(row)
        self.doc_status = named(QLabel("", wordWrap=True), "ReceiptDocStatus")
        self.root.addWidget(self.doc_status)
        self.root.addStretch(1)

    def load(self) -> None:
        r = self.wf.record
        n = len(self.wf.placements())
        if r.outcome is Outcome.SENT:
            _status(self.result, tr("批次 {0} 已签收：{1} 张卡已入柜保管，签收单及差异已上报中心。").format(
                    r.batch_id, n))
        else:
            _status(self.result, tr("批次 {0} 已离线签收：{1} 张卡已入柜保管。专线中断，"
                    "签收单已暂存，线路恢复后自动上报中心（不会重复上报）。").format(r.batch_id, n), ok=False)


class ProductionPage(WizardPage[BatchReceiptWorkflow]):
    title_zh = tr("集中制卡")
    screens: ClassVar[dict[str, Any]] = {Step.CHOOSE: HomeScreen, Step.READ: ReadScreen,
                                         Step.PLACE: PlaceScreen, Step.DONE: ReceiptDoneScreen}
    global_keys = ("F2",)
    no_back = frozenset({Step.CHOOSE, Step.DONE})
    no_next = frozenset({Step.CHOOSE, Step.PLACE, Step.DONE})
    autosaved_steps = frozenset({Step.PLACE})  # the box typed is kept with the draft

    def __init__(self, desk: ProductionDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProductionPage")
        self.desk = desk
        self.lines: list[Any] = []  # the tracking answer on screen
        self.sealing: Any = None  # the last sealing done here (its list can be printed)

    def view(self, step: Step) -> Any:
        return self.step_screen(step)

    def open(self) -> None:
        if self.wizard is None:
            self.new_receipt()

    def can_discard(self) -> bool:
        return False

    def who_text(self) -> str:
        reader = self.desk.card_reader_name
        return tr("经办柜员：{0}").format(self.desk.teller) + (tr("\n读卡器：{0}").format(tr(reader)) if reader else "")

    def new_receipt(self) -> None:
        if self.busy:
            return
        self.banner.clear()
        self.show_wizard(self.desk.new_receipt())
        self.show_step()
        self.refresh_batches()
        self.refresh_uncollected()

    def _act(self, job: Callable[[BatchReceiptWorkflow], Any], busy: str,
             done: Callable[[Any], None] | None = None) -> None:
        wf, screen = self.wizard, self.current_screen()
        if wf is None or screen is None or self.busy:
            return
        self.banner.clear()
        screen.show_errors({})

        def ok(result: Any) -> None:
            self.show_step()
            if done is not None:
                done(result)

        def failed(error: BaseException) -> None:
            self.show_step()
            current = self.current_screen()
            errors = getattr(error, "errors", None)
            if isinstance(errors, dict) and current is not None:
                current.show_errors(tr_values(errors))
            elif isinstance(error, ValidationError) and current is not None:
                current.show_errors({error.field: tr(error.message_zh)})
            self.banner.show_message(message_of(error), "bad")

        self.run(lambda: job(wf), ok, failed, busy=busy)

    # -- home -----------------------------------------------------------------------------------
    def search(self) -> None:
        home = self.view(Step.CHOOSE)
        text = home.query.text()

        def show(answer: Any) -> None:
            self.lines = list(answer.lines)
            _fill(home.results, [(x.application_id, x.holder_zh, x.state_zh, x.progress, x.how_zh,
                                  x.next_zh) for x in answer.lines],
                  {i for i, x in enumerate(answer.lines) if x.state_zh == "制卡失败"})
            home.note.setText(tr(answer.note_zh) or tr("找到 {0} 笔申领。").format(len(answer.lines)))
            home.failed_result.clear()
            failed = [i for i, x in enumerate(answer.lines) if x.can_retry]
            if failed:
                home.results.selectRow(failed[0])
            self.line_selected()  # also when the same row stays selected (no signal then)

        self.run(lambda: self.desk.search(text), show,
                 lambda e: _status(home.note, message_of(e), False), busy=tr("正在查询制卡进度…"))

    def selected_line(self) -> Any:
        rows = self.view(Step.CHOOSE).results.selectionModel().selectedRows()
        i = rows[0].row() if rows else -1
        return self.lines[i] if 0 <= i < len(self.lines) else None

    def line_selected(self) -> None:
        """A failed production of this branch selected: its reason and the two actions."""
        home = self.view(Step.CHOOSE)
        line = self.selected_line()
        retry = line is not None and line.can_retry
        home.set_failed_actions(retry)
        if retry:
            why = tr(line.failure_zh) or tr("中心未说明原因")
            _status(home.failed_note, tr("申领 {0} 制卡失败，中心原因：{1}。"
                    "可“重新制卡”（专线中断时暂存上传），或填写原因后“撤销申领”（须实时连接中心）。").format(
                            line.application_id, why),
                    ok=False)
        else:
            home.failed_note.clear()

    def _failed_action(self, job: Callable[[str], Any], busy: str) -> None:
        home = self.view(Step.CHOOSE)
        line = self.selected_line()
        if line is None or not line.can_retry or self.busy:
            return
        application_id = line.application_id

        def done(outcome: Any) -> None:
            _status(home.failed_result, outcome.message_zh, ok=outcome.sent)
            updated = self.desk.line(application_id)
            if updated is not None:
                self.lines = [updated if x.application_id == application_id else x
                              for x in self.lines]
                _fill(home.results, [(x.application_id, x.holder_zh, x.state_zh, x.progress,
                                      x.how_zh, x.next_zh) for x in self.lines],
                      {i for i, x in enumerate(self.lines) if x.state_zh == "制卡失败"})
            self.line_selected()

        def failed(error: BaseException) -> None:
            _status(home.failed_result, message_of(error), False)

        self.run(lambda: job(application_id), done, failed, busy=busy)

    def resubmit(self) -> None:
        self._failed_action(lambda a: self.desk.resubmit(a), tr("正在提交重新制卡…"))

    def cancel_failed(self) -> None:
        reason = self.view(Step.CHOOSE).cancel_reason.text()
        self._failed_action(lambda a: self.desk.cancel_failed(a, reason), tr("正在向中心撤销申领…"))

    def refresh_batches(self) -> None:
        wf = self.wizard
        if wf is None:
            return
        home = self.view(Step.CHOOSE)

        def job() -> Any:
            batches, note = wf.batches()
            return batches, note, self.desk.receipt_drafts()

        def show(result: Any) -> None:
            batches, note, drafts = result
            begun = {d.batch_id: d for d in drafts}
            home.batches.clear()
            for b in batches:
                d = begun.get(b.batch_id)
                draft = tr("　签收未完成：已读 {0} 张（{1}）").format(d.reads, d.teller) if d is not None else ""
                item = QListWidgetItem(tr("{0}　{1} 张{2}").format(b.batch_id, len(b.items), draft))
                item.setData(Qt.ItemDataRole.UserRole, b.batch_id)  # not parsed from the label
                home.batches.addItem(item)
            if batches:
                first = next((i for i, b in enumerate(batches) if b.batch_id in begun), 0)
                home.batches.setCurrentRow(first)
            else:
                home.batches.addItem(tr("（没有待签收的批次）"))
            _status(home.offline, note, ok=not note)
            if drafts:
                _status(home.drafts, tr("有未完成的签收（读过的卡已保存）：") + tr("；").join(
                    tr("批次 {0} 已读 {1} 张").format(d.batch_id, d.reads) for d in drafts)
                    + tr("。选中该批次后点“签收本批次”继续。"), ok=False)
            else:
                home.drafts.clear()

        self.run(job, show, lambda e: _status(home.offline, message_of(e), False),
                 busy=tr("正在获取待签收批次…"))

    def refresh_uncollected(self) -> None:
        home = self.view(Step.CHOOSE)

        def show(lines: Any) -> None:
            due = sum(1 for u in lines if u.due)
            text = tr("在柜未领卡片 {0} 张").format(len(lines))
            text += tr("，其中 {0} 张已超过保管期，须退回中心封存。").format(due) if due else tr("。")
            _status(home.uncollected, text, ok=not due)
            home.seal_button.setEnabled(due > 0)
            _fill(home.uncollected_table,
                  [(u.location, tr("退回封存") if u.due else tr("通知领卡"), str(u.age_days),
                    u.keep_until, u.received_on, u.holder_zh, u.card_no, u.application_id)
                   for u in lines], {i for i, u in enumerate(lines) if u.due})
            home.uncollected_table.setVisible(bool(lines))

        self.run(self.desk.uncollected, show, lambda e: log.warning("uncollected: %s",
                                                                    type(e).__name__))

    def _current_batch(self) -> str:
        item = self.view(Step.CHOOSE).batches.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole) or "") if item is not None else ""

    def choose_batch(self) -> None:
        """The batch's receipt: resumed where it stopped when one was begun (a draft)."""
        batch_id = self._current_batch()
        if self.busy or self.wizard is None:
            return
        if not batch_id:
            self.banner.show_message(tr("请选择要签收的制卡批次。"), "bad")
            return

        def opened(wf: BatchReceiptWorkflow) -> None:
            self.show_wizard(wf)
            self.show_step()
            if wf.record.reads:
                self.banner.show_message(tr("已继续未完成的签收：此前已读 {0} 张。").format(len(wf.record.reads)),
                                         "ok")

        def failed(error: BaseException) -> None:
            errors = getattr(error, "errors", None)
            screen = self.current_screen()
            if isinstance(errors, dict) and screen is not None:
                screen.show_errors(tr_values(errors))
            self.banner.show_message(message_of(error), "bad")

        self.banner.clear()
        self.run(lambda: self.desk.open_receipt(batch_id), opened, failed,
                 busy=tr("正在打开批次清单…"))

    def discard_draft(self) -> None:
        batch_id = self._current_batch()
        if not batch_id or self.busy:
            return
        self.run(lambda: self.desk.discard_receipt(batch_id, tr("柜员放弃未完成的签收")),
                 lambda _r: self.refresh_batches(),
                 lambda e: self.banner.show_message(message_of(e), "bad"),
                 busy=tr("正在放弃未完成的签收…"))

    def seal_due(self) -> None:
        home = self.view(Step.CHOOSE)
        if self.busy:
            return

        def done(outcome: Any) -> None:
            self.sealing = outcome
            _status(home.sealing_result, outcome.message_zh,
                    ok=not outcome.queued and not outcome.refused)
            home.sealing_preview.setEnabled(True)
            self.refresh_uncollected()

        self.run(self.desk.seal_due, done,
                 lambda e: _status(home.sealing_result, message_of(e), False),
                 busy=tr("正在封存超期卡片并上报中心…"))

    def preview_sealing(self) -> None:
        outcome = self.sealing
        if outcome is not None:
            _Pdfs(self, self.view(Step.CHOOSE).doc_status).preview(
                tr("封存清单"), lambda: sealing_pdf(self.desk, outcome))

    def save_sealing(self, path: Path) -> None:
        outcome = self.sealing
        if outcome is not None:
            _Pdfs(self, self.view(Step.CHOOSE).doc_status).save(
                tr("封存清单"), lambda: sealing_pdf(self.desk, outcome), path)

    def preview_uncollected(self) -> None:
        _Pdfs(self, self.view(Step.CHOOSE).doc_status).preview(
            tr("未领卡清单"), lambda: uncollected_pdf(self.desk))

    def save_uncollected(self, path: Path) -> None:
        _Pdfs(self, self.view(Step.CHOOSE).doc_status).save(
            tr("未领卡清单"), lambda: uncollected_pdf(self.desk), path)

    # -- receipt ----------------------------------------------------------------------------------
    def read_card(self) -> None:
        if self.wizard is None or self.wizard.current != Step.READ:
            return
        envelope = self.view(Step.READ).envelope.text()

        def done(check: Any) -> None:
            self.view(Step.READ).envelope.clear()
            self.banner.show_message(tr("已核对 {0} 张，差异 {1} 项，"
                                     "未读 {2} 张。").format(
                                             len(check.matched), len(check.differences), len(check.outstanding)),
                                     "bad" if check.differences else "ok")

        self._act(lambda wf: wf.read_card(envelope), tr("正在读卡核对…"), done)

    def type_card(self) -> None:
        s = self.view(Step.READ)
        envelope, card_no = s.envelope.text(), s.typed.text()
        s.typed.clear()
        self._act(lambda wf: wf.add_read(card_no, envelope), tr("正在核对…"))

    def confirm(self) -> None:
        box = self.view(Step.PLACE).box.text()

        def job(wf: BatchReceiptWorkflow) -> Any:
            wf.apply(Step.PLACE, {"box": box})
            return wf.confirm()

        self._act(job, tr("正在签收并上报中心…"), lambda _o: self.refresh_uncollected())

    def preview_receipt(self) -> None:
        wf = self.wizard
        if wf is not None:
            _Pdfs(self, self.view(Step.DONE).doc_status).preview(tr("签收清单"), lambda: receipt_pdf(wf))

    def save_receipt(self, path: Path) -> None:
        wf = self.wizard
        if wf is not None:
            _Pdfs(self, self.view(Step.DONE).doc_status).save(tr("签收清单"), lambda: receipt_pdf(wf),
                                                           path)


# -- 领卡启用 -----------------------------------------------------------------------------------
HScreen = StepScreen[HandoutWorkflow]


def _hpage(screen: HScreen) -> HandoutPage:
    page = screen.page
    assert isinstance(page, HandoutPage)
    return page


class IdentifyScreen(HScreen):
    key = HStep.IDENTIFY
    title_zh = tr("核验领卡人")
    lead = tr("本人领取：读取持卡人身份证（邮寄到家或已领未启用的卡，由持卡人带卡办理启用）。"
            "未成年人由监护人持户口本等监护关系证明代领；"
            "单位代领须留存单位委托书（录入统一社会信用代码和委托书编号）并核验经办人身份证，代领的卡不启用，须持卡人本人来启用并设置密码。")

    def __init__(self, page: WizardPage[HandoutWorkflow]) -> None:
        super().__init__(page)
        p = _hpage(self)
        row = QHBoxLayout()
        self.kinds = QButtonGroup(self)
        self.radios: dict[Collector, QRadioButton] = {}
        for kind, text in ((Collector.SELF, tr("本人领取")), (Collector.GUARDIAN, tr("监护人代领")),
                           (Collector.EMPLOYER, tr("单位代领"))):
            radio = named(QRadioButton(text), f"Collector{kind.value.title()}")
            self.kinds.addButton(radio)
            self.radios[kind] = radio
            row.addWidget(radio)
        self.radios[Collector.SELF].setChecked(True)
        row.addStretch(1)
        self.root.addLayout(row)
        self.grid = FormGrid()
        self.id_number = named(QLineEdit(), "CollectorId")
        self.id_number.setPlaceholderText(tr("领卡人身份证号码（读卡或录入）"))
        self.holder = named(QLineEdit(), "HolderId")
        self.holder.setPlaceholderText(tr("代领时录入持卡人身份证号码"))
        self.proof = named(QCheckBox(tr("已查验户口本等监护关系证明")), "GuardianProof")
        self.credit = named(QLineEdit(), "CreditCode")
        self.employer = named(QLineEdit(), "EmployerName")
        self.letter = named(QLineEdit(), "LetterNo")
        self.grid.add("id_number", tr("领卡人身份证"), self.id_number)
        self.grid.add("holder_id_number", tr("持卡人身份证"), self.holder)
        self.grid.add("guardian_proof", tr("监护关系证明"), self.proof)
        self.grid.add("credit_code", tr("统一社会信用代码"), self.credit)
        self.grid.add("employer_name", tr("单位名称"), self.employer)
        self.grid.add("letter_no", tr("委托书编号"), self.letter)
        self.root.addLayout(self.grid)
        for radio in self.radios.values():
            radio.toggled.connect(self._kind_changed)
        self._kind_changed()
        brow = QHBoxLayout()
        brow.addWidget(_button(tr("读身份证 (F4)"), "ReadIdCard", p.read_id_card))
        brow.addWidget(_button(tr("查找待领卡片"), "Primary", p.find_card))
        brow.addStretch(1)
        self.root.addLayout(brow)
        self.found = named(QLabel("", wordWrap=True), "FoundCard")
        self.found.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.found)
        self.root.addStretch(1)

    def _kind_changed(self) -> None:
        """Only the fields of the chosen kind of collection can be filled (the others grey)."""
        kind = next(k for k, r in self.radios.items() if r.isChecked())
        self.holder.setEnabled(kind is not Collector.SELF)
        self.proof.setEnabled(kind is Collector.GUARDIAN)
        for edit in (self.credit, self.employer, self.letter):
            edit.setEnabled(kind is Collector.EMPLOYER)

    def values(self) -> dict[str, str]:
        kind = next(k for k, r in self.radios.items() if r.isChecked())
        return {"collector": kind.value, "id_number": self.id_number.text(),
                "holder_id_number": self.holder.text(),
                "guardian_proof": "1" if self.proof.isChecked() else "0",
                "credit_code": self.credit.text(), "employer_name": self.employer.text(),
                "letter_no": self.letter.text()}

    def load(self) -> None:
        r = self.wf.record
        if r.identity.id_number and not self.id_number.text():
            self.id_number.setText(r.identity.id_number)
        if r.brought:
            self.found.setText(tr("持卡人带来的卡片：{0}，卡号 {1}（已寄出或已领取未启用）").format(
                r.application_id, r.card_no))
        else:
            self.found.setText(tr("待领卡片：{0}，卡号 {1}，保管位置 {2}").format(
                r.application_id, r.card_no, r.location) if r.application_id else "")

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F4": _hpage(self).read_id_card}

    def first_focus(self) -> QWidget | None:
        return self.id_number


class CardScreen(HScreen):
    key = HStep.CARD
    title_zh = tr("读卡核对")
    lead = tr("从保管位置取出卡片交持卡人核对卡面，插入读卡器按 F2 读卡：芯片中的卡号和身份证号码须与该申领一致。")

    def __init__(self, page: WizardPage[HandoutWorkflow]) -> None:
        super().__init__(page)
        self.info = named(QLabel("", wordWrap=True), "CardInfo")
        self.info.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.info)
        row = QHBoxLayout()
        row.addWidget(_button(tr("读卡核对 (F2)"), "Primary", _hpage(self).read_card))
        row.addStretch(1)
        self.root.addLayout(row)
        self.result = named(QLabel("", wordWrap=True), "CardResult")
        self.root.addWidget(self.result)
        self.root.addStretch(1)

    def load(self) -> None:
        r = self.wf.record
        self.info.setText(tr("申领 {0}　卡号 {1}　持卡人带来的卡片").format(r.application_id, r.card_no) if r.brought
                          else tr("申领 {0}　卡号 {1}　保管位置 {2}").format(r.application_id, r.card_no, r.location))
        if r.card_read:
            _status(self.result, tr("卡片核对一致，请点击“下一步”由中心发放并启用。"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F2": _hpage(self).read_card}


class ActivateScreen(HScreen):
    key = HStep.ACTIVATE
    title_zh = tr("中心发放并启用")
    lead = tr("由中心确认发放并启用卡片的社保功能和金融功能（须实时连接中心；专线中断时不能办理，卡片继续在柜保管）。")

    def __init__(self, page: WizardPage[HandoutWorkflow]) -> None:
        super().__init__(page)
        row = QHBoxLayout()
        row.addWidget(_button(tr("启用"), "Primary", _hpage(self).activate))
        row.addStretch(1)
        self.root.addLayout(row)
        self.root.addStretch(1)


class PinScreen(HScreen):
    key = HStep.PIN
    title_zh = tr("持卡人设置密码")
    lead = tr("请持卡人在密码键盘上输入6位新密码并再次确认（密码不经过本屏幕，不保存、不记录）。")

    def __init__(self, page: WizardPage[HandoutWorkflow]) -> None:
        super().__init__(page)
        self.pad = named(QLabel("", wordWrap=True), "PadName")
        self.root.addWidget(self.pad)
        row = QHBoxLayout()
        row.addWidget(_button(tr("开始设置密码"), "Primary", _hpage(self).set_pin))
        row.addStretch(1)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        pad = _hpage(self).desk.ctx.pin_pad
        self.pad.setText(tr("密码键盘：{0}").format(tr(pad.name)) if pad is not None else
                         tr("本机未连接密码键盘：将弹出密码输入框，请持卡人本人输入（输入内容以圆点显示）。"))


class HandoutDoneScreen(HScreen):
    key = HStep.DONE
    title_zh = tr("领卡完成")

    def __init__(self, page: WizardPage[HandoutWorkflow]) -> None:
        super().__init__(page)
        p = _hpage(self)
        self.result = named(QLabel("", wordWrap=True), "HandoutResult")
        self.root.addWidget(self.result)
        row = QHBoxLayout()
        row.addWidget(_button(tr("预览领卡回执"), "PreviewHandout", p.preview_receipt))
        row.addWidget(_button(tr("办理下一位"), "NextPerson", p.new_handout))
        row.addStretch(1)
        self.root.addLayout(row)
        self.doc_status = named(QLabel("", wordWrap=True), "HandoutDocStatus")
        self.root.addWidget(self.doc_status)
        self.root.addStretch(1)

    def load(self) -> None:
        r = self.wf.record
        if not r.activated:  # 单位代领: handed out, the holder activates and sets the PIN
            _status(self.result, tr("卡号 {0} 已由单位代领（未启用）。请打印领卡回执交单位经办人签收，并告知："
                    "须持卡人本人持身份证和本卡到网点办理领卡启用并设置密码。").format(r.card_no))
            return
        _status(self.result, tr("卡号 {0} 已发放并启用，持卡人已设置密码。请打印领卡回执交持卡人签收，"
                "回执上的二维码用于领取电子社保卡。").format(r.card_no))


class HandoutPage(WizardPage[HandoutWorkflow]):
    title_zh = tr("领卡启用")
    screens: ClassVar[dict[str, Any]] = {HStep.IDENTIFY: IdentifyScreen, HStep.CARD: CardScreen,
                                         HStep.ACTIVATE: ActivateScreen, HStep.PIN: PinScreen,
                                         HStep.DONE: HandoutDoneScreen}
    global_keys = ("F2", "F4")
    no_back = frozenset({HStep.IDENTIFY, HStep.PIN, HStep.DONE})
    no_next = frozenset({HStep.ACTIVATE, HStep.PIN, HStep.DONE})

    def __init__(self, desk: ProductionDesk, *,
                 ask_pins: Callable[[QWidget], tuple[PinEntry, PinEntry] | None] = ask_pins,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HandoutPage")
        self.desk = desk
        self.ask_pins = ask_pins  # a masked dialog when the counter has no PIN pad

    def view(self, step: HStep) -> Any:
        return self.step_screen(step)

    def open(self) -> None:
        if self.wizard is None:
            self.new_handout()

    def can_discard(self) -> bool:
        return self.wizard is not None and not self.wizard.record.activated

    def discard(self) -> None:
        self.new_handout()

    def who_text(self) -> str:
        wf = self.wizard
        name = wf.record.holder_name if wf is not None else ""
        from counter_app.printing import mask_name

        return tr("经办柜员：{0}").format(self.desk.teller) + (tr("\n持卡人：{0}").format(
                mask_name(name)) if name else "")

    def new_handout(self) -> None:
        if self.busy:
            return
        self.show_wizard(self.desk.new_handout())
        for screen in self.built.values():
            for edit in screen.findChildren(QLineEdit):
                edit.clear()
            if isinstance(screen, IdentifyScreen):  # the next person collects for themself
                screen.radios[Collector.SELF].setChecked(True)
                screen.proof.setChecked(False)
        self.show_step()

    def _act(self, job: Callable[[HandoutWorkflow], Any], busy: str) -> None:
        wf, screen = self.wizard, self.current_screen()
        if wf is None or screen is None or self.busy:
            return
        values = screen.values()
        self.banner.clear()
        screen.show_errors({})

        def run(w: HandoutWorkflow) -> Any:
            w.apply(w.current, values)
            return job(w)

        def failed(error: BaseException) -> None:
            self.show_step()
            current = self.current_screen()
            errors = getattr(error, "errors", None)
            if isinstance(errors, dict) and current is not None:
                current.show_errors(tr_values(errors))
            self.banner.show_message(message_of(error), "bad")

        self.run(lambda: run(wf), lambda _r: self.show_step(), failed, busy=busy)

    def read_id_card(self) -> None:
        self._act(lambda wf: wf.read_id_card(), tr("正在读取身份证…"))

    def find_card(self) -> None:
        def job(wf: HandoutWorkflow) -> Any:
            wf.find_card()  # a hand-out begun before goes on where it stopped
            return wf.next() if wf.step is HStep.IDENTIFY else wf.current

        self._act(job, tr("正在查找待领卡片并向中心核对…"))

    def read_card(self) -> None:
        def job(wf: HandoutWorkflow) -> Any:
            wf.read_card()
            return wf.next()

        self._act(job, tr("正在读卡核对…"))

    def activate(self) -> None:
        self._act(lambda wf: wf.activate(), tr("正在由中心发放并启用…"))

    def set_pin(self) -> None:
        pad: PinPad | None = self.desk.ctx.pin_pad
        if pad is None:
            if self.busy:
                return
            entries = self.ask_pins(self)  # on the UI thread, before the worker runs
            if entries is None:
                self.banner.show_message(tr("持卡人取消了设置密码，可重新点击“开始设置密码”。"), "bad")
                return
            pad = KeyedPinPad(entries)
        chosen = pad
        self._act(lambda wf: wf.set_pin(chosen), tr("请持卡人在密码键盘上输入新密码…"))

    def preview_receipt(self) -> None:
        wf = self.wizard
        if wf is not None:
            _Pdfs(self, self.view(HStep.DONE).doc_status).preview(tr("领卡回执"), lambda: handout_pdf(wf))

    def save_receipt(self, path: Path) -> None:
        wf = self.wizard
        if wf is not None:
            _Pdfs(self, self.view(HStep.DONE).doc_status).save(tr("领卡回执"), lambda: handout_pdf(wf),
                                                            path)
