"""The application step machine with fakes for the central and the store (no I/O): steps per
applicant, next/back keeping input, validation, journal, deferral rules, refusals, idempotency."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from counter_app.central import api as A
from counter_app.central.errors import CentralRefusal, CentralTimeoutError, LineDownError
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus
from counter_app.devices.idcard import DEMO_ID_CARDS, NoIdCardError, SimulatedIdCardReader
from counter_app.domain.errors import CounterError
from counter_app.printing import BranchInfo
from counter_app.store.applications import Acceptance, StoredApplication
from counter_app.workflows.application import (
    ApplicationBlocked,
    ApplicationContext,
    ApplicationWorkflow,
    Step,
    StepInvalid,
)

NOW = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
ADULT = "330205199003011232"
MINOR = "330206201503091028"
GUARDIAN = "330203198506122017"
PORTRAIT = Path(__file__).resolve().parents[2] / "data" / "photos" / "portrait.jpg"


class FakeCentral:
    def __init__(self) -> None:
        self.down: type[Exception] | None = None
        self.refuse: CentralRefusal | None = None
        self.eligible = True
        self.reasons: list[A.Reason] = []
        self.submitted: list[tuple[A.ApplicationRequest, str]] = []

    def _line(self) -> None:
        if self.down is not None:
            raise self.down()

    def eligibility(self, id_number: str, bank_code: str | None = None) -> A.Eligibility:
        self._line()
        return A.Eligibility(id_number, self.eligible and not self.reasons, id_number == MINOR,
                             None, None, tuple(self.reasons))

    def get_person(self, id_number: str) -> A.Person:
        self._line()
        return A.Person(id_number, "王小雨" if id_number == MINOR else "张伟", "2", "01",
                        dt.date(2015, 3, 9), id_number[:6], True, False, id_number == MINOR,
                        GUARDIAN if id_number == MINOR else None, id_number)

    def person_cards(self, id_number: str) -> list[A.CardStatus]:
        return [A.CardStatus("NB0000016", id_number, "ICBC", "ACTIVE", "NORMAL", "NORMAL", False,
                             None, None, None, False, None)]

    def submit_application(self, request: A.ApplicationRequest, *,
                           idempotency_key: str) -> A.Application:
        self._line()
        self.submitted.append((request, idempotency_key))
        if self.refuse is not None:
            refusal, self.refuse = self.refuse, None
            raise refusal
        return A.Application(f"APP-{len(self.submitted)}", request.id_number, "NEW", "DATA_ENTRY",
                             "数据录入", request.making_mode, request.collection, request.bank_code,
                             request.branch_code, None, None, None, None, None, 0, NOW, NOW)


class FakeStore:
    """The ApplicationStore's contract, in memory."""

    def __init__(self) -> None:
        self.drafts: dict[str, dict[str, Any]] = {}
        self.accepted: dict[str, StoredApplication] = {}
        self.audits: list[tuple[str, dict[str, Any]]] = []
        self.fail_next_accept: Exception | None = None  # e.g. a full disk

    def save_draft(self, draft_id: str, *, teller: str, step: str, data: dict[str, Any],
                   photo: bytes | None, id_number: str | None) -> None:
        import json

        self.drafts[draft_id] = {"data": json.loads(json.dumps(data)), "photo": photo,
                                 "step": step, "status": "open"}

    def load_draft(self, draft_id: str) -> Any:
        from counter_app.store.applications import StoredDraft

        d = self.drafts.get(draft_id)
        return StoredDraft(draft_id, "T1", d["step"], d["status"], d["data"], d["photo"]) if d else None

    def discard_draft(self, draft_id: str, *, actor: str, reason: str) -> None:
        self.drafts[draft_id]["status"] = "discarded"
        self.audits.append(("application.draft_discarded", {"reason": reason}))

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        self.audits.append((action, detail))

    def latest_application_for(self, id_number: str) -> StoredApplication | None:
        return next((a for a in self.accepted.values() if a.record["id_number"] == id_number), None)

    def accept(self, a: Acceptance) -> StoredApplication:
        if self.fail_next_accept is not None:
            failure, self.fail_next_accept = self.fail_next_accept, None
            raise failure
        if a.draft_id in self.accepted:
            return self.accepted[a.draft_id]
        response = a.central_response or {}
        stored = StoredApplication(
            f"B-{len(self.accepted) + 1:04d}", a.draft_id,
            "pending_sync" if a.central_response is None else "submitted", a.op_id, a.making_mode,
            a.collection, response.get("application_id"), response.get("state"), a.record, a.photo,
            a.accepted_at)
        self.accepted[a.draft_id] = stored
        self.audits.append(("application.accepted", a.audit))
        return stored

    def by_draft(self, draft_id: str) -> StoredApplication | None:
        return self.accepted.get(draft_id)


