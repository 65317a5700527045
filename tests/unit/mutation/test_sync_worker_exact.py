"""The sync worker pinned exactly (the survivors of ./scripts/mutation.sh on central/sync.py).

A recording outbox and a scripted central log every call with its arguments, so each test
states what the worker asked, wrote and reported, in order: the backoff and cycle timings, each
failure's path (retry, dead letter, line down, paused), the line state and its log, the
staleness rules at and one past each limit with their exact texts, the pull's cursor, the
status built from the outbox, and the background loop's offline count (waits on state only).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import threading
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest

from counter_app.central.api import BranchConfig, HealthResult, UpdateItem, Updates
from counter_app.central.errors import (
    BadResponseError,
    CentralBusy,
    CentralConfigError,
    CentralError,
    CentralRefusal,
    CentralServerError,
    CentralTimeoutError,
    CentralTlsError,
    LineDownError,
    OutcomeUnknownError,
)
from counter_app.central.sync import (
    AUDIT_BREAK_STATE,
    STATE_BRANCH_CONFIG,
    STATE_CURSOR,
    STATE_LAST_ERROR,
    STATE_LAST_PULL,
    STATE_LAST_SUCCESS,
    CentralNeed,
    DrainReport,
    LineState,
    NewWorkRefused,
    StalenessLimits,
    SyncPolicy,
    SyncStatus,
    SyncWorker,
    check_audit,
    check_new_work,
    utc_now,
)
from counter_app.store.outbox_repo import OutboxCounts, OutboxRecord

UTC = dt.UTC
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BRANCH = "ICBC-NB-0101"
LOGGER = "counter_app.central.sync"


# -- fakes that record every call --------------------------------------------------------------

class FixedRng(random.Random):
    """``uniform`` answers ``value`` and records its bounds."""

    def __init__(self, value: float = 0.0) -> None:
        super().__init__(0)
        self.value = value
        self.bounds: list[tuple[float, float]] = []

    def uniform(self, a: float, b: float) -> float:
        self.bounds.append((a, b))
        return self.value


class Clock:
    def __init__(self, now: dt.datetime = T0, tick_s: float = 0.0) -> None:
        self.now = now
        self.tick = dt.timedelta(seconds=tick_s)

    def __call__(self) -> dt.datetime:
        now = self.now
        self.now += self.tick
        return now


@dataclass
class Msg:
    id: int
    op_id: str
    operation: str
    ordering_key: str
    payload: dict[str, Any]
    attempts: int
    status: str = "pending"
    next_at: dt.datetime = T0


class Repo:
    """The outbox's semantics in memory (heads per person, due, limit), every call recorded."""

    def __init__(self) -> None:
        self.msgs: list[Msg] = []
        self.state: dict[str, str] = {}
        self.calls: list[tuple[Any, ...]] = []
        self.counts = OutboxCounts(pending=0, dead=0, oldest_unsent_at=None)

    def add(self, person: str, *, attempts: int = 0, operation: str = "persons.data_change") -> int:
        n = len(self.msgs) + 1
        self.msgs.append(Msg(n, f"op-{n}", operation, person, {"n": n}, attempts))
        return n

    def next_batch(self, now: dt.datetime, limit: int) -> list[OutboxRecord]:
        self.calls.append(("next_batch", now, limit))
        heads: dict[str, Msg] = {}
        for m in self.msgs:
            if m.status in ("pending", "dead"):
                heads.setdefault(m.ordering_key, m)
        due = [m for m in heads.values() if m.status == "pending" and m.next_at <= now]
        return [OutboxRecord(m.id, m.op_id, m.operation, m.ordering_key, m.payload, m.attempts,
                             T0) for m in due[:limit]]

    def _msg(self, item_id: int) -> Msg:
        m = self.msgs[item_id - 1]
        m.attempts += 1
        return m

    def mark_done(self, item_id: int, response: dict[str, Any], now: dt.datetime) -> None:
        self.calls.append(("done", item_id, response, now))
        self._msg(item_id).status = "done"

    def mark_retry(self, item_id: int, error_code: str, next_attempt_at: dt.datetime,
                   now: dt.datetime) -> None:
        self.calls.append(("retry", item_id, error_code, next_attempt_at, now))
        self._msg(item_id).next_at = next_attempt_at

    def mark_dead(self, item_id: int, reason: str, now: dt.datetime) -> None:
        self.calls.append(("dead", item_id, reason, now))
        self._msg(item_id).status = "dead"

    def stats(self) -> OutboxCounts:
        return self.counts

    def dead_letters(self) -> list[Any]:
        return []

    def resolve_dead_letter(self, item_id: int, decision: str, supervisor: str,
                            now: dt.datetime) -> None:
        raise AssertionError("the worker never resolves a dead letter")

    def get_state(self, key: str) -> str | None:
        return self.state.get(key)

    def set_state(self, key: str, value: str) -> None:
        self.calls.append(("set", key, value))
        self.state[key] = value

    def writes(self) -> list[tuple[Any, ...]]:
        return [c for c in self.calls if c[0] != "next_batch"]


def online(latency_ms: float = 5.0, skew_s: float | None = None) -> HealthResult:
    server = None if skew_s is None else T0 + dt.timedelta(seconds=skew_s)
    return HealthResult(True, latency_ms, T0, server_time=server)


def down(code: str = "CENTRAL_LINE_DOWN") -> HealthResult:
    return HealthResult(False, 1.0, T0, error_code=code)


CONFIG = BranchConfig(BRANCH, 2000, 7, 6, 3, 10, 12, 60)


