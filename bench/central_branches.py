"""Benchmark: 916 branches × 2 counters draining their outboxes at once against central_sim.

    .venv/bin/python bench/central_branches.py [--db URL] [--branches 916] [--counters 2]
        [--ops-per-counter 5] [--procs 4]

The central runs as a subprocess on 127.0.0.1 with PostgreSQL: a throwaway cluster
(bench/central_common.py; ``apt-get install postgresql``) or ``--db URL``. Each counter is a
thread with its own requests session, its own in-memory outbox and the real SyncWorker;
counters are spread over ``--procs`` client processes and all start together. Prints (never
asserts) throughput, latency percentiles per call, errors by code, and the central's
duplicate check. ``bench/central_city.py`` is the same crowd with real SQLite outboxes, the
sync loop, a line that comes back, and several central worker processes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from central_common import ThrowawayPostgres, counter_ids, percentile  # noqa: E402

from counter_app.central.client import HttpCentralClient, Timeouts  # noqa: E402
from counter_app.central.launcher import start_central_sim  # noqa: E402
from counter_app.central.sync import SyncPolicy, SyncWorker  # noqa: E402
from counter_app.store.outbox_repo import OutboxCounts, OutboxRecord  # noqa: E402


class MemoryOutbox:
    """One counter's outbox in memory (the bench measures the central, not SQLite)."""

    def __init__(self, items: list[OutboxRecord]) -> None:
        self.items = {i.id: i for i in items}
        self.status = dict.fromkeys(self.items, "pending")
        self.next_at = dict.fromkeys(self.items, dt.datetime.min.replace(tzinfo=dt.UTC))
        self.state: dict[str, str] = {}

    def next_batch(self, now: dt.datetime, limit: int) -> list[OutboxRecord]:
        heads: dict[str, OutboxRecord] = {}
        for i in sorted(self.items):
            if self.status[i] in ("pending", "dead"):
                heads.setdefault(self.items[i].ordering_key, self.items[i])
        return [r for r in heads.values()
                if self.status[r.id] == "pending" and self.next_at[r.id] <= now][:limit]

    def mark_done(self, item_id: int, response: dict, now: dt.datetime) -> None:
        self.status[item_id] = "done"

    def mark_retry(self, item_id: int, code: str, next_at: dt.datetime, now: dt.datetime) -> None:
        self.next_at[item_id] = next_at

    def mark_dead(self, item_id: int, reason: str, now: dt.datetime) -> None:
        self.status[item_id] = "dead"

    def stats(self) -> OutboxCounts:
        return OutboxCounts(pending=sum(s == "pending" for s in self.status.values()),
                            dead=sum(s == "dead" for s in self.status.values()),
                            oldest_unsent_at=None)

    def dead_letters(self) -> list:
        return []

    def resolve_dead_letter(self, *a: Any) -> None:
        raise NotImplementedError

    def get_state(self, key: str) -> str | None:
        return self.state.get(key)

    def set_state(self, key: str, value: str) -> None:
        self.state[key] = value


class TimedClient(HttpCentralClient):
    def __init__(self, *a: Any, **kw: Any) -> None:
        super().__init__(*a, **kw)
        self.latencies: list[float] = []
        self.errors: Counter[str] = Counter()

    def execute(self, operation: str, payload: dict, *, idempotency_key: str) -> dict:
        t = time.perf_counter()
        try:
            return super().execute(operation, payload, idempotency_key=idempotency_key)
        except Exception as exc:
            self.errors[getattr(exc, "code", type(exc).__name__)] += 1
            raise
        finally:
            self.latencies.append(time.perf_counter() - t)


