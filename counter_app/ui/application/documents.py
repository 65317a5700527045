"""Showing, printing and saving the PDF documents the printing layer builds.

The PDF bytes are the document; Qt only renders their pages (QtPdf) for the preview and
paints them onto the profile's printer (QtPrintSupport). "Save as PDF" writes the bytes.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named, shortcut

MAX_PRINT_DPI = 300  # rendering above this only costs memory on counter printers


class PrintError(CounterError):
    code = "PRINT_ERROR"


class PdfPages:
    """A PDF held in memory and rendered page by page."""

    def __init__(self, pdf: bytes) -> None:
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.doc = QPdfDocument()
        self.doc.load(self._buffer)
        if self.doc.status() != QPdfDocument.Status.Ready or self.doc.pageCount() < 1:
            raise PrintError(tr("单据文件无法显示（PDF 内容有误），请重新生成或联系技术支持。"),
                             code="PRINT_PDF_INVALID")

    @property
    def count(self) -> int:
        return self.doc.pageCount()

    def render(self, page: int, dpi: float) -> QImage:
        points = self.doc.pagePointSize(page)
        size = QSize(max(1, round(points.width() / 72 * dpi)), max(1, round(points.height() / 72 * dpi)))
        rendered = self.doc.render(page, size)
        # pages render transparent: put them on paper-white for the screen and the printer
        paper = QImage(size, QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return paper


def document_printer(printer_name: str) -> QPrinter | None:
    """The profile's document printer, else the system default; None when there is none."""
    infos = QPrinterInfo.availablePrinters()
    chosen = next((i for i in infos if i.printerName() == printer_name), None) if printer_name else None
    if chosen is None:
        default = QPrinterInfo.defaultPrinter()
        chosen = default if not default.isNull() else (infos[0] if infos else None)
    if chosen is None:
        return None
    printer = QPrinter(chosen, QPrinter.PrinterMode.HighResolution)
    return printer


def paint_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of the PDF on the printer (one sheet per page); returns the pages."""
    pages = PdfPages(pdf)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(tr("打印机无法开始打印（可能离线、缺纸或被占用）。请检查打印机，"
                         "或先另存为PDF。"), code="PRINT_START_FAILED")
    try:
        for index in range(pages.count):
            if index:
                printer.newPage()
            image = pages.render(index, dpi)
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), scaled.width(), scaled.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return pages.count


class DocumentPreview(QDialog):
    """The document as it will print, with Print / Save as PDF / Close (keyboard: P, S, Esc)."""

    def __init__(self, title: str, pdf: bytes, parent: QWidget | None = None, *,
                 on_print: object = None, on_save: object = None) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentPreview")
        self.setWindowTitle(tr("打印预览 - {0}").format(title))
        self.resize(fit_to_screen(QSize(760, 900), parent))
        pages = PdfPages(pdf)
        lay = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        holder.setStyleSheet("background: #59636e;")
        inner = QVBoxLayout(holder)
        inner.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for index in range(pages.count):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(pages.render(index, 80)))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            inner.addWidget(label)
            self.page_labels.append(label)
        scroll.setWidget(holder)
        lay.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = named(QPushButton(tr("打印 (P)")), "Primary")
        self.save_button = QPushButton(tr("另存为PDF (S)"))
        close = QPushButton(tr("关闭 (Esc)"))
        for b in (self.print_button, self.save_button, close):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        close.clicked.connect(self.reject)
        if callable(on_print):
            self.print_button.clicked.connect(on_print)
        if callable(on_save):
            self.save_button.clicked.connect(on_save)
        shortcut("P", self, self.print_button.click)
        shortcut("S", self, self.save_button.click)
        self.finished.connect(self._give_back_focus)

    def _give_back_focus(self, _result: int) -> None:
        """Closing the preview must leave the page's window active, so its shortcuts work
        without a click first."""
        owner = self.parentWidget()
        window = owner.window() if owner is not None else None
        if window is None or not window.isVisible():
            return

        def activate() -> None:
            window.raise_()
            window.activateWindow()

        activate()
        QTimer.singleShot(0, window, activate)  # again once the dialog's hide is handled


def open_preview(title: str, pdf: bytes, parent: QWidget, *, on_print: object = None,
                 on_save: object = None) -> DocumentPreview:
    """The preview, non-modal and deleted once closed (the page stays usable behind it)."""
    dialog = DocumentPreview(title, pdf, parent, on_print=on_print, on_save=on_save)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


SCREEN_SHARE = 0.9  # the preview leaves room for the taskbar and the window frame


def fit_to_screen(wanted: QSize, near: QWidget | None = None) -> QSize:
    """``wanted``, shrunk to at most 90% of the available screen (a 1366×768 counter PC has
    about 728 pixels under the taskbar; the pages scroll inside)."""
    screen = near.screen() if near is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size()
    return QSize(min(wanted.width(), int(room.width() * SCREEN_SHARE)),
                 min(wanted.height(), int(room.height() * SCREEN_SHARE)))