class Central:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.failures: dict[str, list[BaseException]] = {}
        self.health: list[HealthResult | BaseException | Any] = [online()]
        self.pages: dict[int, Updates] = {}
        self.updates_error: BaseException | None = None
        self.config_error: BaseException | None = None
        self.lock = threading.Lock()

    def execute(self, operation: str, payload: dict[str, Any], *,
                idempotency_key: str) -> dict[str, Any]:
        self.calls.append(("execute", operation, payload, idempotency_key))
        failures = self.failures.get(idempotency_key)
        if failures:
            raise failures.pop(0)
        return {"ok": idempotency_key}

    def probe(self) -> HealthResult:
        with self.lock:
            self.calls.append(("probe",))
            result = self.health.pop(0) if len(self.health) > 1 else self.health[0]
        if isinstance(result, BaseException):
            raise result
        return result  # type: ignore[no-any-return]

    def updates(self, branch_code: str, since: int = 0, limit: int = 200) -> Updates:
        self.calls.append(("updates", branch_code, since))
        if self.updates_error is not None:
            raise self.updates_error
        return self.pages.get(since, Updates(items=(), next_since=since))

    def branch_config(self, branch_code: str) -> BranchConfig:
        self.calls.append(("branch_config", branch_code))
        if self.config_error is not None:
            raise self.config_error
        return CONFIG


class Sink:
    def __init__(self) -> None:
        self.batches: list[list[UpdateItem]] = []

    def apply(self, items: Any) -> None:
        self.batches.append(list(items))


def make(repo: Repo | None = None, central: Central | None = None, *, clock: Clock | None = None,
         rng: FixedRng | None = None, sink: Sink | None = None,
         policy: SyncPolicy | None = None, **kw: Any) -> tuple[SyncWorker, Repo, Central]:
    repo = repo or Repo()
    central = central or Central()
    w = SyncWorker(repo, central, branch_code=BRANCH,  # type: ignore[arg-type]
                   policy=policy or SyncPolicy(**kw), clock=clock or Clock(),
                   sink=sink, rng=rng or FixedRng(0.1))
    return w, repo, central


