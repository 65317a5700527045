"""The electronic card (电子社保卡) block of the issuance and hand-out receipts.

The QR encodes the claim address the central issued for the activated card: the official
claim page with an opaque token (central ``POST /v1/cards/{card_no}/ecard-claims``), nothing
personal. When the counter could not obtain a token (the line dropped after activation) the
block says how to claim with the ID card in the app instead, and no QR is printed.
"""

from __future__ import annotations

from counter_app.printing.layout import MUTED, SECTION_INK, Sheet

QR_MM = 32.0
CLAIM_TEXT_ZH = ("请用“电子社保卡”或“浙里办”App扫描左侧二维码，按提示核验身份后领取并启用电子社保卡；"
                 "电子社保卡与实体卡状态同步。")
NO_QR_TEXT_ZH = ("本回执未能取得电子社保卡领取码（打印时无法连接中心）。请在“电子社保卡”或“浙里办”App中"
                 "选择“领取电子社保卡”，凭本人身份证核验后领取；电子社保卡与实体卡状态同步。")


def draw_ecard_block(sheet: Sheet, left: float, top: float, width: float,
                     claim_url: str) -> float:
    """Draw the block at ``top`` (mm); returns the top of what follows."""
    if not claim_url:
        sheet.text(left, top + 6.0, "领取电子社保卡", 10, bold=True, colour=SECTION_INK)
        lines = sheet.wrap(NO_QR_TEXT_ZH, width, 7.5)
        for i, line in enumerate(lines):
            sheet.text(left, top + 12.0 + i * 4.6, line, 7.5, colour=MUTED)
        return top + 14.0 + len(lines) * 4.6
    sheet.qr(left, top, QR_MM, claim_url)
    text_x = left + QR_MM + 5.0
    sheet.text(text_x, top + 6.0, "领取电子社保卡", 10, bold=True, colour=SECTION_INK)
    for i, line in enumerate(sheet.wrap(CLAIM_TEXT_ZH, width - QR_MM - 5.0, 7.5)):
        sheet.text(text_x, top + 12.0 + i * 4.6, line, 7.5)
    return top + QR_MM + 8.0
