"""The business receipt 业务回执 the customer takes home (A4)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import (
    MUTED,
    NOTICE_FILL,
    NOTICE_RULE,
    SECTION_INK,
    Sheet,
    masthead,
)
from counter_app.printing.masking import mask_id_number, mask_phone
from counter_app.printing.models import BranchInfo, Delivery, DeliveryMode, ReceiptData

LEFT = 15.0
WIDTH = 180.0
ROW = 8.4
SECTION = 6.8

@dataclass(frozen=True)
class ReceiptLabels:
    """The words that differ between businesses' receipts (the layout is shared)."""

    number: str = "申请编号"
    person: str = "申请人"
    keep_note: str = "请妥善保管本回执，领卡、查询时请出示。"


#: the application's receipt (the default)
APPLICATION_LABELS = ReceiptLabels()
#: a card business on an existing card (loss, de-loss, replacement …)
CARD_BUSINESS_LABELS = ReceiptLabels(number="业务编号", person="持卡人",
                                     keep_note="请妥善保管本回执，查询办理结果时请出示。")

PENDING_NOTICE = (
    "本业务受理时网点与中心系统的专线中断，资料已安全暂存于本网点，线路恢复后自动上传中心系统，"
    "无需您再次到网点办理。上传完成前暂时查询不到办理进度。"
)


def application_next_steps(
    branch: BranchInfo, delivery: Delivery, *, phone: str = "", pending_sync: bool = False
) -> tuple[str, ...]:
    """What the applicant does next, for the receipt of an application (申领). A pending
    upload is not a step: the receipt prints its own notice for it. An instant application
    still pending (the central did not confirm in time) is not made on the spot: the card is
    made once the central confirms, so the receipt never promises both."""
    steps: list[str] = []
    if delivery.mode == DeliveryMode.INSTANT and pending_sync:
        contact = f"（{mask_phone(phone)}）" if phone else ""
        steps += [
            "本次申领尚待中心系统确认，确认后由本网点制作新卡，柜员将电话通知您领卡，"
            f"请保持联系电话{contact}畅通；无需重复申领。",
            f"接到通知后，请携带本回执和申领人身份证原件到{branch.name}领卡，"
            "当面核对卡面信息，启用社会保障卡并设置6位数字密码。",
        ]
    elif delivery.mode == DeliveryMode.INSTANT:
        steps += [
            "新卡由本网点当场制作，请在等候区稍候，制卡完成后柜员将通知您领卡。",
            "领卡时当面核对卡面信息，启用社会保障卡并设置6位数字密码。",
        ]
    elif delivery.mode == DeliveryMode.EMS:
        contact = f"（{mask_phone(phone)}）" if phone else ""
        steps += [
            "社会保障卡由中心统一制作，制作完成后通过EMS寄送到您登记的邮寄地址，"
            f"请保持联系电话{contact}畅通。",
            f"收到卡片后，请携带卡片和申领人身份证原件到{branch.bank_name}网点启用并设置密码。",
        ]
    else:
        steps += [
            "社会保障卡由中心统一制作，制作完成后送达本网点。",
            f"卡片到达后，请携带本回执和申领人身份证原件到{branch.name}领卡，"
            "当面启用并设置6位数字密码；未成年人由监护人携带双方证件和户口簿代领。",
            "卡片到达网点后请及时领取，逾期未领取的卡片将按规定封存。",
        ]
    steps.append("办理进度可凭申请编号拨打 12333 咨询，或到受理网点查询。")
    return tuple(steps)


def render_business_receipt(data: ReceiptData, *, fonts: CjkFonts | None = None,
                            labels: ReceiptLabels = APPLICATION_LABELS) -> bytes:
    """The receipt as PDF bytes (A4 portrait). The ID number is printed masked; ``labels``
    name the number and the person as the business calls them."""
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    city = data.branch.city_name
    canvas.setTitle(f"{city}社会保障卡业务回执 {data.application_no}")
    canvas.setAuthor(data.branch.name)
    canvas.setSubject("业务回执")
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts, *A4)
    _header(sheet, data, labels)
    top = _table(sheet, data, 40.0, labels)
    top = _next_steps(sheet, data, top)
    _footer(sheet, data, top, labels)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _header(sheet: Sheet, data: ReceiptData, labels: ReceiptLabels) -> None:
    branch = data.branch
    masthead(sheet, branch.bank_name, branch.name, branch.code, data.application_no,
             left=LEFT, width=WIDTH, y=14.5, number_label=labels.number)
    sheet.text(105, 31.0, f"{branch.city_name}社会保障卡业务回执", 17, align="center", bold=True)
    sheet.text(LEFT + WIDTH, 36.8, "客户留存联", 8.5, align="right", colour=MUTED)


