"""SSSE file layout (card-spec §1.2, §1.3): AIDs, file IDs, SFIs, records, tags, lengths.

Shared by the reader (counter_app.card.ssse) and the emulator so the layout exists once.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Literal

from counter_app.card.codec import (
    decode_an,
    decode_bcd_date,
    decode_cn,
    decode_name,
    encode_an,
    encode_bcd_date,
    encode_cn,
    encode_name,
    tlv,
)
from counter_app.domain.card import CardData

SSSE_AID = bytes.fromhex("7378312E73682EC9E7BBE1B1A3D5CF")  # "sx1.sh.社会保障"
PSAM_DF01_AID = bytes.fromhex("D15600000590")

EF05 = 0xEF05
EF06 = 0xEF06
EF08_PHOTO = 0xEF08
SFI = {EF05: 5, EF06: 6}

# card key ids (SSSE). [unconfirmed] choices, documented in docs/card.md
KEY_UPDATE = 0x07  # external auth before UPDATE RECORD / UPDATE BINARY / END PERSONALISATION
KEY_READ = 0x0A  # RKSSSE: external auth before reading the photo
KEY_PIN_UNBLOCK = 0x03  # PUK
KEY_PIN_RELOAD = 0x04

# proprietary commands of the emulated card (documented in docs/card.md)
INS_GET_DATA = 0xCA
LIFECYCLE_TAG = 0xC1
LIFECYCLE_PERSONALISING = 0x01
LIFECYCLE_ISSUED = 0x0F
INS_END_PERSO = 0xEE
# activation of the card's functions at hand-over (defined here, not in card-spec: see
# docs/card.md "Activation"): GET DATA C2 reads the function byte, ACTIVATE sets bits in it
FUNCTIONS_TAG = 0xC2
FUNCTION_SOCIAL = 0x01  # 社保功能
FUNCTION_FINANCIAL = 0x02  # 金融功能
FUNCTIONS_ALL = FUNCTION_SOCIAL | FUNCTION_FINANCIAL
INS_ACTIVATE = 0xEC

PHOTO_FILE_SIZE = 0x1000  # 2-byte length + JPEG

Algorithm = Literal["sm4", "3des"]
KeyRole = Literal["update", "read", "pin_unblock", "pin_reload"]
ROLE_KEY_ID: dict[str, int] = {
    "update": KEY_UPDATE, "read": KEY_READ, "pin_unblock": KEY_PIN_UNBLOCK,
    "pin_reload": KEY_PIN_RELOAD,
}
# PSAM key usage byte: bits 8-6 = levels, bits 5-1 = key type (card-spec §1.5)
PSAM_KEY_TYPE: dict[str, int] = {"update": 0x05, "read": 0x07, "pin_unblock": 0x03, "pin_reload": 0x04}


def block_size(algo: Algorithm) -> int:
    return 16 if algo == "sm4" else 8


def psam_key_index(role: KeyRole, algo: Algorithm) -> int:
    """PSAM key index per role; 3DES keys sit 0x10 above their SM4 siblings."""
    return ROLE_KEY_ID[role] + (0x10 if algo == "3des" else 0)


def psam_usage(role: KeyRole, levels: int = 3) -> int:
    return (levels << 5) | PSAM_KEY_TYPE[role]


@dataclass(frozen=True, slots=True)
class RecordDef:
    ef: int
    number: int
    tag: int
    length: int
    field: str  # CardData attribute (or "name_ext")
    fmt: str  # "cn" | "an" | "date" | "name"


RECORDS: tuple[RecordDef, ...] = (
    RecordDef(EF05, 1, 0x01, 16, "card_id_code", "hex"),
    RecordDef(EF05, 2, 0x02, 1, "card_type", "an"),
    RecordDef(EF05, 3, 0x03, 4, "spec_version", "an"),
    RecordDef(EF05, 4, 0x04, 6, "issuer_org", "cn"),
    RecordDef(EF05, 5, 0x05, 4, "issue_date", "date"),
    RecordDef(EF05, 6, 0x06, 4, "expiry_date", "date"),
    RecordDef(EF05, 7, 0x07, 9, "card_number", "an"),
    RecordDef(EF06, 1, 0x08, 18, "id_number", "an"),
    RecordDef(EF06, 2, 0x09, 30, "name", "name"),
    RecordDef(EF06, 3, 0x4E, 20, "name_ext", "name"),
    RecordDef(EF06, 4, 0x0A, 1, "sex", "an"),
    RecordDef(EF06, 5, 0x0B, 1, "nation", "cn"),
    RecordDef(EF06, 6, 0x0C, 3, "birthplace", "cn"),
    RecordDef(EF06, 7, 0x0D, 4, "birth_date", "date"),
)
OPTIONAL_TAGS = frozenset({0x4E})


def records_of(ef: int) -> tuple[RecordDef, ...]:
    return tuple(r for r in RECORDS if r.ef == ef)


def record_by_tag(tag: int) -> RecordDef:
    for r in RECORDS:
        if r.tag == tag:
            return r
    raise KeyError(tag)


def encode_records(data: CardData) -> dict[int, bytes]:
    """Tag → full ``tag len value`` record for every record of EF05 and EF06."""
    name, name_ext = encode_name(data.name)
    out: dict[int, bytes] = {}
    for r in RECORDS:
        if r.field == "name":
            value = name
        elif r.field == "name_ext":
            value = name_ext
        else:
            v = getattr(data, r.field)
            if r.fmt == "hex":
                value = bytes.fromhex(v)
            elif r.fmt == "an":
                value = encode_an(v, r.length)
            elif r.fmt == "cn":
                value = encode_cn(v, r.length)
            else:
                value = encode_bcd_date(v)
        out[r.tag] = tlv(r.tag, value)
    return out


def decode_values(values: dict[int, bytes]) -> CardData:
    """CardData from tag → record value (without tag and length)."""
    texts: dict[str, str] = {}
    dates: dict[str, _dt.date] = {}
    for r in RECORDS:
        if r.tag in OPTIONAL_TAGS:
            continue
        v = values[r.tag]
        if r.field == "name":
            texts["name"] = decode_name(v, values.get(0x4E, b""))
        elif r.fmt == "hex":
            texts[r.field] = v.hex().upper()
        elif r.fmt == "an":
            texts[r.field] = decode_an(v)
        elif r.fmt == "cn":
            texts[r.field] = decode_cn(v)
        else:
            dates[r.field] = decode_bcd_date(v)
    # Named arguments, so that a renamed CardData field is caught by the type checker.
    return CardData(
        card_id_code=texts["card_id_code"], card_type=texts["card_type"], spec_version=texts["spec_version"],
        issuer_org=texts["issuer_org"], issue_date=dates["issue_date"], expiry_date=dates["expiry_date"],
        card_number=texts["card_number"], id_number=texts["id_number"], name=texts["name"], sex=texts["sex"],
        nation=texts["nation"], birthplace=texts["birthplace"], birth_date=dates["birth_date"],
    )
