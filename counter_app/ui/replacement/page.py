"""Replacement and exchange in the main window's work area: the page base rendering a
:class:`ReplacementWorkflow` with four screens — identify (and why: lost, damaged, expired),
the old card (states, bank, the old card read), the options (same number, making, the fee),
the receipt.

Every workflow call runs on the page's worker; screens read the immutable record only.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.devices.photo import FrameSource
from counter_app.domain.card_states import (
    CARD_STATE_NAMES_ZH,
    FUNCTION_NAMES_ZH,
    FUNCTION_STATE_NAMES_ZH,
    CardState,
)
from counter_app.ui.application.documents import document_printer, open_preview
from counter_app.ui.card_case_page import CardCasePage, CardIdentifyScreen
from counter_app.ui.fee_box import FeeBox
from counter_app.ui.fee_receipt_box import FeeReceiptBox
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.receipts import ReceiptActions, ReceiptScreen
from counter_app.ui.replacement.making import MakingBox
from counter_app.ui.theme import BAD, MUTED
from counter_app.ui.wizard_page import StepScreen, WizardPage, message_of
from counter_app.workflows.card_loss.rules import FUNCTIONS, bank_name, mask_card_no
from counter_app.workflows.errors import StepInvalid
from counter_app.workflows.replacement import (
    REASON_TITLES_ZH,
    Reason,
    ReplacementDesk,
    ReplacementWorkflow,
    Step,
)
from counter_app.workflows.replacement.handover import Handover
from counter_app.workflows.replacement.rules import fee_zh, function_states

Screen = StepScreen[ReplacementWorkflow]
REASON_LABELS = {
    # short: the four share one row (the lead says the ID card is needed for each)
    Reason.LOST: tr("遗失补卡（原卡须已正式挂失）"),
    Reason.DAMAGED: tr("损坏换卡（交回原卡）"),
    Reason.EXPIRED: tr("到期换卡（交回原卡）"),
    Reason.INFO_CHANGED: tr("信息变更换卡（交回原卡）"),
}


def _page(screen: Screen) -> ReplacementPage:
    page = screen.page
    assert isinstance(page, ReplacementPage)
    return page


class IdentifyScreen(CardIdentifyScreen[ReplacementWorkflow]):
    key = Step.IDENTIFY
    lead = tr("请选择补换原因，将持卡人的居民身份证放在阅读器上按 F2 读取；无法读卡时手工录入号码。")
    kind_field = "reason"

    def kinds(self) -> Mapping[str, tuple[str, str]]:
        return {reason: (text, f"Reason_{reason.value}") for reason, text in REASON_LABELS.items()}

    def set_kind(self, value: str) -> None:
        self.wf.set_reason(value)


class CardScreen(Screen):
    key = Step.CARD
    title_zh = tr("查询原卡")
    lead = tr("系统向中心查询持卡人的社保卡、两项功能的状态和本网点的补换卡规定。")

    def __init__(self, page: WizardPage[ReplacementWorkflow]) -> None:
        super().__init__(page)
        self.info = named(QLabel("", wordWrap=True), "CardInfo")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.root.addWidget(self.info)
        self.problem = named(QLabel("", wordWrap=True), "CardProblem")
        self.problem.setStyleSheet(f"color: {BAD}; font-size: 15px; font-weight: bold;")
        self.root.addWidget(self.problem)
        row = QHBoxLayout()
        self.query_button = named(QPushButton(tr("重新查询 (F5)")), "QueryCard")
        self.query_button.clicked.connect(self.query)
        self.read_button = named(QPushButton(tr("读取原卡 (F3)")), "ReadCard")
        self.read_button.clicked.connect(self.read_card)
        self.loss_button = named(QPushButton(tr("转到挂失 / 解挂")), "GoLoss")
        self.loss_button.clicked.connect(lambda: _page(self).sig_route.emit("loss"))
        for b in (self.query_button, self.read_button, self.loss_button):
            row.addWidget(b)
        self.card_reader = named(QLabel(""), "Hint")
        row.addWidget(self.card_reader)
        row.addStretch(1)
        self.root.addLayout(row)
        self.unreadable = named(QCheckBox(tr("原卡芯片无法读取，已核对卡面卡号并收回原卡")), "ChipUnreadable")
        self.unreadable.setStyleSheet("font-size: 14px;")
        self.unreadable.toggled.connect(self._unreadable_toggled)
        self.root.addWidget(self.unreadable)
        self.root.addStretch(1)

    def entered(self) -> None:
        if self.wf.record.card is None:
            self.query()

    def load(self) -> None:
        r, page = self.wf.record, _page(self)
        reader = page.desk.card_reader_name
        self.card_reader.setText(tr("读卡器：{0}").format(tr(reader)) if reader else tr("本柜台未配置社保卡读卡器"))
        exchange = r.reason is not Reason.LOST
        self.read_button.setVisible(exchange)
        self.read_button.setEnabled(reader is not None)
        self.unreadable.setVisible(exchange and r.card is not None
                                   and r.card_read_no != (r.card.card_no if r.card else ""))
        self.unreadable.blockSignals(True)
        self.unreadable.setChecked(r.chip_unreadable)
        self.unreadable.blockSignals(False)
        card = r.card
        rows: list[tuple[str, str]] = []
        if card is not None:
            rows += [(tr("补换原因"), tr(REASON_TITLES_ZH[r.reason])), (tr("社保卡号"), card.card_no),
                     (tr("发卡银行"), tr(bank_name(card.bank_code))),
                     (tr("卡片状态"), tr(CARD_STATE_NAMES_ZH[CardState(card.card_state)]))]
            states = function_states(card, self.wf.ctx.clock())
            for f in FUNCTIONS:
                rows.append((tr(FUNCTION_NAMES_ZH[f]), tr(FUNCTION_STATE_NAMES_ZH[states[f]])))
            if card.replacement_applied:
                rows.append((tr("补卡"), tr("已申请补换卡")))
            if exchange:
                rows.append((tr("原卡"), tr("✓ 已读取原卡芯片") if r.card_read_no == card.card_no
                             else tr("芯片无法读取，已收回原卡") if r.chip_unreadable
                             else tr("读取的卡片与查询到的卡片不一致") if r.card_read_no
                             else tr("尚未读取")))
        cells = "".join(f"<tr><td style='color:{MUTED}; padding-right:16px'>{k}</td>"
                        f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
        self.info.setText(f"<table style='font-size:15px'>{cells}</table>" if rows else "")
        message, _code = self.wf.card_error() if card is not None else ("", "")
        self.problem.setText(tr(message))
        self.loss_button.setVisible(card is not None and self.wf.needs_loss_first())

    def _unreadable_toggled(self, checked: bool) -> None:
        page = _page(self)

        def done(_r: Any) -> None:
            self.load()
            page.after_change()

        page.run(lambda: self.wf.apply(Step.CARD, {"chip_unreadable": "1" if checked else ""}),
                 done)

    def values(self) -> dict[str, str]:
        return {"chip_unreadable": "1" if self.unreadable.isChecked() else ""}

    def query(self) -> None:
        page = _page(self)

        def done(_r: Any) -> None:
            self.load()
            page.after_change()

        def failed(error: BaseException) -> None:
            self.load()
            page.after_change()
            page.banner.show_message(message_of(error), "bad")

        page.banner.clear()
        page.run(self.wf.find_card, done, failed, busy=tr("正在向中心查询卡片…"))

    def read_card(self) -> None:
        page = _page(self)

        def done(_r: Any) -> None:
            self.load()
            page.after_change()

        def failed(error: BaseException) -> None:
            self.load()
            page.banner.show_message(message_of(error) + tr("　芯片读不出的，请勾选“原卡芯片无法读取”。"),
                                     "bad")

        page.banner.clear()
        page.run(self.wf.read_card, done, failed, busy=tr("正在读取原卡…"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F3": self.read_card, "F5": self.query}


class OptionsScreen(Screen):
    key = Step.OPTIONS
    title_zh = tr("确认补换方式")
    lead = tr("同号换卡保留原银行卡号和账户，养老金、代发工资、代扣协议不受影响；请向持卡人说明工本费。")

    def __init__(self, page: WizardPage[ReplacementWorkflow]) -> None:
        super().__init__(page)
        frame = named(QFrame(), "Card")
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(16, 10, 16, 10)
        self.group = QButtonGroup(self)
        self.same = named(QRadioButton(tr("同号换卡：沿用原银行卡号和账户")), "SameNumber")
        self.new_number = named(QRadioButton(tr("换发新银行卡号")), "NewNumber")
        for b in (self.same, self.new_number):
            b.setStyleSheet("font-size: 15px;")
            self.group.addButton(b)
            lay.addWidget(b)
        self.same_hint = named(QLabel("", wordWrap=True), "Hint")
        lay.addWidget(self.same_hint)
        self.root.addWidget(frame)
        self.making = MakingBox(_page(self), self._making_changed)
        self.root.addWidget(self.making)
        self.summary = named(QLabel("", wordWrap=True), "Summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.root.addWidget(self.summary)
        self.fee_box = FeeBox()
        self.fee_title, self.fee_reference = self.fee_box.title, self.fee_box.reference
        self.fee_cash, self.fee_transfer = self.fee_box.cash, self.fee_box.transfer
        self.root.addWidget(self.fee_box)
        self.errors = named(QLabel("", wordWrap=True), "FieldError")
        self.errors.setStyleSheet(f"color: {BAD};")
        self.root.addWidget(self.errors)
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit_button = named(QPushButton(tr("确认补换卡 (F9)")), "Primary")
        self.submit_button.setMinimumWidth(180)
        self.submit_button.clicked.connect(lambda: _page(self).submit())
        row.addWidget(self.submit_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        wf = self.wf
        r = wf.record
        offered = r.terms is not None and r.terms.same_number_exchange
        self.same.setEnabled(offered)
        (self.same if r.same_number and offered else self.new_number).setChecked(True)
        self.same_hint.setText("" if offered else tr("本网点未开通同号换卡，只能换发新银行卡号。"))
        self.same_hint.setVisible(not offered)
        self.making.load()
        self._summary()
        fee = tr(fee_zh(r.terms.fee_fen)) if r.terms else tr("待查询")
        collects = wf.fees is not None and r.terms is not None and r.terms.fee_fen > 0
        self.fee_box.setVisible(wf.fees is not None and r.terms is not None)
        basis = tr(r.terms.fee_basis_zh) if r.terms is not None else ""
        self.fee_box.show_due(tr("收取工本费：{0}").format(fee) + (tr("（{0}）").format(basis) if basis else "")
                              + (tr("　确认后记入本人柜员会话并出具收据") if collects else ""),
                              collects=collects, method=r.fee.method, reference=r.fee.reference)
        self.errors.setText("")

    def _making_changed(self) -> None:
        self.making.load()
        self._summary()
        self.errors.setText("")

    def _summary(self) -> None:
        wf = self.wf
        r = wf.record
        fee = tr(fee_zh(r.terms.fee_fen)) if r.terms else tr("待查询")
        card = r.card
        rows = [(tr("业务"), tr(REASON_TITLES_ZH[r.reason])),
                (tr("原卡号"), tr("{0}（受理后在中心注销）").format(mask_card_no(card.card_no)) if card else ""),
                (tr("制卡"), tr(wf.making_note_zh())),
                (tr("工本费"), tr("{0}（中心核定的本网点收费标准）").format(fee))]
        cells = "".join(f"<tr><td style='color:{MUTED}; padding-right:16px'>{k}</td>"
                        f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
        self.summary.setText(f"<table style='font-size:15px'>{cells}</table>")

    def values(self) -> dict[str, str]:
        values = {"same_number": "1" if self.same.isChecked() and self.same.isEnabled() else ""}
        if self.making.value():
            values["making"] = self.making.value()
        if self.wf.fees is not None:
            values.update(self.fee_box.values())
        return values

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.errors.setText(next(iter(errors.values()), ""))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F9": self.submit_button.click, **self.making.shortcuts()}

    def first_focus(self) -> QWidget | None:
        return self.submit_button


class DoneScreen(ReceiptScreen[ReplacementWorkflow]):
    key = Step.DONE
    lead = tr("请收取工本费，将业务回执交持卡人留存。")

    def __init__(self, page: WizardPage[ReplacementWorkflow]) -> None:
        super().__init__(page)
        self.fee = named(QLabel(""), "Fee")
        self.fee.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.extra.addWidget(self.fee)
        # made on the spot: straight into the issuance of the new card, beside 办理下一笔
        self.issue_button = named(QPushButton(tr("当场制卡 (F12)")), "Primary")
        self.issue_button.setMinimumWidth(180)
        self.issue_button.clicked.connect(lambda: _page(self).issue_now())
        for i in range(self.root.count()):
            item = self.root.itemAt(i)
            layout = item.layout() if item is not None else None
            if isinstance(layout, QHBoxLayout) and layout.indexOf(self.new_button) >= 0:
                layout.insertWidget(layout.indexOf(self.new_button), self.issue_button)

    def add_below_receipt(self) -> None:
        self.fee_frame = FeeReceiptBox((("preview", tr("预览收据")), ("print", tr("打印收据")),
                                        ("save", tr("收据另存为PDF")), ("retry", tr("重新登记收费"))),
                                       self._fee_handler, buttons_below=True)
        self.fee_receipt, self.fee_buttons = self.fee_frame.text, self.fee_frame.buttons
        self.root.addWidget(self.fee_frame)

    def _fee_handler(self, action: str) -> Callable[[], None]:
        return lambda: _page(self).fee_receipt_action(action)

    def load(self) -> None:
        outcome = self.wf.record.outcome
        if outcome is None:
            return
        # one number a line: both on one line in this font push the buttons off a 1366 px screen
        self.number.setText(tr("业务编号　{0}").format(outcome.receipt_no) + "\n"
                            + tr("中心受理号　{0}").format(outcome.application_id or tr("待中心确认")))
        self.fee.setText(tr("工本费：{0}").format(tr(fee_zh(outcome.fee_fen))))
        r = self.wf.record
        due = r.terms.fee_fen if r.terms is not None else 0
        self.fee_frame.setVisible(self.wf.fees is not None and due > 0)
        self.fee_frame.show_fee(tr(fee_zh(due)), method=r.fee.method, reference=r.fee.reference,
                                receipt_no=r.fee.receipt_no, problem_zh=r.fee.problem_zh)
        kind = "ok" if outcome.status == "done" else "warn"
        self.result.show_message(html.escape(tr(outcome.message)), kind)
        self.print_status.setText("")
        self.issue_button.setVisible(bool(self.wf.issuance_no))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        keys = super().shortcuts()
        return {**keys, "F12": self.issue_button.click} if self.issue_button.isVisible() else keys


class ReplacementPage(CardCasePage[ReplacementWorkflow], ReceiptActions[ReplacementWorkflow]):
    sig_route = Signal(str)  # a catalog business key: the card must be formally lost first
    sig_issue = Signal(str)  # the new card is made on the spot: its instant application

    title_zh = tr("补卡 / 换卡")
    screens: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        Step.IDENTIFY: IdentifyScreen, Step.CARD: CardScreen, Step.OPTIONS: OptionsScreen,
        Step.DONE: DoneScreen,
    }
    global_keys = ("F2", "F3", "F4", "F5", "F9", "F10", "F11", "F12", "Ctrl+N")
    no_back = frozenset({Step.IDENTIFY, Step.DONE})
    no_next = frozenset({Step.OPTIONS, Step.DONE})

    def __init__(self, desk: ReplacementDesk, *, printer_name: str = "",
                 find_printer: Callable[[str], QPrinter | None] = document_printer,
                 camera_factory: Callable[[], FrameSource] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReplacementPage")
        self.desk = desk
        self.camera_factory = camera_factory  # a new photo for a card made on the spot
        self.printer_name = printer_name
        self.find_printer = find_printer

    @property
    def wf(self) -> ReplacementWorkflow | None:
        return self.wizard

    def new_case(self, reason: Reason = Reason.LOST) -> None:
        self.start_case(lambda: self.desk.new(reason))

    def take_over(self, handover: Handover) -> None:
        """A person another business sent here (a data change): identified, with the reason."""
        self.start_case(lambda: self.desk.take_over(handover))

    def issue_now(self) -> None:
        """Hand the accepted replacement's instant application to the issuance."""
        wf = self.wizard
        if wf is not None and not self.busy and wf.issuance_no:
            self.sig_issue.emit(wf.issuance_no)

    def case_title(self, wf: ReplacementWorkflow) -> str:
        return tr(REASON_TITLES_ZH[wf.reason])

    def id_reader_name(self) -> str | None:
        return self.desk.id_reader_name

    submit_step = Step.OPTIONS

    def submit_job(self, wf: ReplacementWorkflow, values: dict[str, str]) -> Any:
        errors = wf.apply(Step.OPTIONS, values)
        if errors:
            raise StepInvalid(errors)
        return wf.submit()

    def submit_busy(self, wf: ReplacementWorkflow) -> str:
        return tr("正在提交补换卡…")

    def fee_receipt_action(self, action: str, path: Any = None) -> None:
        """The fee receipt (工本费收据): preview, print, save; or record the fee again."""
        wf = self.wizard
        if wf is None or self.busy or wf.record.outcome is None:
            return
        if action == "retry":
            def recorded(_fee: Any) -> None:
                self.show_step()

            def refused(error: BaseException) -> None:
                self.show_step()
                self.receipt_status(message_of(error), ok=False)

            self.run(wf.retry_fee, recorded, refused, busy=tr("正在登记收费…"))
            return
        number = wf.record.fee.receipt_no

        def act(pdf: bytes) -> None:
            if action == "preview":
                open_preview(tr("工本费收据"), pdf, self, on_print=lambda: self.fee_receipt_action("print"),
                             on_save=lambda: self.fee_receipt_action("save"))
            elif action == "print":
                self._print(number, pdf)
            else:
                self._save(number, pdf, path)

        self.run(wf.fee_receipt, act, lambda e: self.receipt_status(message_of(e), ok=False),
                 busy=tr("正在生成收据…"))

    def receipt_status_label(self) -> QLabel:
        done = self.step_screen(Step.DONE)
        assert isinstance(done, DoneScreen)
        return done.print_status
