"""A card the holder brings (delivered by EMS, or collected by the employer unactivated) is
activated at the counter, chip and PIN included; a hand-out stopped after the central's
activation (a restart) or between the central's answer and the local write goes on with the
same keys: the central sees one activation, the chip is activated and the PIN set once."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from central_sim.db import IdempotencyRecord
from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import card_data_for, new_personalised
from counter_app.central.errors import LineDownError
from counter_app.central.people_api import RegistrationRequest
from counter_app.devices.pinpad import DemoPinPad, PinEntry
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.devices.sschip import ChipFunctions
from counter_app.store.production import ProductionStore
from counter_app.workflows.ecard import token_of
from counter_app.workflows.production import ProductionDesk
from counter_app.workflows.production.documents import handout_pdf
from counter_app.workflows.production.handout import HandoutError, Step
from tests.fixtures.qr import decode_pdf_qr
from tests.integration.production.conftest import Branch

pytestmark = pytest.mark.central

EMPLOYER = "91330206MA2H00101"  # + check character: 宁波甬港智能制造有限公司 (the central's seed)
OTHER_EMPLOYER = "91330205MA2H00202"  # 宁波江北惠民超市有限公司


def _code(body17: str) -> str:
    from central_sim.people import credit_code_with_check

    return credit_code_with_check(body17)


def _activations(db_url: str) -> int:
    """Activation requests the central recorded (each idempotency key once)."""
    engine = create_engine(db_url)
    try:
        with Session(engine) as s:
            return int(s.scalar(select(func.count()).select_from(IdempotencyRecord).where(
                IdempotencyRecord.key.like("activate-%"))) or 0)
    finally:
        engine.dispose()


def _chip(tmp_path: Path, idn: str, name: str, card_no: str) -> tuple[Any, Any]:
    """The made card (functions not activated, as from the factory) in the card emulator,
    in process through the card layer (the chip's APDUs, PSAM and all; no pcscd, which the
    tests of test_handout_chip_activation.py go through), and a reader of its face."""
    from counter_app.bootstrap import emulated_chip

    data = card_data_for(idn, name, card_number=card_no)
    EmulatedCard(new_personalised(data, activated=False), tmp_path / f"{card_no}.json").save()
    return SimulatedSocialCardReader(data), emulated_chip(tmp_path / f"{card_no}.json")


def test_an_ems_card_is_activated_at_the_counter(branch: Branch, tmp_path: Path) -> None:
    app, name = branch.take(collection="EMS")
    branch.advance(2)
    branch.pull()
    sent = branch.client.application(app.application_id)
    assert sent.state == "SHIPPED" and sent.ems_tracking_no and sent.card_no
    card_no, idn = sent.card_no, app.id_number
    reader, chip = _chip(tmp_path, idn, name, card_no)
    assert chip.functions() == ChipFunctions(social=False, financial=False)
    ctx = branch.context(card_reader=reader)
    ctx.chip = chip
    wf = ProductionDesk(ctx).new_handout()
    assert wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn}) == {}
    found = wf.find_card()  # not in custody anywhere: matched at the central
    assert found.application_id == app.application_id and found.location == ""
    assert wf.record.brought and wf.record.card_no == card_no
    wf.next()
    wf.read_card()
    wf.next()
    assert wf.activate().card_state == "ACTIVE" and wf.step is Step.PIN
    assert chip.functions() == ChipFunctions(social=True, financial=True)
    pad = DemoPinPad(timeout_s=5)
    pad.key_in("258036", "258036")
    wf.set_pin(pad)
    assert wf.step is Step.DONE
    chip.verify_pin(PinEntry("258036"))
    assert branch.client.application(app.application_id).state == "ACTIVATED"
    token = token_of(decode_pdf_qr(handout_pdf(wf)))
    assert branch.client.ecard_claim(card_no, branch_code=ctx.branch_code,
                                     idempotency_key="reprint-ems").token == token
    again = branch.desk(card_reader=reader).new_handout()
    again.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    with pytest.raises(HandoutError) as err:
        again.find_card()
    assert err.value.code == "CARD_NOT_IN_CUSTODY"
    assert _activations(branch.central.db_url) == 1


def test_a_restart_after_activation_finishes_the_chip_and_pin_once(
        branch: Branch, tmp_path: Path) -> None:
    application_id, card_no, idn, name = branch.received()
    reader, chip = _chip(tmp_path, idn, name, card_no)
    first = branch.desk(card_reader=reader).new_handout()  # no chip service: stops after the central
    first.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    first.find_card()
    first.next()
    first.read_card()
    first.next()
    first.activate()
    assert first.record.activated and not first.record.chip_activated
    key = first.record.activation_op
    # the counter restarts: a new desk on the same store, the holder identified again
    ctx = branch.context(card_reader=reader)
    ctx.chip = chip
    wf = ProductionDesk(ctx).new_handout()
    wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    wf.find_card()
    assert wf.step is Step.PIN and wf.record.activation_op == key and wf.record.activated
    pad = DemoPinPad(timeout_s=5)
    pad.key_in("470258", "470258")
    wf.set_pin(pad)
    assert wf.step is Step.DONE and wf.record.chip_activated
    assert chip.functions() == ChipFunctions(social=True, financial=True)
    chip.verify_pin(PinEntry("470258"))
    assert _activations(branch.central.db_url) == 1
    assert not ProductionStore(branch.store).in_custody()
    assert branch.client.application(application_id).state == "ACTIVATED"
    raw = branch.store.path.read_bytes()
    assert idn.encode() not in raw and key.encode() not in raw  # the record is encrypted


class _AnswerLost:
    """The central activates, then the answer never arrives (the line drops)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def activate(self, *args: Any, **kw: Any) -> Any:
        self.inner.activate(*args, **kw)
        raise LineDownError()


