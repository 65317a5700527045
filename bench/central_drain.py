"""Benchmark: drain N queued operations to the reference central on loopback.

    .venv/bin/python bench/central_drain.py [--ops 10000] [--baseline-ops N] [--db URL]

Prints (never asserts): the sync worker's operations per second draining a real SQLite
outbox through the requests adapter, and a bare ``requests`` loop making the same calls
(same endpoint and bodies, new Idempotency-Keys) against the same central in the same run,
as a ratio. The central runs as a subprocess with its own database (temporary SQLite file,
or ``--db`` e.g. postgresql+psycopg://central:central@127.0.0.1/central_bench).
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from central_sim.seed import generated_id  # noqa: E402
from counter_app.central.client import HttpCentralClient  # noqa: E402
from counter_app.central.launcher import start_central_sim  # noqa: E402
from counter_app.central.sync import SyncPolicy, SyncWorker  # noqa: E402
from counter_app.store.crypto import DataCipher  # noqa: E402
from counter_app.store.database import open_store  # noqa: E402
from counter_app.store.outbox_repo import StoreOutboxRepository, add_outbox_message  # noqa: E402

BRANCH = "ICBC-NB-0101"


def body(i: int, persons: int) -> tuple[str, dict]:
    idn = generated_id(i % persons)
    return idn, {"branch_code": BRANCH, "client_seq": i // persons + 1,
                 "changes": {"phone": f"138{i:08d}"}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ops", type=int, default=10_000)
    ap.add_argument("--baseline-ops", type=int, default=None, help="default: same as --ops")
    ap.add_argument("--persons", type=int, default=500)
    ap.add_argument("--db", help="central database URL (default: temporary SQLite file)")
    args = ap.parse_args()
    n, nb = args.ops, args.baseline_ops or args.ops
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        central = start_central_sim(args.db or f"sqlite:///{d / 'central.db'}",
                                    log_path=d / "central.log", startup_timeout=120)
        try:
            if args.db:
                central.reset_data()
            store = open_store(d / "counter.db", DataCipher(secrets.token_bytes(32)),
                               exclusive=True)
            t = time.perf_counter()
            with store.write(durable=True) as s:
                for i in range(n):
                    idn, b = body(i, args.persons)
                    add_outbox_message(s, "persons.data_change",
                                       store.cipher.blind_index(idn, "person"),
                                       {"id_number": idn, **b})
            enqueue_s = time.perf_counter() - t

            # baseline: bare requests loop, same calls, fresh keys
            http = requests.Session()
            http.headers["X-Client-Id"] = f"{BRANCH}/bench"
            t = time.perf_counter()
            for i in range(nb):
                idn, b = body(n + i, args.persons)
                r = http.post(f"{central.url}/v1/persons/{idn}/data-changes", json=b,
                              headers={"Idempotency-Key": str(uuid.uuid4())}, timeout=30)
                r.raise_for_status()
            bare_s = time.perf_counter() - t
            http.close()

            repo = StoreOutboxRepository(store)
            client = HttpCentralClient(central.url, client_id=f"{BRANCH}/C01")
            worker = SyncWorker(repo, client, branch_code=BRANCH,
                                policy=SyncPolicy(base_backoff_s=0.05, max_backoff_s=1))
            t = time.perf_counter()
            while repo.stats().pending:
                worker.drain()
            drain_s = time.perf_counter() - t
            counts = repo.counts()
            effects = central.effects()
            client.close()
            store.close()
        finally:
            central.stop()
    db = args.db.split("@")[-1] if args.db else "SQLite file"
    print(f"central database: {db}; operations: {n}; persons: {args.persons}")
    print(f"enqueue {n} ops in one local transaction: {enqueue_s:.2f} s")
    print(f"bare requests loop ({nb} calls):      {nb / bare_s:8.1f} ops/s "
          f"({bare_s / nb * 1000:.2f} ms/op)")
    print(f"sync worker drain ({n} ops):          {n / drain_s:8.1f} ops/s "
          f"({drain_s / n * 1000:.2f} ms/op)")
    print(f"ratio worker / bare requests:          {(n / drain_s) / (nb / bare_s):8.2f}")
    print(f"outbox after drain: {counts}; central effects: {effects['total']} "
          f"for {effects['keys']} keys, duplicated: {len(effects['duplicated'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
