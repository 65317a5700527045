"""A break of the audit chain stops loss and de-loss with the line up too (not only the
queued work): nothing is written, nothing is sent, until a supervisor acknowledges it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.workflows.card_loss import Operation
from tests.unit.workflows.test_card_loss_workflow import (
    NOW,
    FakeCentral,
    FakeStore,
    li_ming_card,
    make,
    to_choose,
)


class Line:
    def __init__(self) -> None:
        self.state = LineState.ONLINE
        self.audit_break = True

    def __call__(self) -> SyncStatus:
        return SyncStatus(self.state, None, 0, 0, None, NOW, None, None, NOW,
                          audit_break=self.audit_break)


Parts = tuple[FakeCentral, FakeStore, Line, SimulatedSocialCardReader]


@pytest.fixture
def parts() -> Parts:
    return FakeCentral(), FakeStore(), Line(), SimulatedSocialCardReader()


@pytest.mark.parametrize("line", [LineState.ONLINE, LineState.OFFLINE])
def test_audit_break_stops_the_formal_loss(parts: Parts, line: LineState) -> None:
    central, store, status, _reader = parts
    wf = to_choose(make(parts), Operation.LOSS)  # asked while the line was up
    wf.next()
    status.state = line
    with pytest.raises(NewWorkRefused) as refused:
        wf.submit()
    assert refused.value.code == "AUDIT_CHAIN_BROKEN" and "主管" in refused.value.message_zh
    assert central.calls == [] and store.rows == {} and store.audits == []
    status.audit_break = False  # the supervisor acknowledged it
    assert wf.submit().status == ("done" if line is LineState.ONLINE else "pending")


def test_audit_break_stops_the_deloss(parts: Parts) -> None:
    central, store, status, reader = parts
    central.card = replace(central.card, social_state="LOST")
    wf = to_choose(make(parts), Operation.DELOSS)
    reader.insert(li_ming_card())
    wf.read_card()
    wf.next()
    with pytest.raises(NewWorkRefused) as refused:
        wf.submit()
    assert refused.value.code == "AUDIT_CHAIN_BROKEN"
    assert central.calls == [] and store.rows == {}
    status.audit_break = False
    outcome = wf.submit()
    assert outcome.status == "done" and central.calls[-1][0] == "deloss"
