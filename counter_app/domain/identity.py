"""Citizen ID numbers (GB 11643-1999) and social security card numbers.

Pure functions: no I/O, no imports of ours. Every layer that needs to check an ID or a
card number calls these, so the rules exist once.
"""

from __future__ import annotations

import datetime as _dt
import re

from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_PATTERN = re.compile(r"^[0-9]{17}[0-9X]$")

# Province codes of GB/T 2260 (first two digits of every region code), plus 83: the Ministry of
# Public Security numbers Taiwan residents' residence permits 830000…, as 810000…/820000… for
# Hong Kong and Macao residents; those holders may apply for a card too.
_PROVINCES = frozenset(
    [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
     *range(61, 66), 71, 81, 82, 83]
)
_FULL_WIDTH: dict[int, str | int] = {0x3000: " ", **{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}}
# Typing noise that is not part of the number: every kind of space, and dashes between groups.
_ID_NOISE = re.compile(r"[\s\-]")

_CARD_NO_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_CARD_NO_PATTERN = re.compile(r"^[0-9A-Z]{8}[0-9X]$")


def id_check_char(body17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    if len(body17) != 17 or not body17.isdigit():
        raise ValueError("need 17 digits")
    total = sum(int(d) * w for d, w in zip(body17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def normalise_digits(raw: str) -> str:
    """Full-width ASCII forms (０-９, Ｘ, ｘ, the ideographic space) to ASCII; the rest unchanged.

    Chinese input methods type full-width forms. Only the full-width block is folded (it is
    what NFKC gives for it), so superscripts or circled digits are not silently read as digits.
    """
    return raw.translate(_FULL_WIDTH)


def normalise_id_number(raw: str) -> str:
    """ASCII digits, no spaces or dashes (IDs are typed in groups), upper-case 'x'."""
    return _ID_NOISE.sub("", normalise_digits(raw)).upper()


def validate_id_number(raw: str, *, today: _dt.date | None = None) -> str:
    """Return the normalised 18-character ID number or raise a teller-readable error."""
    number = normalise_id_number(raw)
    if len(number) != 18:
        raise ValidationError(
            "id_number", zh("身份证号码应为18位，当前为{count}位，请核对证件后重新输入。", count=len(number)),
            code="ID_LENGTH",
        )
    if not _ID_PATTERN.match(number):
        raise ValidationError(
            "id_number", QT_TR_NOOP("身份证号码只能由数字组成，最后一位可以是X，请核对后重新输入。"),
            code="ID_CHARS",
        )
    if int(number[:2]) not in _PROVINCES:
        raise ValidationError(
            "id_number",
            zh("身份证号码前两位“{province}”不是有效的省级行政区划代码，请核对证件后重新输入。",
               province=number[:2]),
            code="ID_REGION",
        )
    birth = id_birth_date(number)  # raises on an impossible date
    if birth > (today or _dt.date.today()):
        raise ValidationError(
            "id_number", QT_TR_NOOP("身份证号码中的出生日期晚于今天，请核对证件。"), code="ID_BIRTH_FUTURE"
        )
    if id_check_char(number[:17]) != number[17]:
        raise ValidationError(
            "id_number", QT_TR_NOOP("身份证号码校验位不正确，可能有数字输错，请逐位核对证件。"),
            code="ID_CHECKSUM",
        )
    return number


def id_birth_date(number: str) -> _dt.date:
    """Birth date encoded in positions 7–14 of an ID number."""
    try:
        return _dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError as exc:
        raise ValidationError(
            "id_number", QT_TR_NOOP("身份证号码中的出生日期不存在，请核对证件。"), code="ID_BIRTH_INVALID"
        ) from exc


def id_sex(number: str) -> str:
    """'1' male, '2' female (GB/T 2261 codes, as on the card), from the 17th digit."""
    return "1" if int(number[16]) % 2 == 1 else "2"


def id_region(number: str) -> str:
    """The 6-digit administrative region code at the start of an ID number."""
    return number[:6]


def age_on(number: str, day: _dt.date) -> int:
    birth = id_birth_date(number)
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def card_number_check_char(body8: str) -> str:
    """Check character of a 9-character card number (GB 11714 scheme, A=10 … Z=35)."""
    if len(body8) != 8:
        raise ValueError("need 8 characters")
    total = sum(int(c, 36) * w for c, w in zip(body8.upper(), _CARD_NO_WEIGHTS, strict=True))
    c = 11 - total % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def validate_card_number(raw: str) -> str:
    number = raw.strip().upper()
    if not _CARD_NO_PATTERN.match(number):
        raise ValidationError(
            "card_number", QT_TR_NOOP("社保卡卡号应为9位（8位数字或大写字母加1位校验位），请核对卡面。"),
            code="CARD_NO_FORMAT",
        )
    if card_number_check_char(number[:8]) != number[8]:
        raise ValidationError(
            "card_number", QT_TR_NOOP("社保卡卡号校验位不正确，请核对卡面号码。"), code="CARD_NO_CHECKSUM"
        )
    return number
