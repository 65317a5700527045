"""Start-up time: process start → login window on screen, against an empty PySide6 window.

Both are measured as whole processes (spawn to exit, the process quitting as soon as its first
window has been shown and the event queue drained), interleaved, N cold runs each, in one run.

    .venv/bin/python bench/startup_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EMPTY_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.resize(920, 560)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="counter-bench-"))
    env = dict(os.environ, COUNTER_APP_HOME=str(home))
    # An installed application runs from compiled bytecode; let the warm-up run write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    profile = ROOT / "counter_app/resources/profiles/demo-instant.toml"
    app_cmd = [sys.executable, "-m", "counter_app.cli", "--profile", str(profile), "--exit-when-ready"]
    empty_cmd = [sys.executable, "-c", EMPTY_WINDOW]
    first = timed(app_cmd, env)  # creates the database and the demo accounts (not a start-up cost)
    ours, empty = [], []
    for _ in range(args.runs):
        empty.append(timed(empty_cmd, env))
        ours.append(timed(app_cmd, env))
    m_ours, m_empty = statistics.median(ours), statistics.median(empty)
    platform = env.get("QT_QPA_PLATFORM") or "xcb (DISPLAY " + env["DISPLAY"] + ")"
    print(f"platform: {platform}; runs: {args.runs} each, interleaved")
    print(f"first start (creates the database, hashes demo passwords): {first * 1000:.0f} ms")
    print(f"empty PySide6 window : median {m_empty * 1000:.0f} ms  (runs: {', '.join(f'{t*1000:.0f}' for t in empty)})")
    print(f"counter-app login    : median {m_ours * 1000:.0f} ms  (runs: {', '.join(f'{t*1000:.0f}' for t in ours)})")
    print(f"ratio counter-app / empty window: {m_ours / m_empty:.2f}")


if __name__ == "__main__":
    main()
