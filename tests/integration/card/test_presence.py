"""Reader/card presence monitor and the pcscd helper against the real pcscd."""

from __future__ import annotations

import threading
import time

from counter_app.card.pcscd import ensure_pcscd_running, pcscd_pids
from counter_app.card.presence import PresenceMonitor, Snapshot, presence_snapshot
from tests.fixtures.pcsc import EmulatorFixture


def test_snapshot_shows_both_slots(emulator: EmulatorFixture) -> None:
    snap = presence_snapshot([emulator.card_reader, emulator.psam_reader, "Missing Reader"])
    assert snap[emulator.card_reader][:2] == (True, True)
    assert snap[emulator.card_reader][2].startswith("3B6D0000")
    assert snap[emulator.psam_reader][:2] == (True, True)
    assert snap["Missing Reader"] == (False, False, None)


def test_monitor_reports_remove_and_insert(emulator: EmulatorFixture) -> None:
    seen: list[Snapshot] = []
    changed = threading.Event()

    def on_change(snap: Snapshot) -> None:
        seen.append(snap)
        changed.set()

    monitor = PresenceMonitor([emulator.card_reader, emulator.psam_reader], on_change)
    monitor.start()
    try:
        assert changed.wait(5)
        assert seen[0][emulator.card_reader][1] is True
        emulator.control.remove()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and seen[-1][emulator.card_reader][1]:
            time.sleep(0.02)
        assert seen[-1][emulator.card_reader] == (True, False, None)
        assert seen[-1][emulator.psam_reader][1] is True  # the PSAM stays
        path = emulator.card_file("back", emulator.load(emulator.tmp / "demo.json").state)
        emulator.control.insert(path)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not seen[-1][emulator.card_reader][1]:
            time.sleep(0.02)
        assert seen[-1][emulator.card_reader][1] is True
        assert seen[-1][emulator.card_reader][2].endswith("0A1B2C3D4E5F60")
    finally:
        t = time.monotonic()
        monitor.stop()
        assert time.monotonic() - t < 2
    assert not any(t.name == "card-presence" and t.is_alive() for t in threading.enumerate())


def test_ensure_pcscd_running_is_idempotent(emulator: EmulatorFixture) -> None:
    before = pcscd_pids()
    t = time.monotonic()
    ensure_pcscd_running()
    assert time.monotonic() - t < 2
    assert pcscd_pids() == before
