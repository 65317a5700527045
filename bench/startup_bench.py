"""Start-up time and memory: process start → login window on screen, against an empty PySide6 window.

Both are measured as whole processes started cold, interleaved, N runs each, in one run. The
application prints two marks (``--exit-when-ready``, see ``counter_app/ui/app.py``):

- ``window-ready``: the login window is on screen and takes typing (the store and the rest are
  still loading on a worker) — compared with the empty window showing;
- ``ready``: the services are attached, a sign-in goes through at once.

Times are from spawning the process to reading the mark; memory is the process's peak RSS at
that mark, as it reports it.

    xvfb-run -a .venv/bin/python bench/startup_bench.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EMPTY_WINDOW = """
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.resize(920, 560)
w.show()
def shown():
    app.processEvents()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    print(f"window-ready {time.perf_counter():.3f} rss_mib={rss:.1f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

Marks = dict[str, tuple[float, float]]  # mark → (seconds since spawn, peak RSS MiB)


def run_once(cmd: list[str], env: dict[str, str]) -> Marks:
    """Spawn ``cmd``; when each mark line arrives, note the time since spawn and its RSS."""
    marks: Marks = {}
    start = time.perf_counter()
    with subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            at = time.perf_counter() - start
            name, _, rest = line.partition(" ")
            if name in ("window-ready", "ready"):
                rss = float(rest.split("rss_mib=")[1]) if "rss_mib=" in rest else 0.0
                marks[name] = (at, rss)
        if proc.wait() != 0:
            raise SystemExit(f"{' '.join(cmd[:4])}… exited with {proc.returncode}")
    if "window-ready" not in marks:
        raise SystemExit(f"{' '.join(cmd[:4])}… printed no window-ready mark")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="counter-bench-"))
    env = dict(os.environ, COUNTER_APP_HOME=str(home))
    # An installed application runs from compiled bytecode; let the warm-up run write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    profile = ROOT / "resources/profiles/demo-instant.toml"
    app_cmd = [sys.executable, "-m", "counter_app", "--profile", str(profile), "--exit-when-ready"]
    empty_cmd = [sys.executable, "-c", EMPTY_WINDOW]
    # creates the database and the demo accounts (not a start-up cost)
    first = run_once(app_cmd, env)["ready"][0]
    ours: list[Marks] = []
    empty: list[Marks] = []
    for _ in range(args.runs):
        empty.append(run_once(empty_cmd, env))
        ours.append(run_once(app_cmd, env))

    def median(runs: list[Marks], mark: str, index: int) -> float:
        return statistics.median(r[mark][index] for r in runs)

    def series(runs: list[Marks], mark: str, index: int) -> list[float]:
        return [round(r[mark][index] * (1000 if index == 0 else 1), 1) for r in runs]

    figures = {
        "platform": env.get("QT_QPA_PLATFORM") or "xcb (DISPLAY " + env["DISPLAY"] + ")",
        "runs": args.runs,
        "first_start_ms": round(first * 1000),
        "empty_window_ms": round(median(empty, "window-ready", 0) * 1000),
        "empty_window_rss_mib": round(median(empty, "window-ready", 1), 1),
        "login_window_ms": round(median(ours, "window-ready", 0) * 1000),
        "login_window_rss_mib": round(median(ours, "window-ready", 1), 1),
        "sign_in_ready_ms": round(median(ours, "ready", 0) * 1000),
        "sign_in_ready_rss_mib": round(median(ours, "ready", 1), 1),
        "all_runs": {"empty_window_ms": series(empty, "window-ready", 0),
                     "login_window_ms": series(ours, "window-ready", 0),
                     "sign_in_ready_ms": series(ours, "ready", 0),
                     "sign_in_ready_rss_mib": series(ours, "ready", 1)},
    }
    figures["time_ratio"] = round(figures["login_window_ms"] / figures["empty_window_ms"], 2)
    figures["rss_ratio"] = round(figures["login_window_rss_mib"] / figures["empty_window_rss_mib"], 2)
    figures["sign_in_ready_time_ratio"] = round(
        figures["sign_in_ready_ms"] / figures["empty_window_ms"], 2)
    figures["sign_in_ready_rss_ratio"] = round(
        figures["sign_in_ready_rss_mib"] / figures["empty_window_rss_mib"], 2)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    f = figures
    print(f"platform: {f['platform']}; runs: {args.runs} each, interleaved; medians")
    print(f"first start (creates the database, hashes demo passwords): {f['first_start_ms']} ms")
    print(f"empty PySide6 window        : {f['empty_window_ms']:5d} ms  peak RSS "
          f"{f['empty_window_rss_mib']:6.1f} MiB")
    print(f"login window usable         : {f['login_window_ms']:5d} ms  peak RSS "
          f"{f['login_window_rss_mib']:6.1f} MiB   ratio time {f['time_ratio']:.2f}, "
          f"RSS {f['rss_ratio']:.2f}")
    print(f"sign-in ready (services up) : {f['sign_in_ready_ms']:5d} ms  peak RSS "
          f"{f['sign_in_ready_rss_mib']:6.1f} MiB   ratio time {f['sign_in_ready_time_ratio']:.2f}, "
          f"RSS {f['sign_in_ready_rss_ratio']:.2f}")
    print(f"runs (ms): empty {f['all_runs']['empty_window_ms']}; login window "
          f"{f['all_runs']['login_window_ms']}; sign-in ready {f['all_runs']['sign_in_ready_ms']}")


if __name__ == "__main__":
    main()
