"""How long the supervisor's audit log viewer takes to show one page as the log grows.

For a log of N entries (default 100,000; a busy counter writes a few hundred a day) spread
over three tellers and three actions, prints the time of one page (50 entries, with the
count of matching entries) through the viewer (workflows/supervision/audit_log.py over
store/audit_search.py) for: no filter, the last page, one teller, one action, free text,
a date range — each with its ratio to the baseline: a bare sqlite3 ``SELECT … ORDER BY seq
DESC LIMIT 50`` of the same columns plus a bare ``COUNT(*)`` (the viewer shows "共 N 条", so it
counts the matching entries each time; the filters are on unindexed columns, a scan). Run: ``python bench/audit_search.py [--entries N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from counter_app.store.audit import GENESIS_MAC, _mac_input
from counter_app.store.audit_ledger import StoreAuditLedger
from counter_app.store.audit_search import StoreAuditSearch
from counter_app.store.crypto import DataCipher
from counter_app.store.database import open_store
from counter_app.store.models import AuditEntry, utcnow
from counter_app.workflows.supervision import AuditLogViewer, parse_query

ACTORS = ("T0301", "T0302", "S0301")
ACTIONS = ("login.success", "session.opened", "authorise.granted")


def fill(path: Path, cipher: DataCipher, n: int) -> None:
    store = open_store(path, cipher)
    prev, chunk = GENESIS_MAC, 5000
    for start in range(1, n + 1, chunk):
        with store.write() as s:
            for seq in range(start, min(n, start + chunk - 1) + 1):
                at = utcnow().isoformat(timespec="microseconds") + "Z"
                actor, action = ACTORS[seq % 3], ACTIONS[(seq // 3) % 3]
                detail = {"session": seq, "counter": "03", "card_no": "NB0000016"}
                mac = cipher.audit_mac(_mac_input(seq, at, actor, action, detail, prev))
                s.add(AuditEntry(seq=seq, at=at, actor=actor, action=action, detail=detail,
                                 prev_mac=prev, mac=mac))
                prev = mac
    store.close()


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    cipher = DataCipher(secrets.token_bytes(32))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "counter.db"
        fill(path, cipher, args.entries)
        store = open_store(path, cipher)
        viewer = AuditLogViewer(StoreAuditSearch(store), StoreAuditLedger(store).verify_full)
        conn = sqlite3.connect(path)

        def baseline() -> None:
            conn.execute("SELECT seq, at, actor, action, detail FROM audit_log "
                         "ORDER BY seq DESC LIMIT 50").fetchall()
            conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()

        base = timed(baseline)
        today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date().isoformat()
        last_page = (args.entries - 1) // 50
        cases = {
            "newest page": parse_query(),
            "last page (offset)": parse_query(page=last_page),
            "one teller": parse_query(teller="T0302"),
            "one action": parse_query(action="authorise"),
            "free text (Chinese action name)": parse_query(text="授权"),
            "date range (today)": parse_query(since=today, until=today),
        }
        print(f"{args.entries:,} entries; baseline bare page + count {base * 1000:.2f} ms")
        for name, query in cases.items():
            t = timed(lambda q=query: viewer.search(q))
            print(f"  {name:34s} {t * 1000:8.1f} ms  x{t / base:6.1f}")
        conn.close()
        store.close()


if __name__ == "__main__":
    main()