def test_stopped_between_the_central_answer_and_the_local_write(branch: Branch) -> None:
    application_id, card_no, idn, name = branch.received()
    reader = SimulatedSocialCardReader(card_data_for(idn, name, card_number=card_no))
    ctx = branch.context(card_reader=reader)
    ctx.central = _AnswerLost(branch.client)  # type: ignore[assignment]
    wf = ProductionDesk(ctx).new_handout()
    wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    wf.find_card()
    wf.read_card()
    with pytest.raises(HandoutError) as err:
        wf.activate()
    assert err.value.code == "CENTRAL_REQUIRED_OFFLINE"
    assert branch.client.application(application_id).state == "ACTIVATED"
    assert [t.application_id for t in ProductionStore(branch.store).in_custody()] == [application_id]
    # the counter restarts; the card is still in custody here, active at the central
    again = branch.desk(card_reader=reader).new_handout()
    again.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    again.find_card()
    assert again.record.activation_op == wf.record.activation_op  # the same keys
    again.next()
    again.read_card()
    again.next()
    assert again.activate().card_state == "ACTIVE" and again.step is Step.PIN
    assert not ProductionStore(branch.store).in_custody()
    assert _activations(branch.central.db_url) == 1


def test_an_employer_hands_out_unactivated_and_the_holder_activates(branch: Branch) -> None:
    application_id, card_no, idn, name = branch.received()
    branch.client.register_person(idn, RegistrationRequest(
        branch_code=branch.profile.branch_code, kind="EMPLOYEE", insurances=("PENSION",),
        base_fen=600000, start_month="202611", credit_code=_code(EMPLOYER)),
        idempotency_key=str(uuid.uuid4()))
    reader = SimulatedSocialCardReader(card_data_for(idn, name, card_number=card_no))
    wf = branch.desk(card_reader=reader).new_handout()
    # a real company with a valid code, but not the holder's employer
    wf.apply(Step.IDENTIFY, {"collector": "EMPLOYER", "id_number": "330203198506122017",
                             "holder_id_number": idn, "credit_code": _code(OTHER_EMPLOYER),
                             "employer_name": "宁波江北惠民超市有限公司", "letter_no": "惠民〔2026〕3号"})
    with pytest.raises(HandoutError) as err:
        wf.find_card()
    assert err.value.code == "EMPLOYER_MISMATCH" and "参保单位不符" in err.value.message_zh
    wf.apply(Step.IDENTIFY, {"credit_code": _code(EMPLOYER), "employer_name": "宁波甬港智能制造有限公司",
                             "letter_no": "甬港人〔2026〕12号"})
    wf.find_card()
    wf.next()
    wf.read_card()
    wf.next()
    assert wf.activate().card_state == "PENDING_ACTIVATION"
    assert wf.step is Step.DONE and Step.PIN not in wf.step_keys() and not wf.record.activated
    assert branch.client.application(application_id).state == "ISSUED_NOT_ACTIVATED"
    assert not ProductionStore(branch.store).in_custody()
    assert handout_pdf(wf).startswith(b"%PDF")
    # the holder comes with the card: activated at the counter (the chip is the next test's)
    own = branch.desk(card_reader=reader).new_handout()
    own.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    assert own.find_card().location == "" and own.record.brought
    own.next()
    own.read_card()
    own.next()
    assert own.activate().card_state == "ACTIVE" and own.step is Step.PIN
    assert branch.client.application(application_id).state == "ACTIVATED"


