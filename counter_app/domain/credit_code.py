"""Unified social credit codes (统一社会信用代码, GB 32100-2015) of employers.

18 characters from a 31-character alphabet (the digits and the capitals without I, O, Z, S,
V): registration authority, organisation type, the 6-digit region code, the 9-character
organisation code, and a check character computed over the first 17 with the weights of
the standard. Pure functions: the counter rejects a mistyped code before asking the central.
"""

from __future__ import annotations

import re

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import normalise_digits
from counter_app.domain.texts import QT_TR_NOOP, zh

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18
_SHAPE = re.compile(r"^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}$")
_NOISE = re.compile(r"[\s\-]")

FIELD = "credit_code"


def credit_check_char(body17: str) -> str:
    """The check character for the first 17 characters of a code."""
    if len(body17) != LENGTH - 1 or any(c not in _VALUE for c in body17):
        raise ValueError("need 17 characters of the code alphabet")
    total = sum(_VALUE[c] * w for c, w in zip(body17, _WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def normalise_credit_code(raw: str) -> str:
    """Full-width forms folded, spaces and dashes dropped, capitals."""
    return _NOISE.sub("", normalise_digits(raw)).upper()


def validate_credit_code(raw: str) -> str:
    """The code, normalised, or ValidationError saying what is wrong with it."""
    code = normalise_credit_code(raw)
    if not code:
        raise ValidationError(FIELD, QT_TR_NOOP("请录入单位的统一社会信用代码（18位）。"),
                              code="CREDIT_CODE_MISSING")
    if len(code) != LENGTH:
        raise ValidationError(FIELD, zh("统一社会信用代码应为18位，录入的是{count}位，请核对营业执照。",
                                        count=len(code)),
                              code="CREDIT_CODE_LENGTH")
    bad = sorted({c for c in code if c not in _VALUE})
    if bad:
        raise ValidationError(FIELD, zh("统一社会信用代码不含字符“{characters}”"
                                        "（不使用字母I、O、Z、S、V），请核对营业执照。", characters="、".join(bad)),
                              code="CREDIT_CODE_CHARACTERS")
    if not _SHAPE.match(code):
        raise ValidationError(FIELD, QT_TR_NOOP("统一社会信用代码第3至8位应为行政区划代码（数字），请核对营业执照。"),
                              code="CREDIT_CODE_SHAPE")
    if credit_check_char(code[:17]) != code[17]:
        raise ValidationError(FIELD, QT_TR_NOOP("统一社会信用代码校验位不符，可能录入有误，请逐位核对营业执照。"),
                              code="CREDIT_CODE_CHECK")
    return code
