"""Masking personal data on printed receipts.

A receipt leaves the branch in the customer's pocket; it shows enough to recognise the
business (region code and last digits of the ID, as banks print them), never the whole
number.
"""

from __future__ import annotations

MASK = "*"


def mask_id_number(number: str) -> str:
    """330203198506122017 → 330203********2017 (first 6 and last 4 kept).

    Works for the old 15-digit numbers too; anything shorter keeps only its last 4.
    """
    value = number.strip().replace(" ", "").upper()
    if len(value) > 10:
        return value[:6] + MASK * (len(value) - 10) + value[-4:]
    if len(value) > 4:
        return MASK * (len(value) - 4) + value[-4:]
    return MASK * len(value)


def mask_phone(phone: str) -> str:
    """13812345678 → 138****5678; 0574-87654321 → 0574-****4321 (digits masked, layout kept)."""
    value = phone.strip()
    digits = [i for i, c in enumerate(value) if c.isdigit()]
    if len(digits) <= 4:
        return MASK * len(value)
    if len(digits) == 11 and value.replace(" ", "").isdigit():
        keep = set(digits[:3] + digits[-4:])  # mobile
    elif "-" in value:
        area = value.index("-")
        keep = {i for i in digits if i < area} | set(digits[-4:])  # landline with area code
    else:
        keep = set(digits[:3] + digits[-4:])
    return "".join(c if (i in keep or not c.isdigit()) else MASK for i, c in enumerate(value))


def mask_name(name: str) -> str:
    """李明 → 李*, 王小雨 → 王*雨, 欧阳娜娜 → 欧**娜 (first and, for 3+ characters, last kept)."""
    value = name.strip()
    if len(value) <= 1:
        return value
    if len(value) == 2:
        return value[0] + MASK
    return value[0] + MASK * (len(value) - 2) + value[-1]
