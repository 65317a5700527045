"""The issuance tests' own reference central and counters (see tests/integration/issuance), and
the page as the issuance page tests show it: a counter without a PIN pad, the dialogs answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.central.launcher import CentralSimHandle
from counter_app.devices.pinpad import PinEntry
from counter_app.ui.issuance.dialogs import IssuanceDialogs
from counter_app.ui.issuance.page import IssuancePage, ProgressScreen
from counter_app.workflows.issuance.chip import chip_serial
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot
from counter_app.workflows.supervisor import SupervisorApproval
from tests.integration.issuance.conftest import (  # noqa: F401 - fixtures
    Counter,
    central,
    issuance_central_sim,
)
from tests.ui.pages import show as show_page


class Answers(IssuanceDialogs):
    """The holder's and the supervisor's answers, as the dialogs would return them."""

    def __init__(self) -> None:
        self.pin_asked = 0
        self.spoil_answer: tuple[str, SupervisorApproval] | None = None

    def pins(self, parent: object) -> tuple[PinEntry, PinEntry] | None:  # type: ignore[override]
        self.pin_asked += 1
        return PinEntry("582913"), PinEntry("582913")

    def spoil(self, parent: object, serial_tail: str) -> tuple[str, SupervisorApproval] | None:  # type: ignore[override]
        return self.spoil_answer


@pytest.fixture
def rig(tmp_path: Path,
        central: CentralSimHandle) -> Iterator[tuple[Counter, EmulatedSlot]]:  # noqa: F811 - the fixture imported above
    """A counter on the issuance central with the in-process card emulator in its slot."""
    slot = EmulatedSlot()
    counter = Counter(tmp_path, central.url, slot)
    yield counter, slot
    counter.close()


def held_blank(counter: Counter, slot: EmulatedSlot) -> str:
    """A fresh blank in the slot, in this teller's custody: its chip serial."""
    serial = chip_serial(slot.insert_blank())
    counter.custody.held.add(serial)
    return serial


def show(qtbot, page: IssuancePage) -> IssuancePage:  # type: ignore[no-untyped-def]
    """The page with the dialogs answered (the PIN keyed in the masked dialog), shown at the
    teller's size and opened, its first work done."""
    page.dialogs = Answers()
    return show_page(qtbot, page, (1200, 760))


def screen(page: IssuancePage) -> ProgressScreen:
    s = page.current_screen()
    assert isinstance(s, ProgressScreen)
    return s
