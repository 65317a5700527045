"""Instant issuance (即时制卡) in the main window's work area.

First the accepted instant applications waiting for their card (the pick-up list, also
reached from the application's done step); then one progress screen naming every step with
its state and the instruction for each hardware action. 继续 (F5) runs from the first step
not done; a stop shows what happened and what to do (insert the same card again, the manual
face path, the supervisor's spoil). Every workflow call runs on the page's worker.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.printing.masking import mask_name
from counter_app.private_files import write_private
from counter_app.ui.application.documents import document_printer, open_preview, paint_pdf
from counter_app.ui.i18n import tr
from counter_app.ui.issuance.dialogs import IssuanceDialogs
from counter_app.ui.pin_dialog import KeyedPinPad
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, MUTED, OK, PRIMARY, WARN
from counter_app.ui.wizard_page import StepScreen, WizardPage, message_of
from counter_app.workflows.issuance import (
    STEP_INSTRUCTIONS_ZH,
    STEP_TITLES_ZH,
    Candidate,
    IssuanceDesk,
    IssuanceStopped,
    IssuanceWorkflow,
    Outcome,
    Step,
    StepStatus,
)

log = logging.getLogger(__name__)

STATUS_ZH = {StepStatus.TODO: (tr("待办"), MUTED), StepStatus.RUNNING: (tr("进行中"), PRIMARY),
             StepStatus.DONE: (tr("完成"), OK), StepStatus.FAILED: (tr("未完成"), BAD),
             StepStatus.WAITING: (tr("等待线路"), WARN), StepStatus.MANUAL: (tr("转人工补印"), WARN)}
WAITING_ZH = {"": tr("待制卡"), "issued": tr("已制卡"), "cancelled": tr("已撤销（可重新制卡）")}


def _button(text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
    b = named(QPushButton(text), name)
    b.clicked.connect(slot)
    return b


class WaitingView(QWidget):
    """Accepted instant applications waiting for their card."""

    sig_open = Signal(str)
    sig_refresh = Signal()

    def __init__(self) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 20, 28, 16)
        lay.addWidget(named(QLabel(tr("即时制卡 · 待制卡的申领")), "StepTitle"))
        lay.addWidget(named(QLabel(tr("本网点已受理、中心已确认的即时制卡申领。选择一笔后按 Enter 开始制卡；"
                                   "中断过的制卡从未完成的步骤继续。"), wordWrap=True), "StepLead"))
        self.list = named(QListWidget(), "WaitingList")
        self.list.itemActivated.connect(lambda item: self.sig_open.emit(
            item.data(Qt.ItemDataRole.UserRole)))
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(_button(tr("刷新 (F5)"), "Refresh", self.sig_refresh.emit))
        row.addStretch(1)
        self.open_button = _button(tr("开始 / 继续制卡 (Enter)"), "Primary", self._open)
        row.addWidget(self.open_button)
        lay.addLayout(row)
        self.empty = named(QLabel("", wordWrap=True), "Hint")
        lay.addWidget(self.empty)

    def show_candidates(self, candidates: list[Candidate]) -> None:
        self.list.clear()
        for c in candidates:
            state = WAITING_ZH.get(c.issuance) or tr("中断于：{0}").format(tr(STEP_TITLES_ZH[Step(c.issuance)]))
            at = c.accepted_at.astimezone(CHINA_TIME).strftime("%m-%d %H:%M")
            item = QListWidgetItem(tr("{0}　{1}　受理 {2}　{3}").format(c.application_no, mask_name(c.name), at, state))
            item.setData(Qt.ItemDataRole.UserRole, c.application_no)
            self.list.addItem(item)
        if candidates:
            self.list.setCurrentRow(0)
        self.empty.setText("" if candidates else tr("没有待制卡的申领。即时制卡申领受理后会出现在这里。"))
        self.open_button.setEnabled(bool(candidates))

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.sig_open.emit(item.data(Qt.ItemDataRole.UserRole))


class ProgressScreen(StepScreen[IssuanceWorkflow]):
    """The same screen for every step: all steps with their states, the current instruction."""

    title_zh = tr("即时制卡")

    def __init__(self, page: WizardPage[IssuanceWorkflow]) -> None:
        super().__init__(page)
        host = page
        assert isinstance(host, IssuancePage)
        self.host = host
        self.who = named(QLabel(""), "IssuanceWho")
        self.who.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.who)
        self.instruction = named(QLabel(""), "Instruction")
        self.instruction.setWordWrap(True)
        self.root.addWidget(self.instruction)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self.rows: dict[Step, tuple[QLabel, QLabel, QLabel]] = {}
        for i, step in enumerate(Step):
            title = QLabel(f"{i + 1}. {tr(STEP_TITLES_ZH[step])}")
            state = named(QLabel(""), f"State_{step.value}")
            note = QLabel("")
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {MUTED};")
            grid.addWidget(title, i, 0)
            grid.addWidget(state, i, 1)
            grid.addWidget(note, i, 2)
            self.rows[step] = (title, state, note)
        grid.setColumnStretch(2, 1)
        self.root.addLayout(grid)
        row = QHBoxLayout()
        self.go = _button(tr("开始制卡 (F5)"), "Primary", host.advance)
        self.manual = _button(tr("转人工补印卡面"), "FaceManual", host.face_manually)
        self.spoil = _button(tr("登记废卡（主管授权）"), "Spoil", host.spoil)
        self.cancel = _button(tr("撤销制卡"), "CancelIssuance", host.cancel)
        for b in (self.go, self.manual, self.spoil, self.cancel):
            row.addWidget(b)
        row.addStretch(1)
        self.root.addLayout(row)
        done = QHBoxLayout()
        self.face = _button(tr("预览卡面 (F8)"), "FacePreview", lambda: host.document("face"))
        self.receipt = _button(tr("预览回执 (F9)"), "ReceiptPreview", lambda: host.document("receipt"))
        self.next_one = _button(tr("办理下一笔 (Ctrl+N)"), "NextOne", host.back_to_list)
        for b in (self.face, self.receipt, self.next_one):
            done.addWidget(b)
        done.addStretch(1)
        self.root.addLayout(done)
        self.root.addStretch(1)

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F5": self.go.click, "F8": self.face.click, "F9": self.receipt.click,
                "Ctrl+N": self.next_one.click}

    def load(self) -> None:
        wf = self.wf
        r = wf.record
        running = self.host.running_step
        parts = [tr("申请编号 {0}").format(r.application_no), tr("持卡人 {0}").format(mask_name(self.host.holder_name))]
        if r.card_no:
            parts.append(tr("社保卡号 {0}").format(r.card_no))
        if r.blank_serial:
            parts.append(tr("芯片序号尾号 {0}").format(r.blank_serial[-6:]))
        if r.spoiled:
            parts.append(tr("已作废 {0} 张").format(len(r.spoiled)))
        self.who.setText("  ".join(parts))
        for step, (title, state, note) in self.rows.items():
            s = r.state_of(step)
            status = StepStatus.RUNNING if step is running else s.status
            text, colour = STATUS_ZH[status]
            state.setText(text)
            state.setStyleSheet(f"color: {colour}; font-weight: bold;")
            # the current step's message is the instruction above; others keep theirs here
            shown = s.status is StepStatus.MANUAL or (
                s.status in (StepStatus.FAILED, StepStatus.WAITING) and step is not wf.current_step)
            note.setText(tr(s.message) if shown else "")
            title.setStyleSheet("font-weight: bold;" if step is (running or wf.current_step)
                                else "")
        self._instruction(wf)
        finished = r.outcome is Outcome.ISSUED
        started = any(s.status is not StepStatus.TODO for s in r.steps)
        self.go.setText(tr("继续 (F5)") if started else tr("开始制卡 (F5)"))
        self.go.setVisible(not wf.finished)
        failed_print = r.state_of(Step.PRINT_FACE).status is StepStatus.FAILED
        self.manual.setVisible(failed_print and not wf.finished)
        self.spoil.setVisible(wf.may_spoil() and not wf.finished)
        self.cancel.setVisible(not wf.finished and not r.extra.get("chip_started"))
        self.face.setVisible(bool(r.card_no))
        self.receipt.setVisible(finished)
        self.next_one.setVisible(wf.finished)

    def _instruction(self, wf: IssuanceWorkflow) -> None:
        r = wf.record
        if r.outcome is Outcome.ISSUED:
            text, colour = tr("制卡完成：请取出卡片，连同回执交持卡人，并提示领取电子社保卡。"), OK
        elif r.outcome is Outcome.CANCELLED:
            text, colour = tr("本次即时制卡已撤销。"), MUTED
        else:
            step = self.host.running_step or wf.current_step
            s = r.state_of(step)
            if s.status in (StepStatus.FAILED, StepStatus.WAITING) and self.host.running_step is None:
                text, colour = tr(s.message), (WARN if s.status is StepStatus.WAITING else BAD)
            else:
                text, colour = tr(STEP_INSTRUCTIONS_ZH[step]), PRIMARY
        self.instruction.setText(html.escape(text))
        self.instruction.setStyleSheet(
            f"font-size: 20px; font-weight: bold; color: {colour}; padding: 10px 0;")

    def first_focus(self) -> QWidget | None:
        return self.go if self.go.isVisible() else self.next_one


class IssuancePage(WizardPage[IssuanceWorkflow]):
    title_zh = tr("即时制卡")
    screens: ClassVar[dict[str, Any]] = {s.value: ProgressScreen for s in Step}
    global_keys = ("F5", "F8", "F9", "Ctrl+N")
    no_back = frozenset(s.value for s in Step)
    no_next = frozenset(s.value for s in Step)

    sig_step = Signal(str)  # from the worker: this step starts now
    sig_custody_changed = Signal()
    sig_accepted = Signal()  # a result may have gone to the outbox

    def __init__(self, desk: IssuanceDesk, parent: QWidget | None = None, *,
                 printer_name: str = "",
                 find_printer: Callable[[str], QPrinter | None] = document_printer) -> None:
        super().__init__(parent)
        self.setObjectName("IssuancePage")
        self.desk = desk
        # the receipt goes to the profile's document printer; the face to the card printer port
        self.printer_name, self.find_printer = printer_name, find_printer
        self.dialogs = IssuanceDialogs()
        self.holder_name = ""
        self.running_step: Step | None = None
        self._pending: str | None = None
        self.waiting = WaitingView()
        self.waiting.sig_open.connect(self.open_application)
        self.waiting.sig_refresh.connect(self.refresh)
        self.stack.addWidget(self.waiting)
        self.sig_step.connect(self._step_started)

    # -- the list ------------------------------------------------------------------------------
    def open(self) -> None:
        if self.wizard is None:
            self.stack.setCurrentWidget(self.waiting)
            self.side.clear()
            self.update_nav()
            self.refresh()

    def refresh(self) -> None:
        if self.busy:
            return
        self.run(self.desk.waiting, self._listed, busy=tr("正在读取待制卡的申领…"))

    def _listed(self, candidates: list[Candidate]) -> None:
        self.waiting.show_candidates(candidates)
        pending, self._pending = self._pending, None
        if pending is not None:
            self.open_application(pending)

    def back_to_list(self) -> None:
        if self.busy:
            return
        self.show_wizard(None)
        self.open()

    def can_discard(self) -> bool:
        return False

    def render_side(self) -> None:
        wf = self.wizard
        if wf is not None and wf.finished:  # nothing is current any more: all done
            states = [replace(st, state="done") for st in wf.step_states()]
            self.side.show_steps(states, self.who_text())
            return
        super().render_side()

    def who_text(self) -> str:
        return tr("经办柜员：{0}\n卡面打印机：{1}").format(self.desk.teller, tr(self.desk.printer_name))

    def open_application(self, application_no: str) -> None:
        """From the list, or handed over by the application page after acceptance."""
        if self.busy:
            self._pending = application_no  # opened as soon as the page is free
            return

        def opened(result: tuple[IssuanceWorkflow, str]) -> None:
            self.holder_name = result[1]
            self.show_wizard(result[0])
            self.show_step()

        def job() -> tuple[IssuanceWorkflow, str]:
            wf = self.desk.open(application_no)
            return wf, wf.applicant.name

        self.run(job, opened, busy=tr("正在打开制卡记录…"))

    # -- running -------------------------------------------------------------------------------
    def _step_started(self, key: str) -> None:
        self.running_step = Step(key)
        screen = self.current_screen()
        if screen is not None:
            screen.load()

    def advance(self) -> None:
        wf = self.wizard
        if wf is None or self.busy or wf.finished:
            return
        pad = None
        if wf.current_step is Step.PIN and not self.desk.has_pin_pad:
            entries = self.dialogs.pins(self)
            if entries is None:
                return
            pad = KeyedPinPad(entries)
        self.banner.clear()

        def done(_result: Any) -> None:
            self.running_step = None
            self.show_step()
            self.sig_custody_changed.emit()
            self.sig_accepted.emit()

        def stopped(error: BaseException) -> None:
            self.running_step = None
            self.show_step()
            if wf.current_step is Step.PIN and not self.desk.has_pin_pad \
                    and wf.record.state_of(Step.PIN).code == "PIN_NEEDED":
                self.advance()  # the holder's turn: ask for the PIN now
                return
            if not isinstance(error, IssuanceStopped):  # a stop is shown as the instruction
                self.banner.show_message(message_of(error), "bad")
            self.sig_custody_changed.emit()
            self.sig_accepted.emit()

        self.run(lambda: wf.advance(pad, on_step=lambda s: self.sig_step.emit(s.value)),
                 done, stopped, busy=tr("正在制卡…"))

    def face_manually(self) -> None:
        wf = self.wizard
        if wf is None or self.busy:
            return
        self.run(wf.face_manually, lambda _r: self.show_step(), self._failed,
                 busy=tr("正在登记人工补印…"))

    def spoil(self) -> None:
        wf = self.wizard
        if wf is None or self.busy or not wf.may_spoil():
            return
        answer = self.dialogs.spoil(self, wf.record.blank_serial)
        if answer is None:
            return
        reason, approval = answer

        def done(_r: Any) -> None:
            self.show_step()
            self.banner.show_message(tr("已登记废卡并上报中心，请取出该卡交回库存管理，插入新的空白卡后点击“继续”。"),
                                     "warn")
            self.sig_custody_changed.emit()

        self.run(lambda: wf.spoil(reason, approval), done, self._failed,
                 busy=tr("正在登记废卡…"))

    def cancel(self) -> None:
        wf = self.wizard
        if wf is None or self.busy:
            return
        reason = self.dialogs.cancel_reason(self)
        if reason is None:
            return
        self.run(lambda: wf.cancel(reason), lambda _r: self.show_step(), self._failed,
                 busy=tr("正在撤销制卡…"))

    def _failed(self, error: BaseException) -> None:
        self.show_step()
        self.banner.show_message(message_of(error), "bad")

    # -- documents -----------------------------------------------------------------------------
    def document(self, kind: str, then: Callable[[bytes], None] | None = None) -> None:
        wf = self.wizard
        if wf is None or self.busy:
            return
        title = _title(kind)

        def preview(pdf: bytes) -> None:
            open_preview(title, pdf, self, on_print=lambda: self.print_document(kind),
                         on_save=lambda: self.save_as(kind))

        self.run(wf.face_pdf if kind == "face" else wf.receipt_pdf, then or preview, self._failed,
                 busy=tr("正在生成{0}…").format(title))

    def save_document(self, kind: str, path: Path) -> None:
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

        def write(pdf: bytes) -> None:  # personal data: owner-only (private_files)
            self.run(lambda: write_private(target, pdf),
                     lambda saved: self.banner.show_message(
                         tr("{0}已保存为 {1}").format(_title(kind), saved), "ok"),
                     lambda e: self.banner.show_message(tr("{0}保存失败（{1}），请换一个位置。").format(
                         _title(kind), type(e).__name__), "bad"),
                     busy=tr("正在保存PDF…"))

        self.document(kind, write)

    def save_as(self, kind: str) -> None:
        wf = self.wizard
        if wf is None or self.busy:
            return
        name = tr("即时制卡回执-{0}.pdf") if kind == "receipt" else tr("卡面-{0}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, tr("另存为PDF"),
                                                name.format(wf.record.application_no), "PDF (*.pdf)")
        if chosen:
            self.save_document(kind, Path(chosen))

    def print_document(self, kind: str) -> None:
        """The receipt on the profile's document printer; the face on the card printer again
        (the manual face path, once the printer works)."""
        wf = self.wizard
        if wf is None or self.busy:
            return
        if kind == "face":
            self.run(lambda: self.desk.reprint_face(wf),
                     lambda where: self.banner.show_message(
                         tr("卡面已发送到卡面打印机（{0}）。").format(where), "ok"),
                     self._failed, busy=tr("正在打印卡面…"))
            return
        printer = self.find_printer(self.printer_name)
        if printer is None:
            self.banner.show_message(tr("本机没有可用的打印机，回执未打印。请“另存为PDF”后到可打印的电脑打印。"), "bad")
            return

        def printed(pdf: bytes) -> None:
            printer.setDocName(tr("即时制卡回执 {0}").format(wf.record.application_no))
            try:
                pages = paint_pdf(pdf, printer)
            except CounterError as error:
                self.banner.show_message(tr(error.message_zh), "bad")
                return
            self.banner.show_message(tr("回执已发送到打印机“{0}”（{1} 页）。").format(
                printer.printerName() or printer.outputFileName(), pages), "ok")

        self.run(wf.receipt_pdf, printed, self._failed, busy=tr("正在生成{0}…").format(_title(kind)))


def _title(kind: str) -> str:
    return tr("卡面") if kind == "face" else tr("即时制卡回执")
