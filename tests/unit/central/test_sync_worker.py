"""The sync worker against an in-memory outbox and a scripted central (no I/O)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import pytest

from counter_app.central.api import BranchConfig, HealthResult, UpdateItem, Updates
from counter_app.central.errors import (
    BadResponseError,
    CentralBusy,
    CentralError,
    CentralRefusal,
    CentralServerError,
    LineDownError,
)
from counter_app.central.sync import (
    LineState,
    NewWorkRefused,
    StalenessLimits,
    SyncPolicy,
    SyncStatus,
    SyncWorker,
    central_need,
    check_new_work,
)
from counter_app.store.outbox_repo import DeadLetterRecord, OutboxCounts, OutboxRecord

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@dataclass
class Row:
    rec: OutboxRecord
    status: str = "pending"
    next_at: dt.datetime = T0
    reason: str = ""


class FakeOutbox:
    """Same semantics as StoreOutboxRepository, in memory."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.state: dict[str, str] = {}

    def add(self, person: str, operation: str = "persons.data_change", **payload: Any) -> str:
        op_id = f"op-{len(self.rows) + 1}"
        rec = OutboxRecord(id=len(self.rows) + 1, op_id=op_id, operation=operation,
                           ordering_key=person, payload=payload, attempts=0, created_at=T0)
        self.rows.append(Row(rec))
        return op_id

    def row(self, op_id: str) -> Row:
        return next(r for r in self.rows if r.rec.op_id == op_id)

    def next_batch(self, now: dt.datetime, limit: int) -> list[OutboxRecord]:
        heads: dict[str, Row] = {}
        for r in self.rows:
            if r.status in ("pending", "dead") and r.rec.ordering_key not in heads:
                heads[r.rec.ordering_key] = r
        due = [r.rec for r in heads.values() if r.status == "pending" and r.next_at <= now]
        return sorted(due, key=lambda x: x.id)[:limit]

    def _bump(self, item_id: int, status: str, **kw: Any) -> None:
        r = self.rows[item_id - 1]
        r.rec = replace(r.rec, attempts=r.rec.attempts + 1)
        r.status = status
        for k, v in kw.items():
            setattr(r, k, v)

    def mark_done(self, item_id: int, response: dict, now: dt.datetime) -> None:
        self._bump(item_id, "done")

    def mark_retry(self, item_id: int, code: str, next_at: dt.datetime, now: dt.datetime) -> None:
        self._bump(item_id, "pending", next_at=next_at, reason=code)

    def mark_dead(self, item_id: int, reason: str, now: dt.datetime) -> None:
        self._bump(item_id, "dead", reason=reason)

    def stats(self) -> OutboxCounts:
        unsent = [r for r in self.rows if r.status in ("pending", "dead")]
        return OutboxCounts(pending=sum(r.status == "pending" for r in self.rows),
                            dead=sum(r.status == "dead" for r in self.rows),
                            oldest_unsent_at=min((r.rec.created_at for r in unsent),
                                                 default=None))

    def dead_letters(self) -> list[DeadLetterRecord]:
        return [DeadLetterRecord(r.rec.id, r.rec.op_id, r.rec.operation, r.reason,
                                 r.rec.attempts, r.rec.created_at, None)
                for r in self.rows if r.status == "dead"]

    def resolve_dead_letter(self, item_id: int, decision: str, supervisor: str,
                            now: dt.datetime) -> None:
        r = self.rows[item_id - 1]
        assert r.status == "dead"
        r.status = "pending" if decision == "retry" else "discarded"
        r.next_at = now

    def get_state(self, key: str) -> str | None:
        return self.state.get(key)

    def set_state(self, key: str, value: str) -> None:
        self.state[key] = value


