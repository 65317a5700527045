"""Step progress is kept in memory between the saves that matter (docs/instant-issuance.md):
the application dying right after the card face was printed loses the step's *done* mark,
and the issuance reopened on the same database goes on without printing the face twice; the
run's end is saved whatever stops it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counter_app.card.emulator.loopback import LoopbackPort
from counter_app.card.perso import FileJournalStore, build_script
from counter_app.central.launcher import CentralSimHandle
from counter_app.devices.card_printer import PdfCardPrinter
from counter_app.store.issuance import IssuanceStore
from counter_app.workflows.issuance import IssuanceWorkflow, Outcome, Step, StepStatus
from counter_app.workflows.issuance.chip import chip_serial
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot
from tests.integration.issuance.conftest import BRANCH, Counter


class Died(BaseException):
    """The process ends here: nothing after it reaches the database."""


class DyingStore(IssuanceStore):
    """The real store until ``die`` is set: then the next save is the last one written."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.die = False
        self.dead = False

    def save(self, application_no: str, data: dict[str, Any]) -> None:
        if self.dead:
            return
        super().save(application_no, data)
        if self.die:
            self.dead = True


class CountingPrinter(PdfCardPrinter):
    def __init__(self, folder: Path, store: DyingStore) -> None:
        super().__init__(folder)
        self.store = store
        self.jobs: list[str] = []

    def print_face(self, pdf: bytes, *, job: str) -> str:
        self.jobs.append(job)
        self.store.die = True  # dies right after the face print is recorded
        return super().print_face(pdf, job=job)


@pytest.fixture
def slot() -> EmulatedSlot:
    return EmulatedSlot()


@pytest.fixture
def counter(tmp_path: Path, central: CentralSimHandle, slot: EmulatedSlot) -> Iterator[Counter]:
    c = Counter(tmp_path, central.url, slot)
    yield c
    c.close()


def test_a_crash_after_the_face_print_never_prints_it_twice(counter: Counter,
                                                            slot: EmulatedSlot) -> None:
    number, _ = counter.accepted_application()
    counter.custody.held.add(chip_serial(slot.insert_blank()))
    store = DyingStore(counter.store, BRANCH)
    printer = CountingPrinter(counter.tmp / "faces", store)

    def die_before_verify(step: Step) -> None:
        if step is Step.VERIFY:
            raise Died()

    wf = IssuanceWorkflow.open(counter.ctx(store=store, printer=printer), number)
    with pytest.raises(Died):
        wf.advance(on_step=die_before_verify)
    assert printer.jobs == [f"{number}-face"]
    # what the database holds: the face print recorded, its step's mark lost with the process
    counter.reopen()
    again = IssuanceWorkflow.open(counter.ctx(printer=printer), number)
    assert again.record.face_pdf_sha
    assert again.record.state_of(Step.PRINT_FACE).status is not StepStatus.DONE
    counter.pad.key_in("406128", "406128")
    assert again.advance()
    assert again.record.outcome is Outcome.ISSUED
    assert printer.jobs == [f"{number}-face"]  # printed once
    assert any(j.event == "print_face.already_printed" for j in again.journal)


def test_a_stopped_run_saves_its_progress(counter: Counter, slot: EmulatedSlot) -> None:
    number, _ = counter.accepted_application()
    counter.custody.held.add(chip_serial(slot.insert_blank()))
    wf = IssuanceWorkflow.open(counter.ctx(pin_pad=None), number)
    with pytest.raises(Exception, match="密码"):
        wf.advance()  # no PIN pad: stops at the PIN step
    counter.reopen()
    again = IssuanceWorkflow.open(counter.ctx(), number)
    done = [s.step for s in again.record.steps if s.status is StepStatus.DONE]
    assert done == [Step.POWER_ON, Step.MARK, Step.PERSONALISE, Step.PRINT_FACE, Step.VERIFY,
                    Step.REPORT, Step.ACTIVATE]
    assert again.record.state_of(Step.PIN).code == "PIN_NEEDED"


# -- the process killed in the middle of the chip write ------------------------------------------
# The personalisation journal is written in batches (card/perso.py): durable before the first
# write and before the final step, not after every APDU. A kill between two writes therefore
# leaves a journal that lags behind the card; the restarted issuance must still finish the same
# card once, never reporting it issued before it is written, verified and acknowledged.


class Death:
    """Shared by the stores of one process: once ``dead`` nothing more reaches the disk."""

    def __init__(self) -> None:
        self.dead = False


class MortalIssuanceStore(IssuanceStore):
    def __init__(self, death: Death, *args: Any) -> None:
        super().__init__(*args)
        self.death = death

    def save(self, application_no: str, data: dict[str, Any]) -> None:
        if not self.death.dead:
            super().save(application_no, data)

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        if not self.death.dead:
            super().audit(actor, action, **detail)


class MortalJournals(FileJournalStore):
    def __init__(self, death: Death, directory: Path) -> None:
        super().__init__(directory)
        self.death = death
        self.saves = 0

    def save(self, card_key: str, journal: dict[str, Any]) -> None:
        if not self.death.dead:  # the engine's last-gasp save never happens in a real kill
            self.saves += 1
            super().save(card_key, journal)


