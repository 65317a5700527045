"""日终轧账: the teller's day-end for the own work session — businesses, fees by method, cash
counted against what the drawer should hold, cards, what is unsent — each difference
explained in a line beside it, then the session closed with the sheet saved as PDF (and
CSV). A fee refund (with a supervisor's authorisation) and the branch's sheet for the day
are here too.

Every call to the desks runs on the window's worker; widgets are touched on the UI thread.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.private_files import write_private
from counter_app.ui.feedback import run_then_idle, show_message
from counter_app.ui.i18n import tr
from counter_app.ui.login_window import error_text
from counter_app.ui.ops import Ops
from counter_app.ui.qt import named
from counter_app.ui.supervisor_dialog import RemoteAsk, RemoteDesk, RemoteWait, SupervisorFields
from counter_app.ui.theme import BAD, MUTED, OK
from counter_app.ui.widgets import FormGrid
from counter_app.workflows.day_end import DayEndDesk, DayEndReport
from counter_app.workflows.day_end.report import BUSINESS_ACTIONS, yuan
from counter_app.workflows.fees import FeeDesk
from counter_app.workflows.fees.desk import FeeRefused, describe_fee, refund_purpose
from counter_app.workflows.remote_approval import refund_summary
from counter_app.workflows.supervisor import SupervisorApproval

log = logging.getLogger(__name__)


def report_html(r: DayEndReport) -> str:
    """The figures as the teller reads them on screen (the sheet prints the same)."""
    def rows(items: list[tuple[str, str]]) -> str:
        return "".join(f"<tr><td style='color:{MUTED}; padding-right:18px'>{html.escape(k)}</td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in items)

    business = [(tr(b.title_zh), tr("{0} 笔").format(b.done) + (tr("（未受理 {0}）").format(
            b.not_done) if b.not_done else ""))
                for b in r.businesses] or [(tr("业务"), tr("当日无业务"))]
    fees = [(tr(f.method_zh), tr("收 {0} 笔 {1}，退 {2} 笔 "
                          "{3}，净 {4}").format(
                                  f.collected, yuan(f.collected_fen), f.refunded, yuan(f.refunded_fen),
                                      yuan(f.net_fen))) for f in r.fees]
    counted = tr("未清点") if r.cash_counted_fen is None else yuan(r.cash_counted_fen)
    cash = [(tr("备用金"), yuan(r.opening_float_fen)), (tr("现金应有"), yuan(r.cash_expected_fen)), (tr("现金实点"),
        counted)]
    c = r.cards
    cards = [(tr("批次签收 / 领卡启用"), f"{c.received_in_batches} / {c.handed_out}")]
    if r.blank_stock:
        cards.insert(0, (tr("空白卡 领用 / 交回 / 发卡 / 废卡 / 在保管"),
                         f"{c.handed} / {c.taken_back} / {c.issued} / {c.spoiled} / {c.holding}"))
    unsent = ([(tr("待上传"), tr("{0} 笔（").format(
            len(r.unsent)) + tr("、").join(f"#{u.id} {tr(u.operation_zh)}" for u in r.unsent[:5])
                + ("……" if len(r.unsent) > 5 else "") + tr("）"))] if r.unsent
              else [(tr("待上传"), tr("无：业务已全部送达中心"))])
    parts = [(tr("业务笔数"), business), (tr("工本费"), fees), (tr("现金"), cash), (tr("卡片"), cards), (tr("中心上传"),
        unsent)]
    return "".join(f"<p style='font-size:15px; font-weight:bold; margin:6px 0 2px'>{t}</p>"
                   f"<table style='font-size:14px'>{rows(items)}</table>" for t, items in parts)


def branch_html(r: DayEndReport) -> str:
    """The branch over every counter PC from the central, or the plain statement that the line
    is down and the figures are this PC's only; this PC's own figures always."""
    own = tr("本机（柜台 {0}）：业务 {1} 笔，工本费净额 {2}，当日会话 {3} 个").format(
        r.counter_id, r.businesses_done, yuan(r.fees_net_fen), len(r.sessions))
    bw = r.branch_wide
    if bw is None or bw.data is None:
        note = tr(bw.note_zh) if bw is not None else ""
        return (f"<p style='color:{BAD}; font-size:14px'>{html.escape(note)}</p>"
                f"<p style='font-size:14px'>{html.escape(own)}</p>")
    d = bw.data
    rows = []
    for counter in d.counters:
        f = counter.figures
        if f is None:
            state, color = tr("未上报日终汇总"), BAD
        else:
            state = tr("已上报：会话 {0}（未结束 {1}），业务 {2} 笔，"
                       "工本费净额 {3}，差异未说明 {4}，待上传 {5}").format(
                f.sessions, f.open_sessions, sum(b.done for b in f.businesses),
                yuan(sum(x.collected_fen - x.refunded_fen for x in f.fees)), f.unexplained, f.unsent)
            color = BAD if f.open_sessions or f.unexplained else OK
        rows.append(f"<tr><td style='color:{MUTED}; padding-right:18px'>"
                    f"{html.escape(tr('柜台 {0}').format(counter.counter_id))}</td>"
                    f"<td style='color:{color}'>{html.escape(state)}</td></tr>")
    t = d.totals
    business = tr("、").join(f"{tr(BUSINESS_ACTIONS.get(b.kind, b.kind))} {b.done}" for b in t.businesses) \
        or tr("无")
    fees = tr("收 {0} 笔，退 {1} 笔，净额 {2}").format(
        sum(f.collected for f in t.fees), sum(f.refunded for f in t.fees),
        yuan(sum(f.collected_fen - f.refunded_fen for f in t.fees)))
    c = t.cards
    cards = tr("空白卡 领用 {0} / 发卡 {1} / 废卡 {2}；批次签收 {3}；领卡 {4}").format(
        c.handed, c.issued, c.spoiled, c.received_in_batches, c.handed_out)
    head = tr("全网点（中心汇总，{0}）").format(bw.asked_at)
    totals = "".join(f"<tr><td style='color:{MUTED}; padding-right:18px'>{html.escape(k)}</td>"
                     f"<td>{html.escape(v)}</td></tr>" for k, v in (
                         (tr("业务笔数"), business), (tr("工本费"), fees), (tr("卡片"), cards),
                         (tr("差异"), tr("{0} 项（未说明 {1}）").format(t.differences, t.unexplained))))
    return (f"<p style='font-size:15px; font-weight:bold; margin:6px 0 2px'>{html.escape(head)}</p>"
            f"<table style='font-size:14px'>{''.join(rows)}{totals}</table>"
            f"<p style='font-size:14px'>{html.escape(own)}</p>")


class DayEndPage(QWidget):
    sig_closed = Signal(object)  # the closed WorkSessionFacts

    def __init__(self, desk: DayEndDesk, fees: FeeDesk, ops: Ops, *, second_factor: bool = True,
                 remote: RemoteDesk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DayEndPage")
        self.desk, self.fees, self.ops = desk, fees, ops
        self.report: DayEndReport | None = None
        self.busy = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(28, 20, 28, 20)
        lay.setSpacing(10)
        title = QLabel(tr("日终轧账"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        lay.addWidget(title)
        self.summary = named(QLabel(tr("正在汇总…"), wordWrap=True), "DayEndSummary")
        self.summary.setStyleSheet("font-size: 15px;")
        lay.addWidget(self.summary)
        self.figures = named(QLabel("", wordWrap=True), "DayEndFigures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.figures)

        cash_row = QHBoxLayout()
        cash_row.addWidget(QLabel(tr("现金实点（元）")))
        self.cash = named(QLineEdit(), "CashCounted")
        self.cash.setPlaceholderText(tr("钱箱内现金合计，含备用金"))
        self.cash.setMinimumWidth(260)  # the hint whole, not cut to "钱箱内现金合计，…"
        self.cash.returnPressed.connect(self.count_cash)
        cash_row.addWidget(self.cash)
        self.cash_button = self._button(tr("登记实点"), "CountCash", self.count_cash, cash_row)
        cash_row.addStretch(1)
        lay.addLayout(cash_row)

        self.diff_box = named(QFrame(), "Card")
        self.diff_lay = QVBoxLayout(self.diff_box)
        self.diff_lay.setContentsMargins(16, 10, 16, 10)
        lay.addWidget(self.diff_box)
        self.explain_edits: dict[str, QLineEdit] = {}

        actions = QHBoxLayout()
        self.refresh_button = self._button(tr("重新汇总 (F5)"), "RefreshDayEnd", self.refresh, actions)
        self.save_button = self._button(tr("保存说明"), "SaveExplanations", self.save_explanations, actions)
        self.pdf_button = self._button(tr("轧账单另存为PDF"), "SaveDayEndPdf", lambda: self.save_pdf(None), actions)
        self.csv_button = self._button(tr("导出CSV"), "SaveDayEndCsv", lambda: self.save_csv(None), actions)
        self.close_button = self._button(tr("结束营业（日终）"), "CloseDay", lambda: self.close_day(None), actions)
        self.branch_button = self._button(tr("网点当日轧账单PDF"), "SaveBranchPdf",
                                          lambda: self.save_branch_pdf(None), actions)
        actions.addStretch(1)
        lay.addLayout(actions)
        # the branch over every counter PC, as the central sums the counters' day summaries
        branch_row = QHBoxLayout()
        self.branch_view_button = self._button(tr("全网点汇总"), "ShowBranchWide", self.show_branch_wide,
                                               branch_row)
        self.branch_csv_button = self._button(tr("网点当日CSV"), "SaveBranchCsv",
                                              lambda: self.save_branch_csv(None), branch_row)
        branch_row.addStretch(1)
        lay.addLayout(branch_row)
        self.branch_figures = named(QLabel("", wordWrap=True), "BranchWideFigures")
        self.branch_figures.setTextFormat(Qt.TextFormat.RichText)
        self.branch_figures.setVisible(False)
        lay.addWidget(self.branch_figures)

        refund = self.refund_box = named(QFrame(), "Card")
        rl = QVBoxLayout(refund)
        rl.setContentsMargins(16, 10, 16, 10)
        head = QLabel(tr("本会话收费（退费须主管授权）"))
        head.setStyleSheet("font-size: 16px; font-weight: bold;")
        rl.addWidget(head)
        self.fee_list = named(QListWidget(), "SessionFees")
        self.fee_list.setMinimumHeight(80)
        self.fee_list.setMaximumHeight(150)
        rl.addWidget(self.fee_list)
        grid = FormGrid()
        self.refund_reason = named(QLineEdit(), "RefundReason")
        self.refund_reason.setPlaceholderText(tr("例如：中心未受理、重复收费"))
        grid.add("reason", tr("退费原因"), self.refund_reason)
        rl.addLayout(grid)
        # the one place a supervisor types an authorisation (user, password, one-time code)
        self.approver = SupervisorFields(prefix="Refund", second_factor=second_factor)
        rl.addWidget(self.approver)
        row = QHBoxLayout()
        self.refund_button = self._button(tr("退还所选收费"), "RefundFee", self.refund, row)
        row.addStretch(1)
        rl.addLayout(row)
        # 远程授权: a supervisor at another counter approves this refund (docs/supervision.md)
        self.remote_refund: tuple[str, str] = ("", "")  # the receipt and reason asked for
        self.remote_wait: RemoteWait | None = None
        if remote is not None:
            # the purpose names the receipt the summary took (read after it): the approval
            # refunds that receipt only
            self.remote_wait = RemoteWait(RemoteAsk(
                remote, ops, lambda: refund_purpose(self.remote_refund[0]), self._remote_summary,
                fees.teller), refund)
            self.remote_wait.approved.connect(self._refund_remotely)
            rl.addWidget(self.remote_wait)
        lay.addWidget(refund)
        self.message = named(QLabel("", wordWrap=True), "DayEndMessage")
        lay.addWidget(self.message)
        lay.addStretch(1)

    @staticmethod
    def _button(text: str, name: str, slot: Callable[[], Any], row: QHBoxLayout) -> QPushButton:
        button = named(QPushButton(text), name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # -- behaviour ----------------------------------------------------------------------------
    def open(self) -> None:
        self.refresh()

    def say(self, text: str, ok: bool = True) -> None:
        show_message(self.message, text, ok)

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None], busy_zh: str) -> None:
        self.busy = True
        self.say(busy_zh)
        run_then_idle(self.ops, fn, done, lambda error: self.say(error_text(error), ok=False),
                      self._idle, log, "day-end action")

    def _idle(self) -> None:
        self.busy = False

    def refresh(self, message: str = "") -> None:
        desk, fees = self.desk, self.fees

        def read() -> tuple[DayEndReport | None, list[Any], str]:
            if desk.own_session() is None:
                return None, [], ""
            return desk.teller_report(), fees.session_fees(), ""

        def show(result: tuple[DayEndReport | None, list[Any], str]) -> None:
            self.show_report(result[0], result[1])
            self.say(message)

        self._run(read, show, tr("正在汇总当日业务…"))

    def show_report(self, report: DayEndReport | None, fees: list[Any]) -> None:
        self.report = report
        for w in (self.cash, self.cash_button, self.save_button, self.pdf_button, self.csv_button,
                  self.close_button, self.refund_button):
            w.setEnabled(report is not None)
        while self.diff_lay.count():
            old = self.diff_lay.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:
                widget.deleteLater()
        self.explain_edits = {}
        self.fee_list.clear()
        # a refund needs a fee of this open session: no card of empty boxes otherwise
        self.refund_box.setVisible(report is not None and bool(fees))
        if report is None:
            self.summary.setText(tr("您没有未结束的柜员会话：日终轧账针对本人的营业会话。请先在“柜员会话”开始营业。"))
            self.figures.setText("")
            self.diff_box.setVisible(False)
            return
        self.summary.setText(tr("柜员 {0} · 营业日 {1} · {2}").format(report.teller, report.day, tr(report.session_zh)))
        self.figures.setText(report_html(report))
        self.diff_box.setVisible(True)
        head = QLabel(tr("差异（{0} 项）").format(
                len(report.differences)) if report.differences else tr("账实相符，无差异。"))
        head.setStyleSheet(f"font-size: 16px; font-weight: bold; color: {BAD if report.differences else OK};")
        self.diff_lay.addWidget(head)
        for i, d in enumerate(report.differences):
            text = named(QLabel(tr(d.text_zh), wordWrap=True), f"Difference_{i}")
            text.setStyleSheet(f"color: {BAD}; font-size: 14px;")
            self.diff_lay.addWidget(text)
            edit = named(QLineEdit(d.explanation), f"Explain_{i}")
            edit.setPlaceholderText(tr("说明原因（至少4个字），例如：现金多收已当面退还"))
            self.diff_lay.addWidget(edit)
            self.explain_edits[d.key] = edit
        for f in fees:
            item = QListWidgetItem(tr(describe_fee(f)))
            item.setData(Qt.ItemDataRole.UserRole, f.receipt_no if f.kind == "collect" else "")
            item.setData(Qt.ItemDataRole.UserRole + 1, describe_fee(f))  # Chinese, for 远程授权
            self.fee_list.addItem(item)

    def count_cash(self) -> None:
        if self.busy or self.report is None:
            return
        desk, text = self.desk, self.cash.text()

        def done(fen: int) -> None:
            self.cash.clear()
            self.refresh(tr("已登记现金实点 {0}。").format(yuan(fen)))

        self._run(lambda: desk.count_cash(text), done, tr("正在登记现金实点…"))

    def save_explanations(self) -> None:
        report = self.report
        if self.busy or report is None:
            return
        given = {d.key: self.explain_edits[d.key].text().strip() for d in report.differences
                 if d.key in self.explain_edits}
        changed = {k: v for k, v in given.items()
                   if v and v != next(d.explanation for d in report.differences if d.key == k)}
        desk = self.desk

        def save() -> int:
            for key, text in changed.items():
                desk.explain(key, text)
            return len(changed)

        self._run(save, lambda n: self.refresh(tr("已保存 {0} 项差异说明（记入审计日志）。").format(
                n)), tr("正在保存说明…"))

    def _write(self, path: Path | None, suffix: str, make: Callable[[DayEndReport], bytes], what: str) -> None:
        report = self.report
        if self.busy or report is None:
            return
        if path is None:
            from counter_app.ui.application.steps import ImportDialogs

            chosen = ImportDialogs.save_pdf(self, tr("日终轧账-{0}-{1}{2}").format(report.teller, report.day, suffix))
            if not chosen:
                return
            path = Path(chosen)
        target = path if path.suffix.lower() == suffix else path.with_suffix(suffix)
        desk = self.desk

        def write() -> Path:
            saved = write_private(target, make(report))
            desk.record_output(report, suffix.lstrip("."))
            return saved

        self._run(write, lambda saved: self.say(tr("{0}已保存为 {1}").format(what, saved)), tr("正在保存{0}…").format(
                what))

    def save_pdf(self, path: Path | None) -> None:
        self._write(path, ".pdf", self.desk.pdf, tr("轧账单"))

    def save_csv(self, path: Path | None) -> None:
        self._write(path, ".csv", lambda r: self.desk.csv(r).encode("utf-8-sig"), tr("轧账CSV"))

    def save_branch_pdf(self, path: Path | None) -> None:
        """The branch's sheet of today (every session in this store), for the supervisor."""
        if self.busy:
            return
        if path is None:
            from counter_app.ui.application.steps import ImportDialogs

            chosen = ImportDialogs.save_pdf(self, tr("网点日终轧账.pdf"))
            if not chosen:
                return
            path = Path(chosen)
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        desk = self.desk

        def write() -> Path:
            report = desk.with_branch_wide(desk.branch_report())
            saved = write_private(target, desk.pdf(report))
            desk.record_output(report, "pdf")
            return saved

        self._run(write, lambda saved: self.say(tr("网点轧账单已保存为 {0}").format(saved)), tr("正在汇总全网点…"))

    def show_branch_wide(self) -> None:
        """The branch's day over every counter PC (the central's sum), beside this PC's own."""
        if self.busy:
            return
        desk = self.desk

        def read() -> DayEndReport:
            return desk.with_branch_wide(desk.branch_report())

        def show(report: DayEndReport) -> None:
            self.branch_figures.setText(branch_html(report))
            self.branch_figures.setVisible(True)
            bw = report.branch_wide
            self.say(tr("已汇总全网点") if bw is not None and bw.available
                     else tr("全网点汇总暂不可用：显示的是本机数据"), ok=bw is not None and bw.available)

        self._run(read, show, tr("正在向中心汇总全网点…"))

    def save_branch_csv(self, path: Path | None) -> None:
        """The branch's figures of today as CSV (this PC's, and every counter's through the
        central when the line is up)."""
        if self.busy:
            return
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getSaveFileName(self, tr("导出CSV"), tr("网点日终轧账.csv"), "CSV (*.csv)")
            if not chosen:
                return
            path = Path(chosen)
        target = path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")
        desk = self.desk

        def write() -> Path:
            report = desk.with_branch_wide(desk.branch_report())
            saved = write_private(target, desk.csv(report).encode("utf-8-sig"))
            desk.record_output(report, "csv")
            return saved

        self._run(write, lambda saved: self.say(tr("网点轧账CSV已保存为 {0}").format(saved)),
                  tr("正在向中心汇总全网点…"))

    def close_day(self, pdf_path: Path | None) -> None:
        """Close the own session (refused while a difference is unexplained); the final sheet
        is saved to ``pdf_path`` when given."""
        if self.busy or self.report is None:
            return
        desk = self.desk

        def close() -> tuple[Any, DayEndReport]:
            closed, final = desk.close()
            if pdf_path is not None:
                write_private(pdf_path, desk.pdf(final))
                desk.record_output(final, "pdf")
            return closed, final

        def done(result: tuple[Any, DayEndReport]) -> None:
            closed, final = result
            self.show_report(None, [])
            self.report = final
            self.pdf_button.setEnabled(True)
            self.csv_button.setEnabled(True)
            self.summary.setText(tr("营业日 {0} 已日终结束（会话 #{1}）。").format(closed.business_day, closed.id))
            self.figures.setText(report_html(final))
            self.say(tr("已结束营业：轧账单") + (tr("已保存为 {0}。").format(
                    pdf_path) if pdf_path else tr("可另存为PDF。")))
            self.sig_closed.emit(closed)

        self._run(close, done, tr("正在日终结束营业…"))

    def _remote_summary(self) -> str:
        """What the remote supervisor reads: the chosen fee (number, amount, method: nothing
        personal) and the reason; the receipt is kept, so the approval refunds that one."""
        item = self.fee_list.currentItem()
        receipt = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
        reason = self.refund_reason.text().strip()
        if self.busy or not receipt:
            raise FeeRefused(tr("请在列表中选择一笔收费（退费记录不能再退）。"), code="FEE_NOT_CHOSEN")
        if not reason:
            raise FeeRefused(tr("请先填写退费原因。"), code="REASON_REQUIRED")
        self.remote_refund = (receipt, reason)
        return refund_summary(str(item.data(Qt.ItemDataRole.UserRole + 1)), reason)

    def _refund_remotely(self, request_id: str) -> None:
        (receipt, reason), fees = self.remote_refund, self.fees
        self.remote_refund = ("", "")

        def done(made: Any) -> None:
            self.refund_reason.clear()
            self.refresh(tr("已退费：{0}，授权主管 {1}（远程授权，已记入审计日志）。").format(
                    tr(describe_fee(made)), made.authorised_by))

        self._run(lambda: fees.refund(receipt, reason, SupervisorApproval.remote(request_id)),
                  done, tr("正在核验远程授权…"))

    def refund(self) -> None:
        item = self.fee_list.currentItem()
        receipt = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
        if self.busy or not receipt:
            self.say(tr("请在列表中选择一笔收费（退费记录不能再退）。"), ok=False)
            return
        missing = self.approver.missing_zh()
        if missing:
            self.say(tr("退费须经主管授权：") + missing, ok=False)
            return
        fees, reason, approval = self.fees, self.refund_reason.text(), self.approver.approval()
        self.approver.clear_secrets()

        def done(made: Any) -> None:
            self.refund_reason.clear()
            self.refresh(tr("已退费：{0}，授权主管 {1}（已记入审计日志）。").format(
                    tr(describe_fee(made)), made.authorised_by))

        self._run(lambda: fees.refund(receipt, reason, approval), done, tr("正在核验主管授权…"))
