"""The card face (卡面) of an instantly issued card, as a CR80 PDF, and the issuance receipt.

CR80 is 85.6 × 54 mm (ISO/IEC 7810 ID-1). The face carries what the third-generation
card prints: the title, the holder's photo, name, social security number, card number,
the issue month, and the issuing bank's area (the bank's own artwork is pre-printed on the
blank; the area is drawn here so the PDF shows where it goes). The chip contact sits at the
left, so nothing is printed there.

The receipt (A5, portrait) tells the holder what was issued and carries the QR that opens
the electronic card's claim (电子社保卡) in the official app: the claim address with the token
the central issued for the activated card (``printing/ecard.py``), nothing personal.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.ecard import draw_ecard_block
from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import MUTED, NOTICE_FILL, NOTICE_RULE, RULE, SECTION_INK, Sheet
from counter_app.printing.masking import mask_id_number
from counter_app.printing.models import BranchInfo

CR80_W = 85.6
CR80_H = 54.0
FACE_BLUE = colors.HexColor("#1F4E8C")
CHIP_FILL = colors.HexColor("#D8C27A")


@dataclass(frozen=True)
class CardFace:
    name: str
    social_security_no: str  # the ID number
    card_no: str
    issued_on: dt.date
    bank_name: str
    photo: bytes | None  # JPEG


def render_card_face(face: CardFace, fonts: CjkFonts | None = None) -> bytes:
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    size = (CR80_W * mm, CR80_H * mm)
    canvas = Canvas(buffer, pagesize=size, invariant=True, pageCompression=1)
    canvas.setTitle(f"社会保障卡卡面 {face.card_no}")
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts, *size)
    # title band
    sheet.rect(0, 0, CR80_W, 9.5, fill=FACE_BLUE, stroke=None)
    sheet.text(CR80_W / 2, 6.6, "中华人民共和国社会保障卡", 9.5, align="center", bold=True,
               colour=colors.white)
    # chip contact (pre-existing on the blank: shown, never printed over)
    sheet.rect(6.0, 19.0, 11.0, 9.0, fill=CHIP_FILL, stroke=RULE, line=0.3)
    # photo at the right
    px, ptop, pw, ph = CR80_W - 24.0, 12.5, 20.0, 25.0
    if face.photo:
        sheet.image(px, ptop, pw, ph, face.photo)
    else:
        sheet.rect(px, ptop, pw, ph, stroke=MUTED, line=0.3, dash=(1.5, 1.5))
        sheet.text(px + pw / 2, ptop + ph / 2, "照片", 6, align="center", colour=MUTED)
    # holder's data, left of the photo and right of the chip
    x, label_w = 20.0, 15.5
    rows = (("姓　　名", face.name),
            ("社会保障号码", face.social_security_no),
            ("社会保障卡号", face.card_no),
            ("发卡日期", f"{face.issued_on.year}年{face.issued_on.month:02d}月"))
    baseline = 16.0
    for label, value in rows:
        sheet.text(x, baseline, label, 4.6, colour=MUTED)
        pt = sheet.fit_size(value, px - x - label_w - 1.0, 7.2 if label == "姓　　名" else 6.2,
                            4.5)
        sheet.text(x + label_w, baseline, value, pt, bold=label == "姓　　名")
        baseline += 6.2
    # the bank's area (its artwork is pre-printed on the blank)
    sheet.rect(CR80_W - 36.0, CR80_H - 11.0, 33.0, 8.0, stroke=FACE_BLUE, line=0.4,
               dash=(1.2, 1.2))
    sheet.text(CR80_W - 19.5, CR80_H - 5.8, face.bank_name, 6.0, align="center",
               colour=FACE_BLUE)
    sheet.text(3.0, CR80_H - 3.0, "宁波市人力资源和社会保障局", 4.2, colour=MUTED)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class IssuanceReceipt:
    branch: BranchInfo
    application_no: str
    card_no: str
    name: str
    id_number: str
    issued_at: dt.datetime  # Beijing time
    teller: str
    face_manual: bool = False
    e_card_claim_url: str = ""  # from the central's claim token; "" = none obtained
    business_zh: str = ""  # a replacement's title (遗失补卡 …); "" a first application


def render_issuance_receipt(receipt: IssuanceReceipt, fonts: CjkFonts | None = None) -> bytes:
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A5, invariant=True, pageCompression=1)
    canvas.setTitle(f"社会保障卡即时制卡回执 {receipt.application_no}")
    canvas.setAuthor(receipt.branch.name)
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts, *A5)
    left, width = 12.0, A5[0] / mm - 24.0
    sheet.text(left, 14.0, receipt.branch.bank_name, 10.5, bold=True, colour=RULE)
    sheet.text(left, 19.0, f"{receipt.branch.name}（网点号 {receipt.branch.code}）", 7.5,
               colour=MUTED)
    sheet.text(left + width / 2, 31.0, f"{receipt.branch.city_name}社会保障卡即时制卡回执", 13,
               align="center", bold=True, colour=SECTION_INK)
    rows = (("申请编号", receipt.application_no),
            *((("办理业务", f"社会保障卡{receipt.business_zh}"),) if receipt.business_zh else ()),
            ("持卡人", receipt.name),
            ("社会保障号码", mask_id_number(receipt.id_number)),
            ("社会保障卡号", receipt.card_no),
            ("制卡时间", receipt.issued_at.strftime("%Y-%m-%d %H:%M")),
            ("卡片状态", "已启用（社保功能、金融功能），密码已由持卡人设置"),
            ("经办柜员", receipt.teller))
    top = 40.0
    for label, value in rows:
        sheet.rect(left, top, 30.0, 8.0, fill=colors.HexColor("#EEF2F6"), line=0.4)
        sheet.rect(left + 30.0, top, width - 30.0, 8.0, line=0.4)
        sheet.text(left + 2.0, top + 5.5, label, 8, colour=MUTED)
        sheet.text(left + 32.0, top + 5.5, value,
                   sheet.fit_size(value, width - 34.0, 9, 6))
        top += 8.0
    top += 6.0
    if receipt.face_manual:
        sheet.rect(left, top, width, 10.0, fill=NOTICE_FILL, stroke=NOTICE_RULE, line=0.5)
        sheet.text(left + 3.0, top + 6.3, "卡面由网点人工补印：芯片已写好并核验，领卡时请核对卡面信息。",
                   7.5, colour=NOTICE_RULE)
        top += 14.0
    top = draw_ecard_block(sheet, left, top, width, receipt.e_card_claim_url)
    sheet.text(left, top + 4.0, "持卡人签收：________________　　日期：____年__月__日", 9)
    top += 12.0
    for i, line in enumerate(sheet.wrap(
            "请妥善保管社会保障卡和密码，勿将卡片借给他人使用。卡片遗失请及时拨打12333或发卡银行客服电话"
            "挂失。", width, 7.5)):
        sheet.text(left, top + i * 4.6, line, 7.5, colour=MUTED)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
