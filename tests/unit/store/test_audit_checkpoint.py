"""The records beside the audit chain: the checkpoint start-up verifies from, the break kept
until acknowledged, the re-base an acknowledgement writes. None of them can be edited to hide
a change of the chain."""

from __future__ import annotations

import json
import sqlite3

from counter_app.store.audit import (
    ACK_ACTION,
    BREAK_STATE,
    CHECKPOINT_STATE,
    REBASE_STATE,
    ChainHead,
    acknowledge_break,
    append_audit,
    open_break,
    record_break,
    save_checkpoint,
    verify_audit_chain,
    verify_from_checkpoint,
)
from counter_app.store.audit_ledger import StoreAuditLedger
from counter_app.store.database import Store


def fill(store: Store, n: int) -> None:
    with store.write() as s:
        for i in range(n):
            append_audit(s, store.cipher, "T0301", "login.success", session=i)


def state(store: Store, key: str) -> dict:
    with sqlite3.connect(store.path) as conn:
        return json.loads(conn.execute("SELECT value FROM app_state WHERE key=?", (key,)).fetchone()[0])


def set_state(store: Store, key: str, value: dict | None) -> None:
    with sqlite3.connect(store.path) as conn:
        conn.execute("DELETE FROM app_state WHERE key=?", (key,))
        if value is not None:
            conn.execute("INSERT INTO app_state (key, value) VALUES (?, ?)", (key, json.dumps(value)))


def raw(store: Store, *sql: str) -> None:
    with sqlite3.connect(store.path) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in sql:
            conn.execute(statement)


def at_start(store: Store):
    with store.read() as s:
        return verify_from_checkpoint(s, store.cipher)


def full(store: Store):
    with store.read() as s:
        return verify_audit_chain(s, store.cipher)


def test_a_verification_moves_the_checkpoint_forward_never_back(store: Store) -> None:
    ledger = StoreAuditLedger(store)
    fill(store, 5)
    assert ledger.verify_at_start().ok and state(store, CHECKPOINT_STATE)["seq"] == 5
    fill(store, 3)
    result = ledger.verify_at_start()
    assert result.ok and result.entries == 8 and state(store, CHECKPOINT_STATE)["seq"] == 8
    with store.write() as s:
        save_checkpoint(s, store.cipher, ChainHead(2, "0" * 64))
    assert state(store, CHECKPOINT_STATE)["seq"] == 8


def test_start_up_walks_only_what_came_after_the_checkpoint(store: Store) -> None:
    ledger = StoreAuditLedger(store)
    fill(store, 10)
    assert ledger.verify_at_start().ok
    fill(store, 2)
    raw(store, "UPDATE audit_log SET actor='X' WHERE seq=4", "UPDATE audit_log SET actor='X' WHERE seq=12")
    result = at_start(store)  # 12 is after the checkpoint: found; 4 is before it: the full walk's
    assert not result.ok and result.first_bad_seq == 12
    raw(store, "UPDATE audit_log SET actor='T0301' WHERE seq=12")
    assert at_start(store).ok
    assert full(store).first_bad_seq == 4


def test_a_checkpoint_edited_to_skip_entries_is_refused(store: Store) -> None:
    ledger = StoreAuditLedger(store)
    fill(store, 6)
    assert ledger.verify_at_start().ok
    forged = state(store, CHECKPOINT_STATE)
    raw(store, "DELETE FROM audit_log WHERE seq > 3")
    forged.update(seq=3, mac=_mac(store, 3))  # point it at the new tail, keep the old tag
    set_state(store, CHECKPOINT_STATE, forged)
    for result in (at_start(store), full(store)):
        assert not result.ok and "检查点" in result.problem


def test_a_missing_checkpoint_means_a_full_walk_at_start(store: Store) -> None:
    fill(store, 6)
    raw(store, "UPDATE audit_log SET action='logout' WHERE seq=2")
    result = at_start(store)
    assert not result.ok and result.first_bad_seq == 2


