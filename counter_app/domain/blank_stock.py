"""Blank-card stock at an instant-issue branch: where a blank card is, and where it may go.

A blank card is registered by its chip serial when its box is received and is then in
exactly one place: the branch's stock, one teller's custody for one business day, issued to
an application, or spoiled (废卡). One table of allowed moves, enforced by the store inside
the transaction that makes the move (so two counters cannot move the same card twice).
Custody is tied to the teller and the Beijing business day (DOMAIN.md lesson 7), not to the
teller's work session (``workflows.sessions``, which gates every stock change and counts the
custody at its open and close): a card handed out yesterday and not taken back is not in
today's custody, whatever session is open.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh


class Place(enum.StrEnum):
    STOCK = "stock"  # in the branch's safe
    CUSTODY = "custody"  # in one teller's drawer for one business day
    ISSUED = "issued"  # personalised for an application and handed over
    SPOILED = "spoiled"  # 废卡: kept for return to the card centre, never used again


PLACE_ZH = {Place.STOCK: QT_TR_NOOP("网点库存"), Place.CUSTODY: QT_TR_NOOP("柜员保管"),
            Place.ISSUED: QT_TR_NOOP("已发卡"), Place.SPOILED: QT_TR_NOOP("已作废")}

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
        return zh("芯片序列号应为{length}位十六进制数字（0-9、A-F），“{serial}”不符合。",
                  length=CHIP_SERIAL_LEN, serial=serial[:40])
    return None


def where_zh(place: CardPlace | None, serial: str = "") -> str:
    """The card's place in words a teller reads out (no personal data)."""
    if place is None:
        return zh("芯片序列号 {serial} 不在本网点空白卡登记中（未入库或不是本网点的卡）", serial=serial)
    s = place.chip_serial
    if place.place is Place.STOCK:
        return zh("空白卡 {serial} 在网点库存中（尚未交给柜员保管）", serial=s)
    if place.place is Place.CUSTODY:
        return zh("空白卡 {serial} 由柜员 {custodian} 保管（{day} 领用）", serial=s, custodian=place.custodian,
                  day=place.day)
    if place.place is Place.ISSUED:
        return zh("空白卡 {serial} 已用于申请 {application_id} 发卡", serial=s, application_id=place.application_id)
    return zh("空白卡 {serial} 已登记为废卡", serial=s)


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
        why: str
        if place is not None and place.place is Place.CUSTODY and place.custodian == teller:
            why = zh("空白卡 {serial} 是您 {taken_on} 领用的，未在当日交回；请先交回库存并重新领用（今天 {today}）",
                     serial=serial, taken_on=place.day, today=day)
        else:
            why = where_zh(place, serial)
        super().__init__(zh("该卡不在您（{teller}）今天的保管中，不能制卡：{why}。", teller=teller, why=why),
                         code="BLANK_NOT_IN_CUSTODY", place=place, serial=serial)


class MoveRefused(StockError):
    """The move is not in the table (e.g. spoiling an issued card)."""

    def __init__(self, serial: str, place: CardPlace | None, action_zh: str) -> None:
        super().__init__(zh("不能{action}：{place}。", action=action_zh, place=where_zh(place, serial)),
                         code="BLANK_MOVE_REFUSED", place=place, serial=serial)


class AlreadyRegistered(StockError):
    def __init__(self, place: CardPlace) -> None:
        super().__init__(zh("该卡已登记，不能重复入库：{place}（箱号 {box_id}）。", place=where_zh(place),
                            box_id=place.box_id),
                         code="BLANK_DUPLICATE", place=place)


def check_move(serial: str, place: CardPlace | None, to: Place, action_zh: str) -> None:
    """Raise unless the table allows ``place`` → ``to``."""
    if place is None or to not in MOVES[place.place]:
        raise MoveRefused(serial, place, action_zh)
