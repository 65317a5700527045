"""The certificate page: identify → type and period → print (and reprint), plus a
verification panel (授权码核验) reachable from every step with F9.

Every call to the desk or the workflow runs on the page's one worker (``run``); the screens
read only the immutable record.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.printing import mask_id_number
from counter_app.printing.certificate import CertificateData, detail_rows, gaps
from counter_app.ui.application.documents import document_printer
from counter_app.ui.document_output import DocumentOutputs
from counter_app.ui.i18n import tr, tr_values
from counter_app.ui.persons_card import PersonsCardScreen
from counter_app.ui.qt import named
from counter_app.ui.theme import MUTED, OK
from counter_app.ui.widgets import ID_LIMIT, Banner, FormGrid
from counter_app.ui.wizard_page import StepScreen, message_of
from counter_app.workflows.certificate import (
    KIND_ZH,
    PERIOD_CHOICES,
    STEP_TITLES_ZH,
    CertificateDesk,
    CertificateKind,
    CertificateWorkflow,
    Step,
    Verification,
)
from counter_app.workflows.queries.views import ym_zh

CHOSEN = "chosen"  # the months combo's entry for a from–to period
PERIOD_OFFERED = 120  # months offered in the from–to lists (ten years back)


class CertStep(StepScreen[CertificateWorkflow]):
    step: Step

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.key = cls.step.value
        cls.title_zh = STEP_TITLES_ZH[cls.step]

    def __init__(self, host: CertificatePage) -> None:
        super().__init__(host)
        self.host = host


class IdentifyView(PersonsCardScreen[CertificateWorkflow]):
    key = Step.IDENTIFY
    title_zh = STEP_TITLES_ZH[Step.IDENTIFY]
    lead = tr("请将申请人的居民身份证放在阅读器上，按 F2 读取；无法读卡时手工录入号码并核对证件原件。"
            "申请人带了社保卡的，插入读卡器按 F3 读取（核对为本人现用的卡）；没带卡的凭身份证即可。"
            "核验他人出示的参保证明请按 F9。")
    id_limit = ID_LIMIT

    def __init__(self, host: CertificatePage) -> None:
        self.host = host
        super().__init__(host)

    def add_to_reader_row(self, row: QHBoxLayout) -> None:
        super().add_to_reader_row(row)
        self.verify_button = QPushButton(tr("核验参保证明 (F9)"))
        self.verify_button.clicked.connect(self.host.show_verify)
        row.addWidget(self.verify_button)

    def id_reader_name(self) -> str | None:
        return self.host.desk.id_reader_name

    def who_html(self) -> str:
        ident = self.wf.record.identity
        if ident.source == "reader":
            return tr("<span style='color:{0}; font-weight:bold'>✓ 已读取身份证</span>　"
                      "{1}　{2}").format(OK, html.escape(ident.name), mask_id_number(ident.id_number))
        if ident.id_number:
            return tr("<span style='color:{0}'>手工录入的号码，请核对证件原件。</span>").format(MUTED)
        return ""

    def read_job(self) -> Any:
        return self.wf.read_id_card()



class OptionsView(CertStep):
    step = Step.OPTIONS
    lead = tr("选择证明险种和缴费明细期间（近若干个月，或指定起止月份，最多48个月），点击“出具参保证明”："
            "证明由中心系统出具，授权码和二维码由中心生成，需实时联网。")

    def __init__(self, host: CertificatePage) -> None:
        super().__init__(host)
        self.grid = FormGrid()
        self.kind = named(QComboBox(), "CertKind")
        for kind, title in KIND_ZH.items():
            self.kind.addItem(tr(title), kind.value)
        self.months = named(QComboBox(), "CertMonths")
        for n in PERIOD_CHOICES:
            self.months.addItem(tr("近{0}个月").format(n), str(n))
        self.months.addItem(tr("指定起止月份"), CHOSEN)
        self.grid.add("kind", tr("证明险种"), self.kind)
        self.grid.add("months", tr("缴费明细期间"), self.months, hint=tr("证明上最多打印近48个月的缴费明细"))
        # a chosen period: from–to by calendar month, at most 48 months, not after this month
        period = QHBoxLayout()
        self.period_from = named(QComboBox(), "CertPeriodFrom")
        self.period_to = named(QComboBox(), "CertPeriodTo")
        period.addWidget(self.period_from)
        period.addWidget(QLabel(tr("至")))
        period.addWidget(self.period_to)
        period.addStretch(1)
        self.period_box = QWidget()
        self.period_box.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)
        self.grid.add("period", tr("起止月份"), self.period_box,
                      hint=tr("按自然月计，最多48个月，截止月份不晚于本月"))
        self.months.currentIndexChanged.connect(self._months_changed)
        self.root.addLayout(self.grid)
        row = QHBoxLayout()
        row.addStretch(1)
        self.issue_button = named(QPushButton(tr("出具参保证明 (F5)")), "Primary")
        self.issue_button.clicked.connect(host.issue)
        row.addWidget(self.issue_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        o = self.wf.record.options
        self.kind.setCurrentIndex(max(0, self.kind.findData(o.kind.value)))
        today = self.wf.ctx.today()
        latest = today.year * 12 + today.month - 1
        for box in (self.period_from, self.period_to):
            box.clear()
            for k in range(PERIOD_OFFERED):  # newest first
                ym = f"{(latest - k) // 12}{(latest - k) % 12 + 1:02d}"
                box.addItem(tr(ym_zh(ym)), ym)
        first = o.period_from or self.period_from.itemData(PERIOD_CHOICES[1] - 1)
        self.period_from.setCurrentIndex(max(0, self.period_from.findData(first)))
        self.period_to.setCurrentIndex(max(0, self.period_to.findData(o.period_to)))
        chosen = CHOSEN if o.period_from or o.period_to else str(o.months)
        self.months.setCurrentIndex(max(0, self.months.findData(chosen)))
        self._months_changed()

    def _months_changed(self) -> None:
        self.period_box.setEnabled(self.months.currentData() == CHOSEN)

    def values(self) -> dict[str, str]:
        if self.months.currentData() == CHOSEN:
            return {"kind": str(self.kind.currentData()), "months": "",
                    "period_from": str(self.period_from.currentData() or ""),
                    "period_to": str(self.period_to.currentData() or "")}
        return {"kind": str(self.kind.currentData()), "months": str(self.months.currentData())}

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F5": self.issue_button.click}

    def first_focus(self) -> QWidget | None:
        return self.issue_button


class DoneView(CertStep):
    step = Step.DONE
    lead = tr("证明已由中心系统出具。请打印交申请人；再次打印为补打，证明上标明“补打”。")

    def __init__(self, host: CertificatePage) -> None:
        super().__init__(host)
        self.result = Banner(self, "Result")
        self.root.addWidget(self.result)
        self.code = named(QLabel(""), "AuthCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.root.addWidget(self.code)
        self.summary = named(QLabel("", wordWrap=True), "CertSummary")
        self.root.addWidget(self.summary)
        self.shown_code = ""  # the certificate the print status below belongs to
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for action, text in (("preview", tr("预览 (F6)")), ("print", tr("打印 (F7)")),
                             ("save", tr("另存为PDF (F8)"))):
            button = named(QPushButton(text), f"cert_{action}")
            button.clicked.connect(lambda _c=False, a=action: host.document_action(a))
            row.addWidget(button)
            self.buttons[action] = button
        row.addStretch(1)
        self.root.addLayout(row)
        self.print_status = named(QLabel("", wordWrap=True), "PrintStatus")
        self.root.addWidget(self.print_status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.new_button = named(QPushButton(tr("办理下一笔 (Ctrl+N)")), "Primary")
        self.new_button.clicked.connect(host.new_certificate)
        row.addWidget(self.new_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        issued = self.wf.record.issued
        if issued is None:
            return
        self.code.setText(tr("授权码　{0}").format(issued.auth_code))
        if issued.auth_code != self.shown_code:  # another certificate: no stale print status
            self.shown_code = issued.auth_code
            self.print_status.setText("")
        self.summary.setText(_summary_html(self.wf))
        n = self.wf.record.printings
        o = self.wf.record.options
        period = (tr("{0}至{1}").format(tr(ym_zh(o.period_from)), tr(ym_zh(o.period_to)))
                  if o.chosen_period else tr("近{0}个月").format(o.months))
        self.result.show_message(
            tr("中心系统已出具参保证明（{0}，{1}）。").format(
                html.escape(tr(KIND_ZH[o.kind])), period)
            + (tr("已打印 {0} 次，再次打印将标明“补打”。").format(n) if n else ""), "ok")
        self.buttons["print"].setText(tr("补打 (F7)") if n else tr("打印 (F7)"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F6": self.buttons["preview"].click, "F7": self.buttons["print"].click,
                "F8": self.buttons["save"].click, "Ctrl+N": self.new_button.click}

    def first_focus(self) -> QWidget | None:
        return self.buttons["print"]


def _summary_html(wf: CertificateWorkflow) -> str:
    """What was issued, as the teller checks it with the applicant before printing."""
    data = wf.data()
    rows = [(tr("申请人"), tr("{0}　{1}").format(data.person.name, mask_id_number(data.person.id_number))),
            (tr("证明险种"), tr(data.kind_zh)),
            (tr("缴费明细期间"), tr("{0}（{1}个月）").format(_period(data), len(detail_rows(data)))),
            (tr("出具时间"), f"{data.issued_at:%Y-%m-%d %H:%M:%S}"),
            (tr("有效期至"), tr("{0:%Y-%m-%d}（三个月内有效）").format(data.valid_until))]
    holes = gaps([r.year_month for r in detail_rows(data)])
    if holes:  # named before printing, as the certificate's notes name them
        rows.insert(3, (tr("无缴费记录的月份"), tr("；").join(_span(a, b, n) for a, b, n in holes)))
    cells = "".join(f"<tr><td style='color:{MUTED}; padding:3px 18px 3px 0'>{html.escape(k)}</td>"
                    f"<td style='padding:3px 0'>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


class VerifyView(QWidget):
    """授权码核验: typed or scanned (a scanner types the QR's address); the central decides."""

    def __init__(self, page: CertificatePage) -> None:
        super().__init__()
        self.setObjectName("StepView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.page = page
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 20, 28, 16)
        lay.addWidget(named(QLabel(tr("核验参保证明")), "StepTitle"))
        lay.addWidget(named(QLabel(tr("输入证明上印的授权码，或用扫码枪扫描证明上的二维码，按回车核验。"
                                   "证明真伪只以中心系统的核验结果为准，需实时联网。"),
                                   wordWrap=True), "StepLead"))
        self.grid = FormGrid()
        self.code = named(QLineEdit(), "AuthCodeInput")
        self.code.setPlaceholderText(tr("16位授权码或二维码内容"))
        self.code.setMinimumWidth(520)  # a scanned QR types the whole verification address
        self.code.returnPressed.connect(self.verify)
        self.grid.add("auth_code", tr("授权码"), self.code)
        lay.addLayout(self.grid)
        row = QHBoxLayout()
        self.verify_button = named(QPushButton(tr("核验 (Enter)")), "Primary")
        self.verify_button.clicked.connect(self.verify)
        self.back_button = QPushButton(tr("返回出具证明 (Esc)"))
        self.back_button.clicked.connect(page.leave_verify)
        row.addWidget(self.verify_button)
        row.addWidget(self.back_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.result = Banner(self, "VerifyResult")
        lay.addWidget(self.result)
        self.details = named(QLabel("", wordWrap=True), "VerifyDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.details)
        lay.addStretch(1)

    def verify(self) -> None:
        text = self.code.text()
        self.grid.show_errors({})
        self.result.clear()
        self.details.setText("")

        def failed(error: BaseException) -> None:
            self.result.show_message(html.escape(message_of(error)), "bad")

        self.page.run(lambda: self.page.desk.verify(text), self.show_result, failed,
                      busy=tr("正在向中心系统核验…"))

    def show_result(self, v: Verification) -> None:
        self.code.setText(v.auth_code)  # the code itself, not the scanned address
        self.result.show_message(html.escape(tr(v.verdict_zh)), "ok" if v.valid else "warn")
        rows = []
        for label, value in v.lines_zh()[1:]:  # the verdict is the banner above
            if label == "内容摘要":
                value = value[:16] + "…"
            rows.append(f"<tr><td style='color:{MUTED}; padding:3px 18px 3px 0'>"
                        f"{html.escape(tr(label))}</td><td style='padding:3px 0'>"
                        f"<b>{html.escape(tr(value))}</b></td></tr>")
        self.details.setText(
            "<table>" + "".join(rows) + tr("</table><p style='margin-top:10px'>"
            "请核对证明上的姓名、证件号码、险种、期间和授权码与以上结果一致。"
            "打印次数多于证明上标注的次数时，说明另有补打件，以最新打印件为准。</p>"))


class CertificatePage(DocumentOutputs[CertificateWorkflow]):
    title_zh = tr("参保证明打印")
    screens: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        Step.IDENTIFY: IdentifyView, Step.OPTIONS: OptionsView, Step.DONE: DoneView}
    global_keys = ("F2", "F3", "F5", "F6", "F7", "F8", "F9", "Ctrl+N", "Esc")
    no_back = frozenset({Step.IDENTIFY, Step.DONE})
    no_next = frozenset({Step.OPTIONS, Step.DONE})

    def __init__(self, desk: CertificateDesk, *, printer_name: str = "",
                 find_printer: Callable[[str], QPrinter | None] = document_printer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.printer_name = printer_name
        self.find_printer = find_printer
        self.verify_view = VerifyView(self)
        self.stack.addWidget(self.verify_view)

    @property
    def wf(self) -> CertificateWorkflow | None:
        return self.wizard

    def view(self, step: Step) -> Any:
        return self.step_screen(step)

    def open(self) -> None:
        if self.wizard is None:
            self.new_certificate()

    def new_certificate(self) -> None:
        if self.busy:
            return
        self.banner.clear()
        self.last_pdf = None
        self.show_wizard(self.desk.new())
        self.show_step()

    def discard(self) -> None:
        if not self.busy:
            self.new_certificate()

    def can_discard(self) -> bool:
        return self.wizard is not None and self.wizard.step is not Step.DONE

    def who_text(self) -> str:
        wf = self.wizard
        if wf is None or not wf.id_number:
            return tr("申请人：尚未识别")
        return tr("申请人：{0}").format(wf.label())

    # -- verification ----------------------------------------------------------------------
    def show_verify(self) -> None:
        self.banner.clear()
        self.stack.setCurrentWidget(self.verify_view)
        self.update_nav()
        self.verify_view.code.setFocus()

    def leave_verify(self) -> None:
        if self.wizard is None:
            self.new_certificate()
        else:
            self.show_step()

    def step_key(self, key: str) -> None:
        if self.stack.currentWidget() is self.verify_view:
            if key == "Esc":
                self.leave_verify()
            return
        if key == "F9":
            self.show_verify()
            return
        super().step_key(key)

    # -- issue -------------------------------------------------------------------------------
    def issue(self) -> None:
        wf, screen = self.wizard, self.current_screen()
        if wf is None or screen is None or self.busy or wf.step is not Step.OPTIONS:
            return
        values = screen.values()

        def job() -> Any:
            errors = wf.apply(Step.OPTIONS, values)
            if errors:
                raise _FieldErrors(errors)
            return wf.issue()

        def failed(error: BaseException) -> None:
            if isinstance(error, _FieldErrors):
                screen.show_errors(tr_values(error.errors))
            else:
                self.banner.show_message(html.escape(message_of(error)), "bad")

        self.banner.clear()
        self.run(job, lambda _r: self.show_step(), failed, busy=tr("正在向中心系统申请出具证明…"))

    # -- documents ---------------------------------------------------------------------------
    document_title = tr("参保证明")
    document_busy = tr("正在生成证明…")
    no_printer = tr("本机没有可用的打印机，证明未打印（未计入打印次数）。请“另存为PDF”后打印，"
                    "或联系网点技术支持检查打印机。")
    printed = tr("参保证明已发送到打印机“{0}”（{1} 页）。")
    saved = tr("参保证明已保存为 {0}")

    def document_ready(self) -> bool:
        return self.wizard is not None and self.wizard.record.issued is not None

    def preview_document(self) -> bytes:
        assert self.wizard is not None
        return self.wizard.preview_pdf()

    def output_document(self, how: str) -> bytes:
        assert self.wizard is not None
        return self.wizard.output_pdf(how)

    def document_file_name(self) -> str:
        issued = self.wizard.record.issued if self.wizard is not None else None
        return tr("参保证明-{0}.pdf").format(issued.auth_code if issued is not None else "")

    def document_status_label(self) -> QLabel:
        done = self.step_screen(Step.DONE)
        assert isinstance(done, DoneView)
        return done.print_status


class _FieldErrors(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("field errors")
        self.errors = errors


def close_dialogs(page: CertificatePage) -> None:
    for dialog in page.findChildren(QDialog):
        dialog.close()


__all__ = ["CertificateKind", "CertificatePage", "close_dialogs"]


def _span(first: str, last: str, n: int) -> str:
    if n == 1:
        return tr("{0}（1个月）").format(tr(ym_zh(first)))
    return tr("{0}至{1}（{2}个月）").format(tr(ym_zh(first)), tr(ym_zh(last)), n)


def _period(data: CertificateData) -> str:
    """The detail's period in the UI's language (the printed certificate keeps its Chinese)."""
    rows = detail_rows(data)
    if not rows:
        return tr("无缴费记录")
    return tr("{0}至{1}").format(tr(ym_zh(rows[0].year_month)), tr(ym_zh(rows[-1].year_month)))
