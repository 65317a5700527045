"""The audit chain on a real SQLite store: the exact verdict of each kind of break (count,
first bad entry, problem text), the held heads that reveal a cut tail, start-up verification
from the checkpoint, and the persistent form of the checkpoint and break records.

Written against the survivors of ./scripts/mutation.sh on store/audit.py; the acknowledgement,
the re-bases waiting for the central and doctor's read-only look are in
test_audit_rebase_records.py.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counter_app.store.audit import (
    BREAK_STATE,
    CHECKPOINT_STATE,
    REBASE_STATE,
    AuditVerification,
    ChainHead,
    append_audit,
    chain_head,
    full_walk,
    mac_at,
    open_break,
    record_break,
    save_checkpoint,
    verify_audit_chain,
    verify_from_checkpoint,
)
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store

CUT = "末尾条目缺失（日志被截断）"
GAP = "序号不连续（有条目被删除）"
LINK = "与上一条的链接不符（条目被删除或调换）"
UNREADABLE = "条目内容无法解密"
EDITED = "条目内容与校验码不符（被修改）"
CHECKPOINT_FORGED = "校验检查点的校验码不符（被改动）"
REBASE_FORGED = "主管确认记录的校验码不符（被改动）"
CHECKPOINT_ENTRY = "检查点所在条目被改动（日志被截断后重写或条目被修改）"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(secrets.token_bytes(32)), exclusive=True)
    yield s
    s.close()


def fill(store: Store, n: int) -> None:
    with store.write() as s:
        for i in range(n):
            append_audit(s, store.cipher, "T0301", "login.success", session=i)


def mac(store: Store, seq: int) -> str:
    with sqlite3.connect(store.path) as conn:
        return str(conn.execute("SELECT mac FROM audit_log WHERE seq=?", (seq,)).fetchone()[0])


def head(store: Store, seq: int) -> ChainHead:
    return ChainHead(seq, mac(store, seq))


def tamper(store: Store, *sql: str) -> None:
    """Change the log behind the application's back (the append-only triggers dropped)."""
    with sqlite3.connect(store.path) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in sql:
            conn.execute(statement)