def _mac(store: Store, seq: int) -> str:
    with sqlite3.connect(store.path) as conn:
        return conn.execute("SELECT mac FROM audit_log WHERE seq=?", (seq,)).fetchone()[0]


def test_the_first_break_is_kept_until_acknowledged(store: Store) -> None:
    with store.write() as s:
        record_break(s, {"source": "start", "problem": "a", "first_bad_seq": 3})
        record_break(s, {"source": "verify", "problem": "b", "first_bad_seq": 5})
    with store.read() as s:
        found = open_break(s)
    assert found is not None and found["problem"] == "a" and found["first_bad_seq"] == 3
    set_state(store, BREAK_STATE, None)
    with sqlite3.connect(store.path) as conn:
        conn.execute("INSERT INTO app_state (key, value) VALUES (?, 'not json')", (BREAK_STATE,))
    with store.read() as s:
        assert open_break(s) is not None  # a mangled record is still an alarm


def broken_and_acknowledged(store: Store) -> None:
    fill(store, 8)
    raw(store, "DELETE FROM audit_log WHERE seq = 4")
    result = full(store)
    assert not result.ok and result.first_bad_seq == 4
    with store.write() as s:
        record_break(s, {"source": "verify", "problem": result.problem, "first_bad_seq": 4})
        acknowledge_break(s, store.cipher, "S0301", "已核实，继续营业", ChainHead(8, "f" * 64))
    with sqlite3.connect(store.path) as conn:
        for sql in ("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"):
            conn.execute(sql)


def test_an_acknowledgement_is_audited_and_re_bases_the_chain(store: Store) -> None:
    broken_and_acknowledged(store)
    with store.read() as s:
        assert open_break(s) is None
    with sqlite3.connect(store.path) as conn:
        entry = conn.execute("SELECT seq, actor, action FROM audit_log ORDER BY seq DESC").fetchone()
    assert entry == (9, "S0301", ACK_ACTION)
    assert full(store).ok and at_start(store).ok
    fill(store, 3)
    result = full(store)
    assert result.ok and result.entries == 7 + 1 + 3 and result.head.seq == 12
    assert StoreAuditLedger(store).acknowledged_central_head() == (8, "f" * 64)


def test_after_an_acknowledgement_an_edit_before_it_is_still_found(store: Store) -> None:
    broken_and_acknowledged(store)
    raw(store, "UPDATE audit_log SET actor='X' WHERE seq=2")
    result = full(store)
    assert not result.ok and "主管确认之前" in result.problem


def test_removing_the_re_base_brings_the_old_break_back(store: Store) -> None:
    broken_and_acknowledged(store)
    set_state(store, REBASE_STATE, None)
    result = full(store)
    assert not result.ok and result.first_bad_seq == 4


def test_a_re_base_edited_to_cover_more_is_refused(store: Store) -> None:
    broken_and_acknowledged(store)
    fill(store, 2)
    raw(store, "UPDATE audit_log SET actor='X' WHERE seq=10")
    rebase = state(store, REBASE_STATE)
    rebase.update(seq=10, mac=_mac(store, 10))
    set_state(store, REBASE_STATE, rebase)
    for result in (full(store), at_start(store)):
        assert not result.ok and "主管确认记录" in result.problem


def test_after_an_acknowledgement_a_deletion_before_it_is_named_at_start(store: Store) -> None:
    broken_and_acknowledged(store)  # seq 4 gone and acknowledged; the re-base is at 9
    fill(store, 3)
    assert StoreAuditLedger(store).verify_at_start().ok  # the checkpoint moves past the re-base
    raw(store, "DELETE FROM audit_log WHERE seq = 2")
    walked, started = full(store), at_start(store)
    assert not walked.ok and "主管确认之前" in walked.problem
    # the start-up check says the same (it named the entry after the last one before)
    assert not started.ok and (started.problem, started.first_bad_seq) == (
        walked.problem, walked.first_bad_seq)
