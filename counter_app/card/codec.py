"""Byte codecs for SSSE records: ``cn`` (BCD, F-padded), ``an`` (ASCII/GBK, 00-padded), TLV.

Names are stored in GB 18030, which is byte-identical to GBK for every GBK character and
also encodes rare characters (CJK extensions) that GBK lacks. Names longer than the 30-byte
姓名 field continue in the 20-byte 姓名扩展 record (tag 4E).
"""

from __future__ import annotations

import datetime as _dt

from counter_app.card.errors import CardDataError
from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP

NAME_LEN = 30
NAME_EXT_LEN = 20


def encode_cn(digits: str, length: int) -> bytes:
    """Compressed numeric: BCD, left-aligned, right-padded with F nibbles."""
    if not digits.isdigit() or len(digits) > 2 * length:
        raise ValueError("cn field: digits only, within length")
    return bytes.fromhex(digits.ljust(2 * length, "F"))


def decode_cn(raw: bytes) -> str:
    text = raw.hex().upper().rstrip("F")
    if not text.isdigit() and text != "":
        raise CardDataError()
    return text


def encode_bcd_date(day: _dt.date) -> bytes:
    return encode_cn(day.strftime("%Y%m%d"), 4)


def decode_bcd_date(raw: bytes) -> _dt.date:
    text = decode_cn(raw)
    try:
        return _dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except (ValueError, IndexError) as exc:
        raise CardDataError() from exc


def encode_an(text: str, length: int) -> bytes:
    raw = text.encode("ascii")
    if len(raw) > length:
        raise ValueError("an field too long")
    return raw.ljust(length, b"\x00")


def decode_an(raw: bytes) -> str:
    try:
        return raw.rstrip(b"\x00").decode("ascii")
    except UnicodeDecodeError as exc:
        raise CardDataError() from exc


def encode_name(name: str) -> tuple[bytes, bytes]:
    """(30-byte 姓名, 20-byte 姓名扩展) for a name, split at a character boundary."""
    try:
        chars = [c.encode("gb18030") for c in name]
    except UnicodeEncodeError as exc:
        raise ValidationError("name", QT_TR_NOOP("姓名中含有无法写入社保卡的字符。"),
                              code="CARD_NAME_CHARS") from exc
    if any(c == b"\x00" for c in chars):
        raise ValidationError("name", QT_TR_NOOP("姓名中含有无法写入社保卡的字符。"), code="CARD_NAME_CHARS")
    head = b""
    i = 0
    while i < len(chars) and len(head) + len(chars[i]) <= NAME_LEN:
        head += chars[i]
        i += 1
    tail = b"".join(chars[i:])
    if len(tail) > NAME_EXT_LEN:
        raise ValidationError(
            "name", QT_TR_NOOP("姓名过长，超出社保卡可存储的长度（50字节）。"), code="CARD_NAME_TOO_LONG"
        )
    return head.ljust(NAME_LEN, b"\x00"), tail.ljust(NAME_EXT_LEN, b"\x00")


def decode_name(head: bytes, ext: bytes = b"") -> str:
    try:
        return (head.rstrip(b"\x00") + ext.rstrip(b"\x00")).decode("gb18030")
    except UnicodeDecodeError as exc:
        raise CardDataError() from exc


def tlv(tag: int, value: bytes) -> bytes:
    if len(value) > 0x7F:
        raise ValueError("record value too long for a one-byte length")
    return bytes((tag, len(value))) + value


def parse_tlv_record(raw: bytes, expected_tag: int) -> bytes:
    """Value of a ``tag len value`` record, checking the tag and the length."""
    if len(raw) < 2 or raw[0] != expected_tag or raw[1] != len(raw) - 2:
        raise CardDataError()
    return bytes(raw[2:])
