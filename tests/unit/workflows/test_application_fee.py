"""The application's fee (工本费) with fakes for the central and the stores (no I/O): a first
card free, a re-application charged by the profile's schedule, shown before submitting, taken
once in the teller's session, refused before anything is sent without a session, and left as
a day-end difference when the collection fails after the acceptance."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest

from counter_app.central import api as A
from counter_app.central.errors import LineDownError
from counter_app.domain.fees import FeeMethod, FeeSchedule, NewFee
from counter_app.printing import BranchInfo
from counter_app.workflows.application import ApplicationContext, ApplicationWorkflow, Step, StepInvalid
from counter_app.workflows.day_end.report import fee_differences
from counter_app.workflows.fees import FeeContext, FeeDesk, FeeRefused
from tests.unit.workflows.test_application_workflow import (
    ADULT,
    NOW,
    FakeCentral,
    FakeStore,
    context,
    to_photo,
    with_photo,
)

SCHEDULE = FeeSchedule(replacement_fen=2000, application_fen=1500, first_card_free=True)


def card(state: str) -> A.CardStatus:
    return A.CardStatus("NB0000099", ADULT, "ICBC", state, "LOST", "LOST", False, None, None, None,
                        False, None)


class CardsCentral(FakeCentral):
    """The fake central with this person's cards as the test says."""

    def __init__(self, cards: list[A.CardStatus]) -> None:
        super().__init__()
        self.cards = cards
        self.cards_down = False

    def person_cards(self, id_number: str) -> list[A.CardStatus]:
        if self.cards_down:
            raise LineDownError("line down")
        return list(self.cards)


@dataclasses.dataclass(frozen=True, kw_only=True)
class FeeRow(NewFee):
    """What was asked, as the store keeps it: with when."""

    at: dt.datetime


class MemoryFees:
    """FeeRepository in memory: once per business and kind, as the store's unique key."""

    def __init__(self) -> None:
        self.rows: list[FeeRow] = []
        self.fail: Exception | None = None

    def record(self, fee: NewFee, now: dt.datetime, *, reason: str = "") -> tuple[FeeRow, bool]:
        if self.fail is not None:
            raise self.fail
        for row in self.rows:
            if row.business_ref == fee.business_ref and row.kind == fee.kind:
                return row, False
        row = FeeRow(**dataclasses.asdict(fee), at=now.replace(tzinfo=None))
        self.rows.append(row)
        return row, True

    def by_receipt(self, receipt_no: str) -> FeeRow | None:
        return next((r for r in self.rows if r.receipt_no == receipt_no), None)

    def for_business(self, business_ref: str) -> Sequence[FeeRow]:
        return [r for r in self.rows if r.business_ref == business_ref]

    def of_session(self, session_id: int) -> Sequence[FeeRow]:
        return [r for r in self.rows if r.session_id == session_id]

    def of_day(self, day: str) -> Sequence[FeeRow]:
        return [r for r in self.rows if r.business_day == day]


@dataclasses.dataclass
class Session:
    id: int = 7
    teller: str = "T1"
    counter_id: str = "03"
    business_day: str = "2026-03-02"
    opened_at: dt.datetime = NOW
    opening_float_fen: int = 0
    custody_at_open: int | None = None
    closed_at: dt.datetime | None = None
    closed_by: str | None = None


def _no_supervisor(*_args: Any) -> str:
    raise AssertionError("no supervisor is asked here")


def fee_context(central: FakeCentral, store: FakeStore, repo: MemoryFees,
                session: dict[str, Session | None],
                schedule: FeeSchedule = SCHEDULE) -> ApplicationContext:
    fees = FeeDesk(FeeContext(repo, schedule, BranchInfo("ICBC-NB-0101", "工商银行宁波鼓楼支行", "中国工商银行", True),
                              "03", lambda _t: session["now"], _no_supervisor, clock=lambda: NOW), "T1")
    return dataclasses.replace(context(central, store), fees=fees)


def to_review(ctx: ApplicationContext) -> ApplicationWorkflow:
    wf = ApplicationWorkflow(ctx)
    wf.set_id_number(ADULT)
    wf.next()
    wf.check_eligibility()
    wf.next()
    to_photo(wf)
    with_photo(wf)
    return wf


def test_a_first_card_is_free_and_needs_no_fee_session() -> None:
    repo, store = MemoryFees(), FakeStore()
    # a number voided at issuance never reached the person: still the first card
    ctx = fee_context(CardsCentral([card("VOID")]), store, repo, {"now": None})
    wf = to_review(ctx)
    assert (wf.record.fee.fen, wf.record.fee.first_card) == (0, True)
    assert wf.record.fee.basis_zh == "首次申领社会保障卡免收工本费"
    outcome = wf.submit()  # free: no session needed for the fee, nothing recorded
    assert wf.step is Step.DONE and repo.rows == []
    assert store.audits[-1] == ("application.accepted", store.audits[-1][1])
    assert store.audits[-1][1]["fee_fen"] == 0 and outcome.application.op_id


