"""The application workflow headless, end to end against the real reference central:
adult, minor with guardian, entitled non-local, not entitled, existing card (routed),
line down (deferred, then synced), a refusal that keeps everything typed, crash and resume."""

from __future__ import annotations

import io
import re
import socket

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from central_sim.seed import generated_id
from counter_app.central.errors import CentralRefusal
from counter_app.domain.errors import ValidationError
from counter_app.store.applications import ApplicationStore
from counter_app.store.audit import verify_audit_chain
from counter_app.store.models import AuditEntry, OutboxMessage
from counter_app.workflows.application import (
    ApplicationBlocked,
    ApplicationWorkflow,
    Step,
    StepInvalid,
)
from counter_app.workflows.login import LoginRefused
from counter_app.workflows.supervisor import SupervisorApproval
from tests.fixtures.otp import approval

from .conftest import INSTANT, NON_INSTANT, save_artifact

pytestmark = pytest.mark.central

LI_MING = "330203198506122017"
WANG_XIAOYU = "330206201503091028"
WU_LEI = "420106199304057894"  # non-local, entitled
ZHENG_LI = "510104199609188907"  # non-local, not entitled


def pdf_text(pdf: bytes) -> str:
    """The text without whitespace (spaced ID numbers and wrapped lines compare as typed)."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", text)


def fill_adult(wf: ApplicationWorkflow, portrait: bytes, *, phone: str = "13805740001") -> None:
    """From the materials step to the review step, as a teller would."""
    assert wf.step is Step.MATERIALS
    wf.set_materials(m.code for m in wf.materials())
    wf.next()
    assert wf.step is Step.APPLICANT
    errors = wf.update_applicant(phone=phone, address=wf.record.applicant.address
                                 or "浙江省宁波市海曙区药行街100号")
    assert errors == {}
    wf.next()
    if wf.step is Step.GUARDIAN:
        return
    if wf.step is Step.DELIVERY:
        wf.update_delivery(mode="branch_pickup")
        wf.next()
    assert wf.step is Step.PHOTO
    wf.import_photo(portrait)
    assert wf.photo_report is not None and wf.photo_report.ok, wf.photo_report
    wf.next()
    assert wf.step is Step.REVIEW


def identify_typed(wf: ApplicationWorkflow, id_number: str) -> None:
    wf.set_id_number(id_number)
    wf.next()
    assert wf.step is Step.ELIGIBILITY
    wf.check_eligibility()
    wf.next()


def test_adult_at_an_instant_branch_from_id_card_to_documents(make_counter, central_client,
                                                              portrait) -> None:
    counter = make_counter(INSTANT)
    wf = counter.workflow()
    counter.place("330205199003011232")  # 张伟 on the ID reader
    card = wf.read_id_card()
    assert wf.record.applicant.name == card.name == "张伟"
    assert [s.key for s in wf.step_states()] == [
        Step.IDENTIFY, Step.ELIGIBILITY, Step.MATERIALS, Step.APPLICANT, Step.PHOTO,
        Step.REVIEW, Step.DONE]  # adult at an instant branch: no guardian, no delivery step
    wf.next()
    wf.check_eligibility()
    wf.next()
    fill_adult(wf, portrait)
    outcome = wf.submit()
    assert not outcome.deferred and wf.step is Step.DONE
    app = outcome.application
    assert app.status == "submitted" and app.central_application_id
    assert app.application_no.startswith("ICBC-NB-0101-")
    central_apps = central_client.person_applications("330205199003011232")
    assert [a.application_id for a in central_apps] == [app.central_application_id]
    assert central_apps[0].making_mode == "INSTANT"

    # one transaction: application, outbox message (acknowledged), audit entry
    with counter.store.read() as s:
        msg = s.scalars(select(OutboxMessage).where(OutboxMessage.op_id == app.op_id)).one()
        assert msg.status == "done" and msg.operation == "applications.submit"
        audit = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "application.accepted")).one()
        assert audit.detail["application_no"] == app.application_no
        assert "330205199003011232" not in repr(audit.detail)
        assert verify_audit_chain(s, counter.store.cipher).ok

    docs = wf.documents()
    form, receipt = pdf_text(docs.form_pdf), pdf_text(docs.receipt_pdf)
    assert app.application_no in form and "张伟" in form and "330205199003011232" in form
    assert "待上传" not in form
    assert app.application_no in receipt and "330205********1232" in receipt
    assert "330205199003011232" not in receipt and app.central_application_id in receipt
    save_artifact("adult-instant-form", docs.form_pdf)
    save_artifact("adult-instant-receipt", docs.receipt_pdf)
    # the draft is closed: nothing offered again
    assert counter.ctx.store.open_drafts() == []


def test_minor_with_guardian_at_a_non_instant_branch_by_ems(make_counter, central_client,
                                                            portrait) -> None:
    counter = make_counter(NON_INSTANT)
    wf = counter.workflow()
    identify_typed(wf, WANG_XIAOYU)  # minors often have no ID card: typed
    assert wf.minor and Step.GUARDIAN in wf.steps() and Step.DELIVERY in wf.steps()
    codes = [m.code for m in wf.materials()]
    assert {"guardian_id", "guardianship_proof"} <= set(codes)
    wf.set_materials(codes[:-1])
    with pytest.raises(StepInvalid) as missing:
        wf.next()
    assert "还缺少" in missing.value.errors["materials"]
    wf.set_materials(codes)
    wf.next()
    assert wf.record.applicant.name == "王小雨"  # from the central's register
    wf.update_applicant(address="浙江省宁波市北仑区新碶街道明州路88号", phone="13905740002")
    wf.next()
    assert wf.step is Step.GUARDIAN
    errors = wf.update_guardian(name="李明", id_number=" 330203198506122017 ",
                                relationship="父亲", proof_document="户口簿", phone="13805740001")
    assert errors == {}
    wf.next()
    assert wf.step is Step.DELIVERY
    errs = wf.update_delivery(mode="ems", address="短", recipient="李明", phone="13805740001")
    assert "address" in errs
    wf.update_delivery(address="浙江省宁波市北仑区新碶街道明州路88号3幢201室")
    wf.next()
    wf.import_photo(portrait)
    wf.next()
    outcome = wf.submit()
    assert not outcome.deferred
    # read as the CCB branch that took it (the central refuses other banks' applications)
    central_app = counter.client.application(outcome.application.central_application_id)
    assert central_app.collection == "EMS" and central_app.making_mode == "FACTORY"
    docs = wf.documents()
    form = pdf_text(docs.form_pdf)
    assert "李明" in form and "父亲" in form and "EMS" in form
    save_artifact("minor-noninstant-form", docs.form_pdf)
    save_artifact("minor-noninstant-receipt", docs.receipt_pdf)


def test_guardian_steps_are_only_for_minors_and_adults_cannot_see_them(make_counter) -> None:
    wf = make_counter(NON_INSTANT).workflow()
    wf.set_id_number(generated_id(2901))
    assert not wf.minor and Step.GUARDIAN not in wf.steps()


def test_entitled_non_local_applies_with_the_residence_proof(make_counter, portrait) -> None:
    counter = make_counter(INSTANT)
    wf = counter.workflow()
    counter.place(WU_LEI)
    wf.read_id_card()
    wf.next()
    result = wf.check_eligibility()
    assert result.eligible and not result.local
    assert "residence" in [m.code for m in wf.materials()]
    wf.next()
    fill_adult(wf, portrait, phone="0574-87650001")
    assert wf.record.applicant.household.startswith("非本市户籍")
    assert not wf.submit().deferred


def test_not_entitled_is_refused_with_the_reason(make_counter) -> None:
    wf = make_counter(INSTANT).workflow()
    wf.set_id_number(ZHENG_LI)
    wf.next()
    with pytest.raises(ApplicationBlocked) as blocked:
        wf.check_eligibility()
    assert blocked.value.code == "NOT_ENTITLED" and "不符合申领条件" in blocked.value.message_zh
    with pytest.raises(StepInvalid):
        wf.next()
    assert wf.step is Step.ELIGIBILITY


@pytest.mark.parametrize(("id_number", "business"), [
    (LI_MING, "card_services"),  # active, normal card
    ("330211198807152340", "replacement"),  # 陈静: social function pre-lost
    ("330203199202084562", "replacement"),  # 赵敏: damaged card
    ("330226198001013450", "handout"),  # 马超: sealed, uncollected
    ("330282199505126788", "central_production"),  # 周芳: application in production
])
def test_a_person_with_a_card_or_an_application_is_routed_elsewhere(make_counter, id_number,
                                                                   business) -> None:
    wf = make_counter(INSTANT).workflow()
    wf.set_id_number(id_number)
    wf.next()
    with pytest.raises(ApplicationBlocked) as blocked:
        wf.check_eligibility()
    assert blocked.value.route is not None and blocked.value.route.business == business
    assert "NB0000016" not in blocked.value.message_zh  # card numbers are shown masked


def test_line_down_the_application_is_deferred_then_synced(make_counter, central, central_client,
                                                           portrait) -> None:
    counter = make_counter(INSTANT)
    counter.sync.cycle()  # a recent successful sync: the staleness rules allow deferring
    idn = generated_id(2902)
    central.line_down()
    try:
        wf = counter.workflow()
        identify_typed(wf, idn)
        assert not wf.online and wf.making_mode == "FACTORY"  # no instant card while offline
        assert "暂存" in wf.record.eligibility.notice
        wf.update_applicant(name="王伟", nation="汉族", address="浙江省宁波市鄞州区天童南路1号")
        fill_adult(wf, portrait)
        outcome = wf.submit()
        assert outcome.deferred and "暂存" in outcome.message_zh
        assert outcome.application.status == "pending_sync"
        docs = wf.documents()
        assert "待上传" in pdf_text(docs.form_pdf) and "待上传" in pdf_text(docs.receipt_pdf)
        save_artifact("deferred-receipt", docs.receipt_pdf)
        # a second application for the same person at this counter is refused while offline
        again = counter.workflow()
        again.set_id_number(idn)
        again.next()
        with pytest.raises(ApplicationBlocked):
            again.check_eligibility()
    finally:
        central.line_up()
    report = counter.sync.drain()
    assert report.sent == 1
    assert counter.ctx.store.refresh_from_outbox() == 1
    synced = counter.ctx.store.get(outcome.application.application_no)
    assert synced is not None and synced.status == "submitted" and synced.central_application_id
    central_apps = central_client.person_applications(idn)
    assert [a.application_id for a in central_apps] == [synced.central_application_id]
    assert central_apps[0].making_mode == "FACTORY"
    counter.sync.drain()  # nothing doubled by a second drain
    assert len(central_client.person_applications(idn)) == 1


def test_line_drops_before_submit_at_an_instant_branch(make_counter, central, portrait) -> None:
    counter = make_counter(INSTANT)
    counter.sync.cycle()
    wf = counter.workflow()
    identify_typed(wf, generated_id(2903))
    fill_adult(wf, portrait)
    assert wf.making_mode == "INSTANT"
    # the line drops: the connection is refused, so the request certainly never left
    # (the simulator's outage resets AFTER the request is sent: an unknown outcome, no switch)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dead_url = f"http://127.0.0.1:{closed.getsockname()[1]}"
    live_url, counter.client.base_url = counter.client.base_url, dead_url
    try:
        with pytest.raises(StepInvalid) as switched:
            wf.submit()
        assert wf.step is Step.DELIVERY and "集中制卡" in switched.value.errors["mode"]
        assert wf.record.applicant.phone == "13805740001"  # nothing typed was lost
        wf.update_delivery(mode="branch_pickup")
        wf.next()
        wf.next()
        outcome = wf.submit()
        assert outcome.deferred and outcome.application.making_mode == "FACTORY"
    finally:
        counter.client.base_url = live_url


def test_a_central_refusal_keeps_everything_typed_and_a_fix_goes_through(make_counter,
                                                                        portrait) -> None:
    counter = make_counter(NON_INSTANT)
    wf = counter.workflow()
    identify_typed(wf, "330211201806222348")  # 林小宝, guardian 陈静
    wf.set_materials(m.code for m in wf.materials())
    wf.next()
    wf.update_applicant(address="浙江省宁波市镇海区招宝山街道1号", phone="13905740003")
    wf.next()
    wf.update_guardian(name="李明", id_number=LI_MING, relationship="父亲",
                       proof_document="户口簿", phone="13805740001")  # not the registered one
    wf.next()
    wf.update_delivery(mode="branch_pickup")
    wf.next()
    wf.import_photo(portrait)
    wf.next()
    with pytest.raises(CentralRefusal) as refused:
        wf.submit()
    assert refused.value.code == "GUARDIAN_MISMATCH"
    assert wf.step is Step.GUARDIAN
    assert wf.record.applicant.phone == "13905740003" and wf.photo_jpeg is not None
    wf.update_guardian(name="陈静", id_number="330211198807152340", relationship="母亲")
    wf.next()
    wf.next()
    wf.next()
    assert wf.step is Step.REVIEW
    assert not wf.submit().deferred


def test_a_draft_survives_a_crash_and_is_offered_again(make_counter, store, portrait) -> None:
    counter = make_counter(INSTANT)
    wf = counter.workflow()
    identify_typed(wf, generated_id(2904))
    wf.set_materials(m.code for m in wf.materials())
    wf.next()
    wf.update_applicant(phone="1380574", address="浙江省宁波市江北区人民路1号")  # half typed
    # "crash": drop the workflow object; a new store object over the same file
    del wf
    fresh = ApplicationStore(store)
    drafts = fresh.open_drafts("T0301")
    assert len(drafts) == 1 and "申请人信息" in drafts[0].label
    resumed = ApplicationWorkflow.resume(counter.ctx, drafts[0].draft_id)
    assert resumed.step is Step.APPLICANT
    assert resumed.record.applicant.phone == "1380574"
    assert "phone" in resumed.validate()
    assert [e.event for e in resumed.journal][-1] == "resumed"
    resumed.discard("申请人放弃办理")
    assert fresh.open_drafts() == []


def test_photo_override_needs_a_reason_and_is_audited(make_counter, store, portrait) -> None:
    import numpy as np
    from PIL import Image

    counter = make_counter(INSTANT)
    wf = counter.workflow()
    identify_typed(wf, generated_id(2905))
    wf.set_materials(m.code for m in wf.materials())
    wf.next()
    wf.update_applicant(address="浙江省宁波市海曙区药行街1号", phone="13805740009")
    wf.next()
    pixels = np.array(Image.open(io.BytesIO(portrait)).convert("RGB")).astype(float) * 0.3
    dark = io.BytesIO()
    Image.fromarray(pixels.astype("uint8")).save(dark, format="JPEG", quality=90)
    report = wf.import_photo(dark.getvalue()).report
    assert "BRIGHTNESS" in [c.code for c in report.failures]
    with pytest.raises(StepInvalid):
        wf.next()
    with pytest.raises(ValidationError):
        wf.override_photo("BRIGHTNESS", "好", approval())
    with pytest.raises(LoginRefused):  # a supervisor's password alone does not let it through
        wf.override_photo("BRIGHTNESS", "申请人肤色较深，人工核对清晰可辨",
                          SupervisorApproval("S0301", "Super@2026", ""))
    with pytest.raises(LoginRefused):  # nor does a teller
        wf.override_photo("BRIGHTNESS", "申请人肤色较深，人工核对清晰可辨",
                          SupervisorApproval("T0301", "Teller@2026", "123456"))
    assert "BRIGHTNESS" in [c.code for c in wf.photo_report.failures]
    for check in list(wf.photo_report.failures):
        wf.override_photo(check.code, "申请人肤色较深，人工核对清晰可辨", approval())
    wf.next()
    assert wf.step is Step.REVIEW
    with store.read() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry))]
        overrides = [e.detail for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "application.photo_override"))]
    assert "application.photo_override" in actions
    brightness = [d for d in overrides if d["check"] == "BRIGHTNESS"]
    assert brightness and "人工核对" in brightness[0]["reason"]
    assert brightness[0]["supervisor"] == "S0301"
    outcome = wf.submit()
    with store.read() as s:
        accepted = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "application.accepted")).all()[-1].detail
    assert "BRIGHTNESS" in [o["check"] for o in accepted["photo_overrides"]]
    assert not outcome.deferred
