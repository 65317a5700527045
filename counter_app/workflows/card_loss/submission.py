"""Sending a loss or de-loss to the central: once, now or (formal loss only) when the line returns.

- Before anything is sent, the outbox message with its idempotency key and the audit entry
  are written in one durable transaction (``repo.begin``), held back from the sync worker
  while the counter sends it itself. A crash after that leaves the message to the sync
  worker under the same key: the central answers a replay with its stored result.
- The outbox sends the messages of one person in order (its ordering key is the person's
  blind index), so a formal loss queued while the line was down reaches the central before
  any later operation on the same card. A de-loss (which needs the central now) is refused
  while an earlier operation of the same person is still unsent.
- Line down: a formal loss is accepted and queued (the person is told it is pending);
  a de-loss is refused, because only the central knows whether a replacement was applied for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from counter_app.central.errors import LINE_ERRORS, CentralRefusal, nothing_sent
from counter_app.central.sync import (
    LineState,
    NewWorkRefused,
    SyncStatus,
    check_audit,
    check_new_work,
)
from counter_app.domain.card_states import CardOperation
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.card_loss import rules
from counter_app.workflows.card_loss.record import Operation, Outcome, Step
from counter_app.workflows.card_refusals import retell
from counter_app.workflows.kernel import StepInvalid

if TYPE_CHECKING:
    from counter_app.workflows.card_loss.workflow import CardLossWorkflow

log = logging.getLogger(__name__)

OPERATIONS = {Operation.LOSS: "cards.loss", Operation.DELOSS: "cards.deloss"}
WORK = {Operation.LOSS: "formal_loss", Operation.DELOSS: "deloss"}
HOLD_S = 600.0  # the counter sends it itself; after a crash the sync worker takes over

DELOSS_OFFLINE_ZH = QT_TR_NOOP("专线中断，暂不能解挂：解挂须由中心实时确认该卡未申请补卡，"
                               "请待线路恢复后办理（持卡人可稍候或改日到本行网点办理）。")
EARLIER_UNSENT_ZH = QT_TR_NOOP("该持卡人有尚未送达中心的业务（如专线中断时受理的挂失），"
                               "须先送达中心后才能解挂。系统正在上传，请稍后重试。")
QUEUED_ZH = QT_TR_NOOP("专线中断，正式挂失已在本柜台受理并暂存，线路恢复后优先上传中心生效"
                       "（同一业务不会重复提交）。请告知持卡人：上传完成前挂失尚未在中心生效。")


def _status(wf: CardLossWorkflow, line: LineState | None = None) -> SyncStatus:
    ctx = wf.ctx
    if ctx.sync_status is not None:
        status = ctx.sync_status()
        return replace(status, line_state=line) if line is not None else status
    now = ctx.clock()
    return SyncStatus(line or LineState.ONLINE, None, 0, 0, None, now, None, None, now)


def line_is_down(wf: CardLossWorkflow) -> bool:
    return wf.ctx.sync_status is not None and wf.ctx.sync_status().line_state in (
        LineState.OFFLINE, LineState.PAUSED)


def submit(wf: CardLossWorkflow) -> Outcome:
    """Send the chosen operation (blocking). Raises StepInvalid, NewWorkRefused or CentralRefusal."""
    ctx, op = wf.ctx, wf.record.operation
    if wf.step is Step.DONE and wf.record.outcome is not None:
        return wf.record.outcome
    bad = wf.first_invalid_step()
    if bad is not None:
        errors = wf.validate(bad)
        wf.jump_to_fix(bad)
        wf.save()
        raise StepInvalid(errors)
    errors = wf.validate(Step.CHOOSE)
    if errors:
        raise StepInvalid(errors)
    card = wf.record.card
    assert card is not None  # the card step is valid
    offline = line_is_down(wf) or not card.states_known
    if op is Operation.DELOSS:
        if offline:
            wf.note("refused_offline")
            wf.save()
            raise NewWorkRefused(DELOSS_OFFLINE_ZH, code="DELOSS_NEEDS_CENTRAL")
        if ctx.store.unsent_for(wf.id_number):
            ctx.wake_sync()
            wf.note("refused_earlier_unsent")
            wf.save()
            raise NewWorkRefused(EARLIER_UNSENT_ZH, code="EARLIER_OPERATION_UNSENT")
    if offline:  # the staleness limits and the disk, as for any queued work
        check_new_work(WORK[op], _status(wf, LineState.OFFLINE), ctx.limits,
                       free_disk_mb=ctx.free_disk_mb(), now=ctx.clock())
    elif op is Operation.DELOSS:  # needed now: the audit break and the disk stop it
        check_new_work(WORK[op], _status(wf), ctx.limits, free_disk_mb=ctx.free_disk_mb(),
                       now=ctx.clock())
    else:  # a loss sent now: the audit break stops it; queued-work limits must not delay it
        check_audit(_status(wf))
    functions = [f for f in rules.FUNCTIONS if f.value in wf.record.chosen]
    op_id = wf.record.op_id or str(uuid.uuid4())
    payload: dict[str, Any] = {"card_no": card.card_no, "branch_code": ctx.branch_code,
                               "functions": [f.value for f in functions]}
    wf.update_record(op_id=op_id)
    wf.note("submitting", operation=op.value, functions=[f.value for f in functions],
            offline=offline)
    wf.save()
    now = ctx.clock()
    earlier = ctx.store.unsent_for(wf.id_number)
    ctx.store.begin(op_id=op_id, operation=OPERATIONS[op], id_number=wf.id_number,
                    payload=payload, actor=ctx.teller, action=f"card.{op.value}",
                    detail={"op_id": op_id, "functions": payload["functions"],
                            "offline": offline, "identified_by": wf.record.identity.source},
                    hold_s=0.0 if offline or earlier else HOLD_S, now=now)
    if offline or earlier:  # queued behind (or as) the person's unsent work: sent in order
        ctx.wake_sync()
        message = QUEUED_ZH if offline else QT_TR_NOOP(
            "该持卡人有尚未送达中心的前序业务，本笔正式挂失已受理并排在其后上传，送达后生效。")
        return _finish(wf, Outcome(op_id, "pending", tuple(payload["functions"]), message,
                                   now.isoformat(), receipt_no(wf, now)))
    try:
        if op is Operation.LOSS:
            answer = ctx.central.formal_loss(card.card_no, branch_code=ctx.branch_code,
                                             functions=list(payload["functions"]),
                                             idempotency_key=op_id)
        else:
            answer = ctx.central.deloss(card.card_no, branch_code=ctx.branch_code,
                                        functions=list(payload["functions"]),
                                        idempotency_key=op_id)
    except CentralRefusal as exc:
        ctx.store.refused(op_id, exc.code, ctx.clock())
        wf.update_record(op_id="")  # the central stored its refusal under that key
        wf.note("refused", code=exc.code)
        wf.save()
        raise _explained(exc, card.bank_code, op) from exc
    except LINE_ERRORS as exc:
        if op is Operation.DELOSS and nothing_sent(exc):
            ctx.store.withdraw(op_id, exc.code, ctx.clock())
            wf.update_record(op_id="")
            wf.note("refused_offline", error=exc.code)
            wf.save()
            raise NewWorkRefused(DELOSS_OFFLINE_ZH, code="DELOSS_NEEDS_CENTRAL") from exc
        ctx.store.release(op_id, exc.code, ctx.clock())
        ctx.wake_sync()
        if op is Operation.LOSS and nothing_sent(exc):
            message = QUEUED_ZH
        else:  # it may have been committed: the sync worker confirms it under the same key
            message = (QT_TR_NOOP("中心系统未及时应答（本笔挂失可能已生效），"
                                  "系统将以同一业务号自动向中心确认，不会重复办理。") if op is Operation.LOSS
                       else QT_TR_NOOP("中心系统未及时应答（本笔解挂可能已生效），"
                                       "系统将以同一业务号自动向中心确认，不会重复办理。"))
        wf.note("deferred", error=exc.code)
        return _finish(wf, Outcome(op_id, "pending", tuple(payload["functions"]), message,
                                   now.isoformat(), receipt_no(wf, now)))
    ctx.store.sent(op_id, _jsonable(dataclasses.asdict(answer)), ctx.clock())
    wf.update_record(card=rules.found_card(answer, card.source, ctx.clock()))
    message = (QT_TR_NOOP("正式挂失已生效，卡片对应功能已停止使用。") if op is Operation.LOSS
               else QT_TR_NOOP("解挂已生效，卡片对应功能恢复正常使用。"))
    return _finish(wf, Outcome(op_id, "done", tuple(payload["functions"]), message,
                               now.isoformat(), receipt_no(wf, now),
                               social_after=answer.social_state,
                               financial_after=answer.financial_state))


def _finish(wf: CardLossWorkflow, outcome: Outcome) -> Outcome:
    wf.finish(outcome)
    log.info("card %s %s", wf.record.operation.value, outcome.status)
    return outcome


def _explained(exc: CentralRefusal, card_bank: str,
               operation: Operation = Operation.DELOSS) -> CentralRefusal:
    """The central's refusal retold: banks named in Chinese, a state refusal in the words of
    the counter's state table (the state's name and what the person can do instead)."""
    return retell(exc, CardOperation.LOSS if operation is Operation.LOSS else CardOperation.DELOSS,
                  card_bank)


def receipt_no(wf: CardLossWorkflow, at: dt.datetime) -> str:
    """``branch-YYYYMMDD-counter-G/J`` + the key's first characters (G 挂失, J 解挂)."""
    day = at.astimezone(CHINA_TIME).strftime("%Y%m%d")
    kind = "G" if wf.record.operation is Operation.LOSS else "J"
    return f"{wf.ctx.branch_code}-{day}-{wf.ctx.counter_id}-{kind}{wf.record.op_id[:8].upper()}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
