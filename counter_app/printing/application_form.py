"""The application form 社会保障卡申领登记表 (A4), signed at the counter and kept by the branch."""

from __future__ import annotations

import datetime as _dt
import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from counter_app.domain.errors import ValidationError
from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import MUTED, NOTICE_FILL, NOTICE_RULE, RULE, Sheet, masthead
from counter_app.printing.models import ApplicationFormData, DeliveryMode

LEFT = 15.0
WIDTH = 180.0
ROW = 8.6
SECTION = 6.8
PHOTO_W, PHOTO_H = 26.0, 32.0  # print size of the card photo (card-spec §3)

DECLARATION = (
    "本人（监护人）承诺：以上填写的信息及提交的证件、照片真实、准确、完整，照片为申领人本人近期"
    "免冠正面彩色照片。本人已知悉：社会保障卡仅限本人使用，不得出租、出借、转让；伪造、变造、买卖"
    "或者冒用他人社会保障卡的，将依法承担法律责任。本人同意人力资源和社会保障部门及合作银行为办理"
    "社会保障卡及关联银行账户的需要，依法采集、使用上述个人信息。"
)


def date_zh(day: _dt.date) -> str:
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def render_application_form(
    data: ApplicationFormData, *, fonts: CjkFonts | None = None
) -> bytes:
    """The signed form as PDF bytes. Same input, same bytes (no clock read, invariant PDF)."""
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    city = data.branch.city_name
    canvas.setTitle(f"{city}社会保障卡申领登记表 {data.application_no}")
    canvas.setAuthor(data.branch.name)
    canvas.setSubject("社会保障卡申领登记表")
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts, *A4)
    _header(sheet, data)
    top = 44.0
    top = _applicant(sheet, data, top)
    top = _application(sheet, data, top)
    top = _guardian(sheet, data, top)
    top = _declaration(sheet, top)
    top = _signatures(sheet, data, top)
    _footer(sheet, data, top)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _header(sheet: Sheet, data: ApplicationFormData) -> None:
    branch = data.branch
    masthead(sheet, branch.bank_name, branch.name, branch.code, data.application_no,
             left=LEFT, width=WIDTH, y=15.5)
    sheet.text(105, 33.0, f"{branch.city_name}社会保障卡申领登记表", 18, align="center", bold=True)
    sheet.text(LEFT, 41.2, f"受理网点：{branch.name}", 9, colour=MUTED)
    sheet.text(LEFT + WIDTH, 41.2, f"受理日期：{date_zh(data.accepted_at.date())}", 9,
               align="right", colour=MUTED)


def _applicant(sheet: Sheet, data: ApplicationFormData, top: float) -> float:
    person = data.applicant
    sheet.section(LEFT, top, WIDTH, SECTION, "一、申领人基本信息")
    top += SECTION
    label, value = 22.0, 52.0
    grid = label * 2 + value * 2  # left of the photo column
    photo_col = WIDTH - grid
    rows = [
        ("姓名", person.name, "性别", person.sex_label),
        ("民族", person.nation, "出生日期", date_zh(person.birth_date)),
        ("证件类型", person.id_type, "国籍", person.nationality),
    ]
    for i, (l1, v1, l2, v2) in enumerate(rows):
        y = top + i * ROW
        sheet.cell(LEFT, y, label, ROW, l1, label=True)
        sheet.cell(LEFT + label, y, value, ROW, v1, size=12 if i == 0 else 10, bold=i == 0)
        sheet.cell(LEFT + label + value, y, label, ROW, l2, label=True)
        sheet.cell(LEFT + 2 * label + value, y, value, ROW, v2)
    y = top + 3 * ROW
    sheet.cell(LEFT, y, label, ROW, "证件号码", label=True)
    sheet.cell(LEFT + label, y, grid - label, ROW, _spaced_id(person.id_number), size=11.5)
    # photo column spans the four rows
    photo_h = 4 * ROW
    sheet.rect(LEFT + grid, top, photo_col, photo_h, line=0.5)
    px = LEFT + grid + (photo_col - PHOTO_W) / 2
    py = top + (photo_h - PHOTO_H) / 2
    if data.photo_jpeg:
        try:
            sheet.image(px, py, PHOTO_W, PHOTO_H, data.photo_jpeg)
        except Exception as exc:  # reportlab/Pillow raise many types for a bad image
            raise ValidationError(
                "photo", "照片数据无法打印，请重新采集照片后再打印登记表。", code="PRINT_PHOTO"
            ) from exc
        sheet.rect(px, py, PHOTO_W, PHOTO_H, line=0.3)
    else:
        sheet.rect(px, py, PHOTO_W, PHOTO_H, line=0.4, dash=(2, 2))
        sheet.text(px + PHOTO_W / 2, py + PHOTO_H / 2 - 1, "照片", 10, align="center", colour=MUTED)
        sheet.text(px + PHOTO_W / 2, py + PHOTO_H / 2 + 4, "26×32 mm", 7, align="center",
                   colour=MUTED)
    y = top + 4 * ROW
    half = (WIDTH - 2 * label) / 2
    sheet.cell(LEFT, y, label, ROW, "联系电话", label=True)
    sheet.cell(LEFT + label, y, half, ROW, person.phone)
    sheet.cell(LEFT + label + half, y, label, ROW, "户籍类别", label=True)
    sheet.cell(LEFT + 2 * label + half, y, half, ROW, person.household or "—")
    y += ROW
    sheet.cell(LEFT, y, label, ROW + 1.6, "常住地址", label=True)
    sheet.cell(LEFT + label, y, WIDTH - label, ROW + 1.6, person.address, max_lines=2)
    return y + ROW + 1.6


