"""Loss (挂失) and de-loss (解挂) in the main window's work area: the page base rendering a
:class:`CardLossWorkflow`, with four screens — identify, the card and both functions' states,
the choice per function (only what the state table allows is enabled), the receipt.

Every workflow call runs on the page's worker; screens read the immutable record only.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.card_states import CARD_STATE_NAMES_ZH, CardState
from counter_app.domain.clock import CHINA_TIME
from counter_app.ui.application.documents import document_printer
from counter_app.ui.card_case_page import CardCasePage, CardIdentifyScreen
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.receipts import ReceiptActions, ReceiptScreen
from counter_app.ui.theme import BAD, MUTED
from counter_app.ui.widgets import FormGrid
from counter_app.ui.wizard_page import StepScreen, WizardPage, message_of
from counter_app.workflows.card_loss import (
    OPERATION_TITLES_ZH,
    CardLossDesk,
    CardLossWorkflow,
    CardSource,
    Operation,
    Step,
)
from counter_app.workflows.card_loss.rules import bank_name, current_state, mask_card_no, parse_time
from counter_app.workflows.errors import StepInvalid

Screen = StepScreen[CardLossWorkflow]


def _page(screen: Screen) -> CardLossPage:
    page = screen.page
    assert isinstance(page, CardLossPage)
    return page


class IdentifyScreen(CardIdentifyScreen[CardLossWorkflow]):
    key = Step.IDENTIFY
    lead = tr("请选择业务，将持卡人的居民身份证放在阅读器上按 F2 读取；无法读卡时手工录入号码。")

    def kinds(self) -> Mapping[str, tuple[str, str]]:
        return {Operation.LOSS: (tr("挂失（正式挂失，含临时挂失转正式挂失）"), "OpLoss"),
                Operation.DELOSS: (tr("解挂（须持找回的原卡，限发卡银行网点）"), "OpDeloss")}

    def set_kind(self, value: str) -> None:
        self.wf.set_operation(value)


class CardScreen(Screen):
    key = Step.CARD
    title_zh = tr("查询卡片")
    lead = tr("系统向中心查询持卡人的社保卡及社保、金融两项功能的状态。")

    def __init__(self, page: WizardPage[CardLossWorkflow]) -> None:
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
        self.read_button = named(QPushButton(tr("读取社保卡 (F3)")), "ReadCard")
        self.read_button.clicked.connect(self.read_card)
        row.addWidget(self.query_button)
        row.addWidget(self.read_button)
        self.card_reader = named(QLabel(""), "Hint")
        row.addWidget(self.card_reader)
        row.addStretch(1)
        self.root.addLayout(row)
        self.grid = FormGrid()
        self.card_no = named(QLineEdit(), "CardNo")
        self.card_no.setPlaceholderText(tr("专线中断且无卡时，按持卡人提供的卡号录入"))
        self.grid.add("card_no", tr("社保卡号"), self.card_no)
        self.typed = QWidget()
        self.typed.setLayout(self.grid)
        self.root.addWidget(self.typed)
        self.root.addStretch(1)

    def entered(self) -> None:
        r = self.wf.record
        if r.card is None and not r.line_down:
            self.query()

    def load(self) -> None:
        r, page = self.wf.record, _page(self)
        reader = page.desk.card_reader_name
        self.card_reader.setText(tr("读卡器：{0}").format(tr(reader)) if reader else tr("本柜台未配置社保卡读卡器"))
        self.read_button.setEnabled(reader is not None)
        self.typed.setVisible(r.line_down and r.operation is Operation.LOSS)
        self.card_no.setText(r.card.card_no if r.card and r.card.source is CardSource.TYPED else "")
        card = r.card
        parts: list[str] = []
        if r.line_down:
            parts.append(tr("<p style='color:{0}'>专线中断，无法向中心查询卡片状态。").format(BAD)
                         + (tr("正式挂失可先受理并暂存，线路恢复后优先上传：请读取持卡人的社保卡，"
                            "或录入卡号。") if r.operation is Operation.LOSS else "") + "</p>")
        if card is not None:
            rows = [(tr("社保卡号"), card.card_no)]
            if card.states_known:
                now = self.wf.ctx.clock()
                rows += [(tr("发卡银行"), tr(bank_name(card.bank_code))),
                         (tr("卡片状态"), tr(CARD_STATE_NAMES_ZH[CardState(card.card_state)]))]
                for f, title in (("social", tr("社保功能")), ("financial", tr("金融功能"))):
                    offer = next(o for o in self.wf.offers() if o.function.value == f)
                    rows.append((title, tr(offer.state_zh)))
                    until = parse_time(card.temp_loss_until)
                    if current_state(card, offer.function, now).value == "TEMP_LOST" and until:
                        rows[-1] = (title, tr("{0}（有效至 {1:%Y-%m-%d %H:%M}）").format(
                                tr(offer.state_zh), until.astimezone(CHINA_TIME)))
                if card.replacement_applied:
                    rows.append((tr("补卡"), tr("已申请补卡")))
            else:
                rows.append((tr("状态"), tr("待中心确认（专线中断）")))
            if r.card_read_no:
                rows.append((tr("读卡"), tr("✓ 已读取持卡人的社保卡") if r.card_read_no == card.card_no
                             else tr("读取的卡片与查询到的卡片不一致")))
            cells = "".join(f"<tr><td style='color:{MUTED}; padding-right:16px'>{k}</td>"
                            f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
            parts.append(f"<table style='font-size:15px'>{cells}</table>")
        self.info.setText("".join(parts))
        self.problem.setText(tr(self.wf.card_error()) if card is not None else "")

    def values(self) -> dict[str, str]:
        return {"card_no": self.card_no.text()} if self.typed.isVisible() else {}

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
            page.banner.show_message(message_of(error), "bad")

        page.banner.clear()
        page.run(self.wf.read_card, done, failed, busy=tr("正在读取社保卡…"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F3": self.read_card, "F5": self.query}


class ChooseScreen(Screen):
    key = Step.CHOOSE
    title_zh = tr("选择功能并办理")
    lead = tr("两项功能分别办理：只有当前状态允许的办理项可以勾选，不可办理的写明了原因。")

    def __init__(self, page: WizardPage[CardLossWorkflow]) -> None:
        super().__init__(page)
        self.boxes: dict[str, QCheckBox] = {}
        self.reasons: dict[str, QLabel] = {}
        for f in ("social", "financial"):
            frame = named(QFrame(), "Card")
            lay = QVBoxLayout(frame)
            lay.setContentsMargins(16, 10, 16, 10)
            box = named(QCheckBox(""), f"fn_{f}")
            box.setStyleSheet("font-size: 15px;")
            reason = named(QLabel("", wordWrap=True), "Hint")
            lay.addWidget(box)
            lay.addWidget(reason)
            self.boxes[f], self.reasons[f] = box, reason
            self.root.addWidget(frame)
        self.grid = FormGrid()
        self.errors = named(QLabel(""), "FieldError")
        self.errors.setStyleSheet(f"color: {BAD};")
        self.root.addWidget(self.errors)
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit_button = named(QPushButton(tr("确认办理 (F9)")), "Primary")
        self.submit_button.setMinimumWidth(180)
        self.submit_button.clicked.connect(lambda: _page(self).submit())
        row.addWidget(self.submit_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        wf = self.wf
        self.title.setText(tr("选择功能并办理 · {0}").format(tr(OPERATION_TITLES_ZH[wf.operation])))
        for offer in wf.offers():
            f = offer.function.value
            box, reason = self.boxes[f], self.reasons[f]
            state = tr("（当前：{0}）").format(tr(offer.state_zh)) if offer.state_zh else tr("（当前状态待中心确认）")
            box.setText(f"{tr(offer.title_zh)}{state}" + (f" → {tr(offer.action_zh)}" if offer.allowed else ""))
            box.setEnabled(offer.allowed)
            box.setChecked(offer.allowed and f in wf.record.chosen)
            reason.setText(tr(offer.reason_zh))
            reason.setVisible(bool(offer.reason_zh))
        self.errors.setText("")
        self.submit_button.setText(tr("确认{0} (F9)").format(tr(OPERATION_TITLES_ZH[wf.operation])))

    def values(self) -> dict[str, str]:
        return {f: "1" if b.isChecked() and b.isEnabled() else "" for f, b in self.boxes.items()}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.errors.setText(next(iter(errors.values()), ""))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F9": self.submit_button.click}

    def first_focus(self) -> QWidget | None:
        return self.submit_button


class DoneScreen(ReceiptScreen[CardLossWorkflow]):
    key = Step.DONE
    lead = tr("请将业务回执交持卡人留存。")

    def load(self) -> None:
        outcome = self.wf.record.outcome
        if outcome is None:
            return
        self.number.setText(tr("业务编号　{0}").format(outcome.receipt_no))
        card = self.wf.record.card
        head = tr("{0} · 卡号 {1}　").format(
                tr(OPERATION_TITLES_ZH[self.wf.operation]), mask_card_no(card.card_no) if card else '')
        kind = "warn" if outcome.status == "pending" else "ok"
        extra = tr("<br>回执上印有“待上传”标记，请告知持卡人挂失待上传中心后生效。") if kind == "warn" else ""
        self.result.show_message(html.escape(head + tr(outcome.message)) + extra, kind)
        self.print_status.setText("")


class CardLossPage(CardCasePage[CardLossWorkflow], ReceiptActions[CardLossWorkflow]):
    sig_accepted = Signal()  # an operation was accepted (the outbox may have grown)

    title_zh = tr("挂失 / 解挂")
    screens: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        Step.IDENTIFY: IdentifyScreen, Step.CARD: CardScreen, Step.CHOOSE: ChooseScreen,
        Step.DONE: DoneScreen,
    }
    global_keys = ("F2", "F3", "F5", "F9", "F10", "F11", "Ctrl+N")
    no_back = frozenset({Step.IDENTIFY, Step.DONE})
    no_next = frozenset({Step.CHOOSE, Step.DONE})

    def __init__(self, desk: CardLossDesk, *, printer_name: str = "",
                 find_printer: Callable[[str], QPrinter | None] = document_printer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CardLossPage")
        self.desk = desk
        self.printer_name = printer_name
        self.find_printer = find_printer

    @property
    def wf(self) -> CardLossWorkflow | None:
        return self.wizard

    def new_case(self, operation: Operation = Operation.LOSS) -> None:
        self.start_case(lambda: self.desk.new(operation))

    def case_title(self, wf: CardLossWorkflow) -> str:
        return tr(OPERATION_TITLES_ZH[wf.operation])

    def id_reader_name(self) -> str | None:
        return self.desk.id_reader_name

    submit_step = Step.CHOOSE

    def submit_job(self, wf: CardLossWorkflow, values: dict[str, str]) -> Any:
        errors = wf.apply(Step.CHOOSE, values)
        if errors or not wf.record.chosen:
            raise StepInvalid(errors or {"functions": tr("请至少选择一项功能。")})
        return wf.submit()

    def submit_busy(self, wf: CardLossWorkflow) -> str:
        return tr("正在办理{0}…").format(tr(OPERATION_TITLES_ZH[wf.operation]))

    def submitted(self) -> None:
        self.sig_accepted.emit()

    def receipt_status_label(self) -> QLabel:
        done = self.step_screen(Step.DONE)
        assert isinstance(done, DoneScreen)
        return done.print_status
