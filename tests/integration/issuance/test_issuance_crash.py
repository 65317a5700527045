"""Step progress is kept in memory between the saves that matter (docs/instant-issuance.md):
the application dying right after the card face was printed loses the step's *done* mark,
and the issuance reopened on the same database goes on without printing the face twice; the
run's end is saved whatever stops it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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
