"""Data change through the real reference central and a real SQLite outbox: each proof
level enforced on the counter and by the central, a new name or ID number asking for a new
card, a contact change queued with the line down and delivered when it returns."""

from __future__ import annotations

import io
import uuid

import pytest
from pypdf import PdfReader

from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.people_api import DataChangeProof
from counter_app.central.sync import LineState, NewWorkRefused
from counter_app.devices.idcard import DEMO_ID_CARDS
from counter_app.workflows.data_change import DataChangeWorkflow, Step
from counter_app.workflows.kernel import StepInvalid
from tests.integration.people.conftest import BRANCH, LI_MING, ZHANG_WEI, Counter

pytestmark = pytest.mark.central


def identified(c: Counter, *, read: str = "", typed: str = "") -> DataChangeWorkflow:
    wf = DataChangeWorkflow(c.ctx)
    if read:
        c.id_reader.place(DEMO_ID_CARDS[read])
        wf.read_id_card()
    else:
        wf.apply(Step.IDENTIFY, {"id_number": typed})
    wf.next()
    assert wf.step is Step.CHANGES
    return wf


def text_of(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_contact_data_needs_no_proof(counter: Counter) -> None:
    wf = identified(counter, typed=ZHANG_WEI)
    assert wf.record.current_name == "张伟"
    wf.apply(Step.CHANGES, {"phone": "13812345678", "address": "宁波市江北区人民路8号", "education": "大学本科"})
    wf.next()
    assert wf.step is Step.CONFIRM  # no proof step for contact data
    outcome = wf.submit()
    assert outcome.status == "done" and not outcome.new_card_required
    text = text_of(wf.documents())
    assert "参保信息变更" in text and "138****5678" in text and "13812345678" not in text


def test_dates_need_the_records_named_on_the_counter(counter: Counter) -> None:
    wf = identified(counter, typed=ZHANG_WEI)
    wf.apply(Step.CHANGES, {"work_start_date": "2012-07-01"})
    wf.next()
    assert wf.step is Step.PROOF
    with pytest.raises(StepInvalid) as invalid:
        wf.next()
    assert "人事档案" in invalid.value.errors["records_work_start_date"]
    wf.apply(Step.PROOF, {"rec_work_start_date_0": "1"})
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done"
    assert "本人人事档案中的招工（录用）审批表" in text_of(wf.documents())


def test_the_central_enforces_each_proof_level(counter: Counter) -> None:
    def change(changes: dict[str, str], proof: DataChangeProof | None) -> str:
        try:
            counter.client.change_person_data(ZHANG_WEI, branch_code=BRANCH, client_seq=1,
                                              changes=changes, proof=proof,
                                              idempotency_key=str(uuid.uuid4()))
        except CentralRefusal as refusal:
            assert refusal.code == "CHANGE_NEEDS_PROOF"
            return str(refusal.details["level"])
        return "accepted"

    assert change({"marital_status": "已婚"}, None) == "accepted"
    assert change({"birth_date": "1990-03-02"}, None) == "RECORDS"
    assert change({"birth_date": "1990-03-02"}, DataChangeProof(records=(" ",))) == "RECORDS"
    papers = DataChangeProof(id_card_read=True, paper_kind="POLICE", paper_no="甬公2026-118")
    assert change({"sex": "2"}, DataChangeProof(records=("户口簿",))) == "PAPERS"
    assert change({"sex": "2"}, DataChangeProof(id_card_read=False, paper_kind="POLICE",
                                                paper_no="甬公2026-118")) == "PAPERS"
    assert change({"sex": "2"}, DataChangeProof(id_card_read=True, paper_kind="COURT")) == "PAPERS"
    assert change({"sex": "2"}, DataChangeProof(id_card_read=True, paper_no="X1")) == "PAPERS"
    assert change({"name": "张卫", "birth_date": "1990-03-01"}, papers) == "RECORDS"  # both levels
    assert change({"sex": "1"}, papers) == "accepted"


def test_identity_data_needs_the_id_card_read_and_papers(counter: Counter) -> None:
    typed = identified(counter, typed=LI_MING)
    typed.apply(Step.CHANGES, {"name": "李铭"})
    typed.next()
    typed.apply(Step.PROOF, {"paper_kind": "POLICE", "paper_no": "甬公户更2026-0117"})
    with pytest.raises(StepInvalid) as invalid:
        typed.next()
    assert "读取本人身份证" in invalid.value.errors["id_card"]

    wf = identified(counter, read=LI_MING)
    wf.apply(Step.CHANGES, {"name": "李铭"})
    wf.next()
    wf.apply(Step.PROOF, {"paper_kind": "POLICE", "paper_no": ""})
    with pytest.raises(StepInvalid) as missing:
        wf.next()
    assert "编号" in missing.value.errors["paper_no"]
    wf.apply(Step.PROOF, {"paper_kind": "POLICE", "paper_no": "甬公户更2026-0117"})
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done" and outcome.new_card_required  # NB0000016 in use
    text = text_of(wf.documents())
    assert "补卡/换卡" in text and "甬公户更2026-0117" in text
    assert counter.client.get_person(LI_MING).name == "李铭"


def test_contact_change_queued_line_down_then_delivered(counter: Counter,
                                                       central: CentralSimHandle) -> None:
    counter.sync.cycle()
    central.line_down()
    try:
        assert counter.sync.probe() in (LineState.OFFLINE, LineState.DEGRADED)
        wf = identified(counter, typed=ZHANG_WEI)
        assert wf.record.line_down and not wf.record.current_name
        wf.apply(Step.CHANGES, {"birth_date": "1990-03-02"})
        with pytest.raises(StepInvalid) as invalid:
            wf.next()
        assert "须联网办理" in invalid.value.errors["changes"]
        wf.apply(Step.CHANGES, {"phone": "13987654321"})
        wf.next()
        outcome = wf.submit()
        assert outcome.status == "pending"
        assert counter.repo.status_of(outcome.op_id) == "pending"
        assert "待上传" in text_of(wf.documents())
    finally:
        central.line_up()
    report = counter.sync.drain()
    assert counter.repo.status_of(outcome.op_id) == "done", report


def test_identity_change_refused_line_down_nothing_kept(counter: Counter,
                                                        central: CentralSimHandle) -> None:
    wf = identified(counter, read=ZHANG_WEI)
    wf.apply(Step.CHANGES, {"sex": "2"})
    wf.next()
    wf.apply(Step.PROOF, {"paper_kind": "COURT", "paper_no": "(2026)浙0205民特12号"})
    wf.next()
    counter.sync.cycle()
    central.line_down()
    try:
        counter.sync.probe()
        with pytest.raises(NewWorkRefused) as refused:
            wf.submit()
        assert "专线中断" in refused.value.message_zh
        assert counter.ctx.store.unsent_for(ZHANG_WEI) == 0
    finally:
        central.line_up()


def test_id_number_change_moves_the_person_and_asks_for_a_new_card(counter: Counter) -> None:
    from central_sim.seed import id_with_check

    old, new = "330203198506122017", id_with_check("33020319850612203")
    wf = identified(counter, read=old)
    wf.apply(Step.CHANGES, {"id_number": old})  # the same number: refused on the counter
    with pytest.raises(StepInvalid) as same:
        wf.next()
    assert "相同" in same.value.errors["id_number"]
    wf.apply(Step.CHANGES, {"id_number": new.lower()})
    wf.next()
    wf.apply(Step.PROOF, {"paper_kind": "POLICE", "paper_no": "甬公户更2026-0220"})
    wf.next()
    outcome = wf.submit()
    assert outcome.new_card_required and outcome.new_id_number == new
    assert counter.client.get_person(new).name == counter.client.get_person(old).name
    text = text_of(wf.documents())
    assert new not in text and f"{new[:6]}********{new[-4:]}" in text  # masked on paper
    # a number already on file is refused by the central
    again = identified(counter, read=old)
    again.apply(Step.CHANGES, {"id_number": new})
    again.next()
    again.apply(Step.PROOF, {"paper_kind": "COURT", "paper_no": "(2026)浙0203民特8号"})
    again.next()
    with pytest.raises(CentralRefusal) as refused:
        again.submit()
    assert refused.value.code == "ID_NUMBER_IN_USE"
