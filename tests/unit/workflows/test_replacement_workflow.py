"""Replacement and exchange headless, with fakes for the central and the store (no I/O):
every state of the table offered or refused, the own-bank rule, the fee boundary, expired vs
damaged, line down, an earlier unsent operation, the audit break."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from dataclasses import replace

import pytest
from pypdf import PdfReader

from counter_app.central import api as A
from counter_app.central.errors import CentralRefusal, CentralTimeoutError, LineDownError
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.domain.card_states import CardState, FunctionState, card_allows
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.identity import id_check_char
from counter_app.printing import BranchInfo
from counter_app.workflows.card_loss import CardLossContext
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.replacement import Reason, ReplacementDesk, ReplacementWorkflow, Step
from counter_app.workflows.replacement.rules import fee_zh
from tests.unit.workflows.test_card_loss_workflow import CARD, LI_MING, NOW, FakeStore, li_ming_card

MAX_FEE = 2**63 - 1  # the central's column is a signed 64-bit integer


class FakeCentral:
    """The central's card query, branch configuration and replacement, in memory."""

    def __init__(self) -> None:
        self.down = False
        self.lose_answer = False
        self.card = A.CardStatus(CARD, LI_MING, "ICBC", "ACTIVE", "LOST", "NORMAL", False,
                                 None, None, None, False, None)
        self.fee_fen = 2000
        self.same_number_exchange = True
        self.instant = True
        self.calls: list[tuple[str, A.ReplacementRequest, str]] = []

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

    def branch(self, branch_code: str) -> A.Branch:
        self._line()
        bank = branch_code.split("-")[0]
        return A.Branch(branch_code, bank, "网点", "海曙区", self.instant, False,
                        self.same_number_exchange)

    def branch_config(self, branch_code: str) -> A.BranchConfig:
        self._line()
        return A.BranchConfig(branch_code, self.fee_fen, 7, 6, 3, 10, 6, 200)

    def replacement(self, card_no: str, request: A.ReplacementRequest, *,
                    idempotency_key: str) -> A.Application:
        self._line()
        self.calls.append((card_no, request, idempotency_key))
        if self.card.bank_code != request.branch_code.split("-")[0]:
            raise CentralRefusal(409, "WRONG_BANK", "wrong bank",
                                 {"card_bank": self.card.bank_code,
                                  "branch_bank": request.branch_code.split("-")[0]})
        if self.lose_answer:
            raise CentralTimeoutError()
        self.card = replace(self.card, card_state="CANCELLED", replacement_applied=True)
        kind = ("EXCHANGE_SAME_NUMBER" if request.same_number else
                "REPLACEMENT_LOST" if request.reason == "LOST" else "EXCHANGE_DAMAGED")
        return A.Application("A-1", LI_MING, kind, "DATA_ENTRY", "受理", request.making_mode,
                             "BRANCH", "ICBC", request.branch_code, None, card_no, None, None,
                             None, self.fee_fen, NOW, NOW)


class Line:
    def __init__(self) -> None:
        self.state = LineState.ONLINE
        self.audit_break = False

    def __call__(self) -> SyncStatus:
        return SyncStatus(self.state, None, 0, 0, None, NOW, None, None, NOW,
                          audit_break=self.audit_break)


Parts = tuple[FakeCentral, FakeStore, Line, SimulatedSocialCardReader]


@pytest.fixture
def parts() -> Parts:
    return FakeCentral(), FakeStore(), Line(), SimulatedSocialCardReader()


def make(parts: Parts, *, bank: str = "ICBC") -> CardLossContext:
    central, store, line, reader = parts
    code = "ICBC-NB-0101" if bank == "ICBC" else "CCB-NB-0230"
    return CardLossContext(
        branch=BranchInfo(code, "测试网点", "银行", True), branch_code=code, bank_code=bank,
        counter_id="03", teller="T0301", central=central, store=store,
        id_reader=SimulatedIdCardReader(DEMO_ID_CARDS[LI_MING]), card_reader=reader,
        sync_status=line, clock=lambda: NOW)


