"""The instant issuance (即时制卡) of one accepted application, step by step.

check the blank → the central marks it and gives the data → personalise (journal per card)
→ print the face → read back and verify → report to the central → activate → the holder's
PIN → receipt. Every step's state is saved before and after it runs; after a failure or a
restart :meth:`IssuanceWorkflow.advance` resumes at the first step not done. The order of
the guarantees:

- a card is recorded issued only after it was written, verified, acknowledged by the
  central (``result`` SUCCESS), activated and given its PIN;
- the idempotency key of every central call is saved before the call, so a retry or a
  restart replays the same key and nothing is done twice at the central;
- a line failure after the chip is written keeps the card: the result goes to the outbox
  (the sync worker sends it when the line returns) and the issuance waits;
- a torn card resumes from its journal or, with a supervisor, is spoiled and reported
  (``result`` SPOILED voids its card number); a blank the central marked but the chip never
  saw is given back with the compensating ``cancel``;
- a card that refused a step (external authentication) is never retried automatically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from counter_app.card.perso import PersonalisationEngine, PersoState
from counter_app.central.errors import LINE_ERRORS, CentralRefusal
from counter_app.central.sync import LineState, SyncStatus, check_new_work
from counter_app.devices.pinpad import PinPad
from counter_app.domain.card import CardData
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing.card_face import (
    CardFace,
    IssuanceReceipt,
    render_card_face,
    render_issuance_receipt,
)
from counter_app.workflows import records
from counter_app.workflows.issuance.context import Applicant, IssuanceContext
from counter_app.workflows.issuance.record import (
    SCHEMA_VERSION,
    STEP_TITLES_ZH,
    STEPS,
    IssuanceRecord,
    Outcome,
    SpoiledBlank,
    Step,
    StepState,
    StepStatus,
)
from counter_app.workflows.kernel import JournalEntry, StepDef, Wizard
from counter_app.workflows.supervisor import SupervisorApproval

log = logging.getLogger(__name__)

HOLD_S = 600.0  # the counter sends the result itself; after a crash the sync worker does

INSERT_BLANK_ZH = QT_TR_NOOP("请插入空白卡（芯片朝上）后点击“继续”。")
LINE_DOWN_REPORT_ZH = QT_TR_NOOP("专线中断：芯片已写好并核验，制卡结果已暂存，线路恢复后自动上报中心。"
                                 "请妥善保管此卡，线路恢复后点击“继续”完成启用和设置密码。")


class IssuanceStopped(CounterError):
    """A step stopped; its state and message are in the record."""

    code = "ISSUANCE_STOPPED"


def _steps() -> list[StepDef[IssuanceRecord]]:
    return [StepDef(s.value, STEP_TITLES_ZH[s], forward=False) for s in STEPS]


class IssuanceWorkflow(Wizard[IssuanceRecord]):
    def __init__(self, ctx: IssuanceContext, record: IssuanceRecord,
                 journal: tuple[JournalEntry, ...] = ()) -> None:
        first = record.first_not_done()
        super().__init__(_steps(), record, step=(first or Step.RECEIPT).value,
                         journal=journal, clock=ctx.clock)
        self.ctx = ctx
        self._applicant: Applicant | None = None

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, ctx: IssuanceContext, application_no: str) -> IssuanceWorkflow:
        """The issuance of an accepted application: resumed if begun, else a new one (the
        line must be up to start; a begun issuance resumes whatever the line)."""
        raw = ctx.store.load(application_no) or {}
        earlier = records.from_json(IssuanceRecord, raw["record"]) if raw else None
        if earlier is not None and earlier.outcome is not Outcome.CANCELLED:
            record = earlier
            journal = tuple(records.from_json(JournalEntry, j) for j in raw.get("journal", []))
            wf = cls(ctx, record, journal)
            wf.note("resumed", step=wf.current)
            wf.save()
            return wf
        applicant = ctx.store.applicant(application_no)
        if applicant is None or not applicant.central_application_id:
            raise CounterError(QT_TR_NOOP("该申领尚未被中心确认受理（或不是本网点的即时制卡申领），暂不能制卡。"),
                               code="ISSUANCE_NOT_ACCEPTED")
        if not applicant.photo:  # the face would be printed without one: never silently
            raise CounterError(QT_TR_NOOP("该申领没有持卡人照片，不能当场制卡：请按集中制卡办理，或联系网点技术支持。"),
                               code="ISSUANCE_NO_PHOTO")
        check_new_work("instant_issuance", cls._status(ctx), ctx.limits,
                       free_disk_mb=ctx.free_disk_mb(), now=ctx.clock())
        # a cancelled issuance starts again when the person comes back (its spoiled blanks kept)
        record = IssuanceRecord(application_no=application_no,
                                central_application_id=applicant.central_application_id,
                                teller=ctx.teller, started_at=ctx.clock().isoformat(),
                                spoiled=earlier.spoiled if earlier is not None else ())
        wf = cls(ctx, record)
        wf._applicant = applicant
        wf.note("started")
        wf.save()
        ctx.store.audit(ctx.teller, "issuance.started", application_no=application_no)
        return wf

    @staticmethod
    def _status(ctx: IssuanceContext) -> SyncStatus:
        if ctx.sync_status is not None:
            return ctx.sync_status()
        now = ctx.clock()
        return SyncStatus(LineState.ONLINE, None, 0, 0, None, now, None, None, now)

    def save(self) -> None:
        self.ctx.store.save(self.record.application_no, {
            "schema": SCHEMA_VERSION, "step": self.current,
            "record": records.to_json(self.record),
            "journal": [records.to_json(j) for j in self.journal]})

    # -- state ------------------------------------------------------------------------------
    @property
    def applicant(self) -> Applicant:
        if self._applicant is None:
            found = self.ctx.store.applicant(self.record.application_no)
            if found is None:
                raise CounterError(QT_TR_NOOP("找不到该申领的本地记录，请联系网点技术支持。"),
                                   code="ISSUANCE_NO_APPLICATION")
            self._applicant = found
        return self._applicant

    @property
    def current_step(self) -> Step:
        return Step(self.current)

    @property
    def finished(self) -> bool:
        return self.record.outcome is not Outcome.OPEN

    def expected(self) -> CardData:
        return CardData.from_dict(self.record.extra["card_data"])

    def _state(self, step: Step, status: StepStatus, *, code: str = "",
               message: str = "", save: bool = True) -> None:
        steps = tuple(StepState(s.step, status, code, message, self.ctx.clock().isoformat())
                      if s.step is step else s for s in self.record.steps)
        self._set(replace(self.record, steps=steps))
        first = self.record.first_not_done()
        self._move((first or Step.RECEIPT).value)
        self.note(f"{step.value}.{status.value}", **({"code": code} if code else {}))
        if save:
            self.save()

    def _update(self, **changes: Any) -> None:
        self._set(replace(self.record, **changes))
        self.save()

    # -- running ------------------------------------------------------------------------------
    def advance(self, pin_pad: PinPad | None = None,
                on_step: Callable[[Step], None] | None = None) -> bool:
        """Run the steps from the first not done until all are done (True) or one stops
        (raises :class:`IssuanceStopped` / the step's CounterError, its state recorded).
        ``on_step`` is told each step before it runs (the progress view)."""
        from counter_app.workflows.issuance import steps as run

        actions: dict[Step, Callable[[IssuanceWorkflow], None]] = {
            Step.POWER_ON: run.power_on, Step.MARK: run.mark,
            Step.PERSONALISE: run.personalise, Step.PRINT_FACE: run.print_face,
            Step.VERIFY: run.verify, Step.REPORT: run.report, Step.ACTIVATE: run.activate,
            Step.PIN: lambda wf: run.pin(wf, pin_pad or wf.ctx.pin_pad),
            Step.RECEIPT: run.receipt,
        }
        if self.finished:
            return True
        # One card session for all the card work of this run (one connection and one SSSE
        # selection instead of one per step); the slot reconnects only after a pulled card.
        # Step progress (running, done) is kept in memory and written with the next save
        # that matters: each step saves its keys before a central call, the chip's journal
        # before a write, the outcome at the end, and a stopped step saves its state; the
        # run ends with a save whatever happens. A crash loses only progress marks since the
        # last save, and every step is safe to redo (keys, journal, outbox, the face printed
        # once). No disk write is thus left pending between two card commands.
        try:
            with self.ctx.slot.session():
                self._run_steps(actions, on_step)
        finally:
            self.save()
        return True

    def _run_steps(self, actions: dict[Step, Callable[[IssuanceWorkflow], None]],
                   on_step: Callable[[Step], None] | None) -> None:
        while (step := self.record.first_not_done()) is not None:
            if on_step is not None:
                on_step(step)
            self._state(step, StepStatus.RUNNING, save=False)
            try:
                actions[step](self)
            except CounterError as exc:
                status = self.record.state_of(step).status
                if status is StepStatus.RUNNING:  # the step did not say: record the failure
                    self._state(step, StepStatus.FAILED, code=exc.code,
                                message=exc.message_zh)
                raise
            except Exception:
                self._state(step, StepStatus.FAILED, code="INTERNAL",
                            message=QT_TR_NOOP("系统内部错误，本步骤未完成，请重试；如反复出现请联系技术支持。"))
                raise
            if self.record.state_of(step).status is StepStatus.RUNNING:
                self._state(step, StepStatus.DONE, save=False)

    def stop(self, step: Step, code: str, message: str, *,
             status: StepStatus = StepStatus.FAILED) -> IssuanceStopped:
        self._state(step, status, code=code, message=message)
        return IssuanceStopped(message, code=code)

    # -- the printer's manual path --------------------------------------------------------------
    def face_manually(self) -> None:
        """The printer failed: the face goes to the manual face-print path (the card is kept)."""
        if self.record.state_of(Step.PRINT_FACE).status is not StepStatus.FAILED:
            raise CounterError(QT_TR_NOOP("只有卡面打印失败时才能转人工补印。"), code="ISSUANCE_NOT_PRINT_FAILED")
        self._update(face_manual=True)
        self._state(Step.PRINT_FACE, StepStatus.MANUAL, code="FACE_MANUAL",
                    message=QT_TR_NOOP("卡面转人工补印：芯片已写好，卡片保留；请按网点流程人工印制卡面后交持卡人。"))
        self.ctx.store.audit(self.ctx.teller, "issuance.face_manual",
                             application_no=self.record.application_no)

    # -- documents ----------------------------------------------------------------------------------
    def face_pdf(self) -> bytes:
        a, data = self.applicant, self.expected()
        return render_card_face(CardFace(name=a.name, social_security_no=a.id_number,
                                         card_no=self.record.card_no, issued_on=data.issue_date,
                                         bank_name=self.ctx.branch.bank_name, photo=a.photo))

    def receipt_pdf(self) -> bytes:
        a = self.applicant
        at = self.record.finished_at or self.ctx.clock().isoformat()
        issued_at = _parse(at).astimezone(CHINA_TIME)
        return render_issuance_receipt(IssuanceReceipt(
            branch=self.ctx.branch, application_no=self.record.application_no,
            card_no=self.record.card_no, name=a.name, id_number=a.id_number,
            issued_at=issued_at, teller=self.record.teller, face_manual=self.record.face_manual,
            e_card_claim_url=str(self.record.extra.get("ecard_url", "")),
            business_zh=a.business_zh))

    # -- giving a blank up ---------------------------------------------------------------------
    def may_spoil(self) -> bool:
        return bool(self.record.blank_serial) and not self.record.done(Step.REPORT) \
            and self.record.state_of(Step.REPORT).status is not StepStatus.WAITING

    def spoil(self, reason: str, supervisor: SupervisorApproval) -> None:
        """Give the current blank up (废卡), with a supervisor's authorisation: journal,
        stock and the central are told; the issuance starts again with a new blank."""
        reason = reason.strip()
        if not reason:
            raise CounterError(QT_TR_NOOP("请填写废卡原因。"), code="SPOIL_REASON")
        if not self.may_spoil():
            raise CounterError(QT_TR_NOOP("该卡已上报中心制卡成功（或尚未放入空白卡），不能在此登记废卡。"),
                               code="SPOIL_NOT_ALLOWED")
        r = self.record
        # the stock authorises (audited) and moves the card first: a refused password or
        # code leaves everything as it was
        who = self.ctx.custody.spoil(r.blank_serial, reason, supervisor)
        atr = bytes.fromhex(r.extra["atr"]) if r.extra.get("atr") else None
        if atr is not None:
            engine = PersonalisationEngine(self.ctx.journals)
            journal = engine.journal(atr)
            if journal is None or journal.get("state") != PersoState.SPOILED:
                engine.spoil(atr, reason)
        spoiled = SpoiledBlank(serial=r.blank_serial, reason=reason, supervisor=who,
                               at=self.ctx.clock().isoformat())
        if r.done(Step.MARK) or r.mark_op:
            spoiled = self._report_spoiled(spoiled)
        self.ctx.store.audit(self.ctx.teller, "issuance.spoiled", application_no=r.application_no,
                             serial=r.blank_serial, supervisor=who, reported=spoiled.reported)
        self._set(IssuanceRecord(
            application_no=r.application_no, central_application_id=r.central_application_id,
            teller=r.teller, started_at=r.started_at, spoiled=(*r.spoiled, spoiled)))
        self.note("spoiled", reported=spoiled.reported)
        self._move(Step.POWER_ON.value)
        self.save()

    def _report_spoiled(self, spoiled: SpoiledBlank) -> SpoiledBlank:
        r, ctx = self.record, self.ctx
        op = f"spoil-{uuid.uuid4()}"
        payload = {"application_id": r.central_application_id, "branch_code": ctx.branch_code,
                   "blank_serial": r.blank_serial, "outcome": "SPOILED", "reason": spoiled.reason}
        now = ctx.clock()
        ctx.store.begin(op_id=op, operation="instant_issuance.result",
                        id_number=self.applicant.id_number, payload=payload, actor=ctx.teller,
                        action="issuance.spoil_reported", detail={"op_id": op}, hold_s=HOLD_S,
                        now=now)
        try:
            ctx.central.report_issuance(r.central_application_id, branch_code=ctx.branch_code,
                                        blank_serial=r.blank_serial, outcome="SPOILED",
                                        reason=spoiled.reason, idempotency_key=op)
        except LINE_ERRORS as exc:
            ctx.store.release(op, exc.code, ctx.clock())
            return replace(spoiled, report_op=op)
        except CentralRefusal as exc:
            ctx.store.refused(op, exc.code, ctx.clock())
            return replace(spoiled, report_op=op)
        ctx.store.sent(op, {"outcome": "SPOILED"}, ctx.clock())
        return replace(spoiled, report_op=op, reported=True)

    def chip_touched(self) -> bool:
        atr = self.record.extra.get("atr")
        if not atr:
            return False
        journal = PersonalisationEngine(self.ctx.journals).journal(bytes.fromhex(atr))
        return journal is not None and any(s["status"] != "pending" and s["kind"] in ("write", "final")
                                           for s in journal.get("steps", []))

    def cancel(self, reason: str) -> None:
        """The person will not wait: give the marked blank back (compensating ``cancel``).
        Refused once the chip was written: that card must be spoiled first."""
        r, ctx = self.record, self.ctx
        if self.finished:
            raise CounterError(QT_TR_NOOP("本次制卡已结束。"), code="ISSUANCE_FINISHED")
        if self.chip_touched():
            raise CounterError(QT_TR_NOOP("芯片已开始写入，不能直接撤销：请先经主管授权登记废卡，再撤销制卡。"),
                               code="CANCEL_CHIP_WRITTEN")
        if r.done(Step.MARK) or (r.mark_op and r.state_of(Step.MARK).status is not StepStatus.TODO):
            op = r.cancel_op or f"cancel-{uuid.uuid4()}"
            self._update(cancel_op=op)
            try:
                ctx.central.cancel_issuance(r.central_application_id, branch_code=ctx.branch_code,  # i18n: data
                                            reason=reason or "持卡人未等候制卡", idempotency_key=op)
            except CentralRefusal as exc:
                if exc.code != "NOT_MARKED":  # never marked (the mark did not arrive): nothing to undo
                    raise
        self._update(outcome=Outcome.CANCELLED, finished_at=ctx.clock().isoformat())
        self.note("cancelled")
        self.save()
        ctx.store.audit(ctx.teller, "issuance.cancelled", application_no=r.application_no)


def _parse(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
