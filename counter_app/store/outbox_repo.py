"""The outbox repository over the local store (implements central.sync.OutboxRepository).

Statuses of ``outbox.status``: ``pending`` (waiting; ``sending`` from older code is treated
the same), ``done`` (acknowledged by the central, response kept), ``dead`` (permanent
failure, waiting for a supervisor), ``discarded`` (a supervisor decided not to send it;
the row stays). Rows are never deleted here.

``add_outbox_message`` is what a business transaction calls inside its own
``store.write()`` block, so the business records, the audit entry and the outbox message
commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import AppState, OutboxMessage

UNSENT = ("pending", "sending")
BLOCKING = ("pending", "sending", "dead")


@dataclass(frozen=True)
class OutboxRecord:
    """A queued operation as the sync worker sees it (central.sync.OutboxItem)."""

    id: int
    op_id: str
    operation: str
    ordering_key: str
    payload: dict[str, Any]
    attempts: int
    created_at: dt.datetime


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    dead: int
    oldest_unsent_at: dt.datetime | None


@dataclass(frozen=True)
class DeadLetterRecord:
    id: int
    op_id: str
    operation: str
    reason: str
    attempts: int
    created_at: dt.datetime
    last_attempt_at: dt.datetime | None


def _naive(t: dt.datetime) -> dt.datetime:
    """The store keeps naive UTC."""
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


def _aware(t: dt.datetime | None) -> Any:
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


def add_outbox_message(session: Session, operation: str, ordering_key: str,
                       payload: dict[str, Any], op_id: str | None = None,
                       now: dt.datetime | None = None) -> str:
    """Queue one operation in the caller's transaction; returns its op_id (Idempotency-Key)."""
    op_id = op_id or str(uuid.uuid4())
    at = _naive(now or dt.datetime.now(dt.UTC))
    session.add(OutboxMessage(op_id=op_id, operation=operation, ordering_key=ordering_key,
                              payload=payload, status="pending", attempts=0, created_at=at,
                              next_attempt_at=at))
    return op_id


class StoreOutboxRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def enqueue(self, operation: str, ordering_key: str, payload: dict[str, Any],
                op_id: str | None = None, *, durable: bool = True) -> str:
        """Queue a message in its own transaction (tests, tools)."""
        with self.store.write(durable=durable) as s:
            return add_outbox_message(s, operation, ordering_key, payload, op_id)

    def next_batch(self, now: dt.datetime, limit: int) -> list[OutboxRecord]:
        heads = (select(func.min(OutboxMessage.id))
                 .where(OutboxMessage.status.in_(BLOCKING))
                 .group_by(OutboxMessage.ordering_key))
        q = (select(OutboxMessage)
             .where(OutboxMessage.id.in_(heads), OutboxMessage.status.in_(UNSENT),
                    OutboxMessage.next_attempt_at <= _naive(now))
             .order_by(OutboxMessage.id).limit(limit))
        with self.store.read() as s:
            return [OutboxRecord(id=m.id, op_id=m.op_id, operation=m.operation,
                                    ordering_key=m.ordering_key, payload=dict(m.payload),
                                    attempts=m.attempts, created_at=_aware(m.created_at))
                    for m in s.scalars(q)]

    def mark_done(self, item_id: int, response: dict[str, Any], now: dt.datetime) -> None:
        with self.store.write() as s:
            m = s.get(OutboxMessage, item_id)
            assert m is not None
            m.status = "done"
            m.acked_at = _naive(now)
            m.last_attempt_at = _naive(now)
            m.attempts += 1
            m.response = response
            m.last_error = None

    def mark_retry(self, item_id: int, error_code: str, next_attempt_at: dt.datetime,
                   now: dt.datetime) -> None:
        with self.store.write() as s:
            m = s.get(OutboxMessage, item_id)
            assert m is not None
            m.status = "pending"
            m.attempts += 1
            m.last_attempt_at = _naive(now)
            m.next_attempt_at = _naive(next_attempt_at)
            m.last_error = error_code

    def mark_dead(self, item_id: int, reason: str, now: dt.datetime) -> None:
        with self.store.write() as s:
            m = s.get(OutboxMessage, item_id)
            assert m is not None
            m.status = "dead"
            m.attempts += 1
            m.last_attempt_at = _naive(now)
            m.last_error = reason
            m.dead_reason = reason

    def stats(self) -> OutboxCounts:
        with self.store.read() as s:
            counts = dict(s.execute(select(OutboxMessage.status, func.count())
                                    .group_by(OutboxMessage.status)).all())
            oldest = s.scalar(select(func.min(OutboxMessage.created_at))
                              .where(OutboxMessage.status.in_(BLOCKING)))
        return OutboxCounts(pending=counts.get("pending", 0) + counts.get("sending", 0),
                                dead=counts.get("dead", 0), oldest_unsent_at=_aware(oldest))

    def dead_letters(self) -> list[DeadLetterRecord]:
        with self.store.read() as s:
            return [DeadLetterRecord(id=m.id, op_id=m.op_id, operation=m.operation,
                                    reason=m.dead_reason or "", attempts=m.attempts,
                                    created_at=_aware(m.created_at),
                                    last_attempt_at=_aware(m.last_attempt_at))
                    for m in s.scalars(select(OutboxMessage)
                                       .where(OutboxMessage.status == "dead")
                                       .order_by(OutboxMessage.id))]

    def resolve_dead_letter(self, item_id: int, decision: str, supervisor: str,
                            now: dt.datetime, reason: str = "") -> None:
        """``retry``: send again (same key); ``discard``: keep the row, never send it.

        The decision and the supervisor are audited in the same transaction.
        """
        if decision not in ("retry", "discard"):
            raise ValueError("decision must be retry or discard")
        with self.store.write(durable=True) as s:
            m = s.get(OutboxMessage, item_id)
            if m is None or m.status != "dead":
                raise LookupError("not a dead letter")
            append_audit(s, self.store.cipher, supervisor, f"outbox.dead_letter_{decision}",
                         op_id=m.op_id, operation=m.operation, dead_reason=m.dead_reason or "",
                         reason=reason)
            m.resolved_by = supervisor
            m.resolved_at = _naive(now)
            if decision == "retry":
                m.status = "pending"
                m.attempts = 0
                m.next_attempt_at = _naive(now)
            else:
                m.status = "discarded"

    def status_of(self, op_id: str) -> str | None:
        with self.store.read() as s:
            return s.scalar(select(OutboxMessage.status).where(OutboxMessage.op_id == op_id))

    def counts(self) -> dict[str, int]:
        with self.store.read() as s:
            return dict(s.execute(select(OutboxMessage.status, func.count())
                                  .group_by(OutboxMessage.status)).all())

    def get_state(self, key: str) -> str | None:
        with self.store.read() as s:
            row = s.get(AppState, key)
            return row.value if row else None

    def set_state(self, key: str, value: str) -> None:
        with self.store.write() as s:
            row = s.get(AppState, key)
            if row is None:
                s.add(AppState(key=key, value=value))
            else:
                row.value = value