def at_card(ctx: CardLossContext, reason: Reason) -> ReplacementWorkflow:
    wf = ReplacementDesk(ctx).new(reason)
    wf.read_id_card()
    assert wf.next() is Step.CARD
    wf.find_card()
    return wf


def pdf_text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


# -- every state of the table, offered or refused -------------------------------------------------

STATES = [s.value for s in FunctionState]


@pytest.mark.parametrize("reason", list(Reason))
@pytest.mark.parametrize("card_state", [s.value for s in CardState])
@pytest.mark.parametrize(("social", "financial"), list(itertools.product(STATES, STATES)))
def test_only_what_the_table_allows_is_offered(parts: Parts, reason: Reason, card_state: str,
                                               social: str, financial: str) -> None:
    central, store = parts[0], parts[1]
    central.card = replace(central.card, card_state=card_state, social_state=social,
                           financial_state=financial, temp_loss_until=NOW + dt.timedelta(days=3))
    wf = at_card(make(parts), reason)
    if reason is not Reason.LOST:  # the old card handed in, its chip dead
        wf.apply(Step.CARD, {"chip_unreadable": "1"})
    lost = "LOST" in (social, financial)
    cancellable = card_allows(card_state, "CANCELLED") and card_state != "CANCELLED"
    expected = cancellable and (lost if reason is Reason.LOST else not lost)
    message, code = wf.card_error()
    assert (message == "") == expected, (reason, card_state, social, financial, code)
    assert bool(wf.validate(Step.CARD)) != expected
    if not expected:
        assert code and message  # every refusal says why and what to do instead
        if cancellable and reason is Reason.LOST:
            assert code == "NEED_FORMAL_LOSS" and wf.needs_loss_first()
            assert "社保功能" in message and "金融功能" in message and "挂失" in message
        with pytest.raises(StepInvalid):
            wf.next()
        with pytest.raises(StepInvalid):
            wf.submit()
        assert central.calls == [] and store.rows == {}
        return
    assert not wf.needs_loss_first()
    assert wf.next() is Step.OPTIONS
    outcome = wf.submit()
    assert outcome.status == "done" and wf.step is Step.DONE
    assert len(central.calls) == 1 and central.calls[0][2] == outcome.op_id
    assert store.rows[outcome.op_id]["status"] == "done"


def test_a_lapsed_temporary_loss_is_not_a_formal_loss(parts: Parts) -> None:
    parts[0].card = replace(parts[0].card, social_state="TEMP_LOST", financial_state="NORMAL",
                            temp_loss_until=NOW - dt.timedelta(minutes=1))
    message, code = at_card(make(parts), Reason.LOST).card_error()
    assert code == "NEED_FORMAL_LOSS"
    assert "社保功能为“正常”" in message and "金融功能为“正常”" in message


def test_already_replaced_card_is_refused(parts: Parts) -> None:
    parts[0].card = replace(parts[0].card, replacement_applied=True)
    message, code = at_card(make(parts), Reason.LOST).card_error()
    assert code == "REPLACEMENT_APPLIED" and "已办理过补换卡" in message


# -- the own-bank rule ---------------------------------------------------------------------------------

def test_other_bank_refused_naming_the_bank(parts: Parts) -> None:
    wf = at_card(make(parts, bank="CCB"), Reason.LOST)
    message, code = wf.card_error()
    assert code == "WRONG_BANK"
    assert "中国工商银行发行" in message and "本网点属于中国建设银行" in message
    with pytest.raises(StepInvalid):
        wf.next()
    assert parts[0].calls == []


