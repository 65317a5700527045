"""What each refused ID or card number tells the teller: field, code and the exact message.

The codes are stable for logs and the central; the message is what the teller reads, so a
changed or empty message is a defect too (found by ./scripts/mutation.sh).
"""

import datetime as dt

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import (
    card_number_check_char,
    id_check_char,
    id_region,
    id_sex,
    validate_card_number,
    validate_id_number,
)

TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("1101051949123100", "ID_LENGTH", "身份证号码应为18位，当前为16位，请核对证件后重新输入。"),
        ("11010519491231002Y", "ID_CHARS", "身份证号码只能由数字组成，最后一位可以是X，请核对后重新输入。"),
        ("99020319850612201X", "ID_REGION",
         "身份证号码前两位“99”不是有效的省级行政区划代码，请核对证件后重新输入。"),
        ("110105194902300020", "ID_BIRTH_INVALID", "身份证号码中的出生日期不存在，请核对证件。"),
        ("110105202606020010", "ID_BIRTH_FUTURE", "身份证号码中的出生日期晚于今天，请核对证件。"),
        ("330203198506122018", "ID_CHECKSUM", "身份证号码校验位不正确，可能有数字输错，请逐位核对证件。"),
    ],
)
def test_refused_id_numbers_say_exactly_what_is_wrong(raw: str, code: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_id_number(raw, today=TODAY)
    assert (err.value.field, err.value.code, err.value.message_zh) == ("id_number", code, message)


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("12345678", "CARD_NO_FORMAT", "社保卡卡号应为9位（8位数字或大写字母加1位校验位），请核对卡面。"),
        ("A1234567-", "CARD_NO_FORMAT", "社保卡卡号应为9位（8位数字或大写字母加1位校验位），请核对卡面。"),
        ("A12345670", "CARD_NO_CHECKSUM", "社保卡卡号校验位不正确，请核对卡面号码。"),
    ],
)
def test_refused_card_numbers_say_exactly_what_is_wrong(raw: str, code: str, message: str) -> None:
    if code == "CARD_NO_CHECKSUM":
        assert card_number_check_char(raw[:8]) != raw[8]  # the sample really has a wrong check char
    with pytest.raises(ValidationError) as err:
        validate_card_number(raw)
    assert (err.value.field, err.value.code, err.value.message_zh) == ("card_number", code, message)


@pytest.mark.parametrize("body", ["1101051949123100", "110105194912310021", "11010519491231002X"])
def test_id_check_char_refuses_anything_but_17_digits(body: str) -> None:
    with pytest.raises(ValueError, match="^need 17 digits$"):
        id_check_char(body)


@pytest.mark.parametrize("body", ["1101051", "A12345678"])
def test_card_check_char_refuses_anything_but_8_characters(body: str) -> None:
    with pytest.raises(ValueError, match="^need 8 characters$"):
        card_number_check_char(body)


def test_region_is_the_first_six_digits() -> None:
    assert id_region("11010519491231002X") == "110105"


@pytest.mark.parametrize(
    ("number", "sex"),
    [
        # the 17th digit decides, not the check character: 3 (odd) with check char 8 is male,
        # 4 (even) with an odd check char is female, and 5 is odd though not 1 modulo 3 or 4
        ("110105194912310038", "1"),
        ("110105194912310249", "2"),
        ("110105194912310150", "1"),
    ],
)
def test_sex_comes_from_the_17th_digit(number: str, sex: str) -> None:
    assert validate_id_number(number) == number
    assert id_sex(number) == sex