def synced_recently() -> SyncStatus:
    return SyncStatus(LineState.ONLINE, 5.0, 0, 0, None, NOW - dt.timedelta(minutes=5), None, None,
                      NOW)


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral()


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


def context(central: FakeCentral, store: FakeStore, *, instant: bool = True,
            status: SyncStatus | None = None) -> ApplicationContext:
    return ApplicationContext(
        branch=BranchInfo("ICBC-NB-0101", "工商银行宁波鼓楼支行", "中国工商银行", instant),
        branch_code="ICBC-NB-0101", bank_code="ICBC", counter_id="03", teller="T1",
        central=central, store=store,  # type: ignore[arg-type]
        id_reader=SimulatedIdCardReader(DEMO_ID_CARDS[ADULT]),
        sync_status=lambda: status or synced_recently(), clock=lambda: NOW)


def to_photo(wf: ApplicationWorkflow) -> None:
    wf.set_materials(m.code for m in wf.materials())
    wf.next()
    wf.update_applicant(phone="13805740001", address=wf.record.applicant.address
                        or "浙江省宁波市江北区人民路132号")
    wf.next()
    if wf.step is Step.GUARDIAN:
        wf.update_guardian(name="李明", id_number=GUARDIAN, relationship="父亲",
                           proof_document="户口簿", phone="13805740001")
        wf.next()
    if wf.step is Step.DELIVERY:
        wf.update_delivery(mode="branch_pickup")
        wf.next()
    assert wf.step is Step.PHOTO


def with_photo(wf: ApplicationWorkflow) -> None:
    wf.import_photo(PORTRAIT.read_bytes())
    wf.next()
    assert wf.step is Step.REVIEW


def started(ctx: ApplicationContext, id_number: str = ADULT) -> ApplicationWorkflow:
    wf = ApplicationWorkflow(ctx)
    wf.set_id_number(id_number)
    wf.next()
    wf.check_eligibility()
    wf.next()
    return wf


def test_steps_depend_on_the_applicant_and_the_branch(central, store) -> None:
    adult_instant = ApplicationWorkflow(context(central, store))
    adult_instant.set_id_number(ADULT)
    assert Step.GUARDIAN not in adult_instant.steps() and Step.DELIVERY not in adult_instant.steps()
    minor_factory = ApplicationWorkflow(context(central, store, instant=False))
    minor_factory.set_id_number(MINOR)
    assert minor_factory.minor
    assert Step.GUARDIAN in minor_factory.steps() and Step.DELIVERY in minor_factory.steps()
    states = {s.key: s.state for s in minor_factory.step_states()}
    assert states[Step.IDENTIFY] == "current" and states[Step.REVIEW] == "todo"


def test_the_id_reader_fills_the_form_and_a_missing_card_is_explained(central, store) -> None:
    ctx = context(central, store)
    wf = ApplicationWorkflow(ctx)
    wf.read_id_card()
    assert wf.record.applicant.name == "张伟" and wf.record.applicant.sex == "1"
    assert wf.record.applicant.birth_date == "1990-03-01"
    ctx.id_reader.remove()  # type: ignore[union-attr]
    with pytest.raises(NoIdCardError):
        wf.read_id_card()


def test_an_expired_id_card_is_refused(central, store) -> None:
    ctx = context(central, store)
    ctx.id_reader.place(replace(DEMO_ID_CARDS[ADULT], valid_until=dt.date(2025, 1, 1)))  # type: ignore[union-attr]
    with pytest.raises(Exception, match="有效期"):
        ApplicationWorkflow(ctx).read_id_card()


def test_a_wrong_check_digit_is_refused_before_anything_is_asked(central, store) -> None:
    wf = ApplicationWorkflow(context(central, store))
    with pytest.raises(Exception, match="校验位"):
        wf.set_id_number("330205199003011233")
    with pytest.raises(StepInvalid):
        wf.next()


def test_back_keeps_what_was_typed_and_next_validates(central, store) -> None:
    wf = started(context(central, store))
    wf.set_materials(m.code for m in wf.materials())
    wf.next()
    errors = wf.update_applicant(phone="12345", address="浙江省宁波市江北区人民路132号")
    assert "phone" in errors
    with pytest.raises(StepInvalid) as invalid:
        wf.next()
    assert set(invalid.value.errors) == {"phone"}
    wf.back()
    assert wf.step is Step.MATERIALS
    wf.next()
    assert wf.record.applicant.phone == "12345"
    events = [e.event for e in wf.journal]
    assert events[:2] == ["started", "identified"] and "invalid" in events and "back" in events


