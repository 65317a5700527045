"""A day at the counter in one process: N card applications through the real UI.

One signed-in teller at the instant-issue demo branch takes N plain adults (people the
reference central knows, each a different person) from typing the ID number to the printed
documents (previewed and saved as PDF), with 办理下一笔 in between — the guided tour's own
steps (``counter_app/ui/tour.py``), offscreen, with the file camera, against the reference
central on a free loopback port. It reports:

- resident memory after every ``--every`` applications (after a garbage collection), and the
  growth after the first batch (goal ≤ 30 MiB over the day);
- the longest stall of the UI event loop, measured by a 10 ms timer that notes how late it
  fires, and the teller action during which it happened (goal ≤ 50 ms).

    .venv/bin/python bench/counter_day.py [--applications 200] [--every 20] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QObject, Qt, QTimer  # noqa: E402 - after the platform is chosen

PROBE_MS = 10


def rss_mib() -> float:
    """This process's resident memory now (Linux: /proc; elsewhere the peak)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StallProbe(QObject):
    """A 10 ms timer: how late it fires is how long the event loop was busy elsewhere."""

    def __init__(self, interval_ms: int = PROBE_MS) -> None:
        super().__init__()
        self.interval_s = interval_ms / 1000
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.where = "开始"
        self.last = 0.0
        self.worst_s = 0.0
        self.worst_where = ""

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        late = now - self.last - self.interval_s
        if late > self.worst_s:
            self.worst_s, self.worst_where = late, self.where
        self.last = now


@dataclass
class DayResult:
    applications: int = 0
    accepted: int = 0
    rss_mib: list[tuple[int, float]] = field(default_factory=list)  # (applications done, MiB)
    worst_stall_ms: float = 0.0
    worst_stall_where: str = ""
    opening_stall_ms: float = 0.0  # the first opening of the business after sign-in
    seconds: float = 0.0

    @property
    def growth_mib(self) -> float:
        """Memory growth after the first sample (the first batch warms every cache)."""
        return self.rss_mib[-1][1] - self.rss_mib[0][1] if len(self.rss_mib) > 1 else 0.0


def run_day(services: Any, central: Any, out: Path, applications: int, every: int = 20,
            report: Callable[[str], None] | None = None, first_person: int = 0) -> DayResult:
    """Play ``applications`` applications on one window; the caller owns services and central.
    The applicants are the central's generated adults from number ``first_person`` on."""
    from central_sim.seed import generated_id
    from counter_app.ui.tour import apply_for, session

    result = DayResult(applications=applications)
    probe = StallProbe()
    started = time.perf_counter()
    with session(services, central, out, take_shots=False) as run:
        run.on_action = lambda label: setattr(probe, "where", label)
        run.sign_in(shots=False)
        probe.where = "首次打开社保卡申领"
        probe.start()
        page = run.open_business("application")
        probe.stop()
        result.opening_stall_ms = probe.worst_s * 1000
        probe.worst_s, probe.worst_where = 0.0, ""
        probe.where = "打开后（其余步骤页面在空闲时准备）"

        def accepted() -> None:
            result.accepted += 1

        page.sig_accepted.connect(accepted)
        probe.start()
        try:
            for i in range(applications):
                if i:
                    run.act("办理下一笔", page.new_application)
                apply_for(run, generated_id(first_person + i), address=f"浙江省宁波市海曙区中山西路{i + 1}号",
                          phone=f"138{i:08d}", name=f"a{i:03d}")
                if (i + 1) % every == 0 or i + 1 == applications:
                    probe.stop()  # the measurement's own collection is not a stall of the UI
                    gc.collect()
                    result.rss_mib.append((i + 1, rss_mib()))
                    probe.start()
                    if report is not None:
                        report(f"{i + 1:4d} applications: RSS {result.rss_mib[-1][1]:6.1f} MiB, "
                               f"accepted {result.accepted}")
        finally:
            probe.stop()
    result.seconds = time.perf_counter() - started
    result.worst_stall_ms = probe.worst_s * 1000
    result.worst_stall_where = probe.worst_where
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=200)
    parser.add_argument("--every", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from counter_app.bootstrap import Fakes, build_services
    from counter_app.central.launcher import start_central_sim
    from counter_app.demo import demo_profile
    from counter_app.ui.app import _qt_messages
    from counter_app.ui.fonts import install_fallback_fonts
    from counter_app.ui.i18n import install_translations
    from counter_app.ui.theme import apply_theme

    qInstallMessageHandler(_qt_messages)  # the offscreen platform's noise stays out of the figures
    app = QApplication.instance() or QApplication([])
    apply_theme(app)  # type: ignore[arg-type]
    install_fallback_fonts()
    install_translations(app)  # type: ignore[arg-type]
    report = None if args.json else (lambda line: print(line, flush=True))
    with tempfile.TemporaryDirectory(prefix="counter-day-") as tmp:
        central = start_central_sim(f"sqlite:///{tmp}/central.db", log_path=Path(tmp) / "c.log")
        try:
            profile = demo_profile("instant", Path(tmp) / "state")
            profile = dataclasses.replace(
                profile, central=dataclasses.replace(profile.central, base_url=central.url))
            services = build_services(profile, fakes=Fakes(no_presence=True))
            try:
                result = run_day(services, central, Path(tmp) / "out", args.applications,
                                 args.every, report)
            finally:
                services.close()
        finally:
            central.stop()
    figures = {
        "applications": result.applications, "accepted": result.accepted,
        "rss_mib": [[n, round(m, 1)] for n, m in result.rss_mib],
        "growth_after_first_batch_mib": round(result.growth_mib, 1),
        "worst_stall_ms": round(result.worst_stall_ms, 1),
        "worst_stall_where": result.worst_stall_where,
        "opening_stall_ms": round(result.opening_stall_ms, 1),
        "seconds": round(result.seconds, 1),
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    print(f"{result.accepted}/{result.applications} accepted in {result.seconds:.0f} s; "
          f"RSS growth after the first {args.every}: {result.growth_mib:.1f} MiB (goal ≤ 30); "
          f"longest UI stall {result.worst_stall_ms:.0f} ms during “{result.worst_stall_where}” "
          f"(goal ≤ 50); first opening of the business {result.opening_stall_ms:.0f} ms")


if __name__ == "__main__":
    main()
