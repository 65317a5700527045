"""密码及卡片服务 in the work area: identify and choose the service, read the card (chip and
both functions' states), act (the function; the person keys PINs on the PIN pad, never on
this screen), the receipt. Every workflow call runs on the page's worker."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.card_states import CARD_STATE_NAMES_ZH, CardState
from counter_app.private_files import write_private
from counter_app.ui.application.documents import open_preview
from counter_app.ui.card_case_page import CardCasePage, CardIdentifyScreen
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, MUTED
from counter_app.ui.widgets import Banner
from counter_app.ui.wizard_page import StepScreen, WizardPage, message_of
from counter_app.workflows.card_loss.rules import bank_name, mask_card_no
from counter_app.workflows.card_services import (
    OPERATION_TITLES_ZH,
    CardServicesDesk,
    CardServicesWorkflow,
    Operation,
    Step,
)
from counter_app.workflows.card_services.handover import ChipWriteHandover
from counter_app.workflows.data_change.record import NATION_NAMES

log = logging.getLogger(__name__)

Screen = StepScreen[CardServicesWorkflow]
PAD_PROMPTS_ZH = {
    Operation.CHANGE_PIN: tr("请持卡人在密码键盘上依次输入：原密码、新密码、再次输入新密码。"),
    Operation.RESET_PIN: tr("请持卡人在密码键盘上输入新密码两次（社保功能）；柜员屏幕不显示密码。"),
}


def _page(screen: Screen) -> CardServicesPage:
    page = screen.page
    assert isinstance(page, CardServicesPage)
    return page


class IdentifyScreen(CardIdentifyScreen[CardServicesWorkflow]):
    key = Step.IDENTIFY
    lead = tr("请选择服务，将持卡人的居民身份证放在阅读器上按 F2 读取；密码重置须读取身份证。")
    typed_hint = tr("<span style='color:{0}'>手工录入的号码，请核对证件原件"
                    "（密码重置须读取身份证）。</span>")

    def kinds(self) -> Mapping[str, tuple[str, str]]:
        return {op: (tr(OPERATION_TITLES_ZH[op]), f"Op_{op.value}") for op in Operation}

    def set_kind(self, value: str) -> None:
        self.wf.set_operation(value)


class CardScreen(Screen):
    key = Step.CARD
    title_zh = tr("读取社保卡")
    lead = tr("请将持卡人的社保卡插入读卡器：芯片中的信息与有效期，及中心登记的社保、金融两项功能状态。")

    def __init__(self, page: WizardPage[CardServicesWorkflow]) -> None:
        super().__init__(page)
        row = QHBoxLayout()
        self.read_button = named(QPushButton(tr("读取社保卡 (F3)")), "ReadCard")
        self.read_button.clicked.connect(self.read_card)
        row.addWidget(self.read_button)
        self.card_reader = named(QLabel(""), "Hint")
        row.addWidget(self.card_reader)
        row.addStretch(1)
        self.root.addLayout(row)
        self.info = named(QLabel("", wordWrap=True), "CardInfo")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.root.addWidget(self.info)
        self.problem = named(QLabel("", wordWrap=True), "CardProblem")
        self.problem.setStyleSheet(f"color: {BAD}; font-size: 15px; font-weight: bold;")
        self.root.addWidget(self.problem)
        self.root.addStretch(1)

    def entered(self) -> None:
        if self.wf.record.chip is None:
            self.read_card()

    def load(self) -> None:
        r, wf = self.wf.record, self.wf
        reader = _page(self).desk.card_reader_name
        self.card_reader.setText(tr("读卡器：{0}").format(tr(reader)) if reader else tr("本柜台未配置社保卡读卡器"))
        self.read_button.setEnabled(reader is not None)
        rows: list[tuple[str, str]] = []
        chip = r.chip
        if chip is not None:
            today = wf.ctx.today().isoformat()
            expired = chip.expiry_date < today
            rows += [(tr("社保卡号"), mask_card_no(chip.card_no)), (tr("姓名（芯片）"), chip.name)]
            if r.operation is Operation.WRITE and chip.nation:  # what the write compares
                rows.append((tr("民族（芯片）"), NATION_NAMES.get(chip.nation, chip.nation)))
            rows += [
                     (tr("有效期（芯片）"), tr("{0} 至 {1}").format(chip.issue_date, chip.expiry_date)
                      + (tr("（已过期）") if expired else tr("（有效）"))),
                     (tr("规范版本"), chip.spec_version)]
            c = r.central
            if c.known:
                rows += [(tr("发卡银行"), tr(bank_name(c.bank_code))),
                         (tr("卡片状态"), tr(CARD_STATE_NAMES_ZH[CardState(c.card_state)]))]
                if r.operation in (Operation.CHANGE_PIN, Operation.RESET_PIN):
                    rows += [(tr(o.title_zh), tr(o.state_zh)) for o in wf.offers()]
                else:
                    from counter_app.domain.card_states import FUNCTION_STATE_NAMES_ZH, CardFunction
                    from counter_app.workflows.pin_services.rules import function_state

                    for f in (CardFunction.SOCIAL, CardFunction.FINANCIAL):
                        state = function_state(c, f, wf.ctx.clock())
                        rows.append((tr("社保功能") if f is CardFunction.SOCIAL else tr("金融功能"),
                                     tr(FUNCTION_STATE_NAMES_ZH[state])))
            elif r.line_down:
                rows.append((tr("中心状态"), tr("专线中断，暂无法查询")))
        cells = "".join(f"<tr><td style='color:{MUTED}; padding-right:16px'>{k}</td>"
                        f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
        self.info.setText(f"<table style='font-size:15px'>{cells}</table>" if rows else "")
        self.problem.setText(tr(wf.card_error()) if chip is not None else "")

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
        return {"F3": self.read_card}


class ActScreen(Screen):
    key = Step.ACT
    title_zh = tr("办理")

    def __init__(self, page: WizardPage[CardServicesWorkflow]) -> None:
        super().__init__(page)
        self.group = QButtonGroup(self)
        self.functions: dict[str, QRadioButton] = {}
        self.reasons: dict[str, QLabel] = {}
        self.frames: list[QFrame] = []
        for f in ("social", "financial"):
            frame = named(QFrame(), "Card")
            lay = QVBoxLayout(frame)
            lay.setContentsMargins(16, 10, 16, 10)
            button = named(QRadioButton(""), f"fn_{f}")
            button.setStyleSheet("font-size: 15px;")
            button.toggled.connect(self._function_toggled)
            self.group.addButton(button)
            reason = named(QLabel("", wordWrap=True), "Hint")
            lay.addWidget(button)
            lay.addWidget(reason)
            self.functions[f], self.reasons[f] = button, reason
            self.frames.append(frame)
            self.root.addWidget(frame)
        self.lead_label = named(QLabel("", wordWrap=True), "StepLead")
        self.root.insertWidget(1, self.lead_label)
        self.note = named(QLabel("", wordWrap=True), "PadPrompt")
        self.note.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit_button = named(QPushButton(tr("办理 (F9)")), "Primary")
        self.submit_button.setMinimumWidth(180)
        self.submit_button.clicked.connect(lambda: _page(self).submit())
        row.addWidget(self.submit_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        wf = self.wf
        op = wf.operation
        self.title.setText(tr("办理 · {0}").format(tr(OPERATION_TITLES_ZH[op])))
        pin = op in (Operation.CHANGE_PIN, Operation.RESET_PIN)
        self.lead_label.setText(tr("密码只在密码键盘上输入，柜员屏幕不显示、系统不记录。") if pin else "")
        self.lead_label.setVisible(pin)
        can = op is Operation.WRITE
        for frame in self.frames:
            frame.setVisible(pin)
        if pin:
            for offer in wf.offers():
                f = offer.function.value
                button = self.functions[f]
                state = tr("（当前：{0}）").format(tr(offer.state_zh)) if offer.state_zh else ""
                button.setText(f"{tr(offer.title_zh)}{state}")
                button.setEnabled(offer.allowed)
                button.setChecked(f == wf.record.function)
                self.reasons[f].setText(tr(offer.reason_zh))
                self.reasons[f].setVisible(bool(offer.reason_zh))
                can = can or (offer.allowed and f == wf.record.function)
            pad = _page(self).desk.pin_pad_name
            self.note.setText(tr(PAD_PROMPTS_ZH[op]) + (tr("（{0}）").format(
                    tr(pad)) if pad else tr("　本柜台未配置密码键盘。")))
        elif op is Operation.WRITE:
            self.note.setText(tr("系统向中心读取最新登记信息，与芯片比对后写入有变化的民族，写后读回核对；"
                              "姓名变更印在卡面上，须办理换卡。请勿在写卡过程中拔卡。"))
        else:
            self.note.setText(tr("读卡查询已完成，无需办理。可返回查询其他持卡人。"))
        self.submit_button.setVisible(op is not Operation.READ)
        self.submit_button.setEnabled(can)
        self.submit_button.setText(tr("写卡 (F9)") if op is Operation.WRITE else
                                   f"{tr(OPERATION_TITLES_ZH[op])} (F9)")

    def _function_toggled(self, _on: bool) -> None:
        chosen = self.values()["function"]
        offer = next((o for o in self.wf.offers() if o.function.value == chosen), None)
        self.submit_button.setEnabled(offer is not None and offer.allowed)

    def values(self) -> dict[str, str]:
        chosen = next((f for f, b in self.functions.items() if b.isChecked()), "")
        return {"function": chosen}

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F9": self.submit_button.click}

    def first_focus(self) -> QWidget | None:
        return self.submit_button


class DoneScreen(Screen):
    key = Step.DONE
    title_zh = tr("完成")
    lead = tr("请将业务回执交持卡人留存。")
    sig_new = Signal()

    def __init__(self, page: WizardPage[CardServicesWorkflow]) -> None:
        super().__init__(page)
        self.result = Banner(self, "Result")
        self.root.addWidget(self.result)
        self.number = named(QLabel(""), "AppNo")
        self.root.addWidget(self.number)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for action, text, key in (("preview", tr("预览回执"), "F9"), ("save", tr("另存为PDF"), "F11")):
            button = named(QPushButton(f"{text} ({key})"), f"receipt_{action}")
            button.clicked.connect(self._handler(action))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.new_button = named(QPushButton(tr("办理下一笔 (Ctrl+N)")), "Primary")
        self.new_button.clicked.connect(self.sig_new.emit)
        row.addWidget(self.new_button)
        self.root.addLayout(row)
        self.print_status = named(QLabel("", wordWrap=True), "PrintStatus")
        self.root.addWidget(self.print_status)
        self.root.addStretch(1)

    def _handler(self, action: str) -> Callable[[], None]:
        return lambda: _page(self).receipt_action(action)

    def load(self) -> None:
        outcome = self.wf.record.outcome
        if outcome is None:
            return
        self.number.setText(tr("业务编号　{0}").format(outcome.receipt_no))
        self.result.show_message(html.escape(tr("{0}：{1}").format(
                tr(OPERATION_TITLES_ZH[self.wf.operation]), tr(outcome.message))),
                                 "ok")
        self.print_status.setText("")

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {**{k: b.click for k, b in self.buttons.items()}, "Ctrl+N": self.new_button.click}


class CardServicesPage(CardCasePage[CardServicesWorkflow]):
    title_zh = tr("密码及卡片服务")
    screens: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        Step.IDENTIFY: IdentifyScreen, Step.CARD: CardScreen, Step.ACT: ActScreen,
        Step.DONE: DoneScreen,
    }
    global_keys = ("F2", "F3", "F9", "F11", "Ctrl+N")
    no_back = frozenset({Step.IDENTIFY, Step.DONE})
    no_next = frozenset({Step.ACT, Step.DONE})

    def __init__(self, desk: CardServicesDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CardServicesPage")
        self.desk = desk

    @property
    def wf(self) -> CardServicesWorkflow | None:
        return self.wizard

    def new_case(self, operation: Operation = Operation.READ) -> None:
        self.start_case(lambda: self.desk.new(operation))

    def take_over(self, handover: ChipWriteHandover) -> None:
        """A person the data-change business sent here (F6): 信息变更写卡, identified."""
        self.start_case(lambda: self.desk.take_over(handover))

    def case_title(self, wf: CardServicesWorkflow) -> str:
        return tr(OPERATION_TITLES_ZH[wf.operation])

    def id_reader_name(self) -> str | None:
        return self.desk.id_reader_name

    submit_step = Step.ACT

    def submit_job(self, wf: CardServicesWorkflow, values: dict[str, str]) -> Any:
        wf.apply(Step.ACT, values)
        return wf.run_service()

    def submit_busy(self, wf: CardServicesWorkflow) -> str:
        return (tr("正在写卡并读回核对…") if wf.operation is Operation.WRITE
                else tr("请持卡人在密码键盘上输入密码…"))

    def submit_failed(self, error: BaseException) -> None:
        self.show_step()  # a wrong PIN may have changed what is offered
        self.banner.show_message(message_of(error), "bad")

    # -- the receipt -----------------------------------------------------------------------------
    def receipt_action(self, action: str, path: Path | None = None) -> None:
        wf = self.wizard
        if wf is None or wf.record.outcome is None or self.busy:
            return
        number = wf.record.outcome.receipt_no

        def act(pdf: bytes) -> None:
            self.receipt = (number, pdf)
            if action == "preview":
                open_preview(tr("业务回执"), pdf, self, on_print=lambda: None,
                             on_save=lambda: self.receipt_action("save"))
            else:
                self._save(number, pdf, path)

        if self.receipt is not None and self.receipt[0] == number:
            act(self.receipt[1])
        else:
            self.run(wf.documents, act, busy=tr("正在生成回执…"))

    def _save(self, number: str, pdf: bytes, path: Path | None) -> None:
        if path is None:
            from counter_app.ui.application.steps import ImportDialogs

            chosen = ImportDialogs.save_pdf(self, tr("业务回执-{0}.pdf").format(number))
            if not chosen:
                return
            path = Path(chosen)
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        done_screen = self.step_screen(Step.DONE)
        assert isinstance(done_screen, DoneScreen)

        def done(saved: Path) -> None:
            done_screen.print_status.setText(tr("业务回执已保存为 {0}").format(saved))
            wf = self.wizard
            if wf is not None:
                self.ops.run(lambda: wf.record_document_output(number, "save_pdf"), None,
                             lambda e: log.warning("receipt output not audited: %s", type(e).__name__))

        def failed(error: BaseException) -> None:
            done_screen.print_status.setText(tr("业务回执保存失败（{0}），请换一个位置。").format(type(error).__name__))

        self.run(lambda: write_private(target, pdf), done, failed, busy=tr("正在保存PDF…"))
