"""The card application (申领) as a wizard over its typed record.

Steps (some only apply to some applicants)::

    identify → eligibility → materials → applicant → [guardian] → [delivery] → photo → review → done

Every change replaces the record and is saved to an encrypted draft with a journal entry,
so a crash, an idle lock or a restart loses nothing. The rules live next door: field checks
(``checks``), eligibility and routing (``eligibility``), submission (``submission``),
documents (``documents``). Methods that do I/O are plain blocking calls; the UI runs them off
its thread and reads only the (immutable) record.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from counter_app.central.api import ApplicationRequest
from counter_app.devices.idcard import IdCardData
from counter_app.devices.photo import FrameSource, PreparedPhoto, prepare_frame, prepare_photo
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.fees import FeeQuote
from counter_app.domain.identity import id_birth_date, id_sex, validate_id_number
from counter_app.domain.photo import PhotoReport
from counter_app.domain.texts import QT_TR_NOOP, listing, zh
from counter_app.printing import DeliveryMode, mask_name
from counter_app.workflows.application import checks, eligibility, fee, submission
from counter_app.workflows.application.context import ApplicationContext
from counter_app.workflows.application.documents import Documents, render_documents
from counter_app.workflows.application.record import (
    SCHEMA_VERSION,
    ApplicationFee,
    ApplicationRecord,
    Eligibility,
    Identity,
    MakingMode,
    PhotoInfo,
    Step,
    Submission,
    migrate,
)
from counter_app.workflows.application_rules import Material
from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid, Wizard
from counter_app.workflows.records import from_json, to_json
from counter_app.workflows.supervisor import (
    PURPOSE_PHOTO_OVERRIDE,
    SupervisorApproval,
    require_fields,
)

STEP_TITLES_ZH: dict[Step, str] = {
    Step.IDENTIFY: QT_TR_NOOP("读取身份证"),
    Step.ELIGIBILITY: QT_TR_NOOP("资格核验"),
    Step.MATERIALS: QT_TR_NOOP("材料核对"),
    Step.APPLICANT: QT_TR_NOOP("申请人信息"),
    Step.GUARDIAN: QT_TR_NOOP("监护人信息"),
    Step.DELIVERY: QT_TR_NOOP("领卡方式"),
    Step.PHOTO: QT_TR_NOOP("照片采集"),
    Step.REVIEW: QT_TR_NOOP("核对提交"),
    Step.DONE: QT_TR_NOOP("打印单据"),
}


def application_steps(ctx: ApplicationContext, photo_check: Callable[[], dict[str, str]]
                      ) -> tuple[StepDef[ApplicationRecord], ...]:
    """The declared steps: which apply to whom, how each is validated."""
    today, instant, t = ctx.today, ctx.instant_issue, STEP_TITLES_ZH
    return (
        StepDef(Step.IDENTIFY, t[Step.IDENTIFY], validate=checks.check_identify),
        StepDef(Step.ELIGIBILITY, t[Step.ELIGIBILITY], validate=checks.check_eligibility),
        StepDef(Step.MATERIALS, t[Step.MATERIALS],
                validate=lambda r: checks.check_materials(r, today())),
        StepDef(Step.APPLICANT, t[Step.APPLICANT],
                validate=lambda r: checks.check_applicant(r.applicant)[1]),
        StepDef(Step.GUARDIAN, t[Step.GUARDIAN],
                applies=lambda r: checks.is_minor(r, today()),
                validate=lambda r: checks.check_guardian(r.guardian, r.identity.id_number,
                                                         today())[1]),
        StepDef(Step.DELIVERY, t[Step.DELIVERY],
                applies=lambda r: checks.making_mode(r, instant) is MakingMode.FACTORY,
                validate=lambda r: checks.check_delivery(r.delivery)[1]),
        # the photo bytes live beside the record (too big for the JSON draft)
        StepDef(Step.PHOTO, t[Step.PHOTO], validate=lambda _r: photo_check()),
        StepDef(Step.REVIEW, t[Step.REVIEW], validate=lambda r: fee.payment_errors(ctx.fees, r),
                forward=False, forward_message_zh=QT_TR_NOOP("请点击“提交申领”。")),
        StepDef(Step.DONE, t[Step.DONE], forward=False, forward_message_zh=QT_TR_NOOP("本笔申领已完成。")),
    )


class ApplicationWorkflow(Wizard[ApplicationRecord]):
    """One applicant's application, from the ID card to the printed documents."""

    def __init__(self, ctx: ApplicationContext, record: ApplicationRecord | None = None, *,
                 photo: bytes | None = None, step: str | None = None,
                 history: Iterable[str] = (), journal: Iterable[JournalEntry] = ()) -> None:
        self.ctx = ctx
        self.photo_jpeg = photo
        started = record is None
        record = record or ApplicationRecord(draft_id=str(uuid.uuid4()), teller=ctx.teller,
                                             started_at=ctx.clock().isoformat())
        super().__init__(application_steps(ctx, self._check_photo), record, step=step,
                         history=tuple(history), journal=tuple(journal), clock=ctx.clock)
        if started:
            self.note("started")

    # -- lifecycle ---------------------------------------------------------------------------------
    @classmethod
    def resume(cls, ctx: ApplicationContext, draft_id: str) -> ApplicationWorkflow:
        stored = ctx.store.load_draft(draft_id)
        if stored is None or stored.status == "discarded":
            raise CounterError(QT_TR_NOOP("找不到该业务草稿，可能已被处理或放弃。"), code="DRAFT_NOT_FOUND")
        try:
            envelope = migrate(stored.data)
            record = from_json(ApplicationRecord, envelope["record"])
            journal = [from_json(JournalEntry, j) for j in envelope.get("journal", [])]
        except (ValueError, KeyError) as exc:
            raise CounterError(QT_TR_NOOP("该业务草稿无法读取（可能由更新版本的程序保存，或已损坏），"
                                          "请新建申领；如需恢复请联系网点技术支持。"),
                               code="DRAFT_UNREADABLE") from exc
        wf = cls(ctx, record, photo=stored.photo, step=envelope["step"],
                 history=envelope.get("history", []), journal=journal)
        if stored.status == "submitted":
            app = ctx.store.by_draft(draft_id)
            if app is not None:
                wf._set(replace(record, submission=replace(
                    record.submission, application_no=app.application_no, status=app.status)))
                wf._move(Step.DONE)
        wf.note("resumed", by=ctx.teller)
        wf.save()  # a version-1 draft is written back in the current shape once
        return wf

    def save(self) -> None:
        data = {"schema": SCHEMA_VERSION, "step": self.current, "history": list(self.history),
                "journal": [to_json(j) for j in self.journal], "label": self.label(),
                "record": to_json(self.record)}
        self.ctx.store.save_draft(
            self.draft_id, teller=self.ctx.teller, step=self.current, data=data,
            photo=self.photo_jpeg, id_number=self.id_number or None)

    def discard(self, reason: str) -> None:
        self.note("discarded")
        self.save()
        self.ctx.store.discard_draft(self.draft_id, actor=self.ctx.teller, reason=reason)

    def label(self) -> str:
        name = self.record.applicant.name or self.record.identity.name
        who = mask_name(name) if name else QT_TR_NOOP("（尚未录入申请人）")
        return f"{who} · {STEP_TITLES_ZH[self.step]}"

    def update_record(self, **sections: Any) -> None:
        """Replace sections of the record (the rules modules use this; no save)."""
        self._set(replace(self.record, **sections))

    def finish(self, sub: Submission) -> None:
        self.update_record(submission=sub)
        self._history.append(self.current)
        self._move(Step.DONE)
        self.note("accepted", deferred=sub.deferred)
        self.save()

    # -- facts ---------------------------------------------------------------------------------
    @property
    def draft_id(self) -> str:
        return self.record.draft_id

    @property
    def step(self) -> Step:
        return Step(self.current)

    def steps(self) -> list[Step]:
        return [Step(k) for k in self.step_keys()]

    @property
    def id_number(self) -> str:
        return self.record.identity.id_number

    @property
    def minor(self) -> bool:
        return checks.is_minor(self.record, self.ctx.today())

    @property
    def online(self) -> bool:
        el = self.record.eligibility
        return el.online if el is not None else True

    @property
    def deferred_expected(self) -> bool:
        return not self.online

    @property
    def making_mode(self) -> MakingMode:
        return checks.making_mode(self.record, self.ctx.instant_issue)

    def delivery_mode(self) -> DeliveryMode:
        return checks.delivery_mode(self.record, self.ctx.instant_issue)

    def materials(self) -> tuple[Material, ...]:
        return checks.materials(self.record, self.ctx.today())

    def missing_materials(self) -> list[Material]:
        checked = set(self.record.checked_materials)
        return [m for m in self.materials() if m.code not in checked]

    @property
    def blocked(self) -> bool:
        el = self.record.eligibility
        return el is not None and el.blocked is not None

    # -- identify ----------------------------------------------------------------------------------
    def read_id_card(self) -> IdCardData:
        """Read the card on the ID reader (blocking) and take its fields."""
        if self.ctx.id_reader is None:
            raise CounterError(QT_TR_NOOP("本柜台未配置身份证阅读器，请手工录入身份证号码。"),
                               code="IDCARD_READER_MISSING")
        card = self.ctx.id_reader.read()
        today = self.ctx.today()
        number = validate_id_number(card.id_number, today=today)
        if card.expired_on(today):
            raise ValidationError("id_number", QT_TR_NOOP("该身份证已过有效期，请申请人持有效证件办理。"),
                                  code="IDCARD_EXPIRED")
        self._set_identity(Identity(number, "reader", card.name, card.sex, card.nation,
                                    card.birth_date.isoformat(), card.address))
        return card

    def set_id_number(self, typed: str) -> str:
        """The teller typed the number (no reader, a minor without an ID card, a broken reader)."""
        number = validate_id_number(typed, today=self.ctx.today())
        if number != self.id_number or self.record.identity.source != "typed":
            self._set_identity(Identity(number, "typed"))
        return number

    def _set_identity(self, identity: Identity) -> None:
        record = self.record
        if identity.id_number != record.identity.id_number:
            # a different person: nothing of the previous one may leak into this application
            record = ApplicationRecord(record.draft_id, record.teller, record.started_at)
            self.photo_jpeg = None
        a = record.applicant
        a = replace(a, name=a.name or identity.name, nation=a.nation or identity.nation,
                    address=a.address or identity.address, sex=id_sex(identity.id_number),
                    birth_date=id_birth_date(identity.id_number).isoformat())
        self._set(replace(record, identity=identity, applicant=a))
        self.note("identified", source=identity.source)
        self.save()

    # -- eligibility -------------------------------------------------------------------------------
    def check_eligibility(self) -> Eligibility:
        """Ask the central (blocking). Raises ApplicationBlocked when the person may not apply,
        NewWorkRefused when the line is down and no deferrable work may start."""
        if not self.id_number:
            raise StepInvalid({"id_number": QT_TR_NOOP("请先读取或录入身份证号码。")})
        outcome = eligibility.check(self.ctx, self.record, self.minor)
        self._set(outcome.record)
        self.note("eligibility", **outcome.journal)
        if outcome.error is None and self.ctx.fees is not None:  # the fee by the schedule
            quoted = fee.quote(self.ctx, self.ctx.fees, self.record)
            self.update_record(fee=quoted)
            self.note("fee_quoted", fee_fen=quoted.fen, first_card=quoted.first_card)
        self.save()
        if outcome.error is not None:
            raise outcome.error
        assert outcome.record.eligibility is not None
        return outcome.record.eligibility

    # -- materials ---------------------------------------------------------------------------------
    def set_materials(self, checked: Iterable[str]) -> None:
        known = {m.code for m in self.materials()}
        chosen = tuple(sorted(set(checked) & known))
        self.update_record(checked_materials=chosen)
        self.note("materials", checked=len(chosen))
        self.save()

    # -- what was typed ---------------------------------------------------------------------------------
    def update_applicant(self, **values: str) -> dict[str, str]:
        """Store what was typed (always, even if invalid) and return the field errors."""
        a = _take(self.record.applicant, values, {"name", "nation", "address", "phone"})
        self.update_record(applicant=a)
        self.save()
        return {k: v for k, v in checks.check_applicant(a)[1].items() if k in values}

    def update_guardian(self, **values: str) -> dict[str, str]:
        g = _take(self.record.guardian, values,
                  {"name", "id_number", "relationship", "phone", "proof_document"})
        self.update_record(guardian=g, submission=replace(self.record.submission, field_error=None))
        self.save()
        errors = checks.check_guardian(g, self.id_number, self.ctx.today())[1]
        return {k: v for k, v in errors.items() if k in values}

    def update_delivery(self, **values: str) -> dict[str, str]:
        d = _take(self.record.delivery, values, {"mode", "address", "recipient", "phone"})
        self.update_record(delivery=d, submission=replace(self.record.submission, field_error=None))
        self.save()
        return {k: v for k, v in checks.check_delivery(d)[1].items() if k in values}

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        """What a step's screen hands over (plain strings): store it, return field errors."""
        step = Step(key)
        if step is Step.IDENTIFY:
            typed = values.get("id_number", "").strip()
            if typed:
                self.set_id_number(typed)
            return {}
        if step is Step.MATERIALS:
            self.set_materials(code for code, on in values.items() if on)
            return {}
        if step is Step.APPLICANT:
            return self.update_applicant(**values)
        if step is Step.GUARDIAN:
            return self.update_guardian(**values)
        if step is Step.DELIVERY:
            return self.update_delivery(**values)
        if step is Step.REVIEW:
            return self.update_fee_payment(values.get("fee_method", self.record.fee.method),
                                           values.get("fee_reference", self.record.fee.reference))
        return {}

    def next(self) -> Step:
        """Normalise what the step holds (a valid step keeps tidy values), then move on."""
        self._normalise(self.step)
        return Step(super().next())

    def back(self) -> Step:
        return Step(super().back())

    def goto(self, key: str) -> Step:
        return Step(super().goto(key))

    def _normalise(self, step: Step) -> None:
        r, today = self.record, self.ctx.today()
        if step is Step.APPLICANT:
            a, errors = checks.check_applicant(r.applicant)
            if not errors:
                self.update_record(applicant=a)
        elif step is Step.GUARDIAN:
            g, errors = checks.check_guardian(r.guardian, r.identity.id_number, today)
            if not errors:
                self.update_record(guardian=g)
        elif step is Step.DELIVERY:
            d, errors = checks.check_delivery(r.delivery)
            if not errors:
                self.update_record(delivery=d)

    # -- photo -------------------------------------------------------------------------------------
    def capture_photo(self, source: FrameSource) -> PreparedPhoto:
        """Take a frame from the camera (or the file camera) and prepare it (blocking)."""
        prepared = prepare_frame(source.grab(), self.ctx.photo_spec)
        self._set_photo(prepared, "camera")
        return prepared

    def import_photo(self, data: bytes) -> PreparedPhoto:
        """An imported file or scan (JPEG/PNG; bombs and other formats are refused)."""
        prepared = prepare_photo(data, self.ctx.photo_spec)
        self._set_photo(prepared, "file")
        return prepared

    def _set_photo(self, prepared: PreparedPhoto, source: str) -> None:
        self.photo_jpeg = prepared.jpeg
        self.update_record(photo=PhotoInfo(source, hashlib.sha256(prepared.jpeg).hexdigest(),
                                           prepared.report.to_record(), prepared.cropped_to_face))
        self.note("photo", source=source,
                  failed=[c.code.value for c in prepared.report.checks if not c.passed])
        self.save()

    @property
    def photo_report(self) -> PhotoReport | None:
        photo = self.record.photo
        return PhotoReport.from_record(photo.report) if photo else None

    def override_photo(self, code: str, reason: str,
                       supervisor: SupervisorApproval | None) -> PhotoReport:
        """A failed check let through with a reason and a supervisor's authorisation (password
        and one-time code, checked and audited); recorded in the audit at once."""
        report, photo = self.photo_report, self.record.photo
        if report is None or photo is None:
            raise ValidationError("photo", QT_TR_NOOP("请先采集照片。"), code="PHOTO_MISSING")
        # the reason and the check first: a refusal there must not use up the supervisor's code
        report = report.override(code, reason, teller_id=self.ctx.teller, at=self.ctx.clock())
        if self.ctx.authorise is None:
            raise CounterError(QT_TR_NOOP("本机未配置主管授权，不能人工放行照片，请重新采集照片。"),
                               code="PHOTO_OVERRIDE_NO_AUTHORISER")
        approval = require_fields(supervisor, what=QT_TR_NOOP("人工放行照片"))
        who = self.ctx.authorise(approval, f"{PURPOSE_PHOTO_OVERRIDE}:{code}")
        self.update_record(photo=replace(photo, report=report.to_record()))
        self.note("photo_override", code=code)
        self.save()
        self.ctx.store.audit(self.ctx.teller, "application.photo_override",
                             draft_id=self.draft_id, check=code, reason=reason.strip(),
                             supervisor=who)
        return report

    def _check_photo(self) -> dict[str, str]:
        report = self.photo_report
        if report is None or self.photo_jpeg is None:
            return {"photo": QT_TR_NOOP("请拍照或导入申请人照片。")}
        if not report.ok:
            titles = listing([c.title_zh for c in report.failures])
            return {"photo": zh("照片未通过检查：{titles}。请重新采集，或对可放行的项目填写理由后放行。",
                                titles=titles)}
        return {}

    # -- the fee (工本费) ---------------------------------------------------------------------------
    @property
    def fee_due_fen(self) -> int:
        """What is taken at this counter for this application (0: free, or no fee desk)."""
        return self.record.fee.fen if self.ctx.fees is not None else 0

    def update_fee_payment(self, method: str, reference: str) -> dict[str, str]:
        """How the person pays the fee (cash, or a transfer with its reference)."""
        if self.record.fee.receipt_no:
            return {}  # already recorded: nothing to change
        paid = replace(self.record.fee, method=method.strip(), reference=reference.strip())
        if paid != self.record.fee:
            self.update_record(fee=paid)
            self.save()
        return fee.payment_errors(self.ctx.fees, self.record)

    def _collect_fee(self) -> None:
        fees, f = self.ctx.fees, self.record.fee
        assert fees is not None
        try:
            made = fees.collect(FeeQuote("application", f.fen, f.basis_zh), f.method, f.reference,
                                self.record.submission.op_id)
        except CounterError as exc:  # the application stands; the day-end lists the fee missing
            self.update_record(fee=replace(f, problem_zh=exc.message_zh))
            self.note("fee_not_recorded", code=exc.code)
        else:
            if made is not None:
                self.update_record(fee=replace(f, receipt_no=made.receipt_no, method=made.method,
                                               reference=made.reference, problem_zh=""))
                self.note("fee_collected", method=made.method)
        self.save()

    def retry_fee(self) -> ApplicationFee:
        """Record the fee again after a failure (e.g. the session was closed meanwhile)."""
        fees = self.ctx.fees
        if fees is None or self.step is not Step.DONE or not self.record.submission.op_id:
            raise CounterError(QT_TR_NOOP("本笔申领尚未受理，不能登记收费。"), code="NOT_ACCEPTED")
        if self.fee_due_fen and not self.record.fee.receipt_no:
            fees.ready()
            self._collect_fee()
            if self.record.fee.problem_zh:
                raise CounterError(self.record.fee.problem_zh, code="FEE_NOT_RECORDED")
        return self.record.fee

    def fee_receipt(self) -> bytes:
        """The fee receipt (工本费收据) of this application as PDF bytes."""
        if self.ctx.fees is None or not self.record.fee.receipt_no:
            raise CounterError(QT_TR_NOOP("本笔业务没有收费记录，不能打印收据。"), code="NO_FEE_RECEIPT")
        return self.ctx.fees.receipt(self.record.fee.receipt_no, payer_name=self.record.applicant.name,
                                     id_number=self.id_number, basis_zh=self.record.fee.basis_zh)

    # -- submit and documents ----------------------------------------------------------------------
    def submit(self) -> submission.SubmitOutcome:
        """Submit, then take the fee in the teller's session when one is due: refused before
        anything is sent when a fee is due and no session is open (FEE_NEEDS_SESSION); a
        collection that fails after the acceptance leaves the application accepted, the
        reason on the record and a fee_missing difference at the day-end."""
        fees = self.ctx.fees
        if fees is not None and self.fee_due_fen and self.step is not Step.DONE:
            errors = fee.payment_errors(fees, self.record)
            if errors:  # how it is paid is on the review step itself
                raise StepInvalid(errors)
            fees.ready()
        outcome = submission.submit(self)
        if fees is not None and self.fee_due_fen and not self.record.fee.receipt_no:
            self._collect_fee()
        return outcome

    def request(self) -> ApplicationRequest:
        return submission.build_request(self)

    def documents(self) -> Documents:
        app = self.ctx.store.by_draft(self.draft_id)
        if app is None:
            raise CounterError(QT_TR_NOOP("申领尚未受理，不能打印。"), code="NOT_ACCEPTED")
        return render_documents(self.ctx, app)

    def record_document_output(self, application_no: str, document: str, how: str) -> None:
        self.ctx.store.audit(self.ctx.teller, "application.document_output",
                             application_no=application_no, document=document, how=how)


def _take(section: Any, values: dict[str, str], allowed: set[str]) -> Any:
    return replace(section, **{k: v for k, v in values.items() if k in allowed})

