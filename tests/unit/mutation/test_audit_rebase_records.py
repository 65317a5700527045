"""A supervisor's acknowledgement of an audit break on a real SQLite store: the audit entry it
writes, the re-base and checkpoint records, the re-bases kept for the central until it confirms
them, start-up after a re-base, and doctor's read-only look at the database file.

Written against the survivors of ./scripts/mutation.sh on store/audit.py (see
test_audit_chain.py for the walk itself).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counter_app.store.audit import (
    ACK_ACTION,
    BREAK_STATE,
    CHECKPOINT_STATE,
    PENDING_REBASE_STATE,
    REBASE_STATE,
    AuditVerification,
    ChainHead,
    acknowledge_break,
    acknowledged_central_head,
    inspect_audit,
    inspect_pending_rebases,
    open_break,
    pending_rebases,
    rebase_delivered,
    record_break,
    save_checkpoint,
    verify_audit_chain,
    verify_from_checkpoint,
)
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.models import AuditEntry
from tests.unit.mutation.test_audit_chain import (
    GAP,
    fill,
    full,
    head,
    mac,
    put_state,
    raw_state,
    tag,
    tamper,
)

REASON = "已核实，继续营业"
CENTRAL = ChainHead(8, "f" * 64)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(secrets.token_bytes(32)), exclusive=True)
    yield s
    s.close()


def at_start(store: Store) -> AuditVerification:
    with store.read() as s:
        return verify_from_checkpoint(s, store.cipher)


def acknowledge(store: Store, central: ChainHead | None = CENTRAL, supervisor: str = "S0301",
                reason: str = REASON) -> ChainHead:
    with store.write() as s:
        return acknowledge_break(s, store.cipher, supervisor, reason, central)


def broken(store: Store, **extra: Any) -> dict[str, Any]:
    """Eight entries, the 4th deleted, the break recorded (with ``extra`` fields)."""
    fill(store, 8)
    tamper(store, "DELETE FROM audit_log WHERE seq = 4")
    with store.write() as s:
        return record_break(s, {"source": "verify", "problem": GAP, "first_bad_seq": 4, **extra})


def entry(store: Store, seq: int) -> AuditEntry:
    with store.read() as s:
        found = s.get(AuditEntry, seq)
        assert found is not None
        s.expunge(found)
        return found


def rows_digest(store: Store, up_to: int) -> tuple[str, int]:
    """SHA-256 of the stored rows up to ``up_to``, one JSON line each (the re-base's format)."""
    digest, n = hashlib.sha256(), 0
    with sqlite3.connect(store.path) as conn:
        for seq, at, actor, action, blob, prev_mac, row_mac in conn.execute(
                "SELECT seq, at, actor, action, detail, prev_mac, mac FROM audit_log "
                "WHERE seq <= ? ORDER BY seq", (up_to,)):
            line = json.dumps([seq, at, actor, action, bytes(blob).hex(), prev_mac, row_mac])
            digest.update(line.encode() + b"\n")
            n += 1
    return digest.hexdigest(), n


def sealed(cipher: DataCipher, kind: str, body: dict[str, Any], **dumps: Any) -> str:
    return json.dumps({**body, "tag": tag(cipher, kind, body)}, sort_keys=True, **dumps)


# -- the acknowledgement ------------------------------------------------------------------------

def test_the_acknowledgement_entry_records_the_break_the_central_head_and_the_reason(
        store: Store) -> None:
    found = broken(store, reason="from the break", rows=[1, 2], flag=True, nothing=None)
    assert acknowledge(store) == head(store, 9)
    ack = entry(store, 9)
    assert (ack.actor, ack.action) == ("S0301", ACK_ACTION)
    assert ack.detail == {
        "reason": REASON, "source": "verify", "problem": GAP, "first_bad_seq": 4, "flag": True,
        "detected_at": found["detected_at"], "central_seq": 8, "central_mac": "f" * 64}


def test_the_acknowledgement_writes_the_re_base_and_the_checkpoint_and_closes_the_break(
        store: Store) -> None:
    broken(store)
    acknowledge(store)
    digest, rows = rows_digest(store, 9)
    assert rows == 8
    rebase = {"seq": 9, "mac": mac(store, 9), "digest": digest, "rows": 8,
              "central_seq": 8, "central_mac": "f" * 64}
    assert raw_state(store, REBASE_STATE) == sealed(store.cipher, "rebase", rebase)
    assert raw_state(store, CHECKPOINT_STATE) == sealed(
        store.cipher, "checkpoint", {"seq": 9, "mac": mac(store, 9)})
    assert raw_state(store, BREAK_STATE) is None
    with store.read() as s:
        assert open_break(s) is None
        assert acknowledged_central_head(s, store.cipher) == CENTRAL
    assert full(store) == AuditVerification(True, 8, None, "", head(store, 9))
    assert at_start(store) == AuditVerification(True, 8, None, "", head(store, 9))


def test_an_acknowledgement_without_a_central_head_records_none_of_it(store: Store) -> None:
    broken(store, central_seq=12)
    acknowledge(store, central=None)
    assert "central_seq" in entry(store, 9).detail  # the break's own field, kept as found
    assert entry(store, 9).detail["central_seq"] == 12
    assert "central_mac" not in entry(store, 9).detail
    rebase = json.loads(raw_state(store, REBASE_STATE) or "")
    assert (rebase["central_seq"], rebase["central_mac"]) == (None, None)
    with store.read() as s:
        assert acknowledged_central_head(s, store.cipher) is None
        [item] = pending_rebases(s, store.cipher) or []
    assert (item["broken_seq"], item["broken_mac"]) == (12, None)


def test_without_any_re_base_there_is_no_acknowledged_central_head(store: Store) -> None:
    with store.read() as s:
        assert acknowledged_central_head(s, store.cipher) is None


def test_an_acknowledgement_with_no_break_open_records_only_the_reason(store: Store) -> None:
    fill(store, 2)
    assert acknowledge(store, central=None) == head(store, 3)
    assert entry(store, 3).detail == {"reason": REASON}
    with store.read() as s:
        assert pending_rebases(s, store.cipher) == [{
            "seq": 3, "mac": mac(store, 3), "supervisor": "S0301", "reason": REASON,
            "acknowledged_at": entry(store, 3).at, "broken_seq": None, "broken_mac": None,
            "first_bad_seq": None, "problem": ""}]


def test_the_re_base_waits_for_the_central_with_what_was_broken(store: Store) -> None:
    broken(store)
    acknowledge(store)
    expected = [{"seq": 9, "mac": mac(store, 9), "supervisor": "S0301", "reason": REASON,
                 "acknowledged_at": entry(store, 9).at, "broken_seq": 8, "broken_mac": "f" * 64,
                 "first_bad_seq": 4, "problem": GAP}]
    with store.read() as s:
        assert pending_rebases(s, store.cipher) == expected
    assert raw_state(store, PENDING_REBASE_STATE) == sealed(
        store.cipher, "rebase-pending", {"items": expected}, ensure_ascii=False)
    assert inspect_pending_rebases(store.path, store.cipher) == expected


@pytest.mark.parametrize(("value", "kept"), [(4, 4), ("4", None), (True, None), (None, None)])
def test_only_a_whole_number_is_kept_as_the_broken_entry(store: Store, value: Any,
                                                         kept: int | None) -> None:
    broken(store, first_bad_seq=value, central_seq=value)
    acknowledge(store, central=None)
    with store.read() as s:
        [item] = pending_rebases(s, store.cipher) or []
    assert (item["first_bad_seq"], item["broken_seq"]) == (kept, kept)


def test_re_bases_queue_oldest_first_and_leave_one_by_one(store: Store) -> None:
    broken(store)
    first = acknowledge(store)
    second = acknowledge(store, central=ChainHead(20, "e" * 64), supervisor="S0302",
                         reason="第二次")
    with store.read() as s:
        queued = pending_rebases(s, store.cipher) or []
    assert [(i["seq"], i["supervisor"], i["broken_seq"]) for i in queued] == [
        (first.seq, "S0301", 8), (second.seq, "S0302", 20)]
    with store.write() as s:
        rebase_delivered(s, store.cipher, 99)  # not queued: nothing changes
    with store.read() as s:
        assert pending_rebases(s, store.cipher) == queued
    with store.write() as s:
        rebase_delivered(s, store.cipher, first.seq)
    with store.read() as s:
        assert pending_rebases(s, store.cipher) == queued[1:]
    assert inspect_pending_rebases(store.path, store.cipher) == queued[1:]
    with store.write() as s:
        rebase_delivered(s, store.cipher, second.seq)
    assert raw_state(store, PENDING_REBASE_STATE) is None
    with store.read() as s:
        assert pending_rebases(s, store.cipher) == []
    assert inspect_pending_rebases(store.path, store.cipher) == []


def test_a_changed_pending_record_is_reported_and_left_as_it_is(store: Store) -> None:
    broken(store)
    acknowledge(store)
    record = json.loads(raw_state(store, PENDING_REBASE_STATE) or "")
    record["items"] = []
    text = json.dumps(record)
    put_state(store, PENDING_REBASE_STATE, text)
    with store.read() as s:
        assert pending_rebases(s, store.cipher) is None
    assert inspect_pending_rebases(store.path, store.cipher) is None
    with store.write() as s:
        rebase_delivered(s, store.cipher, 9)
    assert raw_state(store, PENDING_REBASE_STATE) == text


@pytest.mark.parametrize("items", [{"seq": 9}, None, "9"])
def test_a_sealed_pending_record_without_a_list_is_reported(store: Store, items: Any) -> None:
    put_state(store, PENDING_REBASE_STATE,
              sealed(store.cipher, "rebase-pending", {"items": items}))
    with store.read() as s:
        assert pending_rebases(s, store.cipher) is None
    assert inspect_pending_rebases(store.path, store.cipher) is None


@pytest.mark.parametrize("text", ["not json", "[]"])
def test_an_unreadable_pending_record_is_reported(store: Store, text: str) -> None:
    put_state(store, PENDING_REBASE_STATE, text)
    with store.read() as s:
        assert pending_rebases(s, store.cipher) is None
    assert inspect_pending_rebases(store.path, store.cipher) is None


# -- start-up after a re-base -------------------------------------------------------------------

@pytest.mark.parametrize(("deleted", "first_bad"), [(10, 10), (11, 11)])
def test_start_up_after_a_re_base_names_an_entry_deleted_after_it(
        store: Store, deleted: int, first_bad: int) -> None:
    broken(store)
    acknowledge(store)
    fill(store, 4)  # 10 to 13
    with store.write() as s:
        save_checkpoint(s, store.cipher, head(store, 12))
    assert at_start(store) == AuditVerification(True, 12, None, "", head(store, 13))
    tamper(store, f"DELETE FROM audit_log WHERE seq = {deleted}")
    assert at_start(store) == AuditVerification(False, 0, first_bad, GAP)


@pytest.mark.parametrize(("sql", "rows"), [
    ("UPDATE audit_log SET actor='T9999' WHERE seq = 2", 8),  # edited: same number of rows
    ("DELETE FROM audit_log WHERE seq = 2", 7),
])
def test_the_full_walk_finds_an_entry_before_the_re_base_changed(store: Store, sql: str,
                                                                 rows: int) -> None:
    broken(store)
    acknowledge(store)
    tamper(store, sql)
    assert full(store) == AuditVerification(False, rows, None, "主管确认之前的条目被删除或改动")


# -- doctor's read-only look ----------------------------------------------------------------------

def test_doctor_sees_a_sound_log_and_no_break(store: Store) -> None:
    fill(store, 4)
    assert inspect_audit(store.path, store.cipher) == (
        AuditVerification(True, 4, None, "", head(store, 4)), None)
    assert inspect_pending_rebases(store.path, store.cipher) == []


def test_doctor_sees_the_break_and_the_open_alarm(store: Store) -> None:
    found = broken(store)
    assert inspect_audit(store.path, store.cipher) == (
        AuditVerification(False, 3, 4, GAP), found)


def test_doctor_walks_from_the_re_base(store: Store) -> None:
    broken(store)
    acknowledge(store)
    assert inspect_audit(store.path, store.cipher) == (
        AuditVerification(True, 8, None, "", head(store, 9)), None)
    with store.read() as s:
        assert inspect_audit(store.path, store.cipher)[0] == verify_audit_chain(s, store.cipher)


@pytest.mark.parametrize("text", ["not json", "[1]"])
def test_doctor_reports_a_mangled_break_record_as_an_alarm(store: Store, text: str) -> None:
    fill(store, 2)
    put_state(store, BREAK_STATE, text)
    assert inspect_audit(store.path, store.cipher) == (
        AuditVerification(True, 2, None, "", head(store, 2)), {"problem": "告警记录损坏"})



def test_doctor_on_a_wrong_path_fails_without_creating_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    cipher = DataCipher(secrets.token_bytes(32))
    with pytest.raises(sqlite3.OperationalError):
        inspect_audit(missing, cipher)
    with pytest.raises(sqlite3.OperationalError):
        inspect_pending_rebases(missing, cipher)
    assert list(tmp_path.iterdir()) == []
