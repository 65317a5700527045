"""The contribution certificate 浙江省社会保险参保证明（个人专用） (A4 portrait, one or more pages).

The central issues the certificate (its content, authorisation code and QR payload); this
module only lays it out. Page 1 carries the person, the summary per insurance type and the
first months of detail; further pages continue the detail under a repeated column header;
the last page ends with the totals, the notes, the electronic seal area, the QR code and the
authorisation code. Every page names the code and "page i of n", so a loose page is traced
to its certificate. A reprint says so on every page.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.certificate_sheet import CertificateSheet
from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import MUTED, NOTICE_RULE, SECTION_INK
from counter_app.printing.masking import mask_id_number
from counter_app.printing.models import SEX_LABELS_ZH, BranchInfo

INSURANCE_ZH = {"PENSION": "养老保险", "UNEMPLOYMENT": "失业保险", "WORK_INJURY": "工伤保险"}
INSURANCE_SHORT_ZH = {"PENSION": "养老", "UNEMPLOYMENT": "失业", "WORK_INJURY": "工伤"}
STATUS_ZH = {"CONTRIBUTING": "参保缴费", "SUSPENDED": "暂停缴费", "NONE": "未参保"}
PLACE_ZH = {"330200": "宁波市"}
MAX_MONTHS = 48  # the printed detail never covers more (Zhejiang's layout)
SEAL_RED = colors.HexColor("#C8102E")

LEFT = 12.0
WIDTH = 186.0
BOTTOM = 284.0  # the detail stops above this line (mm from the top)
ROW = 4.7
HEAD = 10.0  # the two header rows of the detail table
FOOTER = 96.0  # totals, notes, seal and QR need this much below the last detail row


@dataclass(frozen=True)
class CertificatePerson:
    name: str
    social_security_no: str
    id_type: str
    id_number: str
    sex: str  # "1"/"2" or 男/女


@dataclass(frozen=True)
class InsuranceLine:
    insurance: str  # PENSION | UNEMPLOYMENT | WORK_INJURY
    status: str  # CONTRIBUTING | SUSPENDED | NONE
    employer_name: str
    employer_credit_code: str
    months_paid: int


@dataclass(frozen=True)
class MonthLine:
    year_month: str  # YYYYMM
    employer_no: str
    insurance: str
    place: str
    base_fen: int
    personal_fen: int
    paid: bool


@dataclass(frozen=True)
class CertificateData:
    title: str
    person: CertificatePerson
    summary: tuple[InsuranceLine, ...]
    months: tuple[MonthLine, ...]
    insurances: tuple[str, ...]  # the types this certificate shows, in order
    kind_zh: str  # e.g. 全部险种 / 养老保险
    auth_code: str
    qr_payload: str
    issued_at: dt.datetime  # Beijing time
    valid_until: dt.datetime
    printed_at: dt.datetime
    branch: BranchInfo
    printing: int = 1  # 1: the first print; n > 1: the (n-1)th reprint
    agency_zh: str = "宁波市社会保险管理服务中心"


@dataclass(frozen=True)
class DetailRow:
    year_month: str
    employer_no: str
    cells: dict[str, MonthLine]  # insurance → its month


def detail_rows(data: CertificateData) -> list[DetailRow]:
    """One row per month with a record, oldest first, at most the last 48 months."""
    by_month: dict[str, dict[str, MonthLine]] = {}
    for m in data.months:
        if m.insurance in data.insurances:
            by_month.setdefault(m.year_month, {})[m.insurance] = m
    months = sorted(by_month)[-MAX_MONTHS:]
    rows = []
    for ym in months:
        cells = by_month[ym]
        first = next(cells[i] for i in data.insurances if i in cells)
        rows.append(DetailRow(ym, first.employer_no, cells))
    return rows


def _ym_zh(ym: str) -> str:
    return f"{ym[:4]}年{ym[4:]}月"


def _next_ym(ym: str) -> str:
    y, m = int(ym[:4]), int(ym[4:])
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return f"{y}{m:02d}"


def gaps(year_months: Sequence[str]) -> list[tuple[str, str, int]]:
    """Runs of calendar months without a record between the first and the last:
    (first missing, last missing, how many)."""
    present = sorted(set(year_months))
    out = []
    for a, b in itertools.pairwise(present):
        missing = []
        ym = _next_ym(a)
        while ym < b:
            missing.append(ym)
            ym = _next_ym(ym)
        if missing:
            out.append((missing[0], missing[-1], len(missing)))
    return out


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def certificate_notes(data: CertificateData, rows: Sequence[DetailRow]) -> list[str]:
    notes = [
        f"本证明由{data.agency_zh}经办系统出具，{data.branch.name}"
        "仅代为打印，证明内容以社会保险经办机构记录为准。",
        f"本证明自出具之日起三个月内有效（至{data.valid_until:%Y年%m月%d日}）。"
        "查验人可扫描二维码或凭授权码向社会保险经办机构核验真伪；证明真伪以核验结果为准，"
        "涂改、复印无效。",
        "缴费状态“已缴”表示该月个人及单位应缴费用已足额到账，“未缴”表示应缴未缴或尚未到账。",
    ]
    holes = gaps([r.year_month for r in rows])
    if holes:
        spans = "；".join(f"{_ym_zh(a)}至{_ym_zh(b)}（{n}个月）" if n > 1 else f"{_ym_zh(a)}（1个月）"
                         for a, b, n in holes)
        notes.append(f"缴费期间内以下月份无缴费记录：{spans}。")
    notes.append("医疗保险参保缴费情况请另行查询。")
    return notes


def render_certificate(data: CertificateData, *, fonts: CjkFonts | None = None,
                       sheet_type: type[CertificateSheet] = CertificateSheet) -> bytes:
    """The certificate as PDF bytes. The ID and social security numbers are printed masked.
    ``sheet_type`` lets a test draw the same page with the plain drawing kit."""
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"{data.title} {data.auth_code}")
    canvas.setAuthor(data.agency_zh)
    canvas.setSubject("社会保险参保证明")
    canvas.setCreator("counter-app")
    sheet = sheet_type(canvas, fonts, *A4)
    rows = detail_rows(data)
    pages = paginate(len(rows))
    total = len(pages)
    for number, (start, end, first) in enumerate(pages, start=1):
        _page_frame(sheet, data, number, total)
        top = _first_page_top(sheet, data, rows) if first else 16.0
        if end > start or number == 1:
            top = _detail(sheet, data, rows[start:end], top, continued=not first,
                          months=len(rows))
        if number == total:
            _footer(sheet, data, rows, top)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


FIRST_DETAIL_TOP = 80.0  # where the detail's header starts on page 1
NEXT_DETAIL_TOP = 16.0


def paginate(n_rows: int) -> list[tuple[int, int, bool]]:
    """(first row, end row, first page?) per page; the footer fits below the last rows,
    else it gets a page of its own."""
    first_cap = int((BOTTOM - FIRST_DETAIL_TOP - 7.0 - HEAD) / ROW)
    next_cap = int((BOTTOM - NEXT_DETAIL_TOP - 7.0 - HEAD) / ROW)
    pages: list[tuple[int, int, bool]] = []
    start, cap, first = 0, first_cap, True
    while True:
        end = min(n_rows, start + cap)
        pages.append((start, end, first))
        if end >= n_rows:
            used = (FIRST_DETAIL_TOP if first else NEXT_DETAIL_TOP) + 7.0 + HEAD + (end - start) * ROW
            if used + FOOTER > BOTTOM + 8.0:
                pages.append((end, end, False))  # the footer on a page of its own
            return pages
        start, cap, first = end, next_cap, False


def _page_frame(sheet: CertificateSheet, data: CertificateData, number: int, total: int) -> None:
    """What every page carries: the code, the page number, a reprint mark."""
    sheet.text(LEFT, 9.0, f"授权码：{data.auth_code}", 8, colour=MUTED)
    sheet.text(LEFT + WIDTH, 9.0, f"第 {number} 页 / 共 {total} 页", 8, align="right",
               colour=MUTED)
    if data.printing > 1:
        sheet.text(105, 9.0, f"补打件（第{data.printing}次打印）", 8.5, align="center",
                   bold=True, colour=NOTICE_RULE)
    sheet.hline(LEFT, 10.8, WIDTH, line=0.4, colour=MUTED)
    sheet.text(105, 292.0, f"{data.title}　授权码 {data.auth_code}　打印时间 "
               f"{data.printed_at:%Y-%m-%d %H:%M}", 7, align="center", colour=MUTED)


def period_zh(data: CertificateData, rows: Sequence[DetailRow] | None = None) -> str:
    """The detail's period as printed: 2022年12月至2026年11月, or 无缴费记录."""
    rows = detail_rows(data) if rows is None else rows
    return (f"{_ym_zh(rows[0].year_month)}至{_ym_zh(rows[-1].year_month)}" if rows
            else "无缴费记录")


