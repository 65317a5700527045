"""How long the software makes the teller wait across a whole card application.

The tour's scenarios (``counter_app/ui/tour.py``) are played through the real UI offscreen,
against a fresh reference central per round, without screenshots. Every teller action
(read the ID card, 下一步 with the central's eligibility check, take the photo, submit,
generate the documents, preview, save as PDF) is timed from the key press until the screen
shows the result; the teller's own typing is not counted (the script fills fields at once).

Baselines measured in the same run: one HTTP round trip to the central's /health (what a
single call over the line costs here) and one empty background-operation round trip through
the UI's ops helper (UI thread → worker → UI thread).

    .venv/bin/python bench/application_wait.py [--rounds 3] [--only application-adult-instant]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="application")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from counter_app.bootstrap import Fakes, build_services
    from counter_app.central.client import HttpCentralClient
    from counter_app.central.launcher import start_central_sim
    from counter_app.demo import demo_profile
    from counter_app.ui.fonts import install_fallback_fonts
    from counter_app.ui.i18n import install_translations
    from counter_app.ui.ops import Ops
    from counter_app.ui.theme import apply_theme
    from counter_app.ui.tour import play, scenarios

    app = QApplication.instance() or QApplication([])
    apply_theme(app)  # type: ignore[arg-type]
    install_fallback_fonts()
    install_translations(app)  # type: ignore[arg-type]
    totals: dict[str, list[float]] = {}
    longest: dict[str, list[tuple[float, str]]] = {}
    health_rtts: list[float] = []
    ops_rtts: list[float] = []
    for round_no in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="counter-bench-") as tmp:
            central = start_central_sim(f"sqlite:///{tmp}/central.db", log_path=Path(tmp) / "c.log")
            try:
                client = HttpCentralClient(central.url)
                client.health()  # warm the connection, as the status bar does
                for _ in range(20):
                    started = time.perf_counter()
                    client.health()
                    health_rtts.append(time.perf_counter() - started)
                client.close()
                ops = Ops()
                for _ in range(20):
                    done: list[float] = []
                    started = time.perf_counter()
                    ops.run(lambda: None,
                            lambda _r, s=started, d=done: d.append(time.perf_counter() - s))
                    while not done:
                        app.processEvents()
                    ops_rtts.append(done[0])
                for scenario in scenarios(args.only):
                    profile = demo_profile(scenario.branch, Path(tmp) / scenario.key)
                    profile = dataclasses.replace(
                        profile, central=dataclasses.replace(profile.central, base_url=central.url))
                    services = build_services(profile, fakes=Fakes(no_presence=True))
                    try:
                        run = play(scenario, services, central, Path(tmp) / "out" / scenario.key,
                                   take_shots=False)
                    finally:
                        services.close()
                    total = sum(w for _what, w in run.waits)
                    totals.setdefault(scenario.key, []).append(total)
                    longest.setdefault(scenario.key, []).append(max((w, what) for what, w in run.waits))
                    print(f"round {round_no + 1} {scenario.key}: {total:.2f} s over "
                          f"{len(run.waits)} actions", flush=True)
            finally:
                central.stop()

    health = statistics.median(health_rtts)
    ops_rtt = statistics.median(ops_rtts)
    print()
    print(f"baseline: central /health round trip {health * 1000:.1f} ms (median of "
          f"{len(health_rtts)}); empty ops round trip {ops_rtt * 1000:.2f} ms")
    for key, values in totals.items():
        median = statistics.median(values)
        worst = max(longest[key])
        print(f"{key}: teller waits {median:.2f} s in total (median of {len(values)}; "
              f"{median / health:.0f}× one /health round trip); longest single wait "
              f"{worst[0]:.2f} s ({worst[1]})")


if __name__ == "__main__":
    main()
