"""Central production lists on A4: the batch receipt (制卡批次签收清单) with every card's
box/slot and every difference named in red, and the uncollected-cards list (未领卡清单) with
their age and the ones due to be returned for sealing (封存). Holders are masked: the lists
lie on the counter and go into the box with the cards.
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

LEFT, WIDTH, ROW = 15.0, 180.0, 7.5
BAD = colors.HexColor("#B00020")
GOOD = colors.HexColor("#1F6F43")
BOTTOM = 272.0  # mm: below this a new page starts


@dataclass(frozen=True)
class ReceiptLine:
    application_id: str
    holder: str  # masked name and ID number
    card_no: str
    location: str  # box/slot, "" when not received
    result_zh: str  # 已签收 / 缺卡 …
    bad: bool = False


@dataclass(frozen=True)
class BatchReceiptSheet:
    branch: BranchInfo
    batch_id: str
    teller: str
    at: dt.datetime  # Beijing time
    listed: int
    received: int
    lines: tuple[ReceiptLine, ...]
    differences: tuple[str, ...]  # one sentence each
    sent_zh: str  # 已上报中心 / 专线中断，签收单已暂存，线路恢复后自动上报
    list_pulled_zh: str = ""  # offline: when the list received against was pulled


@dataclass(frozen=True)
class UncollectedLine:
    application_id: str
    holder: str
    card_no: str
    location: str
    received_on: str
    age_days: int
    keep_until: str
    due: bool


@dataclass(frozen=True)
class UncollectedSheet:
    branch: BranchInfo
    teller: str
    at: dt.datetime
    keep_months: int
    lines: tuple[UncollectedLine, ...]


@dataclass(frozen=True)
class SealingLine:
    application_id: str
    holder: str
    card_no: str
    location: str  # the box/slot it was kept in
    received_on: str
    keep_until: str
    central_zh: str  # 中心已封存 / 待上传中心 / 中心拒绝…
    bad: bool = False


@dataclass(frozen=True)
class SealingSheet:
    branch: BranchInfo
    sealing_list_id: str
    teller: str
    at: dt.datetime  # Beijing time
    keep_months: int
    lines: tuple[SealingLine, ...]


class _Pages:
    def __init__(self, sheet: Sheet, title: str) -> None:
        self.sheet, self.title, self.top, self.page = sheet, title, 0.0, 1

    def need(self, mm_: float) -> None:
        if self.top + mm_ > BOTTOM:
            self.sheet.canvas.showPage()
            self.page += 1
            self.sheet.text(LEFT, 14.0, f"{self.title}（续，第{self.page}页）", 9, colour=MUTED)
            self.top = 20.0


def _start(title: str, branch: BranchInfo, number: str, number_label: str,
           fonts: CjkFonts | None) -> tuple[io.BytesIO, Canvas, Sheet]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"{title} {number}")
    canvas.setAuthor(branch.name)
    canvas.setSubject(title)
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts or cjk_fonts(), *A4)
    sheet.text(LEFT, 14.5, branch.bank_name, 11, bold=True, colour=RULE)
    sheet.text(LEFT, 19.5, f"{branch.name}（网点号 {branch.code}）", 8.5, colour=MUTED)
    sheet.barcode(LEFT + WIDTH, 9.5, number, height_mm=8.0, max_width_mm=62)
    sheet.text(LEFT + WIDTH, 21.0, f"{number_label} {number}", 8.5, align="right", colour=MUTED)
    sheet.text(105, 31.0, title, 17, align="center", bold=True)
    return buffer, canvas, sheet


def _table(sheet: Sheet, p: _Pages, heads: tuple[str, ...], widths: tuple[float, ...],
           rows: list[tuple[tuple[str, ...], bool]]) -> None:
    def head() -> None:
        x = LEFT
        for h, w in zip(heads, widths, strict=True):
            sheet.cell(x, p.top, w, ROW, h, label=True, size=9)
            x += w
        p.top += ROW

    head()
    for cells, bad in rows:
        if p.top + ROW > BOTTOM:
            p.need(ROW + ROW)
            head()
        x = LEFT
        for v, w in zip(cells, widths, strict=True):
            sheet.cell(x, p.top, w, ROW, v, size=9, colour=BAD if bad else None)
            x += w
        p.top += ROW


def _signatures(sheet: Sheet, p: _Pages, who: tuple[str, ...]) -> None:
    p.need(20.0)
    part = WIDTH / len(who)
    for i, name in enumerate(who):
        sheet.text(LEFT + i * part, p.top + 10.0, f"{name}签字：", 10.5)
        sheet.hline(LEFT + i * part + 22.0, p.top + 11.0, part - 28.0)


def render_batch_receipt(data: BatchReceiptSheet, *, fonts: CjkFonts | None = None) -> bytes:
    title = "社会保障卡制卡批次签收清单"
    buffer, canvas, sheet = _start(title, data.branch, data.batch_id, "批次号", fonts)
    sheet.text(LEFT, 38.0, f"签收时间 {data.at:%Y-%m-%d %H:%M:%S}　签收柜员 {data.teller}　"
               f"清单 {data.listed} 张　签收入柜 {data.received} 张", 9, colour=MUTED)
    p = _Pages(sheet, f"{title} {data.batch_id}")
    p.top = 42.0
    ok = not data.differences
    sheet.text(LEFT, p.top + 5.0, data.sent_zh, 10.5, bold=True, colour=GOOD if ok else RULE)
    p.top += 8.0
    if data.list_pulled_zh:
        sheet.text(LEFT, p.top + 4.0, data.list_pulled_zh, 9, colour=MUTED)
        p.top += 6.0
    sheet.section(LEFT, p.top, WIDTH, 7.0, "一、清单逐张核对（以芯片读出的卡号为准）")
    p.top += 7.0
    _table(sheet, p, ("序号", "申领编号", "持卡人", "卡号", "保管位置", "结果"),
           (12.0, 44.0, 48.0, 24.0, 24.0, 28.0),
           [((str(i), ln.application_id, ln.holder, ln.card_no, ln.location or "—",
              ln.result_zh), ln.bad) for i, ln in enumerate(data.lines, start=1)])
    p.top += 4.0
    p.need(7.0 + ROW)
    sheet.section(LEFT, p.top, WIDTH, 7.0, f"二、差异（{len(data.differences)} 项，已随签收单报中心）")
    p.top += 7.0
    if ok:
        sheet.cell(LEFT, p.top, WIDTH, ROW, "实物与清单相符，无差异。", size=11, bold=True,
                   colour=GOOD)
        p.top += ROW + 4.0
    for text in data.differences:
        height = max(ROW, sheet.paragraph_height(WIDTH - 4.0, text, 10) + 3.0)
        p.need(height)
        sheet.rect(LEFT, p.top, WIDTH, height, line=0.8)
        sheet.paragraph(LEFT + 2.0, p.top + 2.0, WIDTH - 4.0, text, 10, colour=BAD)
        p.top += height
    p.top += 4.0
    _signatures(sheet, p, ("签收柜员", "复核柜员", "网点主管"))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_uncollected(data: UncollectedSheet, *, fonts: CjkFonts | None = None) -> bytes:
    title = "社会保障卡未领卡清单"
    number = f"WL{data.branch.code}-{data.at:%Y%m%d}"
    buffer, canvas, sheet = _start(title, data.branch, number, "清单编号", fonts)
    due = sum(1 for ln in data.lines if ln.due)
    sheet.text(LEFT, 38.0, f"打印时间 {data.at:%Y-%m-%d %H:%M}　柜员 {data.teller}　"
               f"在柜未领 {len(data.lines)} 张　保管期 {data.keep_months} 个月　"
               f"逾期待退回封存 {due} 张", 9, colour=MUTED)
    p = _Pages(sheet, title)
    p.top = 42.0
    _table(sheet, p, ("序号", "保管位置", "持卡人", "卡号", "签收日", "已放天数", "保管至", "处理"),
           (11.0, 22.0, 44.0, 22.0, 21.0, 17.0, 21.0, 22.0),
           [((str(i), ln.location, ln.holder, ln.card_no, ln.received_on, str(ln.age_days),
              ln.keep_until, "退回封存" if ln.due else "通知领卡"), ln.due)
            for i, ln in enumerate(data.lines, start=1)])
    if not data.lines:
        sheet.cell(LEFT, p.top, WIDTH, ROW, "本网点没有待领取的卡片。", size=10)
        p.top += ROW
    p.top += 6.0
    p.need(12.0)
    sheet.paragraph(LEFT, p.top, WIDTH, "红色为超过保管期的卡片：请与本清单一并退回制卡中心封存；"
                    "持卡人此后领卡须先由中心解除封存。其余卡片请电话或短信通知持卡人领卡。", 9.5,
                    colour=MUTED)
    p.top += 12.0
    _signatures(sheet, p, ("打印柜员", "网点主管"))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class HandoutReceipt:
    branch: BranchInfo
    application_id: str
    card_no: str
    holder: str  # masked name
    holder_id: str  # masked ID number
    collector_zh: str  # 本人领取 / 监护人代领（…） / 单位代领（…，委托书 …）
    at: dt.datetime  # Beijing time
    teller: str
    e_card_claim_url: str = ""  # the central's claim address for the activated card
    # an employer's collection (单位代领): handed out, not activated; the holder must come
    card_state_zh: str = "已启用（社保功能、金融功能），密码已由持卡人设置"
    activated: bool = True  # False: no e-card block (the card is not active yet)


def render_handout_receipt(data: HandoutReceipt, *, fonts: CjkFonts | None = None) -> bytes:
    """A5 receipt of a hand-out with the QR that opens the electronic card's claim (the
    central's claim address with its token, as on the instant issuance receipt)."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.units import mm

    from counter_app.printing.ecard import draw_ecard_block
    from counter_app.printing.layout import LABEL_FILL, SECTION_INK

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A5, invariant=True, pageCompression=1)
    canvas.setTitle(f"社会保障卡领卡启用回执 {data.application_id}")
    canvas.setAuthor(data.branch.name)
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts or cjk_fonts(), *A5)
    left, width = 12.0, A5[0] / mm - 24.0
    sheet.text(left, 14.0, data.branch.bank_name, 10.5, bold=True, colour=RULE)
    sheet.text(left, 19.0, f"{data.branch.name}（网点号 {data.branch.code}）", 7.5, colour=MUTED)
    sheet.text(left + width / 2, 31.0, "社会保障卡领卡启用回执", 13, align="center", bold=True,
               colour=SECTION_INK)
    rows = (("申领编号", data.application_id), ("持卡人", data.holder),
            ("社会保障号码", data.holder_id), ("社会保障卡号", data.card_no),
            ("领卡方式", data.collector_zh), ("领卡时间", f"{data.at:%Y-%m-%d %H:%M}"),
            ("卡片状态", data.card_state_zh), ("经办柜员", data.teller))
    top = 40.0
    for label, value in rows:
        sheet.rect(left, top, 30.0, 8.0, fill=LABEL_FILL, line=0.4)
        sheet.rect(left + 30.0, top, width - 30.0, 8.0, line=0.4)
        sheet.text(left + 2.0, top + 5.5, label, 8, colour=MUTED)
        sheet.text(left + 32.0, top + 5.5, value, sheet.fit_size(value, width - 34.0, 9, 6))
        top += 8.0
    top += 6.0
    if data.activated:
        top = draw_ecard_block(sheet, left, top, width, data.e_card_claim_url)
    sheet.text(left, top + 4.0, "领卡人签收：________________　　日期：____年__月__日", 9)
    top += 12.0
    for i, line in enumerate(sheet.wrap(
            "请妥善保管社会保障卡和密码，勿将卡片借给他人使用。卡片遗失请及时拨打12333或发卡银行"
            "客服电话挂失。", width, 7.5)):
        sheet.text(left, top + i * 4.6, line, 7.5, colour=MUTED)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_sealing_list(data: SealingSheet, *, fonts: CjkFonts | None = None) -> bytes:
    """封存清单: the cards past the keeping period returned to the central, packed with it."""
    title = "社会保障卡超期未领退回封存清单"
    buffer, canvas, sheet = _start(title, data.branch, data.sealing_list_id, "清单编号", fonts)
    sheet.text(LEFT, 38.0, f"封存时间 {data.at:%Y-%m-%d %H:%M}　经办柜员 {data.teller}　"
               f"保管期 {data.keep_months} 个月　退回封存 {len(data.lines)} 张", 9, colour=MUTED)
    p = _Pages(sheet, f"{title} {data.sealing_list_id}")
    p.top = 42.0
    _table(sheet, p, ("序号", "原保管位置", "持卡人", "卡号", "签收日", "保管至", "中心"),
           (11.0, 24.0, 46.0, 22.0, 22.0, 22.0, 33.0),
           [((str(i), ln.location or "—", ln.holder, ln.card_no, ln.received_on, ln.keep_until,
              ln.central_zh), ln.bad) for i, ln in enumerate(data.lines, start=1)])
    p.top += 6.0
    p.need(14.0)
    sheet.paragraph(LEFT, p.top, WIDTH, "以上卡片已超过保管期未领取，已出柜并随本清单退回制卡中心封存。"
                    "持卡人此后领卡须先由中心解除封存。“待上传中心”的封存记录在专线恢复后自动上报。",
                    9.5, colour=MUTED)
    p.top += 14.0
    _signatures(sheet, p, ("经办柜员", "网点主管", "中心接收人"))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