def test_a_new_identity_clears_everything_of_the_previous_person(central, store) -> None:
    wf = started(context(central, store))
    wf.set_materials(m.code for m in wf.materials())
    wf.update_applicant(phone="13805740001")
    wf.set_id_number(MINOR)
    assert wf.record.applicant.phone == "" and wf.record.checked_materials == ()
    assert wf.record.eligibility is None


def test_online_submit_uses_one_key_and_is_not_doubled(central, store) -> None:
    wf = started(context(central, store))
    to_photo(wf)
    with_photo(wf)
    outcome = wf.submit()
    assert not outcome.deferred and outcome.application.central_application_id == "APP-1"
    request, key = central.submitted[0]
    assert request.making_mode == "INSTANT" and request.collection == "BRANCH"
    assert key == outcome.application.op_id
    again = wf.submit()  # a double click after success: nothing sent twice
    assert again.application is outcome.application and len(central.submitted) == 1


def test_a_timeout_on_submit_keeps_the_same_key_and_defers(central, store) -> None:
    wf = started(context(central, store, instant=False))
    to_photo(wf)
    with_photo(wf)
    central.down = CentralTimeoutError
    outcome = wf.submit()
    assert outcome.deferred and outcome.application.status == "pending_sync"
    assert store.accepted[wf.draft_id].op_id == wf.record.submission.op_id


def test_the_line_down_at_eligibility_means_central_production_deferred(central, store) -> None:
    central.down = LineDownError
    wf = started(context(central, store, instant=True))
    assert wf.making_mode == "FACTORY" and Step.DELIVERY in wf.steps()
    assert "暂存" in wf.record.eligibility.notice
    wf.update_applicant(name="张伟", nation="汉族")
    to_photo(wf)
    with_photo(wf)
    outcome = wf.submit()
    assert outcome.deferred and central.submitted == []
    # the same person again at this counter while offline: refused
    again = ApplicationWorkflow(context(central, store))
    again.set_id_number(ADULT)
    again.next()
    with pytest.raises(ApplicationBlocked):
        again.check_eligibility()


def test_staleness_rules_refuse_deferring_with_their_own_message(central, store) -> None:
    central.down = LineDownError
    never = SyncStatus(LineState.OFFLINE, None, 0, 0, None, None, None, None, NOW)
    wf = ApplicationWorkflow(context(central, store, status=never))
    wf.set_id_number(ADULT)
    wf.next()
    with pytest.raises(NewWorkRefused) as refused:
        wf.check_eligibility()
    assert refused.value.code == "STALE_NO_RECENT_SYNC"
    backlog = replace(synced_recently(), outbox_depth=500)
    wf2 = ApplicationWorkflow(context(central, store, status=backlog))
    wf2.set_id_number(ADULT)
    with pytest.raises(NewWorkRefused) as too_many:
        wf2.check_eligibility()
    assert too_many.value.code == "STALE_TOO_MANY_UNSENT"


def test_a_refusal_sends_the_teller_to_the_field_and_the_retry_uses_a_new_key(central,
                                                                              store) -> None:
    wf = started(context(central, store, instant=False), MINOR)
    to_photo(wf)
    with_photo(wf)
    central.refuse = CentralRefusal(409, "GUARDIAN_MISMATCH", "监护人与中心登记的监护关系不符")
    with pytest.raises(CentralRefusal):
        wf.submit()
    assert wf.step is Step.GUARDIAN
    assert wf.record.submission.field_error.field == "id_number"
    first_key = central.submitted[0][1]
    wf.next()
    wf.next()
    wf.next()
    wf.submit()
    assert central.submitted[1][1] != first_key


def test_not_entitled_and_card_holders_are_blocked_with_a_route(central, store) -> None:
    central.reasons = [A.Reason("NOT_ENTITLED", "非宁波户籍且未在宁波参保，不符合申领条件。")]
    wf = ApplicationWorkflow(context(central, store))
    wf.set_id_number(ADULT)
    with pytest.raises(ApplicationBlocked) as blocked:
        wf.check_eligibility()
    assert blocked.value.code == "NOT_ENTITLED" and blocked.value.route is None
    central.reasons = [A.Reason("ALREADY_HAS_CARD", "已有社保卡")]
    wf2 = ApplicationWorkflow(context(central, store))
    wf2.set_id_number(GUARDIAN)
    with pytest.raises(ApplicationBlocked) as routed:
        wf2.check_eligibility()
    assert routed.value.route is not None and routed.value.route.business == "card_services"
    assert wf2.validate(Step.ELIGIBILITY)