def sync_logs(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    return [(r.levelno, r.getMessage()) for r in caplog.records if r.name == LOGGER]


def delay(attempts: int, base: float = 2.0, jitter_value: float = 0.1) -> dt.timedelta:
    """The backoff the worker must compute with FixedRng(0.1) and the default policy."""
    return dt.timedelta(seconds=min(300.0, base * 2.0 ** max(0, attempts - 1))
                        * (1 + jitter_value))


# -- policy --------------------------------------------------------------------------------------

def test_utc_now_is_aware_utc(beijing_local_time: None) -> None:
    now = utc_now()
    assert now.tzinfo is UTC
    assert abs((now - dt.datetime.now(UTC)).total_seconds()) < 5


@pytest.mark.parametrize(("attempts", "base"), [(0, 2.0), (1, 2.0), (2, 4.0), (3, 8.0),
                                                 (8, 256.0), (9, 300.0), (40, 300.0)])
def test_backoff_doubles_from_the_base_up_to_the_cap_then_jitters(attempts: int,
                                                                  base: float) -> None:
    rng = FixedRng(0.1)
    assert SyncPolicy().backoff(attempts, rng) == base * 1.1
    assert rng.bounds == [(-0.2, 0.2)]


def test_backoff_and_cycle_exponents_stop_at_30_doublings() -> None:
    rng = FixedRng(0.0)
    uncapped = SyncPolicy(base_backoff_s=1.0, max_backoff_s=float("inf"), jitter=0.0,
                          interval_s=1.0, interval_jitter=0.0, offline_max_factor=float("inf"))
    assert uncapped.backoff(31, rng) == 2.0**30
    assert uncapped.backoff(32, rng) == 2.0**30
    assert uncapped.backoff(5000, rng) == 2.0**30
    assert uncapped.next_cycle_in(0.0, rng, 31) == 2.0**30
    assert uncapped.next_cycle_in(0.0, rng, 32) == 2.0**30


def test_backoff_jitter_bounds_follow_the_policy() -> None:
    rng = FixedRng(-0.5)
    policy = SyncPolicy(base_backoff_s=3.0, max_backoff_s=10.0, jitter=0.5)
    assert policy.backoff(2, rng) == 3.0
    assert policy.backoff(3, rng) == 5.0  # 10 capped, × 0.5
    assert rng.bounds == [(-0.5, 0.5), (-0.5, 0.5)]


@pytest.mark.parametrize(("offline", "interval"), [(0, 5.0), (1, 5.0), (2, 10.0), (3, 20.0),
                                                   (4, 40.0), (5, 60.0), (200, 60.0)])
def test_next_cycle_in_backs_off_after_failed_probes_up_to_the_cap(offline: int,
                                                                   interval: float) -> None:
    rng = FixedRng(1.0)
    assert SyncPolicy().next_cycle_in(0.5, rng, offline) == interval + 1.0 - 0.5
    assert rng.bounds == [(-0.5 * interval, 0.5 * interval)]


def test_next_cycle_in_defaults_to_no_failed_probe_and_never_goes_below_zero() -> None:
    rng = FixedRng(0.0)
    policy = SyncPolicy(interval_s=4.0, interval_jitter=0.25, offline_max_factor=3.0)
    assert policy.next_cycle_in(1.0, rng) == 3.0
    assert policy.next_cycle_in(0.0, rng, 3) == 12.0  # 16 capped at 4 × 3
    assert policy.next_cycle_in(4.0, rng) == 0.0
    assert policy.next_cycle_in(9.0, rng) == 0.0
    assert rng.bounds == [(-1.0, 1.0), (-3.0, 3.0), (-1.0, 1.0), (-1.0, 1.0)]


# -- status, to_dict ------------------------------------------------------------------------------

def status(**kw: Any) -> SyncStatus:
    base: dict[str, Any] = dict(
        line_state=LineState.ONLINE, latency_ms=5.0, outbox_depth=0, dead_letters=0,
        oldest_unsent_age_s=None, last_success_at=T0 - dt.timedelta(hours=1),
        last_pull_at=None, last_error_code=None, checked_at=T0)
    base.update(kw)
    return SyncStatus(**base)


def test_to_dict_gives_plain_values_and_the_clock_verdict() -> None:
    s = status(line_state=LineState.DEGRADED, latency_ms=12.5, outbox_depth=3, dead_letters=1,
               oldest_unsent_age_s=60.0, last_pull_at=T0, last_error_code="CENTRAL_TIMEOUT",
               clock_skew_s=-300.5, audit_break=True, session_open=False)
    assert s.to_dict() == {
        "line_state": "degraded", "latency_ms": 12.5, "outbox_depth": 3, "dead_letters": 1,
        "oldest_unsent_age_s": 60.0, "last_success_at": "2026-03-02T08:00:00+00:00",
        "last_pull_at": "2026-03-02T09:00:00+00:00", "last_error_code": "CENTRAL_TIMEOUT",
        "checked_at": "2026-03-02T09:00:00+00:00", "clock_skew_s": -300.5,
        "audit_break": True, "session_open": False, "clock_suspect": True}
    d = status(last_success_at=None, clock_skew_s=300.0).to_dict()
    assert (d["line_state"], d["last_success_at"], d["last_pull_at"], d["clock_suspect"],
            d["session_open"], d["audit_break"]) == ("online", None, None, False, None, False)
    assert status().to_dict()["clock_suspect"] is False


# -- check_audit, check_new_work -----------------------------------------------------------------

AUDIT_TEXT = ("本柜台的审计日志被发现遭篡改、删除或截断，业务已暂停，不能受理新业务。"
              "请立即通知主管到场核实，主管确认后方可继续办理。")
SESSION_TEXT = ("您尚未开始今日营业（没有已开启的柜员会话），不能办理此业务。"
                "请在左侧菜单“柜员会话”中录入备用金后开始营业；"
                "如有前一营业日未日终的会话，请先结束该会话或请主管强制结束。")
LIMITS = StalenessLimits(max_oldest_unsent_hours=10.0, max_unsent_count=5,
                         max_since_last_sync_hours=20.0, min_free_disk_mb=300)


def refused(business: str, s: SyncStatus, free_disk_mb: float = 1000.0,
            now: dt.datetime | None = T0) -> tuple[str, str]:
    with pytest.raises(NewWorkRefused) as e:
        check_new_work(business, s, LIMITS, free_disk_mb=free_disk_mb, now=now)
    return e.value.code, str(e.value.message_zh)


def test_an_audit_break_refuses_everything_before_any_other_rule() -> None:
    for business in ("data_change", "certificate_verify", None):
        with pytest.raises(NewWorkRefused) as e:
            check_audit(status(audit_break=True, session_open=True), business)
        assert (e.value.code, e.value.message_zh) == ("AUDIT_CHAIN_BROKEN", AUDIT_TEXT)
    s = status(audit_break=True, session_open=False, line_state=LineState.OFFLINE)
    assert refused("pin_reset", s, free_disk_mb=1.0) == ("AUDIT_CHAIN_BROKEN", AUDIT_TEXT)


def test_a_closed_session_refuses_only_work_that_needs_one() -> None:
    closed = status(session_open=False)
    for business in ("data_change", None, "no_such_business"):
        with pytest.raises(NewWorkRefused) as e:
            check_audit(closed, business)
        assert (e.value.code, e.value.message_zh) == ("SESSION_REQUIRED", SESSION_TEXT)
    with pytest.raises(NewWorkRefused) as e:
        check_audit(closed)
    assert e.value.code == "SESSION_REQUIRED"
    check_audit(closed, "certificate_verify")  # a query without a session
    check_audit(status(session_open=None), "data_change")  # not known: not checked
    check_audit(status(session_open=True), "data_change")
    check_audit(status())
    assert check_new_work("certificate_verify", closed, LIMITS, free_disk_mb=1000.0,
                          now=T0) is CentralNeed.NOW
    assert refused("data_change", closed, free_disk_mb=1.0) == ("SESSION_REQUIRED", SESSION_TEXT)


def test_low_disk_refuses_below_the_minimum_only() -> None:
    assert refused("data_change", status(), free_disk_mb=299.6) == (
        "LOW_DISK", "本机磁盘剩余空间不足（300 MB，下限 300 MB），请联系网点技术支持清理后再办理。")
    assert refused("pin_reset", status(line_state=LineState.OFFLINE), free_disk_mb=12.4) == (
        "LOW_DISK", "本机磁盘剩余空间不足（12 MB，下限 300 MB），请联系网点技术支持清理后再办理。")
    assert check_new_work("data_change", status(), LIMITS, free_disk_mb=300.0,
                          now=T0) is CentralNeed.DEFERRABLE


NOW_OFFLINE = ("此业务需要实时连接中心系统，当前专线中断，请待线路恢复后办理，"
               "或先办理可暂存的业务。")


def test_work_that_needs_the_central_is_refused_offline_or_paused_and_skips_staleness() -> None:
    stale = dict(outbox_depth=50, oldest_unsent_age_s=1e9, last_success_at=None)
    for state in (LineState.OFFLINE, LineState.PAUSED):
        assert refused("pin_reset", status(line_state=state, **stale)) == (
            "CENTRAL_REQUIRED_OFFLINE", NOW_OFFLINE)
    for state in (LineState.ONLINE, LineState.DEGRADED, LineState.UNKNOWN):
        assert check_new_work("pin_reset", status(line_state=state, **stale), LIMITS,
                              free_disk_mb=1000.0, now=T0) is CentralNeed.NOW


def test_deferrable_work_goes_on_offline_within_the_limits() -> None:
    s = status(line_state=LineState.OFFLINE, outbox_depth=3, dead_letters=1,
               oldest_unsent_age_s=10 * 3600.0, last_success_at=T0 - dt.timedelta(hours=20))
    assert check_new_work("data_change", s, LIMITS, free_disk_mb=1000.0,
                          now=T0) is CentralNeed.DEFERRABLE


def test_the_oldest_unsent_message_is_refused_one_past_its_limit() -> None:
    assert refused("data_change", status(oldest_unsent_age_s=10 * 3600.0 + 0.001,
                                         outbox_depth=9, last_success_at=None)) == (
        "STALE_OLDEST_UNSENT",
        "最早一笔待上传业务已积压 10.0 小时（上限 10 小时），"
        "暂停受理新的暂存业务，请先恢复与中心的同步或请主管处理异常件。")
    assert refused("data_change", status(oldest_unsent_age_s=12.25 * 3600))[1].startswith(
        "最早一笔待上传业务已积压 12.2 小时（上限 10 小时）")
    # hours are seconds / 3600 exactly: 12.0501 h shows 12.1 (12.0468 would show 12.0)
    assert refused("data_change", status(oldest_unsent_age_s=12.0501 * 3600))[1].startswith(
        "最早一笔待上传业务已积压 12.1 小时")


def test_too_many_unsent_counts_pending_and_dead_from_the_limit() -> None:
    assert refused("data_change", status(outbox_depth=3, dead_letters=2,
                                         last_success_at=None)) == (
        "STALE_TOO_MANY_UNSENT",
        "待上传业务已达 5 笔（上限 5 笔），暂停受理新的暂存业务，请先完成同步。")
    assert refused("data_change", status(outbox_depth=7))[1].startswith("待上传业务已达 7 笔")
    assert check_new_work("data_change", status(outbox_depth=2, dead_letters=2), LIMITS,
                          free_disk_mb=1000.0, now=T0) is CentralNeed.DEFERRABLE


def test_no_recent_sync_is_refused_one_past_its_limit() -> None:
    assert refused("data_change", status(last_success_at=None)) == (
        "STALE_NO_RECENT_SYNC",
        "本柜台与中心系统从未同步（上限 20 小时），暂停受理新的暂存业务，请先完成同步。")
    late = T0 - dt.timedelta(hours=20, microseconds=1)
    assert refused("data_change", status(last_success_at=late)) == (
        "STALE_NO_RECENT_SYNC",
        "本柜台与中心系统已 20.0 小时未同步（上限 20 小时），暂停受理新的暂存业务，请先完成同步。")
    assert refused("data_change", status(last_success_at=T0 - dt.timedelta(hours=31.5)))[1] == (
        "本柜台与中心系统已 31.5 小时未同步（上限 20 小时），暂停受理新的暂存业务，请先完成同步。")
    assert refused("data_change", status(last_success_at=T0 - dt.timedelta(hours=20.0501)))[
        1].startswith("本柜台与中心系统已 20.1 小时未同步")  # seconds / 3600 exactly
    assert check_new_work("data_change", status(last_success_at=T0 - dt.timedelta(hours=20)),
                          LIMITS, free_disk_mb=1000.0, now=T0) is CentralNeed.DEFERRABLE


def test_without_now_the_rules_read_the_wall_clock() -> None:
    fresh = status(last_success_at=utc_now() - dt.timedelta(hours=19))
    assert check_new_work("data_change", fresh, LIMITS,
                          free_disk_mb=1000.0) is CentralNeed.DEFERRABLE
    stale = status(last_success_at=utc_now() - dt.timedelta(hours=21))
    assert refused("data_change", stale, now=None)[0] == "STALE_NO_RECENT_SYNC"


# -- drain and _send --------------------------------------------------------------------------------

def test_drain_sends_in_batches_until_none_is_due(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, LOGGER)
    w, repo, central = make(batch_size=2)
    for p in ("A", "B", "C"):
        repo.add(p)
    report = w.drain()
    assert report == DrainReport(sent=3)
    assert central.calls == [("execute", "persons.data_change", {"n": n}, f"op-{n}")
                             for n in (1, 2, 3)]
    assert repo.calls == [
        ("next_batch", T0, 2), ("done", 1, {"ok": "op-1"}, T0), ("done", 2, {"ok": "op-2"}, T0),
        ("next_batch", T0, 2), ("done", 3, {"ok": "op-3"}, T0),
        ("next_batch", T0, 2),
        ("set", STATE_LAST_SUCCESS, T0.isoformat()), ("set", STATE_LAST_ERROR, "")]
    assert w.line_state is LineState.ONLINE
    assert sync_logs(caplog) == [(logging.INFO, "central line: unknown -> online")]
    w.drain()  # same state: not logged again
    assert sync_logs(caplog) == [(logging.INFO, "central line: unknown -> online")]


def test_drain_reads_the_clock_per_batch_and_per_message() -> None:
    w, repo, _ = make(clock=Clock(tick_s=1.0))
    repo.add("A")
    assert w.drain() == DrainReport(sent=1)
    s = dt.timedelta(seconds=1)
    assert repo.calls == [("next_batch", T0, 100), ("done", 1, {"ok": "op-1"}, T0 + 2 * s),
                          ("next_batch", T0 + 3 * s, 100),
                          ("set", STATE_LAST_SUCCESS, (T0 + 4 * s).isoformat()),
                          ("set", STATE_LAST_ERROR, "")]


def test_drain_tries_at_most_max_items() -> None:
    w, repo, central = make(batch_size=2)
    for p in "ABCDE":
        repo.add(p)
    assert w.drain(max_items=3) == DrainReport(sent=3)
    assert [c for c in repo.calls if c[0] == "next_batch"] == [("next_batch", T0, 2),
                                                               ("next_batch", T0, 1)]
    assert len(central.calls) == 3
    repo.calls.clear()
    assert w.drain(max_items=0) == DrainReport()
    assert repo.calls == [("set", STATE_LAST_ERROR, "")]
    w, repo, _ = make(batch_size=10)
    for p in "ABCDE":
        repo.add(p)
    assert w.drain(max_items=4) == DrainReport(sent=4)
    assert w.drain(max_items=7) == DrainReport(sent=1)
    assert [c for c in repo.calls if c[0] == "next_batch"] == [
        ("next_batch", T0, 4), ("next_batch", T0, 7), ("next_batch", T0, 6)]


def test_an_empty_queue_leaves_the_line_state_and_the_last_success_alone() -> None:
    w, repo, _ = make()
    assert w.drain() == DrainReport()
    assert w.line_state is LineState.UNKNOWN
    assert repo.calls == [("next_batch", T0, 100), ("set", STATE_LAST_ERROR, "")]


def test_only_transient_failures_stop_the_drain_degraded() -> None:
    w, repo, central = make()
    repo.add("A")
    repo.add("B")
    central.failures["op-1"] = [CentralServerError(503, "CENTRAL_UNAVAILABLE", "中心忙")]
    central.failures["op-2"] = [CentralServerError(503, "CENTRAL_UNAVAILABLE", "中心忙")]
    report = w.drain()
    assert report == DrainReport(retried=2, errors={"CENTRAL_UNAVAILABLE": 2})
    assert repo.calls == [
        ("next_batch", T0, 100),
        ("retry", 1, "CENTRAL_UNAVAILABLE", T0 + delay(1), T0),
        ("retry", 2, "CENTRAL_UNAVAILABLE", T0 + delay(1), T0),
        ("set", STATE_LAST_SUCCESS, T0.isoformat()),
        ("set", STATE_LAST_ERROR, "CENTRAL_UNAVAILABLE")]
    assert w.line_state is LineState.DEGRADED


def test_a_transient_failure_next_to_progress_degrades_and_goes_on() -> None:
    w, repo, central = make()
    repo.add("A")
    repo.add("B")
    repo.add("B")
    central.failures["op-1"] = [CentralBusy(409, "IDEMPOTENCY_IN_PROGRESS", "处理中")]
    assert w.drain() == DrainReport(sent=2, retried=1, errors={"IDEMPOTENCY_IN_PROGRESS": 1})
    assert [c[0] for c in repo.calls] == ["next_batch", "retry", "done", "next_batch", "done",
                                          "next_batch", "set", "set"]
    assert w.line_state is LineState.DEGRADED
    assert repo.state[STATE_LAST_ERROR] == "IDEMPOTENCY_IN_PROGRESS"
    assert w.drain() == DrainReport()
    assert w.line_state is LineState.DEGRADED  # nothing reached the central: state kept


def test_dead_letters_are_progress_the_line_stays_online(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, LOGGER)
    w, repo, central = make()
    repo.add("A")
    repo.add("B")
    repo.add("C")
    refusal = CentralRefusal(422, "PERSON_NOT_FOUND", "查无此人")
    central.failures["op-1"] = [refusal]
    central.failures["op-2"] = [CentralRefusal(422, "PERSON_NOT_FOUND", "查无此人")]
    central.failures["op-3"] = [CentralServerError(500, "CENTRAL_UNAVAILABLE", "故障")]
    w.line_state = LineState.ONLINE
    assert w.drain() == DrainReport(dead=2, retried=1,
                                    errors={"PERSON_NOT_FOUND": 2, "CENTRAL_UNAVAILABLE": 1})
    assert repo.calls == [
        ("next_batch", T0, 100), ("dead", 1, "PERSON_NOT_FOUND", T0),
        ("dead", 2, "PERSON_NOT_FOUND", T0), ("retry", 3, "CENTRAL_UNAVAILABLE", T0 + delay(1), T0),
        ("next_batch", T0, 100),
        ("set", STATE_LAST_SUCCESS, T0.isoformat()), ("set", STATE_LAST_ERROR, "PERSON_NOT_FOUND")]
    assert sync_logs(caplog) == [
        (logging.WARNING, "outbox message 1 (persons.data_change) dead-lettered: PERSON_NOT_FOUND"),
        (logging.WARNING, "outbox message 2 (persons.data_change) dead-lettered: PERSON_NOT_FOUND"),
        (logging.INFO, "central line: online -> degraded")]


def test_a_dead_letter_alone_keeps_the_line_online() -> None:
    w, repo, central = make()
    repo.add("A")
    repo.add("B")
    central.failures["op-1"] = [CentralRefusal(409, "CARD_STATE_CONFLICT", "卡状态不符")]
    assert w.drain() == DrainReport(sent=1, dead=1, errors={"CARD_STATE_CONFLICT": 1})
    assert w.line_state is LineState.ONLINE
    assert [c[0] for c in repo.calls] == ["next_batch", "dead", "done", "next_batch", "set", "set"]


@pytest.mark.parametrize("error", [LineDownError(), CentralTimeoutError(), OutcomeUnknownError(),
                                   CentralTlsError()])
def test_a_line_failure_retries_the_message_and_stops_the_drain_offline(
        error: CentralError) -> None:
    w, repo, central = make()
    repo.add("A", attempts=2)
    repo.add("B", attempts=5)
    repo.add("C")
    central.failures["op-2"] = [error]
    report = w.drain()
    assert report == DrainReport(sent=1, retried=1, stopped_by=error.code, errors={error.code: 1})
    assert repo.calls == [
        ("next_batch", T0, 100), ("done", 1, {"ok": "op-1"}, T0),
        ("retry", 2, error.code, T0 + delay(6), T0), ("set", STATE_LAST_ERROR, error.code)]
    assert [c[3] for c in central.calls] == ["op-1", "op-2"]  # C not tried
    assert w.line_state is LineState.OFFLINE


def test_a_configuration_error_pauses_without_touching_the_message(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, LOGGER)
    w, repo, central = make()
    repo.add("A")
    repo.add("B")
    repo.add("C")
    central.failures["op-2"] = [CentralConfigError()]
    report = w.drain()
    assert report == DrainReport(sent=1, stopped_by="CENTRAL_CONFIG_ERROR",
                                 errors={"CENTRAL_CONFIG_ERROR": 1})
    assert repo.calls == [("next_batch", T0, 100), ("done", 1, {"ok": "op-1"}, T0),
                          ("set", STATE_LAST_ERROR, "CENTRAL_CONFIG_ERROR")]
    assert w.line_state is LineState.PAUSED
    assert sync_logs(caplog) == [(logging.WARNING, "outbox paused: CENTRAL_CONFIG_ERROR"),
                                 (logging.INFO, "central line: unknown -> paused")]


def test_unreadable_answers_are_retried_until_the_limit_then_dead_lettered() -> None:
    w, repo, central = make(max_bad_responses=4)
    repo.add("A", attempts=2)
    repo.add("B", attempts=3)
    central.failures["op-1"] = [BadResponseError()]
    central.failures["op-2"] = [BadResponseError()]
    report = w.drain()
    assert report == DrainReport(retried=1, dead=1, errors={"CENTRAL_BAD_RESPONSE": 2})
    assert repo.calls[:3] == [("next_batch", T0, 100),
                              ("retry", 1, "CENTRAL_BAD_RESPONSE", T0 + delay(3), T0),
                              ("dead", 2, "CENTRAL_BAD_RESPONSE", T0)]
    assert w.line_state is LineState.DEGRADED
    assert len([c for c in repo.calls if c[0] == "next_batch"]) == 2  # a dead one is progress


def test_any_other_central_error_is_retried() -> None:
    w, repo, central = make()
    repo.add("A", attempts=1)
    central.failures["op-1"] = [CentralError("怪", code="CENTRAL_ODD")]
    assert w.drain() == DrainReport(retried=1, errors={"CENTRAL_ODD": 1})
    assert repo.calls[1] == ("retry", 1, "CENTRAL_ODD", T0 + delay(2), T0)
    assert w.line_state is LineState.DEGRADED


def test_a_message_the_client_cannot_send_is_dead_lettered(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, LOGGER)
    w, repo, central = make()
    repo.add("A", operation="applications.submit")
    repo.add("B")
    central.failures["op-1"] = [TypeError("set is not JSON serializable")]
    assert w.drain() == DrainReport(sent=1, dead=1, errors={"CLIENT_CANNOT_SEND": 1})
    assert repo.calls[:3] == [("next_batch", T0, 100), ("dead", 1, "CLIENT_CANNOT_SEND", T0),
                              ("done", 2, {"ok": "op-2"}, T0)]
    assert central.calls[0] == ("execute", "applications.submit", {"n": 1}, "op-1")
    assert sync_logs(caplog)[:2] == [
        (logging.ERROR, "outbox message 1 (applications.submit) cannot be sent: TypeError"),
        (logging.WARNING,
         "outbox message 1 (applications.submit) dead-lettered: CLIENT_CANNOT_SEND")]


def test_a_message_the_client_cannot_send_is_progress_for_the_drain() -> None:
    w, repo, central = make(batch_size=1)
    repo.add("A")
    repo.add("B")
    central.failures["op-1"] = [ValueError("bad payload")]
    assert w.drain() == DrainReport(sent=1, dead=1, errors={"CLIENT_CANNOT_SEND": 1})
    assert [c[0] for c in repo.calls] == ["next_batch", "dead", "next_batch", "done",
                                          "next_batch", "set", "set"]
    assert w.line_state is LineState.ONLINE


def test_the_default_random_jitters_the_backoff_within_its_bounds() -> None:
    repo, central = Repo(), Central()
    repo.add("A")
    central.failures["op-1"] = [CentralServerError(503, "CENTRAL_UNAVAILABLE", "忙")]
    w = SyncWorker(repo, central, branch_code=BRANCH, clock=Clock())  # type: ignore[arg-type]
    w.drain()
    _, _, _, next_at, now = repo.calls[1]
    assert now == T0 and 1.6 <= (next_at - T0).total_seconds() <= 2.4


def test_a_new_worker_starts_unknown_with_the_default_policy() -> None:
    w = SyncWorker(Repo(), Central(), branch_code=BRANCH)  # type: ignore[arg-type]
    assert (w.line_state, w.latency_ms, w.clock_skew_s, w.policy, w.clock, w.branch_code) == (
        LineState.UNKNOWN, None, None, SyncPolicy(), utc_now, BRANCH)
    assert w.status().line_state is LineState.UNKNOWN
    assert w.pull() == 0  # the default sink takes the (empty) updates


# -- pull --------------------------------------------------------------------------------------

def item(seq: int) -> UpdateItem:
    return UpdateItem(seq, "APPLICATION_STATE", f"A{seq}", {"state": "MADE"})


def test_pull_follows_the_cursor_and_stores_config_and_times() -> None:
    sink = Sink()
    w, repo, central = make(sink=sink, clock=Clock(tick_s=1.0))
    repo.state[STATE_CURSOR] = "7"
    central.pages = {7: Updates((item(8), item(9)), 9), 9: Updates((item(10),), 10),
                     10: Updates((), 10)}
    assert w.pull() == 3
    assert central.calls == [("updates", BRANCH, 7), ("updates", BRANCH, 9),
                             ("updates", BRANCH, 10), ("branch_config", BRANCH)]
    assert sink.batches == [[item(8), item(9)], [item(10)]]
    assert repo.calls == [("set", STATE_CURSOR, "9"), ("set", STATE_CURSOR, "10"),
                          ("set", STATE_BRANCH_CONFIG, json.dumps({
                              "branch_code": BRANCH, "replacement_fee_fen": 2000,
                              "temp_loss_valid_days": 7, "social_pin_retries": 6,
                              "bank_pin_retries_per_day": 3, "card_validity_years": 10,
                              "uncollected_keep_months": 12, "photo_max_kb": 60,
                              "min_version": None})),
                          ("set", STATE_LAST_PULL, T0.isoformat()),
                          ("set", STATE_LAST_SUCCESS, T0.isoformat())]


def test_pull_from_no_cursor_stops_when_the_cursor_stays_or_nothing_comes() -> None:
    sink = Sink()
    w, repo, central = make(sink=sink)
    central.pages = {0: Updates((item(1),), 0)}  # items but the cursor does not move
    assert w.pull() == 1
    assert central.calls[0] == ("updates", BRANCH, 0) and len(central.calls) == 2
    assert STATE_CURSOR not in repo.state
    central.calls.clear()
    central.pages = {0: Updates((), 5)}  # nothing, whatever the cursor says
    assert w.pull() == 0
    assert central.calls == [("updates", BRANCH, 0), ("branch_config", BRANCH)]
    assert STATE_CURSOR not in repo.state and sink.batches == [[item(1)]]


@pytest.mark.parametrize(("error", "state"), [(LineDownError(), LineState.OFFLINE),
                                              (CentralTimeoutError(), LineState.OFFLINE),
                                              (CentralTlsError(), LineState.OFFLINE),
                                              (CentralConfigError(), LineState.PAUSED)])
@pytest.mark.parametrize("where", ["updates_error", "config_error"])
def test_a_line_failure_in_pull_sets_the_line_and_the_error_then_raises(
        error: CentralError, state: LineState, where: str) -> None:
    w, repo, central = make()
    w.line_state = LineState.ONLINE
    setattr(central, where, error)
    with pytest.raises(type(error)) as e:
        w.pull()
    assert e.value is error
    assert w.line_state is state
    assert repo.calls == [("set", STATE_LAST_ERROR, error.code)]


def test_another_pull_failure_propagates_untouched() -> None:
    w, repo, central = make()
    w.line_state = LineState.ONLINE
    central.updates_error = BadResponseError()
    with pytest.raises(BadResponseError):
        w.pull()
    assert w.line_state is LineState.ONLINE and repo.calls == []


# -- probe, status, admit ------------------------------------------------------------------------

def test_probe_judges_the_line_by_latency_and_keeps_the_last_clock_skew() -> None:
    w, repo, central = make(slow_ms=1500.0)
    central.health = [online(1500.0, skew_s=30.0), online(1500.5), down(), online(3.0, -2.0)]
    assert w.probe() is LineState.ONLINE
    assert (w.latency_ms, w.clock_skew_s) == (1500.0, 30.0)
    assert w.probe() is LineState.DEGRADED
    assert (w.latency_ms, w.clock_skew_s) == (1500.5, None)
    w.clock_skew_s = 30.0
    assert w.probe() is LineState.OFFLINE
    assert (w.latency_ms, w.clock_skew_s) == (None, 30.0)
    assert w.probe() is LineState.ONLINE
    assert (w.latency_ms, w.clock_skew_s) == (3.0, -2.0)
    assert repo.calls == []


def test_probe_pauses_on_a_configuration_error_and_says_why() -> None:
    w, repo, central = make()
    central.health = [down("CENTRAL_CONFIG_ERROR")]
    assert w.probe() is LineState.PAUSED
    assert w.latency_ms is None and w.line_state is LineState.PAUSED
    assert repo.calls == [("set", STATE_LAST_ERROR, "CENTRAL_CONFIG_ERROR")]


def test_probe_of_a_result_without_an_error_code_is_offline() -> None:
    w, repo, central = make()
    central.health = [SimpleNamespace(online=False, latency_ms=1.0)]
    assert w.probe() is LineState.OFFLINE
    assert repo.calls == []


def test_status_reads_the_outbox_and_the_stored_times() -> None:
    w, repo, _ = make()
    repo.counts = OutboxCounts(pending=4, dead=2, oldest_unsent_at=T0 - dt.timedelta(seconds=90))
    repo.state.update({STATE_LAST_SUCCESS: "2026-03-02T08:00:00",
                       STATE_LAST_PULL: "2026-03-02T16:30:00+08:00",
                       STATE_LAST_ERROR: "CENTRAL_TIMEOUT", AUDIT_BREAK_STATE: ""})
    w.line_state, w.latency_ms, w.clock_skew_s = LineState.DEGRADED, 1600.0, 12.0
    s = w.status()
    assert s == SyncStatus(
        line_state=LineState.DEGRADED, latency_ms=1600.0, outbox_depth=4, dead_letters=2,
        oldest_unsent_age_s=90.0, last_success_at=dt.datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        last_pull_at=dt.datetime(2026, 3, 2, 8, 30, tzinfo=UTC), last_error_code="CENTRAL_TIMEOUT",
        checked_at=T0, clock_skew_s=12.0, audit_break=True, session_open=None)
    assert s.last_success_at is not None and s.last_success_at.tzinfo is UTC
    assert s.last_pull_at is not None and s.last_pull_at.utcoffset() == dt.timedelta(hours=8)


def test_status_of_a_fresh_outbox_has_no_times_no_error_and_no_break() -> None:
    w, repo, _ = make()
    repo.state[STATE_LAST_ERROR] = ""
    s = w.status()
    assert (s.oldest_unsent_age_s, s.last_success_at, s.last_pull_at, s.last_error_code,
            s.audit_break, s.outbox_depth, s.dead_letters) == (None, None, None, None, False, 0, 0)


def test_admit_judges_the_worker_status_at_the_worker_clock() -> None:
    w, repo, _ = make(clock=Clock(T0))
    repo.state[STATE_LAST_SUCCESS] = (T0 - dt.timedelta(hours=19)).isoformat()
    assert w.admit("data_change", LIMITS, free_disk_mb=1000.0) is CentralNeed.DEFERRABLE
    with pytest.raises(NewWorkRefused) as e:
        w.admit("data_change", LIMITS, free_disk_mb=299.0)
    assert e.value.code == "LOW_DISK"
    repo.state[STATE_LAST_SUCCESS] = (T0 - dt.timedelta(hours=21)).isoformat()
    with pytest.raises(NewWorkRefused) as e:
        w.admit("data_change", LIMITS, free_disk_mb=1000.0)
    assert e.value.message_zh == (
        "本柜台与中心系统已 21.0 小时未同步（上限 20 小时），暂停受理新的暂存业务，请先完成同步。")
    assert w.admit("pin_reset", LIMITS, free_disk_mb=1000.0) is CentralNeed.NOW
    w.line_state = LineState.OFFLINE
    with pytest.raises(NewWorkRefused) as e:
        w.admit("pin_reset", LIMITS, free_disk_mb=1000.0)
    assert e.value.code == "CENTRAL_REQUIRED_OFFLINE"
    repo.state[AUDIT_BREAK_STATE] = "1"
    with pytest.raises(NewWorkRefused) as e:
        w.admit("certificate_verify", LIMITS, free_disk_mb=1000.0)
    assert e.value.code == "AUDIT_CHAIN_BROKEN"


# -- cycle ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("health", "code", "state"),
                         [(down(), "CENTRAL_LINE_DOWN", LineState.OFFLINE),
                          (down("CENTRAL_CONFIG_ERROR"), "CENTRAL_CONFIG_ERROR", LineState.PAUSED)])
