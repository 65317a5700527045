"""A failed production (制卡失败) taken up from the tracking screen: re-submitted, or cancelled.

The central names why production failed (``failure_reason``); the screen shows it, and the
teller either asks the central to make the card again on the same application (重新制卡) or
cancels the application (撤销申领) so the person may apply anew.

- **Re-submit may be queued** (declared ``DEFERRABLE``, ``production_resubmit``): the central
  already holds the person's data and photo, nothing is handed over at the counter and the
  person leaves with nothing to wait for; the request is written with its key in the person's
  outbox order before it is sent, so with the line down it goes later under the same key
  (never two productions), and the update feed brings the new state.
- **Cancel needs the central now** (``production_cancel``, ``NOW``): it is final (nothing
  comes back from 已撤销) and frees the person for a new application, so the teller must know
  the central took it before saying so; a queued cancel that the central later refused (the
  application re-submitted meanwhile at another counter) would leave the person misinformed.
  With the line down it is refused with the reason; if the request went out and the answer
  was lost, it is retried under the same key by the sync worker (the central may have taken
  it) and the screen says so.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from counter_app.central.errors import LINE_ERRORS, CentralError, CentralRefusal, nothing_sent
from counter_app.central.sync import NewWorkRefused, check_new_work
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.production import CANCELLED, FAILED, RESUBMIT_QUEUED, Tracked
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.production.context import ProductionContext

CANCEL_OFFLINE_ZH = QT_TR_NOOP("专线中断：撤销申领须由中心当场确认（撤销后不能恢复，申请人才能重新申领），"
                               "请线路恢复后再办理；也可先办理“重新制卡”，该业务可暂存上传。")


class FailedProductionError(CounterError):
    code = "FAILED_PRODUCTION"
    message_zh = QT_TR_NOOP("制卡失败的申领未能处理。")


@dataclass(frozen=True)
class FailedOutcome:
    application_id: str
    sent: bool  # the central answered now; False: queued under its key
    message_zh: str


def _failed(ctx: ProductionContext, application_id: str) -> Tracked:
    t = ctx.repo.get(application_id)
    if t is None and ctx.repo.track_local():  # accepted here and not tracked yet
        t = ctx.repo.get(application_id)
    if t is None:
        raise FailedProductionError(QT_TR_NOOP("只能处理本网点受理的申领：请先查询，确认申领编号。"),
                                    code="NOT_TRACKED")
    if t.state != FAILED:
        raise FailedProductionError(
            zh("该申领当前为“{state_zh}”，只有制卡失败的申领可以重新制卡或撤销。", state_zh=t.state_zh),
            code="NOT_FAILED")
    return t


def _check(ctx: ProductionContext, work: str) -> None:
    if ctx.sync_status is None:
        return
    try:
        check_new_work(work, ctx.sync_status(), ctx.limits, free_disk_mb=ctx.free_disk_mb(),
                       now=ctx.clock())
    except NewWorkRefused as exc:
        if work == "production_cancel" and exc.code == "CENTRAL_REQUIRED_OFFLINE":
            raise NewWorkRefused(CANCEL_OFFLINE_ZH, code="CANCEL_NEEDS_CENTRAL") from exc
        raise


def _reason_zh(t: Tracked) -> str:
    return zh("（中心原因：{reason}）", reason=t.failure_reason) if t.failure_reason else ""


def resubmit(ctx: ProductionContext, application_id: str, note: str = "") -> FailedOutcome:
    """Ask the central to make the card again on the same application."""
    t = _failed(ctx, application_id)
    _check(ctx, "production_resubmit")
    op = f"resubmit-{uuid.uuid4()}"
    payload = {"application_id": application_id, "branch_code": ctx.branch_code,
               "reason": note.strip()[:128]}
    ctx.repo.begin_central_operation(
        application_id, operation="applications.resubmit", op_id=op, payload=payload,
        actor=ctx.teller, action="production.resubmitted",
        detail={"failure_reason": t.failure_reason}, hold_s=ctx.hold_s, now=ctx.clock(),
        state=RESUBMIT_QUEUED)
    try:
        answer = ctx.central.resubmit_application(application_id, branch_code=ctx.branch_code,
                                                  reason=payload["reason"],
                                                  idempotency_key=op)
    except LINE_ERRORS as exc:
        ctx.outbox.release(op, exc.code, ctx.clock())
        ctx.wake_sync()
        return FailedOutcome(application_id, False,
                             zh("专线中断：重新制卡申请已暂存{reason}，线路恢复后自动上报中心"
                                "（同一业务编号，不会重复制卡）。请告知申请人稍后查询制卡进度。",
                                reason=_reason_zh(t)))
    except CentralRefusal as exc:
        ctx.outbox.refused(op, exc.code, ctx.clock())
        _restore(ctx, t)
        raise FailedProductionError(zh("中心拒绝重新制卡：{reason}", reason=exc.message_zh), code=exc.code) from exc
    ctx.outbox.sent(op, {"application_id": answer.application_id, "state": answer.state},
                    ctx.clock())
    ctx.repo.update_state(application_id, answer.state)
    return FailedOutcome(application_id, True,
                         zh("已重新提交制卡：申领 {application_id} 重新进入制卡（{state_zh}）。",
                            application_id=application_id, state_zh=answer.state_zh))


def cancel(ctx: ProductionContext, application_id: str, reason: str) -> FailedOutcome:
    """Cancel the failed application at the central (now, or not at all)."""
    if not reason.strip():
        raise ValidationError("cancel_reason", QT_TR_NOOP("请填写撤销原因（如：申请人放弃、须更换照片重新申领）。"),
                              code="REASON_MISSING")
    t = _failed(ctx, application_id)
    _check(ctx, "production_cancel")
    op = f"cancel-{uuid.uuid4()}"
    payload = {"application_id": application_id, "branch_code": ctx.branch_code,
               "reason": reason.strip()[:128]}
    ctx.repo.begin_central_operation(
        application_id, operation="applications.cancel", op_id=op, payload=payload,
        actor=ctx.teller, action="production.cancelled",
        detail={"failure_reason": t.failure_reason, "reason": payload["reason"]},
        hold_s=ctx.hold_s, now=ctx.clock())
    try:
        answer = ctx.central.cancel_application(application_id, branch_code=ctx.branch_code,
                                                reason=payload["reason"], idempotency_key=op)
    except LINE_ERRORS as exc:
        if nothing_sent(exc):
            ctx.outbox.withdraw(op, "cancel needs the central now; the line was down",
                                ctx.clock())
            raise NewWorkRefused(CANCEL_OFFLINE_ZH, code="CANCEL_NEEDS_CENTRAL") from exc
        # it may have reached the central: only the same key may settle it, never a new one
        ctx.outbox.release(op, exc.code, ctx.clock())
        ctx.wake_sync()
        return FailedOutcome(application_id, False,
                             QT_TR_NOOP("撤销请求已发出，但未收到中心答复：将以同一业务编号自动重发（不会重复撤销），"
                                        "请稍后刷新查看结果，确认“已撤销”后再告知申请人。"))
    except CentralRefusal as exc:
        ctx.outbox.refused(op, exc.code, ctx.clock())
        _restore(ctx, t)
        raise FailedProductionError(zh("中心拒绝撤销：{reason}", reason=exc.message_zh), code=exc.code) from exc
    ctx.outbox.sent(op, {"application_id": answer.application_id, "state": answer.state},
                    ctx.clock())
    ctx.repo.update_state(application_id, answer.state or CANCELLED)
    return FailedOutcome(application_id, True,
                         zh("申领 {application_id} 已撤销，申请人可重新申领。", application_id=application_id))


def _restore(ctx: ProductionContext, t: Tracked) -> None:
    """After a refusal: the central's state now (or, unreachable, the failure as it was)."""
    try:
        a = ctx.central.application(t.application_id)
    except CentralError:
        ctx.repo.update_state(t.application_id, FAILED, failure_reason=t.failure_reason)
        return
    ctx.repo.update_state(t.application_id, a.state, card_no=a.card_no or "",
                          failure_reason=a.failure_reason or "")
