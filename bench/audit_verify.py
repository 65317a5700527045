"""How long the audit chain checks take as the log grows.

For a log of N entries (default 20,000 and 100,000; a busy counter writes a few hundred a
day) with 50 entries written since the last checkpoint, prints:

- opening the store (the baseline: what start-up already pays),
- the start-up verification (from the checkpoint: the checkpoint entry, a row count, the new
  entries),
- the full walk (doctor, and the watch before each head report),
- doctor's read-only full walk over the file,

each with its ratio to the store opening. Run: ``python bench/audit_verify.py [--entries N ...]``.
"""

from __future__ import annotations

import argparse
import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from counter_app.store.audit import (
    GENESIS_MAC,
    _mac_input,
    append_audit,
    inspect_audit,
    verify_audit_chain,
    verify_from_checkpoint,
)
from counter_app.store.audit_ledger import StoreAuditLedger
from counter_app.store.crypto import DataCipher
from counter_app.store.database import open_store
from counter_app.store.models import AuditEntry, utcnow

NEW_SINCE_CHECKPOINT = 50


def fill(path: Path, cipher: DataCipher, n: int) -> None:
    """n entries, chained exactly as append_audit chains them (in bulk, to save time)."""
    store = open_store(path, cipher)
    prev, chunk = GENESIS_MAC, 5000
    for start in range(1, n + 1, chunk):
        with store.write() as s:
            for seq in range(start, min(n, start + chunk - 1) + 1):
                at = utcnow().isoformat(timespec="microseconds") + "Z"
                detail = {"session": seq, "counter": "03"}
                mac = cipher.audit_mac(_mac_input(seq, at, "T0301", "login.success", detail, prev))
                s.add(AuditEntry(seq=seq, at=at, actor="T0301", action="login.success",
                                 detail=detail, prev_mac=prev, mac=mac))
                prev = mac
    StoreAuditLedger(store).verify_full()  # the checkpoint at the head
    with store.write() as s:
        for i in range(NEW_SINCE_CHECKPOINT):
            append_audit(s, cipher, "T0301", "login.success", session=i)
    store.close()


def timed(fn: Callable[[], None], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def measure(n: int, cipher: DataCipher, tmp: Path) -> None:
    path = tmp / "counter.db"
    fill(path, cipher, n)

    def open_close() -> None:
        open_store(path, cipher).close()

    store = open_store(path, cipher)

    def start() -> None:
        with store.read() as s:
            assert verify_from_checkpoint(s, cipher).ok

    def full() -> None:
        with store.read() as s:
            assert verify_audit_chain(s, cipher).ok

    def doctor() -> None:
        assert inspect_audit(path, cipher)[0].ok

    t_open, t_start = timed(open_close), timed(start)
    t_full, t_doctor = timed(full, 1), timed(doctor, 1)
    store.close()
    total = n + NEW_SINCE_CHECKPOINT
    print(f"{total:>8} {t_open * 1e3:>8.1f} {t_start * 1e3:>9.1f} {t_start / t_open:>6.2f} "
          f"{t_full * 1e3:>8.0f} {t_full / t_open:>6.1f} {t_doctor * 1e3:>9.0f} "
          f"{t_doctor / t_open:>6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, nargs="*", default=[20_000, 100_000])
    args = parser.parse_args()
    cipher = DataCipher(secrets.token_bytes(32))
    print(f"{'entries':>8} {'open ms':>8} {'start ms':>9} {'ratio':>6} {'full ms':>8} {'ratio':>6} "
          f"{'doctor ms':>9} {'ratio':>6}")
    for n in args.entries:
        with tempfile.TemporaryDirectory() as tmp:
            measure(n, cipher, Path(tmp))


if __name__ == "__main__":
    main()
