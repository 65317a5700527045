"""Central production at a non-instant branch against the reference central and a real store:
an application tracked as production advances (update feed), a failed one with the central's
reason, a lookup of another branch's application, and a batch received with a missing card,
an extra card and two cards swapped between envelopes — online and offline."""

from __future__ import annotations

import uuid

import pytest

from counter_app.central.api import ApplicationRequest
from counter_app.central.client import HttpCentralClient
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.domain.production import EXTRA, MISMATCHED, MISSING
from counter_app.store.models import OutboxMessage, ProductionItem
from counter_app.store.production import ProductionStore
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.production.record import Outcome, Step
from tests.fixtures.pcsc import EmulatorFixture
from tests.integration.production.conftest import PHOTO, Branch

pytestmark = pytest.mark.central


def test_an_application_is_tracked_as_production_advances(branch: Branch) -> None:
    app, name = branch.take()
    failed, _ = branch.take(fail=True)
    desk = branch.desk()
    line = desk.search(app.application_id).lines[0]
    assert line.state_zh == "数据录入" and line.progress.startswith("●○")
    branch.advance()  # → IN_PRODUCTION
    branch.pull()
    assert desk.search(name).lines[0].state_zh == "制卡中"
    branch.advance()  # → SHIPPED in a batch; the other failed
    branch.pull()
    by_id = desk.search(app.id_number).lines
    assert [x.application_id for x in by_id] == [app.application_id]
    assert by_id[0].state_zh == "已寄出" and "待网点签收" in by_id[0].next_zh
    tracked = ProductionStore(branch.store).get(app.application_id)
    assert tracked is not None and tracked.batch_id.startswith("BATCH-") and tracked.card_no
    # the card number finds it too; the failure shows the central's reason
    assert desk.search(tracked.card_no).lines[0].application_id == app.application_id
    fail_line = desk.search(failed.application_id).lines[0]
    assert fail_line.state_zh == "制卡失败" and "芯片个人化失败" in fail_line.next_zh
    # nothing personal is stored in clear
    raw = branch.store.path.read_bytes()
    assert app.id_number.encode() not in raw and name.encode("utf-8") not in raw


def test_another_branch_of_the_bank_is_asked_at_the_central(branch: Branch,
                                                            as_other: HttpCentralClient) -> None:
    from central_sim.seed import generated_id

    for i in range(2500, 2600):
        idn = generated_id(i)
        if branch.client.eligibility(idn, "CCB").eligible:
            break
    other = as_other.submit_application(ApplicationRequest(
        id_number=idn, bank_code="CCB", branch_code="CCB-NB-0102", making_mode="FACTORY",
        photo_sha256=PHOTO), idempotency_key=str(uuid.uuid4()))
    answer = branch.desk().search(idn)
    assert [x.application_id for x in answer.lines] == [other.application_id]
    assert answer.lines[0].remote and "中心查询" in answer.note_zh
    # by name only this branch's records are searched, and the screen says so
    assert not branch.desk().search("无此人").lines


@pytest.fixture
def as_other(branch: Branch) -> HttpCentralClient:
    client = HttpCentralClient(branch.central.url, client_id="CCB-NB-0102/01",
                               allow_plain_http=True)
    yield client  # type: ignore[misc]
    client.close()


def _shipped_batch(branch: Branch, n: int) -> list[tuple[str, str, str]]:
    """n applications made and shipped in one batch: (application id, card no, id number)."""
    apps = [branch.take()[0] for _ in range(n)]
    branch.advance(2)
    out = []
    for a in apps:
        got = branch.client.application(a.application_id)
        assert got.state == "SHIPPED" and got.card_no
        out.append((a.application_id, got.card_no, a.id_number))
    return out