def test_a_cycle_without_a_line_neither_drains_nor_pulls(health: HealthResult, code: str,
                                                         state: LineState) -> None:
    w, repo, central = make()
    repo.add("A")
    central.health = [health]
    assert w.cycle() == DrainReport(stopped_by=code)
    assert central.calls == [("probe",)] and w.line_state is state
    assert [c for c in repo.calls if c[0] != "set"] == []


def test_a_cycle_drains_then_pulls_when_never_pulled() -> None:
    w, repo, central = make()
    repo.add("A")
    assert w.cycle() == DrainReport(sent=1)
    assert [c[0] for c in central.calls] == ["probe", "execute", "updates", "branch_config"]
    assert repo.state[STATE_LAST_PULL] == T0.isoformat()


@pytest.mark.parametrize(("ago_s", "pulls"), [(60.0, True), (59.999, False)])
def test_a_cycle_pulls_once_the_interval_is_over(ago_s: float, pulls: bool) -> None:
    w, repo, central = make(pull_interval_s=60.0)
    repo.state[STATE_LAST_PULL] = (T0 - dt.timedelta(seconds=ago_s)).isoformat()
    assert w.cycle() == DrainReport()
    assert [c[0] for c in central.calls] == (["probe", "updates", "branch_config"] if pulls
                                             else ["probe"])


