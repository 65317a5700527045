from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.identity import id_check_char
from counter_app.printing import mask_id_number, mask_name, mask_phone


def test_id_number_keeps_region_and_last_four() -> None:
    assert mask_id_number("330203198506122017") == "330203********2017"
    assert mask_id_number(" 33020620150309102x ") == "330206********102X"
    assert mask_id_number("330203850612201") == "330203*****2201"  # old 15-digit numbers
    assert mask_id_number("12345") == "*2345"
    assert mask_id_number("123") == "***"


@given(st.from_regex(r"\A[1-8]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}\Z"))
def test_masked_id_never_shows_the_birth_date(body: str) -> None:
    number = body + id_check_char(body)
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[:6] == number[:6] and masked[-4:] == number[-4:]
    assert number[6:14] not in masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13805741234", "138****1234"),
        ("0574-87654321", "0574-****4321"),
        ("87654321", "876*4321"),
        ("110", "***"),
    ],
)
def test_phone_masking(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    ("name", "masked"), [("李明", "李*"), ("王小雨", "王*雨"), ("欧阳娜娜", "欧**娜"), ("李", "李")]
)
def test_name_masking(name: str, masked: str) -> None:
    assert mask_name(name) == masked