def client_process(url: str, counters: list[tuple[int, str, str]], ops: int, start_at: float,
                   results: Any) -> None:
    from central_sim.seed import generated_id

    workers = []
    for n, branch, counter in counters:
        idn = generated_id(n % 3000)
        items = [OutboxRecord(id=k + 1, op_id=str(uuid.uuid4()), operation="persons.data_change",
                              ordering_key=idn, payload={
                                  "id_number": idn, "branch_code": branch, "client_seq": k + 1,
                                  "changes": {"phone": f"13{n:05d}{k:04d}"}},
                              attempts=0, created_at=dt.datetime.now(dt.UTC))
                 for k in range(ops)]
        client = TimedClient(url, timeouts=Timeouts(connect=10, read=60),
                             client_id=f"{branch}/{counter}", pool_size=1)
        repo = MemoryOutbox(items)
        workers.append((repo, client, SyncWorker(repo, client, branch_code=branch,
                                                 policy=SyncPolicy(base_backoff_s=0.2,
                                                                   max_backoff_s=2))))
    done_at: list[float] = []

    def run(repo: MemoryOutbox, worker: SyncWorker) -> None:
        time.sleep(max(0.0, start_at - time.time()))
        while repo.stats().pending:
            worker.drain()
            if repo.stats().pending:
                time.sleep(0.1)
        done_at.append(time.time())

    threads = [threading.Thread(target=run, args=(r, w), daemon=True) for r, _c, w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lat = [x for _r, c, _w in workers for x in c.latencies]
    errors: Counter[str] = Counter()
    for _r, c, _w in workers:
        errors.update(c.errors)
        c.close()
    done = sum(s == "done" for r, _c, _w in workers for s in r.status.values())
    results.put({"latencies": lat, "errors": dict(errors), "done": done,
                 "finished": max(done_at)})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", help="PostgreSQL URL (default: a throwaway cluster)")
    ap.add_argument("--branches", type=int, default=916)
    ap.add_argument("--counters", type=int, default=2)
    ap.add_argument("--ops-per-counter", type=int, default=5)
    ap.add_argument("--procs", type=int, default=4)
    args = ap.parse_args()
    ids = counter_ids(args.branches, args.counters)
    pg = None
    if args.db:
        db = args.db
    else:
        pg = ThrowawayPostgres().start()
        db = pg.create_database("central_bench")
    with tempfile.TemporaryDirectory() as tmp:
        central = start_central_sim(db, log_path=Path(tmp) / "central.log",
                                    startup_timeout=180)
        try:
            central.reset_data()
            ctx = mp.get_context("spawn")
            results = ctx.Queue()
            start_at = time.time() + 8 + len(ids) / 400  # time to build the sessions
            shares = [[(n, b, c) for n, (b, c) in enumerate(ids) if n % args.procs == p]
                      for p in range(args.procs)]
            procs = [ctx.Process(target=client_process,
                                 args=(central.url, s, args.ops_per_counter, start_at, results))
                     for s in shares]
            for p in procs:
                p.start()
            got = [results.get(timeout=3600) for _ in procs]
            for p in procs:
                p.join(60)
            effects = central.effects()
        finally:
            central.stop()
            if pg is not None:
                pg.stop()
    wall = max(g["finished"] for g in got) - start_at
    lat = sorted(x for g in got for x in g["latencies"])
    errors: Counter[str] = Counter()
    for g in got:
        errors.update(g["errors"])
    done = sum(g["done"] for g in got)
    total = len(ids) * args.ops_per_counter

    def pct(p: float) -> float:
        return percentile(lat, p) * 1000

    print(f"central database: {db.split('@')[-1]}; {args.branches} branches × "
          f"{args.counters} counters = {len(ids)} concurrent counters, "
          f"{args.ops_per_counter} ops each, {args.procs} client processes, all on 127.0.0.1")
    print(f"operations acknowledged: {done}/{total} in {wall:.1f} s → {done / wall:.1f} ops/s")
    print(f"calls: {len(lat)} (incl. retries); latency ms p50 {pct(0.5):.0f}  p95 {pct(0.95):.0f}"
          f"  p99 {pct(0.99):.0f}  max {lat[-1] * 1000:.0f}  mean "
          f"{statistics.fmean(lat) * 1000:.0f}")
    print(f"errors (retried by the worker): {dict(errors) or 'none'}")
    print(f"central effects: {effects['total']} for {effects['keys']} keys; duplicated: "
          f"{len(effects['duplicated'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
