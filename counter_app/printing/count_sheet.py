"""The blank-card count sheet (空白卡盘点表): the reconciliation on one A4 page to sign.

received = in stock + in custody + issued + spoiled, the line per teller, the spoiled cards
with their reasons and supervisors, and every difference named in a red box (or "账实相符").
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import MUTED, RULE, Sheet
from counter_app.printing.models import BranchInfo

LEFT, WIDTH, ROW = 15.0, 180.0, 8.0
BAD = colors.HexColor("#B00020")
GOOD = colors.HexColor("#1F6F43")
BOTTOM = 270.0  # mm: below this a new page starts


@dataclass(frozen=True)
class CountLine:
    teller: str
    handed: int
    taken_back: int
    issued: int
    spoiled: int
    holding: int
    earlier: int
    counted: int | None


@dataclass(frozen=True)
class CountSheet:
    number: str
    branch: BranchInfo
    teller: str  # who reconciled and prints
    day: str
    at: dt.datetime  # Beijing time
    received: int
    in_stock: int
    in_custody: int
    issued: int
    spoiled: int
    counted_stock: int | None
    lines: tuple[CountLine, ...]
    differences: tuple[str, ...]
    spoiled_lines: tuple[tuple[str, str, str], ...]  # (serial, reason, supervisor)
    scope_zh: str = "全网点"


class _Pages:
    def __init__(self, sheet: Sheet, data: CountSheet) -> None:
        self.sheet, self.data, self.top, self.page = sheet, data, 0.0, 1

    def need(self, mm_: float) -> None:
        if self.top + mm_ > BOTTOM:
            self.sheet.canvas.showPage()
            self.page += 1
            self.sheet.text(LEFT, 14.0, f"{self.data.branch.name} 空白卡盘点表 {self.data.number}"
                            f"（续，第{self.page}页）", 9, colour=MUTED)
            self.top = 20.0


def render_count_sheet(data: CountSheet, *, fonts: CjkFonts | None = None) -> bytes:
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"空白卡盘点表 {data.number}")
    canvas.setAuthor(data.branch.name)
    canvas.setSubject("空白卡盘点表")
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts, *A4)
    # the masthead's layout, but the number is the sheet's, not an application's
    sheet.text(LEFT, 14.5, data.branch.bank_name, 11, bold=True, colour=RULE)
    sheet.text(LEFT, 19.5, f"{data.branch.name}（网点号 {data.branch.code}）", 8.5, colour=MUTED)
    sheet.barcode(LEFT + WIDTH, 9.5, data.number, height_mm=8.0, max_width_mm=62)
    sheet.text(LEFT + WIDTH, 21.0, f"盘点表编号 {data.number}", 8.5, align="right", colour=MUTED)
    sheet.text(105, 31.0, "社会保障卡空白卡盘点表", 17, align="center", bold=True)
    sheet.text(LEFT, 38.0, f"盘点日 {data.day}　盘点时间 {data.at:%Y-%m-%d %H:%M:%S}　"
               f"范围 {data.scope_zh}　盘点柜员 {data.teller}", 9, colour=MUTED)
    p = _Pages(sheet, data)
    p.top = 42.0
    _totals(sheet, data, p)
    _tellers(sheet, data, p)
    _spoiled(sheet, data, p)
    _differences(sheet, data, p)
    _signatures(sheet, p)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _totals(sheet: Sheet, d: CountSheet, p: _Pages) -> None:
    sheet.section(LEFT, p.top, WIDTH, 7.0, "一、全网点账务：入库 = 库存 + 柜员保管 + 已发卡 + 废卡")
    p.top += 7.0
    heads = ("入库登记", "网点库存", "柜员保管", "已发卡", "废卡", "库存实点")
    values = (d.received, d.in_stock, d.in_custody, d.issued, d.spoiled,
              "未录入" if d.counted_stock is None else d.counted_stock)
    w = WIDTH / len(heads)
    for i, (h, v) in enumerate(zip(heads, values, strict=True)):
        sheet.cell(LEFT + i * w, p.top, w, ROW, h, label=True)
        short = i == 5 and d.counted_stock is not None and d.counted_stock != d.in_stock
        sheet.cell(LEFT + i * w, p.top + ROW, w, ROW, str(v), align="center", size=11, bold=True,
                   colour=BAD if short else None)
    total = d.in_stock + d.in_custody + d.issued + d.spoiled
    p.top += 2 * ROW + 5.0
    ok = total == d.received
    sheet.text(LEFT, p.top, f"{d.received} {'=' if ok else '≠'} {d.in_stock} + {d.in_custody} + "
               f"{d.issued} + {d.spoiled}（合计 {total}）", 10.5, bold=True, colour=GOOD if ok else BAD)
    p.top += 5.0


def _tellers(sheet: Sheet, d: CountSheet, p: _Pages) -> None:
    p.need(7.0 + 2 * ROW)
    sheet.section(LEFT, p.top, WIDTH, 7.0, "二、柜员保管（当日）：领用 = 交回 + 发卡 + 废卡 + 在保管")
    p.top += 7.0
    heads = ("柜员", "领用", "交回", "发卡", "废卡", "在保管", "以前日未交回", "实点", "差额")
    widths = (28.0, 17.0, 17.0, 17.0, 17.0, 19.0, 27.0, 19.0, 19.0)
    x = LEFT
    for h, w in zip(heads, widths, strict=True):
        sheet.cell(x, p.top, w, ROW, h, label=True, size=9)
        x += w
    p.top += ROW
    if not d.lines:
        sheet.cell(LEFT, p.top, WIDTH, ROW, "当日无柜员领用空白卡。", size=9.5)
        p.top += ROW
    for line in d.lines:
        p.need(ROW)
        diff = line.handed - (line.taken_back + line.issued + line.spoiled + line.holding)
        cells = (line.teller, line.handed, line.taken_back, line.issued, line.spoiled, line.holding,
                 line.earlier, "—" if line.counted is None else line.counted, diff)
        x = LEFT
        for i, (v, w) in enumerate(zip(cells, widths, strict=True)):
            bad = (i == 8 and diff != 0) or (i == 6 and line.earlier > 0)
            sheet.cell(x, p.top, w, ROW, str(v), align="center", size=10, colour=BAD if bad else None,
                       bold=bad)
            x += w
        p.top += ROW
    p.top += 4.0


def _spoiled(sheet: Sheet, d: CountSheet, p: _Pages) -> None:
    p.need(7.0 + ROW)
    sheet.section(LEFT, p.top, WIDTH, 7.0, f"三、当日废卡（{len(d.spoiled_lines)} 张，须交回制卡中心）")
    p.top += 7.0
    widths = (45.0, 105.0, 30.0)
    if not d.spoiled_lines:
        sheet.cell(LEFT, p.top, WIDTH, ROW, "当日无废卡。", size=9.5)
        p.top += ROW + 4.0
        return
    x = LEFT
    for h, w in zip(("芯片序列号", "作废原因", "授权主管"), widths, strict=True):
        sheet.cell(x, p.top, w, ROW, h, label=True, size=9)
        x += w
    p.top += ROW
    for serial, reason, supervisor in d.spoiled_lines:
        p.need(ROW)
        x = LEFT
        for v, w in zip((serial, reason, supervisor), widths, strict=True):
            sheet.cell(x, p.top, w, ROW, v, size=9.5)
            x += w
        p.top += ROW
    p.top += 4.0


def _differences(sheet: Sheet, d: CountSheet, p: _Pages) -> None:
    p.need(7.0 + ROW)
    sheet.section(LEFT, p.top, WIDTH, 7.0, "四、差异")
    p.top += 7.0
    if not d.differences:
        sheet.cell(LEFT, p.top, WIDTH, ROW, "账实相符，无差异。", size=11, bold=True, colour=GOOD)
        p.top += ROW + 6.0
        return
    for text in d.differences:
        height = max(ROW, sheet.paragraph_height(WIDTH - 4.0, text, 10) + 3.0)
        p.need(height)
        sheet.rect(LEFT, p.top, WIDTH, height, line=0.8)
        sheet.paragraph(LEFT + 2.0, p.top + 2.0, WIDTH - 4.0, text, 10, colour=BAD)
        p.top += height
    p.top += 6.0


def _signatures(sheet: Sheet, p: _Pages) -> None:
    p.need(20.0)
    third = WIDTH / 3
    for i, who in enumerate(("盘点柜员", "复核柜员", "网点主管")):
        sheet.text(LEFT + i * third, p.top + 8.0, f"{who}签字：", 10.5)
        sheet.hline(LEFT + i * third + 22.0, p.top + 9.0, third - 28.0)
