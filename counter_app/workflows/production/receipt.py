"""Receiving a production batch (网点签收) as a wizard over its typed record.

Steps::

    choose → read (each card's chip, matched to its application) → place (the box) → done

The chip decides whose card it is (``domain.production.check_batch``): a card in another
application's envelope is received as its owner's and the envelope reported; a card not on
the list is extra and goes back; a listed card not read is missing when the receipt closes.
Every card read is saved at once as a draft with its batch (``save``, the kernel's envelope
as the application business keeps it): a receipt half done survives a closed page, a
sign-out, an idle lock and a restart, and is resumed (``resume``) at its step.
The receipt may be done offline against the last list pulled: it is written with its key,
the cards into custody and the outbox message in one durable transaction, then sent now or
queued (the sync worker sends it under the same key when the line is back).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from counter_app.central import api as A
from counter_app.central.errors import LINE_ERRORS, CentralError, CentralRefusal
from counter_app.central.sync import NewWorkRefused, check_audit, check_new_work
from counter_app.domain.errors import CounterError
from counter_app.domain.production import (
    BatchCheck,
    CardRead,
    Difference,
    ListedCard,
    PulledBatch,
    check_batch,
    with_missing,
)
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid, Wizard
from counter_app.workflows.production.context import ProductionContext
from counter_app.workflows.production.record import SCHEMA_VERSION, Outcome, ReceiptRecord, Step
from counter_app.workflows.records import from_json, to_json

STEP_TITLES_ZH: dict[Step, str] = {Step.CHOOSE: QT_TR_NOOP("选择批次"), Step.READ: QT_TR_NOOP("逐张读卡核对"),
                                   Step.PLACE: QT_TR_NOOP("入柜保管"), Step.DONE: QT_TR_NOOP("签收完成")}

LEARN_NAMES_PER_PULL = 20  # bounded wait per pull; the rest are learned at the next ones
NO_BATCH_ZH = QT_TR_NOOP("请选择要签收的制卡批次。")
NO_BOX_ZH = QT_TR_NOOP("请填写存放卡片的保管箱号（如 A01）。")
NOTHING_READ_ZH = QT_TR_NOOP("尚未读取任何卡片：请逐张将卡片插入读卡器读取后再签收。")


class ReceiptError(CounterError):
    code = "BATCH_RECEIPT"
    message_zh = QT_TR_NOOP("制卡批次签收未完成。")


def _box_errors(box: str) -> dict[str, str]:
    b = box.strip()
    if not b:
        return {"box": NO_BOX_ZH}
    if len(b) > 12 or not all(c.isalnum() or c == "-" for c in b):
        return {"box": QT_TR_NOOP("保管箱号只能由字母、数字和“-”组成，最长12位。")}
    return {}


def receipt_steps() -> tuple[StepDef[ReceiptRecord], ...]:
    t = STEP_TITLES_ZH
    return (
        StepDef(Step.CHOOSE, t[Step.CHOOSE],
                validate=lambda r: {} if r.batch_id else {"batch_id": NO_BATCH_ZH}),
        StepDef(Step.READ, t[Step.READ],
                validate=lambda r: {} if r.reads else {"reads": NOTHING_READ_ZH}),
        StepDef(Step.PLACE, t[Step.PLACE], validate=lambda r: _box_errors(r.box), forward=False,
                forward_message_zh=QT_TR_NOOP("请核对差异后点击“确认签收”。")),
        StepDef(Step.DONE, t[Step.DONE], forward=False,
                forward_message_zh=QT_TR_NOOP("本批次已签收，可打印签收清单。")),
    )


def pulled(b: A.Batch, now: dt.datetime) -> PulledBatch:
    return PulledBatch(b.batch_id, b.state, tuple(
        ListedCard(i.application_id, i.card_no or "", i.id_number) for i in b.items),
        pulled_at=now, received_at=b.received_at)


class BatchReceiptWorkflow(Wizard[ReceiptRecord]):
    """One batch received by one teller, from the list to the printed 签收清单."""

    def __init__(self, ctx: ProductionContext, record: ReceiptRecord | None = None, *,
                 step: str | None = None, history: Iterable[str] = (),
                 journal: Iterable[JournalEntry] = ()) -> None:
        self.ctx = ctx
        self._batch: PulledBatch | None = None
        resumed = record is not None
        record = record or ReceiptRecord(str(uuid.uuid4()), ctx.teller, ctx.clock().isoformat())
        super().__init__(receipt_steps(), record, step=step, history=tuple(history),
                         journal=tuple(journal), clock=ctx.clock)
        if not resumed:
            self.note("started")

    @classmethod
    def resume(cls, ctx: ProductionContext, batch_id: str) -> BatchReceiptWorkflow:
        """The receipt of ``batch_id`` begun earlier (closed page, sign-out, idle lock,
        restart), at the step and with the cards it had read."""
        if ctx.sync_status is not None:  # as ``choose``: cards into custody need the session
            try:
                check_audit(ctx.sync_status(), "batch_receive")
            except NewWorkRefused as exc:
                raise StepInvalid({"batch_id": exc.message_zh}) from exc
        data = ctx.repo.load_receipt_draft(batch_id)
        if data is None:
            raise ReceiptError(QT_TR_NOOP("该批次没有未完成的签收。"), code="DRAFT_NOT_FOUND")
        try:
            if int(data.get("schema", 0)) != SCHEMA_VERSION:
                raise ValueError(f"receipt draft schema {data.get('schema')}")
            record = from_json(ReceiptRecord, data["record"])
            journal = [from_json(JournalEntry, j) for j in data.get("journal", [])]
        except (ValueError, KeyError, TypeError) as exc:
            raise ReceiptError(QT_TR_NOOP("该批次的签收草稿无法读取，请重新逐张读卡签收。"),
                               code="DRAFT_UNREADABLE") from exc
        wf = cls(ctx, record, step=str(data.get("step", Step.READ)),
                 history=[str(h) for h in data.get("history", [])], journal=journal)
        wf.note("resumed", by=ctx.teller, reads=len(record.reads))
        wf.save()
        return wf

    def save(self) -> None:
        """The receipt in progress as a draft with its batch (after every change): the cards
        read survive a closed page, a sign-out, an idle lock and a restart. The receipt itself
        is written durably in one transaction (see ``confirm``), which ends the draft."""
        r = self.record
        if not r.batch_id or r.outcome is not Outcome.NONE:
            return
        data = {"schema": SCHEMA_VERSION, "step": self.current, "history": list(self.history),
                "journal": [to_json(j) for j in self.journal], "label": self.label(),
                "record": to_json(r)}
        self.ctx.repo.save_receipt_draft(r.batch_id, teller=self.ctx.teller, data=data)

    def discard(self, reason: str) -> None:
        """The receipt begun is given up (the cards go back into the batch box)."""
        self.note("discarded")
        if self.record.batch_id:
            self.ctx.repo.discard_receipt_draft(self.record.batch_id, actor=self.ctx.teller,
                                                reason=reason)

    @property
    def step(self) -> Step:
        return Step(self.current)

    def label(self) -> str:
        return self.record.batch_id or QT_TR_NOOP("（尚未选择批次）")

    def _update(self, **changes: Any) -> None:
        self._set(dataclasses.replace(self.record, **changes))

    # -- choose -------------------------------------------------------------------------------
    def batches(self) -> tuple[list[PulledBatch], str]:
        """The batches waiting to be received: pulled now from the central, or, with the line
        down, the lists pulled last (the second value says so)."""
        now = self.ctx.clock()
        try:
            listed = self.ctx.central.batches(self.ctx.branch_code, state="SHIPPED")
        except LINE_ERRORS:
            self.note("batches.offline")
            return self.ctx.repo.batches(), QT_TR_NOOP("专线中断：显示最近一次从中心获取的批次清单，"
                                                       "可离线签收，签收单在线路恢复后上传中心。")
        self.ctx.repo.track_local()  # first: this branch's own applications with their names
        self.ctx.repo.save_batches([pulled(b, now) for b in listed])
        self._learn_names()
        return self.ctx.repo.batches(), ""

    def _learn_names(self) -> None:
        """Cards taken at another counter of the branch are listed with the ID number only:
        the holder's name comes from the central once, so the lists and searches show it."""
        names = {}
        for application_id, id_number in self.ctx.repo.unnamed(LEARN_NAMES_PER_PULL):
            try:
                names[application_id] = self.ctx.central.get_person(id_number).name
            except CentralError:
                break  # asked again at the next pull
        if names:
            self.ctx.repo.set_names(names)

    def choose(self, batch_id: str) -> PulledBatch:
        # receiving a batch takes cards into custody: only inside the teller's open work
        # session (reconciled at day end), never while an audit break awaits a supervisor
        if self.ctx.sync_status is not None:
            try:
                check_audit(self.ctx.sync_status(), "batch_receive")
            except NewWorkRefused as exc:
                raise StepInvalid({"batch_id": exc.message_zh}) from exc
        batch = self.ctx.repo.batch(batch_id)
        if batch is None or batch.state != "SHIPPED":
            raise StepInvalid({"batch_id": QT_TR_NOOP("该批次不在待签收清单中（可能已签收），请刷新后重新选择。")})
        draft = self.ctx.repo.load_receipt_draft(batch_id)
        begun = draft.get("record") if draft is not None else None
        if isinstance(begun, dict) and begun.get("record_id") != self.record.record_id:
            # never overwrite another receipt of the same batch begun earlier: resume it
            raise StepInvalid({"batch_id": QT_TR_NOOP("该批次有未完成的签收（草稿），请点击“继续签收”"
                                                      "接着读卡，或先放弃该草稿。")})
        pulled_at = batch.pulled_at.isoformat() if batch.pulled_at else ""
        if batch_id != self.record.batch_id:
            self._update(batch_id=batch_id, reads=(), list_pulled_at=pulled_at)
        self.note("batch.chosen", cards=len(batch.items))
        self.save()
        return batch

    @property
    def batch(self) -> PulledBatch:
        """The list received against (read once per batch: it does not change meanwhile)."""
        cached = self._batch
        if cached is not None and cached.batch_id == self.record.batch_id:
            return cached
        b = self.ctx.repo.batch(self.record.batch_id)
        if b is None:
            raise ReceiptError(QT_TR_NOOP("所选批次的清单不在本机，请刷新批次列表。"), code="BATCH_UNKNOWN")
        self._batch = b
        return b

    # -- read -----------------------------------------------------------------------------------
    def check(self) -> BatchCheck:
        return check_batch(self.batch.items, self.record.reads)

    def add_read(self, card_no: str, envelope: str = "") -> BatchCheck:
        """One card read (or typed from its face when the chip cannot be read)."""
        card_no = card_no.strip().upper()
        if not card_no:
            raise StepInvalid({"card_no": QT_TR_NOOP("未读到卡号。")})
        read = CardRead(envelope.strip().upper(), card_no)
        if all(r.card_no != card_no for r in self.record.reads):
            self._update(reads=(*self.record.reads, read))
            self.note("card.read", n=len(self.record.reads))
            self.save()
        else:
            self.note("card.read_again")
        return self.check()

    def read_card(self, envelope: str = "") -> BatchCheck:
        """The card in the slot, read through the card reader port."""
        reader = self.ctx.card_reader
        if reader is None:
            raise ReceiptError(QT_TR_NOOP("本机未配置社保卡读卡器，请按卡面卡号录入。"), code="NO_CARD_READER")
        data = reader.read()
        return self.add_read(data.card_number, envelope)

    # -- place and confirm ------------------------------------------------------------------
    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        if key == Step.PLACE and "box" in values:
            self._update(box=values["box"].strip().upper())
            self.save()
            return _box_errors(values["box"])
        return {}

    def placements(self) -> list[tuple[str, str]]:
        """(application id, box-slot) in reading order: the slot is where the card goes."""
        box = self.record.box.strip().upper()
        return [(m.application_id, f"{box}-{i:03d}")
                for i, m in enumerate(self.check().matched, start=1)]

    def differences(self) -> tuple[Difference, ...]:
        return with_missing(self.check())

    def confirm(self) -> Outcome:
        """Write the receipt durably (cards into custody, the outbox message), then send it
        now; with the line down it stays queued under its key."""
        errors = _box_errors(self.record.box)
        if errors:
            raise StepInvalid(errors)
        ctx = self.ctx
        status = ctx.sync_status() if ctx.sync_status is not None else None
        if status is not None:
            try:
                check_new_work("batch_receive", status, ctx.limits,
                               free_disk_mb=ctx.free_disk_mb(), now=ctx.clock())
            except NewWorkRefused as exc:
                raise StepInvalid({"box": exc.message_zh}) from exc
        placed = self.placements()
        differences = self.differences()
        op = self.record.op_id or f"batch-receipt-{uuid.uuid4()}"
        if not self.record.op_id:
            self._update(op_id=op)
        wire = [A.BatchDifference(d.kind, d.application_id or None, d.card_no or None)
                for d in differences]
        received = [a for a, _ in placed]
        payload = {"branch_code": ctx.branch_code, "batch_id": self.record.batch_id,
                   **A.batch_receipt_body(ctx.branch_code, received, wire)}
        now = ctx.clock()
        ctx.repo.receive(batch_id=self.record.batch_id, teller=ctx.teller, placed=placed,
                         differences=differences, op_id=op, payload=payload,
                         hold_s=ctx.hold_s, now=now)
        self.note("receipt.written", received=len(placed),
                  differences=[d.kind for d in differences])
        try:
            answer = ctx.central.receive_batch(ctx.branch_code, self.record.batch_id,
                                               idempotency_key=op, received=received,
                                               differences=wire)
        except LINE_ERRORS as exc:
            ctx.outbox.release(op, exc.code, ctx.clock())
            ctx.wake_sync()
            outcome = Outcome.QUEUED
        except CentralRefusal as exc:
            ctx.outbox.refused(op, exc.code, ctx.clock())
            self.note("receipt.refused", code=exc.code)
            raise ReceiptError(zh("中心拒绝签收：{reason}（本机已登记入柜，请联系中心核对）", reason=exc.message_zh),
                               code=exc.code) from exc
        else:
            ctx.outbox.sent(op, {"batch_id": answer.batch_id, "state": answer.state}, ctx.clock())
            ctx.repo.receipt_acknowledged(self.record.batch_id)
            ctx.repo.update_states(dict.fromkeys(received, "BRANCH_RECEIVED"))
            outcome = Outcome.SENT
        self._update(outcome=outcome, finished_at=ctx.clock().isoformat())
        self.note("receipt.done", outcome=outcome.value)
        self._move(Step.DONE)
        return outcome
