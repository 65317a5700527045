"""PIN and card services headless, with fakes for the central, the store, the chip and the pad:
a reset waits for the person's unsent formal loss, the PIN rule on a card awaiting activation,
the central's state refusals retold, and the hand-over from a data change to the chip write."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from counter_app.central import api as A
from counter_app.central.errors import CentralRefusal
from counter_app.central.sync import NewWorkRefused
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.devices.pinpad import DemoPinPad, PinEntry
from counter_app.devices.sschip import ChipFunctions, HolderFields
from counter_app.domain.card import CardData
from counter_app.domain.errors import CounterError
from counter_app.printing import BranchInfo
from counter_app.workflows.card_services import (
    CardServicesContext,
    CardServicesDesk,
    CardServicesWorkflow,
    Operation,
    Step,
)
from counter_app.workflows.card_services.handover import chip_write_handover
from counter_app.workflows.data_change.record import Change, DataChangeRecord, Outcome
from counter_app.workflows.identity_step import Identity
from counter_app.workflows.pin_services.pins import PinServiceRefused
from tests.unit.workflows.test_card_loss_workflow import (
    LI_MING,
    NOW,
    FakeCentral,
    FakeStore,
    li_ming_card,
)


class PinCentral(FakeCentral):
    def __init__(self) -> None:
        super().__init__()
        self.resets: list[tuple[str, str, str]] = []
        self.person_changes: dict[str, str] = {}  # what a data change made of 李明

    def get_person(self, id_number: str) -> A.Person:
        return replace(super().get_person(id_number), **self.person_changes)

    def authorise_pin_reset(self, card_no: str, *, branch_code: str, function: str,
                            idempotency_key: str) -> A.PinResetAuthorisation:
        self._line()
        self.resets.append((card_no, function, idempotency_key))
        if self.refuse is not None:
            raise self.refuse
        return A.PinResetAuthorisation("PRA-1", card_no, function, NOW + dt.timedelta(minutes=10))


class FakeChip:
    name = "演示读卡器"

    def __init__(self) -> None:
        self.data = li_ming_card()
        self.unblocked: list[PinEntry] = []

    def read(self) -> CardData:
        return self.data

    def verify_pin(self, pin: PinEntry) -> None:
        return None

    def change_pin(self, old: PinEntry, new: PinEntry) -> None:
        return None

    def unblock_pin(self, new: PinEntry) -> None:
        self.unblocked.append(new)

    def activate(self, card_no: str) -> ChipFunctions:
        return ChipFunctions(True, True)

    def functions(self) -> ChipFunctions:
        return ChipFunctions(True, True)

    def write_holder(self, fields: HolderFields) -> CardData:
        self.data = replace(self.data, name=fields.name, nation=fields.nation)
        return self.data


class Counter:
    def __init__(self) -> None:
        self.central, self.store, self.chip = PinCentral(), FakeStore(), FakeChip()
        self.pad = DemoPinPad(timeout_s=0.5)
        self.woken = 0
        self.ctx = CardServicesContext(
            branch=BranchInfo("ICBC-NB-0101", "中国工商银行测试网点", "中国工商银行", True),
            branch_code="ICBC-NB-0101", bank_code="ICBC", counter_id="04", teller="T0401",
            central=self.central, store=self.store, chip=self.chip, pin_pad=self.pad,
            id_reader=SimulatedIdCardReader(DEMO_ID_CARDS[LI_MING]), clock=lambda: NOW,
            wake_sync=self._wake)

    def _wake(self) -> None:
        self.woken += 1

    def at_act(self, op: Operation) -> CardServicesWorkflow:
        wf = CardServicesWorkflow(self.ctx)
        wf.set_operation(op)
        wf.read_id_card()
        wf.next()
        wf.read_card()
        wf.next()
        return wf

    def queue_loss(self) -> str:
        """A formal loss of the same person accepted with the line down, still unsent."""
        self.store.begin(op_id="loss-offline", operation="cards.loss", id_number=LI_MING,
                         payload={"card_no": "NB0000016"}, actor="T0401", action="card.loss",
                         detail={}, hold_s=0.0, now=NOW)
        return "loss-offline"


def test_reset_waits_for_the_persons_unsent_formal_loss() -> None:
    counter = Counter()
    wf = counter.at_act(Operation.RESET_PIN)
    key = counter.queue_loss()
    counter.pad.key_in("480913", "480913")
    with pytest.raises(NewWorkRefused) as refused:
        wf.run_service()
    assert refused.value.code == "EARLIER_OPERATION_UNSENT"
    assert "挂失" in refused.value.message_zh and "送达中心" in refused.value.message_zh
    assert counter.central.resets == []  # the authorisation never left before the loss
    assert counter.woken == 1  # the sync worker is asked to send the loss now
    assert counter.pad.waiting == 2 and counter.chip.unblocked == []  # the pad was not asked
    assert [r["operation"] for r in counter.store.rows.values()] == ["cards.loss"]
    # once the loss reached the central, the reset goes through
    counter.store.sent(key, {}, NOW)
    outcome = wf.run_service()
    assert outcome.status == "done" and len(counter.central.resets) == 1
    assert len(counter.chip.unblocked) == 1


def test_reset_retry_with_its_own_key_is_not_held_back_by_itself() -> None:
    """The reset's own message (released after a line error) is unsent too: a retry under the
    same key replays it instead of refusing."""
    counter = Counter()
    wf = counter.at_act(Operation.RESET_PIN)
    wf.update_record(op_id="reset-1")
    counter.store.begin(op_id="reset-1", operation="cards.pin_reset", id_number=LI_MING,
                        payload={}, actor="T0401", action="card.pin_reset", detail={}, hold_s=0.0,
                        now=NOW)
    counter.pad.key_in("480913", "480913")
    outcome = wf.run_service()
    assert outcome.op_id == "reset-1" and counter.central.resets[0][2] == "reset-1"


def test_pin_services_refused_on_a_card_awaiting_activation() -> None:
    counter = Counter()
    counter.central.card = replace(counter.central.card, card_state="PENDING_ACTIVATION")
    for op in (Operation.RESET_PIN, Operation.CHANGE_PIN):
        wf = counter.at_act(op)
        offers = wf.offers()
        assert not any(o.allowed for o in offers)
        assert all("领卡未激活" in o.reason_zh and "领卡启用" in o.reason_zh for o in offers)
        with pytest.raises(PinServiceRefused):
            wf.run_service()
    assert counter.central.resets == []


@pytest.mark.parametrize(("code", "details", "expected"), [
    ("FUNCTION_STATE_CONFLICT", {"function": "financial", "state": "LOST", "target": "LOST"},
     "金融功能当前状态为“正式挂失”"),
    ("CARD_IS_LOST", {"function": "social", "state": "TEMP_LOST"}, "临时挂失"),
    ("CARD_NOT_IN_USE", {"card_state": "SEALED"}, "封存"),
    ("CARD_NOT_ACTIVE", {"card_state": "PENDING_ACTIVATION"}, "领卡未激活"),
])
def test_central_state_refusals_retold_with_chinese_states(code: str, details: dict[str, Any],
                                                           expected: str) -> None:
    counter = Counter()
    wf = counter.at_act(Operation.RESET_PIN)
    counter.central.refuse = CentralRefusal(409, code, f"{code} (central text)", details)
    counter.pad.key_in("480913", "480913")
    with pytest.raises(CentralRefusal) as refused:
        wf.run_service()
    message = refused.value.message_zh
    assert refused.value.code == code and message.startswith("中心系统未受理：")
    assert expected in message and "(central text)" not in message
    assert not any(s in message for s in ("LOST", "SEALED", "PENDING"))  # no English codes
    assert message.count("。") >= 2  # the refusal, then what the person can do


@pytest.mark.parametrize("details", [{}, {"function": "social", "state": "LOCKED", "target": "NORMAL"}])
def test_central_refusal_the_table_cannot_retell_still_chinese(details: dict[str, Any]) -> None:
    """No states named, or states the table allows (they changed meanwhile): read again."""
    counter = Counter()
    wf = counter.at_act(Operation.RESET_PIN)
    counter.central.refuse = CentralRefusal(409, "FUNCTION_STATE_CONFLICT", "x", details)
    counter.pad.key_in("480913", "480913")
    with pytest.raises(CentralRefusal) as refused:
        wf.run_service()
    assert refused.value.message_zh.startswith("中心系统未受理：") and "重新读卡" in refused.value.message_zh


def _changed(*changes: tuple[str, str], new_card: bool = False) -> DataChangeRecord:
    return DataChangeRecord(
        "d1", "T0401", NOW.isoformat(), identity=Identity(LI_MING, "reader", "李明"),
        changes=tuple(Change(f, v) for f, v in changes),
        outcome=Outcome("op", "done", "ok", NOW.isoformat(), "R1", new_card_required=new_card))


def test_only_a_nation_change_hands_over_to_the_chip_write() -> None:
    handover = chip_write_handover(_changed(("nation", "05"), ("phone", "13800000000")))
    assert handover is not None and handover.fields == ("nation",)
    assert handover.identity == Identity(LI_MING, "reader", "李明")
    assert chip_write_handover(_changed(("name", "李铭"), new_card=True)) is None  # a new card
    assert chip_write_handover(_changed(("birth_date", "1985-06-11"))) is None  # chip: the ID's
    assert chip_write_handover(_changed(("phone", "13800000000"))) is None
    pending = dataclasses.replace(_changed(("nation", "05")), outcome=Outcome(
        "op", "pending", "queued", NOW.isoformat(), "R1"))
    assert chip_write_handover(pending) is None  # not yet at the central


def test_take_over_lands_on_the_chip_write_with_the_person() -> None:
    counter = Counter()
    handover = chip_write_handover(_changed(("nation", "05")))
    assert handover is not None
    wf = CardServicesDesk(counter.ctx).take_over(handover)
    assert wf.operation is Operation.WRITE and wf.step is Step.CARD
    assert wf.record.identity == handover.identity


def test_chip_write_brings_the_central_nation_and_keeps_the_name() -> None:
    counter = Counter()
    counter.central.person_changes = {"nation": "05"}
    wf = counter.at_act(Operation.WRITE)
    outcome = wf.run_service()
    assert outcome.fields == ("nation",) and counter.chip.data.nation == "05"
    assert counter.chip.data.name == "李明"
    counter.central.person_changes = {"name": "李铭"}
    again = counter.at_act(Operation.WRITE)
    with pytest.raises(CounterError) as refused:
        again.run_service()
    assert refused.value.code == "NEW_CARD_REQUIRED" and counter.chip.data.name == "李明"
