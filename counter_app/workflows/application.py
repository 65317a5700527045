"""The card application (申领) as a Qt-free step machine with a persisted journal.

Steps (named, in order; some only apply to some applicants)::

    identify → eligibility → materials → applicant → [guardian] → [delivery] → photo → review → done

- ``next()`` validates the current step and moves on; ``back()`` returns without losing
  anything; every change is saved to an encrypted draft with a journal entry, so a crash,
  an idle lock or a restart loses nothing and the draft is offered again.
- The central is asked about eligibility and existing cards; a person with a card or an
  application on file is routed to the business that fits, never allowed to apply twice.
- Submitting goes to the central at once when the line is up; when it is down and the
  business allows it (central production, within the staleness limits) the application is
  accepted locally and queued in the outbox, and the teller is told which happened.
- The application form and the receipt are PDF bytes from ``printing``.

Methods that do I/O (reading the ID card, the central, the photo pipeline, the store) are
plain blocking calls; the UI runs them off its thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from counter_app.central.api import ApplicationRequest, CentralApi
from counter_app.central.errors import (
    CentralError,
    CentralRefusal,
    CentralTimeoutError,
    LineDownError,
)
from counter_app.central.sync import (
    LineState,
    NewWorkRefused,
    StalenessLimits,
    SyncStatus,
    check_new_work,
)
from counter_app.devices.idcard import IdCardData, IdCardReader
from counter_app.devices.photo import FrameSource, PreparedPhoto, prepare_frame, prepare_photo
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.identity import age_on, id_birth_date, id_region, id_sex, validate_id_number
from counter_app.domain.photo import PhotoReport, PhotoSpec
from counter_app.printing import (
    Applicant,
    ApplicationFormData,
    BranchInfo,
    Delivery,
    DeliveryMode,
    Guardian,
    ReceiptData,
    application_next_steps,
    mask_id_number,
    mask_name,
    render_application_form,
    render_business_receipt,
)
from counter_app.store.applications import Acceptance, ApplicationStore, StoredApplication
from counter_app.workflows.application_rules import (
    ADULT_AGE,
    NATIONS,
    PROOF_DOCUMENTS,
    RELATIONSHIPS,
    Material,
    Route,
    materials_for,
    route_for_application,
    route_for_card,
    validate_address,
    validate_choice,
    validate_name,
    validate_phone,
)

log = logging.getLogger(__name__)

OPERATION = "applications.submit"
LINE_ERRORS = (LineDownError, CentralTimeoutError)


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    ELIGIBILITY = "eligibility"
    MATERIALS = "materials"
    APPLICANT = "applicant"
    GUARDIAN = "guardian"
    DELIVERY = "delivery"
    PHOTO = "photo"
    REVIEW = "review"
    DONE = "done"


STEP_TITLES_ZH: dict[Step, str] = {
    Step.IDENTIFY: "读取身份证",
    Step.ELIGIBILITY: "资格核验",
    Step.MATERIALS: "材料核对",
    Step.APPLICANT: "申请人信息",
    Step.GUARDIAN: "监护人信息",
    Step.DELIVERY: "领卡方式",
    Step.PHOTO: "照片采集",
    Step.REVIEW: "核对提交",
    Step.DONE: "打印单据",
}


class StepInvalid(ValidationError):
    """The current step cannot be left forward: ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        first = next(iter(self.errors.values()), "请完成本步骤后继续。")
        super().__init__(next(iter(self.errors), "step"), first, code="STEP_INVALID")


class ApplicationBlocked(CounterError):
    """The person may not apply (not entitled, or routed to another business)."""

    code = "APPLICATION_BLOCKED"

    def __init__(self, message_zh: str, *, code: str = "APPLICATION_BLOCKED",
                 route: Route | None = None) -> None:
        self.route = route
        super().__init__(message_zh, code=code)


@dataclass(frozen=True)
class SubmitOutcome:
    application: StoredApplication
    deferred: bool
    message_zh: str


@dataclass(frozen=True)
class Documents:
    application_no: str
    form_pdf: bytes
    receipt_pdf: bytes


@dataclass
class ApplicationContext:
    """Everything the workflow talks to, built by the composition root (or a test)."""

    branch: BranchInfo
    branch_code: str
    bank_code: str
    counter_id: str
    teller: str
    central: CentralApi
    store: ApplicationStore
    id_reader: IdCardReader | None = None
    photo_spec: PhotoSpec = field(default_factory=PhotoSpec)
    limits: StalenessLimits = field(default_factory=StalenessLimits)
    sync_status: Callable[[], SyncStatus] | None = None
    free_disk_mb: Callable[[], float] = lambda: 1e9
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    wake_sync: Callable[[], None] = lambda: None

    @property
    def instant_issue(self) -> bool:
        return self.branch.instant_issue


