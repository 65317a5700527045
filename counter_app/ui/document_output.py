"""Preview / print / save-as-PDF of the one document a read-only business hands out (the
参保证明, the query summary).

Unlike a receipt (:mod:`counter_app.ui.receipts`), each print or save asks the workflow for
the document again: the workflow counts the outputs (a second one is marked as a reprint)
and audits them. Saving goes through :func:`counter_app.private_files.write_private`
(owner-only: personal data).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QLabel

from counter_app.domain.errors import CounterError
from counter_app.private_files import write_private
from counter_app.ui.application.documents import open_preview, paint_pdf
from counter_app.ui.i18n import tr
from counter_app.ui.theme import BAD, OK
from counter_app.ui.wizard_page import W, WizardPage, message_of


class DocumentOutputs(WizardPage[W]):
    """A wizard page whose result is one document. Subclasses set ``printer_name`` and
    ``find_printer``, the texts below, and say how the document is made."""

    printer_name: str
    find_printer: Callable[[str], QPrinter | None]
    last_pdf: bytes | None = None  # the last output (the tours and tests read it)

    document_title: ClassVar[str] = ""  # the document's name (preview title, printer job)
    document_busy: ClassVar[str] = ""  # while the PDF is made
    no_printer: ClassVar[str] = ""
    printed: ClassVar[str] = ""  # {0}: the printer, {1}: pages
    saved: ClassVar[str] = ""  # {0}: the file

    # -- what a page provides ------------------------------------------------------------------
    def document_ready(self) -> bool:
        """There is a document to show (the business reached its result)."""
        raise NotImplementedError

    def preview_document(self) -> bytes:
        """The document as it would be output next (on the worker; not counted)."""
        raise NotImplementedError

    def output_document(self, how: str) -> bytes:
        """The document printed (``print``) or saved (``save_pdf``), counted and audited by
        the workflow (on the worker)."""
        raise NotImplementedError

    def document_file_name(self) -> str:
        raise NotImplementedError

    def document_status_label(self) -> QLabel:
        raise NotImplementedError

    # -- actions -------------------------------------------------------------------------------
    def document_action(self, action: str) -> None:
        if self.wizard is None or self.busy or not self.document_ready():
            return
        if action == "preview":
            self.run(self.preview_document, self._preview, busy=self.document_busy)
        elif action == "print":
            self.print_document()
        else:
            self.save_document()

    def _preview(self, pdf: bytes) -> None:
        open_preview(self.document_title, pdf, self, on_print=self.print_document,
                     on_save=self.save_document)

    def document_status(self, text: str, ok: bool = True) -> None:
        label = self.document_status_label()
        label.setStyleSheet(f"color: {OK if ok else BAD}; font-size: 14px;")
        label.setText(tr(text))

    def print_document(self) -> None:
        if self.wizard is None or self.busy:
            return
        printer = self.find_printer(self.printer_name)
        if printer is None:
            self.document_status(self.no_printer, ok=False)
            return

        def printed(pdf: bytes) -> None:
            self.last_pdf = pdf
            printer.setDocName(self.document_title)
            try:
                pages = paint_pdf(pdf, printer)
            except CounterError as error:
                self.document_status(tr(error.message_zh) + tr(" 可再次打印（将标明补打）。"), ok=False)
                return
            self.show_step()
            self.document_status(self.printed.format(printer.printerName(), pages))

        self.run(lambda: self.output_document("print"), printed, busy=self.document_busy)

    def save_document(self, path: Path | None = None) -> None:
        if self.wizard is None or self.busy or not self.document_ready():
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("另存为PDF"), self.document_file_name(), "PDF (*.pdf)")
            if not chosen:
                return
            path = Path(chosen)
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

        def job() -> tuple[Path, bytes]:
            pdf = self.output_document("save_pdf")
            return write_private(target, pdf), pdf  # personal data: this account only

        def done(result: tuple[Path, bytes]) -> None:
            saved, self.last_pdf = result
            self.show_step()
            self.document_status(self.saved.format(saved))

        self.run(job, done,
                 lambda e: self.document_status(tr("保存失败：{0}").format(message_of(e)), ok=False),
                 busy=tr("正在保存PDF…"))
