"""A card printer known to the system by name (``printers.card_face``), painted through the
same Qt printing path as the documents (``paint_pdf``), one CR80 page per face.

It runs on the issuance page's worker (the PRINT_FACE step): Qt supports painting on a
QPrinter outside the GUI thread. A printer that is not there, or that refuses to start, is a
:class:`CardPrinterError`: the card goes to the manual face path, never spoiled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from counter_app.devices.card_printer import CardPrinterError
from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import tr

CR80_MM = QSizeF(85.6, 54.0)


def named_printer(name: str) -> QPrinter | None:
    """The system printer called exactly ``name``; never the default (an A4 printer must not
    take a card face)."""
    info = next((i for i in QPrinterInfo.availablePrinters() if i.printerName() == name), None)
    return QPrinter(info, QPrinter.PrinterMode.HighResolution) if info is not None else None


class QtCardPrinter:
    def __init__(self, printer_name: str,
                 find: Callable[[str], QPrinter | None] = named_printer) -> None:
        self._name, self._find = printer_name, find

    @property
    def name(self) -> str:
        return self._name

    def print_face(self, pdf: bytes, *, job: str) -> str:
        from counter_app.ui.application.documents import paint_pdf

        printer = self._find(self._name)
        if printer is None:
            raise CardPrinterError(tr("卡面打印机“{printer}”未找到（未安装或名称与配置不符），卡片芯片已写好，未作废。")
                                   .format(printer=self._name))
        printer.setDocName(job)
        printer.setPageLayout(QPageLayout(QPageSize(CR80_MM, QPageSize.Unit.Millimeter, "CR80"),
                                          QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        try:
            paint_pdf(pdf, printer)
        except CounterError as exc:
            raise CardPrinterError(tr("卡面打印机“{printer}”未能打印：{reason}卡片芯片已写好，未作废。")
                                   .format(printer=self._name, reason=tr(exc.message_zh))) from exc
        return printer.outputFileName() or self._name
