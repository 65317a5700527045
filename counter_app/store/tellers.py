"""Teller accounts and sessions: the store side of signing in.

:class:`SqlTellerRepository` implements ``workflows.login.TellerRepository``: every method
is one transaction that writes the audit entry together with the change it describes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import Teller, TellerSession, utcnow


@dataclass(frozen=True)
class TellerRecord:
    """A teller account as sign-in sees it (workflows.login.TellerAccount)."""

    id: int
    username: str
    display_name: str
    role: str
    password_hash: str | None
    must_change_password: bool
    failed_logins: int
    locked_until: dt.datetime | None
    active: bool
    totp_secret: str | None = field(default=None, repr=False)
    totp_last_step: int | None = None


def _record(t: Teller) -> TellerRecord:
    return TellerRecord(t.id, t.username, t.display_name, t.role, t.password_hash,
                        t.must_change_password, t.failed_logins, t.locked_until, t.active,
                        t.totp_secret, t.totp_last_step)


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


class SqlTellerRepository:
    """Teller accounts over the local store.

    Changes whose effect the teller is told about at once (a sign-in, a counted failure, a
    lockout, a password) are durable; first-run and demo seeding and sign-out are not.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def create_first_admin(self, username: str, display_name: str) -> bool:
        with self.store.write() as s:
            if teller_count(s) > 0:
                return False
            add_teller(s, username, display_name, "admin", None, must_change_password=True)
            append_audit(s, self.store.cipher, "system", "teller.first_admin_created",
                         username=username)
            return True

    def usernames_without_password(self) -> list[str]:
        with self.store.read() as s:
            return list(s.scalars(select(Teller.username)
                                  .where(Teller.password_hash.is_(None)).order_by(Teller.id)))

    def find(self, username: str) -> TellerRecord | None:
        with self.store.read() as s:
            teller = teller_by_username(s, username)
            return _record(teller) if teller is not None else None

    def get(self, teller_id: int) -> TellerRecord | None:
        with self.store.read() as s:
            teller = s.get(Teller, teller_id)
            return _record(teller) if teller is not None else None

    def existing_usernames(self, usernames: list[str]) -> set[str]:
        with self.store.read() as s:
            return set(s.scalars(select(Teller.username).where(Teller.username.in_(usernames))))

    def add_account(self, username: str, display_name: str, role: str, password_hash: str,
                    *, audit_action: str) -> bool:
        with self.store.write() as s:
            if teller_by_username(s, username) is not None:
                return False
            add_teller(s, username, display_name, role, password_hash,
                       must_change_password=False)
            append_audit(s, self.store.cipher, "system", audit_action,
                         username=username, role=role)
            return True

    def deactivate_if_password_unset(self, username: str) -> None:
        with self.store.write() as s:
            s.execute(update(Teller).where(Teller.username == username,
                                           Teller.password_hash.is_(None)).values(active=False))

    def set_initial_password(self, username: str, password_hash: str,
                             now: dt.datetime) -> bool:
        with self.store.write(durable=True) as s:
            teller = teller_by_username(s, username)
            if teller is None or teller.password_hash is not None:
                return False
            teller.password_hash = password_hash
            teller.must_change_password = False
            teller.password_changed_at = now
            append_audit(s, self.store.cipher, username, "teller.initial_password_set")
            return True

    def change_password(self, teller_id: int, password_hash: str, now: dt.datetime) -> None:
        with self.store.write(durable=True) as s:
            teller = self._teller(s, teller_id)
            teller.password_hash = password_hash
            teller.must_change_password = False
            teller.password_changed_at = now
            teller.failed_logins = 0
            teller.locked_until = None
            append_audit(s, self.store.cipher, teller.username, "teller.password_changed")

    def count_failure(self, teller_id: int, attempt: str) -> int:
        with self.store.write(durable=True) as s:
            teller = self._teller(s, teller_id)
            teller.failed_logins += 1
            append_audit(s, self.store.cipher, teller.username, f"{attempt}.failure",
                         failures=teller.failed_logins)
            return teller.failed_logins

    def lock(self, teller_id: int, until: dt.datetime, minutes: int) -> None:
        with self.store.write(durable=True) as s:
            teller = self._teller(s, teller_id)
            teller.locked_until = until
            teller.failed_logins = 0
            append_audit(s, self.store.cipher, teller.username, "account.locked",
                         minutes=minutes)

    def password_accepted(self, teller_id: int, audit_action: str,
                          **detail: str | int) -> None:
        with self.store.write(durable=True) as s:
            teller = self._teller(s, teller_id)
            teller.failed_logins = 0
            teller.locked_until = None
            append_audit(s, self.store.cipher, teller.username, audit_action, **detail)

    def code_accepted(self, teller_id: int, step: int, audit_action: str,
                      **detail: str | int) -> bool:
        with self.store.write(durable=True) as s:
            # compare-and-set in one write transaction: the same code typed at two counters
            # at once is accepted by one of them only
            teller = self._teller(s, teller_id)
            if teller.totp_last_step is not None and step <= teller.totp_last_step:
                return False
            teller.totp_last_step = step
            teller.failed_logins = 0
            teller.locked_until = None
            append_audit(s, self.store.cipher, teller.username, audit_action, **detail)
            return True

    def set_totp(self, teller_id: int, secret: str, step: int, actor: str) -> None:
        with self.store.write(durable=True) as s:
            teller = self._teller(s, teller_id)
            again = teller.totp_secret is not None
            teller.totp_secret = secret
            teller.totp_last_step = step
            teller.totp_enrolled_at = utcnow()
            append_audit(s, self.store.cipher, actor,
                         "teller.totp_reenrolled" if again else "teller.totp_enrolled",
                         username=teller.username)

    # -- tellers and roles (workflows.teller_admin.TellerAdminRepository) ------------------------

    def list_accounts(self) -> list[TellerRecord]:
        with self.store.read() as s:
            return [_record(t) for t in s.scalars(select(Teller).order_by(Teller.id))]

    def create_account(self, username: str, display_name: str, role: str, password_hash: str,
                       *, actor: str) -> bool:
        with self.store.write(durable=True) as s:
            if teller_by_username(s, username) is not None:
                return False
            add_teller(s, username, display_name, role, password_hash, must_change_password=True)
            append_audit(s, self.store.cipher, actor, "teller.created", username=username,
                         role=role)
            return True

    def set_active(self, username: str, active: bool, *, actor: str, reason: str) -> bool:
        with self.store.write(durable=True) as s:
            teller = teller_by_username(s, username)
            if teller is None:
                return False
            teller.active = active
            if active:
                append_audit(s, self.store.cipher, actor, "teller.enabled", username=username)
            else:
                append_audit(s, self.store.cipher, actor, "teller.disabled", username=username,
                             reason=reason)
            return True

    def set_role(self, username: str, role: str, *, actor: str) -> bool:
        """A new role, audited with the old one (``teller.role_changed``); the signed-in
        sessions keep theirs until the next sign-in."""
        with self.store.write(durable=True) as s:
            teller = teller_by_username(s, username)
            if teller is None:
                return False
            before, teller.role = teller.role, role
            append_audit(s, self.store.cipher, actor, "teller.role_changed", username=username,
                         role_from=before, role_to=role)
            return True

    def reset_password(self, username: str, password_hash: str, *, actor: str) -> bool:
        with self.store.write(durable=True) as s:
            teller = teller_by_username(s, username)
            if teller is None:
                return False
            teller.password_hash = password_hash
            teller.must_change_password = True
            teller.password_changed_at = utcnow()
            teller.failed_logins = 0
            append_audit(s, self.store.cipher, actor, "teller.password_reset", username=username)
            return True

    def unlock(self, username: str, *, actor: str, supervisor: str) -> bool:
        with self.store.write(durable=True) as s:
            teller = teller_by_username(s, username)
            if teller is None:
                return False
            teller.locked_until = None
            teller.failed_logins = 0
            append_audit(s, self.store.cipher, actor, "account.unlocked", username=username,
                         supervisor=supervisor)
            return True

    def open_session(self, teller_id: int, counter_id: str) -> int:
        with self.store.write(durable=True) as s:
            teller = self._teller(s, teller_id)
            teller.failed_logins = 0
            teller.locked_until = None
            record = open_teller_session(s, teller_id, counter_id)
            append_audit(s, self.store.cipher, teller.username, "login.success",
                         session=record.id, counter=counter_id)
            return record.id

    def close_session(self, session_id: int, username: str, reason: str) -> None:
        with self.store.write() as s:
            close_teller_session(s, session_id, reason)
            append_audit(s, self.store.cipher, username, "logout",
                         session=session_id, reason=reason)

    def audit(self, actor: str, action: str, **detail: str | int) -> None:
        with self.store.write(durable=True) as s:
            append_audit(s, self.store.cipher, actor, action, **detail)

    def audit_unknown_user(self, typed: str, action: str, **detail: str | int) -> None:
        # a keyed hash: repeated attempts with one name can be told apart, the name cannot be read
        actor = "?" + self.store.cipher.blind_index(typed, "audit.unknown_user")[:24]
        self.audit(actor, action, **detail)

    @staticmethod
    def _teller(s: Session, teller_id: int) -> Teller:
        teller = s.get(Teller, teller_id)
        if teller is None:  # accounts are deactivated, never deleted
            raise LookupError(f"teller {teller_id} does not exist")
        return teller
