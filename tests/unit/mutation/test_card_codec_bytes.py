"""Exact bytes of the SSSE record codecs (card-spec §1.2, §1.3): cn is BCD left-aligned and
padded with F nibbles, an is left-aligned and padded with 00, records are ``tag len value``
with a one-byte length, names are GB 18030 in the 30-byte 姓名 and the 20-byte 姓名扩展."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.card.codec import (
    decode_an,
    decode_bcd_date,
    decode_cn,
    decode_name,
    encode_an,
    encode_bcd_date,
    encode_cn,
    encode_name,
    parse_tlv_record,
    tlv,
)
from counter_app.card.emulator.factory import demo_card_data
from counter_app.card.errors import CardDataError
from counter_app.card.layout import (
    EF05,
    EF06,
    block_size,
    decode_values,
    encode_records,
    psam_key_index,
    psam_usage,
    record_by_tag,
    records_of,
)
from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import card_number_check_char

# --- cn (BCD, F-padded) -------------------------------------------------------------------


def test_cn_is_left_aligned_bcd_padded_with_f() -> None:
    assert encode_cn("330203", 3) == bytes.fromhex("330203")  # 出生地: exactly 3 bytes
    assert encode_cn("01", 1) == b"\x01"  # 民族 01 = 汉
    assert encode_cn("123", 3) == bytes.fromhex("123FFF")


@pytest.mark.parametrize("digits", ["", "1234567", "12a", "12 3", "-1", "+1"])
def test_cn_refuses_too_many_digits_or_non_digits(digits: str) -> None:
    with pytest.raises(ValueError, match="digits only"):
        encode_cn(digits, 3)


def test_cn_takes_exactly_two_digits_a_byte() -> None:
    assert encode_cn("123456", 3) == bytes.fromhex("123456")
    with pytest.raises(ValueError):
        encode_cn("1234567", 3)


def test_cn_decodes_padding_away_and_an_all_f_field_as_empty() -> None:
    assert decode_cn(bytes.fromhex("123FFF")) == "123"
    assert decode_cn(bytes.fromhex("330203")) == "330203"
    assert decode_cn(b"\xff\xff\xff") == ""
    assert decode_cn(b"") == ""


@pytest.mark.parametrize("raw", ["12AB", "1F23", "FF12", "A0"])
def test_cn_refuses_a_non_bcd_nibble_or_padding_before_digits(raw: str) -> None:
    with pytest.raises(CardDataError):
        decode_cn(bytes.fromhex(raw))


def test_bcd_dates_are_yyyymmdd_in_four_bytes() -> None:
    assert encode_bcd_date(dt.date(1985, 6, 12)) == bytes.fromhex("19850612")
    assert decode_bcd_date(bytes.fromhex("20341231")) == dt.date(2034, 12, 31)
    assert decode_bcd_date(bytes.fromhex("20000229")) == dt.date(2000, 2, 29)


@pytest.mark.parametrize("raw", ["2034FFFF", "203412FF", "FFFFFFFF", "20341300", "20340100"])
def test_bcd_date_refuses_a_partial_or_impossible_date(raw: str) -> None:
    with pytest.raises(CardDataError):
        decode_bcd_date(bytes.fromhex(raw))


# --- an (ASCII, 00-padded) ----------------------------------------------------------------


def test_an_is_ascii_padded_with_zero_bytes() -> None:
    assert encode_an("1", 1) == b"1"
    assert encode_an("3.00", 4) == bytes.fromhex("332E3030")
    assert encode_an("AB", 4) == b"AB\x00\x00"


def test_an_fills_its_field_exactly_and_no_more() -> None:
    assert encode_an("NB0000016", 9) == b"NB0000016"
    with pytest.raises(ValueError, match="too long"):
        encode_an("NB00000160", 9)


def test_an_refuses_non_ascii() -> None:
    with pytest.raises(UnicodeEncodeError):
        encode_an("李", 9)


def test_an_decodes_only_trailing_zero_bytes_away() -> None:
    number = "NB000018X"  # a card number whose check character is X (card-spec §2)
    assert card_number_check_char(number[:8]) == "X"
    assert decode_an(number.encode("ascii")) == number
    assert decode_an(b"AB\x00\x00") == "AB"
    assert decode_an(b"A B ") == "A B "  # only the 00 padding is dropped
    assert decode_an(b"\x00\x00") == ""


def test_an_refuses_bytes_outside_ascii() -> None:
    with pytest.raises(CardDataError):
        decode_an("李".encode("gbk"))


# --- names --------------------------------------------------------------------------------


def test_a_name_of_exactly_30_bytes_fills_the_name_record_alone() -> None:
    name = "阿" * 15
    head, ext = encode_name(name)
    assert head == name.encode("gbk")
    assert ext == bytes(20)


def test_a_name_of_exactly_50_bytes_fills_both_records() -> None:
    name = "阿" * 25
    head, ext = encode_name(name)
    assert head == ("阿" * 15).encode("gbk")
    assert ext == ("阿" * 10).encode("gbk")
    assert decode_name(head, ext) == name


def test_a_four_byte_character_that_does_not_fit_moves_whole_to_the_extension() -> None:
    name = "阿" * 14 + "𠮷"  # 28 bytes, then 4: the character is not split
    head, ext = encode_name(name)
    assert head == ("阿" * 14).encode("gbk") + b"\x00\x00"
    assert ext == "𠮷".encode("gb18030") + bytes(16)
    assert decode_name(head, ext) == name


def test_a_name_byte_equal_to_ascii_x_is_part_of_a_character_not_padding() -> None:
    name = "阿" * 15 + "嶺"  # 嶺 is 8E 58 in GBK: its second byte is "X" in ASCII
    head, ext = encode_name(name)
    assert ext[:2] == bytes.fromhex("8E58") and ext[2:] == bytes(18)
    assert decode_name(head, ext) == name


def test_short_names_are_zero_padded() -> None:
    head, ext = encode_name("李明")
    assert head == "李明".encode("gbk") + bytes(26)
    assert ext == bytes(20)


def test_name_refusals_name_the_field_and_say_why() -> None:
    with pytest.raises(ValidationError) as long_:
        encode_name("阿" * 25 + "A")  # 51 bytes
    assert (long_.value.field, long_.value.code) == ("name", "CARD_NAME_TOO_LONG")
    assert long_.value.message_zh == "姓名过长，超出社保卡可存储的长度（50字节）。"
    for bad in ("李\x00明", "李\ud800"):  # a 00 byte would end the name early; a lone surrogate
        with pytest.raises(ValidationError) as chars:
            encode_name(bad)
        assert (chars.value.field, chars.value.code) == ("name", "CARD_NAME_CHARS")
        assert chars.value.message_zh == "姓名中含有无法写入社保卡的字符。"


def test_a_name_record_decodes_without_an_extension_record() -> None:
    assert decode_name("李明".encode("gbk") + bytes(28)) == "李明"


def test_an_undecodable_name_record_is_card_data_error() -> None:
    with pytest.raises(CardDataError):
        decode_name(b"\x81" + bytes(29))


# --- TLV records --------------------------------------------------------------------------


def test_tlv_is_tag_length_value() -> None:
    assert tlv(0x0A, b"1") == bytes.fromhex("0A0131")
    assert tlv(0x4E, b"") == bytes.fromhex("4E00")


def test_tlv_length_fits_one_byte_up_to_127() -> None:
    assert tlv(0x01, bytes(127))[:2] == bytes.fromhex("017F")
    with pytest.raises(ValueError, match="one-byte length"):
        tlv(0x01, bytes(128))


def test_parse_tlv_record_returns_the_value_as_bytes() -> None:
    value = parse_tlv_record(bytearray.fromhex("0A0132"), 0x0A)
    assert value == b"2" and type(value) is bytes
    assert parse_tlv_record(bytes.fromhex("4E00"), 0x4E) == b""


@pytest.mark.parametrize("raw", ["", "0A", "0A00" "31", "0A02" "31", "0B01" "31", "01" "0A" "31"])
def test_parse_tlv_record_refuses_short_wrong_tag_or_wrong_length(raw: str) -> None:
    with pytest.raises(CardDataError):
        parse_tlv_record(bytes.fromhex(raw), 0x0A)


# --- layout -------------------------------------------------------------------------------


def test_records_of_each_file_in_record_order() -> None:
    assert [(r.number, r.tag, r.length) for r in records_of(EF05)] == [
        (1, 0x01, 16), (2, 0x02, 1), (3, 0x03, 4), (4, 0x04, 6), (5, 0x05, 4), (6, 0x06, 4),
        (7, 0x07, 9),
    ]
    assert [(r.number, r.tag, r.length) for r in records_of(EF06)] == [
        (1, 0x08, 18), (2, 0x09, 30), (3, 0x4E, 20), (4, 0x0A, 1), (5, 0x0B, 1), (6, 0x0C, 3),
        (7, 0x0D, 4),
    ]
    assert records_of(0xEF07) == ()


def test_record_by_tag() -> None:
    assert record_by_tag(0x0D).field == "birth_date"
    assert record_by_tag(0x4E).field == "name_ext"
    with pytest.raises(KeyError) as err:
        record_by_tag(0x0E)
    assert err.value.args == (0x0E,)  # names the tag the card sent


def test_every_demo_record_byte_for_byte() -> None:
    records = encode_records(demo_card_data())
    assert records == {
        0x01: bytes.fromhex("0110" "330200D1560000050A1B2C3D4E5F6071"),
        0x02: bytes.fromhex("0201") + b"1",
        0x03: bytes.fromhex("0304") + b"3.00",
        0x04: bytes.fromhex("0406" "330200000001"),
        0x05: bytes.fromhex("0504" "20240301"),
        0x06: bytes.fromhex("0604" "20340301"),
        0x07: bytes.fromhex("0709") + b"NB0000016",
        0x08: bytes.fromhex("0812") + b"330203198506122017",
        0x09: bytes.fromhex("091E") + "李明".encode("gbk") + bytes(26),
        0x4E: bytes.fromhex("4E14") + bytes(20),
        0x0A: bytes.fromhex("0A01") + b"1",
        0x0B: bytes.fromhex("0B01" "01"),
        0x0C: bytes.fromhex("0C03" "330203"),
        0x0D: bytes.fromhex("0D04" "19850612"),
    }


def test_decoding_needs_no_name_extension_record_and_gives_upper_case_hex() -> None:
    data = demo_card_data()
    values = {tag: rec[2:] for tag, rec in encode_records(data).items() if tag != 0x4E}
    assert decode_values(values) == data  # card_id_code has the hex letters A–F in capitals


def test_a_long_name_is_read_back_from_both_records() -> None:
    data = demo_card_data()
    values = {tag: rec[2:] for tag, rec in encode_records(data).items()}
    head, ext = encode_name("阿" * 20)
    values[0x09], values[0x4E] = head, ext
    assert decode_values(values).name == "阿" * 20


# --- keys (card-spec §1.5) ----------------------------------------------------------------


def test_block_size_per_algorithm() -> None:
    assert block_size("sm4") == 16
    assert block_size("3des") == 8


def test_psam_key_index_3des_sits_0x10_above_sm4() -> None:
    assert psam_key_index("update", "sm4") == 0x07
    assert psam_key_index("update", "3des") == 0x17
    assert psam_key_index("read", "sm4") == 0x0A
    assert psam_key_index("pin_unblock", "3des") == 0x13


def test_psam_usage_byte_levels_in_bits_8_to_6() -> None:
    # card-spec §1.5: 27 / 47 / 67 are encryption keys (type 7) with 1 / 2 / 3 levels
    assert psam_usage("read", 1) == 0x27
    assert psam_usage("read", 2) == 0x47
    assert psam_usage("read") == 0x67
    assert psam_usage("update") == 0x65
    assert psam_usage("pin_reload", 1) == 0x24
