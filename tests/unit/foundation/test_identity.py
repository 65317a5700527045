import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import (
    age_on,
    card_number_check_char,
    id_check_char,
    id_sex,
    validate_card_number,
    validate_id_number,
)


@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014", "330203198506122017"])
def test_standard_examples_verify(number: str) -> None:
    assert validate_id_number(number) == number


def test_lower_case_x_and_spaces_are_normalised() -> None:
    assert validate_id_number(" 11010519491231002x ") == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("1101051949123100", "ID_LENGTH"),
        ("11010519491231002Y", "ID_CHARS"),
        ("110105194902300020", "ID_BIRTH_INVALID"),
        ("330203198506122018", "ID_CHECKSUM"),
        ("110105299901010011", "ID_BIRTH_FUTURE"),
        ("000000198506122010", "ID_REGION"),  # all-zero region, check digit correct
        ("99020319850612201X", "ID_REGION"),  # no province 99
        ("１１０１０５１９４９１２３１００２Ｙ", "ID_CHARS"),
        ("11010519491231002٣", "ID_CHARS"),  # another script's digit is not a digit here
    ],
)
def test_bad_ids_get_specific_chinese_errors(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_id_number(raw, today=dt.date(2026, 11, 29))
    assert info.value.code == code
    assert info.value.field == "id_number"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.message_zh)


@pytest.mark.parametrize("province", ["00", "10", "16", "20", "24", "30", "38", "40", "47", "49",
                                      "55", "60", "66", "70", "72", "80", "84", "91", "99"])
def test_province_outside_gbt_2260_is_refused(province: str) -> None:
    body = province + "0203198506122" + "01"
    with pytest.raises(ValidationError) as info:
        validate_id_number(body + id_check_char(body), today=dt.date(2026, 11, 29))
    assert info.value.code == "ID_REGION"
    assert province in info.value.message_zh and "行政区划" in info.value.message_zh


@pytest.mark.parametrize("province", [11, 15, 21, 23, 31, 37, 41, 46, 50, 54, 61, 65, 71, 81, 82, 83])
def test_every_gbt_2260_province_is_accepted(province: int) -> None:
    # 810000/820000/830000: residence permits of Hong Kong, Macao and Taiwan residents.
    body = f"{province}0000198506122" + "01"
    number = body + id_check_char(body)
    assert validate_id_number(number, today=dt.date(2026, 11, 29)) == number


def test_birth_date_today_is_valid_and_tomorrow_is_refused() -> None:
    body = "33020320261129001"
    born_today = body + id_check_char(body)
    assert validate_id_number(born_today, today=dt.date(2026, 11, 29)) == born_today
    with pytest.raises(ValidationError) as info:
        validate_id_number(born_today, today=dt.date(2026, 11, 28))
    assert info.value.code == "ID_BIRTH_FUTURE"


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_any_single_digit_change_is_caught(body: str) -> None:
    number = body + id_check_char(body)
    for i in range(17):
        changed = body[:i] + str((int(body[i]) + 1) % 10) + body[i + 1:]
        assert id_check_char(changed) != number[17]


def test_sex_and_age() -> None:
    assert id_sex("330203198506122017") == "1"
    assert id_sex("330206201503091028") == "2"
    assert age_on("330206201503091028", dt.date(2026, 11, 29)) == 11
    assert age_on("330206201503091028", dt.date(2033, 3, 9)) == 18


@pytest.mark.parametrize("number", ["X00000019", "B7K334774", "188347080", "NB0000016"])
def test_card_number_samples(number: str) -> None:
    assert validate_card_number(number) == number
    assert card_number_check_char(number[:8]) == number[8]


def test_card_number_wrong_check_char() -> None:
    with pytest.raises(ValidationError) as info:
        validate_card_number("X00000018")
    assert info.value.code == "CARD_NO_CHECKSUM"
