"""Shared by the supervision tests: dead letters in a real outbox, a supervisor's approval
with a fresh one-time code of the demo authenticator, a tampered audit log."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from counter_app.store.outbox_repo import StoreOutboxRepository
from counter_app.workflows.login import DEMO_ACCOUNTS, DEMO_TOTP_SECRETS
from counter_app.workflows.supervisor import SupervisorApproval, code_at_step, step_at

TELLER, _N0, _R0, TELLER_PASSWORD = DEMO_ACCOUNTS[0]
SUPERVISOR, _N1, _R1, SUPER_PASSWORD = DEMO_ACCOUNTS[1]
ADMIN, _N2, _R2, ADMIN_PASSWORD = DEMO_ACCOUNTS[2]
PASSWORDS = {TELLER: TELLER_PASSWORD, SUPERVISOR: SUPER_PASSWORD, ADMIN: ADMIN_PASSWORD}


def code(user: str = SUPERVISOR, ahead: int = 0) -> str:
    """The demo authenticator's code ``ahead`` steps from now (a code is accepted one step
    either side and only once: a second grant in the same 30 s takes the next step's)."""
    return code_at_step(DEMO_TOTP_SECRETS[user], step_at(dt.datetime.now(dt.UTC)) + ahead)


def approval(user: str = SUPERVISOR, *, password: str | None = None,
             ahead: int = 0) -> SupervisorApproval:
    otp = code(user, ahead) if user in DEMO_TOTP_SECRETS else "000000"
    return SupervisorApproval(user, PASSWORDS[user] if password is None else password, otp)


def dead_letters(services: Any, *specs: tuple[str, str]) -> list[int]:
    """Queue one message per (operation, refusal code) and dead-letter it; their ids."""
    repo = StoreOutboxRepository(services.store)
    now = dt.datetime.now(dt.UTC)
    ids = []
    for i, (operation, refusal) in enumerate(specs):
        repo.enqueue(operation, f"person-{i}", {"card_no": "NB0000016", "n": i})
        item = repo.next_batch(now + dt.timedelta(minutes=1), 100)[-1]
        repo.mark_dead(item.id, refusal, now)
        ids.append(item.id)
    return ids


def tamper(path: Path, seq: int) -> None:
    """What an attacker with file access does: triggers off, an entry's actor changed, on."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'"
                           ).fetchone()[0]
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET actor = 'X9999' WHERE seq = ?", (seq,))
        conn.execute(sql)
    finally:
        conn.close()
