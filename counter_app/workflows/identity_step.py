"""The identity check that opens the read-only businesses (certificate, queries): the
person's ID card read by the reader, or its number typed after the teller checked the card.

Shared so every business applies the same rules: the reader must be configured, the number
must be valid, an expired ID card is refused; a typed number is marked as typed (the screen
then asks the teller to check the original).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.devices.idcard import IdCardData, IdCardReader
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.identity import validate_id_number
from counter_app.domain.texts import QT_TR_NOOP

NEEDS_ID_ZH = QT_TR_NOOP("请读取或录入身份证号码。")


@dataclass(frozen=True)
class Identity:
    id_number: str = ""
    source: str = ""  # "reader" | "typed"
    name: str = ""


def identity_errors(identity: Identity) -> dict[str, str]:
    """What keeps the identity step from being left (field → message)."""
    return {} if identity.id_number else {"id_number": NEEDS_ID_ZH}


def read_identity(reader: IdCardReader | None, today: dt.date) -> tuple[IdCardData, Identity]:
    """Read the ID card on the reader (blocking); the card and the identity it proves."""
    if reader is None:
        raise CounterError(QT_TR_NOOP("本柜台未配置身份证阅读器，请手工录入身份证号码。"),
                           code="IDCARD_READER_MISSING")
    card = reader.read()
    number = validate_id_number(card.id_number, today=today)
    if card.expired_on(today):
        raise ValidationError("id_number", QT_TR_NOOP("该身份证已过有效期，请持有效证件办理。"),
                              code="IDCARD_EXPIRED")
    return card, Identity(number, "reader", card.name)


def typed_identity(typed: str, current: Identity, today: dt.date) -> Identity:
    """The identity for a typed number: the current one when it is the same number (a number
    read from the card stays "read"), else a new typed identity."""
    number = validate_id_number(typed, today=today)
    return current if number == current.id_number else Identity(number, "typed")