class FakeCentral:
    """Scripted failures per op_id (a list consumed one per call), effects counted."""

    def __init__(self) -> None:
        self.script: dict[str, list[CentralError]] = {}
        self.calls: list[str] = []
        self.effects: dict[str, int] = {}
        self.down = False
        self.latency_ms = 5.0
        self.notices: list[UpdateItem] = []
        self.local_time = T0  # the counter's clock when it probed

    def execute(self, operation: str, payload: dict, *, idempotency_key: str) -> dict:
        self.calls.append(idempotency_key)
        if self.down:
            raise LineDownError()
        failures = self.script.get(idempotency_key)
        if failures:
            raise failures.pop(0)
        if payload.get("unserialisable"):
            raise TypeError("Object of type set is not JSON serializable")
        self.effects[idempotency_key] = 1  # idempotent: a replay does not add
        return {"ok": idempotency_key}

    def probe(self) -> HealthResult:
        if self.down:
            return HealthResult(False, 1.0, T0, error_code="CENTRAL_LINE_DOWN")
        return HealthResult(True, self.latency_ms, self.local_time, server_time=T0)

    def updates(self, branch_code: str, since: int = 0, limit: int = 200) -> Updates:
        if self.down:
            raise LineDownError()
        items = tuple(n for n in self.notices if n.seq > since)[:2]
        return Updates(items=items, next_since=items[-1].seq if items else since)

    def branch_config(self, branch_code: str) -> BranchConfig:
        return BranchConfig(branch_code, 2000, 7, 6, 3, 10, 12, 60)


class Sink:
    def __init__(self) -> None:
        self.items: list[UpdateItem] = []

    def apply(self, items: Sequence[UpdateItem]) -> None:
        self.items.extend(items)


def worker(repo: FakeOutbox, central: FakeCentral, clock: Clock, **kw: Any) -> SyncWorker:
    return SyncWorker(repo, central, branch_code="ICBC-NB-0101", clock=clock,  # type: ignore[arg-type]
                      rng=random.Random(1), policy=SyncPolicy(**kw))


def test_drains_in_order_per_person() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    ops = [repo.add(p) for p in ("A", "B", "A", "B", "A")]
    report = worker(repo, central, clock).drain()
    assert report.sent == 5 and central.effects.keys() == set(ops)
    a_calls = [c for c in central.calls if c in (ops[0], ops[2], ops[4])]
    assert a_calls == [ops[0], ops[2], ops[4]]


def test_a_failing_item_does_not_block_other_people() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    a1, b1, a2, b2 = repo.add("A"), repo.add("B"), repo.add("A"), repo.add("B")
    central.script[a1] = [CentralServerError(503, "CENTRAL_UNAVAILABLE", "忙")]
    w = worker(repo, central, clock)
    report = w.drain()
    assert {b1, b2} <= central.effects.keys()
    assert a2 not in central.calls  # A's later operation waits behind A's first
    assert repo.row(a1).status == "pending" and repo.row(a1).rec.attempts == 1
    assert report.retried == 1 and w.line_state is LineState.DEGRADED
    clock.advance(3)  # past the first backoff (2 s ± 20 %)
    w.drain()
    assert central.calls[-2:] == [a1, a2] and w.line_state is LineState.ONLINE


def test_line_down_stops_the_drain_and_nothing_is_lost() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    ops = [repo.add(f"P{i}") for i in range(5)]
    central.down = True
    w = worker(repo, central, clock)
    report = w.drain()
    assert report.stopped_by == "CENTRAL_LINE_DOWN" and report.retried == 1
    assert len(central.calls) == 1  # no hammering of a dead line
    assert w.line_state is LineState.OFFLINE
    assert all(repo.row(o).status == "pending" for o in ops)
    central.down = False
    clock.advance(3)
    assert w.drain().sent == 5 and set(central.effects) == set(ops)


def test_permanent_refusal_is_a_visible_dead_letter_holding_only_its_person() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    a1, a2, b1 = repo.add("A"), repo.add("A"), repo.add("B")
    central.script[a1] = [CentralRefusal(409, "WRONG_BANK", "须在发卡银行办理")]
    w = worker(repo, central, clock)
    report = w.drain()
    assert report.dead == 1 and b1 in central.effects and a2 not in central.calls
    dead = repo.dead_letters()
    assert [(d.op_id, d.reason) for d in dead] == [(a1, "WRONG_BANK")]
    assert w.status().dead_letters == 1 and len(repo.rows) == 3  # nothing deleted
    repo.resolve_dead_letter(dead[0].id, "discard", "sup01", clock())
    w.drain()
    assert a2 in central.effects and a1 not in central.effects
    assert repo.row(a1).status == "discarded"


