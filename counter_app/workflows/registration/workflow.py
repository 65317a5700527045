"""Insurance registration (职工参保登记) as a wizard over its typed record.

Steps::

    kind and materials (ticked) → identify → employer (employees: by credit code, the
    central's answer) → types and base (the central's bounds) → confirm → done (receipt)

An employee's registration needs the central now (the employer, its types and the bounds
are the central's); a flexible worker's may be queued while the line is down when the
central's bounds for this year were fetched earlier in this session (docs/registration.md).
The record lives in memory while the person is at the counter; the outbox row written
before sending is the durable part.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from counter_app.central.errors import CentralError, CentralRefusal
from counter_app.central.people_api import RegistrationRequest, registration_payload
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.credit_code import validate_credit_code
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.printing import mask_name
from counter_app.workflows import person_ops
from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid
from counter_app.workflows.person_case import PersonCaseWorkflow
from counter_app.workflows.person_ops import PersonOpsContext
from counter_app.workflows.registration import rules
from counter_app.workflows.registration.record import (
    KIND_ZH,
    MATERIALS,
    SCHEMA_VERSION,
    BaseBounds,
    EmployerInfo,
    Kind,
    Outcome,
    RegistrationRecord,
    Step,
)

STEP_TITLES_ZH: dict[Step, str] = {
    Step.KIND: QT_TR_NOOP("参保类型与材料"), Step.IDENTIFY: QT_TR_NOOP("核验身份"),
    Step.EMPLOYER: QT_TR_NOOP("参保单位"), Step.CONTRIBUTION: QT_TR_NOOP("险种与缴费基数"),
    Step.CONFIRM: QT_TR_NOOP("确认提交"), Step.DONE: QT_TR_NOOP("打印回执"),
}
WORK = {Kind.EMPLOYEE: "employee_registration", Kind.FLEXIBLE: "flexible_employment_registration"}
OPERATION = "persons.registration"

EMPLOYEE_OFFLINE_ZH = QT_TR_NOOP("专线中断，暂不能办理单位职工参保：单位信息、可参加的险种和缴费基数范围"
                                 "须由中心实时确认，请待线路恢复后办理。")
FLEXIBLE_OFFLINE_ZH = QT_TR_NOOP("专线中断，且本柜台尚未取得中心核定的本年度缴费基数范围，暂不能办理灵活就业参保；"
                                 "请待线路恢复后办理。")
LOOKUP_OFFLINE_ZH = QT_TR_NOOP("专线中断，无法向中心查询单位，请待线路恢复后办理单位职工参保。")


def registration_steps() -> tuple[StepDef[RegistrationRecord], ...]:
    t = STEP_TITLES_ZH
    return (
        StepDef(Step.KIND, t[Step.KIND], validate=rules.kind_errors),
        StepDef(Step.IDENTIFY, t[Step.IDENTIFY], validate=rules.identify_errors),
        StepDef(Step.EMPLOYER, t[Step.EMPLOYER], applies=lambda r: r.kind == Kind.EMPLOYEE,
                validate=rules.employer_errors),
        StepDef(Step.CONTRIBUTION, t[Step.CONTRIBUTION], validate=rules.contribution_errors),
        StepDef(Step.CONFIRM, t[Step.CONFIRM], forward=False,
                forward_message_zh=QT_TR_NOOP("请核对后点击“确认参保”。")),
        StepDef(Step.DONE, t[Step.DONE], forward=False, forward_message_zh=QT_TR_NOOP("本笔业务已完成。")),
    )


class BoundsCache:
    """The central's bounds answered in this session, per kind: what a flexible worker's
    registration may be checked against while the line is down (same year only)."""

    def __init__(self) -> None:
        self.by_kind: dict[str, BaseBounds] = {}


class RegistrationWorkflow(PersonCaseWorkflow[RegistrationRecord, Step, PersonOpsContext]):
    def __init__(self, ctx: PersonOpsContext, cache: BoundsCache | None = None,
                 record: RegistrationRecord | None = None, *, step: str | None = None,
                 journal: Iterable[JournalEntry] = ()) -> None:
        self.cache = cache or BoundsCache()
        record = record or RegistrationRecord(str(uuid.uuid4()), ctx.teller, ctx.clock().isoformat())
        super().__init__(ctx, registration_steps(), record, started=True, step_type=Step,
                         schema_version=SCHEMA_VERSION, step=step, journal=journal)

    @property
    def kind(self) -> Kind | None:
        return Kind(self.record.kind) if self.record.kind else None

    @property
    def person_name(self) -> str:
        return self.record.identity.name or self.record.name.strip()

    def label(self) -> str:
        who = mask_name(self.person_name) if self.person_name else QT_TR_NOOP("（尚未识别）")
        kind = KIND_ZH[Kind(self.record.kind)] if self.record.kind else QT_TR_NOOP("参保登记")
        return f"{who} · {kind}"

    # -- kind and materials ------------------------------------------------------------------
    def set_kind(self, kind: str) -> None:
        k = Kind(kind)
        if self.record.kind != k:
            # another kind: its own materials, bounds and types
            self.update_record(kind=k.value, materials=(), bounds=None, insurances=(), employer=None)
            self.note("kind", kind=k.value)

    def materials(self) -> tuple[tuple[str, str], ...]:
        return MATERIALS[self.kind] if self.kind else ()

    # -- identify ----------------------------------------------------------------------------
    def for_another_person(self, record: RegistrationRecord) -> RegistrationRecord:
        return replace(record, name="", op_id="")

    # -- employer ------------------------------------------------------------------------------
    def find_employer(self) -> EmployerInfo:
        """Ask the central for the employer of the typed code (blocking)."""
        code = validate_credit_code(self.record.credit_code)
        self.update_record(credit_code=code, employer=None)
        try:
            e = self.ctx.central.employer(code)
        except CentralRefusal as refusal:
            self.note("employer_refused", code=refusal.code)
            raise CounterError(refusal.message_zh, code=refusal.code) from refusal
        except CentralError as error:
            self.note("employer_line_down", error=error.code)
            raise CounterError(LOOKUP_OFFLINE_ZH, code="EMPLOYER_NEEDS_CENTRAL") from error
        employer = EmployerInfo(e.credit_code, e.name_zh, e.employer_no, e.status, tuple(e.insurances))
        self.update_record(employer=employer,
                           insurances=tuple(i for i in self.record.insurances if i in employer.insurances))
        self.note("employer_found", status=e.status)
        return employer

    # -- bounds ----------------------------------------------------------------------------------
    def fetch_bounds(self) -> BaseBounds:
        """This year's bounds for the kind, from the central (blocking); with the line down,
        the central's answer from earlier in this session, for work that may be queued."""
        kind = self.kind
        if kind is None:
            raise StepInvalid({"kind": QT_TR_NOOP("请先选择参保类型。")})
        try:
            answer = self.ctx.central.contribution_bounds().of(kind.value)
        except CentralError as error:
            cached = self.cache.by_kind.get(kind.value)
            if (kind is Kind.FLEXIBLE and cached is not None
                    and cached.year == self.ctx.today().year):
                self._set_bounds(cached)
                self.note("bounds_cached", error=error.code)
                return cached
            self.note("bounds_line_down", error=error.code)
            raise CounterError(EMPLOYEE_OFFLINE_ZH if kind is Kind.EMPLOYEE else FLEXIBLE_OFFLINE_ZH,
                               code="BOUNDS_NEED_CENTRAL") from error
        if answer is None:
            raise CounterError(QT_TR_NOOP("中心系统未提供本类型的缴费基数范围，请联系社保经办机构。"),
                               code="BOUNDS_MISSING")
        bounds = BaseBounds(answer.kind, answer.year, answer.min_base_fen, answer.max_base_fen,
                            tuple(answer.insurances), self.ctx.clock().isoformat())
        self.cache.by_kind[kind.value] = bounds
        self._set_bounds(bounds)
        self.note("bounds", year=bounds.year)
        return bounds

    def _set_bounds(self, bounds: BaseBounds) -> None:
        r = replace(self.record, bounds=bounds)
        allowed = rules.allowed_insurances(r)
        chosen = tuple(i for i in r.insurances if i in allowed) or allowed
        self._set(replace(r, insurances=chosen))

    # -- screens hand over plain strings ------------------------------------------------------------
    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        step = Step(key)
        if step is Step.KIND:
            if values.get("kind"):
                self.set_kind(values["kind"])
            if self.kind is not None:
                self.update_record(materials=tuple(k for k, _t in MATERIALS[self.kind]
                                             if values.get(f"m_{k}")))
            return {}
        if step is Step.IDENTIFY:
            typed = values.get("id_number", "").strip()
            if typed:
                self.set_id_number(typed)
            self.update_record(name=values.get("name", self.record.name).strip(),
                               phone=values.get("phone", self.record.phone).strip())
            return {k: v for k, v in rules.identify_errors(self.record).items() if k == "phone"}
        if step is Step.EMPLOYER:
            typed = values.get("credit_code", "").strip()
            if typed and typed.upper() != self.record.credit_code:
                self.update_record(credit_code=typed.upper(), employer=None)
            return {}
        if step is Step.CONTRIBUTION:
            if "base" in values:
                chosen = tuple(i for i in rules.INSURANCES if values.get(f"ins_{i}"))
                self.update_record(base_text=values["base"].strip(), insurances=chosen)
            return {}
        return {}

    def next(self) -> Step:
        key = super().next()
        self.save()
        return key

    # -- submit ----------------------------------------------------------------------------------------
    def submit(self) -> Outcome:
        """Register the person (blocking). Raises StepInvalid, NewWorkRefused, CentralRefusal."""
        if self.record.outcome is not None:
            return self.record.outcome
        bad = self.first_invalid_step()
        if bad is not None:
            errors = self.validate(bad)
            self.jump_to_fix(bad)
            raise StepInvalid(errors)
        kind = self.kind
        assert kind is not None and self.record.bounds is not None
        r, ctx = self.record, self.ctx
        request = RegistrationRequest(
            branch_code=ctx.branch_code, kind=kind.value, insurances=r.insurances,
            base_fen=rules.base_fen(r), start_month=ctx.today().strftime("%Y%m"),
            name=self.person_name, credit_code=r.employer.credit_code if r.employer else None,
            phone=r.phone, materials=r.materials)
        op_id = r.op_id or person_ops.new_key()
        self.update_record(op_id=op_id, start_month=request.start_month)
        idn = r.identity.id_number

        def call(key: str) -> dict[str, Any]:
            answer = ctx.central.register_person(idn, request, idempotency_key=key)
            return dict(person_ops.jsonable(dataclasses.asdict(answer)))

        try:
            sent = person_ops.send(
                ctx, work=WORK[kind], operation=OPERATION, id_number=idn, op_id=op_id,
                payload=registration_payload(idn, request), call=call,
                offline_zh=EMPLOYEE_OFFLINE_ZH if kind is Kind.EMPLOYEE else FLEXIBLE_OFFLINE_ZH,
                detail={"op_id": op_id, "kind": kind.value, "insurances": list(r.insurances),
                        "identified_by": r.identity.source})
        except CentralRefusal as refusal:
            self.update_record(op_id="")  # the central keeps its refusal under that key
            self.note("refused", code=refusal.code)
            raise self._explained(refusal) from refusal
        at = dt.datetime.fromisoformat(sent.at)
        number = person_ops.receipt_no(ctx, "D", op_id, at)
        if sent.status == "done":
            start = at.astimezone(CHINA_TIME)
            message: str = zh("参保登记已完成，自{year}年{month}月起按所选险种和基数缴费。",
                              year=f"{start:%Y}", month=f"{start:%m}")
            outcome = Outcome(op_id, "done", message, sent.at, number,
                              str(sent.response.get("registration_id", "")),
                              bool(sent.response.get("person_created", False)))
        else:
            message = (QT_TR_NOOP("中心系统未及时应答（本笔登记可能已生效），系统将按同一业务编号自动确认，"
                                  "不会重复登记。")
                       if sent.maybe_done else
                       QT_TR_NOOP("专线中断，灵活就业参保登记已在本柜台受理并暂存，线路恢复后自动上传中心；"
                                  "上传前中心尚无登记记录，如中心不予受理，网点将电话告知。"))
            outcome = Outcome(op_id, "pending", message, sent.at, number)
        self.update_record(outcome=outcome)
        self._history.append(self.current)
        self._move(Step.DONE)
        self.note("finished", status=outcome.status)
        self.save()
        return outcome

    def _explained(self, refusal: CentralRefusal) -> CounterError:
        code = refusal.code
        if code == "BASE_OUT_OF_RANGE":
            self.jump_to_fix(Step.CONTRIBUTION)
            return StepInvalid({"base": refusal.message_zh})
        if code in ("INSURANCE_NOT_ALLOWED",):
            self.jump_to_fix(Step.CONTRIBUTION)
            return StepInvalid({"insurances": refusal.message_zh})
        if code in ("EMPLOYER_NOT_FOUND", "EMPLOYER_CANCELLED", "CREDIT_CODE_INVALID"):
            self.update_record(employer=None)
            self.jump_to_fix(Step.EMPLOYER)
            return StepInvalid({"credit_code": refusal.message_zh})
        return refusal

    # -- the receipt ---------------------------------------------------------------------------------
    def documents(self) -> bytes:
        from counter_app.workflows.registration.documents import render_receipt

        return render_receipt(self.ctx, self.record)

    def delivered(self) -> bool:
        """The queued work has reached the central since (blocking: reads the outbox)."""
        outcome = self.record.outcome
        return outcome is not None and person_ops.delivered(self.ctx, outcome.op_id)

    def record_document_output(self, receipt_no: str, how: str) -> None:
        self.ctx.store.audit(self.ctx.teller, "registration.receipt_output", receipt_no=receipt_no,
                             how=how)