def test_the_centrals_wrong_bank_refusal_names_both_banks(parts: Parts) -> None:
    central = parts[0]
    wf = at_card(make(parts, bank="CCB"), Reason.LOST)
    # the counter's copy said ICBC at the ICBC branch; the central knows better
    card = wf.record.card
    assert card is not None
    wf.update_record(card=replace(card, bank_code="CCB"))
    assert wf.next() is Step.OPTIONS
    with pytest.raises(CentralRefusal) as refused:
        wf.submit()
    assert refused.value.code == "WRONG_BANK"
    assert "中国工商银行" in refused.value.message_zh and "中国建设银行" in refused.value.message_zh
    key = central.calls[0][2]
    assert parts[1].rows[key]["status"] == "done" and wf.record.op_id == ""


# -- the fee ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("fen", "shown"), [(0, "免收"), (1, "0.01 元"), (2000, "20.00 元"),
                                            (MAX_FEE, f"{MAX_FEE // 100}.{MAX_FEE % 100:02d} 元")])
def test_fee_from_the_central_on_the_outcome_and_receipt(parts: Parts, fen: int, shown: str) -> None:
    central = parts[0]
    central.fee_fen = fen
    wf = at_card(make(parts), Reason.LOST)
    assert wf.record.terms is not None and wf.record.terms.fee_fen == fen
    wf.next()
    outcome = wf.submit()
    assert outcome.fee_fen == fen
    assert parts[1].audits[0][1]["fee_fen"] == fen
    text = pdf_text(wf.documents())
    assert shown in text.replace("\n", "")


def test_fee_formatting_boundary() -> None:
    assert fee_zh(0) == "免收"
    assert fee_zh(1) == "0.01 元"
    assert fee_zh(99) == "0.99 元"
    assert fee_zh(100) == "1.00 元"
    with pytest.raises(ValueError):
        fee_zh(-1)


# -- expired vs damaged ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("reason", "title"), [(Reason.DAMAGED, "损坏换卡"), (Reason.EXPIRED, "到期换卡")])
def test_exchange_needs_the_old_card(parts: Parts, reason: Reason, title: str) -> None:
    central, _store, _line, reader = parts
    central.card = replace(central.card, social_state="NORMAL")
    wf = at_card(make(parts), reason)
    message, code = wf.card_error()
    assert code == "OLD_CARD_NEEDED" and "收回原卡" in message
    with pytest.raises(StepInvalid):
        wf.next()
    reader.insert(li_ming_card())
    wf.read_card()
    assert wf.card_error() == ("", "")
    wf.next()
    wf.choose_same_number(False)
    outcome = wf.submit()
    request = central.calls[0][1]
    assert request.reason == "DAMAGED" and not request.same_number  # the contract's two reasons
    assert outcome.kind == "EXCHANGE_DAMAGED"
    text = pdf_text(wf.documents())
    assert f"社会保障卡{title}" in text and "已收回（芯片可读）" in text
    assert "换发新银行卡号" in text


def test_exchange_with_a_dead_chip_and_another_persons_card(parts: Parts) -> None:
    central, _store, _line, reader = parts
    central.card = replace(central.card, social_state="NORMAL")
    wf = at_card(make(parts), Reason.EXPIRED)
    other_person = "33020319850612203" + id_check_char("33020319850612203")
    reader.insert(replace(li_ming_card(), id_number=other_person))
    with pytest.raises(ValidationError) as other:
        wf.read_card()
    assert other.value.code == "CARD_OTHER_PERSON" and wf.record.card_read_no == ""
    wf.apply(Step.CARD, {"chip_unreadable": "1"})
    assert wf.next() is Step.OPTIONS
    wf.submit()
    assert "已收回（芯片无法读取）" in pdf_text(wf.documents())


def test_a_lost_card_is_not_exchanged_as_damaged(parts: Parts) -> None:
    wf = at_card(make(parts), Reason.DAMAGED)  # the fake's card is formally lost (social)
    message, code = wf.card_error()
    assert code == "CARD_IS_LOST" and "遗失补卡" in message
    wf.set_reason(Reason.LOST)
    assert wf.card_error() == ("", "")


