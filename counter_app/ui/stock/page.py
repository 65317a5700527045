"""Blank-card stock (空白卡库存) in the main window's work area: four screens over a
:class:`StockWorkflow` — receive a box, hand out / take back, spoil, reconcile with the count
sheet. Any screen can be opened from the list at any time. At a branch without instant issue
the page says why there is no stock.

Every workflow call runs on the page's worker; screens read the immutable record only.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.private_files import write_private
from counter_app.ui.application.documents import DocumentPreview, document_printer, paint_pdf
from counter_app.ui.application.steps import ImportDialogs
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.second_factor import RemoteAct, supervisor_fields
from counter_app.ui.theme import BAD, MUTED, OK
from counter_app.ui.widgets import FormGrid
from counter_app.ui.wizard_page import STEP_COLOURS, StepScreen, WizardPage, message_of
from counter_app.workflows.errors import ValidationError
from counter_app.workflows.remote_acts import spoil_request, spoil_summary
from counter_app.workflows.stock import ReadOutcome, Step, StockDesk, StockWorkflow, spoil_purpose
from counter_app.workflows.supervisor import SupervisorApproval

log = logging.getLogger(__name__)

Screen = StepScreen[StockWorkflow]

NOT_INSTANT_ZH = tr("本网点为非即办网点（申领后由中心集中制卡），不存放空白卡，因此没有空白卡库存业务。\n\n"
                  "空白卡库存仅在即时制卡网点使用：空白卡入库、柜员领用与交回、废卡登记（主管授权）、盘点对账。"
                  "如本网点已开通即时制卡，请联系网点技术支持更新网点配置。")


def _page(screen: Screen) -> StockPage:
    page = screen.page
    assert isinstance(page, StockPage)
    return page


def _button(text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
    b = named(QPushButton(text), name)
    b.clicked.connect(slot)
    return b


def _status(label: QLabel, text: str, ok: bool = True) -> None:
    label.setStyleSheet(f"color: {OK if ok else BAD}; font-size: 14px;")
    label.setText(tr(text))


class ReceiveScreen(Screen):
    key = Step.RECEIVE
    title_zh = tr("空白卡入库")
    lead = tr("录入箱号后逐张将空白卡插入读卡器按 F2 读卡登记；有供应商清单（CSV：箱号,芯片序列号）时先导入清单，"
            "再逐张读卡核对，结束核对时列出清单上未见到的卡。")

    def __init__(self, page: WizardPage[StockWorkflow]) -> None:
        super().__init__(page)
        self.grid = FormGrid()
        self.box_id = named(QLineEdit(), "BoxId")
        self.box_id.setPlaceholderText(tr("例如 BOX-20260302-01"))
        self.grid.add("box_id", tr("箱号"), self.box_id)
        self.root.addLayout(self.grid)
        row = QHBoxLayout()
        p = _page(self)
        self.open_button = _button(tr("开始入库（无清单）"), "OpenBox", lambda: p.open_box(None))
        self.list_button = _button(tr("导入供应商清单…"), "ImportList", p.choose_list)
        self.read_button = _button(tr("读卡入库 (F2)"), "Primary", p.read_card)
        self.close_button = _button(tr("结束核对"), "CloseBox", p.close_box)
        for b in (self.open_button, self.list_button, self.read_button, self.close_button):
            row.addWidget(b)
        row.addStretch(1)
        self.root.addLayout(row)
        self.summary = named(QLabel("", wordWrap=True), "BoxSummary")
        self.summary.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.summary)
        self.last = named(QLabel("", wordWrap=True), "LastRead")
        self.root.addWidget(self.last)
        self.root.addWidget(QLabel(tr("本箱问题（不在清单、重复、未见到）：")))
        self.problems = named(QListWidget(), "BoxProblems")
        self.problems.setMinimumHeight(150)
        self.root.addWidget(self.problems)
        self.root.addStretch(1)

    def values(self) -> dict[str, str]:
        return {"box_id": self.box_id.text()}

    def load(self) -> None:
        box = self.wf.record.box
        self.read_button.setEnabled(box is not None and not box.closed)
        self.close_button.setEnabled(box is not None and not box.closed and box.expected is not None)
        self.problems.clear()
        if box is None:
            self.summary.setText(tr("尚未开始入库。"))
            return
        if not self.box_id.text():
            self.box_id.setText(box.box_id)
        listed = (tr("供应商清单 {0} 张，已核对入库 {1} 张，"
                  "待读 {2} 张").format(
                          len(box.expected), len(box.received), len(box.outstanding)) if box.expected is not None
                  else tr("无清单，已读卡入库 {0} 张").format(len(box.received)))
        if box.closed and box.expected is not None:
            listed = tr("供应商清单 {0} 张，核对入库 {1} 张，"
                      "缺卡 {2} 张（核对已结束）").format(len(box.expected), len(box.received), len(box.missing))
        self.summary.setText(tr("箱号 {0}：{1}").format(box.box_id, listed))
        for p in box.problems:
            self.problems.addItem(tr(p.message))
        for serial in box.missing:
            self.problems.addItem(tr("清单上的芯片序列号 {0} 未在箱内见到（缺卡），请报告主管并联系供应商。").format(
                    serial))
        for i in range(self.problems.count()):
            self.problems.item(i).setForeground(Qt.GlobalColor.darkRed)

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F2": _page(self).read_card}

    def first_focus(self) -> QWidget | None:
        return self.box_id


class CustodyScreen(Screen):
    key = Step.CUSTODY
    title_zh = tr("领用 / 交回")
    lead = tr("柜员当日领用空白卡（按张数从库存中交给柜员保管），营业结束交回未用的卡。保管只在领用当日有效。")

    def __init__(self, page: WizardPage[StockWorkflow]) -> None:
        super().__init__(page)
        p = _page(self)
        self.grid = FormGrid()
        self.teller = named(QLineEdit(), "CustodyTeller")
        self.teller.setPlaceholderText(tr("默认为本人 {0}").format(p.desk.teller))
        self.count = named(QLineEdit(), "HandOutCount")
        self.count.setPlaceholderText(tr("张数"))
        self.grid.add("teller", tr("保管柜员"), self.teller)
        self.grid.add("count", tr("领用张数"), self.count)
        self.root.addLayout(self.grid)
        row = QHBoxLayout()
        row.addWidget(_button(tr("领用（交给柜员保管）"), "Primary", p.hand_out))
        row.addWidget(_button(tr("交回库存（该柜员保管的全部）"), "TakeBack", p.take_back))
        row.addStretch(1)
        self.root.addLayout(row)
        self.result = named(QLabel("", wordWrap=True), "CustodyResult")
        self.root.addWidget(self.result)
        self.overview = named(QLabel("", wordWrap=True), "CustodyOverview")
        self.overview.setStyleSheet("font-size: 14px;")
        self.root.addWidget(self.overview)
        self.root.addStretch(1)

    def load(self) -> None:
        _status(self.result, self.wf.record.custody_message)
        _page(self).refresh_overview()

    def first_focus(self) -> QWidget | None:
        return self.count


class SpoilScreen(Screen):
    key = Step.SPOIL
    title_zh = tr("登记废卡")
    lead = tr("写坏、损坏的空白卡登记为废卡（不再使用，交回制卡中心），须写明原因并由主管输入账号密码授权。")

    def __init__(self, page: WizardPage[StockWorkflow]) -> None:
        super().__init__(page)
        self.grid = FormGrid()
        self.serial = named(QLineEdit(), "SpoilSerial")
        self.serial.setPlaceholderText(tr("16位芯片序列号（卡背面或读卡得到）"))
        self.reason = named(QLineEdit(), "SpoilReason")
        self.grid.add("chip_serial", tr("芯片序列号"), self.serial)
        self.grid.add("reason", tr("作废原因"), self.reason, tr("至少4个字，记入审计日志"))
        # the shared supervisor fields: the code box only when the profile asks for the code,
        # and 远程授权 (a supervisor at another counter approves this card's spoiling)
        # (the purpose names the card the summary kept: read after the summary)
        self.fields = supervisor_fields(None, prefix="Spoil", within=page, remote=RemoteAct(
            _page(self).remote_spoil_purpose, _page(self).remote_spoil_summary))
        self.fields.remote_approved.connect(_page(self).spoil_remotely)
        self.supervisor, self.password, self.otp = self.fields.user, self.fields.password, self.fields.otp
        self.grid.add("supervisor", tr("主管授权"), self.fields)
        self.root.addLayout(self.grid)
        row = QHBoxLayout()
        row.addWidget(_button(tr("主管授权并登记废卡"), "Primary", _page(self).spoil))
        row.addStretch(1)
        self.root.addLayout(row)
        self.result = named(QLabel("", wordWrap=True), "SpoilResult")
        self.root.addWidget(self.result)
        self.root.addStretch(1)

    def load(self) -> None:
        _status(self.result, self.wf.record.spoil_message)

    def first_focus(self) -> QWidget | None:
        return self.serial


class ReconcileScreen(Screen):
    key = Step.RECONCILE
    title_zh = tr("盘点对账")
    lead = tr("随时或营业结束时盘点：入库 = 库存 + 柜员保管 + 已发卡 + 废卡，逐个柜员核对当日领用。"
            "录入实点张数可核对实物；任何差异都会列出并打印在盘点表上。")

    def __init__(self, page: WizardPage[StockWorkflow]) -> None:
        super().__init__(page)
        p = _page(self)
        self.grid = FormGrid()
        self.counted_stock = named(QLineEdit(), "CountedStock")
        self.counted_custody = named(QLineEdit(), "CountedCustody")
        self.grid.add("counted_stock", tr("库存实点张数"), self.counted_stock, tr("可不填"))
        self.grid.add("counted_custody", tr("本人保管实点张数"), self.counted_custody, tr("可不填"))
        self.root.addLayout(self.grid)
        row = QHBoxLayout()
        row.addWidget(_button(tr("全网点盘点对账"), "Primary", lambda: p.reconcile(False)))
        row.addWidget(_button(tr("本人保管对账"), "ReconcileMine", lambda: p.reconcile(True)))
        self.preview_button = _button(tr("打印预览盘点表"), "PreviewSheet", lambda: p.sheet_action("preview"))
        self.save_button = _button(tr("盘点表另存为PDF"), "SaveSheet", lambda: p.sheet_action("save"))
        self.print_button = _button(tr("打印盘点表"), "PrintSheet", lambda: p.sheet_action("print"))
        row.addWidget(self.preview_button)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.root.addLayout(row)
        self.result = named(QLabel("", wordWrap=True), "ReconcileResult")
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setStyleSheet("font-size: 14px;")
        self.root.addWidget(self.result)
        self.sheet_status = named(QLabel("", wordWrap=True), "SheetStatus")
        self.root.addWidget(self.sheet_status)
        self.root.addStretch(1)

    def values(self) -> dict[str, str]:
        return {"counted_stock": self.counted_stock.text(),
                "counted_custody": self.counted_custody.text()}

    def load(self) -> None:
        r = self.wf.record.reconciliation
        self.preview_button.setEnabled(r is not None)
        self.save_button.setEnabled(r is not None)
        self.print_button.setEnabled(r is not None)
        if r is None:
            self.result.setText("")
            return
        total = r.in_stock + r.in_custody + r.issued + r.spoiled
        sign = "=" if total == r.received else "≠"
        parts = [tr("<b>{0}　{1}</b>　"
                 "入库 {2} {3} 库存 {4} + 柜员保管 {5} + "
                 "已发卡 {6} + 废卡 {7}").format(
                         tr("柜员 {0}").format(r.scope_teller) if r.scope_teller else tr("全网点"), r.day,
                         r.received, sign, r.in_stock, r.in_custody, r.issued, r.spoiled)]
        for t in r.tellers:
            parts.append(tr("柜员 {0}：领用 {1}，交回 {2}，发卡 {3}，"
                         "废卡 {4}，在保管 {5}").format(
                                 t.teller, t.handed, t.taken_back, t.issued, t.spoiled, t.holding)
                         + (tr("，实点 {0}").format(t.counted) if t.counted is not None else ""))
        if r.differences:
            parts.append(tr('<span style="color:{0}; font-weight:bold;">差异 {1} 项：</span>').format(
                    BAD, len(r.differences)))
            parts += [f'<span style="color:{BAD};">● {html.escape(tr(d))}</span>' for d in r.differences]
        else:
            parts.append(tr('<span style="color:{0}; font-weight:bold;">账实相符，无差异。</span>').format(OK))
        parts.append(tr('<span style="color:{0};">盘点表编号 {1}</span>').format(MUTED, self.wf.record.sheet_no))
        self.result.setText("<br>".join(parts))


class StockPage(WizardPage[StockWorkflow]):
    title_zh = tr("空白卡库存")
    screens: ClassVar[dict[str, Any]] = {
        Step.RECEIVE: ReceiveScreen,
        Step.CUSTODY: CustodyScreen,
        Step.SPOIL: SpoilScreen,
        Step.RECONCILE: ReconcileScreen,
    }
    global_keys = ("F2",)
    no_back = frozenset({Step.RECEIVE})
    no_next = frozenset({Step.RECONCILE})

    sig_custody_changed = Signal()

    def __init__(self, desk: StockDesk, *, printer_name: str = "",
                 find_printer: Callable[[str], QPrinter | None] = document_printer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StockPage")
        self.desk = desk
        self.printer_name, self.find_printer = printer_name, find_printer
        self.sheet: tuple[str, bytes] | None = None
        self.remote_spoil: tuple[str, str] = ("", "")  # the card and reason asked for remotely
        self.not_instant = named(QLabel(NOT_INSTANT_ZH, wordWrap=True), "NotInstantNote")
        self.not_instant.setStyleSheet("font-size: 16px; padding: 28px;")
        self.not_instant.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.not_instant)

    def view(self, step: Step) -> Any:
        return self.step_screen(step)

    def open(self) -> None:
        if not self.desk.instant:
            self.stack.setCurrentWidget(self.not_instant)
            self.side.clear()
            self.update_nav()
            return
        if self.wizard is None:
            self.show_wizard(self.desk.new())
            self.show_step()

    def can_discard(self) -> bool:
        return False

    def render_side(self) -> None:
        super().render_side()
        for i in range(self.step_list.count()):  # every screen is open at any time
            item = self.step_list.item(i)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEnabled)
            if item.foreground().color() == QColor(STEP_COLOURS["todo"]):
                item.setForeground(QColor(STEP_COLOURS["current"]))

    def who_text(self) -> str:
        reader = self.desk.reader_name
        return tr("经办柜员：{0}").format(self.desk.teller) + (tr("\n读卡器：{0}").format(tr(reader)) if reader else "")

    # -- actions ---------------------------------------------------------------------------------
    def _act(self, step: Step, job: Callable[[StockWorkflow], Any], busy: str,
             done: Callable[[Any], None] | None = None, custody: bool = False) -> None:
        wf, screen = self.wizard, self.current_screen()
        if wf is None or screen is None or self.busy or wf.current != step:
            return
        self.banner.clear()
        screen.show_errors({})

        def ok(result: Any) -> None:
            self.show_step()
            if done is not None:
                done(result)
            if custody:
                self.sig_custody_changed.emit()

        def failed(error: BaseException) -> None:
            self.show_step()
            current = self.current_screen()
            if isinstance(error, ValidationError) and current is not None:
                current.show_errors({error.field: tr(error.message_zh)})
            self.banner.show_message(message_of(error), "bad")
            if custody:
                self.sig_custody_changed.emit()

        self.run(lambda: job(wf), ok, failed, busy=busy)

    def _screen(self, step: Step) -> Any:
        return self.step_screen(step)

    def open_box(self, list_path: Path | None) -> None:
        box_id = self._screen(Step.RECEIVE).box_id.text()

        def job(wf: StockWorkflow) -> Any:
            data = list_path.read_bytes() if list_path is not None else None
            return wf.open_box(box_id, data)

        self._act(Step.RECEIVE, job, tr("正在登记箱号…"),
                  lambda box: self.banner.show_message(
                      tr("箱号 {0} 已登记，请逐张插入空白卡按 F2 读卡入库。").format(box.box_id), "ok"))

    def choose_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("导入供应商清单（CSV）"), "", tr("CSV 文件 (*.csv *.txt)"))
        if path:
            self.import_list(Path(path))

    def import_list(self, path: Path) -> None:
        self.open_box(path)

    def read_card(self) -> None:
        def done(result: Any) -> None:
            kind = "ok" if result.outcome is ReadOutcome.RECEIVED else "bad"
            self.banner.show_message(result.message, kind)
            _status(self._screen(Step.RECEIVE).last, result.message, kind == "ok")

        self._act(Step.RECEIVE, lambda wf: wf.read_card(), tr("正在读取空白卡…"), done)

    def close_box(self) -> None:
        def done(box: Any) -> None:
            bad = len(box.missing) + len(box.problems)
            self.banner.show_message(
                tr("箱号 {0} 核对结束：入库 {1} 张").format(box.box_id, len(box.received))
                + (tr("，问题 {0} 项（见下方列表）。").format(bad) if bad else tr("，与清单一致。")),
                "bad" if bad else "ok")

        self._act(Step.RECEIVE, lambda wf: wf.close_box(), tr("正在结束核对…"), done)

    def hand_out(self) -> None:
        s = self._screen(Step.CUSTODY)
        count, teller = s.count.text(), s.teller.text()
        self._act(Step.CUSTODY, lambda wf: wf.hand_out(count, teller), tr("正在领用…"), custody=True)

    def take_back(self) -> None:
        teller = self._screen(Step.CUSTODY).teller.text()
        self._act(Step.CUSTODY, lambda wf: wf.take_back(teller), tr("正在交回…"), custody=True)

    def refresh_overview(self) -> None:
        stock = self.desk.stock
        teller = self._screen(Step.CUSTODY).teller.text().strip() or self.desk.teller

        def read() -> tuple[int, list[str]]:
            return stock.stock_count(), [c.chip_serial for c in stock.custody(teller)]

        def show(result: tuple[int, list[str]]) -> None:
            count, mine = result
            listed = tr("、").join(mine[:12]) + (tr("等") if len(mine) > 12 else "")
            self._screen(Step.CUSTODY).overview.setText(
                tr("网点库存 {0} 张；柜员 {1} 保管 {2} 张").format(count, teller, len(mine)) + (tr("：{0}").format(
                        listed) if mine else tr("。")))

        self.ops.run(read, show, lambda e: log.warning("stock overview: %s", type(e).__name__))

    def spoil(self) -> None:
        s = self._screen(Step.SPOIL)
        self._spoil(s.serial.text(), s.reason.text(), s.fields.approval(), tr("正在授权并登记废卡…"))

    def _spoil(self, serial: str, reason: str, approval: SupervisorApproval, busy: str) -> None:
        s = self._screen(Step.SPOIL)
        s.fields.clear_secrets()
        if s.fields.remote is not None:  # handed on (or authorised here): ready for another
            s.fields.remote.rearm()

        def done(_place: Any) -> None:
            s.serial.clear()
            s.reason.clear()
            s.supervisor.clear()

        self._act(Step.SPOIL, lambda wf: wf.spoil(serial, reason, approval), busy, done, custody=True)

    def remote_spoil_summary(self) -> str:
        """What the supervisor at another counter reads (the serial's tail and the reason);
        both are kept, so the approval spoils that card with that reason."""
        s = self._screen(Step.SPOIL)
        self.remote_spoil = serial, reason = spoil_request(s.serial.text(), s.reason.text())
        return spoil_summary(serial, reason)

    def remote_spoil_purpose(self) -> str:
        """The card the summary kept, by its serial: the approval spoils that card only."""
        return spoil_purpose(self.remote_spoil[0])

    def spoil_remotely(self, request_id: str) -> None:
        (serial, reason), self.remote_spoil = self.remote_spoil, ("", "")
        remote = self._screen(Step.SPOIL).fields.remote
        wf = self.wizard
        if (self.busy or wf is None or wf.current != Step.SPOIL) and remote is not None:
            remote.unused()  # another act running, or the teller moved to another screen
        elif serial:
            self._spoil(serial, reason, SupervisorApproval.remote(request_id), tr("正在核验远程授权并登记废卡…"))

    def reconcile(self, mine: bool) -> None:
        screen = self._screen(Step.RECONCILE)
        values = screen.values()
        screen.sheet_status.setText("")  # a new reconciliation: the last sheet's status is stale
        self.sheet = None
        self._act(Step.RECONCILE, lambda wf: wf.reconcile(values["counted_stock"],
                                                          values["counted_custody"], mine),
                  tr("正在盘点对账…"))

    # -- the count sheet -------------------------------------------------------------------------
    def with_sheet(self, then: Callable[[str, bytes], None]) -> None:
        wf = self.wizard
        if wf is None or wf.record.reconciliation is None or self.busy:
            return
        number = wf.record.sheet_no
        if self.sheet is not None and self.sheet[0] == number:
            then(*self.sheet)
            return

        def done(pdf: bytes) -> None:
            self.sheet = (number, pdf)
            then(number, pdf)

        self.run(wf.count_sheet, done, busy=tr("正在生成盘点表…"))

    def sheet_action(self, action: str, path: Path | None = None) -> None:
        status = self._screen(Step.RECONCILE).sheet_status

        def act(number: str, pdf: bytes) -> None:
            if action == "preview":
                dialog = DocumentPreview(tr("空白卡盘点表"), pdf, self,
                                         on_print=lambda: self.sheet_action("print"),
                                         on_save=lambda: self.sheet_action("save"))
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.open()
                return
            if action == "print":
                self._print(number, pdf, status)
                return
            target = path
            if target is None:
                chosen = ImportDialogs.save_pdf(self, tr("空白卡盘点表-{0}.pdf").format(number))
                if not chosen:
                    return
                target = Path(chosen)
            if target.suffix.lower() != ".pdf":
                target = target.with_suffix(".pdf")
            self.run(lambda: write_private(target, pdf),
                     lambda saved: _status(status, tr("盘点表已保存为 {0}").format(saved)),
                     lambda e: _status(status, tr("盘点表保存失败（{0}），请换一个位置。").format(
                             type(e).__name__), False),
                     busy=tr("正在保存PDF…"))

        self.with_sheet(act)

    def _print(self, number: str, pdf: bytes, status: QLabel) -> None:
        printer = self.find_printer(self.printer_name)
        if printer is None:
            _status(status, tr("本机没有可用的打印机，盘点表未打印。请“另存为PDF”后到可打印的电脑打印。"), False)
            return
        printer.setDocName(tr("空白卡盘点表 {0}").format(number))
        try:
            pages = paint_pdf(pdf, printer)
        except CounterError as error:
            _status(status, tr(error.message_zh), False)
            return
        _status(status, tr("盘点表已发送到打印机“{0}”（{1} 页）。").format(printer.printerName(), pages))