@pytest.mark.parametrize("error", [LineDownError(), CentralConfigError()])
def test_a_cycle_whose_drain_lost_the_line_does_not_pull(error: CentralError) -> None:
    w, repo, central = make()
    repo.add("A")
    central.failures["op-1"] = [error]
    assert w.cycle().stopped_by == error.code
    assert [c[0] for c in central.calls] == ["probe", "execute"]


def test_a_failed_pull_is_logged_and_the_cycle_reports_its_drain(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, LOGGER)
    w, repo, central = make()
    repo.add("A")
    w.line_state = LineState.ONLINE
    central.updates_error = BadResponseError()
    assert w.cycle() == DrainReport(sent=1)
    assert sync_logs(caplog) == [(logging.INFO, "pull failed: CENTRAL_BAD_RESPONSE")]
    central.updates_error = LineDownError()
    assert w.cycle() == DrainReport()
    assert sync_logs(caplog)[1:] == [(logging.INFO, "central line: online -> offline"),
                                     (logging.INFO, "pull failed: CENTRAL_LINE_DOWN")]


# -- the background loop --------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordingPolicy(SyncPolicy):
    """Records each wait the loop asks for and answers ``wait_s``."""

    wait_s: float = 600.0
    waits: list[tuple[float, Any, int]] = field(default_factory=list, compare=False)
    changed: threading.Condition = field(default_factory=threading.Condition, compare=False)

    def next_cycle_in(self, elapsed_s: float, rng: random.Random,
                      offline_cycles: int = 0) -> float:
        with self.changed:
            self.waits.append((elapsed_s, rng, offline_cycles))
            self.changed.notify_all()
        return self.wait_s

    def wait_for(self, n: int) -> list[tuple[float, Any, int]]:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.waits) >= n, timeout=20)
            return list(self.waits)


