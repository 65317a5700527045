"""Branch statistics over a busy counter's year, in-process, against a baseline in the same run.

    .venv/bin/python bench/statistics_bench.py [--per-day 60] [--days 365] [--runs 3]

Seeds ``per-day`` finished businesses a day for ``days`` days as the counter records them
(audit entries ``business.completed`` in a real SQLite store with the data key), then times
the figures of the last 7 and 90 days (``StatisticsDesk.figures``: read, decrypt, count) and
the PDF of the 90 days, against the baseline of reading the same audit rows' raw columns
with no decryption. Goal: the 90-day page under 1 s on the counter PC.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy import text

from counter_app.domain.businesses import BUSINESS_KEYS
from counter_app.domain.statistics import BusinessDone
from counter_app.printing import BranchInfo
from counter_app.store.audit import append_audit
from counter_app.store.crypto import DataCipher
from counter_app.store.database import open_store
from counter_app.store.statistics import ACTION, SqlStatistics, _iso
from counter_app.workflows.statistics import StatisticsContext, StatisticsDesk

NOW = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)


def timed(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-day", type=int, default=60)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    store = open_store(folder / "counter.db", DataCipher(os.urandom(32)))
    started = time.perf_counter()
    import counter_app.store.audit as audit_module

    at = [NOW]
    # each entry written when its business finished (as at the counter), not all today
    setattr(audit_module, "utcnow", lambda: at[0].replace(tzinfo=None))  # noqa: B010
    with store.write() as s:  # one transaction: seeding is not what is measured
        for day in reversed(range(args.days)):
            for n in range(args.per_day):
                finished = NOW - dt.timedelta(days=day, minutes=7 * n)
                at[0] = finished
                done = BusinessDone(BUSINESS_KEYS[n % len(BUSINESS_KEYS)], "T0301",
                                    finished - dt.timedelta(seconds=300 + n), finished, 5.0 + n % 7)
                append_audit(s, store.cipher, done.teller, ACTION, business=done.business,
                             started_at=_iso(done.started_at), finished_at=_iso(done.finished_at),
                             software_ms=round(done.software_s * 1000),
                             counter_ms=round(done.counter_s * 1000))
    rows = args.per_day * args.days
    print(f"seeded {rows} businesses in {time.perf_counter() - started:.1f} s")
    desk = StatisticsDesk(StatisticsContext(
        BranchInfo("ICBC-NB-0101", "工商银行宁波鼓楼支行", "中国工商银行", True), "T0301",
        SqlStatistics(store), clock=lambda: NOW))

    def raw(days: int) -> Callable[[], object]:
        def read() -> object:
            with store.read() as s:
                return s.execute(text("SELECT actor, detail FROM audit_log WHERE action = :a "
                                      "AND at >= :since"),
                                 {"a": ACTION, "since": (NOW - dt.timedelta(days=days + 1))
                                  .replace(tzinfo=None).isoformat()}).all()
        return read

    for days in (7, 90):
        base = timed(raw(days), args.runs)
        page = timed(partial(desk.figures, days), args.runs)
        n = desk.figures(days).total
        print(f"{days:>3} days ({n} businesses): figures {page * 1000:.0f} ms, raw rows "
              f"{base * 1000:.0f} ms, ratio {page / base:.1f}x")
    figures = desk.figures(90)
    pdf = timed(lambda: desk.pdf(figures), args.runs)
    print(f" 90 days PDF: {pdf * 1000:.0f} ms")
    store.close()


if __name__ == "__main__":
    main()
