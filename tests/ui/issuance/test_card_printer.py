"""A card printer named in the profile (printers.card_face) is painted through the documents'
Qt printing path, one CR80 page per face; a printer that is not there is a CardPrinterError
(the card goes to the manual face path)."""

from __future__ import annotations

import io
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from counter_app.bootstrap import Fakes, build_services
from counter_app.devices.card_printer import CardPrinterError
from counter_app.ui.issuance import issuance_page
from counter_app.ui.issuance.card_printer import QtCardPrinter
from tests.fixtures.app import FakeCentral, make_profile


def _face() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(85.6 * mm, 54 * mm))
    canvas.drawString(10, 40, "CARD FACE 0001")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_a_face_prints_one_cr80_page_from_the_issuance_worker(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "zebra.pdf"
    asked: list[str] = []

    def find(name: str) -> QPrinter:
        asked.append(name)
        return _pdf_printer(out)

    printer = QtCardPrinter("Zebra ZC300", find)
    result: list[object] = []
    # the PRINT_FACE step runs on the page's worker, not the GUI thread
    worker = threading.Thread(target=lambda: result.append(printer.print_face(_face(), job="A-1-face")))
    worker.start()
    worker.join(60)
    assert result == [str(out)] and asked == ["Zebra ZC300"]
    pages = PdfReader(out).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (86, 54)


def test_a_printer_not_found_is_a_card_printer_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    printer = QtCardPrinter("没有这台打印机-ZC300")  # looked up among the system's printers
    with pytest.raises(CardPrinterError, match="没有这台打印机-ZC300.*未找到"):
        printer.print_face(_face(), job="A-2-face")


@pytest.mark.parametrize(("card_face", "system"), [("Zebra ZC300", True), ("pdf:faces", False),
                                                  ("", False)])
def test_the_page_gives_the_desk_the_profiles_card_printer(qtbot, tmp_path: Path, card_face: str,
                                                          system: bool) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile(tmp_path / "s")
    profile = replace(profile, printers=replace(profile.printers, card_face=card_face,
                                                document="柜台A4"))
    services = build_services(profile, fakes=Fakes(central=FakeCentral()))
    try:
        page = issuance_page(services, "T0301")
        qtbot.addWidget(page)
        printer = page.desk.ctx.printer
        assert isinstance(printer, QtCardPrinter) is system
        if system:
            assert printer.name == "Zebra ZC300" and "Zebra ZC300" in page.who_text()
        assert page.printer_name == "柜台A4"  # the receipt's document printer
    finally:
        services.store.close()
