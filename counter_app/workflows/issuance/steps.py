"""The issuance steps, one function each, run by :meth:`IssuanceWorkflow.advance`.

A step returns normally when it is done (the workflow records DONE), or records its own
state through ``wf.stop(...)`` and raises. Steps are safe to run again: each looks at what
the record (and the card's journal, and the outbox) says was already done.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from counter_app.card.errors import CardError, CardLinkError, NoCardError, NoReaderError
from counter_app.card.layout import LIFECYCLE_ISSUED
from counter_app.card.perso import PersonalisationEngine, PersoResult, PersoState, build_script
from counter_app.card.ssse import SsseCard
from counter_app.central.errors import LINE_ERRORS, CentralRefusal
from counter_app.devices.card_printer import CardPrinterError
from counter_app.devices.pinpad import PinEntry, PinPad, PinPadError
from counter_app.domain.card_states import CardState, TransitionRefused, check_card
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows import ecard
from counter_app.workflows.card_refusals import retell
from counter_app.workflows.issuance import chip
from counter_app.workflows.issuance.record import Outcome, Step, StepStatus

if TYPE_CHECKING:
    from counter_app.workflows.issuance.workflow import IssuanceWorkflow

POWER_RETRY = (NoCardError, CardLinkError)  # worth another power-on; a status word is not


def _line_down(what: str) -> str:
    return zh("专线中断，{what}需要中心实时确认，请待线路恢复后点击“继续”（卡片请妥善保管）。", what=what)


def _serial(wf: IssuanceWorkflow) -> str:
    return wf.record.blank_serial


def power_on(wf: IssuanceWorkflow) -> None:
    ctx, r = wf.ctx, wf.record
    last: CardError | None = None
    found: chip.PowerOn | None = None
    for attempt in range(max(1, ctx.power_on_tries)):
        try:
            found = ctx.slot.call(chip.power_on)
            break
        except NoReaderError as exc:
            raise wf.stop(Step.POWER_ON, exc.code, exc.message_zh) from exc
        except POWER_RETRY as exc:
            last = exc
            wf.note("power_on.retry", attempt=attempt + 1, code=exc.code)
            if attempt + 1 < ctx.power_on_tries:
                ctx.sleep(ctx.power_on_pause_s)
        except CardError as exc:  # the card answered but not as a blank should
            raise wf.stop(Step.POWER_ON, exc.code,
                          zh("卡片上电检测失败（{reason}），请换一张空白卡。", reason=exc.message_zh)) from exc
    if found is None:
        code = last.code if last else "CARD_NO_CARD"
        raise wf.stop(Step.POWER_ON, code,
                      zh("空白卡上电失败（已尝试{tries}次）。请插入空白卡（芯片朝上），"
                         "如仍失败请换一张空白卡。", tries=ctx.power_on_tries))
    serial = found.serial
    if r.blank_serial and serial != r.blank_serial and (r.mark_op or wf.chip_touched()):
        raise wf.stop(Step.POWER_ON, "ISSUANCE_WRONG_CARD",
                      zh("本次制卡已使用芯片序号尾号 {tail} 的卡片，请插回该卡；"
                         "如该卡损坏，请经主管授权登记废卡后再换卡。", tail=chip.tail(r.blank_serial)))
    journal = PersonalisationEngine(ctx.journals).journal(found.atr)
    if journal is not None and journal.get("state") == PersoState.SPOILED:
        raise wf.stop(Step.POWER_ON, "BLANK_SPOILED",
                      QT_TR_NOOP("这张卡已登记为废卡，请换一张空白卡。"))
    if found.issued and (journal is None or not r.script_id
                         or journal.get("script_id") != r.script_id):
        raise wf.stop(Step.POWER_ON, "NOT_BLANK",
                      QT_TR_NOOP("这张卡已经制过卡，不是空白卡，请换一张空白卡。"))
    try:
        ctx.custody.check_custody(serial)
    except CounterError as exc:
        raise wf.stop(Step.POWER_ON, exc.code, exc.message_zh) from exc
    extra = {**r.extra, "atr": found.atr.hex().upper()}
    wf._update(blank_serial=serial, extra=extra)


def mark(wf: IssuanceWorkflow) -> None:
    ctx, r = wf.ctx, wf.record
    op = r.mark_op or f"mark-{uuid.uuid4()}"
    if not r.mark_op:
        wf._update(mark_op=op)  # saved before the call: a retry replays the same key
    try:
        marked = ctx.central.mark_blank(r.central_application_id, branch_code=ctx.branch_code,
                                        blank_serial=_serial(wf), idempotency_key=op)
        data = ctx.central.personalisation_data(r.central_application_id)
    except LINE_ERRORS as exc:
        raise wf.stop(Step.MARK, exc.code, _line_down(QT_TR_NOOP("分配卡号"))) from exc
    except CentralRefusal as exc:
        raise wf.stop(Step.MARK, exc.code, zh("中心拒绝分配卡号：{reason}", reason=exc.message_zh)) from exc
    card = chip.card_data_from(data)
    if card.card_number != marked.card_no or card.id_number != wf.applicant.id_number:
        raise wf.stop(Step.MARK, "PERSO_DATA_MISMATCH",
                      QT_TR_NOOP("中心返回的制卡数据与本申领不一致，已停止制卡，请联系中心核查。"))
    wf._update(card_no=marked.card_no,
               script_id=f"{r.central_application_id}:{marked.card_no}",
               extra={**wf.record.extra, "card_data": card.to_dict()})


def personalise(wf: IssuanceWorkflow) -> None:
    ctx, r = wf.ctx, wf.record
    script = build_script(wf.expected(), script_id=r.script_id)
    engine = PersonalisationEngine(ctx.journals)

    def run(card: SsseCard) -> PersoResult:
        chip.require_card(card, _serial(wf))
        return engine.run(card, script)

    if not r.extra.get("chip_started"):  # from here the blank can only be issued or spoiled
        wf._update(extra={**r.extra, "chip_started": True})
    try:
        result = ctx.slot.call(run)
    except chip.WrongCardError as exc:
        raise wf.stop(Step.PERSONALISE, exc.code, exc.message_zh) from exc
    except CardError as exc:  # before the first APDU of the script (no card, reader)
        raise wf.stop(Step.PERSONALISE, exc.code,
                      zh("{reason}（请插入本次制卡的卡片，尾号 {tail}）", reason=exc.message_zh,
                         tail=chip.tail(_serial(wf)))) from exc
    total = len(script.steps)
    if result.state is PersoState.ISSUED:
        wf.note("personalise.journal", done=len(result.done_steps), total=total)
        return
    if result.state is PersoState.INTERRUPTED:
        raise wf.stop(Step.PERSONALISE, "CARD_TORN",
                      zh("写卡时卡片被拔出或通信中断（已完成 {done}/{total} 步）。"
                         "请将同一张卡重新插入读卡器后点击“继续”，从中断处续写；"
                         "卡片损坏时请经主管授权登记废卡。", done=len(result.done_steps), total=total))
    code = result.error.code if result.error else "PERSO_FAILED"
    detail = result.error.message_zh if result.error else QT_TR_NOOP("芯片核验不一致")
    wf._update(extra={**wf.record.extra, "must_spoil": True})
    raise wf.stop(Step.PERSONALISE, code,
                  zh("写卡未成功：{reason}。系统不会自动重试（卡片会锁定），请经主管授权登记废卡后换卡。",
                     reason=detail))


def print_face(wf: IssuanceWorkflow) -> None:
    if wf.record.face_pdf_sha:  # printed before a restart lost the step's mark: never twice
        wf.note("print_face.already_printed")
        return
    pdf = wf.face_pdf()
    try:
        where = wf.ctx.printer.print_face(pdf, job=f"{wf.record.application_no}-face")
    except CardPrinterError as exc:
        raise wf.stop(Step.PRINT_FACE, exc.code,
                      zh("{reason}可检查打印机后点击“重新打印卡面”，或点击“转人工补印卡面”。",
                         reason=exc.message_zh)) from exc
    from counter_app.workflows.issuance.workflow import sha

    wf._update(face_pdf_sha=sha(pdf), extra={**wf.record.extra, "face_printed_to": where})


def reprint_face(wf: IssuanceWorkflow) -> str:
    """The face sent to the card printer again (the teller's 打印 in the face preview, e.g. on the
    manual path once the printer works); the step's state is not changed. Returns where it went;
    raises CardPrinterError."""
    if not wf.record.card_no:
        raise CounterError(QT_TR_NOOP("中心尚未分配社保卡号，还没有卡面可打印。"), code="ISSUANCE_NO_FACE")
    where = wf.ctx.printer.print_face(wf.face_pdf(), job=f"{wf.record.application_no}-face-reprint")
    wf.ctx.store.audit(wf.ctx.teller, "issuance.face_reprint", application_no=wf.record.application_no)
    return where


def verify(wf: IssuanceWorkflow) -> None:
    try:
        back = wf.ctx.slot.call(lambda card: chip.read_back(card, _serial(wf)))
    except chip.WrongCardError as exc:
        raise wf.stop(Step.VERIFY, exc.code, exc.message_zh) from exc
    except CardError as exc:
        raise wf.stop(Step.VERIFY, exc.code,
                      zh("{reason}（请将卡片插回读卡器后点击“继续”）", reason=exc.message_zh)) from exc
    if back.data != wf.expected() or back.lifecycle != LIFECYCLE_ISSUED:
        wf._update(extra={**wf.record.extra, "must_spoil": True})
        raise wf.stop(Step.VERIFY, "VERIFY_MISMATCH",
                      QT_TR_NOOP("读卡核验不一致：芯片中的信息与中心制卡数据不符。"
                                 "此卡不能发放，请经主管授权登记废卡后换卡。"))


def report(wf: IssuanceWorkflow) -> None:
    ctx, r = wf.ctx, wf.record
    op = r.result_op or f"result-{uuid.uuid4()}"
    if not r.result_op:
        payload = {"application_id": r.central_application_id, "branch_code": ctx.branch_code,
                   "blank_serial": r.blank_serial, "outcome": "SUCCESS", "reason": ""}
        # the outbox row and the key exist before the call: a line failure leaves it to the
        # sync worker under the same key, a restart finds it
        ctx.store.begin(op_id=op, operation="instant_issuance.result",
                        id_number=wf.applicant.id_number, payload=payload, actor=ctx.teller,
                        action="issuance.result", detail={"op_id": op}, hold_s=600.0,
                        now=ctx.clock())
        wf._update(result_op=op)
    if ctx.store.status_of(op) != "done":
        try:
            ctx.central.report_issuance(r.central_application_id, branch_code=ctx.branch_code,
                                        blank_serial=r.blank_serial, outcome="SUCCESS", reason="",
                                        idempotency_key=op)
        except LINE_ERRORS as exc:
            ctx.store.release(op, exc.code, ctx.clock())
            raise wf.stop(Step.REPORT, exc.code, chip_kept_message(wf),
                          status=StepStatus.WAITING) from exc
        except CentralRefusal as exc:
            ctx.store.refused(op, exc.code, ctx.clock())
            raise wf.stop(Step.REPORT, exc.code,
                          zh("中心拒绝了制卡结果：{reason}", reason=exc.message_zh)) from exc
        ctx.store.sent(op, {"outcome": "SUCCESS"}, ctx.clock())
    try:
        ctx.custody.mark_issued(r.blank_serial, r.central_application_id)
    except CounterError as exc:
        raise wf.stop(Step.REPORT, exc.code,
                      zh("中心已确认制卡成功，但库存登记失败：{reason}（点击“继续”重试）",
                         reason=exc.message_zh)) from exc


def chip_kept_message(wf: IssuanceWorkflow) -> str:
    from counter_app.workflows.issuance.workflow import LINE_DOWN_REPORT_ZH

    return LINE_DOWN_REPORT_ZH


def activate(wf: IssuanceWorkflow) -> None:
    ctx, r = wf.ctx, wf.record
    retry = bool(r.activation_op)  # sent before: the central replays it under the same key
    op = r.activation_op or f"activate-{uuid.uuid4()}"
    if not r.activation_op:
        wf._update(activation_op=op)
    try:
        current = ctx.central.card_status(r.card_no)
        if not (retry and current.card_state == CardState.ACTIVE):  # the one table first
            check_card(current.card_state, CardState.ACTIVE)
        status = ctx.central.activate(r.card_no, branch_code=ctx.branch_code, idempotency_key=op)
    except LINE_ERRORS as exc:
        raise wf.stop(Step.ACTIVATE, exc.code, _line_down(QT_TR_NOOP("启用卡片"))) from exc
    except TransitionRefused as exc:
        wf.note("activate.refused_by_table", code=exc.code)
        raise wf.stop(Step.ACTIVATE, exc.code, exc.message_zh) from exc
    except CentralRefusal as exc:
        told = retell(exc)  # a state refusal in the table's words, with what to do
        message = told.message_zh if told is not exc else zh("中心拒绝启用：{reason}", reason=exc.message_zh)
        raise wf.stop(Step.ACTIVATE, exc.code, message) from exc
    wf.note("activate.states", card=status.card_state, social=status.social_state,
            financial=status.financial_state)
    # the central first (it decides), then the chip's function byte; a retry repeats both
    # (the central's under the same key, the chip's sets bits already set)
    try:
        functions = ctx.slot.call(lambda card: chip.activate(card, _serial(wf)))
    except (chip.WrongCardError, chip.ActivationError) as exc:
        raise wf.stop(Step.ACTIVATE, exc.code, exc.message_zh) from exc
    except CardError as exc:
        raise wf.stop(Step.ACTIVATE, exc.code,
                      zh("中心已启用，芯片启用未完成：{reason}（请将卡片插回读卡器后点击“继续”）",
                         reason=exc.message_zh)) from exc
    wf.note("activate.chip", functions=f"{functions:02X}")


def pin(wf: IssuanceWorkflow, pad: PinPad | None) -> None:
    if pad is None:
        raise wf.stop(Step.PIN, "PIN_NEEDED", QT_TR_NOOP("请持卡人输入6位数字密码。"))
    try:
        first = pad.enter(QT_TR_NOOP("请输入6位新密码"))
        if first.weak():
            raise wf.stop(Step.PIN, "PIN_WEAK",
                          QT_TR_NOOP("密码过于简单（如全部相同或连续数字），请持卡人重新设置。"))
        second: PinEntry = pad.enter(QT_TR_NOOP("请再次输入新密码"))
    except PinPadError as exc:
        raise wf.stop(Step.PIN, exc.code, exc.message_zh) from exc
    if first != second:
        raise wf.stop(Step.PIN, "PIN_MISMATCH",
                      QT_TR_NOOP("两次输入的密码不一致，请持卡人重新设置。"))
    try:
        wf.ctx.slot.call(lambda card: chip.set_pin(card, _serial(wf), first.digits()))
    except chip.WrongCardError as exc:
        raise wf.stop(Step.PIN, exc.code, exc.message_zh) from exc
    except CardError as exc:
        raise wf.stop(Step.PIN, exc.code,
                      zh("设置密码未成功：{reason}（可重新设置）", reason=exc.message_zh)) from exc


def receipt(wf: IssuanceWorkflow) -> None:
    ctx, r = wf.ctx, wf.record
    url = str(r.extra.get("ecard_url", ""))
    if not url:  # the electronic card's claim for the receipt's QR (never holds the card up)
        op = str(r.extra.get("ecard_op", "")) or f"ecard-{uuid.uuid4()}"
        if not r.extra.get("ecard_op"):
            wf._update(extra={**r.extra, "ecard_op": op})  # the key before the call
        url = ecard.request_claim(ctx.central, r.card_no, branch_code=ctx.branch_code, key=op)
        wf.note("receipt.ecard_claim", obtained=bool(url))
    wf._update(outcome=Outcome.ISSUED, finished_at=ctx.clock().isoformat(),
               extra={**wf.record.extra, "ecard_url": url})
    ctx.store.audit(ctx.teller, "issuance.issued", application_no=wf.record.application_no,
                    serial=wf.record.blank_serial, face_manual=wf.record.face_manual)
