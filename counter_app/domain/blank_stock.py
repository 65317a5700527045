"""Blank-card stock at an instant-issue branch: where a blank card is, and where it may go.

A blank card is registered by its chip serial when its box is received and is then in
exactly one place: the branch's stock, one teller's custody for one business day, issued to
an application, or spoiled (废卡). One table of allowed moves, enforced by the store inside
the transaction that makes the move (so two counters cannot move the same card twice).
Custody is tied to the teller and the Beijing business day until teller sessions exist
(DOMAIN.md lesson 7): a card handed out yesterday and not taken back is not in today's
custody.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from counter_app.domain.errors import CounterError


class Place(enum.StrEnum):
    STOCK = "stock"  # in the branch's safe
    CUSTODY = "custody"  # in one teller's drawer for one business day
    ISSUED = "issued"  # personalised for an application and handed over
    SPOILED = "spoiled"  # 废卡: kept for return to the card centre, never used again


PLACE_ZH = {Place.STOCK: "网点库存", Place.CUSTODY: "柜员保管", Place.ISSUED: "已发卡",
            Place.SPOILED: "已作废"}

#: the allowed moves (from → to); receiving puts a new card in STOCK
MOVES: dict[Place, frozenset[Place]] = {
    Place.STOCK: frozenset({Place.CUSTODY, Place.SPOILED}),
    Place.CUSTODY: frozenset({Place.STOCK, Place.ISSUED, Place.SPOILED}),
    Place.ISSUED: frozenset(),
    Place.SPOILED: frozenset(),
}

CHIP_SERIAL_LEN = 16  # hex digits: the card's 8-byte diversification factor from its ATR
MIN_SPOIL_REASON = 4  # characters, as for a supervisor's other decisions
MAX_SPOIL_REASON = 200
MAX_BOX_ID = 32


@dataclass(frozen=True)
class CardPlace:
    """Where one blank card is now (``custodian`` and ``day`` only in custody)."""

    chip_serial: str
    place: Place
    box_id: str = ""
    custodian: str = ""
    day: str = ""  # ISO date of the custody's business day
    application_id: str = ""  # when issued


def normalise_serial(text: str) -> str:
    return "".join(text.split()).upper()


def serial_error(serial: str) -> str | None:
    """Why a chip serial (already normalised) is not one; None when it is."""
    if len(serial) != CHIP_SERIAL_LEN or any(c not in "0123456789ABCDEF" for c in serial):
        return f"芯片序列号应为{CHIP_SERIAL_LEN}位十六进制数字（0-9、A-F），“{serial[:40]}”不符合。"
    return None


def where_zh(place: CardPlace | None, serial: str = "") -> str:
    """The card's place in words a teller reads out (no personal data)."""
    if place is None:
        return f"芯片序列号 {serial} 不在本网点空白卡登记中（未入库或不是本网点的卡）"
    s = place.chip_serial
    if place.place is Place.STOCK:
        return f"空白卡 {s} 在网点库存中（尚未交给柜员保管）"
    if place.place is Place.CUSTODY:
        return f"空白卡 {s} 由柜员 {place.custodian} 保管（{place.day} 领用）"
    if place.place is Place.ISSUED:
        return f"空白卡 {s} 已用于申请 {place.application_id} 发卡"
    return f"空白卡 {s} 已登记为废卡"


class StockError(CounterError):
    """A stock operation that cannot be done; ``place`` is where the card is now."""

    def __init__(self, message_zh: str, *, code: str, place: CardPlace | None = None,
                 serial: str = "") -> None:
        super().__init__(message_zh, code=code)
        self.place = place
        self.serial = serial or (place.chip_serial if place else "")


class NotInCustody(StockError):
    """The card is not in this teller's custody today: it must not be personalised."""

    def __init__(self, serial: str, teller: str, place: CardPlace | None, day: str) -> None:
        if place is not None and place.place is Place.CUSTODY and place.custodian == teller:
            why = (f"空白卡 {serial} 是您 {place.day} 领用的，未在当日交回；"
                   f"请先交回库存并重新领用（今天 {day}）")
        else:
            why = where_zh(place, serial)
        super().__init__(f"该卡不在您（{teller}）今天的保管中，不能制卡：{why}。",
                         code="BLANK_NOT_IN_CUSTODY", place=place, serial=serial)


class MoveRefused(StockError):
    """The move is not in the table (e.g. spoiling an issued card)."""

    def __init__(self, serial: str, place: CardPlace | None, action_zh: str) -> None:
        super().__init__(f"不能{action_zh}：{where_zh(place, serial)}。",
                         code="BLANK_MOVE_REFUSED", place=place, serial=serial)


class AlreadyRegistered(StockError):
    def __init__(self, place: CardPlace) -> None:
        super().__init__(f"该卡已登记，不能重复入库：{where_zh(place)}（箱号 {place.box_id}）。",
                         code="BLANK_DUPLICATE", place=place)


def check_move(serial: str, place: CardPlace | None, to: Place, action_zh: str) -> None:
    """Raise unless the table allows ``place`` → ``to``."""
    if place is None or to not in MOVES[place.place]:
        raise MoveRefused(serial, place, action_zh)
