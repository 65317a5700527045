"""The drawing kit of :mod:`layout`, tuned for the certificate's long tables.

A 48-month certificate draws ~2,000 cells; the plain :class:`layout.Sheet` measures every
string several times, clips every cell and draws the QR through reportlab's widget (which
encodes it twice: once for its bounds, once to draw). This sheet prints the same page:

* string widths and font runs are cached per (text, fonts, size) — a table repeats few
  distinct strings (years, 8,300.00, 已缴 …);
* a cell whose text fits on one line (at its size, or shrunk as the plain sheet shrinks it)
  is drawn without a clip path (the clip
  only matters for text that could spill over its neighbours);
* inside :meth:`CertificateSheet.batch` such cells are queued: their borders are drawn in
  the same order under one graphics state, then their texts as one text object (a cell's
  text never touches a border, so the order between the two does not show);
* the QR is encoded once (the widget encodes it twice) and its dark runs, merged per row,
  drawn straight on the canvas at the widget's geometry (4-module quiet zone).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from counter_app.printing.fonts import CjkFonts, font_runs
from counter_app.printing.layout import INK, LABEL_FILL, RULE, SECTION_INK, Sheet

QR_BORDER = 4  # modules of quiet zone, as reportlab's QrCodeWidget draws it
_PAD = 1.8  # mm between a cell's border and its text (as layout.Sheet.cell)


class _Measure:
    """Font runs, widths and fitted sizes for one set of fonts, remembered (bounded)."""

    LIMIT = 20000

    def __init__(self, fonts: CjkFonts) -> None:
        self.fonts = fonts
        self.runs: dict[str, tuple[tuple[str, str], ...]] = {}
        self.widths: dict[tuple[str, float], float] = {}
        self.fits: dict[tuple[str, float, float, float], float] = {}

    def runs_of(self, text: str) -> tuple[tuple[str, str], ...]:
        runs = self.runs.get(text)
        if runs is None:
            if len(self.runs) > self.LIMIT:
                self.runs.clear()
            runs = self.runs[text] = tuple(font_runs(text, self.fonts))
        return runs

    def width(self, text: str, size: float) -> float:
        key = (text, size)
        width = self.widths.get(key)
        if width is None:
            if len(self.widths) > self.LIMIT:
                self.widths.clear()
            width = self.widths[key] = sum(pdfmetrics.stringWidth(run, font, size)
                                           for font, run in self.runs_of(text))
        return width

    def fit(self, text: str, width_mm: float, size: float, min_size: float) -> float:
        """layout.Sheet.fit_size: the size a text shrinks to for a width."""
        key = (text, width_mm, size, min_size)
        fitted = self.fits.get(key)
        if fitted is None:
            if len(self.fits) > self.LIMIT:
                self.fits.clear()
            fitted, available = size, width_mm * mm
            while fitted > min_size and self.width(text, fitted) > available:
                fitted -= 0.25
            self.fits[key] = fitted
        return fitted


@functools.lru_cache(maxsize=8)
def _measure(fonts: CjkFonts) -> _Measure:
    return _Measure(fonts)


def qr_modules(value: str, level: str = "M") -> list[list[bool]]:
    """The QR's module matrix, as reportlab's widget encodes it (same version and mask)."""
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(value)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


@dataclass(frozen=True)
class _Box:
    x: float  # points, PDF coordinates
    y: float
    w: float
    h: float
    filled: bool


@dataclass(frozen=True)
class _Line:
    x: float  # points, PDF coordinates, already aligned
    y: float
    runs: tuple[tuple[str, str], ...]
    size: float
    colour: colors.Color


@dataclass
class CertificateSheet(Sheet):
    _boxes: list[_Box] | None = field(default=None, init=False)
    _lines: list[_Line] = field(default_factory=list, init=False)
    _m: _Measure = field(init=False)

    def __post_init__(self) -> None:
        self._m = _measure(self.fonts)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Queue the simple cells drawn inside; draw them on leaving."""
        self._boxes = []
        try:
            yield
        finally:
            self._flush()
            self._boxes = None

    def _flush(self) -> None:
        boxes, lines = self._boxes, self._lines
        if not boxes and not lines:
            return
        c = self.canvas
        c.saveState()
        if boxes:
            c.setLineWidth(0.5)
            c.setStrokeColor(RULE)
            c.setFillColor(LABEL_FILL)
            for b in boxes:
                c.rect(b.x, b.y, b.w, b.h, stroke=1, fill=1 if b.filled else 0)
        if lines:
            obj = c.beginText()
            obj.setTextRenderMode(0)
            colour: colors.Color | None = None
            font: tuple[str, float] | None = None
            for line in lines:
                obj.setTextOrigin(line.x, line.y)
                if line.colour != colour:
                    obj.setFillColor(line.colour)
                    colour = line.colour
                for name, run in line.runs:
                    if font != (name, line.size):
                        obj.setFont(name, line.size)
                        font = (name, line.size)
                    obj.textOut(run)
            c.drawText(obj)
        c.restoreState()
        if boxes is not None:
            boxes.clear()
        lines.clear()

    def text_width(self, text: str, size: float) -> float:
        return self._m.width(text, size)

    def fit_size(self, text: str, width_mm: float, size: float, min_size: float) -> float:
        return self._m.fit(text, width_mm, size, min_size)

    def text(self, x_mm: float, baseline_mm: float, text: str, size: float, *,
             align: str = "left", bold: bool = False, colour: colors.Color = INK) -> None:
        width = self._m.width(text, size)
        x = x_mm * mm
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        c = self.canvas
        c.saveState()
        obj = c.beginText(x, self.y(baseline_mm))
        obj.setFillColor(colour)
        if bold:
            obj.setTextRenderMode(2)  # no bold face: fill and stroke the outline
            c.setStrokeColor(colour)
            c.setLineWidth(size * 0.035)
        else:
            obj.setTextRenderMode(0)
        for font, run in self._m.runs_of(text):
            obj.setFont(font, size)
            obj.textOut(run)
        c.drawText(obj)
        c.restoreState()

    def cell(self, x_mm: float, top_mm: float, w_mm: float, h_mm: float, text: str = "", *,
             label: bool = False, size: float = 10.0, min_size: float = 7.0,
             align: str | None = None, colour: colors.Color | None = None, bold: bool = False,
             max_lines: int = 2) -> None:
        inner = w_mm - 2 * _PAD
        original = size
        line_mm = 0.0
        if not text and self._boxes is not None:
            self._boxes.append(_Box(x_mm * mm, self.y(top_mm + h_mm), w_mm * mm, h_mm * mm, label))
            return
        if text:
            size = self.fit_size(text, inner, size, min_size)  # as the general path shrinks it
            line_mm = size * 1.2 / mm
        if not text or self._m.width(text, size) > inner * mm or line_mm > h_mm:
            # empty, or the text must wrap or be cut: the general (clipped) path, after
            # what is queued so the drawing order stays the same
            self._flush()
            super().cell(x_mm, top_mm, w_mm, h_mm, text, label=label, size=original,
                         min_size=min_size, align=align, colour=colour, bold=bold,
                         max_lines=max_lines)
            return
        # one line inside the box: nothing to clip
        align = align or ("center" if label else "left")
        colour = colour or (SECTION_INK if label else INK)
        baseline = top_mm + (h_mm - line_mm) / 2 + size * 0.86 / mm
        x = {"left": x_mm + _PAD, "center": x_mm + w_mm / 2, "right": x_mm + w_mm - _PAD}[align]
        if self._boxes is None or bold:
            self._flush()
            self.rect(x_mm, top_mm, w_mm, h_mm, fill=LABEL_FILL if label else None, line=0.5)
            self.text(x, baseline, text, size, align=align, colour=colour, bold=bold)
            return
        self._boxes.append(_Box(x_mm * mm, self.y(top_mm + h_mm), w_mm * mm, h_mm * mm, label))
        width = self._m.width(text, size)
        px = x * mm - (width / 2 if align == "center" else width if align == "right" else 0.0)
        self._lines.append(_Line(px, self.y(baseline), self._m.runs_of(text), size, colour))

    def qr(self, x_mm: float, top_mm: float, size_mm: float, value: str) -> None:
        modules = qr_modules(value)
        box = size_mm * mm / (len(modules) + 2 * QR_BORDER)
        left, top = x_mm * mm, self.y(top_mm)
        c = self.canvas
        c.saveState()
        c.setFillColor(colors.black)
        # one rectangle per dark run, each its own fill: a rasteriser snaps a lone rectangle
        # to the pixel grid, so the modules stay as crisp as the widget draws them
        for r, row in enumerate(modules):
            y = top - (r + QR_BORDER + 1) * box
            col = 0
            for dark, run in itertools.groupby(row):
                n = len(list(run))
                if dark:
                    c.rect(left + (col + QR_BORDER) * box, y, n * box, box, stroke=0, fill=1)
                col += n
        c.restoreState()
