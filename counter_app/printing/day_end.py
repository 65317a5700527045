"""The day-end sheet (日终轧账单): tables of the day's figures on A4 pages to sign, and every
difference in a red box with its explanation (or "账实相符"). The workflow decides what the
tables hold (``workflows.day_end.documents``); this only lays them out."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import MUTED, RULE, Sheet
from counter_app.printing.models import BranchInfo

LEFT, WIDTH, ROW = 15.0, 180.0, 7.6
BAD = colors.HexColor("#B00020")
GOOD = colors.HexColor("#1F6F43")
BOTTOM = 275.0  # mm: below this a new page starts


@dataclass(frozen=True)
class Table:
    title: str
    heads: tuple[str, ...]
    widths: tuple[float, ...]  # mm, summing to the page's width
    rows: tuple[tuple[str, ...], ...]
    empty_zh: str = "无。"
    bad_rows: frozenset[int] = frozenset()  # rows printed in red


@dataclass(frozen=True)
class DayEndSheet:
    number: str
    branch: BranchInfo
    title: str
    facts: tuple[str, ...]  # lines under the title: day, scope, teller, time
    tables: tuple[Table, ...]
    differences: tuple[tuple[str, str], ...]  # (difference, explanation)
    signatures: tuple[str, ...] = ("轧账柜员", "复核柜员", "网点主管")


class _Pages:
    def __init__(self, sheet: Sheet, data: DayEndSheet) -> None:
        self.sheet, self.data, self.top, self.page = sheet, data, 0.0, 1

    def need(self, height: float) -> None:
        if self.top + height > BOTTOM:
            self.sheet.canvas.showPage()
            self.page += 1
            self.sheet.text(LEFT, 14.0, f"{self.data.branch.name} {self.data.title} {self.data.number}"
                            f"（续，第{self.page}页）", 9, colour=MUTED)
            self.top = 20.0


def render_day_end(data: DayEndSheet, *, fonts: CjkFonts | None = None) -> bytes:
    for t in data.tables:
        if len(t.heads) != len(t.widths) or any(len(row) != len(t.heads) for row in t.rows):
            raise ValueError(f"table {t.title!r}: every row has one cell per column")
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"{data.title} {data.number}")
    canvas.setAuthor(data.branch.name)
    canvas.setSubject(data.title)
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts, *A4)
    sheet.text(LEFT, 14.5, data.branch.bank_name, 11, bold=True, colour=RULE)
    sheet.text(LEFT, 19.5, f"{data.branch.name}（网点号 {data.branch.code}）", 8.5, colour=MUTED)
    sheet.barcode(LEFT + WIDTH, 9.5, data.number, height_mm=8.0, max_width_mm=70)
    sheet.text(LEFT + WIDTH, 21.0, f"轧账单编号 {data.number}", 8.5, align="right", colour=MUTED)
    sheet.text(105, 31.0, data.title, 17, align="center", bold=True)
    p = _Pages(sheet, data)
    p.top = 37.0
    for line in data.facts:
        sheet.text(LEFT, p.top, line, 9, colour=MUTED)
        p.top += 4.6
    p.top += 1.5
    for n, table in enumerate(data.tables, start=1):
        _table(sheet, p, n, table)
    _differences(sheet, p, len(data.tables) + 1, data.differences)
    _signatures(sheet, p, data.signatures)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


_NUMBERS = "一二三四五六七八九十"


def _align(value: str, width_mm: float) -> str:
    """Amounts right-aligned so their decimals line up down a column (by column width, ¥0.00
    was centred and ¥20.00 beside it left-aligned); short codes and counts centred."""
    if value.lstrip("-").startswith("¥"):
        return "right"
    return "center" if width_mm < 30 else "left"


def _heading(n: int, title: str) -> str:
    return f"{_NUMBERS[n - 1] if n <= len(_NUMBERS) else n}、{title}"


def _table(sheet: Sheet, p: _Pages, n: int, t: Table) -> None:
    p.need(6.5 + 2 * ROW)
    sheet.section(LEFT, p.top, WIDTH, 6.5, _heading(n, t.title))
    p.top += 6.5

    def heads() -> None:
        x = LEFT
        for h, w in zip(t.heads, t.widths, strict=True):
            sheet.cell(x, p.top, w, ROW, h, label=True, size=8.5)
            x += w
        p.top += ROW

    heads()
    if not t.rows:
        sheet.cell(LEFT, p.top, WIDTH, ROW, t.empty_zh, size=9)
        p.top += ROW + 3.5
        return
    for i, row in enumerate(t.rows):
        if p.top + ROW > BOTTOM:
            p.need(ROW * 2)
            heads()
        x = LEFT
        bad = i in t.bad_rows
        for value, w in zip(row, t.widths, strict=True):
            sheet.cell(x, p.top, w, ROW, value, size=9.0, min_size=6.5, align=_align(value, w),
                       colour=BAD if bad else None, bold=bad)
            x += w
        p.top += ROW
    p.top += 3.5


def _differences(sheet: Sheet, p: _Pages, n: int, diffs: tuple[tuple[str, str], ...]) -> None:
    p.need(6.5 + ROW)
    sheet.section(LEFT, p.top, WIDTH, 6.5, _heading(n, f"差异及说明（{len(diffs)} 项）"))
    p.top += 6.5
    if not diffs:
        sheet.cell(LEFT, p.top, WIDTH, ROW + 1.0, "账实相符，无差异。", size=11, bold=True, colour=GOOD)
        p.top += ROW + 6.0
        return
    for text, explanation in diffs:
        said = f"说明：{explanation}" if explanation else "说明：（尚未说明）"
        height = (sheet.paragraph_height(WIDTH - 4.0, text, 9.5)
                  + sheet.paragraph_height(WIDTH - 4.0, said, 9.5) + 4.0)
        p.need(height)
        sheet.rect(LEFT, p.top, WIDTH, height, line=0.8)
        sheet.paragraph(LEFT + 2.0, p.top + 2.0, WIDTH - 4.0, text, 9.5, colour=BAD)
        sheet.paragraph(LEFT + 2.0, p.top + 2.0 + sheet.paragraph_height(WIDTH - 4.0, text, 9.5),
                        WIDTH - 4.0, said, 9.5, colour=MUTED if explanation else BAD)
        p.top += height
    p.top += 6.0


def _signatures(sheet: Sheet, p: _Pages, who: tuple[str, ...]) -> None:
    p.need(18.0)
    part = WIDTH / max(1, len(who))
    for i, name in enumerate(who):
        sheet.text(LEFT + i * part, p.top + 8.0, f"{name}签字：", 10.5)
        sheet.hline(LEFT + i * part + 22.0, p.top + 9.0, part - 28.0)
