"""The PIN operations over the ports: the PIN pad, the chip, the central (blocking; run on
the page's worker). PINs exist only as opaque ``PinEntry`` values between the pad and the
chip: nothing here logs, journals, audits or stores one."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import replace
from typing import TYPE_CHECKING

from counter_app.card.errors import PinBlockedError, WrongPinError
from counter_app.central.api import Function
from counter_app.central.errors import LINE_ERRORS, CentralRefusal, nothing_sent
from counter_app.central.sync import NewWorkRefused
from counter_app.devices.pinpad import PinEntry, PinPad
from counter_app.devices.sschip import SocialCardChip
from counter_app.domain.card_states import (
    CardFunction,
    CardOperation,
    FunctionState,
    TransitionRefused,
    check_operation,
)
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.card_loss.rules import mask_card_no
from counter_app.workflows.card_refusals import retell
from counter_app.workflows.card_services.record import Operation, Outcome
from counter_app.workflows.pin_services import rules

if TYPE_CHECKING:
    from counter_app.workflows.card_services.workflow import CardServicesWorkflow

log = logging.getLogger(__name__)

HOLD_S = 600.0  # the counter sends it itself; after a crash the sync worker confirms it
LOCK_OPERATION = "cards.pin_lock"
RESET_OFFLINE_ZH = QT_TR_NOOP("专线中断，暂不能重置密码：密码重置须中心实时授权。请待线路恢复后重试"
                              "（持卡人可稍候或改日办理）。")

EARLIER_UNSENT_ZH = QT_TR_NOOP("该持卡人有尚未送达中心的业务（如专线中断时受理的挂失），须先送达中心后才能重置密码。"
                               "系统正在上传，请稍后重试。")

class PinServiceRefused(CounterError):
    code = "PIN_SERVICE_REFUSED"


def _pad(wf: CardServicesWorkflow) -> PinPad:
    if wf.ctx.pin_pad is None:
        raise CounterError(QT_TR_NOOP("本柜台未配置密码键盘，不能办理密码业务。请联系网点技术支持。"),
                           code="PINPAD_MISSING")
    return wf.ctx.pin_pad


def _chip(wf: CardServicesWorkflow) -> SocialCardChip:
    if wf.ctx.chip is None:
        raise CounterError(QT_TR_NOOP("本柜台未配置社保卡读卡器。"), code="CARD_READER_MISSING")
    return wf.ctx.chip


def new_pin(pad: PinPad, old: PinEntry | None = None) -> PinEntry:
    """The new PIN keyed twice on the pad, refused when the two differ or it is too simple."""
    new = pad.enter(QT_TR_NOOP("请输入新密码（6位数字）"))
    again = pad.enter(QT_TR_NOOP("请再次输入新密码"))
    if new != again:
        raise PinServiceRefused(QT_TR_NOOP("两次输入的新密码不一致，密码未修改。请重新办理，"
                                           "让持卡人两次输入相同的新密码。"),
                                code="PIN_MISMATCH")
    if new.weak():
        raise PinServiceRefused(QT_TR_NOOP("新密码过于简单（相同数字或连续数字，如111111、123456），密码未修改。"
                                           "请持卡人换一个新密码后重新办理。"), code="PIN_WEAK")
    if old is not None and new == old:
        raise PinServiceRefused(QT_TR_NOOP("新密码不能与原密码相同，密码未修改。请持卡人换一个新密码后重新办理。"),
                                code="PIN_UNCHANGED")
    return new


def report_lock(wf: CardServicesWorkflow, function: CardFunction = CardFunction.SOCIAL) -> str:
    """The chip answered "PIN blocked" (6983, or the last wrong try): the central is told
    the function is 应用锁定 (``cards.pin_lock``; no PIN in it) through the outbox, so a
    line down or a crash delays it but never loses it. Sent now when it can be; queued
    behind the person's unsent work (sent in order) or when the line is down. Never raises:
    the teller's refusal is about the PIN. Returns how it went ("sent", "queued",
    "refused", "already", "skipped")."""
    ctx, central = wf.ctx, wf.record.central
    if central.known:  # the one table: only a normal function becomes locked
        now_state = rules.function_state(central, function, ctx.clock())
        if now_state is FunctionState.LOCKED:
            return "already"
        try:
            check_operation(CardOperation.PIN_LOCK, central.card_state, function, now_state)
        except TransitionRefused as refused:
            wf.note("pin_lock_not_reported", code=refused.code)
            return "skipped"
    card_no, op_id, now = wf.card_no, str(uuid.uuid4()), ctx.clock()
    wire: Function = "social" if function is CardFunction.SOCIAL else "financial"
    earlier = ctx.store.unsent_for(wf.id_number)
    ctx.store.begin(op_id=op_id, operation=LOCK_OPERATION, id_number=wf.id_number,
                    payload={"card_no": card_no, "branch_code": ctx.branch_code, "function": wire},
                    actor=ctx.teller, action="card.pin_lock",
                    detail={"op_id": op_id, "function": wire}, hold_s=0.0 if earlier else HOLD_S,
                    now=now)
    if earlier:  # the person's unsent work goes first: the worker sends this after it
        ctx.wake_sync()
        wf.note("pin_lock_queued", behind=earlier)
        return "queued"
    try:
        status = ctx.central.report_pin_lock(card_no, branch_code=ctx.branch_code, function=wire,
                                             idempotency_key=op_id)
    except CentralRefusal as exc:
        ctx.store.refused(op_id, exc.code, ctx.clock())
        wf.note("pin_lock_refused", code=exc.code)
        return "refused"
    except LINE_ERRORS as exc:  # kept under its key: the sync worker delivers it
        ctx.store.release(op_id, exc.code, ctx.clock())
        ctx.wake_sync()
        wf.note("pin_lock_queued", error=exc.code)
        return "queued"
    ctx.store.sent(op_id, {"card_state": status.card_state, "social_state": status.social_state,
                           "financial_state": status.financial_state}, ctx.clock())
    wf.update_record(central=replace(central, social_state=status.social_state,
                                     financial_state=status.financial_state,
                                     card_state=status.card_state))
    wf.note("pin_lock_reported", function=wire)
    log.info("card PIN lock reported (%s)", wire)
    return "sent"


def change_pin(wf: CardServicesWorkflow) -> Outcome:
    """修改密码: the old PIN, the new one twice, on the pad; the chip checks the old one."""
    wf.require_allowed()
    card_no = wf.card_no
    pad, chip = _pad(wf), _chip(wf)
    old = pad.enter(QT_TR_NOOP("请输入原密码"))
    new = new_pin(pad, old)
    try:
        chip.change_pin(old, new)
    except WrongPinError as wrong:
        left = wrong.tries_left
        wf.update_record(tries_left=left, pin_blocked=left == 0)
        wf.note("wrong_old_pin", tries_left=left)
        wf.ctx.store.audit(wf.ctx.teller, "card.pin_change_refused", card_no=mask_card_no(card_no),
                           reason="wrong_old_pin", tries_left=left)
        if left == 0:
            report_lock(wf)
            raise PinServiceRefused(QT_TR_NOOP("原密码错误，社保卡密码已锁定（应用锁定）。请读取持卡人身份证后"
                                               "办理“密码重置解锁”。"), code="PIN_LOCKED_NOW") from wrong
        raise PinServiceRefused(zh("原密码错误，还可以再试{left}次，密码未修改。如持卡人忘记原密码，"
                                   "请核验身份后办理“密码重置解锁”。", left=left), code="PIN_WRONG_OLD") from wrong
    except PinBlockedError as blocked:
        wf.update_record(pin_blocked=True)
        wf.note("pin_blocked")
        report_lock(wf)
        raise PinServiceRefused(QT_TR_NOOP("社保卡密码已锁定（连续输错），不能修改。请读取持卡人身份证后办理"
                                           "“密码重置解锁”。"), code="PIN_BLOCKED") from blocked
    chip.verify_pin(new)  # the chip accepts the new PIN: the change is done
    wf.update_record(tries_left=-1, pin_blocked=False)
    wf.ctx.store.audit(wf.ctx.teller, "card.pin_change", card_no=mask_card_no(card_no),
                       function=CardFunction.SOCIAL.value)
    log.info("card PIN changed")
    now = wf.ctx.clock()
    return wf.finish(Outcome("", "done", QT_TR_NOOP("社保卡密码已修改，新密码已在芯片上验证通过。"),
                             now.isoformat(), receipt_no(wf, now, ""),
                             function=CardFunction.SOCIAL.value))


def reset_pin(wf: CardServicesWorkflow) -> Outcome:
    """密码重置解锁: the ID card read, the central's authorisation (idempotent: the key is
    durable before it is sent), then the chip through the PSAM with the new PIN."""
    ctx = wf.ctx
    offer = wf.require_allowed()
    if wf.record.identity.source != "reader":
        raise PinServiceRefused(QT_TR_NOOP("密码重置须读取持卡人本人的居民身份证核验身份，手工录入号码不能办理。"
                                           "请将身份证放在阅读器上按 F2 读取。"), code="PIN_RESET_NEEDS_ID_CARD")
    if not wf.record.op_id and ctx.store.unsent_for(wf.id_number):
        # a formal loss queued with the line down must reach the central first (the outbox
        # sends one person's work in order; this authorisation is sent now, not queued)
        ctx.wake_sync()
        wf.note("refused_earlier_unsent")
        raise NewWorkRefused(EARLIER_UNSENT_ZH, code="EARLIER_OPERATION_UNSENT")
    function = offer.function
    card_no = wf.card_no
    new: PinEntry | None = None
    if function is CardFunction.SOCIAL:  # keyed before the central is asked: no idle authorisation
        new = new_pin(_pad(wf))
        _chip(wf)
    op_id = wf.record.op_id or str(uuid.uuid4())
    wf.update_record(op_id=op_id)
    wf.note("pin_reset_authorising", function=function.value)
    wf.save()
    if ctx.store.status_of(op_id) is None:
        ctx.store.begin(op_id=op_id, operation="cards.pin_reset", id_number=wf.id_number,
                        payload={"card_no": card_no, "branch_code": ctx.branch_code,
                                 "function": function.value},
                        actor=ctx.teller, action="card.pin_reset",
                        detail={"op_id": op_id, "function": function.value,
                                "identified_by": wf.record.identity.source},
                        hold_s=HOLD_S, now=ctx.clock())
    try:
        wire: Function = "social" if function is CardFunction.SOCIAL else "financial"
        auth = ctx.central.authorise_pin_reset(card_no, branch_code=ctx.branch_code,
                                               function=wire, idempotency_key=op_id)
    except CentralRefusal as exc:
        ctx.store.refused(op_id, exc.code, ctx.clock())
        wf.update_record(op_id="")
        wf.note("pin_reset_refused", code=exc.code)
        raise retell(exc, CardOperation.PIN_RESET, wf.record.central.bank_code) from exc
    except LINE_ERRORS as exc:
        if nothing_sent(exc):
            ctx.store.withdraw(op_id, exc.code, ctx.clock())
            wf.update_record(op_id="")
        else:  # it may have been granted: the same key confirms it (here on retry, or the worker)
            ctx.store.release(op_id, exc.code, ctx.clock())
            ctx.wake_sync()
        wf.note("pin_reset_line_down", error=exc.code)
        raise NewWorkRefused(RESET_OFFLINE_ZH, code="PIN_RESET_NEEDS_CENTRAL") from exc
    if ctx.store.status_of(op_id) != "done":
        ctx.store.sent(op_id, {"authorisation_id": auth.authorisation_id, "function": auth.function,
                               "valid_until": auth.valid_until.isoformat()}, ctx.clock())
    if new is not None:
        chip = _chip(wf)
        chip.unblock_pin(new)  # a failure here keeps the key: retrying replays the authorisation
        chip.verify_pin(new)
        message = QT_TR_NOOP("社保卡密码已重置并解锁，新密码已在芯片上验证通过。")
    else:
        message = (QT_TR_NOOP("金融功能的密码重置已获中心授权并解除应用锁定；"
                              "请持卡人在本行自助设备或柜台设置新的银行密码。")
                   if offer.unlocks else
                   QT_TR_NOOP("金融功能的密码重置已获中心授权；请持卡人在本行自助设备或柜台设置新的银行密码。"))
    wf.update_record(pin_blocked=False, tries_left=-1)
    ctx.store.audit(ctx.teller, "card.pin_reset_done", card_no=mask_card_no(card_no),
                    function=function.value, authorisation=auth.authorisation_id)
    log.info("card PIN reset (%s)", function.value)
    now = ctx.clock()
    return wf.finish(Outcome(op_id, "done", message, now.isoformat(), receipt_no(wf, now, op_id),
                             function=function.value, authorisation_id=auth.authorisation_id))


def receipt_no(wf: CardServicesWorkflow, at: dt.datetime, key: str) -> str:
    """``branch-YYYYMMDD-counter-M/C/X`` + 8 characters (M 修改, C 重置, X 写卡)."""
    day = at.astimezone(CHINA_TIME).strftime("%Y%m%d")
    kind = {Operation.CHANGE_PIN: "M", Operation.RESET_PIN: "C", Operation.WRITE: "X"}.get(
        wf.record.operation, "R")
    tail = (key or uuid.uuid4().hex)[:8].upper()
    return f"{wf.ctx.branch_code}-{day}-{wf.ctx.counter_id}-{kind}{tail}"
