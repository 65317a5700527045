"""Tamper evidence of the audit log: edits, deletions, reordering and truncation are found."""

import random
import sqlite3

import pytest

from counter_app.store.audit import append_audit, chain_head, verify_audit_chain


def fill(store, n: int = 12) -> None:
    with store.write() as s:
        for i in range(n):
            append_audit(s, store.cipher, f"T{i % 3}", "login.success", session=i)


def verify(store, head=None):
    with store.read() as s:
        return verify_audit_chain(s, store.cipher, head)


def raw_db(store) -> sqlite3.Connection:
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")  # an attacker with file access
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    return conn


def test_intact_chain_verifies(store) -> None:
    fill(store)
    result = verify(store)
    assert result.ok and result.entries == 12


def test_the_database_refuses_edits_and_deletes(store) -> None:
    fill(store, 2)
    with sqlite3.connect(store.path) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET actor='x' WHERE seq=1")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log WHERE seq=1")


@pytest.mark.parametrize("trial", range(40))
def test_random_tampering_is_always_detected(store, trial: int) -> None:
    rng = random.Random(trial)
    fill(store)
    head = None
    with store.read() as s:
        head = chain_head(s)
    conn = raw_db(store)
    kind = rng.choice(["edit_actor", "edit_action", "edit_time", "delete", "swap", "truncate", "flip"])
    seq = rng.randint(1, 11)
    if kind == "edit_actor":
        conn.execute("UPDATE audit_log SET actor='X999' WHERE seq=?", (seq,))
    elif kind == "edit_action":
        conn.execute("UPDATE audit_log SET action='logout' WHERE seq=?", (seq,))
    elif kind == "edit_time":
        conn.execute("UPDATE audit_log SET at='2001-01-01T00:00:00Z' WHERE seq=?", (seq,))
    elif kind == "delete":
        conn.execute("DELETE FROM audit_log WHERE seq=?", (seq,))
    elif kind == "swap":
        a = conn.execute("SELECT at, actor, action, detail, prev_mac, mac FROM audit_log WHERE seq=?", (seq,)).fetchone()
        b = conn.execute("SELECT at, actor, action, detail, prev_mac, mac FROM audit_log WHERE seq=?", (seq + 1,)).fetchone()
        upd = "UPDATE audit_log SET at=?, actor=?, action=?, detail=?, prev_mac=?, mac=? WHERE seq=?"
        conn.execute(upd, (*b, seq))
        conn.execute(upd, (*a, seq + 1))
    elif kind == "truncate":
        conn.execute("DELETE FROM audit_log WHERE seq>=?", (seq,))
    else:
        blob = bytearray(conn.execute("SELECT detail FROM audit_log WHERE seq=?", (seq,)).fetchone()[0])
        blob[rng.randrange(len(blob))] ^= 1 << rng.randrange(8)
        conn.execute("UPDATE audit_log SET detail=? WHERE seq=?", (bytes(blob), seq))
    conn.close()
    result = verify(store, head)
    assert not result.ok, kind
    assert result.first_bad_seq is not None and result.first_bad_seq <= max(seq, 1) + 1
    assert "篡改" in result.message_zh


def test_truncation_needs_the_head_held_elsewhere(store) -> None:
    fill(store)
    with store.read() as s:
        head = chain_head(s)
    conn = raw_db(store)
    conn.execute("DELETE FROM audit_log WHERE seq>=10")
    conn.close()
    assert verify(store).ok  # the chain alone cannot see a cut tail …
    assert not verify(store, head).ok  # … the head kept by the central can
