"""Teller work sessions (柜员会话) in the local store.

:class:`SqlWorkSessions` implements ``workflows.sessions.WorkSessionRepository``: every change
is one durable transaction that writes its audit entry with it, and the rules that need the
whole table (one open session per teller and per counter) are checked inside that
transaction, so two windows cannot both open one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import WorkSession, utcnow


@dataclass(frozen=True)
class WorkSessionView:
    """A work session as the workflows see it (workflows.sessions.WorkSessionFacts)."""

    id: int
    teller: str
    counter_id: str
    business_day: str
    opened_at: dt.datetime
    opening_float_fen: int
    custody_at_open: int | None
    closed_at: dt.datetime | None
    closed_by: str | None
    close_kind: str | None
    close_reason: str | None
    custody_at_close: int | None


def _view(w: WorkSession) -> WorkSessionView:
    return WorkSessionView(w.id, w.teller, w.counter_id, w.business_day, w.opened_at,
                           w.opening_float_fen, w.custody_at_open, w.closed_at, w.closed_by,
                           w.close_kind, w.close_reason, w.custody_at_close)


def _open_of(s: Session, *, teller: str | None = None,
             counter_id: str | None = None) -> WorkSession | None:
    q = select(WorkSession).where(WorkSession.closed_at.is_(None))
    who = []
    if teller is not None:
        who.append(WorkSession.teller == teller)
    if counter_id is not None:
        who.append(WorkSession.counter_id == counter_id)
    if who:
        q = q.where(or_(*who))
    return s.scalars(q.order_by(WorkSession.id)).first()


class SqlWorkSessions:
    def __init__(self, store: Store) -> None:
        self.store = store

    def open_of_teller(self, teller: str) -> WorkSessionView | None:
        with self.store.read() as s:
            w = _open_of(s, teller=teller)
            return _view(w) if w is not None else None

    def open_at_counter(self, counter_id: str) -> WorkSessionView | None:
        with self.store.read() as s:
            w = _open_of(s, counter_id=counter_id)
            return _view(w) if w is not None else None

    def open(self, teller: str, counter_id: str, business_day: str, opening_float_fen: int,
             custody: int | None) -> tuple[WorkSessionView, bool]:
        """Open a session unless the teller or the counter has one open: then that one, False."""
        with self.store.write(durable=True) as s:
            existing = _open_of(s, teller=teller, counter_id=counter_id)
            if existing is not None:
                return _view(existing), False
            w = WorkSession(teller=teller, counter_id=counter_id, business_day=business_day,
                            opened_at=utcnow(), opening_float_fen=opening_float_fen,
                            custody_at_open=custody)
            s.add(w)
            s.flush()
            append_audit(s, self.store.cipher, teller, "session.opened", session=w.id,
                         counter=counter_id, day=business_day, float_fen=opening_float_fen,
                         custody=-1 if custody is None else custody)
            return _view(w), True

    def close(self, session_id: int, by: str, kind: str, reason: str,
              custody: int | None) -> WorkSessionView | None:
        """Close an open session (None when it is not open any more)."""
        with self.store.write(durable=True) as s:
            w = s.get(WorkSession, session_id)
            if w is None or w.closed_at is not None:
                return None
            w.closed_at = utcnow()
            w.closed_by = by
            w.close_kind = kind
            w.close_reason = reason or None
            w.custody_at_close = custody
            # the reason is free text a supervisor typed: it stays in the encrypted column
            append_audit(s, self.store.cipher, by, f"session.{kind}", session=w.id,
                         teller=w.teller, counter=w.counter_id,
                         custody=-1 if custody is None else custody)
            return _view(w)

    def open_sessions(self) -> list[WorkSessionView]:
        with self.store.read() as s:
            return [_view(w) for w in s.scalars(select(WorkSession).where(
                WorkSession.closed_at.is_(None)).order_by(WorkSession.opened_at))]

    def recent(self, limit: int = 50) -> list[WorkSessionView]:
        with self.store.read() as s:
            return [_view(w) for w in s.scalars(
                select(WorkSession).order_by(WorkSession.id.desc()).limit(limit))]

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        with self.store.write(durable=True) as s:
            append_audit(s, self.store.cipher, actor, action, **detail)