@pytest.mark.parametrize("state", ["CANCELLED", "SEALED", "ACTIVE"])
def test_a_re_application_is_charged_by_the_schedule(state: str) -> None:
    repo, store = MemoryFees(), FakeStore()
    session: dict[str, Session | None] = {"now": Session()}
    central = CardsCentral([card("VOID"), card(state)])
    wf = to_review(fee_context(central, store, repo, session))
    assert (wf.record.fee.fen, wf.record.fee.first_card) == (1500, False)  # the profile's 15 yuan
    assert wf.record.fee.basis_zh == "非首次申领工本费（本网点规定）"
    assert wf.apply(Step.REVIEW, {"fee_method": "transfer", "fee_reference": ""}) == {
        "reference": "转账收费请录入转账凭证号（交易流水号）。"}
    with pytest.raises(StepInvalid):  # the review step holds the payment: nothing is sent
        wf.submit()
    assert central.submitted == []
    assert wf.apply(Step.REVIEW, {"fee_method": "transfer", "fee_reference": "tx 2026 0302 01"}) == {}
    wf.submit()
    assert wf.step is Step.DONE
    [row] = repo.rows
    op_id = wf.record.submission.op_id
    assert (row.kind, row.business, row.business_ref, row.amount_fen, row.method, row.reference,
            row.session_id) == ("collect", "application", op_id, 1500, "transfer", "TX2026030201", 7)
    assert wf.record.fee.receipt_no == row.receipt_no and wf.record.fee.problem_zh == ""
    audit = store.audits[-1][1]
    assert audit["fee_fen"] == 1500
    assert fee_differences([Entry(audit | {"op_id": op_id})], repo.rows, {}) == []
    # once per application: submitting again (a retry) records nothing more
    wf.submit()
    assert len(repo.rows) == 1
    pdf = wf.fee_receipt()
    assert pdf.startswith(b"%PDF")


def test_a_fee_due_without_a_session_is_refused_before_anything_is_sent() -> None:
    repo, store = MemoryFees(), FakeStore()
    session: dict[str, Session | None] = {"now": None}
    central = CardsCentral([card("CANCELLED")])
    wf = to_review(fee_context(central, store, repo, session))
    with pytest.raises(FeeRefused) as refused:
        wf.submit()
    assert refused.value.code == "FEE_NEEDS_SESSION"
    assert central.submitted == [] and store.accepted == {} and wf.step is Step.REVIEW
    session["now"] = Session()
    wf.submit()
    assert [r.amount_fen for r in repo.rows] == [1500] and wf.record.fee.method == FeeMethod.CASH


def test_a_collection_failing_after_the_acceptance_is_a_day_end_difference() -> None:
    repo, store = MemoryFees(), FakeStore()
    session: dict[str, Session | None] = {"now": Session()}
    wf = to_review(fee_context(CardsCentral([card("CANCELLED")]), store, repo, session))
    repo.fail = FeeRefused("磁盘已满", code="DISK_FULL")
    outcome = wf.submit()  # the application stands, its fee is not recorded
    assert wf.step is Step.DONE and outcome.application.status == "submitted"
    assert wf.record.fee.receipt_no == "" and wf.record.fee.problem_zh == "磁盘已满"
    op_id = wf.record.submission.op_id
    entry = Entry(store.audits[-1][1] | {"op_id": op_id})
    [difference] = fee_differences([entry], repo.rows, {})
    assert difference.key == f"fee_missing:{op_id}" and "¥15.00" in difference.text_zh
    # the teller records it again once the cause is gone: the difference goes
    repo.fail = None
    session["now"] = None
    with pytest.raises(FeeRefused):
        wf.retry_fee()
    session["now"] = Session()
    assert wf.retry_fee().receipt_no
    assert fee_differences([entry], repo.rows, {}) == []


def test_without_the_centrals_answer_a_first_card_free_branch_does_not_charge() -> None:
    repo, store = MemoryFees(), FakeStore()
    central = CardsCentral([card("CANCELLED")])
    central.cards_down = True
    wf = to_review(fee_context(central, store, repo, {"now": None}))
    assert (wf.record.fee.fen, wf.record.fee.first_card) == (0, None)
    assert "未能向中心核实" in wf.record.fee.basis_zh
    # a branch that charges every application charges it, whatever the central says
    charging = FeeSchedule(application_fen=1000, first_card_free=False)
    wf = to_review(fee_context(central, FakeStore(), repo, {"now": Session()}, charging))
    assert (wf.record.fee.fen, wf.record.fee.basis_zh) == (1000, "申领工本费（本网点规定）")


def test_without_a_fee_desk_nothing_is_quoted_or_taken() -> None:
    store = FakeStore()
    wf = to_review(context(CardsCentral([card("CANCELLED")]), store))
    assert wf.record.fee.basis_zh == "" and wf.fee_due_fen == 0
    wf.submit()
    assert store.audits[-1][1]["fee_fen"] == 0


@dataclasses.dataclass(frozen=True)
class Entry:
    detail: dict[str, Any]
    action: str = "application.accepted"
    at: str = "2026-03-02T02:00:00.000000Z"
    actor: str = "T1"
