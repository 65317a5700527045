"""Benchmark: the line comes back for a whole city — every counter's queue drains at once.

    .venv/bin/python bench/central_city.py [--counters 2970] [--ops 20] [--workers 4]
        [--baseline-workers 1] [--procs 8] [--down 10] [--db URL]

Short version (seconds): ``--counters 60 --ops 5``.

What runs, per phase (first ``--baseline-workers`` central processes, then ``--workers``,
each on a fresh database, in the same run so the ratio means something):

- the reference central (``python -m central_sim serve --workers N --branches B``) on
  PostgreSQL: a throwaway cluster this script creates (see ``bench/central_common.py``; needs
  ``apt-get install postgresql``, run as ``postgres``/``nobody`` when we are root) or
  ``--db URL`` (the database is dropped and re-seeded). ``B`` = ceil(counters / 2) outlets
  (1,485 for the full run, in the seed beyond its 916 demo outlets);
- ``--counters`` counters, two per outlet, spread over ``--procs`` client processes. Each
  counter is the real thing minus the screens: its own SQLite store (copied from one
  migrated template, then opened with ``open_store``; its own data key is the same for all),
  ``--ops`` ``persons.data_change`` messages queued with ``add_outbox_message`` in one local
  transaction, the real ``StoreOutboxRepository``, ``HttpCentralClient`` (its own session,
  ``X-Client-Id: BRANCH/Cnn`` — the central's verified identity on loopback) and
  ``SyncWorker`` with the default ``SyncPolicy`` running its own background loop
  (``start()``: probe, drain, pull every 5 s ± 50 %, jittered backoff), one thread per
  counter, all loops switched on in the same second (as after a city-wide power cut);
- the line is down while the queues are filled and for ``--down`` seconds after the loops
  start: each client's base URL points at a closed loopback port (connection refused, as
  after a router failure), so every counter is offline with 20 due messages. At T0 all
  clients are pointed at the central at once — the line is restored.

Measured: catch-up time (T0 to the last acknowledgement), acknowledgement latency p50/p99
(``acked_at`` in each outbox minus T0: every message was queued before T0, so the
reconnect moment is its start), HTTP answers per second the counters received (sends,
probes, pulls), and the retries. Checked, never asserted (the exit status is 1 when a check
fails): every outbox message ``done``, 0 dead letters, and in the central's database one
effect per Idempotency-Key — 0 duplicated, 0 missing.

Simplifications: the counters share one data key and one template store; no UI, no card
reader; the line failure is modelled by the client's base URL, not by the network; the
client processes run at nice 19 with a 50 ms GIL switch interval, because here the "PCs"
share two cores with the central (otherwise thousands of client threads starve it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import multiprocessing as mp
import os
import secrets
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from central_common import ThrowawayPostgres, counter_ids, percentile  # noqa: E402

from counter_app.central.launcher import free_port, start_central_sim  # noqa: E402

COUNTERS_PER_OUTLET = 2


# -- one client process: many counters, each a real outbox + client + worker ------------------

def kind(path: str) -> str:
    """What a request was for, from its path (no identifiers kept)."""
    if path.startswith("/health"):
        return "probe"
    if "/data-changes" in path:
        return "send"
    return "pull"


def client_process(share: list[tuple[int, str, str]], ops: int, key: bytes, template: str,
                   workdir: str, down_url: str, ready: Any, go: Any, results: Any,
                   timeout_s: float) -> None:
    # On the real city every counter is its own PC. Here ~370 counter threads per process
    # share 2 cores with the central and PostgreSQL: at nice 19 they get the CPU the server
    # leaves (CFS weighs threads, and thousands of runnable client threads starved the
    # workers), and a longer GIL switch interval stops them waking each other every 5 ms.
    os.nice(19)
    sys.setswitchinterval(0.05)
    from central_sim.seed import GENERATED_PEOPLE, generated_id
    from counter_app.central.client import HttpCentralClient
    from counter_app.central.sync import SyncPolicy, SyncWorker
    from counter_app.store.crypto import DataCipher
    from counter_app.store.database import open_store
    from counter_app.store.outbox_repo import StoreOutboxRepository, add_outbox_message

    cipher = DataCipher(key)
    settled = threading.Semaphore(0)  # one release per message done or dead
    answers: Counter[str] = Counter()

    class Outbox(StoreOutboxRepository):
        """The real outbox; counts settled messages so the process knows when to stop."""

        def mark_done(self, item_id: int, response: dict[str, Any], now: dt.datetime) -> None:
            super().mark_done(item_id, response, now)
            settled.release()

        def mark_dead(self, item_id: int, reason: str, now: dt.datetime) -> None:
            super().mark_dead(item_id, reason, now)
            settled.release()

    counters = []
    for n, branch, counter in share:
        path = Path(workdir) / f"{branch}-{counter}" / "counter.db"
        path.parent.mkdir(mode=0o700)
        shutil.copyfile(template, path)
        store = open_store(path, cipher)
        with store.write() as s:
            for k in range(ops):
                # each message a different person, so all of a counter's messages are due
                idn = generated_id((n * ops + k) % GENERATED_PEOPLE)
                add_outbox_message(s, "persons.data_change", cipher.blind_index(idn, "person"),
                                   {"id_number": idn, "branch_code": branch, "client_seq": k + 1,
                                    "changes": {"phone": f"13{n % 100000:05d}{k:04d}"}})
        client = HttpCentralClient(down_url, client_id=f"{branch}/{counter}", pool_size=1)
        client.session.hooks["response"].append(
            lambda r, *a, **kw: answers.update([f"{kind(r.request.path_url)} {r.status_code}"]))
        worker = SyncWorker(Outbox(store), client, branch_code=branch, policy=SyncPolicy())
        counters.append((store, client, worker))
    ready.put(len(counters))
    up_url, t0 = go.get()  # the central's URL and the moment the line returns
    for _store, _client, worker in counters:
        # all switched on in the same second (as after a city-wide power cut): spreading
        # the cycles is the sync loop's own job (SyncPolicy.interval_jitter)
        worker.start()
    time.sleep(max(0.0, t0 - time.time()))
    for _store, client, _worker in counters:
        client.base_url = up_url  # the line is restored
    deadline = time.monotonic() + timeout_s
    total = len(counters) * ops
    done = 0
    while done < total and time.monotonic() < deadline:
        if settled.acquire(timeout=1):
            done += 1
    for _store, _client, worker in counters:
        worker._stop.set()
        worker._wake.set()
    for store, client, worker in counters:
        worker.stop(timeout=30)
        client.close()
        store.close()
    results.put({"answers": dict(answers), "settled": done})


# -- one phase ---------------------------------------------------------------------------------

@dataclass
class Phase:
    workers: int
    catch_up_s: float = math.nan
    latencies: list[float] = field(default_factory=list)
    answers: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    outbox: Counter[str] = field(default_factory=Counter)
    attempts: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    effects: int = 0
    duplicated: int = 0
    missing: int = 0
    operations: int = 0
    prepare_s: float = 0.0

    @property
    def ok(self) -> bool:
        total = sum(self.outbox.values())
        return (self.outbox.get("done", 0) == total and not self.duplicated
                and not self.missing and self.effects == total)


def run_phase(db_url: str, workers: int, ids: list[tuple[str, str]], args: argparse.Namespace,
              template: Path, key: bytes, tmp: Path) -> Phase:
    phase = Phase(workers)
    outlets = max(916, math.ceil(len(ids) / COUNTERS_PER_OUTLET))
    pool = max(8, min(60, (args.max_connections - 20) // max(1, workers)))
    central = start_central_sim(
        db_url, production_step=0, log_path=tmp / f"central-w{workers}.log",
        startup_timeout=300,
        extra_args=["--workers", str(workers), "--branches", str(outlets), "--db-pool",
                    str(pool)])
    workdir = tmp / f"counters-w{workers}"
    workdir.mkdir()
    try:
        ctx = mp.get_context("spawn")
        ready, results = ctx.Queue(), ctx.Queue()
        gos = [ctx.Queue() for _ in range(args.procs)]
        down_url = f"http://127.0.0.1:{free_port()}"  # nothing listens there: line down
        shares = [[(n, b, c) for n, (b, c) in enumerate(ids) if n % args.procs == p]
                  for p in range(args.procs)]
        t = time.perf_counter()
        procs = [ctx.Process(target=client_process, args=(
            s, args.ops, key, str(template), str(workdir), down_url, ready, go, results,
            args.timeout)) for s, go in zip(shares, gos, strict=True)]
        for p in procs:
            p.start()
        try:
            collect(ready, procs, 1800)
            phase.prepare_s = time.perf_counter() - t
            t0 = time.time() + args.down
            for go in gos:
                go.put((central.url, t0))
            got = collect(results, procs, args.timeout + 300)
            for p in procs:
                p.join(60)
        finally:
            for p in procs:
                if p.is_alive():
                    p.terminate()
        for g in got:
            phase.statuses.update(g["answers"])
        phase.answers = sum(phase.statuses.values())
        op_ids = read_outboxes(workdir, t0, phase)
        check_central(db_url, op_ids, phase)
    finally:
        central.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return phase


def collect(queue: Any, procs: list[Any], timeout_s: float) -> list[Any]:
    """One message from each client process; fails fast when one of them died."""
    import queue as q

    got: list[Any] = []
    deadline = time.monotonic() + timeout_s
    while len(got) < len(procs):
        try:
            got.append(queue.get(timeout=1))
        except q.Empty:
            dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
            if dead or time.monotonic() > deadline:
                raise RuntimeError(f"client processes failed ({dead}) or timed out") from None
    return got


def read_outboxes(workdir: Path, t0: float, phase: Phase) -> list[str]:
    """Every counter's outbox, read directly: status, attempts, last error, ack time."""
    op_ids = []
    last = t0
    for db in sorted(workdir.glob("*/counter.db")):
        con = sqlite3.connect(db)
        for op_id, status, attempts, error, acked in con.execute(
                "SELECT op_id, status, attempts, last_error, acked_at FROM outbox"):
            op_ids.append(op_id)
            phase.outbox[status] += 1
            phase.attempts += attempts
            if error:
                phase.errors[error] += 1
            if acked:
                at = dt.datetime.fromisoformat(acked).replace(tzinfo=dt.UTC).timestamp()
                phase.latencies.append(at - t0)
                last = max(last, at)
        con.close()
    phase.latencies.sort()
    phase.catch_up_s = last - t0
    return op_ids