def test_the_loop_counts_failed_cycles_in_a_row_for_its_wait() -> None:
    policy = RecordingPolicy(wait_s=0.0)
    w, _, central = make(policy=policy)
    central.health = [down(), down(), down(), online(), down("CENTRAL_CONFIG_ERROR"), down(),
                      online()]
    w.start()
    try:
        waits = policy.wait_for(7)
    finally:
        w.stop()
    assert [o for _, _, o in waits[:7]] == [1, 2, 3, 0, 0, 1, 0]
    assert all(rng is w.rng for _, rng, _ in waits)
    assert all(0.0 <= elapsed < 10.0 for elapsed, _, _ in waits)


def test_a_failing_cycle_is_logged_and_the_loop_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, LOGGER)
    policy = RecordingPolicy(wait_s=0.0)
    w, _, central = make(policy=policy)
    central.health = [RuntimeError("probe bug"), down(), online()]
    w.start()
    try:
        waits = policy.wait_for(3)
    finally:
        w.stop()
    assert [o for _, _, o in waits[:3]] == [0, 1, 0]
    failed = [r for r in caplog.records if r.name == LOGGER and r.levelno == logging.ERROR]
    assert failed[0].getMessage() == "sync cycle failed"
    assert failed[0].exc_info is not None and isinstance(failed[0].exc_info[1], RuntimeError)


