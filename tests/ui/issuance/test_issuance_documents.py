"""The receipt and the face leave the issuance page: 打印 in the receipt's preview paints it on
the document printer (here a Qt printer writing a PDF file), 另存为PDF writes it; on the
manual face path the face's 打印 sends it to the card printer port again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from counter_app.devices.card_printer import PdfCardPrinter
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.issuance.page import IssuancePage
from counter_app.workflows.issuance import IssuanceDesk, Outcome, Step, StepStatus
from tests.ui.issuance.conftest import held_blank, show
from tests.ui.pages import idle

pytestmark = pytest.mark.central


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _preview(qtbot) -> DocumentPreview:  # type: ignore[no-untyped-def]
    found: list[DocumentPreview] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, DocumentPreview) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10000)
    return found[0]


def _issue(qtbot, page: IssuancePage, counter, slot) -> None:  # type: ignore[no-untyped-def]
    idle(qtbot, page)
    page.waiting.open_button.click()
    idle(qtbot, page)
    held_blank(counter, slot)
    page.step_key("F5")
    idle(qtbot, page)


def test_the_receipt_prints_on_the_document_printer_and_saves(qtbot, rig, tmp_path: Path,
                                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counter, slot = rig
    number, app_id = counter.accepted_application()
    spool = tmp_path / "spool" / "receipt-printed.pdf"
    spool.parent.mkdir()
    asked: list[str] = []

    def find(name: str) -> QPrinter:
        asked.append(name)
        return _pdf_printer(spool)

    page = show(qtbot, IssuancePage(IssuanceDesk(counter.ctx(pin_pad=None)),
                                    printer_name="柜台A4打印机", find_printer=find))
    _issue(qtbot, page, counter, slot)
    assert page.wizard is not None and page.wizard.record.outcome is Outcome.ISSUED
    card_no = counter.client.application(app_id).card_no

    page.step_key("F9")  # 预览回执
    dialog = _preview(qtbot)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: spool.exists() and spool.stat().st_size > 0, timeout=20000)
    idle(qtbot, page)
    assert asked == ["柜台A4打印机"]  # the profile's document printer, by name
    assert "回执已发送到打印机" in page.banner.label.text()
    printed = PdfReader(spool)
    assert len(printed.pages) >= 1
    dialog.close()

    saved = tmp_path / "chosen" / "回执"
    saved.parent.mkdir()
    monkeypatch.setattr("counter_app.ui.issuance.page.QFileDialog.getSaveFileName",
                        lambda *_a, **_k: (str(saved), "PDF (*.pdf)"))
    page.step_key("F9")
    dialog = _preview(qtbot)
    dialog.save_button.click()
    target = saved.with_suffix(".pdf")
    qtbot.waitUntil(target.exists, timeout=10000)
    idle(qtbot, page)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "即时制卡回执" in text and card_no in text
    assert "已保存为" in page.banner.label.text()
    assert target.stat().st_mode & 0o077 == 0  # personal data: owner-only
    dialog.close()


def test_no_printer_is_said_not_silent(qtbot, rig) -> None:  # type: ignore[no-untyped-def]
    counter, slot = rig
    counter.accepted_application()
    page = show(qtbot, IssuancePage(IssuanceDesk(counter.ctx(pin_pad=None)),
                                    find_printer=lambda _n: None))
    _issue(qtbot, page, counter, slot)
    page.print_document("receipt")
    assert "没有可用的打印机" in page.banner.label.text()


def test_on_the_manual_face_path_the_face_prints_on_the_card_printer(
        qtbot, rig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counter, slot = rig
    number, _app_id = counter.accepted_application()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the printer's folder should be")
    printer = PdfCardPrinter(blocked)
    page = show(qtbot, IssuancePage(IssuanceDesk(counter.ctx(pin_pad=None, printer=printer))))
    _issue(qtbot, page, counter, slot)
    wf = page.wizard
    assert wf is not None and wf.record.state_of(Step.PRINT_FACE).status is StepStatus.FAILED
    page.face_manually()
    idle(qtbot, page)
    assert wf.record.state_of(Step.PRINT_FACE).status is StepStatus.MANUAL

    page.step_key("F8")  # 预览卡面 → 打印: refused while the printer is still broken, said so
    dialog = _preview(qtbot)
    dialog.print_button.click()
    idle(qtbot, page)
    assert "卡面打印机未能打印" in page.banner.label.text()
    dialog.close()

    blocked.unlink()  # the printer works again
    page.print_document("face")
    idle(qtbot, page)
    face = blocked / f"{number}-face-reprint.pdf"
    assert face.exists() and "社会保障卡" in PdfReader(face).pages[0].extract_text()
    assert "卡面已发送到卡面打印机" in page.banner.label.text()
