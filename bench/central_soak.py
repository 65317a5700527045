"""Soak: the SIGKILL campaign of tests/integration/central/test_sync_faults.py, for longer.

    .venv/bin/python bench/central_soak.py [--kills 2000] [--faults] [--seed 1]

Kills the counter process (enqueue + drain against the reference central over HTTP) at
random points ``--kills`` times, optionally with the central dropping responses after
commit and failing requests, then drains cleanly and checks: 0 acknowledged operations
lost, 0 doubled effects at the central, per-person order, integrity_check ok every time.
Exit status 1 when any check fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counter_app.central.launcher import start_central_sim  # noqa: E402
from tests.integration.central.campaign import run_campaign  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kills", type=int, default=2000)
    ap.add_argument("--faults", action="store_true", help="central drops/fails 5%% each")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-delay-ms", type=int, default=400)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        central = start_central_sim(f"sqlite:///{d / 'central.db'}", log_path=d / "central.log")
        try:
            if args.faults:
                central.set_faults(drop_after_commit_rate=0.05, error_rate=0.05, seed=args.seed)
            r = run_campaign(central, d, args.kills, seed=args.seed,
                             max_delay_ms=args.max_delay_ms)
        finally:
            central.stop()
    lost = r.acked - r.outbox_status.keys()
    not_done = {k for k, v in r.outbox_status.items() if v != "done"}
    bad_integrity = [i for i in r.integrity if i not in ("ok", "missing")]
    doubled = r.effects["duplicated"]
    print(f"kills: {r.kills} {r.kills_by_phase} (early exits: {len(r.early_exits)}); operations: "
          f"{len(r.outbox_status)}; acknowledged: {len(r.acked)}; {r.seconds:.0f} s")
    print(f"lost: {len(lost)}; not done after final drain: {len(not_done)}; doubled at the "
          f"central: {len(doubled)}; out of order: {len(r.out_of_order)}; integrity failures: "
          f"{len(bad_integrity)}")
    audit_ok = r.central_audit_seq == (r.audit_reports or None)
    print(f"audit chain heads queued: {r.audit_reports}; central head seq: "
          f"{r.central_audit_seq}")
    ok = not (lost or not_done or doubled or r.out_of_order or bad_integrity or r.early_exits
              or not audit_ok)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
