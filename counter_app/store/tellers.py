"""Teller accounts and sessions: the store side of logging in."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.store.models import Teller, TellerSession, utcnow


def teller_by_username(session: Session, username: str) -> Teller | None:
    return session.scalars(select(Teller).where(Teller.username == username)).first()


def teller_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Teller)) or 0


def add_teller(
    session: Session,
    username: str,
    display_name: str,
    role: str,
    password_hash: str | None,
    *,
    must_change_password: bool,
) -> Teller:
    teller = Teller(
        username=username,
        display_name=display_name,
        role=role,
        password_hash=password_hash,
        must_change_password=must_change_password,
        failed_logins=0,
        active=True,
        password_changed_at=utcnow() if password_hash else None,
    )
    session.add(teller)
    session.flush()
    return teller


def open_teller_session(session: Session, teller_id: int, counter_id: str) -> TellerSession:
    record = TellerSession(teller_id=teller_id, counter_id=counter_id, started_at=utcnow())
    session.add(record)
    session.flush()
    return record


def close_teller_session(session: Session, session_id: int, reason: str) -> None:
    record = session.get(TellerSession, session_id)
    if record is not None and record.ended_at is None:
        record.ended_at = utcnow()
        record.end_reason = reason


def locked(teller: Teller, now: dt.datetime) -> bool:
    return teller.locked_until is not None and teller.locked_until > now
