"""The data printed on and stored in a social security card (SSSE EF05 + EF06).

A pure value: it knows the rules (card number check character, card identification code,
GB 11643 ID checksum, consistency of sex and birth date with the ID number) but nothing
about bytes or readers. The card layer turns it into records and back.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import asdict, dataclass
from typing import Any

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import (
    id_birth_date,
    id_sex,
    validate_card_number,
    validate_id_number,
)
from counter_app.domain.texts import QT_TR_NOOP

CARD_RID = "D156000005"
_CARD_ID_CODE = re.compile(r"^\d{6}D156000005[0-9A-F]{16}$")
_SPEC_VERSION = re.compile(r"^\d\.\d\d$")
_ISSUER = re.compile(r"^\d{12}$")


def validate_card_id_code(raw: str) -> str:
    """卡识别码: 6-digit region, RID ``D156000005``, 16 hex characters unique to the card."""
    code = raw.strip().upper()
    if not _CARD_ID_CODE.match(code):
        raise ValidationError(
            "card_id_code",
            QT_TR_NOOP("卡识别码应为32位：6位地区代码、D156000005和16位十六进制字符，请核对。"),
            code="CARD_ID_CODE_FORMAT",
        )
    return code


@dataclass(frozen=True, slots=True)
class CardData:
    # EF05 (card issuer data)
    card_id_code: str
    card_type: str
    spec_version: str
    issuer_org: str
    issue_date: _dt.date
    expiry_date: _dt.date
    card_number: str
    # EF06 (cardholder data)
    id_number: str
    name: str
    sex: str
    nation: str
    birthplace: str
    birth_date: _dt.date

    def __post_init__(self) -> None:
        validate_card_id_code(self.card_id_code)
        if self.card_id_code != self.card_id_code.strip().upper():
            raise ValidationError("card_id_code", QT_TR_NOOP("卡识别码必须为大写十六进制。"), code="CARD_ID_CODE_CASE")
        if validate_card_number(self.card_number) != self.card_number:
            raise ValidationError("card_number", QT_TR_NOOP("社保卡卡号必须为大写。"), code="CARD_NO_CASE")
        number = validate_id_number(self.id_number, today=_dt.date(9999, 12, 31))
        if number != self.id_number:
            raise ValidationError("id_number", QT_TR_NOOP("社会保障号码必须为大写。"), code="ID_CASE")
        if len(self.card_type) != 1 or not self.card_type.isascii():
            raise ValidationError("card_type", QT_TR_NOOP("卡的类别应为1个字符。"), code="CARD_TYPE")
        if not _SPEC_VERSION.match(self.spec_version):
            raise ValidationError("spec_version", QT_TR_NOOP("规范版本格式应为“3.00”。"), code="CARD_SPEC_VERSION")
        if not _ISSUER.match(self.issuer_org):
            raise ValidationError("issuer_org", QT_TR_NOOP("初始化机构编号应为12位数字。"), code="CARD_ISSUER")
        if self.expiry_date <= self.issue_date:
            raise ValidationError("expiry_date", QT_TR_NOOP("卡有效期必须晚于发卡日期。"), code="CARD_EXPIRY")
        if not self.name or self.name != self.name.strip():
            raise ValidationError("name", QT_TR_NOOP("姓名不能为空，前后不能有空格。"), code="CARD_NAME")
        if self.sex not in ("1", "2"):
            raise ValidationError("sex", QT_TR_NOOP("性别代码应为1（男）或2（女）。"), code="CARD_SEX")
        if self.sex != id_sex(self.id_number):
            raise ValidationError("sex", QT_TR_NOOP("性别与社会保障号码不一致。"), code="CARD_SEX_MISMATCH")
        if len(self.nation) != 2 or not self.nation.isdigit():
            raise ValidationError("nation", QT_TR_NOOP("民族代码应为2位数字。"), code="CARD_NATION")
        if len(self.birthplace) != 6 or not self.birthplace.isdigit():
            raise ValidationError("birthplace", QT_TR_NOOP("出生地应为6位行政区划代码。"), code="CARD_BIRTHPLACE")
        if self.birth_date != id_birth_date(self.id_number):
            raise ValidationError(
                "birth_date", QT_TR_NOOP("出生日期与社会保障号码不一致。"), code="CARD_BIRTH_MISMATCH"
            )

    @property
    def region_code(self) -> str:
        """发卡地区行政区划代码: the first 6 characters of the card identification code."""
        return self.card_id_code[:6]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, _dt.date):
                out[key] = value.isoformat()
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> CardData:
        values = dict(raw)
        for key in ("issue_date", "expiry_date", "birth_date"):
            if isinstance(values.get(key), str):
                values[key] = _dt.date.fromisoformat(values[key])
        return cls(**values)