def _application(sheet: Sheet, data: ApplicationFormData, top: float) -> float:
    sheet.section(LEFT, top, WIDTH, SECTION, "二、申领业务信息")
    top += SECTION
    label = 22.0
    half = (WIDTH - 2 * label) / 2
    making = "即时制卡（网点当场制卡）" if data.branch.instant_issue else "集中制卡（中心统一制卡）"
    rows = [
        ("业务类型", data.business_type, "制卡方式", making),
        ("开户银行", data.card_bank, "受理网点", data.branch.name),
    ]
    for i, (l1, v1, l2, v2) in enumerate(rows):
        y = top + i * ROW
        sheet.cell(LEFT, y, label, ROW, l1, label=True)
        sheet.cell(LEFT + label, y, half, ROW, v1)
        sheet.cell(LEFT + label + half, y, label, ROW, l2, label=True)
        sheet.cell(LEFT + 2 * label + half, y, half, ROW, v2)
    y = top + 2 * ROW
    sheet.cell(LEFT, y, label, ROW, "领卡方式", label=True)
    sheet.cell(LEFT + label, y, WIDTH - label, ROW)
    x = LEFT + label + 3
    mode = data.delivery.mode
    options = (
        [DeliveryMode.INSTANT] if data.branch.instant_issue
        else [DeliveryMode.BRANCH_PICKUP, DeliveryMode.EMS]
    )
    if mode not in options:
        options.append(mode)
    labels = {
        DeliveryMode.INSTANT: "网点即时领卡",
        DeliveryMode.BRANCH_PICKUP: "制卡完成后到受理网点领取",
        DeliveryMode.EMS: "EMS邮寄",
    }
    for option in options:
        x += sheet.checkbox(x, y + ROW / 2, option == mode, labels[option]) + 9
    y += ROW
    ems = mode == DeliveryMode.EMS
    recipient = " ".join(p for p in (data.delivery.recipient, data.delivery.phone) if p)
    sheet.cell(LEFT, y, label, ROW, "邮寄地址", label=True)
    sheet.cell(LEFT + label, y, 98, ROW, data.delivery.address if ems else "—", max_lines=2)
    sheet.cell(LEFT + label + 98, y, 18, ROW, "收件人", label=True)
    sheet.cell(LEFT + label + 116, y, WIDTH - label - 116, ROW, recipient if ems else "—")
    return y + ROW


def _guardian(sheet: Sheet, data: ApplicationFormData, top: float) -> float:
    sheet.section(LEFT, top, WIDTH, SECTION, "三、监护人信息（申领人为未成年人时填写）")
    top += SECTION
    guardian = data.guardian
    if guardian is None:
        sheet.cell(LEFT, top, WIDTH, ROW, "申领人已成年，本栏无需填写。", align="center",
                   colour=MUTED, size=9.5)
        return top + ROW
    label = 24.0
    half = (WIDTH - 2 * label) / 2
    rows = [
        ("监护人姓名", guardian.name, "与申领人关系", guardian.relationship),
        ("证件号码", _spaced_id(guardian.id_number), "联系电话", guardian.phone),
    ]
    for i, (l1, v1, l2, v2) in enumerate(rows):
        y = top + i * ROW
        sheet.cell(LEFT, y, label, ROW, l1, label=True)
        sheet.cell(LEFT + label, y, half, ROW, v1, size=11 if i == 1 else 10.5)
        sheet.cell(LEFT + label + half, y, label, ROW, l2, label=True)
        sheet.cell(LEFT + 2 * label + half, y, half, ROW, v2)
    y = top + 2 * ROW
    sheet.cell(LEFT, y, label, ROW, "监护关系证明", label=True)
    sheet.cell(LEFT + label, y, WIDTH - label, ROW, f"{guardian.proof_document}（已核验原件）")
    return y + ROW


