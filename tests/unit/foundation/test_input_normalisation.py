"""ID and phone numbers as tellers type them: full-width digits, groups separated by spaces."""

import datetime as dt

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import normalise_digits, validate_id_number
from counter_app.workflows.application_rules import validate_phone

TODAY = dt.date(2026, 11, 29)


@pytest.mark.parametrize(
    "typed",
    [
        "３３０２０３１９８５０６１２２０１７",  # full-width digits (input method in 全角 mode)
        "3302 0319 8506 1220 17",  # groups of four
        "330203 19850612 2017",
        "３３０２　０３１９　８５０６　１２２０　１７",  # full-width digits, ideographic spaces
        "330203-19850612-2017",
        " 330203198506122017\t",
    ],
)
def test_id_number_as_typed_validates(typed: str) -> None:
    assert validate_id_number(typed, today=TODAY) == "330203198506122017"


@pytest.mark.parametrize("typed", ["１１０１０５１９４９１２３１００２Ｘ", "１１０１０５１９４９１２３１００２ｘ",
                                   "1101 0519 4912 3100 2x"])
def test_full_width_and_lower_case_check_x(typed: str) -> None:
    assert validate_id_number(typed, today=TODAY) == "11010519491231002X"


def test_wrong_full_width_number_still_fails_on_the_checksum() -> None:
    with pytest.raises(ValidationError) as info:
        validate_id_number("３３０２０３１９８５０６１２２０１８", today=TODAY)
    assert info.value.code == "ID_CHECKSUM"


def test_only_the_full_width_block_is_folded() -> None:
    assert normalise_digits("０９ＡＺａｚ－　") == "09AZaz- "
    # Superscript and circled digits are not digits a teller meant to type.
    assert normalise_digits("²①") == "²①"
    with pytest.raises(ValidationError) as info:
        validate_id_number("33020319850612201⁷", today=TODAY)
    assert info.value.code == "ID_CHARS"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("１３８１２３４５６７８", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("１３８　１２３４　５６７８", "13812345678"),
        ("０５７４－８７６５４３２１", "0574-87654321"),
        ("0574 87654321", "057487654321"),
    ],
)
def test_phone_as_typed_validates(typed: str, stored: str) -> None:
    assert validate_phone(typed) == stored


@pytest.mark.parametrize("typed", ["1381234567８9", "١٣٨١٢٣٤٥٦٧٨", "²3812345678"])
def test_phone_with_other_characters_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_phone(typed)
    assert info.value.code == "PHONE_FORMAT"