def test_start_runs_one_daemon_thread_wake_runs_a_cycle_and_stop_ends_it() -> None:
    policy = RecordingPolicy(wait_s=600.0)
    w, _, central = make(policy=policy)
    w.start()
    thread = w._thread
    assert thread is not None and thread.name == "outbox-sync" and thread.daemon
    w.start()
    assert w._thread is thread
    policy.wait_for(1)
    w.wake()
    policy.wait_for(2)
    started = time.monotonic()
    w.stop()
    assert time.monotonic() - started < 5.0
    assert not thread.is_alive() and w._thread is None
    assert len(policy.waits) == 2  # each wait cleared the wake-up it answered
    assert central.calls.count(("probe",)) == 2
    w.start()  # it starts again after a stop
    try:
        policy.wait_for(3)
    finally:
        w.stop()
    assert len(policy.waits) == 3
    w.stop()  # stopping a stopped worker is harmless
    assert w._thread is None


def test_stop_waits_only_its_timeout_for_a_stuck_cycle() -> None:
    entered, release = threading.Event(), threading.Event()

    class StuckCentral(Central):
        def probe(self) -> HealthResult:
            entered.set()
            assert release.wait(20)
            return online()

    policy = RecordingPolicy(wait_s=600.0)
    w, _, _ = make(central=StuckCentral(), policy=policy)
    w.start()
    thread = w._thread
    assert thread is not None and entered.wait(20)
    stopper = threading.Thread(target=w.stop, kwargs={"timeout": 0.2})
    stopper.start()
    stopper.join(10)
    try:
        assert not stopper.is_alive()  # gave up after 0.2 s, the cycle still stuck
        assert thread.is_alive() and w._thread is None
    finally:
        release.set()
        stopper.join(20)
    thread.join(20)
    assert not thread.is_alive() and len(policy.waits) == 1  # it saw the stop and ended
