"""Sending a replacement to the central: once, and only with the line up.

- Refused with the line down (before anything is written): the old card number is cancelled
  at the central and only the central knows whether it was already replaced.
- Refused while an earlier operation of the same person is unsent (e.g. a formal loss queued
  with the line down): that operation reaches the central first.
- Then, as loss does: the outbox message with its idempotency key and the audit entry in
  one durable transaction (``repo.begin``), held from the sync worker while the counter
  sends it itself. Answered: ``done``. Refused: ``done`` with the code, the teller told why
  (the bank named), a new attempt gets a new key. Nothing sent (connection refused): the
  message is withdrawn, never sent. Answer lost after sending: the sync worker confirms it
  under the same key, the teller is told it may have been accepted — never a second card.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from typing import TYPE_CHECKING, Any

from counter_app.central.api import ReplacementRequest
from counter_app.central.errors import LINE_ERRORS, CentralRefusal, nothing_sent
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus, check_new_work
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.card_loss.rules import bank_name
from counter_app.workflows.card_loss.submission import _jsonable
from counter_app.workflows.card_refusals import retell
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.replacement import rules
from counter_app.workflows.replacement.record import CENTRAL_REASON, Outcome, Step

if TYPE_CHECKING:
    from counter_app.workflows.replacement.workflow import ReplacementWorkflow

log = logging.getLogger(__name__)

OPERATION = "cards.replacement"
WORK = {True: "replacement_instant", False: "replacement_factory"}  # by how the card is made
HOLD_S = 600.0  # the counter sends it itself; after a crash the sync worker takes over
EARLIER_UNSENT_ZH = QT_TR_NOOP("该持卡人有尚未送达中心的业务（如专线中断时受理的挂失），"
                               "须先送达中心后才能补换卡。系统正在上传，请稍后重试。")


def _status(wf: ReplacementWorkflow) -> SyncStatus:
    if wf.ctx.sync_status is not None:
        return wf.ctx.sync_status()
    now = wf.ctx.clock()
    return SyncStatus(LineState.ONLINE, None, 0, 0, None, now, None, None, now)


def submit(wf: ReplacementWorkflow) -> Outcome:
    """Send the replacement (blocking). Raises StepInvalid, NewWorkRefused or CentralRefusal."""
    from counter_app.workflows.replacement.workflow import OFFLINE_ZH

    ctx = wf.ctx
    if wf.step is Step.DONE and wf.record.outcome is not None:
        return wf.record.outcome
    bad = wf.first_invalid_step()
    if bad is not None:
        errors = wf.validate(bad)
        wf.jump_to_fix(bad)
        wf.save()
        raise StepInvalid(errors)
    errors = wf.validate(Step.OPTIONS)  # not a forward step: checked here, not by the wizard
    if errors:
        raise StepInvalid(errors)
    card, terms = wf.record.card, wf.record.terms
    assert card is not None and terms is not None  # the card and options steps are valid
    if ctx.sync_status is not None and ctx.sync_status().line_state in (
            LineState.OFFLINE, LineState.PAUSED):
        wf.note("refused_offline")
        wf.save()
        raise NewWorkRefused(OFFLINE_ZH, code="REPLACEMENT_NEEDS_CENTRAL")
    # the line is up here: the audit break and the disk stop it before anything is written
    instant = wf.record.making.instant
    check_new_work(WORK[instant], _status(wf), ctx.limits, free_disk_mb=ctx.free_disk_mb(),
                   now=ctx.clock())
    if ctx.store.unsent_for(wf.id_number):
        ctx.wake_sync()
        wf.note("refused_earlier_unsent")
        wf.save()
        raise NewWorkRefused(EARLIER_UNSENT_ZH, code="EARLIER_OPERATION_UNSENT")
    # made on the spot: the photo the face will carry is the one the central records
    photo = wf.record.making.photo
    request = ReplacementRequest(branch_code=ctx.branch_code,
                                 reason=CENTRAL_REASON[wf.reason],
                                 making_mode="INSTANT" if instant else "FACTORY",
                                 photo_sha256=photo.sha256 if instant and photo else None,
                                 same_number=wf.record.same_number)
    op_id = wf.record.op_id or str(uuid.uuid4())
    payload: dict[str, Any] = {"card_no": card.card_no, **dataclasses.asdict(request)}
    wf.update_record(op_id=op_id)
    wf.note("submitting", reason=wf.reason.value, same_number=wf.record.same_number)
    wf.save()
    now = ctx.clock()
    ctx.store.begin(op_id=op_id, operation=OPERATION, id_number=wf.id_number, payload=payload,
                    actor=ctx.teller, action="card.replacement",
                    detail={"op_id": op_id, "reason": wf.reason.value,
                            "making_mode": request.making_mode,
                            "same_number": wf.record.same_number, "fee_fen": terms.fee_fen,
                            "identified_by": wf.record.identity.source,
                            "old_card": "read" if wf.record.card_read_no == card.card_no
                            else "unreadable" if wf.record.chip_unreadable else "not_handed_in"},
                    hold_s=HOLD_S, now=now)
    try:
        answer = ctx.central.replacement(card.card_no, request, idempotency_key=op_id)
    except CentralRefusal as exc:
        ctx.store.refused(op_id, exc.code, ctx.clock())
        wf.update_record(op_id="")  # the central stored its refusal under that key
        wf.note("refused", code=exc.code)
        wf.save()
        raise explained(exc, card.bank_code) from exc
    except LINE_ERRORS as exc:
        if nothing_sent(exc):
            ctx.store.withdraw(op_id, exc.code, ctx.clock())
            wf.update_record(op_id="")
            wf.note("refused_offline", error=exc.code)
            wf.save()
            raise NewWorkRefused(OFFLINE_ZH, code="REPLACEMENT_NEEDS_CENTRAL") from exc
        ctx.store.release(op_id, exc.code, ctx.clock())
        ctx.wake_sync()
        wf.note("deferred", error=exc.code)
        return _finish(wf, Outcome(
            op_id, "unknown", "", "", request.making_mode, QT_TR_NOOP("待中心确认"), terms.fee_fen, card.card_no,
            wf.record.same_number,
            QT_TR_NOOP("中心系统未及时应答（本笔补换卡可能已受理），系统将以同一业务号自动向中心确认，"
                       "不会重复受理；请勿重新办理，可稍后凭身份证查询。"),
            now.isoformat(), receipt_no(wf, now)))
    ctx.store.sent(op_id, _jsonable(dataclasses.asdict(answer)), ctx.clock())
    message = (zh("已受理：原卡号已在中心注销，保留原银行卡号及账户（同号换卡），{making}", making=wf.making_note_zh())
               if wf.record.same_number else
               zh("已受理：原卡号已在中心注销，新卡将启用新的银行卡号，{making}", making=wf.making_note_zh()))
    return _finish(wf, Outcome(
        op_id, "done", answer.application_id, answer.kind, answer.making_mode, answer.state_zh,
        answer.fee_fen, card.card_no, wf.record.same_number, message, now.isoformat(),
        receipt_no(wf, now)))


def _finish(wf: ReplacementWorkflow, outcome: Outcome) -> Outcome:
    wf.finish(outcome)
    log.info("card replacement %s", outcome.status)
    return outcome


def explained(exc: CentralRefusal, card_bank: str) -> CentralRefusal:
    """The central's refusal, with banks named in Chinese and what to do instead."""
    if exc.code == "WRONG_BANK":
        bank = str(exc.details.get("card_bank") or card_bank)
        branch = str(exc.details.get("branch_bank") or "")
        message = zh("中心系统未受理：{reason}", reason=rules.wrong_bank_zh(bank, branch) if branch else
                     zh("该卡由{card_bank}发行，须到{card_bank}的网点办理。", card_bank=bank_name(bank)))
        return CentralRefusal(exc.status, exc.code, message, dict(exc.details))
    if exc.code == "NEED_FORMAL_LOSS":
        return CentralRefusal(exc.status, exc.code, QT_TR_NOOP("中心系统未受理：该卡尚未正式挂失，"
                                                               "遗失补卡须先办理正式挂失（挂失 / 解挂）。"),
                              dict(exc.details))
    if exc.code == "REPLACEMENT_APPLIED":
        return CentralRefusal(exc.status, exc.code, zh("中心系统未受理：{reason}", reason=rules.ALREADY_REPLACED_ZH),
                              dict(exc.details))
    # the card's state (e.g. CARD_STATE_CONFLICT: voided): the counter's table tells it
    return retell(exc, None, card_bank)


def receipt_no(wf: ReplacementWorkflow, at: dt.datetime) -> str:
    """``branch-YYYYMMDD-counter-B`` + the key's first characters (B 补换卡)."""
    day = at.astimezone(CHINA_TIME).strftime("%Y%m%d")
    return f"{wf.ctx.branch_code}-{day}-{wf.ctx.counter_id}-B{wf.record.op_id[:8].upper()}"
