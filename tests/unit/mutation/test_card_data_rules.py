"""CardData's rules (card-spec §1.2, §1.3, §2), each refusal with its field, code and the
sentence the teller reads, and each length or date at its edge."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from counter_app.card.emulator.factory import demo_card_data
from counter_app.domain.card import CardData, validate_card_id_code
from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import id_check_char


def _with(**changes: Any) -> CardData:
    return dataclasses.replace(demo_card_data(), **changes)


def _refused(**changes: Any) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        _with(**changes)
    return err.value


def _female_id() -> str:
    body = "33020319850612202"  # 17th digit even: female
    return body + id_check_char(body)


def test_card_id_code_format() -> None:
    assert validate_card_id_code(" 330182d156000005001d9deadf188001 ") == "330182D156000005001D9DEADF188001"
    for bad in ("330182D156000005001D9DEADF18800",  # 31 characters
                "330182D156000005001D9DEADF1880011",  # 33
                "33018XD156000005001D9DEADF188001",  # region not digits
                "330182D156000005001D9DEADF18800G"):  # not hex
        with pytest.raises(ValidationError) as err:
            validate_card_id_code(bad)
        assert (err.value.field, err.value.code) == ("card_id_code", "CARD_ID_CODE_FORMAT")
        assert err.value.message_zh == "卡识别码应为32位：6位地区代码、D156000005和16位十六进制字符，请核对。"


def test_region_code_is_the_first_six_characters_of_the_card_id_code() -> None:
    assert demo_card_data().region_code == "330200"


@pytest.mark.parametrize(("changes", "field", "code", "message"), [
    ({"card_id_code": "330200d1560000050a1b2c3d4e5f6071"}, "card_id_code", "CARD_ID_CODE_CASE",
     "卡识别码必须为大写十六进制。"),
    ({"card_number": "nb0000016"}, "card_number", "CARD_NO_CASE", "社保卡卡号必须为大写。"),
    ({"card_type": ""}, "card_type", "CARD_TYPE", "卡的类别应为1个字符。"),
    ({"card_type": "12"}, "card_type", "CARD_TYPE", "卡的类别应为1个字符。"),
    ({"card_type": "卡"}, "card_type", "CARD_TYPE", "卡的类别应为1个字符。"),
    ({"spec_version": "3.0"}, "spec_version", "CARD_SPEC_VERSION", "规范版本格式应为“3.00”。"),
    ({"issuer_org": "33020000000"}, "issuer_org", "CARD_ISSUER", "初始化机构编号应为12位数字。"),
    ({"issuer_org": "3302000000011"}, "issuer_org", "CARD_ISSUER", "初始化机构编号应为12位数字。"),
    ({"expiry_date": dt.date(2024, 3, 1)}, "expiry_date", "CARD_EXPIRY", "卡有效期必须晚于发卡日期。"),
    ({"name": ""}, "name", "CARD_NAME", "姓名不能为空，前后不能有空格。"),
    ({"name": " 李明"}, "name", "CARD_NAME", "姓名不能为空，前后不能有空格。"),
    ({"name": "李明 "}, "name", "CARD_NAME", "姓名不能为空，前后不能有空格。"),
    ({"sex": "0"}, "sex", "CARD_SEX", "性别代码应为1（男）或2（女）。"),
    ({"sex": "2"}, "sex", "CARD_SEX_MISMATCH", "性别与社会保障号码不一致。"),
    ({"nation": "1"}, "nation", "CARD_NATION", "民族代码应为2位数字。"),
    ({"nation": "001"}, "nation", "CARD_NATION", "民族代码应为2位数字。"),
    ({"nation": "0A"}, "nation", "CARD_NATION", "民族代码应为2位数字。"),
    ({"birthplace": "33020"}, "birthplace", "CARD_BIRTHPLACE", "出生地应为6位行政区划代码。"),
    ({"birthplace": "3302031"}, "birthplace", "CARD_BIRTHPLACE", "出生地应为6位行政区划代码。"),
    ({"birthplace": "33020X"}, "birthplace", "CARD_BIRTHPLACE", "出生地应为6位行政区划代码。"),
    ({"birth_date": dt.date(1985, 6, 11)}, "birth_date", "CARD_BIRTH_MISMATCH", "出生日期与社会保障号码不一致。"),
])
def test_each_refusal(changes: dict[str, Any], field: str, code: str, message: str) -> None:
    err = _refused(**changes)
    assert (err.field, err.code, err.message_zh) == (field, code, message)


def test_lower_case_x_in_the_id_number_is_refused_as_case() -> None:
    body = next(b for b in (f"33020319850612{n:03d}" for n in range(1000)) if id_check_char(b) == "X")
    err = _refused(id_number=body + "x", sex="1" if int(body[16]) % 2 else "2")
    assert (err.field, err.code, err.message_zh) == ("id_number", "ID_CASE", "社会保障号码必须为大写。")
    assert _with(id_number=body + "X", sex="1" if int(body[16]) % 2 else "2").id_number == body + "X"


def test_edges_that_are_accepted() -> None:
    assert _with(expiry_date=dt.date(2024, 3, 2)).expiry_date == dt.date(2024, 3, 2)  # a day later
    assert _with(card_type="A").card_type == "A"
    assert _with(spec_version="1.00").spec_version == "1.00"
    assert _with(nation="56", birthplace="110105").nation == "56"
    assert _with(name="阿" * 25).name == "阿" * 25
    female = _with(id_number=_female_id(), sex="2")
    assert female.sex == "2"


def test_a_birth_date_is_not_judged_against_today_on_the_card() -> None:
    # the card carries what was issued: a birth date later than the reading PC's clock is data
    body = "33020330000101001"
    number = body + id_check_char(body)
    card = _with(id_number=number, birth_date=dt.date(3000, 1, 1), issue_date=dt.date(3000, 1, 2),
                 expiry_date=dt.date(3010, 1, 2), sex="1")
    assert card.birth_date == dt.date(3000, 1, 1)


def test_dict_form_uses_iso_dates_and_reads_them_back() -> None:
    card = demo_card_data()
    raw = card.to_dict()
    assert raw["issue_date"] == "2024-03-01"
    assert raw["expiry_date"] == "2034-03-01"
    assert raw["birth_date"] == "1985-06-12"
    assert raw["name"] == "李明" and raw["sex"] == "1"
    assert CardData.from_dict(raw) == card
    dated = {**raw, "birth_date": dt.date(1985, 6, 12)}  # already a date: kept
    assert CardData.from_dict(dated) == card
