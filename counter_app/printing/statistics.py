"""The branch statistics report (网点业务统计) as PDF bytes: the totals, business volume per day
by type as stacked bars (drawn with reportlab's charts, vector, the same colours as the page),
the weekend share, average software and counter time per business, uncollected cards by age
and the central's totals for the branch."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from counter_app.domain.opening_hours import is_weekend
from counter_app.domain.schedule import WEEKDAY_ZH
from counter_app.domain.statistics import BranchFigures
from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import MUTED, RULE, Sheet
from counter_app.printing.models import BranchInfo

LEFT, WIDTH, ROW = 15.0, 180.0, 7.5
BOTTOM = 275.0  # mm: below this a new page starts

#: one colour per business kind, in the order of the figures (the page uses the same list)
SERIES_COLOURS = ("#1F5FA8", "#E07B00", "#2E8B57", "#B0413E", "#6A4C93", "#00838F", "#8D6E63",
                  "#C2185B", "#7CB342", "#5C6BC0", "#F9A825", "#546E7A")


def seconds_zh(seconds: float) -> str:
    """"1分05秒" / "12.3秒": counter time in minutes, software waits in seconds."""
    if seconds >= 60:
        whole = round(seconds)
        return f"{whole // 60}分{whole % 60:02d}秒"
    return f"{seconds:.1f}秒"


def day_label(day: dt.date) -> str:
    return f"{day:%m-%d} {WEEKDAY_ZH[day.weekday()][1]}"


class _Pages:
    def __init__(self, sheet: Sheet, title: str) -> None:
        self.sheet, self.title, self.top, self.page = sheet, title, 0.0, 1

    def need(self, mm_: float) -> None:
        if self.top + mm_ > BOTTOM:
            self.sheet.canvas.showPage()
            self.page += 1
            self.sheet.text(LEFT, 14.0, f"{self.title}（续，第{self.page}页）", 9, colour=MUTED)
            self.top = 20.0


def render_statistics(figures: BranchFigures, branch: BranchInfo, teller: str, at: dt.datetime,
                      *, fonts: CjkFonts | None = None) -> bytes:
    """``at``: when it is printed, Beijing time."""
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    period = f"{figures.date_from:%Y-%m-%d} 至 {figures.date_to:%Y-%m-%d}"
    canvas.setTitle(f"网点业务统计 {branch.code} {period}")
    canvas.setAuthor(branch.name)
    canvas.setSubject("网点业务统计")
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts, *A4)
    sheet.text(LEFT, 14.5, branch.bank_name, 11, bold=True, colour=RULE)
    sheet.text(LEFT, 19.5, f"{branch.name}（网点号 {branch.code}）", 8.5, colour=MUTED)
    sheet.text(105, 30.0, "网点业务统计", 17, align="center", bold=True)
    sheet.text(LEFT, 37.0, f"统计期间 {period}（北京时间）　本机柜台数据　打印 {at:%Y-%m-%d %H:%M}"
               f"　柜员 {teller}", 9, colour=MUTED)
    p = _Pages(sheet, f"{branch.name} 网点业务统计 {period}")
    p.top = 41.0
    _totals(sheet, figures, p)
    _volume_chart(sheet, figures, p)
    _days(sheet, figures, p)
    _times(sheet, figures, p)
    _uncollected(sheet, figures, p)
    _central(sheet, figures, p)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _totals(sheet: Sheet, f: BranchFigures, p: _Pages) -> None:
    sheet.section(LEFT, p.top, WIDTH, 7.0, "一、概况")
    p.top += 7.0
    heads = ("业务总量（笔）", "其中周末（笔）", "周末占比", "在柜未领卡（张）")
    values = (str(f.total), str(f.weekend_total), f"{f.weekend_share:.1%}", str(f.uncollected_total))
    w = WIDTH / len(heads)
    for i, (h, v) in enumerate(zip(heads, values, strict=True)):
        sheet.cell(LEFT + i * w, p.top, w, ROW, h, label=True, size=9.5)
        sheet.cell(LEFT + i * w, p.top + ROW, w, ROW + 1, v, align="center", size=12, bold=True)
    p.top += 2 * ROW + 5.0


def _volume_chart(sheet: Sheet, f: BranchFigures, p: _Pages) -> None:
    height = 68.0
    p.need(7.0 + height)
    sheet.section(LEFT, p.top, WIDTH, 7.0, "二、每日业务量（按业务类型堆叠）")
    p.top += 8.0
    if not f.businesses:
        sheet.text(LEFT + 2, p.top + 6, "统计期间没有办结的业务。", 10)
        p.top += 12.0
        return
    d = Drawing(WIDTH * mm, height * mm)
    chart = VerticalBarChart()
    # the stubs type these as int; whole points are precise enough for a chart
    chart.x, chart.y = round(12 * mm), round(14 * mm)
    chart.width, chart.height = round(118 * mm), round((height - 20) * mm)
    chart.data = [[day.counts[i] for day in f.days] for i in range(len(f.businesses))]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [day_label(day.day) for day in f.days]
    chart.categoryAxis.labels.fontName = sheet.fonts.regular
    chart.categoryAxis.labels.fontSize = 7 if len(f.days) <= 14 else 5
    chart.categoryAxis.labels.angle = 0 if len(f.days) <= 10 else 60
    chart.categoryAxis.labels.boxAnchor = "n" if len(f.days) <= 10 else "ne"
    chart.valueAxis.valueMin = 0
    top = max((day.total for day in f.days), default=0)
    chart.valueAxis.valueMax = max(5, top + (1 if top < 10 else top // 10))
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    step = max(1, round(chart.valueAxis.valueMax / 5))
    chart.valueAxis.valueStep = step
    for i in range(len(f.businesses)):
        chart.bars[i].fillColor = colors.HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)])
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = round(136 * mm), round((height - 8) * mm)
    legend.fontName = sheet.fonts.regular
    legend.fontSize = 8
    legend.alignment = "right"
    legend.dx = legend.dy = 6
    legend.deltay = 11
    legend.columnMaximum = 12
    legend.colorNamePairs = [
        (colors.HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]), f.title(k))
        for i, k in enumerate(f.businesses)]
    d.add(legend)
    renderPDF.draw(d, sheet.canvas, LEFT * mm, sheet.y(p.top + height))
    p.top += height + 3.0


def _days(sheet: Sheet, f: BranchFigures, p: _Pages) -> None:
    p.need(7.0 + 2 * ROW)
    sheet.section(LEFT, p.top, WIDTH, 7.0, "三、每日合计（周六、周日为周末）")
    p.top += 7.0
    per_row = 7
    for start in range(0, len(f.days), per_row):
        chunk = f.days[start:start + per_row]
        p.need(2 * ROW)
        w = WIDTH / per_row
        for i, day in enumerate(chunk):
            sheet.cell(LEFT + i * w, p.top, w, ROW, day_label(day.day) + ("（周末）" if is_weekend(day.day) else ""),
                       label=True, size=8.5)
            sheet.cell(LEFT + i * w, p.top + ROW, w, ROW, str(day.total), align="center", size=10)
        p.top += 2 * ROW
    p.top += 5.0


def _times(sheet: Sheet, f: BranchFigures, p: _Pages) -> None:
    p.need(7.0 + 2 * ROW)
    sheet.section(LEFT, p.top, WIDTH, 7.0, "四、每笔业务平均耗时")
    p.top += 7.0
    heads = ("业务", "笔数", "平均软件耗时（柜员等待系统）", "平均柜面耗时（开始至办结）")
    widths = (60.0, 20.0, 50.0, 50.0)
    x = LEFT
    for h, w in zip(heads, widths, strict=True):
        sheet.cell(x, p.top, w, ROW, h, label=True, size=9)
        x += w
    p.top += ROW
    if not f.times:
        sheet.cell(LEFT, p.top, WIDTH, ROW, "统计期间没有办结的业务。", size=9.5)
        p.top += ROW
    for t in f.times:
        p.need(ROW)
        x = LEFT
        for i, (v, w) in enumerate(zip((f.title(t.business), str(t.count), seconds_zh(t.software_s),
                                        seconds_zh(t.counter_s)), widths, strict=True)):
            sheet.cell(x, p.top, w, ROW, v, align="left" if i == 0 else "center", size=9.5)
            x += w
        p.top += ROW
    p.top += 5.0


def _uncollected(sheet: Sheet, f: BranchFigures, p: _Pages) -> None:
    p.need(7.0 + 2 * ROW + 8)
    sheet.section(LEFT, p.top, WIDTH, 7.0, "五、在柜未领卡片（按已保管天数）")
    p.top += 7.0
    w = WIDTH / max(1, len(f.uncollected))
    for i, (band, n) in enumerate(f.uncollected):
        sheet.cell(LEFT + i * w, p.top, w, ROW, band, label=True, size=9)
        sheet.cell(LEFT + i * w, p.top + ROW, w, ROW, str(n), align="center", size=10,
                   colour=colors.HexColor("#B00020") if i == len(f.uncollected) - 1 and n else None)
    p.top += 2 * ROW + 2.0
    sheet.text(LEFT, p.top + 3.0, "保管超过 90 天的卡片须退回中心封存（见集中制卡“未领卡清单”）。"
               "即办网点当场制卡，通常没有在柜卡片。", 8.5, colour=MUTED)
    p.top += 9.0


def _central(sheet: Sheet, f: BranchFigures, p: _Pages) -> None:
    p.need(7.0 + 2 * ROW + 8)
    sheet.section(LEFT, p.top, WIDTH, 7.0, "六、中心系统汇总（本网点全部柜台）")
    p.top += 7.0
    c = f.central
    if c is None:
        sheet.cell(LEFT, p.top, WIDTH, ROW, f.central_note_zh or "未获取中心汇总。", size=9.5)
        p.top += ROW + 3.0
        return
    items = (*c.by_business, ("合计", c.total))
    per_row = 6
    w = WIDTH / per_row
    for start in range(0, len(items), per_row):
        p.need(2 * ROW)
        for i, (kind, n) in enumerate(items[start:start + per_row]):
            sheet.cell(LEFT + i * w, p.top, w, ROW, CENTRAL_KINDS_ZH.get(kind, kind), label=True, size=8.5)
            sheet.cell(LEFT + i * w, p.top + ROW, w, ROW, str(n), align="center", size=10)
        p.top += 2 * ROW
    p.top += 3.0


#: the central's names for what it counts (docs/api/central-v1.yaml, BranchStatistics)
CENTRAL_KINDS_ZH = {
    "applications": "申领", "instant_issuances": "即时制卡", "handouts": "领卡",
    "losses": "挂失", "delosses": "解挂", "replacements": "补换卡",
    "certificates": "参保证明", "batch_receipts": "批次签收",
}