def test_supervisor_retry_resends_with_the_same_key() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    a1 = repo.add("A")
    central.script[a1] = [CentralRefusal(409, "CARD_STATE_CONFLICT", "状态不允许")]
    w = worker(repo, central, clock)
    w.drain()
    repo.resolve_dead_letter(repo.row(a1).rec.id, "retry", "sup01", clock())
    assert w.drain().sent == 1 and central.calls == [a1, a1]


def test_transient_refusals_retry_and_repeated_bad_answers_go_dead() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    busy, bad = repo.add("A"), repo.add("B")
    central.script[busy] = [CentralBusy(409, "BATCH_LOCKED", "稍后")]
    central.script[bad] = [BadResponseError() for _ in range(3)]
    w = worker(repo, central, clock, max_bad_responses=3, base_backoff_s=1, max_backoff_s=1)
    for _ in range(4):
        w.drain()
        clock.advance(2)
    assert busy in central.effects
    assert repo.row(bad).status == "dead" and repo.row(bad).reason == "CENTRAL_BAD_RESPONSE"


def test_backoff_grows_and_is_capped() -> None:
    p = SyncPolicy(base_backoff_s=2, max_backoff_s=60, jitter=0)
    rng = random.Random(0)
    assert [p.backoff(n, rng) for n in (1, 2, 3, 6, 20)] == [2, 4, 8, 60, 60]


def test_a_long_outage_never_dead_letters() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    op = repo.add("A")
    central.down = True
    w = worker(repo, central, clock, max_backoff_s=300)
    for _ in range(30 * 24 * 12):  # 30 days of 5-minute cycles
        w.drain()
        clock.advance(300)
    assert repo.row(op).status == "pending" and repo.dead_letters() == []


def test_pull_keeps_a_cursor_and_refreshes_config() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    central.notices = [UpdateItem(i, "APPLICATION_STATE", f"APP{i}", {}, T0) for i in (1, 2, 3)]
    sink = Sink()
    w = SyncWorker(repo, central, branch_code="ICBC-NB-0101", clock=clock, sink=sink)  # type: ignore[arg-type]
    assert w.pull() == 3 and repo.state["sync.updates_cursor"] == "3"
    assert json.loads(repo.state["sync.branch_config"])["temp_loss_valid_days"] == 7
    assert w.pull() == 0 and len(sink.items) == 3
    central.down = True
    with pytest.raises(LineDownError):
        w.pull()
    assert w.line_state is LineState.OFFLINE


def test_probe_reports_online_degraded_offline() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    w = worker(repo, central, clock, slow_ms=100)
    assert w.probe() is LineState.ONLINE
    central.latency_ms = 250
    assert w.probe() is LineState.DEGRADED
    central.down = True
    assert w.probe() is LineState.OFFLINE and w.cycle().stopped_by == "CENTRAL_LINE_DOWN"


def status(**kw: Any) -> SyncStatus:
    base = dict(line_state=LineState.ONLINE, latency_ms=5.0, outbox_depth=0, dead_letters=0,
                oldest_unsent_age_s=None, last_success_at=T0, last_pull_at=T0,
                last_error_code=None, checked_at=T0)
    base.update(kw)
    return SyncStatus(**base)  # type: ignore[arg-type]


LIMITS = StalenessLimits(max_oldest_unsent_hours=24, max_unsent_count=200,
                         max_since_last_sync_hours=72, min_free_disk_mb=500)


@pytest.mark.parametrize("kw,code", [
    ({"oldest_unsent_age_s": 25 * 3600, "outbox_depth": 1}, "STALE_OLDEST_UNSENT"),
    ({"outbox_depth": 150, "dead_letters": 50}, "STALE_TOO_MANY_UNSENT"),
    ({"last_success_at": T0 - dt.timedelta(hours=73)}, "STALE_NO_RECENT_SYNC"),
    ({"last_success_at": None}, "STALE_NO_RECENT_SYNC"),
])
def test_staleness_rules_refuse_deferrable_work_each_with_its_code(kw: dict, code: str) -> None:
    with pytest.raises(NewWorkRefused) as err:
        check_new_work("application_factory", status(**kw), LIMITS, free_disk_mb=10_000, now=T0)
    assert err.value.code == code and err.value.message_zh
    # within limits the same business is accepted
    assert check_new_work("application_factory", status(), LIMITS, free_disk_mb=10_000,
                          now=T0).value == "deferrable"


