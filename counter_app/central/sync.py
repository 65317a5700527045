"""Outbox sync: send queued operations to the central, pull its updates, judge the line.

- A business transaction writes its outbox message(s) in the same local transaction
  (``counter_app.store.outbox_repo.add_outbox_message``). This worker sends them with the
  message's ``op_id`` as Idempotency-Key, in order per person (``ordering_key``): only the
  oldest unsent message of a person is eligible, so a person's operations never overtake
  each other, while other people's operations go on.
- A message is marked done only on the central's acknowledgement (2xx, or the stored result
  of a replay). A crash before that simply resends it with the same key: the central
  answers with the stored result, nothing is doubled.
- Transient failures (line down, timeout, 5xx, "in progress", "batch locked") are retried
  with exponential backoff and jitter, forever: nothing is dropped because the line was down.
- Permanent failures (the central's 4xx refusals, an operation the client cannot map,
  repeated unreadable answers) go to the dead-letter list, visible to a supervisor, who
  decides ``retry`` or ``discard``. Nothing is ever deleted. An unresolved dead letter holds
  back only the later messages of the SAME person (their order matters); everyone else's
  messages keep flowing.
- A local configuration problem (the CA, client certificate or key file missing, unreadable or
  not TLS material: ``CentralConfigError``) pauses sending: line state ``paused``, the code
  kept as the last error, no message touched — none is at fault, and the queue resumes by
  itself once the file is fixed.
- Line state: online / degraded (slow or the central failing) / offline / paused.
- Staleness rules refuse new deferrable work beyond configured limits, each with its own code
  and message; work that needs the central now is refused while offline.

No Qt, no SQLAlchemy: the outbox is reached through :class:`OutboxRepository`.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from counter_app.central.api import CentralApi, UpdateItem
from counter_app.central.errors import (
    LINE_ERRORS,
    BadResponseError,
    CentralConfigError,
    CentralError,
    CentralRefusal,
    LineDownError,
)
from counter_app.domain.businesses import CentralNeed as CentralNeed  # explicit re-export
from counter_app.domain.businesses import central_need as central_need
from counter_app.domain.businesses import needs_session
from counter_app.domain.errors import CounterError
from counter_app.domain.offline import StalenessLimits as StalenessLimits  # explicit re-export
from counter_app.domain.texts import QT_TR_NOOP, zh

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# What each business needs from the central is declared once, in domain.businesses;
# CentralNeed and central_need are re-exported here for the callers of check_new_work.


class LineState(enum.StrEnum):
    ONLINE = "online"
    DEGRADED = "degraded"
    OFFLINE = "offline"
    PAUSED = "paused"  # this counter's own TLS configuration is unusable: sending paused
    UNKNOWN = "unknown"


LINE_STATE_ZH = {LineState.ONLINE: QT_TR_NOOP("在线"), LineState.DEGRADED: QT_TR_NOOP("线路不稳定"),
                 LineState.OFFLINE: QT_TR_NOOP("离线"),
                 LineState.PAUSED: QT_TR_NOOP("暂停发送（本机证书配置有误）"),
                 LineState.UNKNOWN: QT_TR_NOOP("未知")}


# -- the outbox port --------------------------------------------------------------------------

class OutboxItem(Protocol):
    """One queued operation (the store's ``OutboxRecord`` has exactly these fields)."""

    @property
    def id(self) -> int: ...
    @property
    def op_id(self) -> str: ...  # the Idempotency-Key
    @property
    def operation(self) -> str: ...  # e.g. "applications.submit" (see client.OPERATIONS)
    @property
    def ordering_key(self) -> str: ...  # blind index of the person
    @property
    def payload(self) -> dict[str, Any]: ...
    @property
    def attempts(self) -> int: ...
    @property
    def created_at(self) -> dt.datetime: ...


class OutboxStats(Protocol):
    @property
    def pending(self) -> int: ...  # waiting to be sent (the outbox depth)
    @property
    def dead(self) -> int: ...  # dead letters awaiting a supervisor
    @property
    def oldest_unsent_at(self) -> dt.datetime | None: ...  # pending or dead


class DeadLetter(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def op_id(self) -> str: ...
    @property
    def operation(self) -> str: ...
    @property
    def reason(self) -> str: ...  # the central's code (no personal data)
    @property
    def attempts(self) -> int: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def last_attempt_at(self) -> dt.datetime | None: ...


class OutboxRepository(Protocol):
    def next_batch(self, now: dt.datetime, limit: int) -> Sequence[OutboxItem]:
        """Due messages that head their person's queue (at most one per ordering key),
        oldest first; a person whose oldest unsent message is a dead letter is skipped."""
        ...

    def mark_done(self, item_id: int, response: dict[str, Any], now: dt.datetime) -> None: ...
    def mark_retry(self, item_id: int, error_code: str, next_attempt_at: dt.datetime,
                   now: dt.datetime) -> None: ...
    def mark_dead(self, item_id: int, reason: str, now: dt.datetime) -> None: ...
    def stats(self) -> OutboxStats: ...
    def dead_letters(self) -> Sequence[DeadLetter]: ...
    def resolve_dead_letter(self, item_id: int, decision: str, supervisor: str,
                            now: dt.datetime) -> None: ...
    def get_state(self, key: str) -> str | None: ...
    def set_state(self, key: str, value: str) -> None: ...


class UpdateSink(Protocol):
    """Where pulled updates go (application states, batches, pre-loss notices, config)."""

    def apply(self, items: Sequence[UpdateItem]) -> None: ...


class _NoSink:
    def apply(self, items: Sequence[UpdateItem]) -> None:
        pass


# -- policy, status, reports -----------------------------------------------------------------

@dataclass(frozen=True)
class SyncPolicy:
    base_backoff_s: float = 2.0
    max_backoff_s: float = 300.0
    jitter: float = 0.2
    max_bad_responses: int = 10  # unreadable answers before a message is dead-lettered
    batch_size: int = 100
    slow_ms: float = 1500.0
    pull_interval_s: float = 60.0
    interval_s: float = 5.0
    #: each wait between cycles is interval_s × (1 ± interval_jitter): counters whose loops
    #: started together (a city's PCs rebooted by one power cut) drift apart instead of
    #: probing and draining in the same instant, cycle after cycle, when the line returns
    interval_jitter: float = 0.5
    #: while the line is down, the wait before the next probe doubles after each failed
    #: cycle up to interval_s × this (60 s by default): a city whose probes time out against
    #: an overloaded central stops opening ~600 new connections a second and lets it drain
    offline_max_factor: float = 12.0

    def next_cycle_in(self, elapsed_s: float, rng: random.Random,
                      offline_cycles: int = 0) -> float:
        """Seconds to wait after a cycle that took ``elapsed_s``; ``offline_cycles`` failed
        probes in a row stretch the interval (exponential backoff, capped), always jittered."""
        exponent = min(max(0, offline_cycles - 1), 30)
        interval = min(self.interval_s * self.offline_max_factor,
                       self.interval_s * 2.0**exponent)
        spread = self.interval_jitter * interval
        return max(0.0, interval + rng.uniform(-spread, spread) - elapsed_s)

    def backoff(self, attempts: int, rng: random.Random) -> float:
        exponent = min(max(0, attempts - 1), 30)  # no float overflow after a month offline
        base = min(self.max_backoff_s, self.base_backoff_s * 2.0**exponent)
        return base * (1 + rng.uniform(-self.jitter, self.jitter))


@dataclass(frozen=True)
class SyncStatus:
    line_state: LineState
    latency_ms: float | None
    outbox_depth: int
    dead_letters: int
    oldest_unsent_age_s: float | None
    last_success_at: dt.datetime | None
    last_pull_at: dt.datetime | None
    last_error_code: str | None
    checked_at: dt.datetime
    #: central time minus local time at the last probe; beyond ±5 min the local clock is
    #: suspect (timestamps later than the central's now + 5 min are flagged)
    clock_skew_s: float | None = None
    #: a break of this counter's audit chain awaits a supervisor: no new work of any kind
    audit_break: bool = False
    #: whether the signed-in teller has a work session (柜员会话) open today; None: not
    #: known to whoever built this status (a command, a test's own worker): not checked
    session_open: bool | None = None

    @property
    def clock_suspect(self) -> bool:
        return self.clock_skew_s is not None and abs(self.clock_skew_s) > MAX_CLOCK_SKEW_S

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["line_state"] = self.line_state.value
        d["clock_suspect"] = self.clock_suspect
        for k in ("last_success_at", "last_pull_at", "checked_at"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0
    dead: int = 0
    stopped_by: str | None = None  # error code that stopped the drain (line down ...)
    errors: dict[str, int] = field(default_factory=dict)


# -- staleness -----------------------------------------------------------------------------

class NewWorkRefused(CounterError):
    """New work refused by a line or staleness rule; each rule has its own code."""

    code = "NEW_WORK_REFUSED"


#: app_state key of a break of the audit chain not yet acknowledged (store.audit.BREAK_STATE;
#: this layer may not import the store, a test holds the two equal)
AUDIT_BREAK_STATE = "audit_break"
AUDIT_BROKEN_ZH = QT_TR_NOOP("本柜台的审计日志被发现遭篡改、删除或截断，业务已暂停，不能受理新业务。"
                   "请立即通知主管到场核实，主管确认后方可继续办理。")


SESSION_REQUIRED_ZH = QT_TR_NOOP("您尚未开始今日营业（没有已开启的柜员会话），不能办理此业务。"
                       "请在左侧菜单“柜员会话”中录入备用金后开始营业；"
                       "如有前一营业日未日终的会话，请先结束该会话或请主管强制结束。")


def check_audit(status: SyncStatus, business: str | None = None) -> None:
    """Raise :class:`NewWorkRefused` (AUDIT_CHAIN_BROKEN) while an audit break awaits a
    supervisor — whatever the business, online or not; then (SESSION_REQUIRED) when the
    business needs a work session and the signed-in teller has none open today."""
    if status.audit_break:
        raise NewWorkRefused(AUDIT_BROKEN_ZH, code="AUDIT_CHAIN_BROKEN")
    if status.session_open is False and needs_session(business):
        raise NewWorkRefused(SESSION_REQUIRED_ZH, code="SESSION_REQUIRED")


def check_new_work(business: str, status: SyncStatus, limits: StalenessLimits, *,
                   free_disk_mb: float, now: dt.datetime | None = None) -> CentralNeed:
    """Raise :class:`NewWorkRefused` when the business may not start now; else its need."""
    now = now or utc_now()
    need = central_need(business)
    check_audit(status, business)  # before anything else: the counter is stopped, not offline
    if free_disk_mb < limits.min_free_disk_mb:
        raise NewWorkRefused(
            zh("本机磁盘剩余空间不足（{free_disk_mb:.0f} MB，下限 {min_free_disk_mb} MB），"
               "请联系网点技术支持清理后再办理。", free_disk_mb=free_disk_mb,
               min_free_disk_mb=limits.min_free_disk_mb), code="LOW_DISK")
    if need is CentralNeed.NOW:
        if status.line_state in (LineState.OFFLINE, LineState.PAUSED):
            raise NewWorkRefused(
                QT_TR_NOOP("此业务需要实时连接中心系统，当前专线中断，请待线路恢复后办理，"
                           "或先办理可暂存的业务。"), code="CENTRAL_REQUIRED_OFFLINE")
        return need
    unsent = status.outbox_depth + status.dead_letters
    if status.oldest_unsent_age_s is not None and (
            status.oldest_unsent_age_s > limits.max_oldest_unsent_hours * 3600):
        hours = status.oldest_unsent_age_s / 3600
        raise NewWorkRefused(
            zh("最早一笔待上传业务已积压 {hours:.1f} 小时（上限 {max_oldest_unsent_hours:g} 小时），"
               "暂停受理新的暂存业务，请先恢复与中心的同步或请主管处理异常件。", hours=hours,
               max_oldest_unsent_hours=limits.max_oldest_unsent_hours),
            code="STALE_OLDEST_UNSENT")
    if unsent >= limits.max_unsent_count:
        raise NewWorkRefused(
            zh("待上传业务已达 {unsent} 笔（上限 {max_unsent_count} 笔），"
               "暂停受理新的暂存业务，请先完成同步。", unsent=unsent,
               max_unsent_count=limits.max_unsent_count), code="STALE_TOO_MANY_UNSENT")
    last = status.last_success_at
    if last is None or (now - last).total_seconds() > limits.max_since_last_sync_hours * 3600:
        since = QT_TR_NOOP("从未同步") if last is None else \
            zh("已 {hours:.1f} 小时未同步", hours=(now - last).total_seconds() / 3600)
        raise NewWorkRefused(
            zh("本柜台与中心系统{since}（上限 {max_since_last_sync_hours:g} 小时），"
               "暂停受理新的暂存业务，请先完成同步。", since=since,
               max_since_last_sync_hours=limits.max_since_last_sync_hours),
            code="STALE_NO_RECENT_SYNC")
    return need


# -- the worker -------------------------------------------------------------------------------

MAX_CLOCK_SKEW_S = 300.0
STATE_LAST_SUCCESS = "sync.last_success_at"
STATE_LAST_PULL = "sync.last_pull_at"
STATE_CURSOR = "sync.updates_cursor"
STATE_LAST_ERROR = "sync.last_error_code"
STATE_BRANCH_CONFIG = "sync.branch_config"


class SyncWorker:
    def __init__(
        self,
        repo: OutboxRepository,
        central: CentralApi,
        *,
        branch_code: str,
        policy: SyncPolicy | None = None,
        clock: Clock = utc_now,
        sink: UpdateSink | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.repo = repo
        self.central = central
        self.branch_code = branch_code
        self.policy = policy or SyncPolicy()
        self.clock = clock
        self.sink = sink or _NoSink()
        self.rng = rng or random.Random()
        self.line_state = LineState.UNKNOWN
        self.latency_ms: float | None = None
        self.clock_skew_s: float | None = None
        self._lock = threading.Lock()  # one drain at a time (timer thread vs "sync now")
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()

    # -- sending ----------------------------------------------------------------------------
    def drain(self, max_items: int | None = None) -> DrainReport:
        """Send due messages until none is due, the line drops, or ``max_items`` were tried."""
        report = DrainReport()
        with self._lock:
            tried = 0
            reachable = False
            degraded = False
            while max_items is None or tried < max_items:
                now = self.clock()
                limit = self.policy.batch_size
                if max_items is not None:
                    limit = min(limit, max_items - tried)
                batch = self.repo.next_batch(now, limit)
                if not batch:
                    break
                progressed = False
                for item in batch:
                    tried += 1
                    outcome = self._send(item, report)
                    if outcome == "paused":
                        self._set_line(LineState.PAUSED)
                        self._finish(report, reachable=False)
                        return report
                    if outcome == "line":
                        self._set_line(LineState.OFFLINE)
                        self._finish(report, reachable=False)
                        return report
                    reachable = True
                    degraded = degraded or outcome == "transient"
                    progressed = progressed or outcome in ("done", "dead")
                if not progressed:
                    break  # everything due failed transiently: wait for the backoff
            if reachable:
                self._set_line(LineState.DEGRADED if degraded else LineState.ONLINE)
            self._finish(report, reachable=reachable)
        return report

    def _send(self, item: OutboxItem, report: DrainReport) -> str:
        now = self.clock()
        try:
            response = self.central.execute(item.operation, item.payload,
                                            idempotency_key=item.op_id)
        except CentralConfigError as exc:
            # not this message's fault and nothing was sent: leave it untouched (no attempt
            # counted, no backoff) so it goes as soon as the configuration is fixed
            report.stopped_by = exc.code
            report.errors[exc.code] = report.errors.get(exc.code, 0) + 1
            log.warning("outbox paused: %s", exc.code)
            return "paused"
        except LINE_ERRORS as exc:
            self._retry(item, exc.code, report, now)
            report.stopped_by = exc.code
            return "line"
        except BadResponseError as exc:
            if item.attempts + 1 >= self.policy.max_bad_responses:
                self._dead(item, exc.code, report, now)
                return "dead"
            self._retry(item, exc.code, report, now)
            return "transient"
        except CentralRefusal as exc:
            if exc.retryable:
                self._retry(item, exc.code, report, now)
                return "transient"
            self._dead(item, exc.code, report, now)
            return "dead"
        except CentralError as exc:  # any other typed failure: retry later
            self._retry(item, exc.code, report, now)
            return "transient"
        except Exception as exc:  # a message the client cannot even send (a bug or bad
            # payload): dead-letter it so it cannot hold up everyone else's messages
            log.error("outbox message %s (%s) cannot be sent: %s", item.id, item.operation,
                      type(exc).__name__)
            self._dead(item, "CLIENT_CANNOT_SEND", report, now)
            return "dead"
        self.repo.mark_done(item.id, response, self.clock())
        report.sent += 1
        return "done"

    def _retry(self, item: OutboxItem, code: str, report: DrainReport, now: dt.datetime) -> None:
        delay = self.policy.backoff(item.attempts + 1, self.rng)
        self.repo.mark_retry(item.id, code, now + dt.timedelta(seconds=delay), now)
        report.retried += 1
        report.errors[code] = report.errors.get(code, 0) + 1

    def _dead(self, item: OutboxItem, code: str, report: DrainReport, now: dt.datetime) -> None:
        self.repo.mark_dead(item.id, code, now)
        report.dead += 1
        report.errors[code] = report.errors.get(code, 0) + 1
        log.warning("outbox message %s (%s) dead-lettered: %s", item.id, item.operation, code)

    def _finish(self, report: DrainReport, *, reachable: bool) -> None:
        if reachable:
            self.repo.set_state(STATE_LAST_SUCCESS, self.clock().isoformat())
        code = report.stopped_by or (next(iter(report.errors)) if report.errors else "")
        self.repo.set_state(STATE_LAST_ERROR, code)

    def _set_line(self, state: LineState) -> None:
        if state is not self.line_state:
            log.info("central line: %s -> %s", self.line_state.value, state.value)
        self.line_state = state

    # -- pulling ------------------------------------------------------------------------------
    def pull(self) -> int:
        """Fetch updates since the stored cursor and the branch configuration."""
        try:
            cursor = int(self.repo.get_state(STATE_CURSOR) or 0)
            total = 0
            while True:
                updates = self.central.updates(self.branch_code, since=cursor)
                if updates.items:
                    self.sink.apply(updates.items)
                    total += len(updates.items)
                if updates.next_since == cursor or not updates.items:
                    break
                cursor = updates.next_since
                self.repo.set_state(STATE_CURSOR, str(cursor))
            config = self.central.branch_config(self.branch_code)
            self.repo.set_state(STATE_BRANCH_CONFIG, json.dumps(asdict(config)))
        except LINE_ERRORS as exc:
            self._set_line(LineState.PAUSED if isinstance(exc, CentralConfigError)
                           else LineState.OFFLINE)
            self.repo.set_state(STATE_LAST_ERROR, exc.code)
            raise
        now = self.clock().isoformat()
        self.repo.set_state(STATE_LAST_PULL, now)
        self.repo.set_state(STATE_LAST_SUCCESS, now)
        return total

    # -- probing and status ---------------------------------------------------------------------
    def probe(self) -> LineState:
        result = self.central.probe()
        self.latency_ms = result.latency_ms if result.online else None
        if result.online:
            self.clock_skew_s = result.clock_skew_seconds
        if not result.online and getattr(result, "error_code", None) == CentralConfigError.code:
            self._set_line(LineState.PAUSED)
            self.repo.set_state(STATE_LAST_ERROR, CentralConfigError.code)  # say why it waits
        elif not result.online:
            self._set_line(LineState.OFFLINE)
        elif result.latency_ms > self.policy.slow_ms:
            self._set_line(LineState.DEGRADED)
        else:
            self._set_line(LineState.ONLINE)
        return self.line_state

    def status(self) -> SyncStatus:
        now = self.clock()
        stats = self.repo.stats()
        oldest = stats.oldest_unsent_at
        return SyncStatus(
            line_state=self.line_state,
            latency_ms=self.latency_ms,
            outbox_depth=stats.pending,
            dead_letters=stats.dead,
            oldest_unsent_age_s=(now - oldest).total_seconds() if oldest else None,
            last_success_at=_parse(self.repo.get_state(STATE_LAST_SUCCESS)),
            last_pull_at=_parse(self.repo.get_state(STATE_LAST_PULL)),
            last_error_code=self.repo.get_state(STATE_LAST_ERROR) or None,
            checked_at=now,
            clock_skew_s=self.clock_skew_s,
            audit_break=self.repo.get_state(AUDIT_BREAK_STATE) is not None,
        )

    def admit(self, business: str, limits: StalenessLimits, *,
              free_disk_mb: float) -> CentralNeed:
        """May ``business`` start now? Raises :class:`NewWorkRefused` with the rule's code."""
        return check_new_work(business, self.status(), limits, free_disk_mb=free_disk_mb,
                              now=self.clock())

    # -- background loop ------------------------------------------------------------------------
    def cycle(self) -> DrainReport:
        """One scheduled cycle: probe, drain, pull when due. Never raises for line trouble."""
        state = self.probe()
        if state is LineState.PAUSED:
            return DrainReport(stopped_by=CentralConfigError.code)
        if state is LineState.OFFLINE:
            return DrainReport(stopped_by=LineDownError.code)
        report = self.drain()
        last_pull = _parse(self.repo.get_state(STATE_LAST_PULL))
        due = last_pull is None or (
            self.clock() - last_pull).total_seconds() >= self.policy.pull_interval_s
        if due and self.line_state not in (LineState.OFFLINE, LineState.PAUSED):
            try:
                self.pull()
            except CentralError as exc:
                log.info("pull failed: %s", exc.code)
        return report

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-sync", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Run a cycle now (after a business wrote to the outbox, or "sync now")."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        offline = 0  # failed cycles in a row (line down or central not answering)
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                self.cycle()
            except Exception:  # keep the worker alive; the next cycle retries
                log.exception("sync cycle failed")
            offline = offline + 1 if self.line_state is LineState.OFFLINE else 0
            self._wake.wait(self.policy.next_cycle_in(time.monotonic() - started, self.rng,
                                                      offline))
            self._wake.clear()


def _parse(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