class KillingPort(LoopbackPort):
    """The card in the slot; the process dies right after the ``at``-th APDU counted from
    ``arm`` reached the card (its answer is lost with the process)."""

    def __init__(self, device: Any, death: Death) -> None:
        super().__init__(device)
        self.death = death
        self.at: int | None = None

    def arm(self, at: int) -> None:
        self.at = at

    def transmit(self, apdu: bytes) -> bytes:
        response = super().transmit(apdu)
        if self.at is not None:
            self.at -= 1
            if self.at == 0:
                self.death.dead = True
                raise Died()
        return response


def _perso_ins(counter: Counter, slot: EmulatedSlot) -> list[int]:
    """The instruction byte of every APDU the PERSONALISE step sends on a blank."""
    number, _ = counter.accepted_application()
    counter.custody.held.add(chip_serial(slot.insert_blank()))
    counter.pad.key_in("406128", "406128")
    marks: dict[Step, int] = {}

    def seen(step: Step) -> None:
        assert slot.port is not None
        marks[step] = len(slot.port.log)

    assert IssuanceWorkflow.open(counter.ctx(), number).advance(on_step=seen)
    assert slot.port is not None
    return [apdu[1] for apdu in slot.port.log[marks[Step.PERSONALISE]:marks[Step.PRINT_FACE]]]


WRITES = (0xD6, 0xDC)  # UPDATE BINARY, UPDATE RECORD


@pytest.mark.parametrize("where", ["second-write", "middle-write", "last-write", "final"])
def test_killed_mid_chip_write_resumes_after_restart_and_issues_once(
        counter: Counter, slot: EmulatedSlot, where: str) -> None:
    from counter_app.card.layout import INS_END_PERSO, LIFECYCLE_ISSUED, encode_records
    from counter_app.card.perso import PersoState

    ins = _perso_ins(counter, slot)
    writes = [i for i, b in enumerate(ins) if b in WRITES]
    assert len(writes) >= 4, ins
    final = ins.index(INS_END_PERSO)
    kill_at = {"second-write": writes[1], "middle-write": writes[len(writes) // 2],
               "last-write": writes[-1], "final": final}[where] + 1  # 1-based: this APDU done

    number, app_id = counter.accepted_application()
    serial = chip_serial(slot.insert_blank())
    counter.custody.held.add(serial)
    death = Death()
    assert slot.card is not None
    port = KillingPort(slot.card, death)
    slot.port = port
    journals = MortalJournals(death, counter.tmp / "perso-journal")
    store = MortalIssuanceStore(death, counter.store, BRANCH)

    def arm(step: Step) -> None:
        if step is Step.PERSONALISE:
            port.arm(kill_at)

    wf = IssuanceWorkflow.open(counter.ctx(store=store, journals=journals), number)
    with pytest.raises(Died):
        wf.advance(on_step=arm)
    card = slot.card
    script_id = wf.record.script_id

    # what survived the kill: a journal that never claims more than the card holds and, between
    # writes, lags behind it (batched); the issuance not personalised, nothing reported
    counter.reopen()
    key = card.atr.hex().upper()
    journal = FileJournalStore(counter.tmp / "perso-journal").load(key)
    assert journal is not None and journal["state"] == PersoState.IN_PROGRESS
    expected = IssuanceWorkflow.open(counter.ctx(), number).expected()
    records = encode_records(expected)
    script = build_script(expected, script_id=script_id)
    lagging = 0
    for entry in journal["steps"]:
        step = script.steps[entry["index"]]
        if step.kind == "write":
            on_card = card.state.records.get(step.apdu[5]) == records[step.apdu[5]]
        elif step.kind == "final":
            on_card = card.state.lifecycle == LIFECYCLE_ISSUED
        else:
            continue
        if entry["status"] == "done":
            assert on_card, entry  # never more than the card holds
        lagging += on_card and entry["status"] != "done"
    if where in ("middle-write", "last-write"):
        assert lagging >= 1  # the batching this test is about: the card is ahead of the file
    assert (card.state.lifecycle == LIFECYCLE_ISSUED) is (where == "final")
    reopened = IssuanceWorkflow.open(counter.ctx(), number)
    assert reopened.record.state_of(Step.PERSONALISE).status is not StepStatus.DONE
    assert reopened.record.outcome is Outcome.OPEN and not reopened.record.result_op
    assert counter.client.application(app_id).state == "BLANK_MARKED"  # never reported issued
    assert serial in counter.custody.held and serial not in counter.custody.issued

    # restarted: the same card back in the reader (powered anew), resumed from the journal
    slot.reinsert()
    counter.pad.key_in("406128", "406128")
    assert reopened.advance()
    r = reopened.record
    assert r.outcome is Outcome.ISSUED and all(s.status is StepStatus.DONE for s in r.steps)
    assert card.state.records == records and card.state.lifecycle == LIFECYCLE_ISSUED
    done = FileJournalStore(counter.tmp / "perso-journal").load(key)
    assert done is not None and done["state"] == PersoState.ISSUED
    assert any(e["event"] == "resumed" for e in done["events"])
    assert [s for s, a in counter.custody.issued.items() if a == app_id] == [serial]
    assert counter.client.application(app_id).state == "ACTIVATED"
    active = [c.card_no for c in counter.client.person_cards(reopened.applicant.id_number)
              if c.card_state == "ACTIVE"]
    assert active == [r.card_no]  # one card, reported once
