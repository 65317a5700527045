"""Tamper evidence end to end, against a real SQLite store file and the reference central.

A counter writes 16 audit entries, reports its head to the central (which then holds seq 16)
and closes; its checkpoint is at 16. Then someone with file access drops the append-only
triggers, tampers, and puts the triggers back. Each case is held against the three checks
the counter runs: the start-up verification (incremental from the checkpoint), `doctor` (the
full walk) and the head round (full walk + the central's head + the report). Every case is
caught by at least one, and each check catches exactly what it is meant to (the start-up
check does not walk the entries before the checkpoint: that is the documented trade-off).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from counter_app.bootstrap import Services, build_services
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.doctor import FAIL, OK, check_audit, run_doctor
from counter_app.profile import BranchProfile
from counter_app.store.audit import CHECKPOINT_STATE, append_audit, chain_head
from counter_app.store.audit_ledger import StoreAuditLedger
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.workflows.audit_watch import AuditAlarm, AuditWatch, Round
from tests.fixtures.app import make_profile

ENTRIES = 16
TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
)
ROW = "at, actor, action, detail, prev_mac, mac"


def counter_profile(tmp_path: Path, url: str) -> BranchProfile:
    profile = make_profile(tmp_path)
    # its own counter at the shared session central, so the heads of two tests never meet
    return replace(profile, counter_id=uuid.uuid4().hex[:8],
                   central=replace(profile.central, base_url=url),
                   security=replace(profile.security, key_store="file"))


def grow(services: Services, to: int) -> None:
    with services.store.write() as s:
        head = chain_head(s)
        for i in range(head.seq if head else 0, to):
            append_audit(s, services.store.cipher, "T0301", "login.success", session=i)


@dataclass
class Counter:
    profile: BranchProfile
    cipher: DataCipher
    client: HttpCentralClient

    @property
    def path(self) -> Path:
        return self.profile.database

    def watch(self, store_path: Path) -> tuple[AuditWatch, Store]:
        store = open_store(store_path, self.cipher)
        watch = AuditWatch(StoreAuditLedger(store), lambda: self.client,
                           branch_code=self.profile.branch_code, counter_id=self.profile.counter_id)
        return watch, store

    def copy(self, name: str) -> Path:
        """Each check looks at its own copy: a break one records must not feed the next."""
        target = self.path.with_name(f"{name}.db")
        with sqlite3.connect(self.path) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return target

    def start_check(self) -> AuditAlarm | None:
        watch, store = self.watch(self.copy("start"))
        try:
            return watch.check_at_start()
        finally:
            store.close()

    def head_round(self) -> tuple[Round, AuditAlarm | None]:
        watch, store = self.watch(self.copy("round"))
        try:
            return watch.run_round(), watch.alarm
        finally:
            store.close()

    def doctor(self) -> tuple[str, str]:
        check = check_audit(replace(self.profile, database=self.copy("doctor")))
        return check.status, check.detail_zh

    def central_head(self) -> tuple[int, str]:
        head = self.client.audit_head(self.profile.branch_code, self.profile.counter_id)
        return head.seq, head.head_sha256


@pytest.fixture
def counter(tmp_path: Path, central) -> Counter:
    profile = counter_profile(tmp_path, central.url)
    services = build_services(profile)
    try:
        grow(services, ENTRIES)
        assert services.audit_watch.run_round() == Round("reported", ENTRIES)
        cipher = services.store.cipher
    finally:
        services.close()
    client = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                               client_id=f"{profile.branch_code}/{profile.counter_id}")
    made = Counter(profile, cipher, client)
    assert made.central_head()[0] == ENTRIES
    yield made
    client.close()


def tamper(path: Path, *statements: str, params: tuple = ()) -> None:
    """What an attacker with file access does: triggers off, change, triggers back on."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        for sql in statements:
            conn.execute(sql, params if "?" in sql else ())
        for sql in TRIGGERS:
            conn.execute(sql)
    finally:
        conn.close()