def test_pdf_text_of_an_employer_receipt(branch: Branch, tmp_path: Path) -> None:
    application_id, card_no, idn, name = branch.received()
    branch.client.register_person(idn, RegistrationRequest(
        branch_code=branch.profile.branch_code, kind="EMPLOYEE", insurances=("PENSION",),
        base_fen=600000, start_month="202611", credit_code=_code(EMPLOYER)),
        idempotency_key=str(uuid.uuid4()))
    wf = branch.desk(card_reader=SimulatedSocialCardReader(
        card_data_for(idn, name, card_number=card_no))).new_handout()
    wf.apply(Step.IDENTIFY, {"collector": "EMPLOYER", "id_number": "330203198506122017",
                             "holder_id_number": idn, "credit_code": _code(EMPLOYER),
                             "letter_no": "甬港人〔2026〕13号"})
    wf.find_card()
    wf.read_card()
    wf.activate()
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(handout_pdf(wf))
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "未启用" in text and "持卡人本人" in text and "设置密码" in text
    assert "电子社保卡" not in text  # no e-card claim for a card not active


class _PowerCut:
    """The store, until the counter dies just before writing the card out of custody."""

    def __init__(self, inner: ProductionStore) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def handed_out(self, *args: Any, **kw: Any) -> None:
        raise RuntimeError("power cut")


def test_stopped_after_activation_before_the_card_left_custody(branch: Branch) -> None:
    application_id, card_no, idn, name = branch.received()
    reader = SimulatedSocialCardReader(card_data_for(idn, name, card_number=card_no))
    ctx = branch.context(card_reader=reader)
    ctx.repo = _PowerCut(ProductionStore(branch.store))  # type: ignore[assignment]
    wf = ProductionDesk(ctx).new_handout()
    wf.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    wf.find_card()
    wf.read_card()
    with pytest.raises(RuntimeError):
        wf.activate()
    assert branch.client.application(application_id).state == "ACTIVATED"
    assert [t.application_id for t in ProductionStore(branch.store).in_custody()] == [application_id]
    again = branch.desk(card_reader=reader).new_handout()  # after the restart
    again.apply(Step.IDENTIFY, {"collector": "SELF", "id_number": idn})
    again.find_card()
    assert again.step is Step.PIN and again.record.activation_op == wf.record.activation_op
    assert not ProductionStore(branch.store).in_custody()  # the local side caught up
    assert again.record.ecard_url  # the e-card claim asked under its kept key
    assert _activations(branch.central.db_url) == 1