def _table(sheet: Sheet, data: ReceiptData, top: float, labels: ReceiptLabels) -> float:
    label, value = 24.0, 66.0
    status = "待上传（专线中断，已暂存本网点）" if data.pending_sync else "已受理，已提交中心系统"
    rows: list[tuple[str, str, str, str]] = [
        (labels.number, data.application_no, "业务类型", data.business_type),
        (labels.person, data.person_name, "证件号码", mask_id_number(data.id_number)),
        ("经办柜员", data.teller_id, "受理时间", f"{data.accepted_at:%Y-%m-%d %H:%M:%S}"),
    ]
    for i, (l1, v1, l2, v2) in enumerate(rows):
        y = top + i * ROW
        sheet.cell(LEFT, y, label, ROW, l1, label=True)
        sheet.cell(LEFT + label, y, value, ROW, v1, size=10.5, bold=i == 0)
        sheet.cell(LEFT + label + value, y, label, ROW, l2, label=True)
        sheet.cell(LEFT + 2 * label + value, y, value, ROW, v2, size=10.5)
    y = top + len(rows) * ROW
    full = [("受理网点", data.branch.name + (f"　{data.branch.address}" if data.branch.address
                                             else "")), *data.details]
    for l1, v1 in full:
        sheet.cell(LEFT, y, label, ROW, l1, label=True)
        sheet.cell(LEFT + label, y, WIDTH - label, ROW, v1, size=10.5)
        y += ROW
    sheet.cell(LEFT, y, label, ROW, "办理状态", label=True)
    sheet.cell(
        LEFT + label, y, WIDTH - label, ROW, status, size=10.5, bold=True,
        colour=NOTICE_RULE if data.pending_sync else SECTION_INK,
    )
    return y + ROW


def _next_steps(sheet: Sheet, data: ReceiptData, top: float) -> float:
    sheet.section(LEFT, top, WIDTH, SECTION, "后续办理事项")
    top += SECTION
    size, leading = 9.2, 1.45
    indent = 6.0
    numbered = [(f"{i}.", step) for i, step in enumerate(data.next_steps, start=1)]
    heights = [
        sheet.paragraph_height(WIDTH - indent - 4, step, size, leading=leading)
        for _, step in numbered
    ]
    box = sum(heights) + 2.2 * len(numbered) + 2.0
    sheet.rect(LEFT, top, WIDTH, box, line=0.5)
    y = top + 1.8
    for (number, step), height in zip(numbered, heights, strict=True):
        sheet.text(LEFT + 2.5, y + size / 2.835 * 0.95, number, size, colour=SECTION_INK)
        sheet.paragraph(LEFT + indent + 1, y, WIDTH - indent - 4, step, size, leading=leading)
        y += height + 2.2
    return top + box


def _footer(sheet: Sheet, data: ReceiptData, top: float, labels: ReceiptLabels) -> float:
    top += 3.0
    if data.pending_sync:
        sheet_h = sheet.paragraph_height(WIDTH - 20, PENDING_NOTICE, 8.5, leading=1.35) + 3.2
        sheet.rect(LEFT, top, WIDTH, sheet_h, fill=NOTICE_FILL, stroke=NOTICE_RULE, line=0.8)
        sheet.text(LEFT + 3, top + 4.6, "待上传", 10, bold=True, colour=NOTICE_RULE)
        sheet.paragraph(LEFT + 17, top + 1.6, WIDTH - 20, PENDING_NOTICE, 8.5, leading=1.35)
        top += sheet_h + 3.0
    qr_size = 20.0
    sheet.qr(LEFT, top, qr_size, data.application_no)
    x = LEFT + qr_size + 4
    lines = [
        labels.keep_note,
        "本回执仅证明业务已受理，不能代替社会保障卡使用。",
        f"打印时间：{data.printed_at or data.accepted_at:%Y-%m-%d %H:%M}",
    ]
    for i, line in enumerate(lines):
        sheet.text(x, top + 5.0 + i * 5.0, line, 8.5, colour=MUTED)
    # stamp area for the branch's business seal and the teller's signature
    stamp_w = 38.0
    sx = LEFT + WIDTH - stamp_w
    sheet.rect(sx, top, stamp_w, qr_size, line=0.4, stroke=MUTED, dash=(2, 1.5))
    sheet.text(sx + stamp_w / 2, top + qr_size / 2 + 1, "网点业务章", 8.5, align="center",
               colour=MUTED)
    sheet.text(sx - 4, top + qr_size - 1.5, "经办柜员签章：__________", 8.5, align="right",
               colour=MUTED)
    return top + qr_size