def swap(path: Path, a: int, b: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        row_a = conn.execute(f"SELECT {ROW} FROM audit_log WHERE seq=?", (a,)).fetchone()
        row_b = conn.execute(f"SELECT {ROW} FROM audit_log WHERE seq=?", (b,)).fetchone()
        update = "UPDATE audit_log SET at=?, actor=?, action=?, detail=?, prev_mac=?, mac=? WHERE seq=?"
        conn.execute(update, (*row_b, a))
        conn.execute(update, (*row_a, b))
        conn.execute(TRIGGERS[0])
    finally:
        conn.close()


def assert_triggers_back(path: Path) -> None:
    with sqlite3.connect(path) as conn, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq=1")


def test_an_untouched_chain_passes_every_check(counter: Counter) -> None:
    assert counter.start_check() is None
    status, detail = counter.doctor()
    assert status == OK and f"共 {ENTRIES} 条" in detail
    assert counter.head_round() == (Round("up_to_date", ENTRIES), None)


def test_a_deleted_middle_entry_is_caught_by_every_check(counter: Counter) -> None:
    tamper(counter.path, "DELETE FROM audit_log WHERE seq = 8")
    assert_triggers_back(counter.path)
    alarm = counter.start_check()  # the row count up to the checkpoint is short by one
    assert alarm is not None and alarm.source == "start" and alarm.first_bad_seq == 8
    status, detail = counter.doctor()
    assert status == FAIL and "审计链断裂" in detail and "第 8 条" in detail
    round_, alarm = counter.head_round()
    assert round_.outcome == "broken" and alarm is not None and alarm.first_bad_seq == 8
    assert counter.central_head()[0] == ENTRIES  # nothing was reported over the evidence


def test_the_last_3_of_16_deleted_are_caught_by_every_check(counter: Counter) -> None:
    tamper(counter.path, "DELETE FROM audit_log WHERE seq > 13")
    alarm = counter.start_check()
    assert alarm is not None and "截断" in alarm.problem and alarm.first_bad_seq == 14
    status, detail = counter.doctor()
    assert status == FAIL and "截断" in detail
    round_, alarm = counter.head_round()
    assert round_.outcome == "broken" and alarm is not None and alarm.first_bad_seq == 14


def test_a_cut_tail_with_the_checkpoint_removed_too_is_caught_by_the_central_head(
        counter: Counter) -> None:
    tamper(counter.path, "DELETE FROM audit_log WHERE seq > 13")
    with sqlite3.connect(counter.path) as conn:
        conn.execute("DELETE FROM app_state WHERE key = ?", (CHECKPOINT_STATE,))
    assert counter.start_check() is None  # the chain alone cannot see a cut tail …
    assert counter.doctor()[0] == OK
    round_, alarm = counter.head_round()  # … the head the central holds can
    assert round_.outcome == "broken"
    assert alarm is not None and alarm.source == "central_head" and alarm.central_seq == ENTRIES
    assert "短于中心记录的链头" in alarm.problem


@pytest.mark.parametrize("column, value", [("actor", "X999"), ("detail", None)])
def test_an_edited_entry_is_caught_by_doctor_and_the_head_round(counter: Counter, column: str,
                                                                 value: object) -> None:
    if column == "detail":  # a valid ciphertext, but another entry's: moved, not forged
        with sqlite3.connect(counter.path) as conn:
            value = conn.execute("SELECT detail FROM audit_log WHERE seq = 4").fetchone()[0]
    tamper(counter.path, f"UPDATE audit_log SET {column} = ? WHERE seq = 5", params=(value,))
    # documented trade-off: start-up does not walk the entries before its checkpoint
    assert counter.start_check() is None
    status, detail = counter.doctor()
    assert status == FAIL and "第 5 条" in detail and "被修改" in detail
    round_, alarm = counter.head_round()
    assert round_.outcome == "broken" and alarm is not None and alarm.first_bad_seq == 5


def test_two_swapped_entries_are_caught_by_doctor_and_the_head_round(counter: Counter) -> None:
    swap(counter.path, 6, 7)
    assert counter.start_check() is None  # the trade-off again: before the checkpoint
    status, detail = counter.doctor()
    assert status == FAIL and "第 6 条" in detail
    round_, alarm = counter.head_round()
    assert round_.outcome == "broken" and alarm is not None and alarm.first_bad_seq == 6


def test_swapping_the_checkpoint_entry_is_caught_at_start(counter: Counter) -> None:
    swap(counter.path, 15, 16)
    alarm = counter.start_check()
    assert alarm is not None and alarm.first_bad_seq == ENTRIES


def test_a_tail_cut_and_regrown_to_the_same_seq_is_caught(counter: Counter) -> None:
    tamper(counter.path, "DELETE FROM audit_log WHERE seq > 13")
    alarm = counter.start_check()  # with the checkpoint in place: at start
    assert alarm is not None and "截断" in alarm.problem
    # the careful attacker also removes the checkpoint; the counter then grows the chain
    # back to 16 with other entries (all MACs genuine: the counter wrote them)
    with sqlite3.connect(counter.path) as conn:
        conn.execute("DELETE FROM app_state WHERE key = ?", (CHECKPOINT_STATE,))
    services = build_services(counter.profile)
    try:
        assert services.audit_watch.alarm is None  # nothing local can tell
        grow(services, ENTRIES)
    finally:
        services.close()
    assert counter.doctor()[0] == OK
    round_, alarm = counter.head_round()
    assert round_.outcome == "broken"
    assert alarm is not None and alarm.source == "central_head" and alarm.first_bad_seq == ENTRIES
    assert "不一致" in alarm.problem
    assert counter.central_head()[0] == ENTRIES


def test_the_central_refusing_a_forked_head_is_a_break(counter: Counter) -> None:
    """The central's 409 is a break too: here the central's GET is not trusted to have been
    asked (a head reported by another path in between), so the POST meets the fork."""
    tamper(counter.path, "DELETE FROM audit_log WHERE seq > 13")
    with sqlite3.connect(counter.path) as conn:
        conn.execute("DELETE FROM app_state WHERE key = ?", (CHECKPOINT_STATE,))
    services = build_services(counter.profile)
    try:
        grow(services, ENTRIES)
        head = services.audit_watch.ledger.verify_full().head
    finally:
        services.close()
    from counter_app.central.errors import CentralRefusal

    with pytest.raises(CentralRefusal) as refused:
        counter.client.report_audit_head(counter.profile.branch_code, counter.profile.counter_id,
                                         seq=head.seq, head_sha256=head.mac,
                                         idempotency_key=uuid.uuid4().hex)
    assert refused.value.central_code == "AUDIT_HEAD_FORK"

    class SkipsTheGet:
        def audit_head(self, *_a: object) -> object:
            raise CentralRefusal(404, "AUDIT_HEAD_UNKNOWN", "未知")

        def report_audit_head(self, *a: object, **kw: object) -> object:
            return counter.client.report_audit_head(*a, **kw)

    store = open_store(counter.copy("fork"), counter.cipher)
    try:
        watch = AuditWatch(StoreAuditLedger(store), SkipsTheGet, branch_code=counter.profile.branch_code,
                           counter_id=counter.profile.counter_id)
        round_ = watch.run_round()
        assert round_.outcome == "broken" and round_.error_code == "AUDIT_HEAD_FORK"
        assert watch.alarm is not None and watch.alarm.source == "central_refused"
    finally:
        store.close()


def test_doctor_names_a_broken_chain_and_exits_non_zero(counter: Counter, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    tamper(counter.path, "DELETE FROM audit_log WHERE seq = 3")
    profile_file = tmp_path / "profile.toml"
    p = counter.profile
    profile_file.write_text(
        f'[branch]\ncode = "{p.branch_code}"\nname = "测试网点"\nbank = "{p.bank.code}"\n'
        f'instant_issue = true\ncounter_id = "{p.counter_id}"\n'
        f'[central]\nbase_url = "{p.central.base_url}"\n'
        f'[security]\nkey_store = "file"\nkey_file = "{p.security.key_file}"\n'
        f'[store]\ndatabase = "{p.database}"\n', encoding="utf-8")
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path))
    assert run_doctor(profile_file, as_json=True) == 1
    checks = {c["key"]: c for c in json.loads(capsys.readouterr().out)["checks"]}
    assert checks["audit"]["status"] == FAIL
    assert "审计链断裂" in checks["audit"]["detail_zh"] and "第 3 条" in checks["audit"]["detail_zh"]
    assert run_doctor(profile_file, as_json=False) == 1
    assert "✘ 审计日志" in capsys.readouterr().out


def test_doctor_writes_nothing(counter: Counter) -> None:
    before = counter.path.read_bytes()
    assert check_audit(counter.profile).status == OK
    assert counter.path.read_bytes() == before