def check_central(db_url: str, op_ids: list[str], phase: Phase) -> None:
    """From the central's own database: one committed effect per Idempotency-Key."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    with engine.connect() as conn:
        counts = dict(conn.execute(text(
            "SELECT idempotency_key, count(*) FROM effects WHERE operation = 'DATA_CHANGE' "
            "GROUP BY idempotency_key")).all())
        phase.operations = conn.execute(text(
            "SELECT count(*) FROM generic_operations WHERE kind = 'DATA_CHANGE'")).scalar_one()
    engine.dispose()
    phase.effects = sum(counts.values())
    phase.duplicated = sum(1 for n in counts.values() if n > 1)
    phase.missing = sum(1 for k in op_ids if k not in counts)


# -- report ----------------------------------------------------------------------------------------

def report(phase: Phase, total: int) -> None:
    lat = phase.latencies
    rate = phase.answers / phase.catch_up_s if phase.catch_up_s > 0 else math.nan
    print(f"\n[{phase.workers} worker process{'es' if phase.workers > 1 else ''}] "
          f"counters ready in {phase.prepare_s:.0f} s")
    print(f"  acknowledged {phase.outbox.get('done', 0)}/{total}; catch-up "
          f"{phase.catch_up_s:.1f} s → {len(lat) / phase.catch_up_s:.1f} acks/s")
    print(f"  ack latency from reconnect: p50 {percentile(lat, 0.5):.1f} s  p99 "
          f"{percentile(lat, 0.99):.1f} s  max {lat[-1] if lat else math.nan:.1f} s")
    print(f"  HTTP answers received by the counters: {phase.answers} ({rate:.1f}/s): "
          f"{', '.join(f'{k} {v}' for k, v in sorted(phase.statuses.items()))}")
    print(f"  attempts {phase.attempts} for {total} messages; last errors of retried "
          f"messages: {dict(phase.errors) or 'none'}")
    print(f"  outboxes: {dict(phase.outbox)}; dead letters: {phase.outbox.get('dead', 0)}")
    print(f"  central: {phase.effects} effects, {phase.operations} data changes; duplicated "
          f"keys {phase.duplicated}; unacknowledged keys {phase.missing} → "
          f"{'OK' if phase.ok else 'FAIL'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--counters", type=int, default=2970)
    ap.add_argument("--ops", type=int, default=20, help="queued operations per counter")
    ap.add_argument("--workers", type=int, default=4, help="central worker processes")
    ap.add_argument("--baseline-workers", type=int, default=1, help="0: no baseline phase")
    ap.add_argument("--procs", type=int, default=8,
                    help="client processes (each runs its counters' loops as threads)")
    ap.add_argument("--down", type=float, default=10.0,
                    help="seconds the counters run offline before the line returns")
    ap.add_argument("--timeout", type=float, default=3600.0, help="per phase, seconds")
    ap.add_argument("--max-connections", type=int, default=400,
                    help="PostgreSQL max_connections (split between the workers' pools)")
    ap.add_argument("--db", help="PostgreSQL URL to use instead of a throwaway cluster "
                                 "(its tables are dropped)")
    args = ap.parse_args()
    outlets = math.ceil(args.counters / COUNTERS_PER_OUTLET)
    ids = counter_ids(outlets, COUNTERS_PER_OUTLET)[:args.counters]
    total = len(ids) * args.ops
    # the several-worker phase first: the headline figure is printed even if the (slower)
    # baseline is cut short
    phases_w = [w for w in (args.workers, args.baseline_workers) if w > 0]
    key = secrets.token_bytes(32)
    results: list[Phase] = []
    where = args.db.split("@")[-1] if args.db else "throwaway PostgreSQL cluster"
    print(f"city reconnect: {outlets} outlets × {COUNTERS_PER_OUTLET} = {len(ids)} counters × "
          f"{args.ops} queued ops = {total} operations; {args.procs} client processes; "
          f"central on {where}; line down {args.down:g} s, then restored for all at once",
          flush=True)
    pg = None if args.db else ThrowawayPostgres(max_connections=args.max_connections).start()
    try:
        with tempfile.TemporaryDirectory(prefix="city-") as tmpname:
            tmp = Path(tmpname)
            template = tmp / "template" / "counter.db"
            from counter_app.store.crypto import DataCipher
            from counter_app.store.database import open_store

            open_store(template, DataCipher(key)).close()  # migrated once, copied per counter
            for w in phases_w:
                if pg is not None:
                    url = pg.create_database(f"city_w{w}")
                else:
                    url = args.db
                    from central_sim.db import Database

                    Database(url).drop_all()  # the central re-creates and seeds it
                results.append(run_phase(url, w, ids, args, template, key, tmp))
                report(results[-1], total)
    finally:
        if pg is not None:
            pg.stop()
    if len(results) == 2:
        multi, base = results
        print(f"\nratio {multi.workers} workers / {base.workers}: catch-up "
              f"{base.catch_up_s / multi.catch_up_s:.2f}× faster; p50 "
              f"{percentile(multi.latencies, .5) / percentile(base.latencies, .5):.2f}, p99 "
              f"{percentile(multi.latencies, .99) / percentile(base.latencies, .99):.2f} "
              f"(of the baseline's)")
    return 0 if all(p.ok for p in results) else 1


if __name__ == "__main__":
    sys.exit(main())