def _first_page_top(sheet: CertificateSheet, data: CertificateData,
                    rows: Sequence[DetailRow]) -> float:
    sheet.text(105, 21.0, data.title, 16, align="center", bold=True)
    period = period_zh(data, rows)
    sheet.text(105, 27.5, f"证明险种：{data.kind_zh}　　缴费明细期间：{period}", 9,
               align="center", colour=MUTED)
    if data.printing > 1:
        w, h = 22.0, 9.0
        x = LEFT + WIDTH - w
        sheet.rect(x, 15.5, w, h, stroke=NOTICE_RULE, line=1.2)
        sheet.text(x + w / 2, 21.8, "补　打", 14, align="center", bold=True, colour=NOTICE_RULE)
    p = data.person
    top, h = 32.0, 7.0
    label = 24.0
    value = (WIDTH - 3 * label) / 3
    sheet.cell(LEFT, top, label, h, "姓名", label=True, size=9)
    sheet.cell(LEFT + label, top, value, h, p.name, size=10)
    sheet.cell(LEFT + label + value, top, label, h, "性别", label=True, size=9)
    sheet.cell(LEFT + 2 * label + value, top, value, h, SEX_LABELS_ZH.get(p.sex, p.sex), size=10)
    sheet.cell(LEFT + 2 * (label + value), top, label, h, "证件类型", label=True, size=9)
    sheet.cell(LEFT + 3 * label + 2 * value, top, value, h, p.id_type, size=10)
    top += h
    half = WIDTH / 2 - label
    sheet.cell(LEFT, top, label, h, "社会保障号码", label=True, size=9)
    sheet.cell(LEFT + label, top, half, h, mask_id_number(p.social_security_no), size=10)
    sheet.cell(LEFT + label + half, top, label, h, "证件号码", label=True, size=9)
    sheet.cell(LEFT + 2 * label + half, top, half, h, mask_id_number(p.id_number), size=10)
    top += h + 3.0
    sheet.section(LEFT, top, WIDTH, 6.0, "一、参保情况")
    top += 6.0
    widths = (26.0, 24.0, 70.0, 44.0, WIDTH - 164.0)
    heads = ("险种", "参保状态", "参保单位名称", "统一社会信用代码", "累计缴费月数")
    x = LEFT
    for w, t in zip(widths, heads, strict=True):
        sheet.cell(x, top, w, 6.0, t, label=True, size=8.5)
        x += w
    top += 6.0
    lines = {s.insurance: s for s in data.summary}
    with sheet.batch():
        top = _summary_rows(sheet, data, lines, widths, top)
    return FIRST_DETAIL_TOP if top <= FIRST_DETAIL_TOP else top


