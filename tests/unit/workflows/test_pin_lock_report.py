"""The chip's PIN lock reported to the central (``pins.report_lock``), headless: sent when the
chip answers PIN blocked or the last wrong try, kept in the outbox when the line is down or
the person's earlier work is unsent, not sent when the table would refuse it — never a PIN."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from counter_app.card.errors import PinBlockedError, WrongPinError
from counter_app.central import api as A
from counter_app.central.errors import CentralRefusal
from counter_app.devices.pinpad import PinEntry
from counter_app.workflows.card_services import Operation
from counter_app.workflows.pin_services.pins import LOCK_OPERATION, PinServiceRefused, report_lock
from tests.unit.workflows.test_card_loss_workflow import LI_MING
from tests.unit.workflows.test_card_services_workflow import Counter, FakeChip, PinCentral

OLD, NEW = "135790", "480913"


class LockingCentral(PinCentral):
    def __init__(self) -> None:
        super().__init__()
        self.locks: list[tuple[str, str, str, str]] = []

    def report_pin_lock(self, card_no: str, *, branch_code: str, function: str,
                        idempotency_key: str) -> A.CardStatus:
        self._line()
        self.locks.append((card_no, branch_code, function, idempotency_key))
        if self.refuse is not None:
            raise self.refuse
        self.card = replace(self.card, **{f"{function}_state": "LOCKED"})
        return self.card


class BlockingChip(FakeChip):
    """Answers the old PIN with "wrong, none left" or "blocked"."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def change_pin(self, old: PinEntry, new: PinEntry) -> None:
        raise self.error


def _counter(error: Exception) -> Counter:
    counter = Counter()
    counter.central = LockingCentral()
    counter.chip = BlockingChip(error)
    counter.ctx.central, counter.ctx.chip = counter.central, counter.chip
    return counter


@pytest.mark.parametrize(("error", "code"), [(WrongPinError(0x63C0, 0), "PIN_LOCKED_NOW"),
                                             (PinBlockedError(), "PIN_BLOCKED")])
def test_lock_sent_when_the_chip_locks(error: Exception, code: str) -> None:
    counter = _counter(error)
    wf = counter.at_act(Operation.CHANGE_PIN)
    counter.pad.key_in(OLD, NEW, NEW)
    with pytest.raises(PinServiceRefused) as refused:
        wf.run_service()
    assert refused.value.code == code
    central = counter.central
    assert isinstance(central, LockingCentral)
    assert [(c, b, f) for c, b, f, _k in central.locks] == [("NB0000016", "ICBC-NB-0101", "social")]
    key = central.locks[0][3]
    row = counter.store.rows[key]
    assert (row["operation"], row["status"]) == (LOCK_OPERATION, "done")
    assert row["payload"] == {"card_no": "NB0000016", "branch_code": "ICBC-NB-0101", "function": "social"}
    assert wf.record.central.social_state == "LOCKED"  # the reset now unlocks
    text = json.dumps([row, counter.store.audits, [e.__dict__ for e in wf.journal]], ensure_ascii=False,
                      default=str)
    assert OLD not in text and NEW not in text
    # the change is no longer offered: the function is 应用锁定
    change = wf.offers()
    assert not change[0].allowed and "应用锁定" in change[0].state_zh


def test_a_wrong_pin_with_tries_left_reports_nothing() -> None:
    counter = _counter(WrongPinError(0x63C2, 2))
    wf = counter.at_act(Operation.CHANGE_PIN)
    counter.pad.key_in(OLD, NEW, NEW)
    with pytest.raises(PinServiceRefused):
        wf.run_service()
    assert isinstance(counter.central, LockingCentral) and counter.central.locks == []
    assert counter.store.rows == {}


def test_line_down_keeps_the_lock_in_the_outbox() -> None:
    counter = _counter(PinBlockedError())
    wf = counter.at_act(Operation.CHANGE_PIN)
    central = counter.central
    assert isinstance(central, LockingCentral)
    central.down = True
    assert report_lock(wf) == "queued"
    (key, row), = counter.store.rows.items()
    assert (row["operation"], row["status"]) == (LOCK_OPERATION, "pending")  # the worker sends it
    assert counter.woken == 1 and central.locks == []
    assert counter.store.unsent_for(LI_MING) == 1  # a reset now waits for it (sent in order)


def test_behind_the_persons_unsent_work_it_is_queued_not_sent() -> None:
    counter = _counter(PinBlockedError())
    wf = counter.at_act(Operation.CHANGE_PIN)
    counter.queue_loss()
    assert report_lock(wf) == "queued"
    assert isinstance(counter.central, LockingCentral) and counter.central.locks == []
    assert [r["status"] for r in counter.store.rows.values()] == ["pending", "pending"]


def test_the_table_decides_what_is_reported() -> None:
    counter = _counter(PinBlockedError())
    wf = counter.at_act(Operation.CHANGE_PIN)
    central = counter.central
    assert isinstance(central, LockingCentral)
    wf.update_record(central=replace(wf.record.central, social_state="LOCKED"))
    assert report_lock(wf) == "already"  # the central knows already
    wf.update_record(central=replace(wf.record.central, social_state="LOST"))
    assert report_lock(wf) == "skipped"  # LOST → LOCKED is not in the table
    assert central.locks == [] and counter.store.rows == {}
    wf.update_record(central=replace(wf.record.central, social_state="NORMAL"))
    central.refuse = CentralRefusal(409, "FUNCTION_STATE_CONFLICT", "x", {})
    assert report_lock(wf) == "refused"  # settled, not retried for ever
    assert [r["status"] for r in counter.store.rows.values()] == ["done"]
