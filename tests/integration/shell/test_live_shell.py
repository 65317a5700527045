"""The shell on the real stack: pcscd + vpcd + card emulator, the reference central over HTTP,
a real SQLite store. The status bar must follow card insertion/removal and the line going down
and coming back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from counter_app.bootstrap import build_services
from counter_app.doctor import run_checks
from counter_app.ui.app import CounterApp
from counter_app.workflows.login import DEMO_ACCOUNTS
from tests.fixtures.app import make_profile, wait_until

TELLER, _NAME, _ROLE, PASSWORD = DEMO_ACCOUNTS[0]
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def live_profile(tmp_path, central):
    profile = make_profile(tmp_path)
    return replace(profile, central=replace(profile.central, base_url=central.url, health_interval_s=0.3))


@pytest.mark.pcsc
@pytest.mark.central
def test_status_bar_follows_card_and_line(qtbot, live_profile, central, emulator) -> None:
    services = build_services(live_profile)
    app = CounterApp(services)
    qtbot.addWidget(app.login)
    app.start()
    qtbot.keyClicks(app.login.username, TELLER)
    qtbot.keyClicks(app.login.password, PASSWORD)
    qtbot.keyClick(app.login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.main is not None, timeout=15000)
    qtbot.addWidget(app.main)
    bar = app.main.status
    try:
        qtbot.waitUntil(lambda: bar.line_label.property("state") == "online", timeout=10000)
        qtbot.waitUntil(lambda: bar.card_label.property("state") == "card", timeout=10000)
        assert bar.psam_label.property("state") == "card"

        emulator.remove()
        qtbot.waitUntil(lambda: bar.card_label.property("state") == "empty", timeout=10000)
        assert "无卡" in bar.card_label.text()
        emulator.insert_new_card(name="again")
        qtbot.waitUntil(lambda: bar.card_label.property("state") == "card", timeout=10000)
        assert "有卡" in bar.card_label.text()

        central.line_down()
        qtbot.waitUntil(lambda: bar.line_label.property("state") == "offline", timeout=15000)
        assert "离线" in bar.line_label.text()
        central.line_up()
        qtbot.waitUntil(lambda: bar.line_label.property("state") == "online", timeout=15000)
        assert "ms" in bar.line_label.text()
    finally:
        app.main.idle.stop()
        app.shutdown()
        services.close()


@pytest.mark.pcsc
@pytest.mark.central
def test_doctor_sees_the_real_devices_and_line(live_profile, central, emulator) -> None:
    from counter_app.bootstrap import open_profile_store

    open_profile_store(live_profile, exclusive=False).close()  # doctor itself creates nothing
    checks = {c.key: c for c in run_checks(live_profile)}
    assert checks["database"].status == "ok"
    assert checks["central"].status == "ok" and checks["central"].value["latency_ms"] >= 0
    assert checks["card_reader"].status == "ok" and checks["card_reader"].value["card"] is True
    assert checks["psam_reader"].status == "ok"
    central.line_down()
    try:
        down = {c.key: c for c in run_checks(live_profile)}
        assert down["central"].status == "fail" and "中心" in down["central"].detail_zh
    finally:
        central.line_up()


@pytest.mark.central
def test_doctor_reports_a_missing_reader(tmp_path, central) -> None:
    profile = make_profile(tmp_path)
    profile = replace(profile, central=replace(profile.central, base_url=central.url),
                      readers=replace(profile.readers, psam="No Such Reader 99"))
    checks = {c.key: c for c in run_checks(profile)}
    assert checks["psam_reader"].status == "fail" and "No Such Reader 99" in checks["psam_reader"].detail_zh


@pytest.mark.pcsc
@pytest.mark.central
def test_doctor_command_json_and_exit_code(tmp_path, central, emulator) -> None:
    profile_text = (ROOT / "resources/profiles/demo-instant.toml").read_text(encoding="utf-8")
    profile_text = profile_text.replace("http://127.0.0.1:8765", central.url)
    path = tmp_path / "profile.toml"
    path.write_text(profile_text, encoding="utf-8")
    env = dict(os.environ, COUNTER_APP_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-m", "counter_app.cli", "--profile", str(path), "doctor", "--json"],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    report = json.loads(proc.stdout)
    assert report["ok"] is True and proc.returncode == 0, proc.stdout + proc.stderr
    assert {c["key"] for c in report["checks"]} >= {"database", "disk", "central", "card_reader", "psam_reader",
                                                    "printers", "cameras"}
    central.line_down()
    try:
        proc = subprocess.run([sys.executable, "-m", "counter_app.cli", "--profile", str(path), "doctor"],
                              capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
        assert proc.returncode == 1 and "中心专线" in proc.stdout and "✘" in proc.stdout
    finally:
        central.line_up()


@pytest.mark.pcsc
@pytest.mark.central  # the demo starts its own reference central
def test_demo_screenshot_command(tmp_path, emulator) -> None:
    """`counter-app demo --screenshot` brings up the central and opens the main window."""
    shot = tmp_path / "main.png"
    env = dict(os.environ, COUNTER_APP_HOME=str(tmp_path / "home"))
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # no display at all: the command must still make the picture
    proc = subprocess.run([sys.executable, "-m", "counter_app.cli", "demo", "--screenshot", str(shot)],
                          capture_output=True, text=True, timeout=180, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 700


# needs no service: the demo refuses to start before touching any
def test_without_a_display_the_app_explains_how_to_run(tmp_path) -> None:
    env = dict(os.environ, COUNTER_APP_HOME=str(tmp_path))
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.run([sys.executable, "-m", "counter_app.cli", "demo"], capture_output=True, text=True,
                          timeout=60, env=env, cwd=ROOT)
    assert proc.returncode == 2 and "xvfb-run" in proc.stderr and "DISPLAY" in proc.stderr
    version = subprocess.run([sys.executable, "-m", "counter_app.cli", "--version"], capture_output=True,
                             text=True, timeout=60, cwd=ROOT)
    assert version.stdout.startswith("counter-app ")


@pytest.mark.pcsc
@pytest.mark.central  # the demo starts its own reference central
def test_demo_stops_cleanly_on_sigterm_and_stops_what_it_started(tmp_path, emulator) -> None:
    """A service stop or Ctrl+C closes the demo the normal way: exit 0, its central stopped."""
    import signal
    import socket
    import time

    env = dict(os.environ, COUNTER_APP_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-m", "counter_app.cli", "demo"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def central_listening() -> bool:
        with socket.socket() as s:
            s.settimeout(0.5)
            return s.connect_ex(("127.0.0.1", 8765)) == 0

    try:
        deadline = time.monotonic() + 60
        while not central_listening():
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the demo's central never came up"
            time.sleep(0.3)
        # the window is up and the store open: the store holds its instance lock file
        wait_until(lambda: any((tmp_path / "home").rglob("counter.db.lock")), timeout=60)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err[-2000:]
    assert "演示环境已启动" in out
    deadline = time.monotonic() + 10
    while central_listening() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not central_listening()
    assert emulator.control.alive()  # the emulator it found running is left running