def raw_state(store: Store, key: str) -> str | None:
    with sqlite3.connect(store.path) as conn:
        row = conn.execute("SELECT value FROM app_state WHERE key=?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put_state(store: Store, key: str, text: str) -> None:
    with sqlite3.connect(store.path) as conn:
        conn.execute("DELETE FROM app_state WHERE key=?", (key,))
        conn.execute("INSERT INTO app_state (key, value) VALUES (?, ?)", (key, text))


def tag(cipher: DataCipher, kind: str, body: dict[str, Any]) -> str:
    """The records' MAC as stored (a format kept across versions: a store written by this one
    must verify under the next)."""
    text = f"audit-{kind}\n" + json.dumps(body, sort_keys=True, separators=(",", ":"))
    return cipher.audit_mac(text.encode())


def full(store: Store, expected: ChainHead | None = None) -> AuditVerification:
    with store.read() as s:
        return verify_audit_chain(s, store.cipher, expected)


def at_start(store: Store) -> AuditVerification:
    with store.read() as s:
        return verify_from_checkpoint(s, store.cipher)


def checkpoint(store: Store, seq: int) -> None:
    with store.write() as s:
        save_checkpoint(s, store.cipher, head(store, seq))


# -- the walk -------------------------------------------------------------------------------

def test_a_sound_chain_reports_its_count_and_head(store: Store) -> None:
    fill(store, 5)
    result = full(store)
    assert result == AuditVerification(True, 5, None, "", head(store, 5))
    assert result.message_zh == "审计日志完整，共 5 条。"
    assert at_start(store) == result  # no checkpoint yet: the full walk


def test_an_empty_log_is_sound_and_has_no_head(store: Store) -> None:
    assert full(store) == AuditVerification(True, 0, None, "", None)
    with store.read() as s:
        assert chain_head(s) is None
        assert mac_at(s, 1) is None


def test_chain_head_and_mac_at_give_the_stored_entry(store: Store) -> None:
    fill(store, 3)
    with store.read() as s:
        assert chain_head(s) == head(store, 3)
        assert mac_at(s, 2) == mac(store, 2)
        assert mac_at(s, 4) is None
    assert mac(store, 2) != mac(store, 3)


@pytest.mark.parametrize(("sql", "first_bad", "problem"), [
    ("DELETE FROM audit_log WHERE seq=4", 4, GAP),
    ("UPDATE audit_log SET prev_mac='" + "a" * 64 + "' WHERE seq=4", 4, LINK),
    ("UPDATE audit_log SET detail=X'00112233' WHERE seq=4", 4, UNREADABLE),
    ("UPDATE audit_log SET actor='T9999' WHERE seq=4", 4, EDITED),
    ("UPDATE audit_log SET mac='" + "b" * 64 + "' WHERE seq=6", 6, EDITED),
])
def test_each_kind_of_break_is_named_with_the_entries_sound_before_it(
        store: Store, sql: str, first_bad: int, problem: str) -> None:
    fill(store, 6)
    tamper(store, sql)
    sound_before = first_bad - 1
    assert full(store) == AuditVerification(False, sound_before, first_bad, problem)
    assert at_start(store) == AuditVerification(False, sound_before, first_bad, problem)


def test_the_break_message_names_the_first_bad_entry_when_known(store: Store) -> None:
    fill(store, 6)
    tamper(store, "DELETE FROM audit_log WHERE seq=4")
    assert full(store).message_zh == (
        "审计日志被篡改或损坏（自第 4 条起）：序号不连续（有条目被删除）。请立即报告主管。")
    assert AuditVerification(False, 0, None, CHECKPOINT_FORGED).message_zh == (
        "审计日志被篡改或损坏：校验检查点的校验码不符（被改动）。请立即报告主管。")


# -- the held heads: a cut tail ------------------------------------------------------------

def test_a_central_head_past_the_end_finds_the_cut_at_the_first_missing_entry(store: Store) -> None:
    fill(store, 5)
    assert full(store, ChainHead(8, "a" * 64)) == AuditVerification(False, 5, 6, CUT)


def test_a_central_head_inside_the_log_with_another_mac_finds_a_rewrite_there(store: Store) -> None:
    fill(store, 5)
    assert full(store, ChainHead(3, "a" * 64)) == AuditVerification(False, 5, 3, CUT)
    assert full(store, head(store, 3)) == AuditVerification(True, 5, None, "", head(store, 5))


def test_a_central_head_over_an_empty_log_finds_the_cut_at_entry_one(store: Store) -> None:
    assert full(store, ChainHead(3, "a" * 64)) == AuditVerification(False, 0, 1, CUT)


def test_the_full_walk_holds_the_chain_against_the_checkpoint(store: Store) -> None:
    fill(store, 6)
    checkpoint(store, 6)
    tamper(store, "DELETE FROM audit_log WHERE seq > 4")
    assert full(store) == AuditVerification(False, 4, 5, CUT)


def test_the_full_walk_refuses_a_forged_checkpoint_after_a_sound_walk(store: Store) -> None:
    fill(store, 4)
    checkpoint(store, 4)
    record = json.loads(raw_state(store, CHECKPOINT_STATE) or "")
    record["seq"] = 2
    put_state(store, CHECKPOINT_STATE, json.dumps(record))
    assert full(store) == AuditVerification(False, 4, None, CHECKPOINT_FORGED)


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '{"seq": 1}'])
def test_a_re_base_record_that_is_not_a_sound_record_is_a_break(store: Store, text: str) -> None:
    fill(store, 3)
    put_state(store, REBASE_STATE, text)
    assert full(store) == AuditVerification(False, 0, None, REBASE_FORGED)


def test_the_walk_reads_through_any_fetch_and_state(store: Store) -> None:
    fill(store, 3)
    with sqlite3.connect(store.path) as conn:
        result = full_walk(lambda sql, params: conn.execute(sql, params), lambda key: None,
                           store.cipher)
    assert result == AuditVerification(True, 3, None, "", head(store, 3))


# -- start-up: from the checkpoint ----------------------------------------------------------

def test_start_up_right_at_the_checkpoint_reports_it_as_the_head(store: Store) -> None:
    fill(store, 6)
    checkpoint(store, 6)
    assert at_start(store) == AuditVerification(True, 6, None, "", head(store, 6))


def test_start_up_counts_every_entry_and_ends_at_the_last(store: Store) -> None:
    fill(store, 6)
    checkpoint(store, 4)
    assert at_start(store) == AuditVerification(True, 6, None, "", head(store, 6))


def test_start_up_refuses_a_forged_checkpoint(store: Store) -> None:
    fill(store, 4)
    checkpoint(store, 4)
    record = json.loads(raw_state(store, CHECKPOINT_STATE) or "")
    record["seq"] = 2
    put_state(store, CHECKPOINT_STATE, json.dumps(record))
    assert at_start(store) == AuditVerification(False, 0, None, CHECKPOINT_FORGED)


