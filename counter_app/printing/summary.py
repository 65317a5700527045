"""The printable summary of a social-security query (社会保险信息查询结果, A4 portrait).

Not a certificate: it has no authorisation code and says so; a person who needs proof is
given a contribution certificate. The content arrives as plain, already masked text (the
ID and social security numbers are never printed whole); this module only lays it out:
the person, then each table flowing over as many pages as it needs with its header
repeated, then the notes. Every page names the branch, the print time and "page i of n".
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import MUTED, NOTICE_FILL, NOTICE_RULE, SECTION_INK, Sheet
from counter_app.printing.models import BranchInfo

LEFT = 12.0
WIDTH = 186.0
TOP = 14.0
BOTTOM = 280.0  # content stops above this line (mm from the top); the page line is below
SECTION_H = 7.0


@dataclass(frozen=True)
class SummaryTable:
    """A titled table. A row shorter than the columns is a note row: its first cell sits in
    the first column and its second spans the rest, shaded (e.g. months without a record)."""

    title: str
    columns: tuple[tuple[str, float], ...]  # header text, width in mm (adding up to WIDTH)
    rows: tuple[tuple[str, ...], ...]
    empty_zh: str = "无记录"
    row_h: float = 6.0
    groups: tuple[tuple[str, float], ...] = ()  # an optional header row above the columns


@dataclass(frozen=True)
class SummaryData:
    title: str
    person: tuple[tuple[str, str], ...]  # label, value (masked where personal)
    tables: tuple[SummaryTable, ...]
    notes: tuple[str, ...]
    branch: BranchInfo
    printed_at: dt.datetime  # Beijing time
    queried_at: dt.datetime  # Beijing time: when the central answered
    reference: str  # the query's number, so a loose page is traced
    marks: tuple[str, ...] = field(default=())  # e.g. 补打 on a second print


class _Flow:
    """A cursor down the pages; a new page starts when the next block does not fit."""

    def __init__(self, sheet: Sheet, data: SummaryData, total: int) -> None:
        self.sheet, self.data, self.total = sheet, data, total
        self.page = 0
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.sheet.canvas.showPage()
        self.page += 1
        _frame(self.sheet, self.data, self.page, self.total)
        self.y = TOP + (22.0 if self.page == 1 else 6.0)

    def room(self, h: float) -> None:
        if self.y + h > BOTTOM:
            self.new_page()


def _frame(sheet: Sheet, data: SummaryData, page: int, total: int) -> None:
    b = data.branch
    if page == 1:
        sheet.text(105, TOP + 6, data.title, 16, align="center", bold=True, colour=SECTION_INK)
        sheet.text(105, TOP + 13, "（供本人核对信息之用，不作为参保证明）", 9.5, align="center",
                   colour=MUTED)
        sheet.text(LEFT, TOP + 19.5, f"查询编号 {data.reference}", 8.5, colour=MUTED)
        sheet.text(LEFT + WIDTH, TOP + 19.5,
                   f"中心数据时间 {data.queried_at:%Y-%m-%d %H:%M:%S}", 8.5, align="right",
                   colour=MUTED)
    else:
        sheet.text(LEFT, TOP + 2, f"{data.title}（续）　查询编号 {data.reference}", 9,
                   colour=MUTED)
    for i, mark in enumerate(data.marks):
        sheet.text(LEFT + WIDTH, TOP + 2 + i * 5 if page > 1 else TOP + 6 + i * 5, mark, 11,
                   align="right", bold=True, colour=NOTICE_RULE)
    sheet.hline(LEFT, BOTTOM + 3, WIDTH, line=0.4, colour=MUTED)
    sheet.text(LEFT, BOTTOM + 8, f"{b.bank_name} {b.name}（网点号 {b.code}）代为查询打印", 8,
               colour=MUTED)
    sheet.text(LEFT + WIDTH, BOTTOM + 8,
               f"打印时间 {data.printed_at:%Y-%m-%d %H:%M:%S}　第 {page} 页 / 共 {total} 页", 8,
               align="right", colour=MUTED)


def _person(flow: _Flow) -> None:
    sheet, pairs = flow.sheet, flow.data.person
    flow.room(SECTION_H + 7.0 * ((len(pairs) + 1) // 2))
    sheet.section(LEFT, flow.y, WIDTH, SECTION_H, "人员基本信息")
    flow.y += SECTION_H
    label_w, value_w = 28.0, WIDTH / 2 - 28.0
    for i in range(0, len(pairs), 2):
        for j, (label, value) in enumerate(pairs[i:i + 2]):
            x = LEFT + j * WIDTH / 2
            sheet.cell(x, flow.y, label_w, 7.0, label, label=True, size=9.5)
            sheet.cell(x + label_w, flow.y, value_w, 7.0, value, size=10)
        flow.y += 7.0
    flow.y += 4.0


def _header(flow: _Flow, table: SummaryTable, continued: bool) -> None:
    sheet = flow.sheet
    title = table.title + ("（续）" if continued else "")
    sheet.section(LEFT, flow.y, WIDTH, SECTION_H, title)
    flow.y += SECTION_H
    if table.groups:
        x = LEFT
        for text, w in table.groups:
            sheet.cell(x, flow.y, w, 5.5, text, label=True, size=8.5)
            x += w
        flow.y += 5.5
    x = LEFT
    for text, w in table.columns:
        sheet.cell(x, flow.y, w, 6.0, text, label=True, size=8.5, min_size=6.5)
        x += w
    flow.y += 6.0


def _table(flow: _Flow, table: SummaryTable) -> None:
    head = SECTION_H + 6.0 + (5.5 if table.groups else 0.0)
    flow.room(head + table.row_h * min(3, max(1, len(table.rows))))
    _header(flow, table, continued=False)
    sheet = flow.sheet
    if not table.rows:
        sheet.cell(LEFT, flow.y, WIDTH, table.row_h, table.empty_zh, size=9.5, align="center",
                   colour=MUTED)
        flow.y += table.row_h + 4.0
        return
    for row in table.rows:
        if flow.y + table.row_h > BOTTOM:
            flow.new_page()
            _header(flow, table, continued=True)
        if len(row) < len(table.columns):
            first_w = table.columns[0][1]
            sheet.rect(LEFT, flow.y, WIDTH, table.row_h, fill=NOTICE_FILL, stroke=None)
            sheet.cell(LEFT, flow.y, first_w, table.row_h, row[0], size=8.5, min_size=6.0)
            sheet.cell(LEFT + first_w, flow.y, WIDTH - first_w, table.row_h,
                       row[1] if len(row) > 1 else "", size=9, align="center",
                       colour=NOTICE_RULE)
        else:
            x = LEFT
            for text, (_h, w) in zip(row, table.columns, strict=True):
                sheet.cell(x, flow.y, w, table.row_h, text, size=8.5, min_size=6.0)
                x += w
        flow.y += table.row_h
    flow.y += 4.0


def _notes(flow: _Flow) -> None:
    sheet = flow.sheet
    flow.room(SECTION_H + 12.0)
    sheet.section(LEFT, flow.y, WIDTH, SECTION_H, "说明")
    flow.y += SECTION_H + 2.0
    for i, note in enumerate(flow.data.notes, start=1):
        text = f"{i}. {note}"
        h = sheet.paragraph_height(WIDTH - 4, text, 9)
        flow.room(h + 1.0)
        flow.y += sheet.paragraph(LEFT + 2, flow.y, WIDTH - 4, text, 9) + 1.0


class _Measure(Sheet):
    """The first pass: the same flow, nothing drawn (it only counts the pages)."""

    def text(self, *args: Any, **kwargs: Any) -> None:
        pass

    def rect(self, *args: Any, **kwargs: Any) -> None:
        pass

    def hline(self, *args: Any, **kwargs: Any) -> None:
        pass

    def cell(self, *args: Any, **kwargs: Any) -> None:
        pass


def _draw(canvas: Canvas, fonts: CjkFonts, data: SummaryData, total: int) -> int:
    sheet = (_Measure if total == 0 else Sheet)(canvas, fonts, *A4)
    flow = _Flow(sheet, data, total)
    _person(flow)
    for table in data.tables:
        _table(flow, table)
    _notes(flow)
    canvas.showPage()
    return flow.page


def render_summary(data: SummaryData, *, fonts: CjkFonts | None = None) -> bytes:
    """The summary as PDF bytes (drawn twice: the first pass counts the pages)."""
    fonts = fonts or cjk_fonts()
    total = _draw(Canvas(io.BytesIO(), pagesize=A4), fonts, data, 0)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"{data.title} {data.reference}")
    canvas.setSubject("社会保险信息查询结果")
    canvas.setCreator("counter-app")
    _draw(canvas, fonts, data, total)
    canvas.save()
    return buffer.getvalue()
