"""Blank-card stock in the local store (implements workflows.stock.StockRepository).

Every change is one durable write transaction that reads the card's row, checks the move
against the domain's table (``domain.blank_stock``), writes the new place, a move row and
the audit entry together: a card is never in two places, and no move is unaudited. SQLite
allows one writer at a time (the store's write lock plus the database lock), so two counters
moving the same card are serialised and the second sees the first's result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.blank_stock import (
    AlreadyRegistered,
    CardPlace,
    NotInCustody,
    Place,
    StockError,
    check_move,
)
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import BlankBox, BlankCard, BlankCardMove


def _naive(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


def _place(row: BlankCard) -> CardPlace:
    return CardPlace(chip_serial=row.chip_serial, place=Place(row.place), box_id=row.box_id,
                     custodian=row.custodian or "", day=row.custody_day or "",
                     application_id=row.application_id or "")


@dataclass(frozen=True)
class BoxView:
    box_id: str
    expected: tuple[str, ...] | None  # the supplier's list; None: registered by reading only
    received: tuple[str, ...]  # chip serials registered into this box
    checked: bool  # the list check was closed


@dataclass(frozen=True)
class MoveView:
    chip_serial: str
    day: str
    from_place: Place | None  # None: received
    to_place: Place
    teller: str  # whose custody the move touches ("" for stock-only moves)
    actor: str


class SqlBlankStock:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- boxes -----------------------------------------------------------------------------------
    def register_box(self, box_id: str, expected: tuple[str, ...] | None, teller: str,
                     now: dt.datetime) -> BoxView:
        """A new box (with the supplier's list or without); the same box again is returned
        as it is when the list agrees, refused when it differs."""
        with self.store.write(durable=True) as s:
            row = s.scalars(select(BlankBox).where(BlankBox.box_id == box_id)).first()
            if row is not None:
                if expected is not None and row.expected is not None and \
                        sorted(row.expected) != sorted(expected):
                    raise StockError(zh("箱号 {box_id} 已按另一份供应商清单登记，清单不一致，请核对箱号或联系库管。",
                                        box_id=box_id), code="BLANK_BOX_LIST_DIFFERS")
                if expected is not None and row.expected is None:
                    row.expected = list(expected)
                    append_audit(s, self.store.cipher, teller, "stock.box_list_added",
                                 box_id=box_id, expected=len(expected))
            else:
                s.add(BlankBox(box_id=box_id, expected=list(expected) if expected is not None else None,
                               received_by=teller, received_at=_naive(now)))
                append_audit(s, self.store.cipher, teller, "stock.box_registered", box_id=box_id,
                             expected=len(expected) if expected is not None else None)
        view = self.box(box_id)
        assert view is not None
        return view

    def box(self, box_id: str) -> BoxView | None:
        with self.store.read() as s:
            row = s.scalars(select(BlankBox).where(BlankBox.box_id == box_id)).first()
            if row is None:
                return None
            received = tuple(s.scalars(select(BlankCard.chip_serial).where(
                BlankCard.box_id == box_id).order_by(BlankCard.id)))
            return BoxView(row.box_id, tuple(row.expected) if row.expected is not None else None,
                           received, row.checked_at is not None)

    def close_box_check(self, box_id: str, teller: str, now: dt.datetime, *,
                        missing: tuple[str, ...], refused: tuple[str, ...]) -> None:
        """The card-by-card check of a listed box is finished: what was found is audited."""
        with self.store.write(durable=True) as s:
            row = s.scalars(select(BlankBox).where(BlankBox.box_id == box_id)).one()
            row.checked_at = _naive(now)
            append_audit(s, self.store.cipher, teller, "stock.box_checked", box_id=box_id,
                         missing=list(missing), refused=list(refused))

    # -- cards -----------------------------------------------------------------------------------
    def receive(self, box_id: str, serial: str, atr: str, teller: str, day: str,
                now: dt.datetime) -> CardPlace:
        with self.store.write(durable=True) as s:
            if s.scalar(select(BlankBox.id).where(BlankBox.box_id == box_id)) is None:
                raise StockError(zh("箱号 {box_id} 尚未登记，请先登记箱号。", box_id=box_id),
                                 code="BLANK_BOX_UNKNOWN")
            existing = self._row(s, serial)
            if existing is not None:
                raise AlreadyRegistered(_place(existing))
            t = _naive(now)
            row = BlankCard(chip_serial=serial, atr=atr, box_id=box_id, place=Place.STOCK.value,
                            received_by=teller, received_at=t, updated_at=t)
            s.add(row)
            s.add(BlankCardMove(chip_serial=serial, at=t, day=day, from_place=None,
                                to_place=Place.STOCK.value, teller=None, actor=teller))
            append_audit(s, self.store.cipher, teller, "stock.received", chip_serial=serial,
                         box_id=box_id)
            s.flush()
            return _place(row)

    def locate(self, serial: str) -> CardPlace | None:
        with self.store.read() as s:
            row = self._row(s, serial)
            return _place(row) if row is not None else None

    def move(self, serial: str, to: Place, *, action_zh: str, actor: str, day: str,
             now: dt.datetime, custodian: str = "", custody_today: bool = False,
             application_id: str = "", reason: str = "", supervisor: str = "",
             audit: dict[str, Any] | None = None) -> CardPlace:
        """Move one card: the table is checked here, in the transaction. ``custodian``: the
        teller whose custody the move touches (handed to, taken from, issued or spoiled from);
        a card in custody may only leave it from that teller (``custody_today``: and only if
        handed out on ``day`` — what personalisation requires)."""
        with self.store.write(durable=True) as s:
            row = self._row(s, serial)
            place = _place(row) if row is not None else None
            if to is Place.ISSUED and (place is None or place.place is not Place.CUSTODY
                                       or place.custodian != custodian or place.day != day):
                raise NotInCustody(serial, custodian, place, day)
            check_move(serial, place, to, action_zh)
            assert row is not None and place is not None
            if place.place is Place.CUSTODY and (place.custodian != custodian or (
                    custody_today and place.day != day)):
                if custody_today:
                    raise NotInCustody(serial, custodian, place, day)
                raise StockError(zh("不能{action}：空白卡 {serial} 由柜员 {custodian} 保管（{day} 领用），"
                                    "须由该柜员办理。", action=action_zh, serial=serial, custodian=place.custodian,
                                    day=place.day),
                                 code="BLANK_OTHER_CUSTODY", place=place)
            if to is Place.SPOILED and not supervisor:
                raise StockError(QT_TR_NOOP("登记废卡须经主管授权。"), code="BLANK_SPOIL_NEEDS_SUPERVISOR",
                                 place=place)
            t = _naive(now)
            teller = custodian if (to is Place.CUSTODY or place.place is Place.CUSTODY) else ""
            row.place = to.value
            row.custodian = custodian if to is Place.CUSTODY else None
            row.custody_day = day if to is Place.CUSTODY else None
            row.updated_at = t
            if to is Place.ISSUED:
                row.application_id = application_id
            if to is Place.SPOILED:
                row.spoil_reason, row.spoiled_by = reason, supervisor
            s.add(BlankCardMove(chip_serial=serial, at=t, day=day, from_place=place.place.value,
                                to_place=to.value, teller=teller or None, actor=actor))
            append_audit(s, self.store.cipher, actor, f"stock.{to.value}", chip_serial=serial,
                         from_place=place.place.value, custodian=teller, **(audit or {}))
            s.flush()
            return _place(row)

    def cards(self, place: Place | None = None, custodian: str | None = None) -> list[CardPlace]:
        with self.store.read() as s:
            q = select(BlankCard).order_by(BlankCard.chip_serial)
            if place is not None:
                q = q.where(BlankCard.place == place.value)
            if custodian is not None:
                q = q.where(BlankCard.custodian == custodian)
            return [_place(r) for r in s.scalars(q)]

    def custody_count(self, teller: str, day: str) -> int:
        with self.store.read() as s:
            return int(s.scalar(select(func.count()).select_from(BlankCard).where(
                BlankCard.place == Place.CUSTODY.value, BlankCard.custodian == teller,
                BlankCard.custody_day == day)) or 0)

    def moves(self, day: str | None = None) -> list[MoveView]:
        with self.store.read() as s:
            q = select(BlankCardMove).order_by(BlankCardMove.id)
            if day is not None:
                q = q.where(BlankCardMove.day == day)
            return [MoveView(m.chip_serial, m.day, Place(m.from_place) if m.from_place else None,
                             Place(m.to_place), m.teller or "", m.actor) for m in s.scalars(q)]

    def spoil_details(self, serial: str) -> tuple[str, str] | None:
        """(reason, supervisor) of a spoiled card, for its count sheet line."""
        with self.store.read() as s:
            row = self._row(s, serial)
            if row is None or row.place != Place.SPOILED.value:
                return None
            return row.spoil_reason or "", row.spoiled_by or ""

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        with self.store.write(durable=True) as s:
            append_audit(s, self.store.cipher, actor, action, **detail)

    @staticmethod
    def _row(s: Session, serial: str) -> BlankCard | None:
        return s.scalars(select(BlankCard).where(BlankCard.chip_serial == serial)).first()