def test_start_up_refuses_a_forged_re_base(store: Store) -> None:
    fill(store, 4)
    checkpoint(store, 4)
    put_state(store, REBASE_STATE, json.dumps({"seq": 2, "mac": "a" * 64, "rows": 2,
                                               "digest": "0" * 64, "tag": "0" * 64}))
    assert at_start(store) == AuditVerification(False, 0, None, REBASE_FORGED)


@pytest.mark.parametrize(("sql", "first_bad"), [
    ("DELETE FROM audit_log WHERE seq > 3", 4),  # cut below the checkpoint: from 4
    ("DELETE FROM audit_log", 1),  # emptied: from the first
    ("DELETE FROM audit_log WHERE seq = 6", 6),  # only the checkpoint entry gone
])
def test_start_up_finds_the_checkpoint_entry_missing(store: Store, sql: str, first_bad: int) -> None:
    fill(store, 8)
    checkpoint(store, 6)
    tamper(store, sql)
    assert at_start(store) == AuditVerification(False, 0, first_bad, CUT)


@pytest.mark.parametrize("sql", [
    "UPDATE audit_log SET mac='" + "c" * 64 + "' WHERE seq=6",  # its MAC column replaced
    "UPDATE audit_log SET actor='T9999' WHERE seq=6",  # its content, MAC column kept
    "UPDATE audit_log SET detail=X'00112233' WHERE seq=6",  # unreadable, MAC column kept
])
def test_start_up_finds_the_checkpoint_entry_changed(store: Store, sql: str) -> None:
    fill(store, 8)
    checkpoint(store, 6)
    tamper(store, sql)
    assert at_start(store) == AuditVerification(False, 0, 6, CHECKPOINT_ENTRY)


def test_start_up_finds_a_log_cut_and_regrown_to_the_same_length(store: Store) -> None:
    fill(store, 6)
    checkpoint(store, 6)
    tamper(store, "DELETE FROM audit_log WHERE seq > 4")
    fill(store, 2)
    assert at_start(store) == AuditVerification(False, 0, 6, CHECKPOINT_ENTRY)


@pytest.mark.parametrize("deleted", [1, 2, 3, 5])
def test_start_up_names_the_entry_deleted_before_the_checkpoint(store: Store, deleted: int) -> None:
    fill(store, 8)
    checkpoint(store, 6)
    tamper(store, f"DELETE FROM audit_log WHERE seq = {deleted}")
    assert at_start(store) == AuditVerification(False, 0, deleted, GAP)


# -- the checkpoint and break records -------------------------------------------------------

def test_the_checkpoint_is_stored_sorted_with_its_tag(store: Store) -> None:
    fill(store, 3)
    checkpoint(store, 3)
    body = {"mac": mac(store, 3), "seq": 3}
    stored = {**body, "tag": tag(store.cipher, "checkpoint", body)}
    assert raw_state(store, CHECKPOINT_STATE) == json.dumps(stored, sort_keys=True)


def test_the_checkpoint_does_not_move_sideways_to_another_mac_at_its_seq(store: Store) -> None:
    fill(store, 3)
    checkpoint(store, 3)
    before = raw_state(store, CHECKPOINT_STATE)
    with store.write() as s:
        save_checkpoint(s, store.cipher, ChainHead(3, "d" * 64))
    assert raw_state(store, CHECKPOINT_STATE) == before


def test_a_break_is_stored_readable_sorted_and_stamped_in_utc(store: Store) -> None:
    info = {"source": "verify", "problem": GAP, "first_bad_seq": 4}
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with store.write() as s:
        kept = record_break(s, info)
    after = dt.datetime.now(dt.UTC)
    detected = dt.datetime.fromisoformat(kept["detected_at"])
    assert detected.utcoffset() == dt.timedelta(0) and before <= detected <= after
    assert kept == {**info, "detected_at": kept["detected_at"]}
    assert raw_state(store, BREAK_STATE) == json.dumps(kept, ensure_ascii=False, sort_keys=True)
    with store.read() as s:
        assert open_break(s) == kept


def test_the_first_break_is_returned_to_a_later_finding(store: Store) -> None:
    with store.write() as s:
        first = record_break(s, {"source": "start", "problem": "a"})
        assert record_break(s, {"source": "verify", "problem": "b"}) == first


@pytest.mark.parametrize("text", ["not json", "[1]", '"text"', ""])
def test_a_mangled_break_record_is_still_an_open_break(store: Store, text: str) -> None:
    put_state(store, BREAK_STATE, text)
    with store.read() as s:
        assert open_break(s) == {"source": "unknown", "problem": "告警记录损坏"}
