"""Submitting an application: once, to the central now or through the outbox later.

- The idempotency key (``op_id``) is saved with the draft BEFORE the request goes out, so a
  retry after a crash or a timeout replays the same key and the central answers with the
  stored result: nothing is doubled.
- Only central production is deferrable. An instant request the line refused before it
  reached the central switches to central production (the teller chooses how the card is
  collected); a timed-out instant request, or one whose answer was lost after sending
  (``nothing_sent`` is False), which the central may have committed, is kept as sent, under
  the same key, and accepted as deferred: the card is made once the central confirms.
- The acceptance closes the draft in the same store transaction; if it fails the draft stays
  at the review step with its key, and submitting again is safe.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from counter_app.central.api import ApplicationRequest
from counter_app.central.errors import LINE_ERRORS, CentralRefusal, nothing_sent
from counter_app.domain.applications import Acceptance, StoredApplication
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.printing import DeliveryMode
from counter_app.workflows.application.eligibility import check_deferrable
from counter_app.workflows.application.record import FieldError, MakingMode, Step
from counter_app.workflows.kernel import StepInvalid

if TYPE_CHECKING:
    from counter_app.workflows.application.workflow import ApplicationWorkflow

log = logging.getLogger(__name__)

OPERATION = "applications.submit"

# central refusals that name a field the teller can fix: (step, field)
REFUSAL_FIELDS: dict[str, tuple[Step, str]] = {
    "GUARDIAN_MISMATCH": (Step.GUARDIAN, "id_number"),
    "GUARDIAN_REQUIRED": (Step.GUARDIAN, "id_number"),
    "EMS_ADDRESS_MISSING": (Step.DELIVERY, "address"),
}

LINE_DOWN_SWITCH_ZH = QT_TR_NOOP("专线中断，无法即时制卡：本笔已改为集中制卡并将暂存待上传，"
                                 "请选择领卡方式后重新提交。")


@dataclass(frozen=True)
class SubmitOutcome:
    application: StoredApplication
    deferred: bool
    message_zh: str


def build_request(wf: ApplicationWorkflow) -> ApplicationRequest:
    r, ctx = wf.record, wf.ctx
    collection: Literal["EMS", "BRANCH"] = "EMS" if wf.delivery_mode() is DeliveryMode.EMS else "BRANCH"
    return ApplicationRequest(
        id_number=r.identity.id_number, bank_code=ctx.bank_code, branch_code=ctx.branch_code,
        making_mode=wf.making_mode.value,
        photo_sha256=r.photo.sha256 if r.photo else "", collection=collection,
        guardian_id_number=r.guardian.id_number if wf.minor else None,
        ems_address=r.delivery.address if collection == "EMS" else None,
    )


def submit(wf: ApplicationWorkflow) -> SubmitOutcome:
    """Submit (blocking). Raises StepInvalid (and moves to the step to fix),
    ApplicationBlocked, NewWorkRefused or CentralRefusal (the draft is kept as typed)."""
    ctx = wf.ctx
    if wf.step is Step.DONE:
        app = ctx.store.by_draft(wf.draft_id)
        if app is None:
            raise StepInvalid({"step": QT_TR_NOOP("本笔申领的受理记录未找到，请联系网点技术支持。")})
        return SubmitOutcome(app, app.status != "submitted", QT_TR_NOOP("本笔申领已受理。"))
    bad = wf.first_invalid_step()
    if bad is not None:
        errors = wf.validate(bad)
        wf.jump_to_fix(bad)
        wf.save()
        raise StepInvalid(errors)
    sub = wf.record.submission
    if not sub.op_id:
        sub = replace(sub, op_id=str(uuid.uuid4()))
    request = build_request(wf)
    payload = asdict(request)
    sub = replace(sub, payload_sha=hashlib.sha256(repr(sorted(payload.items())).encode()).hexdigest())
    wf.update_record(submission=sub)
    wf.note("submitting", making_mode=request.making_mode)
    wf.save()  # the key is durable before anything is sent
    response: dict[str, Any] | None = None
    if wf.online:
        try:
            sent = ctx.central.submit_application(request, idempotency_key=sub.op_id)
            response = _jsonable(asdict(sent))
            message: str = zh("已提交中心系统，中心受理号 {application_id}。",
                              application_id=sent.application_id)
        except CentralRefusal as exc:
            _refused(wf, exc)
            raise
        except LINE_ERRORS as exc:
            if request.making_mode == MakingMode.INSTANT and nothing_sent(exc):
                _switch_to_factory(wf, exc.code)
                raise StepInvalid({"mode": LINE_DOWN_SWITCH_ZH}) from exc
            check_deferrable(ctx)
            message = QT_TR_NOOP("专线中断或中心无响应，申领已在本柜台受理并暂存，线路恢复后自动上传中心"
                                 "（同一受理不会重复提交）。")
            if request.making_mode == MakingMode.INSTANT:  # may be committed: same key, no switch
                message = QT_TR_NOOP("中心系统未及时应答（本笔可能已被中心受理）：申领已在本柜台受理并暂存，"
                                     "中心确认后再制卡，届时通知申领人领卡（同一受理不会重复提交）。")
            wf.note("deferred", error=exc.code)
    else:
        check_deferrable(ctx)
        message = QT_TR_NOOP("专线中断，申领已在本柜台受理并暂存，线路恢复后自动上传中心。")
        el = wf.record.eligibility
        wf.note("deferred", error=el.line_error if el else "")
    accepted_at = ctx.clock()
    stored = ctx.store.accept(Acceptance(
        draft_id=wf.draft_id, teller=ctx.teller, id_number=wf.id_number,
        branch_code=ctx.branch_code, counter_id=ctx.counter_id,
        making_mode=request.making_mode, collection=request.collection,
        op_id=sub.op_id, operation=OPERATION, payload=payload,
        record=accepted_record(wf, accepted_at), photo=wf.photo_jpeg,
        audit=_audit_detail(wf, request), central_response=response,
        accepted_at=accepted_at))
    deferred = response is None
    wf.finish(replace(wf.record.submission, application_no=stored.application_no,
                      status=stored.status, deferred=deferred, message=message,
                      central_application_id=stored.central_application_id or ""))
    if deferred:
        ctx.wake_sync()
    log.info("application accepted: deferred=%s mode=%s", deferred, request.making_mode)
    return SubmitOutcome(stored, deferred, message)


def _refused(wf: ApplicationWorkflow, exc: CentralRefusal) -> None:
    # the central stored its refusal under that key: after the fix, a new key
    sub = replace(wf.record.submission, op_id="")
    wf.note("refused", code=exc.code)
    where = REFUSAL_FIELDS.get(exc.code)
    if where and where[0] in wf.step_keys():
        sub = replace(sub, field_error=FieldError(where[0].value, where[1], exc.message_zh))
        wf.jump_to_fix(where[0])
    wf.update_record(submission=sub)
    wf.save()


def _switch_to_factory(wf: ApplicationWorkflow, code: str) -> None:
    """Nothing reached the central: central production instead, everything typed kept."""
    el = wf.record.eligibility
    assert el is not None  # the review step is only reached with an answer
    wf.update_record(
        eligibility=replace(el, making_mode=MakingMode.FACTORY, online=False, line_error=code,
                            notice=LINE_DOWN_SWITCH_ZH),
        submission=replace(wf.record.submission, op_id=""))
    wf.note("line_down_switch_to_factory", error=code)
    wf.jump_to_fix(Step.DELIVERY)
    wf.save()


def _audit_detail(wf: ApplicationWorkflow, request: ApplicationRequest) -> dict[str, Any]:
    report = wf.photo_report
    return {
        "draft_id": wf.draft_id,
        "making_mode": request.making_mode,
        "collection": request.collection,
        "identified_by": wf.record.identity.source,
        "minor": wf.minor,
        # the fee due (0: free): the day-end finds an application whose fee was not recorded
        "fee_fen": wf.fee_due_fen,
        "photo_overrides": [{"check": o.code.value, "reason": o.reason}
                            for o in (report.overrides if report else ())],
    }


def accepted_record(wf: ApplicationWorkflow, accepted_at: dt.datetime) -> dict[str, Any]:
    """What the store keeps to reprint the documents (see documents.render_documents)."""
    r = wf.record
    return {
        "applicant": asdict(r.applicant),
        "id_number": wf.id_number,
        "guardian": asdict(r.guardian) if wf.minor else None,
        "delivery": {**asdict(r.delivery), "mode": wf.delivery_mode().value},
        "making_mode": wf.making_mode.value,
        "accepted_at": accepted_at.isoformat(),
        "teller": wf.ctx.teller,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
