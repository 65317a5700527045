"""Instant issuance end to end on the in-process card emulator and the reference central:
the happy path, a tear at every APDU of the personalisation (answer received and lost),
the printer failing, the line dropping before the report, a restart mid-issuance, a card
not in custody, a card that refuses authentication, spoiling and the compensating cancel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.layout import LIFECYCLE_ISSUED, encode_records
from counter_app.card.perso import FileJournalStore, PersoState, build_script
from counter_app.central.launcher import CentralSimHandle
from counter_app.devices.card_printer import PdfCardPrinter
from counter_app.domain.errors import CounterError
from counter_app.workflows.issuance import (
    IssuanceStopped,
    IssuanceWorkflow,
    Outcome,
    Step,
    StepStatus,
)
from counter_app.workflows.issuance.chip import chip_serial
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot
from tests.integration.issuance.conftest import Counter


@pytest.fixture
def slot() -> EmulatedSlot:
    return EmulatedSlot()


@pytest.fixture
def counter(tmp_path: Path, central: CentralSimHandle, slot: EmulatedSlot) -> Iterator[Counter]:
    c = Counter(tmp_path, central.url, slot)
    yield c
    c.close()


def blank(counter: Counter, slot: EmulatedSlot) -> str:
    serial = chip_serial(slot.insert_blank())
    counter.custody.held.add(serial)
    return serial


def central_app(counter: Counter, app_id: str) -> str:
    return counter.client.application(app_id).state


def test_happy_path_issues_activates_and_prints(counter: Counter, slot: EmulatedSlot,
                                                 tmp_path: Path) -> None:
    number, app_id = counter.accepted_application()
    serial = blank(counter, slot)
    counter.pad.key_in("207419", "207419")
    wf = IssuanceWorkflow.open(counter.ctx(), number)
    assert wf.advance()
    r = wf.record
    assert r.outcome is Outcome.ISSUED and all(s.status is StepStatus.DONE for s in r.steps)
    assert counter.custody.issued == {serial: app_id}
    status = counter.client.card_status(r.card_no)
    assert status.card_state == "ACTIVE"
    assert central_app(counter, app_id) == "ACTIVATED"
    assert slot.card is not None and slot.card.state.lifecycle == LIFECYCLE_ISSUED
    assert slot.card.state.records == encode_records(wf.expected())
    face = tmp_path / "faces" / f"{number}-face.pdf"
    assert face.read_bytes().startswith(b"%PDF")
    assert wf.receipt_pdf().startswith(b"%PDF")
    # the holder's PIN is on the chip (verify through the card), and nowhere in the store
    slot.call(lambda card: (card.select(), card.verify_pin("207419")))
    raw = (tmp_path / "counter.db").read_bytes()
    assert b"207419" not in raw
    journal = FileJournalStore(tmp_path / "perso-journal").load(slot.card.atr.hex().upper())
    assert journal is not None and "207419" not in str(journal)
    # the pick-up list no longer offers it
    from counter_app.workflows.issuance import IssuanceDesk

    assert number not in [c.application_no for c in IssuanceDesk(counter.ctx()).waiting()]