def test_staleness_messages_differ() -> None:
    messages = set()
    for kw in ({"oldest_unsent_age_s": 90000.0}, {"outbox_depth": 300},
               {"last_success_at": None}):
        with pytest.raises(NewWorkRefused) as err:
            check_new_work("data_change", status(**kw), LIMITS, free_disk_mb=10_000, now=T0)
        messages.add(err.value.message_zh)
    assert len(messages) == 3


def test_business_that_needs_the_central_is_refused_offline_only() -> None:
    assert central_need("instant_issuance").value == "now"
    assert central_need("some_new_business").value == "now"  # safe default
    with pytest.raises(NewWorkRefused) as err:
        check_new_work("instant_issuance", status(line_state=LineState.OFFLINE), LIMITS,
                       free_disk_mb=10_000, now=T0)
    assert err.value.code == "CENTRAL_REQUIRED_OFFLINE"
    check_new_work("instant_issuance", status(line_state=LineState.DEGRADED), LIMITS,
                   free_disk_mb=10_000, now=T0)
    # offline but fresh: deferrable work goes on
    check_new_work("formal_loss", status(line_state=LineState.OFFLINE), LIMITS,
                   free_disk_mb=10_000, now=T0)
    with pytest.raises(NewWorkRefused) as err:
        check_new_work("formal_loss", status(), LIMITS, free_disk_mb=100, now=T0)
    assert err.value.code == "LOW_DISK"


def test_clock_skew_is_measured_and_flagged() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    w = worker(repo, central, clock)
    central.local_time = T0 + dt.timedelta(days=1)  # local clock a day ahead of the central
    w.probe()
    st = w.status()
    assert st.clock_skew_s is not None and st.clock_skew_s < -86000 and st.clock_suspect
    assert st.to_dict()["clock_suspect"] is True


def test_status_is_json_ready() -> None:
    d = status(last_pull_at=None).to_dict()
    assert d["line_state"] == "online" and d["last_pull_at"] is None
    json.dumps(d)


def test_background_thread_sends_after_wake_and_stops() -> None:
    import time as _time

    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    w = SyncWorker(repo, central, branch_code="ICBC-NB-0101", clock=clock,  # type: ignore[arg-type]
                   policy=SyncPolicy(interval_s=3600, pull_interval_s=3600))
    w.start()
    try:
        op = repo.add("A")
        w.wake()
        deadline = _time.monotonic() + 5
        while repo.row(op).status != "done" and _time.monotonic() < deadline:
            _time.sleep(0.01)
        assert repo.row(op).status == "done"
    finally:
        w.stop(timeout=5)
    assert w._thread is None


def test_a_message_the_client_cannot_send_does_not_hold_up_others() -> None:
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    bad = repo.add("A", unserialisable=True)
    good = repo.add("B")
    report = worker(repo, central, clock).drain()
    assert report.dead == 1 and report.sent == 1 and good in central.effects
    assert repo.row(bad).status == "dead" and repo.row(bad).reason == "CLIENT_CANNOT_SEND"


def test_a_tls_failure_is_a_line_error_everywhere() -> None:
    """Nothing reached the central: stop the drain, keep the message, never dead-letter it."""
    from counter_app.central import errors, sync
    from counter_app.central.errors import CentralTimeoutError, CentralTlsError

    assert sync.LINE_ERRORS is errors.LINE_ERRORS  # one classification, not a copy
    assert errors.is_line_error(CentralTlsError()) and errors.is_line_error(CentralTimeoutError())
    assert not errors.is_line_error(BadResponseError())
    assert errors.nothing_sent(CentralTlsError()) and not errors.nothing_sent(CentralTimeoutError())
    repo, central, clock = FakeOutbox(), FakeCentral(), Clock()
    first, second = repo.add("A"), repo.add("B")
    central.script[first] = [CentralTlsError()]
    w = worker(repo, central, clock)
    report = w.drain()
    assert report.stopped_by == "CENTRAL_TLS_ERROR" and report.dead == 0
    assert central.calls == [first] and w.line_state is LineState.OFFLINE
    assert repo.row(first).status == "pending" and repo.row(second).status == "pending"