def _declaration(sheet: Sheet, top: float) -> float:
    sheet.section(LEFT, top, WIDTH, SECTION, "四、申领人承诺")
    top += SECTION
    size, leading = 9.2, 1.55
    text_h = sheet.paragraph_height(WIDTH - 6, DECLARATION, size, leading=leading,
                                    indent_first=True)
    height = text_h + 3.6
    sheet.rect(LEFT, top, WIDTH, height, line=0.5)
    sheet.paragraph(LEFT + 3, top + 1.4, WIDTH - 6, DECLARATION, size, leading=leading,
                    indent_first=True)
    return top + height


def _signatures(sheet: Sheet, data: ApplicationFormData, top: float) -> float:
    sheet.section(LEFT, top, WIDTH, SECTION, "五、签字确认")
    top += SECTION
    height = 27.0
    width = WIDTH / 3
    boxes = [
        ("申领人签名", "", False),
        ("监护人签名", "" if data.guardian else "（申领人已成年，无需签名）", data.guardian is None),
        ("经办柜员签章", f"柜员号：{data.teller_id}", False),
    ]
    for i, (title, note, not_applicable) in enumerate(boxes):
        x = LEFT + i * width
        sheet.rect(x, top, width, height, line=0.5)
        sheet.text(x + 2.5, top + 5.2, title, 9.5, bold=True, colour=RULE)
        if note:
            sheet.text(x + 2.5, top + 11.0, note, 8.5, colour=MUTED)
        if not not_applicable:
            sheet.hline(x + 6, top + 19.0, width - 12, line=0.4, colour=MUTED, dash=(1, 1.5))
        sheet.text(x + width - 3, top + height - 2.6, "日期：        年      月      日", 8.5,
                   align="right", colour=MUTED)
    return top + height


FOOTER_QR = 21.0
NOTICE_H = 11.0
BOTTOM_MARGIN = 12.0


def _footer(sheet: Sheet, data: ApplicationFormData, top: float) -> None:
    # anchored to the bottom of the page when the form leaves room, like a printed form
    needed = FOOTER_QR + (NOTICE_H + 3.0 if data.pending_sync else 0.0)
    top = max(top + 3.5, 297.0 - BOTTOM_MARGIN - needed)
    sheet.hline(LEFT, top - 1.8, WIDTH, line=0.3, colour=MUTED)
    if data.pending_sync:
        height = NOTICE_H
        sheet.rect(LEFT, top, WIDTH, height, fill=NOTICE_FILL, stroke=NOTICE_RULE, line=0.8)
        sheet.text(LEFT + 3, top + 4.6, "待上传", 10, bold=True, colour=NOTICE_RULE)
        sheet.paragraph(
            LEFT + 17, top + 1.6, WIDTH - 20,
            "本申请受理时网点与中心系统的专线中断，资料已安全暂存于本网点，线路恢复后自动上传，"
            "无需申领人再次到网点。上传完成前暂不能查询办理进度。",
            8.5, leading=1.35,
        )
        top += height + 3.0
    qr_size = FOOTER_QR
    sheet.qr(LEFT, top, qr_size, data.application_no)
    x = LEFT + qr_size + 4
    lines = [
        f"申请编号：{data.application_no}",
        "本表由受理网点留存归档。请申领人（监护人）核对以上信息无误后签名。",
        "办理进度可凭申请编号拨打 12333 咨询，或到受理网点查询。",
        f"受理时间：{data.accepted_at:%Y-%m-%d %H:%M}　经办柜员：{data.teller_id}"
        f"　打印时间：{data.printed_at or data.accepted_at:%Y-%m-%d %H:%M}",
    ]
    for i, line in enumerate(lines):
        sheet.text(x, top + 4.5 + i * 4.8, line, 8.5 if i else 9.5, colour=MUTED if i else RULE,
                   bold=i == 0)


def _spaced_id(number: str) -> str:
    """330203 19850612 2017: region, birth date, sequence — easier to check by eye."""
    value = number.strip()
    if len(value) == 18:
        return f"{value[:6]} {value[6:14]} {value[14:]}"
    return value
