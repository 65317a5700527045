"""A small drawing kit over a reportlab canvas: millimetres from the top-left corner, CJK
text in runs per font, cells whose text shrinks and wraps rather than overflow."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import CjkFonts, font_runs

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6B78")
RULE = colors.HexColor("#3E4C5A")
LABEL_FILL = colors.HexColor("#EEF2F6")
SECTION_FILL = colors.HexColor("#DCE5EF")
SECTION_INK = colors.HexColor("#1F3A5F")
NOTICE_FILL = colors.HexColor("#FFF4E0")
NOTICE_RULE = colors.HexColor("#C77700")

# keep Latin words, numbers and ID-like strings together; break CJK anywhere
_TOKEN = re.compile(r"[A-Za-z0-9@._\-/#*+:]+|\s+|.")
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)%")


@dataclass
class Sheet:
    canvas: Canvas
    fonts: CjkFonts
    width: float  # points
    height: float

    # geometry -------------------------------------------------------------------------
    def y(self, top_mm: float) -> float:
        return self.height - top_mm * mm

    # text -----------------------------------------------------------------------------
    def text_width(self, text: str, size: float) -> float:
        return sum(
            pdfmetrics.stringWidth(run, font, size) for font, run in font_runs(text, self.fonts)
        )

    def text(
        self,
        x_mm: float,
        baseline_mm: float,
        text: str,
        size: float,
        *,
        align: str = "left",
        bold: bool = False,
        colour: colors.Color = INK,
    ) -> None:
        width = self.text_width(text, size)
        x = x_mm * mm
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        c = self.canvas
        c.saveState()  # the text render mode is graphics state: keep it from leaking
        obj = c.beginText(x, self.y(baseline_mm))
        obj.setFillColor(colour)
        if bold:
            # WenQuanYi has no bold face: fill and stroke the outline instead
            obj.setTextRenderMode(2)
            c.setStrokeColor(colour)
            c.setLineWidth(size * 0.035)
        else:
            obj.setTextRenderMode(0)
        for font, run in font_runs(text, self.fonts):
            obj.setFont(font, size)
            obj.textOut(run)
        c.drawText(obj)
        c.restoreState()

    def fit_size(self, text: str, width_mm: float, size: float, min_size: float) -> float:
        available = width_mm * mm
        while size > min_size and self.text_width(text, size) > available:
            size -= 0.25
        return size

    def wrap(self, text: str, width_mm: float, size: float) -> list[str]:
        available = width_mm * mm
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for token in _TOKEN.findall(paragraph):
                candidate = line + token
                if (
                    line
                    and self.text_width(candidate.rstrip(), size) > available
                    and token[0] not in _NO_LINE_START
                ):
                    lines.append(line.rstrip())
                    line = token.lstrip()
                else:
                    line = candidate
            lines.append(line.rstrip())
        return lines

    def paragraph_height(
        self, width_mm: float, text: str, size: float, *, leading: float = 1.45,
        indent_first: bool = False,
    ) -> float:
        if indent_first:
            text = "\u3000\u3000" + text
        return len(self.wrap(text, width_mm, size)) * size * leading / mm

    def paragraph(
        self,
        x_mm: float,
        top_mm: float,
        width_mm: float,
        text: str,
        size: float,
        *,
        leading: float = 1.45,
        colour: colors.Color = INK,
        indent_first: bool = False,
    ) -> float:
        """Draw wrapped text; return the height used in mm."""
        line_mm = size * leading / mm
        if indent_first:
            text = "\u3000\u3000" + text
        lines = self.wrap(text, width_mm, size)
        for i, line in enumerate(lines):
            baseline = top_mm + size / mm * 0.95 + i * line_mm
            self.text(x_mm, baseline, line, size, colour=colour)
        return len(lines) * line_mm

    # boxes ----------------------------------------------------------------------------
    def rect(
        self,
        x_mm: float,
        top_mm: float,
        w_mm: float,
        h_mm: float,
        *,
        fill: colors.Color | None = None,
        stroke: colors.Color | None = RULE,
        line: float = 0.5,
        dash: tuple[float, float] | None = None,
    ) -> None:
        c = self.canvas
        c.saveState()
        c.setLineWidth(line)
        if stroke is not None:
            c.setStrokeColor(stroke)
        if fill is not None:
            c.setFillColor(fill)
        if dash:
            c.setDash(*dash)
        c.rect(
            x_mm * mm, self.y(top_mm + h_mm), w_mm * mm, h_mm * mm,
            stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0,
        )
        c.restoreState()

    def hline(self, x_mm: float, top_mm: float, w_mm: float, *, line: float = 0.5,
              colour: colors.Color = RULE, dash: tuple[float, float] | None = None) -> None:
        c = self.canvas
        c.saveState()
        c.setLineWidth(line)
        c.setStrokeColor(colour)
        if dash:
            c.setDash(*dash)
        c.line(x_mm * mm, self.y(top_mm), (x_mm + w_mm) * mm, self.y(top_mm))
        c.restoreState()

    def cell(
        self,
        x_mm: float,
        top_mm: float,
        w_mm: float,
        h_mm: float,
        text: str = "",
        *,
        label: bool = False,
        size: float = 10.0,
        min_size: float = 7.0,
        align: str | None = None,
        colour: colors.Color | None = None,
        bold: bool = False,
        max_lines: int = 2,
    ) -> None:
        """A bordered cell; labels are shaded and centred, values left-aligned. Text that is
        too long first shrinks to ``min_size``, then wraps onto up to ``max_lines`` lines."""
        self.rect(x_mm, top_mm, w_mm, h_mm, fill=LABEL_FILL if label else None, line=0.5)
        if not text:
            return
        align = align or ("center" if label else "left")
        colour = colour or (SECTION_INK if label else INK)
        pad = 1.8
        inner = w_mm - 2 * pad
        fitted = self.fit_size(text, inner, size, min_size)
        lines = [text]
        if self.text_width(text, fitted) > inner * mm and max_lines > 1:
            fitted = min_size
            lines = self.wrap(text, inner, fitted)
            # smaller still, and then as many lines as the cell holds, before anything is cut
            while len(lines) > max(max_lines, int(h_mm / (fitted * 1.2 / mm))) and fitted > 5.5:
                fitted -= 0.25
                lines = self.wrap(text, inner, fitted)
        line_mm = fitted * 1.2 / mm
        block = len(lines) * line_mm
        first = top_mm + (h_mm - block) / 2 + fitted * 0.86 / mm
        c = self.canvas
        c.saveState()
        # whatever happens, text never spills over the neighbouring boxes
        clip = c.beginPath()
        clip.rect(x_mm * mm, self.y(top_mm + h_mm), w_mm * mm, h_mm * mm)
        c.clipPath(clip, stroke=0, fill=0)
        for i, line in enumerate(lines):
            x = {"left": x_mm + pad, "center": x_mm + w_mm / 2, "right": x_mm + w_mm - pad}[align]
            self.text(x, first + i * line_mm, line, fitted, align=align, colour=colour, bold=bold)
        c.restoreState()

    def section(self, x_mm: float, top_mm: float, w_mm: float, h_mm: float, title: str) -> None:
        self.rect(x_mm, top_mm, w_mm, h_mm, fill=SECTION_FILL, line=0.7)
        self.text(x_mm + 2.5, top_mm + h_mm / 2 + 1.3, title, 10.5, bold=True, colour=SECTION_INK)

    def checkbox(self, x_mm: float, centre_mm: float, checked: bool, label: str,
                 size: float = 10.0) -> float:
        """A drawn tick box (no font glyph needed) and its label; returns the width used."""
        box = 3.2
        self.rect(x_mm, centre_mm - box / 2, box, box, line=0.6, stroke=INK)
        if checked:
            c = self.canvas
            c.saveState()
            c.setLineWidth(1.1)
            c.setStrokeColor(INK)
            path = c.beginPath()
            path.moveTo((x_mm + 0.6) * mm, self.y(centre_mm + 0.1))
            path.lineTo((x_mm + 1.35) * mm, self.y(centre_mm + 1.0))
            path.lineTo((x_mm + 2.7) * mm, self.y(centre_mm - 1.1))
            c.drawPath(path, stroke=1, fill=0)
            c.restoreState()
        self.text(x_mm + box + 1.2, centre_mm + size * 0.35 / mm, label, size)
        return box + 1.2 + self.text_width(label, size) / mm

    # pictures and codes ---------------------------------------------------------------
    def image(self, x_mm: float, top_mm: float, w_mm: float, h_mm: float, data: bytes) -> None:
        reader = ImageReader(io.BytesIO(data))
        self.canvas.drawImage(
            reader, x_mm * mm, self.y(top_mm + h_mm), w_mm * mm, h_mm * mm,
            preserveAspectRatio=True, anchor="c",
        )

    def barcode(self, x_mm: float, top_mm: float, value: str, *, height_mm: float = 9.0,
                max_width_mm: float = 60.0) -> float:
        """Code 128 of ``value``, right edge at ``x_mm``; returns its width in mm."""
        bar_width = 0.33 * mm
        code = code128.Code128(value, barHeight=height_mm * mm, barWidth=bar_width, quiet=False)
        if code.width > max_width_mm * mm:
            bar_width *= max_width_mm * mm / code.width
            code = code128.Code128(
                value, barHeight=height_mm * mm, barWidth=bar_width, quiet=False
            )
        width: float = code.width  # the stubs leave the widget's width untyped
        code.drawOn(self.canvas, x_mm * mm - width, self.y(top_mm + height_mm))
        return width / mm

    def qr(self, x_mm: float, top_mm: float, size_mm: float, value: str) -> None:
        widget = qr.QrCodeWidget(value, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        side = size_mm * mm
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, self.canvas, x_mm * mm, self.y(top_mm + size_mm))


def masthead(sheet: Sheet, bank_name: str, branch_name: str, branch_code: str, number: str,
             *, left: float, width: float, y: float, number_label: str = "申请编号") -> None:
    """Bank, branch and the application number (also as a barcode) across the top of a page."""
    sheet.text(left, y, bank_name, 11, bold=True, colour=RULE)
    sheet.text(left, y + 5.0, f"{branch_name}（网点号 {branch_code}）", 8.5, colour=MUTED)
    sheet.barcode(left + width, y - 5.0, number, height_mm=8.0, max_width_mm=62)
    sheet.text(left + width, y + 6.5, f"{number_label} {number}", 8.5, align="right", colour=MUTED)
