"""The application's fee (工本费) against the reference central and a real SQLite store: a first
application is free; a re-application (the person's card was cancelled: lost, replaced, the
replacement withdrawn) is charged by the profile's schedule, refused before anything is sent
without the teller's session, then taken in the session with its receipt; the day-end of
the session reconciles (both applications counted, the fee by method, no difference)."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from counter_app.central.api import ReplacementRequest
from counter_app.domain.fees import FeeSchedule
from counter_app.store.day_end import SqlDayEnd
from counter_app.store.fees import SqlFees
from counter_app.store.sessions import SqlWorkSessions
from counter_app.workflows.application import Step
from counter_app.workflows.day_end import DayEndContext, DayEndDesk
from counter_app.workflows.fees import FeeContext, FeeDesk, FeeRefused
from counter_app.workflows.sessions import SessionContext, SessionDesk

from .conftest import INSTANT, Counter
from .test_application_workflow import fill_adult

pytestmark = pytest.mark.central

ZHANG_WEI = "330205199003011232"  # no card: a first application
HE_CHEN = "330205199111031230"  # NB0000075 at ICBC: cancelled below, then a re-application
HE_CHEN_CARD = "NB0000075"


def _refuse(*_args: str) -> str:
    raise AssertionError("no supervisor is asked in this test")


def with_fees(counter: Counter) -> tuple[SessionDesk, FeeDesk, DayEndDesk]:
    sessions = SessionDesk(SessionContext(SqlWorkSessions(counter.store), "03", _refuse), "T0301")

    def session_of(_who: str):  # type: ignore[no-untyped-def]
        return sessions.state().session if sessions.ready() else None

    # the profile's schedule: first card free, a re-application 15 yuan (never in code)
    fees = FeeDesk(FeeContext(SqlFees(counter.store), FeeSchedule(application_fen=1500, first_card_free=True),
                              counter.ctx.branch, "03", session_of, _refuse), "T0301")
    counter.ctx = dataclasses.replace(counter.ctx, fees=fees)
    day_end = DayEndDesk(DayEndContext(SqlDayEnd(counter.store), SqlFees(counter.store),
                                       counter.ctx.branch, "03"), "T0301", sessions)
    return sessions, fees, day_end


def cancel_the_card(counter: Counter) -> None:
    """何晨's card formally lost, a replacement applied for (the card is cancelled) and then
    withdrawn: the person has no card and no open application, but had a card."""
    client = counter.client
    client.formal_loss(HE_CHEN_CARD, branch_code="ICBC-NB-0101", functions=["social"],
                       idempotency_key=str(uuid.uuid4()))
    replacement = client.replacement(HE_CHEN_CARD, ReplacementRequest("ICBC-NB-0101", "LOST", "FACTORY"),
                                     idempotency_key=str(uuid.uuid4()))
    client.cancel_application(replacement.application_id, branch_code="ICBC-NB-0101", reason="申请人撤回补卡",
                              idempotency_key=str(uuid.uuid4()))
    assert [c.card_state for c in client.person_cards(HE_CHEN)] == ["CANCELLED"]
    assert client.eligibility(HE_CHEN, "ICBC").eligible


def to_review(counter: Counter, id_number: str, portrait: bytes):  # type: ignore[no-untyped-def]
    wf = counter.workflow()
    wf.set_id_number(id_number)
    wf.next()
    wf.check_eligibility()
    wf.next()
    fill_adult(wf, portrait)
    return wf


def test_a_first_application_is_free_and_a_re_application_is_charged(make_counter, portrait) -> None:  # type: ignore[no-untyped-def]
    counter = make_counter(INSTANT)
    sessions, fees, day_end = with_fees(counter)

    first = to_review(counter, ZHANG_WEI, portrait)
    assert (first.record.fee.fen, first.record.fee.first_card) == (0, True)
    assert first.record.fee.basis_zh == "首次申领社会保障卡免收工本费"

    cancel_the_card(counter)
    again = to_review(counter, HE_CHEN, portrait)
    assert (again.record.fee.fen, again.record.fee.first_card) == (1500, False)
    assert again.record.fee.basis_zh == "非首次申领工本费（本网点规定）"
    assert again.apply(Step.REVIEW, {"fee_method": "cash", "fee_reference": ""}) == {}

    # no session: the re-application is refused before anything reaches the central
    with pytest.raises(FeeRefused) as refused:
        again.submit()
    assert refused.value.code == "FEE_NEEDS_SESSION"
    assert counter.client.person_applications(HE_CHEN)[-1].state == "CANCELLED"

    sessions.open("200")
    free = first.submit()
    assert not free.deferred and first.step is Step.DONE and first.record.fee.receipt_no == ""
    charged = again.submit()
    assert not charged.deferred and again.step is Step.DONE
    assert counter.client.person_applications(HE_CHEN)[-1].application_id == \
        charged.application.central_application_id
    [fee] = fees.session_fees()
    assert (fee.kind, fee.business, fee.business_ref, fee.amount_fen, fee.method) == (
        "collect", "application", charged.application.op_id, 1500, "cash")
    assert again.record.fee.receipt_no == fee.receipt_no
    assert again.fee_receipt().startswith(b"%PDF")

    day_end.count_cash("215")  # float 200 + 15 in cash
    report = day_end.teller_report()
    assert [(b.title_zh, b.done) for b in report.businesses] == [("社保卡申领", 2)]
    cash = {f.method: f for f in report.fees}["cash"]
    assert (cash.collected, cash.collected_fen) == (1, 1500)
    assert report.balanced, report.differences
