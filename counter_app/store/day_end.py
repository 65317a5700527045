"""What the day-end (日终轧账) reads from the local store (implements
``workflows.day_end.DayEndRepository``): audit entries of a period, the outbox state of
businesses and what is unsent, the work sessions of a day. Reading only, apart from
:meth:`SqlDayEnd.audit` (the explanations and the cash count are audit entries).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import AuditEntry, OutboxMessage, WorkSession
from counter_app.store.sessions import WorkSessionView, _view

UNSENT = ("pending", "sending", "dead")


@dataclass(frozen=True)
class AuditView:
    at: str
    actor: str
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class UnsentView:
    id: int
    operation: str
    status: str
    created_at: dt.datetime
    attempts: int
    last_error: str


def _stamp(t: dt.datetime) -> str:
    """A naive UTC time as the audit log writes ``at`` (so strings compare in time order)."""
    return t.isoformat(timespec="microseconds") + "Z"


def op_state(status: str, last_error: str | None) -> str:
    """The outcome of a business sent to the central, from its outbox row."""
    if status == "discarded":
        return "withdrawn"
    if status == "done":
        # a refusal is written done with its code as the last error (card_operations.refused)
        return "refused" if last_error else "accepted"
    return "dead" if status == "dead" else "pending"


class SqlDayEnd:
    def __init__(self, store: Store) -> None:
        self.store = store

    def audit_between(self, start: dt.datetime, end: dt.datetime, *, actor: str | None = None,
                      actions: Sequence[str] | None = None) -> list[AuditView]:
        with self.store.read() as s:
            q = select(AuditEntry).where(AuditEntry.at >= _stamp(start), AuditEntry.at < _stamp(end))
            if actor is not None:
                q = q.where(AuditEntry.actor == actor)
            if actions is not None:
                q = q.where(AuditEntry.action.in_(list(actions)))
            return [AuditView(e.at, e.actor, e.action, dict(e.detail))
                    for e in s.scalars(q.order_by(AuditEntry.seq))]

    def op_states(self, op_ids: Sequence[str]) -> dict[str, str]:
        wanted = sorted({o for o in op_ids if o})
        found: dict[str, str] = {}
        with self.store.read() as s:
            for i in range(0, len(wanted), 500):  # SQLite's variable limit
                rows = s.execute(select(OutboxMessage.op_id, OutboxMessage.status,
                                        OutboxMessage.last_error).where(
                    OutboxMessage.op_id.in_(wanted[i:i + 500])))
                for op_id, status, last_error in rows:
                    found[op_id] = op_state(status, last_error)
        return found

    def unsent(self) -> list[UnsentView]:
        with self.store.read() as s:
            rows = s.execute(select(OutboxMessage.id, OutboxMessage.operation, OutboxMessage.status,
                                    OutboxMessage.created_at, OutboxMessage.attempts,
                                    OutboxMessage.last_error).where(
                OutboxMessage.status.in_(UNSENT)).order_by(OutboxMessage.id))
            return [UnsentView(i, op, st, at, n or 0, err or "") for i, op, st, at, n, err in rows]

    def sessions_of_day(self, day: str) -> list[WorkSessionView]:
        with self.store.read() as s:
            return [_view(w) for w in s.scalars(select(WorkSession).where(
                WorkSession.business_day == day).order_by(WorkSession.id))]

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        with self.store.write(durable=True) as s:
            append_audit(s, self.store.cipher, actor, action, **detail)