def _summary_rows(sheet: CertificateSheet, data: CertificateData,
                  lines: dict[str, InsuranceLine], widths: Sequence[float], top: float) -> float:
    for ins in data.insurances:
        s = lines.get(ins)
        values = ((INSURANCE_ZH.get(ins, ins), STATUS_ZH.get(s.status, s.status), s.employer_name
                   or "—", s.employer_credit_code or "—", f"{s.months_paid}")
                  if s is not None else (INSURANCE_ZH.get(ins, ins), "未参保", "—", "—", "0"))
        x = LEFT
        for w, v, align in zip(widths, values, ("center", "center", "left", "center", "center"),
                               strict=True):
            sheet.cell(x, top, w, 6.0, v, size=8.5, align=align)
            x += w
        top += 6.0
    return top


def _columns(data: CertificateData) -> tuple[list[float], float]:
    """Widths of year, month, employer number, then per type: place, base, personal, paid."""
    fixed = [12.0, 9.0, 19.0]
    per_type = (WIDTH - sum(fixed)) / len(data.insurances)
    return fixed, per_type


def _detail(sheet: CertificateSheet, data: CertificateData, rows: Sequence[DetailRow], top: float,
            *, continued: bool, months: int) -> float:
    title = f"二、缴费明细（{months}个月）" + ("（续）" if continued else "")
    sheet.section(LEFT, top, WIDTH, 6.0, title)
    top += 7.0
    with sheet.batch():
        return _detail_table(sheet, data, rows, top)


def _detail_table(sheet: CertificateSheet, data: CertificateData, rows: Sequence[DetailRow],
                  top: float) -> float:
    fixed, per_type = _columns(data)
    sub = (0.22, 0.28, 0.28, 0.22)
    x = LEFT
    for w, t in zip(fixed, ("年份", "月份", "单位编号"), strict=True):
        sheet.cell(x, top, w, HEAD, t, label=True, size=8)
        x += w
    for ins in data.insurances:
        sheet.cell(x, top, per_type, HEAD / 2, INSURANCE_ZH.get(ins, ins), label=True, size=8)
        sx = x
        for f, t in zip(sub, ("参保地", "缴费基数", "个人缴纳", "状态"), strict=True):
            sheet.cell(sx, top + HEAD / 2, per_type * f, HEAD / 2, t, label=True, size=7,
                       min_size=5.5)
            sx += per_type * f
        x += per_type
    top += HEAD
    for row in rows:
        x = LEFT
        for w, v in zip(fixed, (row.year_month[:4], row.year_month[4:], row.employer_no),
                        strict=True):
            sheet.cell(x, top, w, ROW, v, size=7.5, align="center", max_lines=1)
            x += w
        for ins in data.insurances:
            m = row.cells.get(ins)
            values = (("", "", "", "—") if m is None else
                      (PLACE_ZH.get(m.place, m.place), yuan(m.base_fen), yuan(m.personal_fen),
                       "已缴" if m.paid else "未缴"))
            sx = x
            for f, v, align in zip(sub, values, ("center", "right", "right", "center"),
                                   strict=True):
                unpaid = m is not None and not m.paid and v == "未缴"
                sheet.cell(sx, top, per_type * f, ROW, v, size=7, min_size=5.5, align=align,
                           max_lines=1, colour=NOTICE_RULE if unpaid else None)
                sx += per_type * f
            x += per_type
        top += ROW
    return top


