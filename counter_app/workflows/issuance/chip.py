"""The chip side of instant issuance: the blank's serial, the script, the checks.

The chip serial is the card's diversification factor (the last 8 ATR bytes, card-spec
§1.5): unique per card and what the blank-card stock registers. The personalisation data
comes from the central (``GET /v1/instant-issuance/{id}/personalisation``); the fields
the contract does not carry are the city's fixed values (card type 1, issuer
``<city>000001``, birthplace from the ID number), the same the card factory uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.card.layout import FUNCTIONS_ALL, LIFECYCLE_ISSUED
from counter_app.card.ssse import SsseCard
from counter_app.central.api import PersonalisationData
from counter_app.domain.card import CardData
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh


def chip_serial(atr: bytes) -> str:
    return atr[-8:].hex().upper()


def tail(serial: str) -> str:
    return serial[-6:]


def card_data_from(p: PersonalisationData) -> CardData:
    return CardData(
        card_id_code=p.card_id_code, card_type="1", spec_version=p.spec_version,
        issuer_org=p.city_code + "000001", issue_date=p.issued_on, expiry_date=p.expires_on,
        card_number=p.card_no, id_number=p.id_number, name=p.name, sex=p.sex, nation=p.nation,
        birthplace=p.id_number[:6], birth_date=p.birth_date)


@dataclass(frozen=True)
class PowerOn:
    atr: bytes
    lifecycle: int

    @property
    def serial(self) -> str:
        return chip_serial(self.atr)

    @property
    def issued(self) -> bool:
        return self.lifecycle == LIFECYCLE_ISSUED


def power_on(card: SsseCard) -> PowerOn:
    card.select()
    return PowerOn(card.atr, card.lifecycle())


class WrongCardError(CounterError):
    code = "ISSUANCE_WRONG_CARD"


def require_card(card: SsseCard, serial: str) -> None:
    """The card in the reader must be this issuance's blank (a swapped card is refused)."""
    if chip_serial(card.atr) != serial:
        raise WrongCardError(
            zh("读卡器中的卡片不是本次制卡的卡片（应为芯片序号尾号 {expected}，"
               "插入的是尾号 {inserted}），请换回原卡片。", expected=tail(serial),
               inserted=tail(chip_serial(card.atr))))


@dataclass(frozen=True)
class ReadBack:
    data: CardData
    lifecycle: int


def read_back(card: SsseCard, serial: str) -> ReadBack:
    require_card(card, serial)
    data = card.read_card_data(reselect=False)
    return ReadBack(data, card.lifecycle())


class ActivationError(CounterError):
    code = "CHIP_NOT_ACTIVATED"
    message_zh = QT_TR_NOOP("芯片启用后读回的功能状态不符（社保、金融功能应均已启用）。")


def activate(card: SsseCard, serial: str) -> int:
    """Both functions (社保 and 金融) activated on the chip (MAC by the PSAM), then read
    back: returns the chip's function byte."""
    require_card(card, serial)
    card.ensure_selected()
    card.activate(FUNCTIONS_ALL)
    functions = card.functions()
    if functions & FUNCTIONS_ALL != FUNCTIONS_ALL:
        raise ActivationError()
    return functions


def set_pin(card: SsseCard, serial: str, digits: str) -> None:
    """The holder's PIN replaces the transport PIN: enciphered and MACed by the PSAM
    (PIN unblock with a new PIN), so it never crosses the reader line in clear."""
    require_card(card, serial)
    card.ensure_selected()
    card.unblock_pin(digits)
