"""Hand-out and activation against the reference central and a real store: an application
followed from submission to hand-out (cards read and PIN set on the emulator through pcscd),
the wrong card and the wrong guardian refused, the line down refused naming why, a minor's
card collected by the guardian, an employer collecting, a card lost before collection."""

from __future__ import annotations

import uuid

import pytest

from central_sim.seed import id_with_check
from counter_app.card.emulator.factory import card_data_for
from counter_app.devices.pinpad import DemoPinPad, PinEntry
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.store.models import ProductionItem
from counter_app.store.production import ProductionStore
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.production.documents import handout_pdf
from counter_app.workflows.production.handout import HandoutError, Step
from tests.fixtures.pcsc import EmulatorFixture
from tests.integration.production.conftest import Branch

pytestmark = pytest.mark.central

MINOR, GUARDIAN = "330206201503091028", "330203198506122017"
STRANGER = id_with_check("33021219830817012")  # an adult, not the minor's guardian


def _received(branch: Branch, **take: object) -> tuple[str, str, str, str]:
    return branch.received(**take)


def test_followed_from_submission_to_handout_with_the_pin_on_the_chip(
        branch: Branch, emulator: EmulatorFixture) -> None:
    from counter_app.bootstrap import CardLayerChip, CardLayerReader

    application_id, card_no, idn, name = _received(branch)
    assert branch.desk().search(idn).lines[0].custody_zh == "R-001"
    emulator.remove()
    assert emulator.wait_removed()
    emulator.insert_new_card(card_data_for(idn, name, card_number=card_no), name="made")
    reader = CardLayerReader(emulator.card_reader, emulator.psam_reader, "330200")
    chip = CardLayerChip(emulator.card_reader, emulator.psam_reader, "330200")
    ctx = branch.context(card_reader=reader)
    ctx.chip = chip
    from counter_app.workflows.production import ProductionDesk

    wf = ProductionDesk(ctx).new_handout()
    assert wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn}) == {}
    found = wf.find_card()
    wf.next()
    assert found.location == "R-001" and wf.record.holder_name == name
    wf.read_card()
    wf.next()
    status = wf.activate()
    assert status.card_state == "ACTIVE" and wf.step is Step.PIN
    pad = DemoPinPad(timeout_s=5)
    pad.key_in("135790", "135790")
    wf.set_pin(pad)
    assert wf.step is Step.DONE
    assert branch.client.application(application_id).state == "ACTIVATED"
    chip.verify_pin(PinEntry("135790"))  # the chip took the holder's new PIN
    assert branch.desk().search(idn).lines[0].state_zh == "已启用"
    assert not ProductionStore(branch.store).in_custody()
    pdf = handout_pdf(wf)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    raw = branch.store.path.read_bytes()
    assert b"135790" not in raw and idn.encode() not in raw


def test_wrong_card_and_a_guardian_of_an_adult_are_refused(branch: Branch) -> None:
    application_id, card_no, idn, name = _received(branch)
    other_card = card_data_for(GUARDIAN, "李明", card_number="NB0000016")
    wf = branch.desk(card_reader=SimulatedSocialCardReader(other_card)).new_handout()
    wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    wf.find_card()
    wf.next()
    with pytest.raises(HandoutError) as err:
        wf.read_card()  # the teller took the wrong envelope's card
    assert err.value.code == "WRONG_CARD" and "R-001" in err.value.message_zh
    # an adult's card cannot be collected by someone claiming to be a guardian
    wf2 = branch.desk().new_handout()
    wf2.apply(Step.IDENTIFY, {"collector": "GUARDIAN", "id_number": GUARDIAN,
                              "holder_id_number": idn, "guardian_proof": "1"})
    with pytest.raises(HandoutError) as err:
        wf2.find_card()
    assert err.value.code == "NOT_A_MINOR"
    assert branch.client.application(application_id).state == "BRANCH_RECEIVED"


def test_line_down_refuses_naming_why_and_the_card_stays(branch: Branch) -> None:
    application_id, card_no, idn, name = _received(branch)
    wf = branch.desk(card_reader=SimulatedSocialCardReader(
        card_data_for(idn, name, card_number=card_no))).new_handout()
    wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    wf.find_card()
    wf.read_card()
    branch.central.line_down()
    try:
        with pytest.raises(HandoutError) as err:
            wf.activate()
    finally:
        branch.central.line_up()
    assert err.value.code == "CENTRAL_REQUIRED_OFFLINE"
    assert "专线中断" in err.value.message_zh and "须由中心实时确认" in err.value.message_zh
    assert [t.application_id for t in ProductionStore(branch.store).in_custody()] == [application_id]
    wf.activate()  # the line is back: the same keys, handed out once
    assert branch.client.application(application_id).state == "ACTIVATED"