def _totals(sheet: CertificateSheet, data: CertificateData, rows: Sequence[DetailRow], top: float) -> float:
    fixed, per_type = _columns(data)
    sheet.cell(LEFT, top, sum(fixed), ROW + 1, "合计", label=True, size=8, bold=True)
    x = LEFT + sum(fixed)
    with sheet.batch():
        for ins in data.insurances:
            months = [r.cells[ins] for r in rows if ins in r.cells]
            paid = [m for m in months if m.paid]
            text = f"已缴{len(paid)}个月　个人缴纳 {yuan(sum(m.personal_fen for m in paid))} 元"
            sheet.cell(x, top, per_type, ROW + 1, text, size=7.5, min_size=5.5, align="center",
                       colour=SECTION_INK, max_lines=1)
            x += per_type
    return top + ROW + 1


def _footer(sheet: CertificateSheet, data: CertificateData, rows: Sequence[DetailRow], top: float) -> None:
    if rows:
        top = _totals(sheet, data, rows, top)
    top += 3.0
    sheet.section(LEFT, top, WIDTH, 6.0, "三、备注")
    top += 7.5
    size = 8.0
    for i, note in enumerate(certificate_notes(data, rows), start=1):
        sheet.text(LEFT + 1.5, top + size / 2.835 * 0.95, f"{i}.", size, colour=SECTION_INK)
        top += sheet.paragraph(LEFT + 6.0, top, WIDTH - 8.0, note, size, leading=1.4) + 0.8
    top += 3.0
    _seal(sheet, data, LEFT + 32.0, top + 19.0)
    qr = 30.0
    qx = LEFT + WIDTH - qr
    sheet.qr(qx, top, qr, data.qr_payload)
    tx = qx - 4.0
    lines = [
        (f"授权码：{data.auth_code}", 10.0, True),
        (f"出具时间：{data.issued_at:%Y-%m-%d %H:%M:%S}", 8.5, False),
        (f"有效期至：{data.valid_until:%Y-%m-%d}", 8.5, False),
        (f"打印时间：{data.printed_at:%Y-%m-%d %H:%M:%S}", 8.5, False),
        (f"打印网点：{data.branch.name}（{data.branch.code}）", 8.5, False),
    ]
    y = top + 5.0
    for text, size_, bold in lines:
        sheet.text(tx, y, text, size_, align="right", bold=bold,
                   colour=SECTION_INK if bold else MUTED)
        y += 5.2
    sheet.text(qx + qr / 2, top + qr + 4.0, "扫码核验真伪", 7.5, align="center", colour=MUTED)


def _seal(sheet: CertificateSheet, data: CertificateData, cx: float, cy: float) -> None:
    """The electronic seal area: the agency's round seal as the central's e-seal prints it."""
    c = sheet.canvas
    r = 19.0
    c.saveState()
    c.setStrokeColor(SEAL_RED)
    c.setFillColor(SEAL_RED)
    c.setLineWidth(1.6)
    c.circle(cx * mm, sheet.y(cy), r * mm, stroke=1, fill=0)
    c.setLineWidth(0.5)
    c.circle(cx * mm, sheet.y(cy), (r - 1.6) * mm, stroke=1, fill=0)
    # a five-pointed star in the middle
    path = c.beginPath()
    for k in range(10):
        angle = math.pi / 2 + k * math.pi / 5
        rad = (5.5 if k % 2 == 0 else 2.2) * mm
        px, py = cx * mm + rad * math.cos(angle), sheet.y(cy) + rad * math.sin(angle)
        if k == 0:
            path.moveTo(px, py)
        else:
            path.lineTo(px, py)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
    name = data.agency_zh
    size = sheet.fit_size(name, 2 * r - 16.0, 7.0, 4.5)
    sheet.text(cx, cy - 8.0, name, size, align="center", colour=SEAL_RED)
    sheet.text(cx, cy + 10.0, "社会保险业务专用章", 6.5, align="center", colour=SEAL_RED)
    sheet.text(cx, cy + r + 4.5, "（电子签章）", 7, align="center", colour=MUTED)
