"""The business receipt's preview / print / save-as-PDF and the last step's screen, shared
by the pages whose last step hands the holder one receipt (card loss, replacement,
registration, data change).

The PDF is made once per receipt number on the page's worker and kept; saving goes through
:func:`counter_app.private_files.write_private` (owner-only), and every print or save is
audited through the workflow's ``record_document_output``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from counter_app.domain.errors import CounterError
from counter_app.private_files import write_private
from counter_app.ui.application.documents import open_preview, paint_pdf
from counter_app.ui.application.steps import ImportDialogs
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, OK
from counter_app.ui.widgets import Banner
from counter_app.ui.wizard_page import StepScreen, W, WizardPage

log = logging.getLogger(__name__)


class _Outcome(Protocol):
    @property
    def receipt_no(self) -> str: ...


class _Record(Protocol):
    @property
    def outcome(self) -> _Outcome | None: ...


class ReceiptWizard(Protocol):
    """What a workflow offers for its receipt."""

    @property
    def record(self) -> _Record: ...
    def documents(self) -> bytes: ...
    def record_document_output(self, receipt_no: str, how: str) -> None: ...


class ReceiptActions(WizardPage[W]):
    """A wizard page with one business receipt at its end. Subclasses set ``printer_name``
    and ``find_printer``, return their wizard from ``wf`` and the done screen's status line
    from ``receipt_status_label``."""

    printer_name: str
    find_printer: Callable[[str], QPrinter | None]
    receipt: tuple[str, bytes] | None = None  # (receipt number, PDF)

    @property
    def wf(self) -> ReceiptWizard | None:
        raise NotImplementedError

    def receipt_status_label(self) -> QLabel:
        raise NotImplementedError

    def with_receipt(self, then: Callable[[str, bytes], None]) -> None:
        wf = self.wf
        if wf is None or wf.record.outcome is None or self.busy:
            return
        number = wf.record.outcome.receipt_no
        if self.receipt is not None and self.receipt[0] == number:
            then(*self.receipt)
            return

        def done(pdf: bytes) -> None:
            self.receipt = (number, pdf)
            then(number, pdf)

        self.run(wf.documents, done, busy=tr("正在生成回执…"))

    def receipt_action(self, action: str, path: Path | None = None) -> None:
        def act(number: str, pdf: bytes) -> None:
            if action == "preview":
                open_preview(tr("业务回执"), pdf, self, on_print=lambda: self.receipt_action("print"),
                             on_save=lambda: self.receipt_action("save"))
            elif action == "print":
                self._print(number, pdf)
            else:
                self._save(number, pdf, path)

        self.with_receipt(act)

    def receipt_status(self, text: str, ok: bool = True) -> None:
        label = self.receipt_status_label()
        label.setStyleSheet(f"color: {OK if ok else BAD}; font-size: 14px;")
        label.setText(tr(text))

    def _print(self, number: str, pdf: bytes) -> None:
        printer = self.find_printer(self.printer_name)
        if printer is None:
            self.receipt_status(tr("本机没有可用的打印机，回执未打印。请“另存为PDF”后到可打印的电脑打印，"
                                "或联系网点技术支持检查打印机。"), ok=False)
            return
        printer.setDocName(tr("业务回执 {0}").format(number))
        try:
            pages = paint_pdf(pdf, printer)
        except CounterError as error:
            self.receipt_status(tr(error.message_zh), ok=False)
            return
        self.receipt_status(tr("业务回执已发送到打印机“{0}”（{1} 页）。").format(printer.printerName(), pages))
        self._audit(number, "print")

    def _save(self, number: str, pdf: bytes, path: Path | None) -> None:
        if path is None:
            chosen = ImportDialogs.save_pdf(self, tr("业务回执-{0}.pdf").format(number))
            if not chosen:
                return
            path = Path(chosen)
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

        def done(saved: Path) -> None:
            self.receipt_status(tr("业务回执已保存为 {0}").format(saved))
            self._audit(number, "save_pdf")

        def failed(error: BaseException) -> None:
            reason = tr("磁盘已满") if isinstance(error, OSError) and error.errno == 28 else type(error).__name__
            self.receipt_status(tr("业务回执保存失败（{0}），请换一个位置或联系网点技术支持。").format(
                    reason), ok=False)

        self.run(lambda: write_private(target, pdf), done, failed, busy=tr("正在保存PDF…"))

    def _audit(self, number: str, how: str) -> None:
        """Recorded on the page's worker (in order) without making the teller wait for it:
        a key pressed meanwhile (Ctrl+N) is not dropped."""
        wf = self.wf
        if wf is not None:
            self.ops.run(lambda: wf.record_document_output(number, how), None,
                         lambda e: log.warning("receipt output not audited: %s", type(e).__name__))


class ReceiptScreen(StepScreen[W]):
    """The last step: the result, the receipt's buttons (F9 preview, F10 print, F11 save),
    办理下一笔. A business adds its own widgets above the receipt (``extra``) or below it
    (``add_below_receipt``) and fills the result in ``load``."""

    title_zh = tr("打印回执")
    lead = tr("请将业务回执交本人留存。")
    sig_new = Signal()

    def __init__(self, page: WizardPage[W]) -> None:
        super().__init__(page)
        self.result = Banner(self, "Result")
        self.root.addWidget(self.result)
        self.number = named(QLabel(""), "AppNo")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.root.addWidget(self.number)
        self.extra = QHBoxLayout()  # the business's own (e.g. go to replacement, the fee)
        self.root.addLayout(self.extra)
        frame = named(QFrame(), "Card")
        lay = QHBoxLayout(frame)
        lay.setContentsMargins(16, 10, 16, 10)
        heading = QLabel(tr("业务回执"))
        heading.setStyleSheet("font-size:16px; font-weight:bold;")
        lay.addWidget(heading, 1)
        self.buttons: dict[str, QPushButton] = {}
        for action, text, key in (("preview", tr("预览"), "F9"), ("print", tr("打印"), "F10"),
                                  ("save", tr("另存为PDF"), "F11")):
            button = named(QPushButton(f"{text} ({key})"), f"receipt_{action}")
            button.clicked.connect(self._handler(action))
            lay.addWidget(button)
            self.buttons[key] = button
        self.root.addWidget(frame)
        self.add_below_receipt()
        self.print_status = named(QLabel("", wordWrap=True), "PrintStatus")
        self.root.addWidget(self.print_status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.new_button = named(QPushButton(tr("办理下一笔 (Ctrl+N)")), "Primary")
        self.new_button.clicked.connect(self.sig_new.emit)
        row.addWidget(self.new_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def add_below_receipt(self) -> None:
        """Widgets between the receipt's buttons and the print status."""

    def _handler(self, action: str) -> Callable[[], None]:
        def act() -> None:
            page = self.page
            assert isinstance(page, ReceiptActions)
            page.receipt_action(action)
        return act

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {**{k: b.click for k, b in self.buttons.items()}, "Ctrl+N": self.new_button.click}

    def first_focus(self) -> QWidget | None:
        return self.buttons["F10"]
