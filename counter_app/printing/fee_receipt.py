"""The fee receipt (工本费收据) and the refund slip (退费凭证): half an A4 page, the amount in
figures and in Chinese capitals, how it was paid, the business it belongs to; the payer
masked (name and ID number), never in clear."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import CjkFonts, cjk_fonts
from counter_app.printing.layout import MUTED, Sheet, masthead
from counter_app.printing.masking import mask_id_number, mask_name
from counter_app.printing.models import BranchInfo

LEFT, WIDTH, ROW = 15.0, 180.0, 9.0
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")


def _four(n: int) -> str:
    """0 < n < 10000 in capitals, one 零 for a run of inner zeros (1001 → 壹仟零壹)."""
    text, gap = "", False
    for i, d in enumerate(f"{n:04d}"):
        if d == "0":
            gap = bool(text)
            continue
        if gap:
            text += "零"
            gap = False
        text += _DIGITS[int(d)] + _UNITS[3 - i]
    return text


def capital_yuan(fen: int) -> str:
    """An amount in Chinese financial capitals (大写), e.g. 2000 fen → 贰拾元整."""
    if fen < 0:
        raise ValueError("a receipt amount is never negative")
    yuan, rest = divmod(fen, 100)
    jiao, cent = divmod(rest, 10)
    if yuan >= 100_000_000:
        raise ValueError("amount too large for a fee receipt")
    high, low = divmod(yuan, 10_000)
    text = (_four(high) + "万" if high else "") + ("零" if high and 0 < low < 1000 else "")
    text += (_four(low) if low else "") + ("元" if yuan else "")
    if not jiao and not cent:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    return text + (_DIGITS[cent] + "分" if cent else "")


@dataclass(frozen=True)
class FeeReceipt:
    number: str
    refund: bool  # a refund slip
    business_zh: str
    business_ref: str  # the business's key (printed shortened)
    amount_fen: int
    method_zh: str
    reference: str  # a transfer's reference ("" for cash)
    teller: str
    counter_id: str
    at: dt.datetime  # Beijing time
    basis_zh: str = ""
    payer_name: str = ""
    id_number: str = ""
    refund_of: str = ""
    authorised_by: str = ""


def render_fee_receipt(data: FeeReceipt, branch: BranchInfo, *,
                       fonts: CjkFonts | None = None) -> bytes:
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    title = "社会保障卡工本费退费凭证" if data.refund else "社会保障卡工本费收据"
    canvas.setTitle(f"{title} {data.number}")
    canvas.setAuthor(branch.name)
    canvas.setSubject(title)
    canvas.setCreator("counter-app")
    sheet = Sheet(canvas, fonts, *A4)
    masthead(sheet, branch.bank_name, branch.name, branch.code, data.number, left=LEFT,
             width=WIDTH, y=14.5, number_label="收据编号")
    sheet.text(105, 32.0, title, 17, align="center", bold=True)
    rows: list[tuple[str, str]] = [("收费项目", data.business_zh)]
    if data.payer_name or data.id_number:
        who = mask_name(data.payer_name) if data.payer_name else "—"
        rows.append(("缴款人", f"{who}　{mask_id_number(data.id_number)}" if data.id_number else who))
    amount = f"¥{data.amount_fen // 100}.{data.amount_fen % 100:02d}"
    rows += [
        ("退还金额" if data.refund else "金额", f"{amount}　（大写）{capital_yuan(data.amount_fen)}"),
        ("退还方式" if data.refund else "收费方式",
         data.method_zh + (f"　转账凭证号 {data.reference}" if data.reference else "")),
        # the business number's last 8 characters (the full one is on the business receipt)
        ("业务编号", f"末8位 {data.business_ref[:8].upper()}（完整编号见业务回执）" if data.business_ref else "—"),
    ]
    if data.basis_zh:
        rows.append(("收费依据", data.basis_zh))
    if data.refund:
        rows += [("原收据编号", data.refund_of), ("授权主管", data.authorised_by)]
    rows.append(("经办柜员", f"{data.teller}（柜台 {data.counter_id}）　{data.at:%Y-%m-%d %H:%M:%S}"))
    top = 38.0
    for label, value in rows:
        sheet.cell(LEFT, top, 36.0, ROW, label, label=True)
        sheet.cell(LEFT + 36.0, top, WIDTH - 36.0, ROW, value, size=10.5)
        top += ROW
    note = ("退还的工本费已当面交付（或原路退回转账账户），请核对金额。" if data.refund else
            "本收据为收取社会保障卡工本费的凭证，请妥善保管；如需退费，凭本收据经网点主管授权办理。")
    sheet.paragraph(LEFT, top + 4.0, WIDTH, note, 9.5, colour=MUTED)
    sheet.text(LEFT, top + 20.0, "经办柜员签章：", 10.5)
    sheet.text(LEFT + WIDTH / 2, top + 20.0, "缴款人签字：" if not data.refund else "领款人签字：", 10.5)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
