"""A replacement with its fee against the reference central and a real SQLite store: refused
before anything is sent without the teller's session; with the session open, the card
formally lost and replaced, the fee taken by bank transfer with its receipt, and the day-end
of the session reconciling (the loss and the replacement counted, the fee by method)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from counter_app.domain.fees import FeeSchedule
from counter_app.store.day_end import SqlDayEnd
from counter_app.store.fees import SqlFees
from counter_app.store.sessions import SqlWorkSessions
from counter_app.workflows.card_loss import Operation
from counter_app.workflows.day_end import DayEndContext, DayEndDesk
from counter_app.workflows.fees import FeeContext, FeeDesk, FeeRefused
from counter_app.workflows.replacement import ReplacementDesk, Step
from counter_app.workflows.sessions import SessionContext, SessionDesk
from tests.integration.card_loss.conftest import LI_MING, Counter

pytestmark = pytest.mark.central


def _refuse(*_args: str) -> str:
    raise AssertionError("no supervisor is asked in this test")


def desks(counter: Counter) -> tuple[SessionDesk, FeeDesk, DayEndDesk]:
    sessions = SessionDesk(SessionContext(SqlWorkSessions(counter.store), "03", _refuse), "T0301")

    def session_of(_who: str):  # type: ignore[no-untyped-def]
        return sessions.state().session if sessions.ready() else None

    # the profile says 15 yuan; the central's branch configuration rules (use_central)
    fees = FeeDesk(FeeContext(SqlFees(counter.store), FeeSchedule(replacement_fen=1500),
                              counter.ctx.branch, "03", session_of, _refuse), "T0301")
    day_end = DayEndDesk(DayEndContext(SqlDayEnd(counter.store), SqlFees(counter.store),
                                       counter.ctx.branch, "03"), "T0301", sessions)
    return sessions, fees, day_end


def test_replacement_fee_in_the_session_and_the_day_end(
        counters: dict[str, Counter], tmp_path: Path) -> None:
    icbc = counters["ICBC"]
    sessions, fees, day_end = desks(icbc)
    central_fee = icbc.client.branch_config("ICBC-NB-0101").replacement_fee_fen
    assert central_fee > 0

    loss = icbc.identified(Operation.LOSS)
    loss.find_card()
    loss.next()
    loss.choose(["social"])
    assert loss.submit().status == "done"

    wf = ReplacementDesk(icbc.ctx, fees=fees).new()
    wf.set_id_number(LI_MING)
    wf.next()
    wf.find_card()
    assert wf.record.terms is not None and wf.record.terms.fee_fen == central_fee
    assert wf.record.terms.fee_basis_zh == "中心核定的本网点补换卡工本费标准"
    wf.next()
    assert wf.apply(Step.OPTIONS, {"same_number": "1", "fee_method": "transfer",
                                   "fee_reference": ""}) == {
        "reference": "转账收费请录入转账凭证号（交易流水号）。"}
    assert wf.apply(Step.OPTIONS, {"same_number": "1", "fee_method": "transfer",
                                   "fee_reference": "TX2026113001"}) == {}

    # no session: refused before anything reaches the central
    with pytest.raises(FeeRefused) as refused:
        wf.submit()
    assert refused.value.code == "FEE_NEEDS_SESSION"
    assert wf.record.outcome is None and icbc.repo.stats().pending == 0
    assert icbc.client.card_status("NB0000016").card_state != "CANCELLED"

    sessions.open("500")
    outcome = wf.submit()
    assert outcome.status == "done" and wf.step is Step.DONE
    fee = fees.collected_for(outcome.op_id)
    assert fee is not None and wf.record.fee.receipt_no == fee.receipt_no
    assert (fee.method, fee.reference, fee.amount_fen) == ("transfer", "TX2026113001", central_fee)
    receipt = tmp_path / "fee.pdf"
    receipt.write_bytes(wf.fee_receipt())
    text = "".join(p.extract_text() for p in PdfReader(receipt).pages).replace("\n", "")
    assert "社会保障卡工本费收据" in text and "TX2026113001" in text and LI_MING not in text
    # the business receipt's number ends with the 8 characters the fee receipt names
    assert f"末8位 {outcome.op_id[:8].upper()}" in text

    report = day_end.teller_report()
    # the session's own span: the loss done before it opened is not this session's
    assert [(b.title_zh, b.done) for b in report.businesses] == [("补卡 / 换卡", 1)]
    transfer = next(f for f in report.fees if f.method == "transfer")
    assert (transfer.collected, transfer.collected_fen) == (1, central_fee)
    assert report.cash_expected_fen == 50000 and report.balanced  # no cash moved: no count asked
    closed, final = day_end.close()
    assert closed.close_kind == "closed" and final.balanced