def _today(ctx: ApplicationContext) -> dt.date:
    return ctx.clock().astimezone(CHINA_TIME).date()


class ApplicationWorkflow:
    """One applicant's application, from the ID card to the printed documents."""

    def __init__(self, ctx: ApplicationContext, state: dict[str, Any] | None = None,
                 photo: bytes | None = None) -> None:
        self.ctx = ctx
        self.photo_jpeg = photo
        self.state: dict[str, Any] = state or {
            "draft_id": str(uuid.uuid4()),
            "teller": ctx.teller,
            "started_at": ctx.clock().isoformat(),
            "step": Step.IDENTIFY.value,
            "identity": {},
            "eligibility": {},
            "materials": {"checked": []},
            "applicant": {},
            "guardian": {},
            "delivery": {},
            "photo": {},
            "submission": {},
            "journal": [],
        }
        if state is None:
            self._journal("started")

    # -- lifecycle ---------------------------------------------------------------------------------
    @classmethod
    def resume(cls, ctx: ApplicationContext, draft_id: str) -> ApplicationWorkflow:
        stored = ctx.store.load_draft(draft_id)
        if stored is None or stored.status == "discarded":
            raise CounterError("找不到该业务草稿，可能已被处理或放弃。", code="DRAFT_NOT_FOUND")
        wf = cls(ctx, stored.data, stored.photo)
        if stored.status == "submitted":
            app = ctx.store.by_draft(draft_id)
            if app is not None:
                wf.state["submission"].update(application_no=app.application_no, status=app.status)
                wf.state["step"] = Step.DONE.value
        wf._journal("resumed", by=ctx.teller)
        wf.save()
        return wf

    @property
    def draft_id(self) -> str:
        return str(self.state["draft_id"])

    @property
    def step(self) -> Step:
        return Step(self.state["step"])

    def save(self) -> None:
        """Persist the draft (after every change)."""
        self.state["label"] = self._label()
        self.ctx.store.save_draft(
            self.draft_id, teller=self.ctx.teller, step=self.step.value, data=self.state,
            photo=self.photo_jpeg, id_number=self.id_number or None)

    def discard(self, reason: str) -> None:
        self._journal("discarded")
        self.save()
        self.ctx.store.discard_draft(self.draft_id, actor=self.ctx.teller, reason=reason)

    def _label(self) -> str:
        name = self.state["applicant"].get("name") or self.state["identity"].get("name") or ""
        who = mask_name(name) if name else "（尚未录入申请人）"
        return f"{who} · {STEP_TITLES_ZH[self.step]}"

    def _journal(self, event: str, **detail: Any) -> None:
        # the journal is encrypted with the draft; keep it to events and codes all the same
        self.state["journal"].append({"at": self.ctx.clock().isoformat(),
                                      "step": self.state["step"], "event": event, **detail})

    @property
    def journal(self) -> list[dict[str, Any]]:
        return list(self.state["journal"])

    # -- facts ---------------------------------------------------------------------------------
    @property
    def id_number(self) -> str:
        return str(self.state["identity"].get("id_number") or "")

    @property
    def minor(self) -> bool:
        if not self.id_number:
            return False
        return age_on(self.id_number, _today(self.ctx)) < ADULT_AGE

    @property
    def online(self) -> bool:
        return bool(self.state["eligibility"].get("online", True))

    @property
    def making_mode(self) -> str:
        """INSTANT at an instant-issue branch with the line up; FACTORY otherwise."""
        forced = self.state["eligibility"].get("making_mode")
        if forced:
            return str(forced)
        return "INSTANT" if self.ctx.instant_issue else "FACTORY"

    @property
    def deferred_expected(self) -> bool:
        return not self.online

    def materials(self) -> tuple[Material, ...]:
        local = bool(self.state["eligibility"].get("local", True))
        return materials_for(minor=self.minor, local=local)

    def steps(self) -> list[Step]:
        """The steps that apply to this applicant, in order."""
        out = [Step.IDENTIFY, Step.ELIGIBILITY, Step.MATERIALS, Step.APPLICANT]
        if self.minor:
            out.append(Step.GUARDIAN)
        if self.making_mode == "FACTORY":
            out.append(Step.DELIVERY)
        out += [Step.PHOTO, Step.REVIEW, Step.DONE]
        return out

    def step_states(self) -> list[tuple[Step, str, str]]:
        """(step, title, "done" | "current" | "todo") for the visible list of steps."""
        steps = self.steps()
        here = steps.index(self.step) if self.step in steps else 0
        return [(s, STEP_TITLES_ZH[s],
                 "current" if i == here else ("done" if i < here else "todo"))
                for i, s in enumerate(steps)]

    # -- navigation ------------------------------------------------------------------------------
    def validate(self, step: Step | None = None) -> dict[str, str]:
        """Errors that keep the step from being left forward (field → message)."""
        step = step or self.step
        check = getattr(self, f"_validate_{step.value}")
        errors: dict[str, str] = check()
        return errors

    def next(self) -> Step:
        if self.step in (Step.REVIEW, Step.DONE):
            raise StepInvalid({"step": "请点击“提交申领”。" if self.step is Step.REVIEW
                               else "本笔申领已完成。"})
        errors = self.validate()
        if errors:
            self._journal("invalid", fields=sorted(errors))
            self.save()
            raise StepInvalid(errors)
        steps = self.steps()
        self._journal("next")
        self.state["step"] = steps[steps.index(self.step) + 1].value
        self.save()
        return self.step

    def back(self) -> Step:
        steps = self.steps()
        here = steps.index(self.step)
        if self.step is Step.DONE or here == 0:
            return self.step
        target = steps[here - 1]
        self._journal("back")
        self.state["step"] = target.value
        self.save()
        return self.step

    def goto(self, step: Step) -> Step:
        """Jump back to an earlier step (the teller clicks it in the list)."""
        steps = self.steps()
        if step not in steps or steps.index(step) > steps.index(self.step) or self.step is Step.DONE:
            return self.step
        self._journal("goto", target=step.value)
        self.state["step"] = step.value
        self.save()
        return self.step

    # -- identify ----------------------------------------------------------------------------------
    def read_id_card(self) -> IdCardData:
        """Read the card on the ID reader (blocking) and take its fields."""
        if self.ctx.id_reader is None:
            raise CounterError("本柜台未配置身份证阅读器，请手工录入身份证号码。",
                               code="IDCARD_READER_MISSING")
        card = self.ctx.id_reader.read()
        number = validate_id_number(card.id_number, today=_today(self.ctx))
        if card.expired_on(_today(self.ctx)):
            raise ValidationError("id_number", "该身份证已过有效期，请申请人持有效证件办理。",
                                  code="IDCARD_EXPIRED")
        self._set_identity(number, "reader", {
            "name": card.name, "sex": card.sex, "nation": card.nation,
            "birth_date": card.birth_date.isoformat(), "address": card.address,
        })
        return card

    def set_id_number(self, typed: str) -> str:
        """The teller typed the number (no reader, a minor without an ID card, a broken reader)."""
        number = validate_id_number(typed, today=_today(self.ctx))
        if number != self.id_number or self.state["identity"].get("source") != "typed":
            self._set_identity(number, "typed", {})
        return number

    def _set_identity(self, number: str, source: str, card: dict[str, str]) -> None:
        changed = number != self.id_number
        self.state["identity"] = {"id_number": number, "source": source, **card}
        if changed:
            # a different person: nothing of the previous one may leak into this application
            self.state.update(eligibility={}, materials={"checked": []}, applicant={},
                              guardian={}, delivery={}, photo={}, submission={})
            self.photo_jpeg = None
        applicant = self.state["applicant"]
        for key in ("name", "sex", "nation", "address"):
            if card.get(key) and not applicant.get(key):
                applicant[key] = card[key]
        applicant["sex"] = id_sex(number)
        applicant["birth_date"] = id_birth_date(number).isoformat()
        self._journal("identified", source=source)
        self.save()

    def _validate_identify(self) -> dict[str, str]:
        if not self.id_number:
            return {"id_number": "请读取身份证，或手工录入身份证号码。"}
        return {}

    # -- eligibility -------------------------------------------------------------------------------
    def check_eligibility(self) -> dict[str, Any]:
        """Ask the central (blocking). Raises ApplicationBlocked when the person may not apply.

        With the line down: the local record is checked for an application already taken
        here, the staleness rules decide whether new deferrable work is allowed, and the
        application goes on as central production (the central re-checks on upload).
        """
        number = self.id_number
        if not number:
            raise StepInvalid({"id_number": "请先读取或录入身份证号码。"})
        result: dict[str, Any] = {"checked_at": self.ctx.clock().isoformat()}
        try:
            el = self.ctx.central.eligibility(number, self.ctx.bank_code)
            person = self.ctx.central.get_person(number)
        except LINE_ERRORS as exc:
            self._eligibility_offline(result, exc)
            return result
        except CentralRefusal as exc:
            if exc.code == "PERSON_NOT_FOUND":
                self._block("中心系统没有该身份证号码的人员登记，不能申领。请核对号码；"
                            "首次在宁波参保的人员须先办理参保登记。", "PERSON_NOT_FOUND")
            raise
        result.update(online=True, eligible=el.eligible, needs_guardian=el.needs_guardian,
                      local=person.local_household,
                      household=("本市户籍" if person.local_household
                                 else "非本市户籍（享受本市人社服务）"),
                      registered_guardian=bool(person.guardian_id_number),
                      reasons=[[r.code, r.message_zh] for r in el.reasons])
        self.state["eligibility"] = result
        applicant = self.state["applicant"]
        applicant["household"] = result["household"]
        # the central's register fills what a typed identity lacks (the teller checks it)
        for key, value in (("name", person.name), ("nation", _nation_name(person.nation))):
            if value and not applicant.get(key):
                applicant[key] = value
        codes = [r.code for r in el.reasons]
        self._journal("eligibility", online=True, eligible=el.eligible, reasons=codes)
        self.save()
        if "NOT_ENTITLED" in codes:
            self._block(dict(result["reasons"])["NOT_ENTITLED"]
                        + "如已在宁波参保或办理居住证，请核实后再来办理。", "NOT_ENTITLED")
        if "ALREADY_HAS_CARD" in codes:
            self._route_card(number)
        if "APPLICATION_IN_PROGRESS" in codes:
            apps = [a for a in self.ctx.central.person_applications(number)
                    if a.application_id == el.open_application_id]
            route = (route_for_application(apps[0].state_zh, apps[0].state) if apps else
                     route_for_application("进行中", "DATA_ENTRY"))
            self._block(route.message_zh, "APPLICATION_IN_PROGRESS", route)
        if not el.eligible:
            self._block("；".join(m for _c, m in result["reasons"]), codes[0] if codes else "")
        return result

    def _route_card(self, number: str) -> None:
        cards = self.ctx.central.person_cards(number)
        usable = [c for c in cards if c.card_state in ("ACTIVE", "PENDING_ACTIVATION", "SEALED")]
        card = usable[-1] if usable else cards[-1]
        masked = card.card_no[:2] + "****" + card.card_no[-3:]
        route = route_for_card(card.card_state, card.social_state, card.financial_state,
                               card.damaged, masked)
        self._block(route.message_zh, "ALREADY_HAS_CARD", route)

    def _eligibility_offline(self, result: dict[str, Any], exc: CentralError) -> None:
        local = self.ctx.store.latest_application_for(self.id_number)
        if local is not None:
            self._block(f"本柜台已受理过该申请人的申领（{local.application_no}），不能重复申领。",
                        "APPLICATION_IN_PROGRESS",
                        Route("central_production", "集中制卡", "请在“集中制卡”中查询进度。"))
        status = self._offline_status()
        try:
            check_new_work("application_factory", status, self.ctx.limits,
                           free_disk_mb=self.ctx.free_disk_mb(), now=self.ctx.clock())
        except NewWorkRefused as refused:
            self._journal("eligibility", online=False, refused=refused.code)
            self.save()
            raise
        making = "FACTORY"
        note = ("专线中断，暂时无法向中心核验资格。本笔申领可先受理、暂存待上传，线路恢复后自动提交，"
                "中心核验不通过时将电话通知申请人。")
        if self.ctx.instant_issue:
            note += "本网点暂不能即时制卡，本笔改为集中制卡（网点领取或EMS邮寄）。"
        result.update(online=False, eligible=True, needs_guardian=self.minor, local=True,
                      household=self.state["applicant"].get("household") or "待中心核验",
                      reasons=[], line_error=exc.code, making_mode=making, notice=note)
        self.state["eligibility"] = result
        self.state["applicant"].setdefault("household", "待中心核验")
        self._journal("eligibility", online=False, error=exc.code)
        self.save()

    def _offline_status(self) -> SyncStatus:
        if self.ctx.sync_status is not None:
            status = self.ctx.sync_status()
            return replace(status, line_state=LineState.OFFLINE)
        now = self.ctx.clock()
        return SyncStatus(LineState.OFFLINE, None, 0, 0, None, now, None, None, now)

    def _block(self, message: str, code: str, route: Route | None = None) -> None:
        self.state["eligibility"]["blocked"] = {"code": code, "message": message,
                                                "route": asdict(route) if route else None}
        self._journal("blocked", code=code)
        self.save()
        raise ApplicationBlocked(message, code=code, route=route)

    @property
    def blocked(self) -> dict[str, Any] | None:
        return self.state["eligibility"].get("blocked")

    def _validate_eligibility(self) -> dict[str, str]:
        el = self.state["eligibility"]
        if not el:
            return {"eligibility": "尚未核验申领资格，请稍候或点击“重新核验”。"}
        if el.get("blocked"):
            return {"eligibility": el["blocked"]["message"]}
        return {}

    # -- materials ----------------------------------------------------------------------------------
    def set_materials(self, checked: Iterable[str]) -> None:
        known = {m.code for m in self.materials()}
        self.state["materials"]["checked"] = sorted(set(checked) & known)
        self._journal("materials", checked=len(self.state["materials"]["checked"]))
        self.save()

    def missing_materials(self) -> list[Material]:
        checked = set(self.state["materials"].get("checked", ()))
        return [m for m in self.materials() if m.code not in checked]

    def _validate_materials(self) -> dict[str, str]:
        missing = self.missing_materials()
        if missing:
            names = "、".join(m.title_zh for m in missing)
            return {"materials": f"还缺少：{names}。请一次性告知申请人补齐后再办理。"}
        return {}

    # -- applicant ----------------------------------------------------------------------------------
    def update_applicant(self, **values: str) -> dict[str, str]:
        """Store what was typed (always, even if invalid) and return the field errors."""
        allowed = {"name", "nation", "address", "phone"}
        for key, value in values.items():
            if key in allowed:
                self.state["applicant"][key] = value
        self.save()
        return {k: v for k, v in self._validate_applicant().items() if k in values}

    def _validate_applicant(self) -> dict[str, str]:
        a = self.state["applicant"]
        errors: dict[str, str] = {}
        checks: list[tuple[str, Callable[[], str]]] = [
            ("name", lambda: validate_name(a.get("name", ""))),
            ("nation", lambda: validate_choice(a.get("nation", ""), NATIONS, "nation", "民族")),
            ("address", lambda: validate_address(a.get("address", ""))),
            ("phone", lambda: validate_phone(a.get("phone", ""))),
        ]
        for key, check in checks:
            try:
                a[key] = check()
            except ValidationError as exc:
                errors[key] = exc.message_zh
        return errors

    # -- guardian -----------------------------------------------------------------------------------
    def update_guardian(self, **values: str) -> dict[str, str]:
        allowed = {"name", "id_number", "relationship", "phone", "proof_document"}
        self.state["submission"].pop("field_error", None)  # the teller is fixing it
        for key, value in values.items():
            if key in allowed:
                self.state["guardian"][key] = value
        self.save()
        return {k: v for k, v in self._validate_guardian().items() if k in values}

    def _validate_guardian(self) -> dict[str, str]:
        if not self.minor:
            return {}
        g = self.state["guardian"]
        errors: dict[str, str] = {}
        try:
            g["name"] = validate_name(g.get("name", ""), "guardian_name")
        except ValidationError as exc:
            errors["name"] = exc.message_zh
        try:
            number = validate_id_number(g.get("id_number", ""), today=_today(self.ctx))
            g["id_number"] = number
            if number == self.id_number:
                errors["id_number"] = "监护人不能是申请人本人。"
            elif age_on(number, _today(self.ctx)) < ADULT_AGE:
                errors["id_number"] = "监护人须年满18周岁。"
        except ValidationError as exc:
            errors["id_number"] = exc.message_zh
        for key, options, what in (("relationship", RELATIONSHIPS, "与申请人关系"),
                                   ("proof_document", PROOF_DOCUMENTS, "监护关系证明")):
            try:
                g[key] = validate_choice(g.get(key, ""), options, key, what)
            except ValidationError as exc:
                errors[key] = exc.message_zh
        try:
            g["phone"] = validate_phone(g.get("phone", ""))
        except ValidationError as exc:
            errors["phone"] = exc.message_zh
        return errors

    # -- delivery -----------------------------------------------------------------------------------
    def update_delivery(self, **values: str) -> dict[str, str]:
        allowed = {"mode", "address", "recipient", "phone"}
        self.state["submission"].pop("field_error", None)
        for key, value in values.items():
            if key in allowed:
                self.state["delivery"][key] = value
        self.save()
        return {k: v for k, v in self._validate_delivery().items() if k in values}

    def delivery_mode(self) -> DeliveryMode:
        if self.making_mode == "INSTANT":
            return DeliveryMode.INSTANT
        mode = self.state["delivery"].get("mode") or DeliveryMode.BRANCH_PICKUP.value
        return DeliveryMode(mode)

    def _validate_delivery(self) -> dict[str, str]:
        if self.making_mode == "INSTANT":
            return {}
        d = self.state["delivery"]
        mode = d.get("mode") or DeliveryMode.BRANCH_PICKUP.value
        d["mode"] = mode
        if mode not in (DeliveryMode.BRANCH_PICKUP.value, DeliveryMode.EMS.value):
            return {"mode": "请选择领卡方式。"}
        if mode != DeliveryMode.EMS.value:
            return {}
        errors: dict[str, str] = {}
        try:
            d["address"] = validate_address(d.get("address", ""), "ems_address")
        except ValidationError as exc:
            errors["address"] = exc.message_zh
        try:
            d["recipient"] = validate_name(d.get("recipient", ""), "recipient")
        except ValidationError as exc:
            errors["recipient"] = "收件人：" + exc.message_zh
        try:
            d["phone"] = validate_phone(d.get("phone", ""))
        except ValidationError as exc:
            errors["phone"] = exc.message_zh
        return errors

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
        self.state["photo"] = {"source": source, "report": prepared.report.to_record(),
                               "sha256": hashlib.sha256(prepared.jpeg).hexdigest(),
                               "cropped_to_face": prepared.cropped_to_face}
        self._journal("photo", source=source,
                      failed=[c.code.value for c in prepared.report.checks if not c.passed])
        self.save()

    @property
    def photo_report(self) -> PhotoReport | None:
        record = self.state["photo"].get("report")
        return PhotoReport.from_record(record) if record else None

    def override_photo(self, code: str, reason: str) -> PhotoReport:
        """The teller accepts a failed check with a reason; recorded in the audit at once."""
        report = self.photo_report
        if report is None:
            raise ValidationError("photo", "请先采集照片。", code="PHOTO_MISSING")
        report = report.override(code, reason, teller_id=self.ctx.teller, at=self.ctx.clock())
        self.state["photo"]["report"] = report.to_record()
        self._journal("photo_override", code=code)
        self.save()
        self.ctx.store.audit(self.ctx.teller, "application.photo_override",
                             draft_id=self.draft_id, check=code, reason=reason.strip())
        return report

    def _validate_photo(self) -> dict[str, str]:
        report = self.photo_report
        if report is None or self.photo_jpeg is None:
            return {"photo": "请拍照或导入申请人照片。"}
        if not report.ok:
            titles = "、".join(c.title_zh for c in report.failures)
            return {"photo": f"照片未通过检查：{titles}。请重新采集，或对可放行的项目填写理由后放行。"}
        return {}

    # -- review and submit -----------------------------------------------------------------------
    def _validate_review(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for step in self.steps():
            if step in (Step.REVIEW, Step.DONE):
                continue
            for key, message in self.validate(step).items():
                errors[f"{step.value}.{key}"] = message
        return errors

    def _validate_done(self) -> dict[str, str]:
        return {}

    def first_invalid_step(self) -> Step | None:
        for step in self.steps():
            if step in (Step.REVIEW, Step.DONE):
                return None
            if self.validate(step):
                return step
        return None

    def request(self) -> ApplicationRequest:
        delivery = self.delivery_mode()
        collection = "EMS" if delivery is DeliveryMode.EMS else "BRANCH"
        return ApplicationRequest(
            id_number=self.id_number, bank_code=self.ctx.bank_code,
            branch_code=self.ctx.branch_code, making_mode=self.making_mode,  # type: ignore[arg-type]
            photo_sha256=str(self.state["photo"].get("sha256", "")), collection=collection,
            guardian_id_number=self.state["guardian"].get("id_number") if self.minor else None,
            ems_address=self.state["delivery"].get("address") if collection == "EMS" else None,
        )

    def submit(self) -> SubmitOutcome:
        """Submit (blocking): to the central now, or queued when the line is down.

        Raises StepInvalid (what to fix, and the step is moved there), ApplicationBlocked,
        or CentralRefusal (the central's own reason; the draft is kept as typed).
        """
        if self.step is Step.DONE:
            app = self.ctx.store.by_draft(self.draft_id)
            assert app is not None
            return SubmitOutcome(app, app.status != "submitted", "本笔申领已受理。")
        bad = self.first_invalid_step()
        if bad is not None:
            errors = self.validate(bad)
            self.state["step"] = bad.value
            self.save()
            raise StepInvalid(errors)
        sub = self.state["submission"]
        if not sub.get("op_id"):
            sub["op_id"] = str(uuid.uuid4())
        request = self.request()
        payload = asdict(request)
        sub["payload_sha"] = hashlib.sha256(repr(sorted(payload.items())).encode()).hexdigest()
        self._journal("submitting", making_mode=request.making_mode)
        self.save()
        response: dict[str, Any] | None = None
        message: str
        if self.online:
            try:
                app = self.ctx.central.submit_application(request, idempotency_key=sub["op_id"])
                response = _jsonable(asdict(app))
                message = f"已提交中心系统，中心受理号 {app.application_id}。"
            except CentralRefusal as exc:
                sub["op_id"] = ""  # the central stored its refusal under that key: fix, then a new key
                self._journal("refused", code=exc.code)
                self._refusal_to_step(exc)
                self.save()
                raise
            except LINE_ERRORS as exc:
                if request.making_mode == "INSTANT" and isinstance(exc, LineDownError):
                    # nothing reached the central: switch to central production, let the
                    # teller choose how the card is collected, keep everything typed
                    self.state["eligibility"].update(
                        making_mode="FACTORY", online=False, line_error=exc.code,
                        notice="专线中断，无法即时制卡：本笔已改为集中制卡并将暂存待上传，"
                               "请选择领卡方式后重新提交。")
                    sub["op_id"] = ""
                    self.state["step"] = Step.DELIVERY.value
                    self._journal("line_down_switch_to_factory", error=exc.code)
                    self.save()
                    raise StepInvalid({"mode": self.state["eligibility"]["notice"]}) from exc
                self._check_deferrable()
                message = ("专线中断或中心无响应，申领已在本柜台受理并暂存，线路恢复后自动上传中心"
                           "（同一受理不会重复提交）。")
                self._journal("deferred", error=exc.code)
        else:
            self._check_deferrable()
            message = "专线中断，申领已在本柜台受理并暂存，线路恢复后自动上传中心。"
            self._journal("deferred", error=self.state["eligibility"].get("line_error", ""))
        accepted_at = self.ctx.clock()
        # the acceptance closes the draft in the same transaction; if it fails the draft
        # stays at the review step with its key, and submitting again is safe (the central
        # answers a replay with the stored result)
        stored = self.ctx.store.accept(Acceptance(
            draft_id=self.draft_id, teller=self.ctx.teller, id_number=self.id_number,
            branch_code=self.ctx.branch_code, counter_id=self.ctx.counter_id,
            making_mode=request.making_mode, collection=request.collection,
            op_id=sub["op_id"], operation=OPERATION, payload=payload,
            record=self._record(accepted_at), photo=self.photo_jpeg,
            audit=self._audit_detail(request), central_response=response,
            accepted_at=accepted_at))
        self.state["step"] = Step.DONE.value
        self._journal("accepted", deferred=response is None)
        sub.update(application_no=stored.application_no, status=stored.status,
                   deferred=response is None, message=message,
                   central_application_id=stored.central_application_id)
        if response is None:
            self.ctx.wake_sync()
        log.info("application accepted: deferred=%s mode=%s", response is None,
                 request.making_mode)
        return SubmitOutcome(stored, response is None, message)

    def _check_deferrable(self) -> None:
        # Only central production is deferrable; a timed-out instant request (which the
        # central may have committed) is kept as sent, under the same key, within the
        # same limits.
        check_new_work("application_factory", self._offline_status(), self.ctx.limits,
                       free_disk_mb=self.ctx.free_disk_mb(), now=self.ctx.clock())

    def _refusal_to_step(self, exc: CentralRefusal) -> None:
        where = {"GUARDIAN_MISMATCH": (Step.GUARDIAN, "id_number"),
                 "GUARDIAN_REQUIRED": (Step.GUARDIAN, "id_number"),
                 "EMS_ADDRESS_MISSING": (Step.DELIVERY, "address")}.get(exc.code)
        if where and where[0] in self.steps():
            self.state["step"] = where[0].value
            self.state["submission"]["field_error"] = {"step": where[0].value,
                                                       "field": where[1],
                                                       "message": exc.message_zh}

    def _audit_detail(self, request: ApplicationRequest) -> dict[str, Any]:
        report = self.photo_report
        return {
            "draft_id": self.draft_id,
            "making_mode": request.making_mode,
            "collection": request.collection,
            "identified_by": self.state["identity"].get("source"),
            "minor": self.minor,
            "photo_overrides": [{"check": o.code.value, "reason": o.reason}
                                for o in (report.overrides if report else ())],
        }

    def _record(self, accepted_at: dt.datetime) -> dict[str, Any]:
        return {
            "applicant": dict(self.state["applicant"]),
            "id_number": self.id_number,
            "guardian": dict(self.state["guardian"]) if self.minor else None,
            "delivery": {**self.state["delivery"], "mode": self.delivery_mode().value},
            "making_mode": self.making_mode,
            "accepted_at": accepted_at.isoformat(),
            "teller": self.ctx.teller,
        }

    # -- documents -----------------------------------------------------------------------------------
    def documents(self) -> Documents:
        app = self.ctx.store.by_draft(self.draft_id)
        if app is None:
            raise CounterError("申领尚未受理，不能打印。", code="NOT_ACCEPTED")
        return render_documents(self.ctx, app)


def warm_up(spec: PhotoSpec | None = None) -> None:
    """Load what the first photo and the first print would otherwise load while the teller
    waits (face cascades, the CJK font). Run in the background when the business opens."""
    import numpy as np

    from counter_app.printing import cjk_fonts

    with contextlib.suppress(CounterError):  # no font: printing explains it when asked
        cjk_fonts()
    prepare_frame(np.full((240, 200, 3), 255, np.uint8), spec or PhotoSpec())


def render_documents(ctx: ApplicationContext, app: StoredApplication) -> Documents:
    """The application form and the receipt of an accepted application (PDF bytes)."""
    r = app.record
    a = r["applicant"]
    applicant = Applicant(
        name=a["name"], id_number=r["id_number"], sex=a["sex"], nation=a["nation"],
        birth_date=dt.date.fromisoformat(a["birth_date"]), address=a["address"],
        phone=a["phone"], household=a.get("household", ""))
    d = r["delivery"]
    delivery = Delivery(mode=DeliveryMode(d["mode"]), address=d.get("address", "") or "",
                        recipient=d.get("recipient", "") or "", phone=d.get("phone", "") or "")
    g = r.get("guardian")
    guardian = (Guardian(name=g["name"], id_number=g["id_number"], relationship=g["relationship"],
                         phone=g["phone"], proof_document=g["proof_document"]) if g else None)
    pending = app.status != "submitted"
    accepted_at = dt.datetime.fromisoformat(r["accepted_at"]).astimezone(CHINA_TIME)
    form = render_application_form(ApplicationFormData(
        application_no=app.application_no, applicant=applicant, branch=ctx.branch,
        delivery=delivery, teller_id=r["teller"], accepted_at=accepted_at,
        photo_jpeg=app.photo, guardian=guardian, pending_sync=pending))
    details: list[tuple[str, str]] = [
        ("制卡方式", "即时制卡" if app.making_mode == "INSTANT" else "集中制卡"),
        ("领卡方式", delivery.label),
        ("发卡银行", ctx.branch.bank_name),
    ]
    if app.central_application_id:
        details.append(("中心受理号", app.central_application_id))
    if guardian is not None:
        details.append(("监护人", mask_name(guardian.name)))
    receipt = render_business_receipt(ReceiptData(
        application_no=app.application_no, business_type="社会保障卡申领",
        person_name=applicant.name, id_number=applicant.id_number, branch=ctx.branch,
        teller_id=r["teller"], accepted_at=accepted_at,
        next_steps=application_next_steps(ctx.branch, delivery, phone=applicant.phone),
        pending_sync=pending, details=tuple(details)))
    return Documents(app.application_no, form, receipt)


def _nation_name(nation: str) -> str:
    """The central may send a code ("01") or a name; the form wants the name."""
    if nation.isdigit():
        index = int(nation) - 1
        return NATIONS[index] if 0 <= index < 56 else ""
    return nation if nation.endswith("族") or nation in NATIONS else nation + "族"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def describe_id(number: str) -> str:
    """For the review page: region and masked number (never logged)."""
    return f"{mask_id_number(number)}（{id_region(number)}）"