def test_same_number_only_where_the_branch_offers_it(parts: Parts) -> None:
    parts[0].same_number_exchange = False
    wf = at_card(make(parts), Reason.LOST)
    assert not wf.record.same_number
    wf.next()
    assert wf.choose_same_number(True) == {"same_number": "本网点未开通同号换卡，请选择换发新卡号。"}
    with pytest.raises(StepInvalid):
        wf.submit()
    assert parts[0].calls == []


# -- line down, earlier unsent work, the audit break -----------------------------------------------------

def test_line_down_refused_before_anything_is_written(parts: Parts) -> None:
    central, store, line, _reader = parts
    wf = at_card(make(parts), Reason.LOST)
    wf.next()
    line.state = LineState.OFFLINE
    with pytest.raises(NewWorkRefused) as refused:
        wf.submit()
    assert refused.value.code == "REPLACEMENT_NEEDS_CENTRAL" and "专线中断" in refused.value.message_zh
    assert central.calls == [] and store.rows == {}


def test_card_query_with_the_line_down_is_refused(parts: Parts) -> None:
    parts[0].down = True
    wf = ReplacementDesk(make(parts)).new(Reason.LOST)
    wf.read_id_card()
    wf.next()
    with pytest.raises(NewWorkRefused) as refused:
        wf.find_card()
    assert refused.value.code == "REPLACEMENT_NEEDS_CENTRAL"


def test_connection_refused_on_sending_withdraws_the_message(parts: Parts) -> None:
    central, store = parts[0], parts[1]
    wf = at_card(make(parts), Reason.LOST)
    wf.next()
    central.down = True  # the probe said up; the call is refused
    with pytest.raises(NewWorkRefused):
        wf.submit()
    assert [r["status"] for r in store.rows.values()] == ["discarded"]
    assert wf.record.op_id == "" and wf.step is Step.OPTIONS


def test_answer_lost_is_confirmed_later_under_the_same_key(parts: Parts) -> None:
    central, store = parts[0], parts[1]
    central.lose_answer = True
    wf = at_card(make(parts), Reason.LOST)
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "unknown" and "不会重复受理" in outcome.message
    assert store.rows[outcome.op_id]["status"] == "pending"  # the sync worker confirms it
    assert "待中心确认" in pdf_text(wf.documents())


def test_earlier_unsent_operation_blocks(parts: Parts) -> None:
    central, store = parts[0], parts[1]
    store.begin(op_id="earlier", operation="cards.loss", id_number=LI_MING, payload={},
                actor="T0301", action="card.loss", detail={}, hold_s=0.0, now=NOW)
    woken: list[bool] = []
    ctx = make(parts)
    ctx.wake_sync = lambda: woken.append(True)
    wf = at_card(ctx, Reason.LOST)
    wf.next()
    with pytest.raises(NewWorkRefused) as refused:
        wf.submit()
    assert refused.value.code == "EARLIER_OPERATION_UNSENT" and woken == [True]
    assert central.calls == [] and list(store.rows) == ["earlier"]
    store.sent("earlier", {}, NOW)  # delivered: now it goes
    assert wf.submit().status == "done"


def test_audit_break_stops_the_replacement(parts: Parts) -> None:
    central, store, line, _reader = parts
    wf = at_card(make(parts), Reason.LOST)
    wf.next()
    line.audit_break = True
    with pytest.raises(NewWorkRefused) as refused:
        wf.submit()
    assert refused.value.code == "AUDIT_CHAIN_BROKEN" and "主管" in refused.value.message_zh
    assert central.calls == [] and store.rows == {}
    line.audit_break = False  # the supervisor acknowledged it
    assert wf.submit().status == "done"


def test_no_receipt_before_the_central_accepted(parts: Parts) -> None:
    wf = at_card(make(parts), Reason.LOST)
    with pytest.raises(CounterError) as refused:
        wf.documents()
    assert refused.value.code == "NOT_ACCEPTED"
