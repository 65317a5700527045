"""Central production as the screen sees it: "where is my card?" (tracking), the batches to
receive, the cards waiting in custody (uncollected, with those due for sealing).

Tracking answers from the local records first (every application this branch took, kept up
to date by the update feed), then asks the central (an application taken at another branch
of the same bank), reusing the query business's progress ladder and next-step wording.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from counter_app.central import api as A
from counter_app.central.errors import LINE_ERRORS, CentralError, CentralRefusal
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import validate_id_number
from counter_app.domain.production import (
    FAILED,
    RESUBMIT_QUEUED,
    ReceiptDraft,
    Tracked,
    due_for_sealing,
    keep_until,
    uncollected_age_days,
)
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.printing import mask_name
from counter_app.printing.masking import mask_id_number
from counter_app.workflows.production import failed, sealing
from counter_app.workflows.production.context import ProductionContext
from counter_app.workflows.production.handout import HandoutWorkflow
from counter_app.workflows.production.receipt import BatchReceiptWorkflow
from counter_app.workflows.queries.record import ApplicationInfo
from counter_app.workflows.queries.views import COLLECTION_ZH, next_step_zh, progress

DEFAULT_KEEP_MONTHS = 12  # DOMAIN.md: 6–12 months; the central's branch config decides


@dataclass(frozen=True)
class TrackingLine:
    application_id: str
    application_no: str
    holder_zh: str  # masked name and ID number
    state_zh: str
    progress: str
    next_zh: str
    how_zh: str
    custody_zh: str  # box/slot, or ""
    remote: bool
    failure_zh: str = ""  # the central's named reason of a failed production
    can_retry: bool = False  # a failed production of this branch: re-submit or cancel


@dataclass(frozen=True)
class TrackingAnswer:
    lines: tuple[TrackingLine, ...]
    note_zh: str = ""


@dataclass(frozen=True)
class UncollectedLine:
    application_id: str
    holder_zh: str
    card_no: str
    location: str
    received_on: str
    age_days: int
    keep_until: str
    due: bool  # past the keeping period: return to the central for sealing (封存)


def _info(t: Tracked) -> ApplicationInfo:
    return ApplicationInfo(t.application_id, t.kind, t.state, t.state_zh, t.making_mode,
                           t.collection, "", t.branch_code, t.card_no, t.batch_id,
                           t.ems_tracking_no, t.failure_reason)


def _holder(t: Tracked) -> str:
    parts = (mask_name(t.name) if t.name else "", mask_id_number(t.id_number) if t.id_number else "")
    return " ".join(x for x in parts if x) or "—"


def tracking_line(t: Tracked) -> TrackingLine:
    info = _info(t)
    nxt = next_step_zh(info)
    if t.location and t.state in ("SHIPPED", "BRANCH_RECEIVED") and not t.handed_out_at:
        nxt = zh("卡片在本网点保管（{location}），可办理领卡启用。", location=t.location)
    if t.sealed_at is not None:
        nxt = zh("超期未领，已随封存清单 {sealing_list_id} 退回中心封存；"
                 "持卡人领卡须先由中心启封。", sealing_list_id=t.sealing_list_id)
    elif t.state == FAILED and not t.remote:
        why = (zh("中心原因：{reason}", reason=t.failure_reason) if t.failure_reason
               else QT_TR_NOOP("中心未说明原因"))
        nxt = zh("制卡失败（{why}）。可选中本行“重新制卡”，或“撤销申领”后由申请人重新申领。", why=why)
    elif t.state == RESUBMIT_QUEUED:
        nxt = QT_TR_NOOP("已申请重新制卡，专线恢复后自动上报中心，之后按新的制卡进度跟踪。")
    return TrackingLine(t.application_id, t.application_no, _holder(t), t.state_zh,
                        progress(info), nxt, COLLECTION_ZH.get(t.collection, t.collection),
                        t.location, t.remote, t.failure_reason,
                        t.state == FAILED and not t.remote)


def _tracked_from(a: A.Application) -> Tracked:
    return Tracked(application_id=a.application_id, id_number=a.id_number, name="",
                   state=a.state, kind=a.kind, making_mode=a.making_mode,
                   collection=a.collection, branch_code=a.branch_code,
                   card_no=a.card_no or "", batch_id=a.batch_id or "",
                   ems_tracking_no=a.ems_tracking_no or "",
                   failure_reason=a.failure_reason or "", remote=True)


class ProductionDesk:
    """One signed-in teller's central-production business."""

    def __init__(self, ctx: ProductionContext) -> None:
        self.ctx = ctx
        self._keep_months: int | None = None

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def card_reader_name(self) -> str | None:
        r = self.ctx.card_reader
        return r.name if r is not None else None

    # -- tracking -----------------------------------------------------------------------------
    def search(self, text: str) -> TrackingAnswer:
        """By application number, ID number, card number or whole name."""
        q = text.strip()
        if not q:
            return TrackingAnswer((), QT_TR_NOOP("请输入申领编号、身份证号码、卡号或姓名。"))
        self.ctx.repo.track_local()
        found = [self._with_reason(t) for t in self.ctx.repo.search(q)]
        if found:
            return TrackingAnswer(tuple(tracking_line(t) for t in found))
        return self._ask_central(q)

    def _with_reason(self, t: Tracked) -> Tracked:
        """A failure tracked without its reason (the notice came before the application was
        tracked here) is asked of the central once: the teller must see the named reason."""
        if t.state != FAILED or t.failure_reason:
            return t
        try:
            a = self.ctx.central.application(t.application_id)
        except CentralError:
            return t  # shown without it; asked again at the next search
        self.ctx.repo.update_state(t.application_id, a.state, card_no=a.card_no or "",
                                   failure_reason=a.failure_reason or "")
        return self.ctx.repo.get(t.application_id) or t

    def _ask_central(self, q: str) -> TrackingAnswer:
        central = self.ctx.central
        try:
            id_number = validate_id_number(q)
        except ValidationError:
            id_number = ""
        try:
            if id_number:
                apps = central.person_applications(id_number)
            elif q.upper().startswith("APP-"):
                apps = [central.application(q.upper())]
            else:
                return TrackingAnswer((), QT_TR_NOOP("本网点没有找到该申领。按姓名只能查本网点受理的申领；"
                                                     "其他网点受理的请输入身份证号码或申领编号查询。"))
        except LINE_ERRORS:
            return TrackingAnswer((), QT_TR_NOOP("本网点没有找到该申领；专线中断，暂不能向中心查询"
                                                 "其他网点受理的申领，请线路恢复后再查。"))
        except CentralRefusal as exc:
            return TrackingAnswer((), zh("中心答复：{reason}", reason=exc.message_zh))
        except CentralError as exc:
            return TrackingAnswer((), exc.message_zh)
        mine = [a for a in apps if a.making_mode == "FACTORY" or a.state != "ACTIVATED"]
        if not mine:
            return TrackingAnswer((), QT_TR_NOOP("本行没有该人员的制卡申领。"))
        # an application of this branch not tracked here (taken at another counter) is
        # tracked from now on: found locally next time, and a failure can be taken up here
        ours = [a for a in mine if a.branch_code == self.ctx.branch_code
                and a.making_mode == "FACTORY" and a.state != "CANCELLED"
                and self.ctx.repo.get(a.application_id) is None]
        if ours:
            self.ctx.repo.add([dataclasses.replace(_tracked_from(a), remote=False) for a in ours])
        lines = tuple(tracking_line(self._known(a)) for a in
                      sorted(mine, key=lambda a: a.created_at, reverse=True))
        return TrackingAnswer(lines, QT_TR_NOOP("以下为中心查询结果（含本行其他网点受理的申领）。"))

    def _known(self, a: A.Application) -> Tracked:
        if a.branch_code == self.ctx.branch_code:
            t = self.ctx.repo.get(a.application_id)
            if t is not None:
                return t
        return _tracked_from(a)

    def refresh(self, application_id: str) -> TrackingLine:
        """The central's state now (a teller's 刷新 on one line)."""
        a = self.ctx.central.application(application_id)
        self.ctx.repo.update_state(application_id, a.state, card_no=a.card_no or "",
                                   failure_reason=a.failure_reason or "")
        t = self.ctx.repo.get(application_id)
        return tracking_line(t if t is not None else _tracked_from(a))

    # -- custody --------------------------------------------------------------------------------
    def keep_months(self) -> int:
        """The central's keeping period for uncollected cards (asked once per desk)."""
        if self._keep_months is None:
            try:
                cfg = self.ctx.central.branch_config(self.ctx.branch_code)
                self._keep_months = cfg.uncollected_keep_months
            except CentralError:
                return DEFAULT_KEEP_MONTHS  # offline: the city's usual period, asked again later
        return self._keep_months

    def uncollected(self) -> list[UncollectedLine]:
        now = self.ctx.clock()
        today = now.astimezone(CHINA_TIME).date()
        months = self.keep_months()
        lines = []
        for t in self.ctx.repo.in_custody():
            received = t.received_at or now
            lines.append(UncollectedLine(
                t.application_id, _holder(t), t.card_no, t.location,
                received.astimezone(CHINA_TIME).strftime("%Y-%m-%d"),
                uncollected_age_days(received, now), keep_until(received, months).isoformat(),
                due_for_sealing(received, today, months)))
        return lines

    # -- a failed production ----------------------------------------------------------------------
    def resubmit(self, application_id: str, note: str = "") -> failed.FailedOutcome:
        """重新制卡: queued with its key when the line is down (see workflows/production/failed)."""
        return failed.resubmit(self.ctx, application_id, note)

    def cancel_failed(self, application_id: str, reason: str) -> failed.FailedOutcome:
        """撤销申领: needs the central now; refused with the reason while the line is down."""
        return failed.cancel(self.ctx, application_id, reason)

    def line(self, application_id: str) -> TrackingLine | None:
        t = self.ctx.repo.get(application_id)
        return tracking_line(t) if t is not None else None

    # -- sealing ------------------------------------------------------------------------------------
    def seal_due(self) -> sealing.SealingOutcome:
        """Every card in custody past the keeping period onto one sealing list, sent or queued."""
        due = [(u.application_id, u.card_no) for u in self.uncollected() if u.due]
        return sealing.seal_due(self.ctx, due)

    # -- businesses -----------------------------------------------------------------------------
    def new_receipt(self) -> BatchReceiptWorkflow:
        return BatchReceiptWorkflow(self.ctx)

    def receipt_drafts(self) -> list[ReceiptDraft]:
        """Receipts begun and not confirmed (offered again on the home screen)."""
        return self.ctx.repo.receipt_drafts()

    def open_receipt(self, batch_id: str) -> BatchReceiptWorkflow:
        """The receipt of a batch: the one begun earlier when there is a draft, else a new
        one at its first card."""
        if any(d.batch_id == batch_id for d in self.ctx.repo.receipt_drafts()):
            return BatchReceiptWorkflow.resume(self.ctx, batch_id)
        wf = BatchReceiptWorkflow(self.ctx)
        wf.choose(batch_id)
        wf.next()
        return wf

    def discard_receipt(self, batch_id: str, reason: str) -> None:
        self.ctx.repo.discard_receipt_draft(batch_id, actor=self.ctx.teller, reason=reason)

    def new_handout(self) -> HandoutWorkflow:
        return HandoutWorkflow(self.ctx, self.ctx.chip)


def china_now(now: dt.datetime) -> str:
    return now.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
