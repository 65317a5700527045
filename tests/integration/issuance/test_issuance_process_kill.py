"""The application really killed (SIGKILL) in the middle of the chip write, then restarted.

``test_issuance_crash.py`` stops the issuance in-process (a BaseException, saves suppressed);
here the issuance runs in a process of its own (``issue_child.py``) against the reference
central, the card emulator running in the child on the card's file (it saves the card at
every write, as the emulator process behind pcscd does). After a chosen APDU of the
personalisation the next one is held back: the child sits waiting for its answer at a known
point and the test kills it with SIGKILL — no ``finally``, no last save, no flush. The same
card is put back and the issuance resumed in this process on the same database and journal
folder: issued once, reported once, never recorded issued before it was written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import new_blank
from counter_app.card.emulator.loopback import LoopbackPort
from counter_app.card.layout import LIFECYCLE_ISSUED, encode_records
from counter_app.card.perso import FileJournalStore, PersoState, build_script
from counter_app.central.launcher import CentralSimHandle
from counter_app.workflows.issuance import IssuanceWorkflow, Outcome, Step, StepStatus
from counter_app.workflows.issuance.chip import chip_serial
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot
from tests.integration.issuance.conftest import Counter
from tests.integration.issuance.test_issuance_crash import WRITES, _perso_ins

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="SIGKILL and pcscd/vpcd are Linux-only; the in-process "
                                       "kill tests in test_issuance_crash.py run everywhere")

ROOT = Path(__file__).resolve().parents[3]
POWER_ON_APDUS = 2  # SELECT SSSE + GET DATA lifecycle, before the personalisation


@pytest.fixture(scope="module")
def perso_ins(tmp_path_factory: pytest.TempPathFactory,
              issuance_central_sim: CentralSimHandle) -> list[int]:
    """The INS byte of every card APDU of the personalisation, from one in-process run (the
    same engine and script as through pcscd)."""
    slot = EmulatedSlot()
    counter = Counter(tmp_path_factory.mktemp("calibrate"), issuance_central_sim.url, slot)
    try:
        return _perso_ins(counter, slot)
    finally:
        counter.close()


def _child(counter: Counter, number: str, serial: str, **extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, ISSUE_DB=str(counter.tmp / "counter.db"), ISSUE_KEY=counter.key.hex(),
               ISSUE_CENTRAL=counter.url, ISSUE_JOURNALS=str(counter.tmp / "perso-journal"),
               ISSUE_FACES=str(counter.tmp / "faces"), ISSUE_SERIAL=serial,
               ISSUE_APPLICATION=number, **extra)
    return subprocess.Popen([sys.executable, "-m", "tests.integration.issuance.issue_child"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _kill_when(child: subprocess.Popen[str], stalled: Callable[[], bool],
               timeout: float = 60.0) -> None:
    """Wait until the child sent the APDU that is held back (it waits for its answer), then
    SIGKILL it."""
    deadline = time.monotonic() + timeout
    while not stalled():
        if child.poll() is not None:
            _out, err = child.communicate()
            pytest.fail(f"the issuance process ended by itself ({child.returncode}):\n{err[-3000:]}")
        if time.monotonic() > deadline:
            child.kill()
            child.communicate()
            pytest.fail("the issuance process never reached the held-back APDU")
        time.sleep(0.02)
    assert child.poll() is None  # still waiting for the held-back answer
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL


def _blank(tmp: Path) -> Path:
    path = tmp / "blank.json"
    EmulatedCard(new_blank(unique=bytes([0x4B, 0x11]) + os.urandom(6)), path).save()
    return path


# The card is on its file, not behind pcscd: after a client killed in the middle of an
# exchange, the vpcd card put back was not seen by pcscd within 30 s in 4 of 7 runs (always
# after a held-back write; the emulator slot's connection closed only when the test ended;
# found 2026-11-30, not yet understood), which would make a pcscd variant of this test flaky.
@pytest.mark.parametrize("where", ["middle-write", "final-done"])
def test_a_process_killed_mid_chip_write_resumes_after_restart_and_issues_once(
        central: CentralSimHandle, perso_ins: list[int], where: str, tmp_path: Path) -> None:
    from counter_app.card.layout import INS_END_PERSO

    writes = [i for i, b in enumerate(perso_ins) if b in WRITES]
    final = perso_ins.index(INS_END_PERSO)
    # the number of personalisation APDUs the card executes and answers before it goes quiet
    answered = {"middle-write": writes[len(writes) // 2] + 1, "final-done": final + 1}[where]
    path = _blank(tmp_path)
    slot = EmulatedSlot()
    counter = Counter(tmp_path, central.url, slot)
    try:
        _killed_and_resumed(counter, slot, path, POWER_ON_APDUS + answered, where)
    finally:
        counter.close()


def _killed_and_resumed(counter: Counter, slot: EmulatedSlot, path: Path, answered: int,
                        where: str) -> None:
    number, app_id = counter.accepted_application()
    serial = chip_serial(EmulatedCard.load(path).atr)
    counter.custody.held.add(serial)
    marker = counter.tmp / "stalled"
    child = _child(counter, number, serial, ISSUE_CARD=str(path),
                   ISSUE_STALL_AFTER=str(answered), ISSUE_MARKER=str(marker))
    _kill_when(child, marker.exists)
    assert marker.read_text().strip() == str(answered)

    # what the kill left: the card as far as the APDUs went, the journal never ahead of it,
    # the issuance not personalised, nothing reported to the central
    card = EmulatedCard.load(path)
    assert (card.state.lifecycle == LIFECYCLE_ISSUED) is (where == "final-done")
    key = card.atr.hex().upper()
    journal = FileJournalStore(counter.tmp / "perso-journal").load(key)
    assert journal is not None and journal["state"] == PersoState.IN_PROGRESS
    assert not any(e["event"] in ("card_link_lost", "verified") for e in journal["events"])
    counter.reopen()  # the application restarted
    reopened = IssuanceWorkflow.open(counter.ctx(), number)
    r = reopened.record
    assert [s.step for s in r.steps if s.status is StepStatus.DONE] == [Step.POWER_ON, Step.MARK]
    assert reopened.current_step is Step.PERSONALISE
    assert r.outcome is Outcome.OPEN and not r.result_op and r.blank_serial == serial
    assert counter.client.application(app_id).state == "BLANK_MARKED"
    assert serial in counter.custody.held and not counter.custody.issued
    records = encode_records(reopened.expected())
    script = build_script(reopened.expected(), script_id=r.script_id)
    claimed = [script.steps[e["index"]] for e in journal["steps"]
               if e["status"] == "done" and e["kind"] == "write"]
    for step in claimed:  # the journal never claims more than the card holds
        assert card.state.records.get(step.apdu[5]) == records[step.apdu[5]]

    # the same card put back in the reader; the restarted counter resumes from the journal
    slot.card = EmulatedCard.load(path)
    slot.port = LoopbackPort(slot.card)
    counter.pad.key_in("406128", "406128")
    assert reopened.advance()
    r = reopened.record
    assert r.outcome is Outcome.ISSUED and all(s.status is StepStatus.DONE for s in r.steps)
    card = EmulatedCard.load(path)
    assert card.state.records == records and card.state.lifecycle == LIFECYCLE_ISSUED
    done = FileJournalStore(counter.tmp / "perso-journal").load(key)
    assert done is not None and done["state"] == PersoState.ISSUED
    assert any(e["event"] == "resumed" for e in done["events"])
    assert counter.custody.issued == {serial: app_id}
    assert counter.client.application(app_id).state == "ACTIVATED"
    active = [c.card_no for c in counter.client.person_cards(reopened.applicant.id_number)
              if c.card_state == "ACTIVE"]
    assert active == [r.card_no]  # one card, reported once
    slot.call(lambda c: (c.select(), c.verify_pin("406128")))

