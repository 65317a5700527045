"""Loss and de-loss headless, with fakes for the central and the store (no I/O): every
state of the table offered or refused, the own-bank rule, line down, temporary-loss expiry."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from typing import Any

import pytest

from counter_app.central import api as A
from counter_app.central.errors import CentralRefusal, LineDownError
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.domain.card import CardData
from counter_app.domain.card_states import CardState, FunctionState, function_allows
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.printing import BranchInfo
from counter_app.workflows.card_loss import (
    CardLossContext,
    CardLossWorkflow,
    CardSource,
    FoundCard,
    Operation,
    Step,
)
from counter_app.workflows.kernel import StepInvalid

NOW = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
LI_MING = "330203198506122017"
CARD = "NB0000016"


def li_ming_card() -> CardData:
    return CardData("330200D1560000050A1B2C3D4E5F6071", "1", "3.00", "330200000001",
                    dt.date(2024, 3, 1), dt.date(2034, 3, 1), CARD, LI_MING, "李明", "1", "01",
                    "330203", dt.date(1985, 6, 12))


class FakeCentral:
    def __init__(self) -> None:
        self.down = False
        self.card = A.CardStatus(CARD, LI_MING, "ICBC", "ACTIVE", "NORMAL", "NORMAL", False,
                                 None, None, None, False, None)
        self.calls: list[tuple[str, list[str], str]] = []
        self.refuse: CentralRefusal | None = None

    def _line(self) -> None:
        if self.down:
            raise LineDownError()

    def person_cards(self, id_number: str) -> list[A.CardStatus]:
        self._line()
        return [self.card] if id_number == LI_MING else []

    def get_person(self, id_number: str) -> A.Person:
        self._line()
        return A.Person(id_number, "李明", "1", "01", dt.date(1985, 6, 12), "330203", True,
                        False, False, None, id_number)

    def card_status(self, card_no: str) -> A.CardStatus:
        self._line()
        return self.card

    def _change(self, what: str, functions: list[str], key: str, state: str) -> A.CardStatus:
        self._line()
        self.calls.append((what, functions, key))
        if self.refuse is not None:
            raise self.refuse
        for f in functions:
            self.card = replace(self.card, **{f"{f}_state": state})
        return self.card

    def formal_loss(self, card_no: str, *, branch_code: str, functions: list[str],
                    idempotency_key: str) -> A.CardStatus:
        return self._change("loss", functions, idempotency_key, "LOST")

    def deloss(self, card_no: str, *, branch_code: str, functions: list[str],
               idempotency_key: str) -> A.CardStatus:
        return self._change("deloss", functions, idempotency_key, "NORMAL")


class FakeStore:
    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}
        self.audits: list[tuple[str, dict[str, Any]]] = []

    def unsent_for(self, id_number: str) -> int:
        return sum(1 for r in self.rows.values()
                   if r["id_number"] == id_number and r["status"] in ("pending", "held"))

    def begin(self, *, op_id: str, operation: str, id_number: str, payload: dict[str, Any],
              actor: str, action: str, detail: dict[str, Any], hold_s: float,
              now: dt.datetime) -> None:
        self.rows[op_id] = {"operation": operation, "id_number": id_number, "payload": payload,
                            "status": "held" if hold_s else "pending"}
        self.audits.append((action, detail))

    def sent(self, op_id: str, response: dict[str, Any], now: dt.datetime) -> None:
        self.rows[op_id]["status"] = "done"

    def refused(self, op_id: str, code: str, now: dt.datetime) -> None:
        self.rows[op_id]["status"] = "done"

    def release(self, op_id: str, error_code: str, now: dt.datetime) -> None:
        self.rows[op_id]["status"] = "pending"

    def withdraw(self, op_id: str, reason: str, now: dt.datetime) -> None:
        self.rows[op_id]["status"] = "discarded"

    def status_of(self, op_id: str) -> str | None:
        return self.rows[op_id]["status"] if op_id in self.rows else None

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        self.audits.append((action, detail))


class Line:
    def __init__(self) -> None:
        self.state = LineState.ONLINE

    def __call__(self) -> SyncStatus:
        return SyncStatus(self.state, None, 0, 0, None, NOW, None, None, NOW)


@pytest.fixture
def parts() -> tuple[FakeCentral, FakeStore, Line, SimulatedSocialCardReader]:
    return FakeCentral(), FakeStore(), Line(), SimulatedSocialCardReader()


def make(parts: Any, *, bank: str = "ICBC", now: dt.datetime = NOW) -> CardLossContext:
    central, store, line, reader = parts
    return CardLossContext(
        branch=BranchInfo("ICBC-NB-0101" if bank == "ICBC" else "CCB-NB-0230", "网点", "银行", True),
        branch_code="ICBC-NB-0101" if bank == "ICBC" else "CCB-NB-0230", bank_code=bank,
        counter_id="03", teller="T0301", central=central, store=store,
        id_reader=SimulatedIdCardReader(DEMO_ID_CARDS[LI_MING]), card_reader=reader,
        sync_status=line, clock=lambda: now)


def to_choose(ctx: CardLossContext, op: Operation) -> CardLossWorkflow:
    wf = CardLossWorkflow(ctx)
    wf.set_operation(op)
    wf.read_id_card()
    wf.next()
    wf.find_card()
    return wf


# -- every state of the table, offered or refused -------------------------------------------------

STATES = [s.value for s in FunctionState]


@pytest.mark.parametrize("op", list(Operation))
@pytest.mark.parametrize("card_state", [s.value for s in CardState])
@pytest.mark.parametrize(("social", "financial"), list(itertools.product(STATES, STATES)))
def test_only_what_the_table_allows_is_offered(parts: Any, op: Operation, card_state: str,
                                               social: str, financial: str) -> None:
    central = parts[0]
    central.card = replace(central.card, card_state=card_state, social_state=social,
                           financial_state=financial,
                           temp_loss_until=NOW + dt.timedelta(days=3))
    wf = to_choose(make(parts), op)
    offers = {o.function.value: o for o in wf.offers()}
    in_use = card_state in ("ACTIVE", "PENDING_ACTIVATION")
    for function, state in (("social", social), ("financial", financial)):
        offer = offers[function]
        if op is Operation.LOSS:
            expected = in_use and function_allows(state, "LOST")
        else:
            expected = in_use and state in ("LOST", "TEMP_LOST") and function_allows(state, "NORMAL")
        assert offer.allowed == expected, (function, state, card_state)
        if offer.allowed:
            assert offer.target is not None and function_allows(state, offer.target)
        else:
            assert offer.reason_zh  # every refusal says why and what to do instead
        # the default choice is exactly what is allowed
        assert (function in wf.record.chosen) == expected
    # choosing a refused function is refused by the wizard too
    refused = [f for f, o in offers.items() if not o.allowed]
    if refused:
        wf.choose(refused)
        assert wf.validate(Step.CHOOSE)


def test_formal_loss_online_sends_once_with_a_durable_key(parts: Any) -> None:
    central, store = parts[0], parts[1]
    wf = to_choose(make(parts), Operation.LOSS)
    assert wf.record.identity.name == "李明"
    wf.next()
    assert wf.step is Step.CHOOSE
    outcome = wf.submit()
    assert outcome.status == "done" and set(outcome.functions) == {"social", "financial"}
    assert central.calls == [("loss", ["social", "financial"], outcome.op_id)]
    assert store.rows[outcome.op_id]["status"] == "done"
    assert store.rows[outcome.op_id]["payload"]["card_no"] == CARD
    assert wf.step is Step.DONE and wf.submit() == outcome  # a second press sends nothing
    assert len(central.calls) == 1
    assert LI_MING not in repr(wf.journal)
    assert wf.documents().startswith(b"%PDF")


def test_temporary_loss_is_converted_per_function(parts: Any) -> None:
    central = parts[0]
    central.card = replace(central.card, social_state="TEMP_LOST",
                           temp_loss_until=NOW + dt.timedelta(days=2))
    wf = to_choose(make(parts), Operation.LOSS)
    offers = {o.function.value: o for o in wf.offers()}
    assert offers["social"].action_zh == "临时挂失转正式挂失"
    assert offers["financial"].action_zh == "正式挂失"
    wf.next()
    wf.choose(["social"])
    outcome = wf.submit()
    assert central.calls[0][1] == ["social"]
    assert outcome.social_after == "LOST" and outcome.financial_after == "NORMAL"


@pytest.mark.parametrize(("offset", "lapsed"), [(dt.timedelta(0), False),
                                                (dt.timedelta(microseconds=1), True),
                                                (dt.timedelta(seconds=1), True),
                                                (-dt.timedelta(seconds=1), False)])
def test_temporary_loss_expiry_boundary(parts: Any, offset: dt.timedelta, lapsed: bool) -> None:
    """Valid up to and including its end; one instant later it lapsed (normal again)."""
    central = parts[0]
    until = dt.datetime(2026, 3, 9, 2, 0, tzinfo=dt.UTC)
    central.card = replace(central.card, social_state="TEMP_LOST", temp_loss_until=until)
    wf = to_choose(make(parts, now=until + offset), Operation.DELOSS)
    social = next(o for o in wf.offers() if o.function.value == "social")
    assert social.allowed is not lapsed  # a lapsed temporary loss needs no de-loss
    assert ("临时挂失已过期" in social.state_zh) is lapsed
    loss = to_choose(make(parts, now=until + offset), Operation.LOSS)
    social = next(o for o in loss.offers() if o.function.value == "social")
    assert social.action_zh == ("正式挂失" if lapsed else "临时挂失转正式挂失")


def test_deloss_needs_the_found_card_in_the_reader(parts: Any) -> None:
    central, _store, _line, reader = parts
    central.card = replace(central.card, social_state="LOST", financial_state="LOST")
    wf = to_choose(make(parts), Operation.DELOSS)
    with pytest.raises(StepInvalid) as caught:
        wf.next()
    assert "读取持卡人找回的社保卡" in caught.value.errors["card"]
    other = replace(li_ming_card(), id_number="330205199003011232", name="张伟", sex="1",
                    birth_date=dt.date(1990, 3, 1))
    reader.insert(other)
    with pytest.raises(ValidationError):
        wf.read_card()
    reader.insert(li_ming_card())
    wf.read_card()
    assert wf.next() is Step.CHOOSE
    outcome = wf.submit()
    assert outcome.status == "done" and central.calls[-1][0] == "deloss"
    assert "解除挂失" in wf.label()


def test_deloss_at_a_foreign_bank_names_the_bank(parts: Any) -> None:
    central, _store, _line, reader = parts
    central.card = replace(central.card, social_state="LOST")
    wf = to_choose(make(parts, bank="CCB"), Operation.DELOSS)
    reader.insert(li_ming_card())
    wf.read_card()
    with pytest.raises(StepInvalid) as caught:
        wf.next()
    assert "中国工商银行" in caught.value.errors["card"] and "中国建设银行" in caught.value.errors["card"]
    assert central.calls == []


def test_deloss_after_replacement_refused(parts: Any) -> None:
    central, _store, _line, reader = parts
    central.card = replace(central.card, social_state="LOST", replacement_applied=True)
    wf = to_choose(make(parts), Operation.DELOSS)
    reader.insert(li_ming_card())
    wf.read_card()
    with pytest.raises(StepInvalid) as caught:
        wf.next()
    assert "已申请补卡" in caught.value.errors["card"]
    assert not any(o.allowed for o in wf.offers())


def test_central_refusal_is_explained_and_the_key_dropped(parts: Any) -> None:
    central, store, _line, reader = parts
    central.card = replace(central.card, social_state="LOST")
    wf = to_choose(make(parts), Operation.DELOSS)
    reader.insert(li_ming_card())
    wf.read_card()
    wf.next()
    central.refuse = CentralRefusal(409, "REPLACEMENT_APPLIED", "x", {})
    with pytest.raises(CentralRefusal) as caught:
        wf.submit()
    assert "已申请补卡" in caught.value.message_zh
    assert wf.record.op_id == "" and wf.step is Step.CHOOSE
    assert next(iter(store.rows.values()))["status"] == "done"


def test_formal_loss_line_down_is_queued_and_deloss_refused(parts: Any) -> None:
    central, store, line, reader = parts
    central.down = True
    line.state = LineState.OFFLINE
    wf = CardLossWorkflow(make(parts))
    wf.read_id_card()
    wf.next()
    assert wf.find_card() is None and wf.record.line_down
    with pytest.raises(StepInvalid):
        wf.next()  # no card yet: read it or type its number
    wf.apply(Step.CARD, {"card_no": CARD})
    wf.next()
    # states unknown offline: a formal loss is offered for both, nothing chosen for the teller
    assert [o.allowed for o in wf.offers()] == [True, True] and wf.record.chosen == ()
    wf.choose(["social", "financial"])
    outcome = wf.submit()
    assert outcome.status == "pending" and "暂存" in outcome.message
    assert central.calls == []
    assert store.rows[outcome.op_id]["status"] == "pending"
    assert b"%PDF" in wf.documents()[:8]
    # de-loss with the line down: refused with a clear message
    de = CardLossWorkflow(make(parts))
    de.set_operation(Operation.DELOSS)
    de.read_id_card()
    de.next()
    with pytest.raises(NewWorkRefused) as caught:
        de.find_card()
    assert "专线中断" in caught.value.message_zh and "解挂" in caught.value.message_zh


def test_loss_offered_offline_after_typed_number(parts: Any) -> None:
    central, _store, line, _reader = parts
    central.down = True
    line.state = LineState.OFFLINE
    wf = CardLossWorkflow(make(parts))
    wf.read_id_card()
    wf.next()
    wf.find_card()
    wf.apply(Step.CARD, {"card_no": CARD})
    wf.next()
    wf.choose(["social"])
    assert all(o.allowed for o in wf.offers())
    assert next(iter(wf.offers())).action_zh.startswith("正式挂失")


def test_deloss_refused_while_an_earlier_operation_is_unsent(parts: Any) -> None:
    central, store, _line, reader = parts
    central.card = replace(central.card, social_state="LOST")
    store.rows["earlier"] = {"operation": "cards.loss", "id_number": LI_MING, "payload": {},
                             "status": "pending"}
    wf = to_choose(make(parts), Operation.DELOSS)
    reader.insert(li_ming_card())
    wf.read_card()
    wf.next()
    with pytest.raises(NewWorkRefused) as caught:
        wf.submit()
    assert caught.value.code == "EARLIER_OPERATION_UNSENT"
    assert central.calls == []


def test_line_fails_during_deloss_nothing_sent_is_withdrawn(parts: Any) -> None:
    central, store, _line, reader = parts
    central.card = replace(central.card, social_state="LOST")
    wf = to_choose(make(parts), Operation.DELOSS)
    reader.insert(li_ming_card())
    wf.read_card()
    wf.next()
    central.down = True
    with pytest.raises(NewWorkRefused):
        wf.submit()
    assert [r["status"] for r in store.rows.values()] == ["discarded"]


def test_line_fails_during_loss_is_released_to_the_outbox(parts: Any) -> None:
    central, store, _line, _reader = parts
    wf = to_choose(make(parts), Operation.LOSS)
    wf.next()
    central.down = True
    outcome = wf.submit()
    assert outcome.status == "pending"
    assert store.rows[outcome.op_id]["status"] == "pending"


def test_person_without_a_card(parts: Any) -> None:
    wf = CardLossWorkflow(make(parts))
    wf.set_id_number("330205199003011232")
    wf.next()
    with pytest.raises(CounterError) as caught:
        wf.find_card()
    assert caught.value.code == "NO_CARD_ON_FILE"


def test_another_person_clears_the_card(parts: Any) -> None:
    wf = to_choose(make(parts), Operation.LOSS)
    assert wf.record.card is not None
    wf.set_id_number("330205199003011232")
    assert wf.record.card is None and wf.record.chosen == ()


def test_typed_card_only_when_the_line_is_down(parts: Any) -> None:
    wf = to_choose(make(parts), Operation.LOSS)
    wf.apply(Step.CARD, {"card_no": "NB0000024"})
    assert wf.record.card == FoundCard(CARD, CardSource.CENTRAL, wf.record.card.checked_at,
                                       "ICBC", "ACTIVE", "NORMAL", "NORMAL", "", False)


def test_the_number_read_then_confirmed_keeps_the_name(parts: Any) -> None:
    wf = CardLossWorkflow(make(parts))
    wf.read_id_card()
    wf.apply(Step.IDENTIFY, {"operation": "deloss", "id_number": LI_MING.lower()})
    assert wf.record.identity.source == "reader" and wf.record.identity.name == "李明"
    assert wf.operation is Operation.DELOSS


def test_the_tour_demo_card_is_the_emulator_demo_card() -> None:
    from counter_app.card.emulator.factory import demo_card_data
    from counter_app.devices.sscard import DEMO_CARDS

    assert DEMO_CARDS[LI_MING] == demo_card_data() == li_ming_card()