def test_a_minors_card_is_collected_by_the_guardian(branch: Branch) -> None:
    application_id, card_no, _, name = _received(branch, id_number=MINOR, guardian=GUARDIAN)
    reader = SimulatedSocialCardReader(card_data_for(MINOR, name, card_number=card_no))
    alone = branch.desk(card_reader=reader).new_handout()
    alone.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": MINOR})
    with pytest.raises(HandoutError) as err:
        alone.find_card()
    assert err.value.code == "GUARDIAN_REQUIRED"
    # someone else with a household register, not the guardian the central has on record
    stranger = branch.desk(card_reader=reader).new_handout()
    stranger.apply(Step.IDENTIFY, {"collector": "GUARDIAN", "id_number": STRANGER,
                                   "holder_id_number": MINOR, "guardian_proof": "1"})
    with pytest.raises(HandoutError) as err:
        stranger.find_card()
    assert err.value.code == "GUARDIAN_MISMATCH" and "监护人不符" in err.value.message_zh
    assert stranger.record.application_id == "" and stranger.step is Step.IDENTIFY
    assert [t.application_id for t in ProductionStore(branch.store).in_custody()] == [application_id]
    wf = branch.desk(card_reader=reader).new_handout()
    wf.apply(Step.IDENTIFY, {"collector": "GUARDIAN", "id_number": GUARDIAN,
                             "holder_id_number": MINOR})
    with pytest.raises(Exception) as missing:
        wf.find_card()  # the proof of guardianship not ticked
    assert "监护关系证明" in str(getattr(missing.value, "errors", missing.value))
    wf.apply(Step.IDENTIFY, {"guardian_proof": "1"})
    wf.find_card()
    wf.read_card()
    wf.activate()
    assert branch.client.application(application_id).state == "ACTIVATED"
    with branch.store.read() as s:
        row = s.query(ProductionItem).filter_by(application_id=application_id).one()
        assert row.holder["collector"]["kind"] == "GUARDIAN"
        assert row.holder["collector"]["id_number"] == GUARDIAN


def test_an_employer_collects_for_its_staff_with_the_letter_recorded(branch: Branch) -> None:
    from central_sim.people import credit_code_with_check
    from counter_app.central.people_api import RegistrationRequest

    application_id, card_no, idn, name = _received(branch)
    employer = credit_code_with_check("91330206MA2H00101")  # the holder's employer at the central
    branch.client.register_person(idn, RegistrationRequest(
        branch_code=branch.profile.branch_code, kind="EMPLOYEE", insurances=("PENSION",),
        base_fen=600000, start_month="202611", credit_code=employer),
        idempotency_key=str(uuid.uuid4()))
    wf = branch.desk(card_reader=SimulatedSocialCardReader(
        card_data_for(idn, name, card_number=card_no))).new_handout()
    errors = wf.apply(Step.IDENTIFY, {"collector": "EMPLOYER", "id_number": GUARDIAN,
                                      "holder_id_number": idn, "credit_code": "91330200MA2AB",
                                      "letter_no": ""})
    assert errors == {}
    with pytest.raises(Exception) as bad:
        wf.find_card()
    errors = getattr(bad.value, "errors", {})
    assert {"credit_code", "letter_no"} <= set(errors) and "13位" in errors["credit_code"]
    wf.apply(Step.IDENTIFY, {"credit_code": "91330200MA2AB3CD4E", "letter_no": "x"})
    with pytest.raises(StepInvalid) as bad:
        wf.find_card()  # 18 letters and digits, but the check character is wrong
    assert bad.value.errors == {"credit_code": "统一社会信用代码校验位不符，可能录入有误，请逐位核对营业执照。"}
    wf.apply(Step.IDENTIFY, {"credit_code": "91330200MA2AB3CD4G", "employer_name": "宁波甬江实业有限公司",
                             "letter_no": "甬江人〔2026〕12号"})
    with pytest.raises(HandoutError) as err:
        wf.find_card()  # a valid code, but not the employer the central has the holder with
    assert err.value.code == "EMPLOYER_MISMATCH"
    wf.apply(Step.IDENTIFY, {"credit_code": employer, "employer_name": "宁波甬港智能制造有限公司",
                             "letter_no": "甬江人〔2026〕12号"})
    wf.find_card()
    wf.read_card()
    wf.activate()  # handed out only: the holder activates and sets the PIN
    assert wf.step is Step.DONE and not wf.record.activated
    with branch.store.read() as s:
        row = s.query(ProductionItem).filter_by(application_id=application_id).one()
        assert row.holder["collector"]["employer"]["letter_no"] == "甬江人〔2026〕12号"
    assert handout_pdf(wf).startswith(b"%PDF")
    assert branch.client.application(application_id).state == "ISSUED_NOT_ACTIVATED"


def test_a_card_lost_before_collection_is_not_handed_out(branch: Branch) -> None:
    application_id, card_no, idn, name = _received(branch)
    branch.client.formal_loss(card_no, branch_code=branch.profile.branch_code,
                              functions=["social"], idempotency_key=str(uuid.uuid4()))
    wf = branch.desk(card_reader=SimulatedSocialCardReader(
        card_data_for(idn, name, card_number=card_no))).new_handout()
    wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    with pytest.raises(HandoutError) as err:
        wf.find_card()
    assert err.value.code == "CARD_LOST_BEFORE_COLLECTION"
    assert "挂失补卡" in err.value.message_zh and "社保功能" in err.value.message_zh
    # the central refuses too, whatever a counter would send
    from counter_app.central.errors import CentralRefusal

    with pytest.raises(CentralRefusal) as refused:
        branch.client.hand_out(application_id, branch_code=branch.profile.branch_code,
                               idempotency_key=str(uuid.uuid4()))
    assert refused.value.code == "CARD_IS_LOST"
