"""Registration through the real reference central and a real SQLite outbox: an employee of
an employer found by its credit code, a flexible worker, the base bounds (from the central)
at min, max and one fen past, an unknown credit code, a cancelled employer, line down."""

from __future__ import annotations

import io
import uuid

import pytest
from pypdf import PdfReader

from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.people_api import RegistrationRequest
from counter_app.central.sync import LineState, NewWorkRefused
from counter_app.domain.errors import CounterError
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.registration import Kind, RegistrationWorkflow, Step
from counter_app.workflows.registration.record import MATERIALS
from tests.integration.people.conftest import BRANCH, CANCELLED, EMPLOYER, ZHENG_LI, Counter, renewed

pytestmark = pytest.mark.central

NEW_A = "33020320000101001X"  # unknown to the central: registered as a new person
NEW_B = "330203200002020017"


def _valid(idn: str) -> str:
    from central_sim.seed import id_with_check
    return id_with_check(idn)


def started(c: Counter, kind: Kind, *, read: bool = False, typed: str = "", name: str = "") -> RegistrationWorkflow:
    wf = RegistrationWorkflow(c.ctx)
    wf.apply(Step.KIND, {"kind": kind.value, **{f"m_{k}": "1" for k, _t in MATERIALS[kind]}})
    wf.next()
    if read:
        wf.read_id_card()
        wf.apply(Step.IDENTIFY, {})
    else:
        wf.apply(Step.IDENTIFY, {"id_number": typed, "name": name})
    wf.next()
    return wf


def to_contribution(wf: RegistrationWorkflow, code: str = EMPLOYER) -> None:
    if wf.kind is Kind.EMPLOYEE:
        wf.apply(Step.EMPLOYER, {"credit_code": code})
        wf.find_employer()
        wf.next()
    wf.fetch_bounds()


def test_employee_registration_with_a_known_employer(counter: Counter) -> None:
    counter.id_reader.place(renewed(ZHENG_LI))
    wf = started(counter, Kind.EMPLOYEE, read=True)
    assert wf.step is Step.EMPLOYER
    to_contribution(wf)
    assert wf.record.employer is not None and wf.record.employer.name == "宁波甬港智能制造有限公司"
    bounds = wf.record.bounds
    assert bounds is not None and bounds.insurances == ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")
    assert wf.record.insurances == bounds.insurances  # all allowed types offered, chosen
    wf.apply(Step.CONTRIBUTION, {"base": "6,500", **{f"ins_{i}": "1" for i in bounds.insurances}})
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done" and outcome.registration_id.startswith("REG-")
    assert counter.repo.status_of(outcome.op_id) == "done"
    pdf = wf.documents()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "职工参保登记" in text and "宁波甬港智能制造有限公司" in text and "6,500.00" in text
    assert ZHENG_LI not in text  # masked
    # registered now: the same types again are refused by the central, named
    again = started(counter, Kind.EMPLOYEE, read=True)
    to_contribution(again)
    again.apply(Step.CONTRIBUTION, {"base": "6500", "ins_PENSION": "1"})
    again.next()
    with pytest.raises(CentralRefusal) as refused:
        again.submit()
    assert refused.value.code == "ALREADY_REGISTERED" and "养老保险" in refused.value.message_zh


def test_flexible_worker_new_to_the_central(counter: Counter) -> None:
    wf = started(counter, Kind.FLEXIBLE, typed=NEW_A, name="钱进")
    assert wf.step is Step.CONTRIBUTION  # no employer step for a flexible worker
    bounds = wf.fetch_bounds()
    assert bounds.insurances == ("PENSION",)  # what the central allows flexible workers
    wf.apply(Step.CONTRIBUTION, {"base": "4462", "ins_PENSION": "1", "ins_UNEMPLOYMENT": "1"})
    with pytest.raises(StepInvalid) as invalid:
        wf.next()
    assert "只能选择：养老保险" in invalid.value.errors["insurances"]
    wf.apply(Step.CONTRIBUTION, {"base": "4462", "ins_PENSION": "1"})
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done" and outcome.person_created
    assert counter.client.get_person(NEW_A).name == "钱进"


@pytest.mark.parametrize(("base", "ok"), [("4462.00", True), ("4461.99", False),
                                          ("22311.00", True), ("22311.01", False)])
def test_base_at_the_bounds_on_the_counter(counter: Counter, base: str, ok: bool) -> None:
    wf = started(counter, Kind.FLEXIBLE, typed=NEW_B, name="孙悦")
    wf.fetch_bounds()
    errors = wf.apply(Step.CONTRIBUTION, {"base": base, "ins_PENSION": "1"}) or wf.validate()
    if ok:
        assert not errors
    else:
        assert errors["base"].startswith("缴费基数超出") and "4,462.00元至22,311.00元" in errors["base"]


