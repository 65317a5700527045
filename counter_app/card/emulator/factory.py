"""Card manufacture: blank cards with keys loaded, and personalised demo cards.

The factory stands for the card manufacturer and the key-loading centre: it is the only
place besides the PSAM that sees the TEST key hierarchy.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os

from counter_app.card.emulator import crypto
from counter_app.card.emulator.card import KEY_TRIES_MAX, CardState, _pin_hash, pin_to_bcd
from counter_app.card.layout import (
    FUNCTIONS_ALL,
    LIFECYCLE_ISSUED,
    LIFECYCLE_PERSONALISING,
    PHOTO_FILE_SIZE,
    encode_records,
)
from counter_app.domain.card import CARD_RID, CardData
from counter_app.domain.identity import card_number_check_char, id_birth_date, id_sex

DEMO_CITY = "330200"
DEFAULT_PIN = "123456"
PIN_TRIES = 6


def atr_for(region: str, unique: bytes) -> bytes:
    """``3B 6D 00 00`` + 13 historical bytes: 00 81 4E 43, region[2:6], 7 unique bytes.

    The last 8 bytes (the card diversification factor) are region[4:6] + 7 unique bytes.
    """
    if len(unique) != 8:
        raise ValueError("unique part is 8 bytes")
    historical = bytes.fromhex("00814E43") + bytes.fromhex(region[2:6]) + unique[:7]
    return bytes.fromhex("3B6D0000") + historical


def _state(
    *, region: str, unique: bytes, algo: crypto.Algorithm, city_code: str, pin: str,
    seed: str, label: str, pin_tries: int = PIN_TRIES,
) -> CardState:
    atr = atr_for(region, unique)
    keys: dict[str, bytes] = {role: crypto.card_key(role, algo, city_code, atr, seed) for role in crypto.ROLES}
    return CardState(
        atr=atr,
        algo=algo,
        keys=keys,
        key_tries=dict.fromkeys(crypto.ROLES, KEY_TRIES_MAX),
        pin_hash=_pin_hash(atr, pin_to_bcd(pin)),
        pin_tries_max=pin_tries,
        pin_tries_left=pin_tries,
        lifecycle=LIFECYCLE_PERSONALISING,
        label=label,
    )


def new_blank(
    *, city_code: str = DEMO_CITY, algo: crypto.Algorithm = "sm4", seed: str = "test",
    unique: bytes | None = None, pin: str = DEFAULT_PIN, pin_tries: int = PIN_TRIES,
) -> CardState:
    """A blank card: keys loaded, transport PIN set, no EF05/EF06, lifecycle personalising."""
    return _state(region=city_code, unique=unique or os.urandom(8), algo=algo,
                  city_code=city_code, pin=pin, seed=seed, label="blank", pin_tries=pin_tries)


def new_personalised(
    data: CardData, *, city_code: str = DEMO_CITY, pin: str = DEFAULT_PIN, seed: str = "test",
    photo: bytes | None = None, pin_tries: int = PIN_TRIES, activated: bool = True,
) -> CardState:
    """A personalised card; ``activated=False`` for a card fresh from central production
    (its functions are activated at hand-out)."""
    algo: crypto.Algorithm = "sm4" if data.spec_version.startswith("3") else "3des"
    state = _state(region=data.region_code, unique=bytes.fromhex(data.card_id_code[16:]),
                   algo=algo, city_code=city_code, pin=pin, seed=seed, label=data.card_number,
                   pin_tries=pin_tries)
    state.records = encode_records(data)
    if photo is not None:
        state.photo = photo_file_content(photo)
    state.lifecycle = LIFECYCLE_ISSUED
    state.functions = FUNCTIONS_ALL if activated else 0
    return state


def photo_file_content(jpeg: bytes) -> bytes:
    """EF08 content: 2-byte big-endian length, then the JPEG."""
    if len(jpeg) + 2 > PHOTO_FILE_SIZE:
        raise ValueError(f"photo larger than {PHOTO_FILE_SIZE - 2} bytes")
    return len(jpeg).to_bytes(2, "big") + jpeg


def demo_card_data() -> CardData:
    """李明, the demo card of docs/CONVENTIONS.md."""
    return CardData(
        card_id_code="330200D1560000050A1B2C3D4E5F6071",
        card_type="1",
        spec_version="3.00",
        issuer_org="330200000001",
        issue_date=_dt.date(2024, 3, 1),
        expiry_date=_dt.date(2034, 3, 1),
        card_number="NB0000016",
        id_number="330203198506122017",
        name="李明",
        sex="1",
        nation="01",
        birthplace="330203",
        birth_date=_dt.date(1985, 6, 12),
    )


def card_data_for(
    id_number: str, name: str, *, card_number: str | None = None, city_code: str = DEMO_CITY,
    nation: str = "01", birthplace: str | None = None, issue_date: _dt.date | None = None,
    years: int = 10, spec_version: str = "3.00", card_type: str = "1",
    unique: bytes | None = None,
) -> CardData:
    """Fill in the card-side fields for a person (tests, demo, new-card command)."""
    digest = hashlib.sha256(id_number.encode()).hexdigest()
    if card_number is None:
        body = "NB" + str(int(digest[:12], 16) % 10**6).zfill(6)
        card_number = body + card_number_check_char(body)
    issued = issue_date or _dt.date.today()
    try:
        expiry = issued.replace(year=issued.year + years)
    except ValueError:  # 29 February
        expiry = issued.replace(year=issued.year + years, day=28)
    uniq = (unique or bytes.fromhex(digest[12:28])).hex().upper()
    return CardData(
        card_id_code=f"{city_code}{CARD_RID}{uniq}",
        card_type=card_type,
        spec_version=spec_version,
        issuer_org=city_code + "000001",
        issue_date=issued,
        expiry_date=expiry,
        card_number=card_number,
        id_number=id_number,
        name=name,
        sex=id_sex(id_number),
        nation=nation,
        birthplace=birthplace or id_number[:6],
        birth_date=id_birth_date(id_number),
    )