def test_batch_with_a_missing_an_extra_and_two_swapped_cards(
        branch: Branch, emulator: EmulatorFixture) -> None:
    """Every card read from its chip on the emulator through the card-layer adapter."""
    from counter_app.bootstrap import CardLayerReader

    cards = _shipped_batch(branch, 4)
    reader = CardLayerReader(emulator.card_reader, emulator.psam_reader, "330200")
    wf = branch.desk(card_reader=reader).new_receipt()
    batches, note = wf.batches()
    (a1, c1, i1), (a2, c2, i2), (a3, c3, i3), (a4, _c4, _i4) = cards
    ours = [b for b in batches if a1 in {i.application_id for i in b.items}]
    assert note == "" and len(ours) == 1 and len(ours[0].items) == 4
    wf.choose(ours[0].batch_id)
    wf.next()
    # card 1 in its own envelope; cards 2 and 3 in each other's; card 4 missing; an extra card
    for envelope, card_no, idn in ((a1, c1, i1), (a3, c2, i2), (a2, c3, i3),
                                   ("", "NB9999990", "330203198506122017")):
        from counter_app.domain.identity import card_number_check_char

        if card_no == "NB9999990":
            card_no = "NB999999" + card_number_check_char("NB999999")
        emulator.remove()  # the teller takes the last card out before the next goes in
        assert emulator.wait_removed()
        emulator.insert_new_card(emulator.person(idn, "持卡人", card_number=card_no),
                                 name=card_no)
        check = wf.read_card(envelope)
    assert {m.application_id for m in check.matched} == {a1, a2, a3}
    kinds = sorted((d.kind, d.application_id) for d in check.differences)
    assert kinds == sorted([(EXTRA, ""), (MISMATCHED, a2), (MISMATCHED, a3)])  # ids are random
    assert [o.application_id for o in check.outstanding] == [a4]
    wf.next()
    with pytest.raises(StepInvalid):
        wf.confirm()  # no box yet
    wf.apply(Step.PLACE, {"box": "a01"})
    assert wf.confirm() is Outcome.SENT
    batch, = branch.client.batches(branch.profile.branch_code, state="RECEIVED")
    assert {(d.kind, d.application_id) for d in batch.differences} == {
        (MISSING, a4), (MISMATCHED, a2), (MISMATCHED, a3), (EXTRA, None)}
    states = {a: branch.client.application(a).state for a in (a1, a2, a3, a4)}
    assert states == {a1: "BRANCH_RECEIVED", a2: "BRANCH_RECEIVED", a3: "BRANCH_RECEIVED",
                      a4: "SHIPPED"}
    custody = {t.application_id: t.location for t in ProductionStore(branch.store).in_custody()}
    assert custody == {a1: "A01-001", a2: "A01-002", a3: "A01-003"}


def test_batch_received_offline_is_queued_and_sent_once(branch: Branch) -> None:
    cards = _shipped_batch(branch, 2)
    reader = SimulatedSocialCardReader()
    wf = branch.desk(card_reader=reader).new_receipt()
    batches, _ = wf.batches()  # the list pulled while the line is up
    branch.central.line_down()
    try:
        again, note = wf.batches()
        assert [b.batch_id for b in again] == [b.batch_id for b in batches] and "离线签收" in note
        ours = [b for b in again if cards[0][0] in {i.application_id for i in b.items}]
        wf.choose(ours[0].batch_id)
        for application_id, card_no, _ in cards:
            wf.add_read(card_no, application_id)
        wf.apply(Step.PLACE, {"box": "B02"})
        assert wf.confirm() is Outcome.QUEUED
        with branch.store.read() as s:
            msg = s.query(OutboxMessage).filter_by(op_id=wf.record.op_id).one()
            assert msg.status == "pending" and msg.payload["received"] == [c[0] for c in cards]
            assert s.query(ProductionItem).filter_by(custody="IN_CUSTODY").count() == 2
    finally:
        branch.central.line_up()
    from counter_app.bootstrap import make_sync_worker

    worker = make_sync_worker(branch.profile, branch.store, branch.client)
    worker.drain()
    worker.drain()
    with branch.store.read() as s:
        assert s.query(OutboxMessage).filter_by(op_id=wf.record.op_id).one().status == "done"
    assert {branch.client.application(c[0]).state for c in cards} == {"BRANCH_RECEIVED"}
