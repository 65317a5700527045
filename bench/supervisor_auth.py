"""What the second factor adds to a supervisor's authorisation.

On a real SQLite store with the demo accounts, times ``TellerAuth.authorise`` (the one path
every sensitive act takes) with the password alone (``supervisor_second_factor = false``, the
baseline) and with the password and a one-time code (the default), each audited in one durable
transaction (the calls interleaved); prints the medians, the ratio and the code check alone. The clock is stepped 30 s between grants so each
takes a fresh code (a code is accepted once). Run: ``python bench/supervisor_auth.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from counter_app.store.crypto import DataCipher
from counter_app.store.database import open_store
from counter_app.store.tellers import SqlTellerRepository
from counter_app.workflows.login import DEMO_ACCOUNTS, DEMO_TOTP_SECRETS, LoginPolicy, TellerAuth
from counter_app.workflows.supervisor import (
    SupervisorApproval,
    code_at_step,
    matching_step,
    step_at,
)

SUPERVISOR, _n, _r, PASSWORD = DEMO_ACCOUNTS[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        now = [dt.datetime(2026, 11, 30, 9, 0)]
        stores, auths = [], {}
        for second_factor in (False, True):  # the same machine, the calls interleaved
            store = open_store(Path(tmp) / f"counter-{second_factor}.db",
                               DataCipher(secrets.token_bytes(32)))
            stores.append(store)
            auth = TellerAuth(SqlTellerRepository(store), LoginPolicy(5, 30), "01",
                              lambda: now[0], second_factor=second_factor)
            auth.seed_demo_accounts()
            auths[second_factor] = auth
        took: dict[bool, list[float]] = {False: [], True: []}
        try:
            for _ in range(args.rounds):
                now[0] += dt.timedelta(seconds=30)  # a fresh code for each grant
                otp = code_at_step(DEMO_TOTP_SECRETS[SUPERVISOR], step_at(now[0]))
                for second_factor, auth in auths.items():
                    started = time.perf_counter()
                    auth.authorise(SupervisorApproval(SUPERVISOR, PASSWORD, otp), purpose="bench")
                    took[second_factor].append(time.perf_counter() - started)
        finally:
            for store in stores:
                store.close()
    base, totp = statistics.median(took[False]), statistics.median(took[True])
    print(f"password only (baseline): median {base * 1000:.1f} ms")
    print(f"password + one-time code: median {totp * 1000:.1f} ms  ({totp / base:.2f}x)")
    secret, when = DEMO_TOTP_SECRETS[SUPERVISOR], dt.datetime(2026, 11, 30, 9, 0)
    code = code_at_step(secret, step_at(when) + 1)
    n = 2000
    started = time.perf_counter()
    for _ in range(n):
        matching_step(secret, code, when)  # the three steps of the window compared
    print(f"the code check alone: {(time.perf_counter() - started) / n * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