def test_submit_with_an_invalid_earlier_step_moves_there(central, store) -> None:
    wf = started(context(central, store))
    to_photo(wf)
    with_photo(wf)
    wf.update_applicant(phone="bad")
    with pytest.raises(StepInvalid):
        wf.submit()
    assert wf.step is Step.APPLICANT and central.submitted == []


def test_a_draft_resumes_with_its_photo_and_journal(central, store) -> None:
    ctx = context(central, store)
    wf = started(ctx)
    to_photo(wf)
    wf.import_photo(PORTRAIT.read_bytes())
    resumed = ApplicationWorkflow.resume(ctx, wf.draft_id)
    assert resumed.step is Step.PHOTO and resumed.photo_jpeg == wf.photo_jpeg
    assert resumed.photo_report is not None and resumed.photo_report.ok
    assert resumed.journal[-1].event == "resumed"


def test_documents_for_a_deferred_application_say_pending(central, store) -> None:
    from pypdf import PdfReader

    central.down = LineDownError
    wf = started(context(central, store, instant=False))
    wf.update_applicant(name="张伟", nation="汉族")
    to_photo(wf)
    with_photo(wf)
    wf.submit()
    docs = wf.documents()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(docs.receipt_pdf)).pages)
    assert "待上传" in text and docs.application_no in text


def test_a_failed_local_write_after_the_central_accepted_is_retried_with_the_same_key(
        central, store) -> None:
    from counter_app.store.database import StoreFullError

    wf = started(context(central, store))
    to_photo(wf)
    with_photo(wf)
    store.fail_next_accept = StoreFullError("磁盘已满")
    with pytest.raises(StoreFullError):
        wf.submit()
    assert wf.step is Step.REVIEW and store.accepted == {}
    outcome = wf.submit()
    keys = [key for _request, key in central.submitted]
    assert len(keys) == 2 and keys[0] == keys[1] == outcome.application.op_id


def test_a_discarded_draft_cannot_be_resumed(central, store) -> None:
    ctx = context(central, store)
    wf = started(ctx)
    wf.discard("申请人放弃办理")
    with pytest.raises(Exception, match="放弃"):
        ApplicationWorkflow.resume(ctx, wf.draft_id)
    assert store.audits[-1] == ("application.draft_discarded", {"reason": "申请人放弃办理"})


def test_a_draft_written_by_the_first_version_is_migrated_once(central, store) -> None:
    """Before the typed record, drafts were one dict (sections as dicts, empty meaning not yet)."""
    ctx = context(central, store)
    store.drafts["old-1"] = {"status": "open", "step": "applicant", "photo": None, "data": {
        "draft_id": "old-1", "teller": "T1", "started_at": NOW.isoformat(), "step": "applicant",
        "identity": {"id_number": ADULT, "source": "typed"},
        "eligibility": {"checked_at": NOW.isoformat(), "online": True, "eligible": True,
                        "needs_guardian": False, "local": True, "household": "本市户籍",
                        "registered_guardian": False, "reasons": [["NOTE", "提示"]]},
        "materials": {"checked": ["applicant_id", "photo"]},
        "applicant": {"name": "张伟", "sex": "1", "birth_date": "1990-03-01", "phone": "1380574"},
        "guardian": {}, "delivery": {}, "photo": {},
        "submission": {"op_id": "", "central_application_id": None},
        "journal": [{"at": NOW.isoformat(), "step": "identify", "event": "identified",
                     "source": "typed"}],
        "label": "张* · 申请人信息"}}
    wf = ApplicationWorkflow.resume(ctx, "old-1")
    assert wf.step is Step.APPLICANT and wf.record.applicant.phone == "1380574"
    assert wf.record.eligibility is not None and wf.record.eligibility.reasons[0].code == "NOTE"
    assert wf.record.checked_materials == ("applicant_id", "photo") and wf.record.photo is None
    assert [(e.event, e.detail) for e in wf.journal] == [("identified", {"source": "typed"}),
                                                         ("resumed", {"by": "T1"})]
    saved = store.drafts["old-1"]["data"]
    assert saved["schema"] == 2 and saved["record"]["applicant"]["name"] == "张伟"
    assert ApplicationWorkflow.resume(ctx, "old-1").record == wf.record


def test_a_draft_from_a_newer_program_is_refused_with_a_clear_message(central, store) -> None:
    ctx = context(central, store)
    store.drafts["new-1"] = {"status": "open", "step": "identify", "photo": None,
                             "data": {"schema": 99, "record": {}}}
    with pytest.raises(CounterError, match="无法读取") as refused:
        ApplicationWorkflow.resume(ctx, "new-1")
    assert refused.value.code == "DRAFT_UNREADABLE"