@pytest.mark.parametrize(("n", "fen", "ok"), [(1, 446200, True), (2, 446199, False),
                                              (3, 2231100, True), (4, 2231101, False)])
def test_base_at_the_bounds_at_the_central(counter: Counter, n: int, fen: int, ok: bool) -> None:
    """The central refuses what a counter that skipped the check would send, naming the bounds."""
    idn = _valid(f"330203199801{n:02d}001")
    request = RegistrationRequest(BRANCH, "FLEXIBLE", ("PENSION",), fen, "202601", name="边界")
    if ok:
        assert counter.client.register_person(idn, request, idempotency_key=str(uuid.uuid4())).base_fen == fen
        return
    with pytest.raises(CentralRefusal) as refused:
        counter.client.register_person(idn, request, idempotency_key=str(uuid.uuid4()))
    assert refused.value.code == "BASE_OUT_OF_RANGE"
    assert refused.value.details == {"min_base_fen": 446200, "max_base_fen": 2231100,
                                     "year": refused.value.details["year"]}
    assert "4,462.00元至22,311.00元" in refused.value.message_zh


def test_unknown_and_cancelled_employers(counter: Counter) -> None:
    from central_sim.people import credit_code_with_check

    wf = started(counter, Kind.EMPLOYEE, typed=NEW_B, name="孙悦")
    unknown = credit_code_with_check("91330200MA2XYXYX1")
    wf.apply(Step.EMPLOYER, {"credit_code": unknown})
    with pytest.raises(CounterError) as caught:
        wf.find_employer()
    assert caught.value.code == "EMPLOYER_NOT_FOUND" and "单位参保登记" in caught.value.message_zh
    wf.apply(Step.EMPLOYER, {"credit_code": unknown[:17] + ("1" if unknown[17] != "1" else "2")})
    with pytest.raises(CounterError) as bad:  # never sent: the check character is wrong
        wf.find_employer()
    assert bad.value.code == "CREDIT_CODE_CHECK"
    wf.apply(Step.EMPLOYER, {"credit_code": CANCELLED})
    wf.find_employer()
    with pytest.raises(StepInvalid) as invalid:
        wf.next()
    assert "已注销社会保险登记" in invalid.value.errors["credit_code"]


def test_line_down_employee_refused_flexible_queued_then_delivered(counter: Counter,
                                                                  central: CentralSimHandle) -> None:
    counter.sync.cycle()
    first = started(counter, Kind.FLEXIBLE, typed=NEW_B, name="孙悦")
    first.fetch_bounds()  # the central's bounds, answered in this session
    central.line_down()
    try:
        assert counter.sync.probe() in (LineState.OFFLINE, LineState.DEGRADED)
        employee = started(counter, Kind.EMPLOYEE, typed=NEW_B, name="孙悦")
        employee.apply(Step.EMPLOYER, {"credit_code": EMPLOYER})
        with pytest.raises(CounterError) as caught:
            employee.find_employer()
        assert "专线中断" in caught.value.message_zh
        wf = RegistrationWorkflow(counter.ctx, first.cache)
        wf.apply(Step.KIND, {"kind": "FLEXIBLE", **{f"m_{k}": "1" for k, _t in MATERIALS[Kind.FLEXIBLE]}})
        wf.next()
        wf.apply(Step.IDENTIFY, {"id_number": NEW_B, "name": "孙悦"})
        wf.next()
        wf.fetch_bounds()  # from this session's answer
        wf.apply(Step.CONTRIBUTION, {"base": "5000", "ins_PENSION": "1"})
        wf.next()
        outcome = wf.submit()
        assert outcome.status == "pending"
        assert counter.repo.status_of(outcome.op_id) == "pending"
        # a new desk with no answer from the central refuses it: bounds never come from code
        fresh = started(counter, Kind.FLEXIBLE, typed=NEW_A, name="钱进")
        with pytest.raises(CounterError) as no_bounds:
            fresh.fetch_bounds()
        assert no_bounds.value.code == "BOUNDS_NEED_CENTRAL"
    finally:
        central.line_up()
    report = counter.sync.drain()
    assert counter.repo.status_of(outcome.op_id) == "done", report
    assert counter.client.get_person(NEW_B).name == "孙悦"


def test_line_down_employee_submit_refused_and_withdrawn(counter: Counter,
                                                         central: CentralSimHandle) -> None:
    wf = started(counter, Kind.EMPLOYEE, typed=_valid("33020319990909001"), name="周到")
    to_contribution(wf)
    wf.apply(Step.CONTRIBUTION, {"base": "8000", "ins_PENSION": "1"})
    wf.next()
    counter.sync.cycle()
    central.line_down()
    try:
        counter.sync.probe()
        with pytest.raises(NewWorkRefused) as refused:
            wf.submit()
        assert "单位职工参保" in refused.value.message_zh
        assert counter.ctx.store.unsent_for(wf.record.identity.id_number) == 0  # withdrawn
    finally:
        central.line_up()
