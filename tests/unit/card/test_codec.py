"""Property tests for the codecs: names (GBK and rare characters), BCD dates, card numbers,
ID checksums, and the record layout round trip."""

from __future__ import annotations

import datetime as _dt
import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from counter_app.card.codec import (
    decode_bcd_date,
    decode_cn,
    decode_name,
    encode_bcd_date,
    encode_cn,
    encode_name,
    parse_tlv_record,
    tlv,
)
from counter_app.card.emulator.factory import card_data_for, demo_card_data
from counter_app.card.errors import CardDataError
from counter_app.card.layout import RECORDS, decode_values, encode_records
from counter_app.domain.card import CardData, validate_card_id_code
from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import (
    card_number_check_char,
    id_check_char,
    validate_card_number,
    validate_id_number,
)


def _gbk_char(c: str) -> bool:
    try:
        return len(c.encode("gbk")) == 2
    except UnicodeEncodeError:
        return False


gbk_chars = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(_gbk_char)
rare_chars = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)  # CJK Ext B


@given(st.text(gbk_chars, min_size=1, max_size=15))
def test_gbk_names_round_trip_and_use_gbk_bytes(name: str) -> None:
    head, ext = encode_name(name)
    assert len(head) == 30 and len(ext) == 20
    assert decode_name(head, ext) == name
    # byte-identical to GBK for GBK names (what real readers decode)
    assert (head.rstrip(b"\x00") + ext.rstrip(b"\x00")) == name.encode("gbk")


@given(st.text(st.one_of(gbk_chars, rare_chars), min_size=1, max_size=10))
def test_names_with_rare_characters_round_trip(name: str) -> None:
    assume(len(name.encode("gb18030")) <= 50)
    head, ext = encode_name(name)
    assert decode_name(head, ext) == name


def test_rare_character_example() -> None:
    name = "王𠮷"  # 𠮷 is not in GBK
    with pytest.raises(UnicodeEncodeError):
        name.encode("gbk")
    assert decode_name(*encode_name(name)) == name


def test_long_name_spills_into_extension_record_at_character_boundary() -> None:
    name = "阿" * 20  # 40 bytes: 30 in 姓名, 10 in 姓名扩展
    head, ext = encode_name(name)
    assert head.rstrip(b"\x00") == ("阿" * 15).encode("gbk")
    assert ext.rstrip(b"\x00") == ("阿" * 5).encode("gbk")
    assert decode_name(head, ext) == name


def test_too_long_name_is_refused_in_chinese() -> None:
    with pytest.raises(ValidationError) as err:
        encode_name("阿" * 26)
    assert err.value.code == "CARD_NAME_TOO_LONG"


@given(st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2099, 12, 31)))
def test_bcd_dates_round_trip(day: _dt.date) -> None:
    raw = encode_bcd_date(day)
    assert raw.hex() == day.strftime("%Y%m%d")
    assert decode_bcd_date(raw) == day


def test_bcd_date_rejects_impossible_date() -> None:
    with pytest.raises(CardDataError):
        decode_bcd_date(bytes.fromhex("20230230"))


@given(st.text(string.digits, min_size=1, max_size=12))
def test_cn_pads_with_f_and_round_trips(digits: str) -> None:
    raw = encode_cn(digits, 6)
    assert raw.hex().upper().endswith("F" * (12 - len(digits)))
    assert decode_cn(raw) == digits


@given(st.text(string.digits + string.ascii_uppercase, min_size=8, max_size=8))
def test_card_number_check_character(body: str) -> None:
    number = body + card_number_check_char(body)
    assert validate_card_number(number) == number
    wrong = next(c for c in "0123456789X" if c != number[8])
    with pytest.raises(ValidationError):
        validate_card_number(body + wrong)


@pytest.mark.parametrize("number", ["X00000019", "B7K334774", "188347080", "NB0000016"])
def test_public_card_number_samples(number: str) -> None:
    assert validate_card_number(number) == number


@given(st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2020, 12, 31)),
       st.integers(0, 999))
def test_id_checksum(birth: _dt.date, seq: int) -> None:
    body = "330203" + birth.strftime("%Y%m%d") + f"{seq:03d}"
    number = body + id_check_char(body)
    assert validate_id_number(number) == number
    wrong = next(c for c in "0123456789X" if c != number[17])
    with pytest.raises(ValidationError):
        validate_id_number(body + wrong)


def test_tlv_parse_checks_tag_and_length() -> None:
    assert parse_tlv_record(tlv(0x07, b"NB0000016"), 0x07) == b"NB0000016"
    with pytest.raises(CardDataError):
        parse_tlv_record(tlv(0x07, b"NB0000016"), 0x08)
    with pytest.raises(CardDataError):
        parse_tlv_record(b"\x07\x0aNB0000016", 0x07)


def test_demo_records_match_the_spec_bytes() -> None:
    records = encode_records(demo_card_data())
    assert records[0x07] == bytes.fromhex("0709") + b"NB0000016"
    assert records[0x03] == bytes.fromhex("0304332E3030")
    assert records[0x05] == bytes.fromhex("050420240301")
    assert records[0x0B] == bytes.fromhex("0B0101")
    assert records[0x0C] == bytes.fromhex("0C03330203")
    assert records[0x09][2:6] == "李明".encode("gbk")
    assert records[0x01] == bytes.fromhex("0110330200D1560000050A1B2C3D4E5F6071")
    assert {len(r) - 2 for r in records.values()} == {r.length for r in RECORDS}


@given(st.dates(min_value=_dt.date(1930, 1, 1), max_value=_dt.date(2015, 12, 31)),
       st.integers(0, 999), st.text(gbk_chars, min_size=2, max_size=4))
def test_card_data_round_trips_through_records(birth: _dt.date, seq: int, name: str) -> None:
    body = "330203" + birth.strftime("%Y%m%d") + f"{seq:03d}"
    data = card_data_for(body + id_check_char(body), name, issue_date=_dt.date(2024, 3, 1))
    values = {tag: rec[2:] for tag, rec in encode_records(data).items()}
    assert decode_values(values) == data


def test_card_data_validation() -> None:
    good = demo_card_data()
    assert good.to_dict()["card_number"] == "NB0000016"
    assert CardData.from_dict(good.to_dict()) == good
    bad = {
        "card_number": "NB0000017",  # wrong check character
        "card_id_code": "330200D1560000060A1B2C3D4E5F6071",  # wrong RID
        "id_number": "330203198506122018",  # wrong ID checksum
        "sex": "2",  # the ID says male
        "birth_date": _dt.date(1985, 6, 13),
        "expiry_date": _dt.date(2020, 1, 1),
    }
    for field, value in bad.items():
        raw = good.to_dict()
        raw[field] = value.isoformat() if isinstance(value, _dt.date) else value
        with pytest.raises(ValidationError) as err:
            CardData.from_dict(raw)
        assert err.value.message_zh  # Chinese message for the teller
    assert validate_card_id_code("330182d156000005001d9deadf188001") == \
        "330182D156000005001D9DEADF188001"
