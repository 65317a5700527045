"""Personal data change (参保信息变更) as a wizard over its typed record.

Steps::

    identify (the central's record of the person) → changes → proof (records seen; ID card
    read + police or court paper) → confirm → done (receipt; a new name or ID number sends
    the person to replacement; the chip may be written by card services)

Contact data (phone, address, education, marital status) may be queued while the line is
down; dates and identity data need the central now (``domain.businesses``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from counter_app.central.errors import CentralError, CentralRefusal
from counter_app.central.people_api import DataChangeProof, data_change_payload
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.printing import mask_name
from counter_app.workflows import person_ops
from counter_app.workflows.data_change import rules
from counter_app.workflows.data_change.record import (
    FIELD_BY_KEY,
    FIELDS,
    SCHEMA_VERSION,
    Change,
    DataChangeRecord,
    Level,
    Outcome,
    Step,
)
from counter_app.workflows.identity_step import (
    identity_errors,
)
from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid
from counter_app.workflows.person_case import PersonCaseWorkflow
from counter_app.workflows.person_ops import PersonOpsContext

STEP_TITLES_ZH: dict[Step, str] = {
    Step.IDENTIFY: QT_TR_NOOP("核验身份"), Step.CHANGES: QT_TR_NOOP("变更内容"), Step.PROOF: QT_TR_NOOP("证明材料"),
    Step.CONFIRM: QT_TR_NOOP("确认提交"), Step.DONE: QT_TR_NOOP("打印回执"),
}
WORK = {Level.NONE: "data_change_contact", Level.RECORDS: "data_change_records",
        Level.PAPERS: "data_change_identity"}
OPERATION = "persons.data_change"
NOW_OFFLINE_ZH = QT_TR_NOOP("专线中断，暂不能办理参加工作时间、出生日期、姓名、身份证号码、性别的变更："
                            "这些变更须由中心实时受理，请待线路恢复后办理。")
NOT_FOUND_ZH = QT_TR_NOOP("中心系统中没有该身份证号码的参保人员记录，请核对号码；尚未参保的请先办理参保登记。")


def data_change_steps(ctx: PersonOpsContext) -> tuple[StepDef[DataChangeRecord], ...]:
    t = STEP_TITLES_ZH
    return (
        StepDef(Step.IDENTIFY, t[Step.IDENTIFY], validate=lambda r: identity_errors(r.identity)),
        StepDef(Step.CHANGES, t[Step.CHANGES],
                validate=lambda r: rules.changes_errors(r, ctx.today())),
        StepDef(Step.PROOF, t[Step.PROOF], applies=lambda r: rules.level(r) > Level.NONE,
                validate=rules.proof_errors),
        StepDef(Step.CONFIRM, t[Step.CONFIRM], forward=False,
                forward_message_zh=QT_TR_NOOP("请核对后点击“确认变更”。")),
        StepDef(Step.DONE, t[Step.DONE], forward=False, forward_message_zh=QT_TR_NOOP("本笔业务已完成。")),
    )


class DataChangeWorkflow(PersonCaseWorkflow[DataChangeRecord, Step, PersonOpsContext]):
    def __init__(self, ctx: PersonOpsContext, record: DataChangeRecord | None = None, *,
                 step: str | None = None, journal: Iterable[JournalEntry] = ()) -> None:
        record = record or DataChangeRecord(str(uuid.uuid4()), ctx.teller, ctx.clock().isoformat())
        super().__init__(ctx, data_change_steps(ctx), record, started=True, step_type=Step,
                         schema_version=SCHEMA_VERSION, step=step, journal=journal)

    @property
    def level(self) -> Level:
        return rules.level(self.record)

    def label(self) -> str:
        name = self.record.identity.name or self.record.current_name
        return mask_name(name) if name else QT_TR_NOOP("（尚未识别）")

    # -- identify ---------------------------------------------------------------------------
    def for_another_person(self, record: DataChangeRecord) -> DataChangeRecord:
        return DataChangeRecord(record.draft_id, record.teller, record.started_at)

    def look_up(self) -> None:
        """The central's record of the person (blocking); with the line down the record says
        so and only contact data may change."""
        idn = self.record.identity.id_number
        try:
            p = self.ctx.central.get_person(idn)
        except CentralRefusal as refusal:
            self.note("refused", code=refusal.code)
            if refusal.code == "PERSON_NOT_FOUND" or refusal.status == 404:
                raise CounterError(NOT_FOUND_ZH, code="PERSON_NOT_FOUND") from refusal
            raise
        except CentralError as error:
            self.update_record(line_down=True)
            self.note("look_up_line_down", error=error.code)
            return
        self.update_record(current_name=p.name, current_sex=p.sex, current_birth=p.birth_date.isoformat(),
                           line_down=False,
                           identity=replace(self.record.identity,
                                      name=self.record.identity.name or p.name))
        self.note("looked_up")

    def next(self) -> Step:
        if self.step is Step.IDENTIFY:
            errors = identity_errors(self.record.identity)
            if errors:
                raise StepInvalid(errors)
            self.look_up()
        key = super().next()
        return key

    # -- screens hand over plain strings ----------------------------------------------------------
    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        step = Step(key)
        today = self.ctx.today()
        if step is Step.IDENTIFY:
            typed = values.get("id_number", "").strip()
            if typed:
                self.set_id_number(typed)
            return {}
        if step is Step.CHANGES:
            changes = []
            for f in FIELDS:
                value = values.get(f.key, "").strip()
                if f.key == "id_number":
                    value = value.upper()
                if value:
                    changes.append(Change(f.key, value))
            if tuple(changes) != self.record.changes:
                # other fields: the proof seen for the earlier ones is asked again
                self.update_record(changes=tuple(changes), op_id="")
            return {c.field: e for c in self.record.changes
                    if (e := rules.value_error(c.field, c.value, self.record, today))}
        if step is Step.PROOF:
            seen = tuple(rec for f in FIELDS for i, rec in enumerate(f.records)
                         if values.get(f"rec_{f.key}_{i}"))
            self.update_record(records_seen=seen, paper_kind=values.get("paper_kind", ""),
                               paper_no=values.get("paper_no", "").strip())
            return {}
        return {}

    # -- submit -----------------------------------------------------------------------------------
    def proof(self) -> DataChangeProof | None:
        lvl = self.level
        if lvl is Level.NONE:
            return None
        r = self.record
        records = tuple(rec for c in r.changes for rec in FIELD_BY_KEY[c.field].records
                        if rec in r.records_seen)
        if lvl is Level.RECORDS:
            return DataChangeProof(records=records)
        return DataChangeProof(records=records, id_card_read=r.identity.source == "reader",
                               paper_kind=r.paper_kind, paper_no=r.paper_no)

    def submit(self) -> Outcome:
        """Send the change (blocking). Raises StepInvalid, NewWorkRefused, CentralRefusal."""
        if self.record.outcome is not None:
            return self.record.outcome
        bad = self.first_invalid_step()
        if bad is not None:
            errors = self.validate(bad)
            self.jump_to_fix(bad)
            raise StepInvalid(errors)
        r, ctx, lvl = self.record, self.ctx, self.level
        idn = r.identity.id_number
        changes = {c.field: c.value for c in r.changes}
        if "id_number" in changes:
            changes["id_number"] = rules.validate_id_number(changes["id_number"], today=ctx.today())
        proof = self.proof()
        op_id = r.op_id or person_ops.new_key()
        seq = int(ctx.clock().timestamp() * 1000)  # increasing per counter: the person's order
        self.update_record(op_id=op_id)

        def call(key: str) -> dict[str, Any]:
            answer = ctx.central.change_person_data(idn, branch_code=ctx.branch_code, client_seq=seq,
                                                    changes=changes, proof=proof, idempotency_key=key)
            return dict(person_ops.jsonable(dataclasses.asdict(answer)))

        try:
            sent = person_ops.send(
                ctx, work=WORK[lvl], operation=OPERATION, id_number=idn, op_id=op_id,
                payload=data_change_payload(idn, branch_code=ctx.branch_code, client_seq=seq,
                                            changes=changes, proof=proof),
                call=call, offline_zh=NOW_OFFLINE_ZH,
                detail={"op_id": op_id, "fields": sorted(changes), "level": lvl.name,
                        "identified_by": r.identity.source, "paper_kind": r.paper_kind})
        except CentralRefusal as refusal:
            self.update_record(op_id="")
            self.note("refused", code=refusal.code)
            if refusal.code == "CHANGE_NEEDS_PROOF":
                self.jump_to_fix(Step.PROOF)
                raise StepInvalid({"proof": zh("中心系统未受理：{reason}", reason=refusal.message_zh)}) from refusal
            raise
        at = dt.datetime.fromisoformat(sent.at)
        number = person_ops.receipt_no(ctx, "B", op_id, at)
        new_card = bool(sent.response.get("new_card_required"))
        if sent.status == "done":
            message = QT_TR_NOOP("信息变更已完成，中心系统已更新参保信息。")
        elif sent.maybe_done:
            message = QT_TR_NOOP("中心系统未及时应答（本笔变更可能已生效），系统将按同一业务编号自动确认，"
                                 "不会重复变更。")
        else:
            message = QT_TR_NOOP("专线中断，本笔信息变更已在本柜台受理并暂存，线路恢复后自动上传中心生效。")
        outcome = Outcome(op_id, sent.status, message, sent.at, number, tuple(sorted(changes)),
                          new_card, str(sent.response.get("new_id_number") or ""))
        self.update_record(outcome=outcome)
        self._history.append(self.current)
        self._move(Step.DONE)
        self.note("finished", status=outcome.status, new_card=new_card)
        self.save()
        return outcome

    # -- the receipt ------------------------------------------------------------------------------
    def documents(self) -> bytes:
        from counter_app.workflows.data_change.documents import render_receipt

        return render_receipt(self.ctx, self.record)

    def delivered(self) -> bool:
        """The queued work has reached the central since (blocking: reads the outbox)."""
        outcome = self.record.outcome
        return outcome is not None and person_ops.delivered(self.ctx, outcome.op_id)

    def record_document_output(self, receipt_no: str, how: str) -> None:
        self.ctx.store.audit(self.ctx.teller, "data_change.receipt_output", receipt_no=receipt_no,
                             how=how)
