"""Day-end (日终轧账) cost on a busy session: N replacements with their fees in a real SQLite
store, then the teller's report, the branch's report and the branch sheet (PDF), best of 3.

    python bench/day_end_bench.py [--businesses 300]

Prints times; the baseline is the store's own write of one business (seeding), measured in the
same run. Never asserted in tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
import uuid
from pathlib import Path

from counter_app.bootstrap import Fakes, build_services
from counter_app.domain.fees import FeeQuote
from counter_app.profile import demo_profile_path, load_profile
from counter_app.store.card_operations import CardOperationStore

TELLER = "T0301"
LI_MING = "330203198506122017"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--businesses", type=int, default=300)
    n = parser.parse_args().businesses
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(load_profile(demo_profile_path(), state_dir=Path(tmp)),
                                  fakes=Fakes(no_presence=True))
        services.session_desk(TELLER).open("2000")
        ops, fees = CardOperationStore(services.store), services.fee_desk(TELLER)
        quote = FeeQuote("replacement", 2000, "bench")
        started = time.perf_counter()
        for i in range(n):
            op_id, now = str(uuid.uuid4()), dt.datetime.now(dt.UTC)
            ops.begin(op_id=op_id, operation="cards.replacement", id_number=LI_MING, payload={},
                      actor=TELLER, action="card.replacement",
                      detail={"op_id": op_id, "fee_fen": 2000}, hold_s=0, now=now)
            ops.sent(op_id, {}, now)
            fees.collect(quote, "cash" if i % 2 else "transfer", "" if i % 2 else f"TX{i:08d}", op_id)
        per_business = (time.perf_counter() - started) / n
        print(f"seeding: {per_business * 1000:.1f} ms per business with its fee (baseline)")
        desk = services.day_end_desk(TELLER)
        for label, make in (("teller report", desk.teller_report), ("branch report", desk.branch_report)):
            best = float("inf")
            for _ in range(3):
                t = time.perf_counter()
                report = make()
                best = min(best, time.perf_counter() - t)
            print(f"{label}: {best * 1000:.0f} ms ({best / per_business:.1f}× one business), "
                  f"{report.businesses_done} businesses, {len(report.fee_entries)} fee entries")
        t = time.perf_counter()
        pdf = desk.pdf(report)
        print(f"branch sheet: {(time.perf_counter() - t) * 1000:.0f} ms, {len(pdf) // 1024} KB")
        t = time.perf_counter()
        desk.publish(report.day)  # what every session close adds: the day summary for the central
        took = time.perf_counter() - t
        print(f"day summary queued: {took * 1000:.0f} ms ({took / per_business:.1f}× one business)")
        services.close()


if __name__ == "__main__":
    main()
