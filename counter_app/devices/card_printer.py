"""The card-face printer (卡面打印机): a port, and the PDF printer these machines use.

A card printer takes the face as a CR80 PDF (85.6 × 54 mm, built by
``printing.card_face``). On the counters here there is no card printer: the port writes
the PDF into a folder (the profile's ``card_face`` printer folder, the tour's output), and
the teller or the tour looks at it. A printer that fails raises :class:`CardPrinterError`;
the issuance then routes the card to the manual face-print path, it never spoils it.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Protocol

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh


class CardPrinterError(CounterError):
    code = "CARD_PRINTER_ERROR"
    message_zh = QT_TR_NOOP("卡面打印机未能打印（未连接、缺色带或卡片卡住），卡片芯片已写好，未作废。")


class CardPrinter(Protocol):
    @property
    def name(self) -> str: ...

    def print_face(self, pdf: bytes, *, job: str) -> str:
        """Print one card face; returns where it went (shown to the teller).
        Raises CardPrinterError."""
        ...


_JOB = re.compile(r"[^A-Za-z0-9._-]")


class PdfCardPrinter:
    """Writes each face to ``folder/<job>.pdf`` (replaced atomically)."""

    def __init__(self, folder: Path, *, name: str = QT_TR_NOOP("卡面打印机（PDF输出）")) -> None:
        self.folder = folder
        self._name = name

    @property
    def name(self) -> str:
        return self._name

    def print_face(self, pdf: bytes, *, job: str) -> str:
        if not pdf.startswith(b"%PDF"):
            raise ValueError("a card face is a PDF")
        target = self.folder / f"{_JOB.sub('_', job)}.pdf"
        tmp = target.with_suffix(".pdf.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(pdf)
            os.replace(tmp, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise CardPrinterError(
                zh("卡面打印机未能打印（{printer}：{problem}），卡片芯片已写好，未作废。", printer=self._name,
                   problem=exc.strerror or QT_TR_NOOP("无法写入"))) from exc
        return str(target)


PDF_PREFIX = "pdf:"  # printers.card_face = "pdf:<folder>": faces written as PDF files there
DEFAULT_FOLDER = "card-faces"  # printers.card_face = "": below the state folder


def pdf_folder(setting: str, state: Path) -> Path | None:
    """Where a PDF-writing card printer puts the faces for the profile's ``printers.card_face``
    (a relative folder is below ``state``); None when the setting names a system printer."""
    if not setting:
        return state / DEFAULT_FOLDER
    if setting.startswith(PDF_PREFIX):
        folder = Path(setting[len(PDF_PREFIX):])
        return folder if folder.is_absolute() else state / folder
    return None



class UnreachableCardPrinter:
    """``printers.card_face`` names a system printer but nothing that can paint on it was given
    (the command line, no screen): every face is refused, the card goes to the manual path."""

    def __init__(self, printer: str) -> None:
        self._name = printer

    @property
    def name(self) -> str:
        return self._name

    def print_face(self, pdf: bytes, *, job: str) -> str:
        raise CardPrinterError(zh("卡面打印机“{printer}”只能在柜台界面中使用，卡片芯片已写好，未作废。",
                                  printer=self._name))
