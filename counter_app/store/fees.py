"""Fees (工本费) in the local store (implements ``workflows.fees.FeeRepository``).

One row per movement: a collection, or a refund that names the collection it returns. Each
is written with its audit entry in one durable transaction. Once per business: a second
collection for the same business key returns the first, and a refund of a fee already
refunded returns that refund (checked inside the write transaction, so two windows cannot
both refund). The table holds no personal data: amounts, methods, a transfer's reference,
receipt numbers and the business key; a refund's reason (free text that may name a person)
lives only in the audit entry's encrypted detail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.domain.fees import COLLECT, REFUND, NewFee
from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import Base, utcnow


class FeePayment(Base):
    """A fee collected or refunded at a counter, inside a teller's work session (migration 0010)."""

    __tablename__ = "fee_payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(48), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # collect | refund
    business: Mapped[str] = mapped_column(String(32))
    business_ref: Mapped[str] = mapped_column(String(64), index=True)
    session_id: Mapped[int] = mapped_column(Integer, index=True)
    teller: Mapped[str] = mapped_column(String(32))
    counter_id: Mapped[str] = mapped_column(String(8))
    business_day: Mapped[str] = mapped_column(String(10), index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str] = mapped_column(String(32), default="")
    refund_of: Mapped[str] = mapped_column(String(48), default="")
    authorised_by: Mapped[str] = mapped_column(String(32), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


@dataclass(frozen=True, kw_only=True)
class FeeView(NewFee):
    """A recorded movement: what the desk asked for, and when it was written."""

    at: dt.datetime


def _view(r: FeePayment) -> FeeView:
    return FeeView(r.receipt_no, r.kind, r.business, r.business_ref, r.session_id, r.teller,
                   r.counter_id, r.business_day, r.amount_fen, r.method, r.reference or "",
                   r.refund_of or "", r.authorised_by or "", at=r.at)


def _naive(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


class SqlFees:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, fee: NewFee, now: dt.datetime, *, reason: str = "") -> tuple[FeeView, bool]:
        if fee.amount_fen <= 0:
            raise ValueError("a fee movement has a positive amount")
        with self.store.write(durable=True) as s:
            existing = s.scalars(select(FeePayment).where(
                FeePayment.business_ref == fee.business_ref, FeePayment.kind == fee.kind)).first()
            if existing is not None:
                return _view(existing), False
            if fee.kind == REFUND and s.scalar(select(FeePayment.id).where(
                    FeePayment.receipt_no == fee.refund_of, FeePayment.kind == COLLECT)) is None:
                raise ValueError("a refund names a collected fee")
            row = FeePayment(**asdict(fee), at=_naive(now))  # the columns are NewFee's fields
            s.add(row)
            s.flush()
            detail: dict[str, object] = {
                "receipt_no": fee.receipt_no, "business": fee.business,
                "business_ref": fee.business_ref, "session": fee.session_id,
                "amount_fen": fee.amount_fen, "method": fee.method}
            if fee.kind == REFUND:
                detail.update(refund_of=fee.refund_of, supervisor=fee.authorised_by, reason=reason)
            append_audit(s, self.store.cipher, fee.teller, f"fee.{fee.kind}ed" if fee.kind == REFUND
                         else "fee.collected", **detail)
            return _view(row), True

    def by_receipt(self, receipt_no: str) -> FeeView | None:
        with self.store.read() as s:
            row = s.scalars(select(FeePayment).where(FeePayment.receipt_no == receipt_no)).first()
            return _view(row) if row is not None else None

    def for_business(self, business_ref: str) -> list[FeeView]:
        with self.store.read() as s:
            return [_view(r) for r in s.scalars(select(FeePayment).where(
                FeePayment.business_ref == business_ref).order_by(FeePayment.id))]

    def of_session(self, session_id: int) -> list[FeeView]:
        with self.store.read() as s:
            return [_view(r) for r in s.scalars(select(FeePayment).where(
                FeePayment.session_id == session_id).order_by(FeePayment.id))]

    def of_day(self, day: str) -> list[FeeView]:
        with self.store.read() as s:
            return [_view(r) for r in s.scalars(select(FeePayment).where(
                FeePayment.business_day == day).order_by(FeePayment.id))]
