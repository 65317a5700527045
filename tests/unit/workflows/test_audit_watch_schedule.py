"""The tamper watch's own schedule (workflows/audit_watch.py), against an in-memory ledger and a
fake central port: a report every ``interval_s``, ``retry_s`` after a line down, and one last
bounded round when it is stopped at shutdown."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from counter_app.central.errors import CentralRefusal, LineDownError
from counter_app.workflows.audit_watch import AuditWatch


@dataclass(frozen=True)
class Head:
    seq: int
    mac: str


@dataclass(frozen=True)
class Result:
    ok: bool
    head: Head | None
    first_bad_seq: int | None = None
    problem: str = ""


def mac(seq: int) -> str:
    return f"{seq:064x}"


class Ledger:
    """A sound chain of ``seq`` entries; records which verification each round used."""

    def __init__(self, seq: int = 10) -> None:
        self.seq = seq
        self.walks: list[str] = []
        self.breaks: list[dict[str, Any]] = []
        self.found: Result | None = None  # what the next walk finds instead of a sound chain

    def _result(self, kind: str) -> Result:
        self.walks.append(kind)
        if self.found is not None:
            return self.found
        return Result(True, Head(self.seq, mac(self.seq)) if self.seq else None)

    def verify_at_start(self) -> Result:
        return self._result("checkpoint")

    def verify_full(self) -> Result:
        return self._result("full")

    def mac_at(self, seq: int) -> str | None:
        return mac(seq) if 1 <= seq <= self.seq else None

    def acknowledged_central_head(self) -> tuple[int, str] | None:
        return None

    def open_break(self) -> dict[str, Any] | None:
        return self.breaks[0] if self.breaks else None

    def record_break(self, info: dict[str, Any]) -> dict[str, Any]:
        self.breaks.append(info)
        return self.breaks[0]

    def acknowledge(self, supervisor: str, reason: str,
                    central_head: tuple[int, str] | None) -> tuple[int, str]:
        raise AssertionError("not used here")

    def pending_rebases(self) -> list[dict[str, Any]] | None:
        return []

    def rebase_delivered(self, seq: int) -> None:
        raise AssertionError("not used here")


@dataclass(frozen=True)
class HeadOut:
    seq: int
    head_sha256: str


class Central:
    """The central's audit calls: keeps the head, notes when each report arrived; ``down``
    answers line down, ``hang`` holds every call until released (a black-holed line)."""

    def __init__(self) -> None:
        self.head: HeadOut | None = None
        self.reports: list[tuple[float, int]] = []
        self.attempts: list[float] = []
        self.down = 0  # this many next calls fail with line down
        self.hang = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()

    def _call(self) -> None:
        if self.hang.is_set():
            self.release.wait(30)
            raise LineDownError()
        with self.lock:
            self.attempts.append(time.monotonic())
            if self.down:
                self.down -= 1
                raise LineDownError()

    def audit_head(self, branch_code: str, counter_id: str) -> HeadOut:
        self._call()
        if self.head is None:
            raise CentralRefusal(404, "AUDIT_HEAD_UNKNOWN", "无")
        return self.head

    def report_audit_head(self, branch_code: str, counter_id: str, *, seq: int,
                          head_sha256: str, idempotency_key: str) -> HeadOut:
        self._call()
        self.head = HeadOut(seq, head_sha256)
        with self.lock:
            self.reports.append((time.monotonic(), seq))
        return self.head

    def rebase_audit_head(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("not used here")


@pytest.fixture
def made() -> Iterator[Callable[..., tuple[AuditWatch, Ledger, Central]]]:
    watches: list[AuditWatch] = []

    def make(interval_s: float, retry_s: float = 60.0, seq: int = 10
             ) -> tuple[AuditWatch, Ledger, Central]:
        ledger, central = Ledger(seq), Central()
        watch = AuditWatch(ledger, lambda: central, branch_code="ICBC-NB-0101", counter_id="C01",
                           interval_s=interval_s, retry_s=retry_s)
        watches.append(watch)
        return watch, ledger, central

    yield make
    for watch in watches:
        watch.stop(1.0, final_round=False)


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


def test_it_reports_every_interval(made: Callable[..., tuple[AuditWatch, Ledger, Central]]) -> None:
    watch, ledger, central = made(interval_s=0.2)
    watch.start()
    wait_for(lambda: len(central.reports) >= 1)
    ledger.seq = 11  # new entries: the next scheduled round reports them, unasked
    wait_for(lambda: len(central.reports) >= 2)
    ledger.seq = 12
    wait_for(lambda: len(central.reports) >= 3)
    times = [at for at, _ in central.reports]
    assert [seq for _, seq in central.reports[:3]] == [10, 11, 12]
    # paced by the interval, not a busy loop (Event.wait never returns early on its own)
    assert all(b - a >= 0.19 for a, b in itertools.pairwise(times))
    assert set(ledger.walks) == {"full"}  # the scheduled rounds walk the whole chain


def test_an_unchanged_chain_is_not_reported_again(
        made: Callable[..., tuple[AuditWatch, Ledger, Central]]) -> None:
    watch, ledger, central = made(interval_s=0.1)
    watch.start()
    wait_for(lambda: len(central.attempts) >= 6)  # three rounds: get + report, get, get
    assert [seq for _, seq in central.reports] == [10]
    assert watch.last_round is not None and watch.last_round.outcome == "up_to_date"


def test_after_a_line_down_it_waits_retry_s_then_reports(
        made: Callable[..., tuple[AuditWatch, Ledger, Central]]) -> None:
    watch, _, central = made(interval_s=600.0, retry_s=0.3)
    central.down = 1  # the first round's first call
    watch.start()
    wait_for(lambda: len(central.reports) >= 1)
    failed_at = central.attempts[0]
    reported_at = central.reports[0][0]
    # retried after retry_s (0.3 s), not after the 10-minute interval
    assert 0.29 <= reported_at - failed_at < 30, reported_at - failed_at
    assert len(central.attempts) == 3  # the failed GET, then GET + report


def test_stopping_a_running_watch_reports_what_was_written_since(
        made: Callable[..., tuple[AuditWatch, Ledger, Central]]) -> None:
    watch, ledger, central = made(interval_s=3600.0)
    watch.start()
    wait_for(lambda: len(central.reports) == 1)
    ledger.seq = 14  # the day's last sign-out, written after the last scheduled report
    ledger.walks.clear()
    watch.stop()
    assert [seq for _, seq in central.reports] == [10, 14]
    assert ledger.walks == ["checkpoint"]  # quick: from the checkpoint, not the full walk
    assert watch.last_round is not None and watch.last_round.outcome == "reported"


def test_stopping_on_a_dead_line_does_not_hold_up_the_exit(
        made: Callable[..., tuple[AuditWatch, Ledger, Central]]) -> None:
    watch, ledger, central = made(interval_s=3600.0)
    watch.start()
    wait_for(lambda: len(central.reports) == 1)
    central.hang.set()  # every call now hangs (a black-holed line)
    ledger.seq = 12
    started = time.monotonic()
    watch.stop(0.5)
    assert time.monotonic() - started < 5.0
    central.release.set()
    assert [seq for _, seq in central.reports] == [10]


def test_stopping_with_the_line_down_ends_at_once(
        made: Callable[..., tuple[AuditWatch, Ledger, Central]]) -> None:
    watch, ledger, central = made(interval_s=3600.0)
    watch.start()
    wait_for(lambda: len(central.reports) == 1)
    central.down = 10
    ledger.seq = 12
    watch.stop()
    assert watch.last_round is not None and watch.last_round.outcome == "line_down"
    assert watch.alarm is None and ledger.breaks == []


def test_no_last_round_when_asked_or_never_started(
        made: Callable[..., tuple[AuditWatch, Ledger, Central]]) -> None:
    watch, ledger, central = made(interval_s=3600.0)
    watch.start()
    wait_for(lambda: len(central.reports) == 1)
    ledger.seq = 12
    watch.stop(final_round=False)
    assert [seq for _, seq in central.reports] == [10]
    idle, idle_ledger, idle_central = made(interval_s=3600.0)
    idle.stop()  # Services.close() of a counter whose sync never started
    assert idle_central.attempts == [] and idle_ledger.walks == []


def test_a_break_found_by_the_last_round_is_kept_for_the_next_start(
        made: Callable[..., tuple[AuditWatch, Ledger, Central]]) -> None:
    watch, ledger, central = made(interval_s=3600.0)
    watch.start()
    wait_for(lambda: len(central.reports) == 1)
    ledger.found = Result(False, None, 9, "末尾条目缺失")
    watch.stop()
    assert ledger.breaks and ledger.breaks[0]["source"] == "shutdown"
    assert [seq for _, seq in central.reports] == [10]  # a broken chain's head is not reported
