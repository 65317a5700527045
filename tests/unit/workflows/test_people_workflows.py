"""Registration and data change, headless on a fake central and an in-memory store: the
bounds and types come from the central's answer (min, max, one fen past each), the proof
each level asks for, and what is queued or refused with the line down."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from counter_app.central.api import Person
from counter_app.central.errors import LineDownError
from counter_app.central.people_api import (
    Bounds,
    BoundsKind,
    DataChangeProof,
    DataChangeResult,
    Employer,
    RegistrationRequest,
    RegistrationResult,
)
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus
from counter_app.domain.errors import CounterError
from counter_app.printing import BranchInfo
from counter_app.workflows.data_change import DataChangeWorkflow
from counter_app.workflows.data_change import Step as D
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.person_ops import PersonOpsContext
from counter_app.workflows.registration import Kind, RegistrationWorkflow
from counter_app.workflows.registration import Step as R
from counter_app.workflows.registration.record import MATERIALS
from counter_app.workflows.registration.rules import base_error, parse_base

NOW = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
IDN = "330205199003011232"
CODE = "91330206MA2H001019"


@dataclass
class FakeCentral:
    up: bool = True
    low: int = 300000  # deliberately not the seeded figures: the counter must use the answer
    high: int = 1500000
    sent: list[tuple[str, Any]] = field(default_factory=list)

    def _line(self) -> None:
        if not self.up:
            raise LineDownError()

    def get_person(self, id_number: str) -> Person:
        self._line()
        return Person(id_number, "张伟", "1", "01", dt.date(1990, 3, 1), "330205", True, False,
                      False, None, id_number)

    def employer(self, credit_code: str) -> Employer:
        self._line()
        return Employer("E1", "某公司", credit_code, "ACTIVE", "330206", ("PENSION", "WORK_INJURY"))

    def contribution_bounds(self) -> Bounds:
        self._line()
        return Bounds((BoundsKind("EMPLOYEE", 2026, self.low, self.high,
                                  ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")),
                       BoundsKind("FLEXIBLE", 2026, self.low, self.high, ("PENSION",))))

    def register_person(self, id_number: str, request: RegistrationRequest, *,
                        idempotency_key: str) -> RegistrationResult:
        self._line()
        self.sent.append(("register", request))
        return RegistrationResult("REG-1", id_number, request.kind, None, None, request.insurances,
                                  request.base_fen, request.start_month, NOW, False)

    def change_person_data(self, id_number: str, *, branch_code: str, client_seq: int,
                           changes: dict[str, str], proof: DataChangeProof | None,
                           idempotency_key: str) -> DataChangeResult:
        self._line()
        self.sent.append(("change", (changes, proof)))
        return DataChangeResult("OP-1", NOW, tuple(sorted(changes)), "name" in changes)


@dataclass
class FakeStore:
    rows: dict[str, str] = field(default_factory=dict)
    audits: list[str] = field(default_factory=list)

    def unsent_for(self, id_number: str) -> int:
        return sum(1 for s in self.rows.values() if s == "pending")

    def begin(self, *, op_id: str, operation: str, id_number: str, payload: dict[str, Any],
              actor: str, action: str, detail: dict[str, Any], hold_s: float, now: dt.datetime) -> None:
        assert IDN not in str(detail)  # the audit detail carries no ID number
        self.rows[op_id] = "pending"

    def sent(self, op_id: str, response: dict[str, Any], now: dt.datetime) -> None:
        self.rows[op_id] = "done"

    def refused(self, op_id: str, code: str, now: dt.datetime) -> None:
        self.rows[op_id] = "refused"

    def release(self, op_id: str, error_code: str, now: dt.datetime) -> None:
        self.rows[op_id] = "pending"

    def withdraw(self, op_id: str, reason: str, now: dt.datetime) -> None:
        del self.rows[op_id]

    def status_of(self, op_id: str) -> str | None:
        return self.rows.get(op_id)

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        self.audits.append(action)


def make_ctx(central: FakeCentral, store: FakeStore, line: LineState = LineState.ONLINE) -> PersonOpsContext:
    def status() -> SyncStatus:
        return SyncStatus(line, 5.0, 0, 0, None, NOW, NOW, None, NOW)

    return PersonOpsContext(BranchInfo("B1", "网点", "银行", True), "B1", "ICBC", "03", "T1", central,
                            store, sync_status=status, clock=lambda: NOW)


def registration(ctx: PersonOpsContext, kind: Kind) -> RegistrationWorkflow:
    wf = RegistrationWorkflow(ctx)
    wf.apply(R.KIND, {"kind": kind.value, **{f"m_{k}": "1" for k, _t in MATERIALS[kind]}})
    wf.next()
    wf.apply(R.IDENTIFY, {"id_number": IDN, "name": "张伟"})
    wf.next()
    if kind is Kind.EMPLOYEE:
        wf.apply(R.EMPLOYER, {"credit_code": CODE})
        wf.find_employer()
        wf.next()
    wf.fetch_bounds()
    return wf


@pytest.mark.parametrize(("text", "ok"), [("3000", True), ("2999.99", False), ("15000", True),
                                          ("15000.01", False)])
def test_base_bounds_come_from_the_central(text: str, ok: bool) -> None:
    wf = registration(make_ctx(FakeCentral(), FakeStore()), Kind.FLEXIBLE)
    wf.apply(R.CONTRIBUTION, {"base": text, "ins_PENSION": "1"})
    errors = wf.validate(R.CONTRIBUTION)
    assert ("base" not in errors) is ok
    if not ok:
        assert "3,000.00元至15,000.00元" in errors["base"]


def test_base_parsing_and_the_rule_at_its_edges() -> None:
    assert parse_base("６，０００.５") == 600050
    assert parse_base("4462元") == 446200
    for bad in ("", "abc", "-1", "1.001", "NaN", "inf"):
        with pytest.raises(CounterError):
            parse_base(bad)
    assert base_error(100, 100, 200, 2026) == "" and base_error(200, 100, 200, 2026) == ""
    assert base_error(99, 100, 200, 2026) and base_error(201, 100, 200, 2026)


def test_the_employer_limits_the_types() -> None:
    central = FakeCentral()
    wf = registration(make_ctx(central, FakeStore()), Kind.EMPLOYEE)
    assert wf.record.insurances == ("PENSION", "WORK_INJURY")  # what the employer covers
    wf.apply(R.CONTRIBUTION, {"base": "5000", "ins_PENSION": "1", "ins_UNEMPLOYMENT": "1"})
    with pytest.raises(StepInvalid) as invalid:
        wf.next()
    assert "养老保险、工伤保险" in invalid.value.errors["insurances"]
    wf.apply(R.CONTRIBUTION, {"base": "5000", "ins_PENSION": "1"})
    wf.next()
    assert wf.submit().status == "done"
    request = central.sent[0][1]
    assert request.base_fen == 500000 and request.start_month == "202603"
    assert request.credit_code == CODE


def test_materials_must_all_be_ticked() -> None:
    wf = RegistrationWorkflow(make_ctx(FakeCentral(), FakeStore()))
    with pytest.raises(StepInvalid) as no_kind:
        wf.next()
    assert "kind" in no_kind.value.errors
    ticks = {f"m_{k}": "1" for k, _t in MATERIALS[Kind.EMPLOYEE][:-1]}
    wf.apply(R.KIND, {"kind": "EMPLOYEE", **ticks})
    with pytest.raises(StepInvalid) as missing:
        wf.next()
    assert "统一社会信用代码" in missing.value.errors["materials"]


def test_line_down_registration_decisions() -> None:
    central, store = FakeCentral(), FakeStore()
    online = make_ctx(central, store)
    flexible = registration(online, Kind.FLEXIBLE)  # bounds answered this session
    central.up = False
    offline = make_ctx(central, store, LineState.OFFLINE)
    queued = RegistrationWorkflow(offline, flexible.cache)
    queued.apply(R.KIND, {"kind": "FLEXIBLE", **{f"m_{k}": "1" for k, _t in MATERIALS[Kind.FLEXIBLE]}})
    queued.next()
    queued.apply(R.IDENTIFY, {"id_number": IDN, "name": "张伟"})
    queued.next()
    queued.fetch_bounds()
    queued.apply(R.CONTRIBUTION, {"base": "3000", "ins_PENSION": "1"})
    queued.next()
    outcome = queued.submit()
    assert outcome.status == "pending" and store.rows[outcome.op_id] == "pending"
    # an employee's registration needs the central now: refused, nothing kept
    employee = RegistrationWorkflow(offline)
    employee.apply(R.KIND, {"kind": "EMPLOYEE", **{f"m_{k}": "1" for k, _t in MATERIALS[Kind.EMPLOYEE]}})
    employee.next()
    employee.apply(R.IDENTIFY, {"id_number": IDN, "name": "张伟"})
    employee.next()
    employee.apply(R.EMPLOYER, {"credit_code": CODE})
    with pytest.raises(CounterError) as caught:
        employee.find_employer()
    assert caught.value.code == "EMPLOYER_NEEDS_CENTRAL"


def changed(ctx: PersonOpsContext, values: dict[str, str], *, read: bool = False) -> DataChangeWorkflow:
    wf = DataChangeWorkflow(ctx)
    wf.apply(D.IDENTIFY, {"id_number": IDN})
    if read:  # as the reader would have it
        from counter_app.workflows.identity_step import Identity
        wf._set_identity(Identity(IDN, "reader", "张伟"))
    wf.next()
    wf.apply(D.CHANGES, values)
    wf.next()
    return wf


def test_each_proof_level_on_the_counter() -> None:
    central, store = FakeCentral(), FakeStore()
    ctx = make_ctx(central, store)
    none = changed(ctx, {"phone": "13812345678"})
    assert none.step is D.CONFIRM and none.proof() is None
    records = changed(ctx, {"work_start_date": "2012-07-01"})
    assert records.step is D.PROOF
    with pytest.raises(StepInvalid):
        records.next()
    records.apply(D.PROOF, {"rec_work_start_date_1": "1"})
    records.next()
    assert records.submit().status == "done"
    assert central.sent[-1][1][1].records == ("参加工作时的劳动合同或工资发放原始记录",)
    typed = changed(ctx, {"sex": "2"})
    typed.apply(D.PROOF, {"paper_kind": "COURT", "paper_no": "(2026)浙0205民特12号"})
    with pytest.raises(StepInvalid) as invalid:
        typed.next()
    assert set(invalid.value.errors) == {"id_card"}
    read = changed(ctx, {"name": "张卫"}, read=True)
    for kind, number, bad in (("", "甬公2026-1", "paper_kind"), ("POLICE", "123", "paper_no")):
        read.apply(D.PROOF, {"paper_kind": kind, "paper_no": number})
        with pytest.raises(StepInvalid) as missing:
            read.next()
        assert set(missing.value.errors) == {bad}
    read.apply(D.PROOF, {"paper_kind": "POLICE", "paper_no": "1234"})  # 4 characters: enough
    read.next()
    outcome = read.submit()
    assert outcome.new_card_required
    proof = central.sent[-1][1][1]
    assert proof.id_card_read and proof.paper_kind == "POLICE" and proof.paper_no == "1234"


def test_values_are_checked_before_anything_is_sent() -> None:
    ctx = make_ctx(FakeCentral(), FakeStore())
    wf = DataChangeWorkflow(ctx)
    wf.apply(D.IDENTIFY, {"id_number": IDN})
    wf.next()
    errors = wf.apply(D.CHANGES, {"birth_date": "2026-03-03", "name": "张伟", "sex": "1",
                                  "id_number": IDN, "education": "本科"})
    assert set(errors) == {"birth_date", "name", "sex", "id_number", "education"}
    assert not wf.apply(D.CHANGES, {"birth_date": "2026-03-02"})  # today (Beijing) is allowed


def test_line_down_data_change_decisions() -> None:
    central, store = FakeCentral(up=False), FakeStore()
    ctx = make_ctx(central, store, LineState.OFFLINE)
    wf = DataChangeWorkflow(ctx)
    wf.apply(D.IDENTIFY, {"id_number": IDN})
    wf.next()
    assert wf.record.line_down
    wf.apply(D.CHANGES, {"birth_date": "1990-03-02"})
    with pytest.raises(StepInvalid):
        wf.next()
    wf.apply(D.CHANGES, {"address": "宁波市江北区"})
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "pending" and store.rows[outcome.op_id] == "pending"
    assert not wf.delivered()
    store.rows[outcome.op_id] = "done"  # the sync worker delivered it
    assert wf.delivered()
    # records and identity data need the central now, even if the screen let them through
    online_then_down = make_ctx(FakeCentral(), store)
    records = changed(online_then_down, {"birth_date": "1990-03-02"})
    records.apply(D.PROOF, {"rec_birth_date_0": "1"})
    records.next()
    records.ctx = make_ctx(FakeCentral(up=False), FakeStore(), LineState.OFFLINE)
    with pytest.raises(NewWorkRefused) as refused:
        records.submit()
    assert refused.value.code == "NEEDS_CENTRAL_NOW"
