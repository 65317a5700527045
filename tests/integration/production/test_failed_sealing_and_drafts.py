"""What follows production at the branch, against the reference central and a real store:
a failed production re-submitted (now, and queued with the line down) and then made; one
cancelled (refused with the line down, named); a batch receipt half done kept as a draft and
resumed after a restart; cards past the keeping period sealed at the central (now and queued)
with the sealing list."""

from __future__ import annotations

import datetime as dt
import io
import socket

import pytest
from pypdf import PdfReader

from counter_app.bootstrap import make_sync_worker, open_profile_store
from counter_app.central.client import HttpCentralClient
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.domain.errors import ValidationError
from counter_app.store.models import AuditEntry, OutboxMessage, ProductionBatch
from counter_app.store.production import ProductionStore
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.production import ProductionDesk
from counter_app.workflows.production.documents import sealing_pdf
from counter_app.workflows.production.failed import FailedProductionError
from counter_app.workflows.production.handout import HandoutError
from counter_app.workflows.production.handout import Step as HStep
from counter_app.workflows.production.receipt import BatchReceiptWorkflow
from counter_app.workflows.production.record import Outcome, Step
from tests.integration.production.conftest import Branch

pytestmark = pytest.mark.central


def _failed(branch: Branch) -> tuple[str, str]:
    app, name = branch.take(fail=True)
    branch.advance(2)
    branch.pull()
    return app.application_id, name


def _messages(branch: Branch, operation: str) -> list[OutboxMessage]:
    with branch.store.read() as s:
        rows = s.query(OutboxMessage).filter_by(operation=operation).all()
        for r in rows:
            s.expunge(r)
        return rows


def _audit_actions(branch: Branch) -> list[str]:
    with branch.store.read() as s:
        return [a.action for a in s.query(AuditEntry).order_by(AuditEntry.seq)]


def _closed_port_client() -> HttpCentralClient:
    with socket.socket() as sock:  # a port nobody listens on: the line is down, nothing sent
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return HttpCentralClient(f"http://127.0.0.1:{port}", client_id="CCB-NB-0230/01")


def test_a_failed_production_is_resubmitted_and_then_made(branch: Branch) -> None:
    application_id, name = _failed(branch)
    desk = branch.desk()
    line = desk.search(application_id).lines[0]
    assert line.state_zh == "制卡失败" and line.can_retry
    assert line.failure_zh == "芯片个人化失败" and "中心原因：芯片个人化失败" in line.next_zh
    outcome = desk.resubmit(application_id)
    assert outcome.sent and "重新进入制卡" in outcome.message_zh
    line = desk.search(application_id).lines[0]
    assert line.state_zh == "数据录入" and not line.can_retry and line.failure_zh == ""
    msg, = _messages(branch, "applications.resubmit")
    assert msg.status == "done" and msg.payload["application_id"] == application_id
    assert "production.resubmitted" in _audit_actions(branch)
    with pytest.raises(FailedProductionError) as again:  # no longer failed: nothing to redo
        desk.resubmit(application_id)
    assert again.value.code == "NOT_FAILED"
    branch.advance(2)
    branch.pull()
    made = desk.search(name).lines[0]
    assert made.state_zh == "已寄出" and "待网点签收" in made.next_zh
    assert branch.client.application(application_id).card_no


def test_a_resubmit_with_the_line_down_is_queued_and_sent_once(branch: Branch) -> None:
    application_id, _ = _failed(branch)
    desk = branch.desk()
    assert desk.search(application_id).lines[0].can_retry  # seen on the tracking screen
    branch.central.line_down()
    try:
        outcome = desk.resubmit(application_id)
    finally:
        branch.central.line_up()
    assert not outcome.sent and "暂存" in outcome.message_zh and "芯片个人化失败" in outcome.message_zh
    line = desk.search(application_id).lines[0]
    assert line.state_zh == "重新制卡待上传" and not line.can_retry
    msg, = _messages(branch, "applications.resubmit")
    assert msg.status == "pending"
    assert msg.ordering_key == branch.store.cipher.blind_index(
        branch.client.application(application_id).id_number, "person")  # the person's order
    worker = make_sync_worker(branch.profile, branch.store, branch.client)
    worker.drain()
    worker.drain()
    msg, = _messages(branch, "applications.resubmit")
    assert msg.status == "done"
    assert branch.client.application(application_id).state == "DATA_ENTRY"
    branch.pull()
    assert desk.search(application_id).lines[0].state_zh == "数据录入"
    branch.advance(2)
    assert branch.client.application(application_id).state == "SHIPPED"  # made once


def test_a_failed_application_is_cancelled_now_and_refused_with_the_line_down(
        branch: Branch) -> None:
    application_id, _ = _failed(branch)
    desk = branch.desk()
    with pytest.raises(ValidationError):
        desk.cancel_failed(application_id, " ")  # the reason is required
    offline = branch.context()
    offline.central = _closed_port_client()
    with pytest.raises(NewWorkRefused) as refused:
        ProductionDesk(offline).cancel_failed(application_id, "申请人放弃")
    assert refused.value.code == "CANCEL_NEEDS_CENTRAL"
    assert "撤销申领须由中心当场确认" in refused.value.message_zh
    msg, = _messages(branch, "applications.cancel")
    assert msg.status == "discarded"  # never sent: the sync worker leaves it
    assert branch.client.application(application_id).state == "FAILED"
    outcome = desk.cancel_failed(application_id, "申请人放弃")
    assert outcome.sent and "已撤销" in outcome.message_zh
    assert branch.client.application(application_id).state == "CANCELLED"
    assert desk.search(application_id).lines[0].state_zh == "已撤销"
    sent = [m for m in _messages(branch, "applications.cancel") if m.status == "done"]
    assert len(sent) == 1
    assert _audit_actions(branch).count("production.cancelled") == 2  # both attempts audited


def _shipped(branch: Branch, n: int) -> list[tuple[str, str]]:
    apps = [branch.take()[0] for _ in range(n)]
    branch.advance(2)
    out = []
    for a in apps:
        got = branch.client.application(a.application_id)
        assert got.state == "SHIPPED" and got.card_no
        out.append((a.application_id, got.card_no))
    return out


def test_a_half_received_batch_is_resumed_after_a_restart(branch: Branch) -> None:
    cards = _shipped(branch, 3)
    desk = branch.desk(card_reader=SimulatedSocialCardReader())
    batches, _ = desk.new_receipt().batches()
    batch_id, = [b.batch_id for b in batches if cards[0][0] in {i.application_id for i in b.items}]
    wf = desk.open_receipt(batch_id)
    assert wf.step is Step.READ
    for application_id, card_no in cards[:2]:
        wf.add_read(card_no, application_id)
    # the counter restarts: the store is closed and opened again, a new desk and workflow
    path = branch.store.path
    branch.store.close()
    assert cards[0][1].encode() not in path.read_bytes()  # the draft is encrypted
    branch.store = open_profile_store(branch.profile, exclusive=True)
    desk = branch.desk(card_reader=SimulatedSocialCardReader())
    draft, = desk.receipt_drafts()
    assert (draft.batch_id, draft.reads, draft.teller) == (batch_id, 2, "T0301")
    fresh = desk.new_receipt()
    with pytest.raises(StepInvalid):  # a new receipt never overwrites the one begun
        fresh.choose(batch_id)
    wf = desk.open_receipt(batch_id)
    assert wf.step is Step.READ and [r.card_no for r in wf.record.reads] == [c for _, c in cards[:2]]
    assert [e.event for e in wf.journal].count("resumed") == 1
    wf.add_read(cards[2][1], cards[2][0])
    wf.next()
    wf.apply(Step.PLACE, {"box": "C03"})
    assert wf.confirm() is Outcome.SENT
    assert desk.receipt_drafts() == []
    with branch.store.read() as s:
        assert s.query(ProductionBatch).filter_by(batch_id=batch_id).one().draft is None
    custody = {t.application_id: t.location for t in ProductionStore(branch.store).in_custody()}
    assert custody == {cards[0][0]: "C03-001", cards[1][0]: "C03-002", cards[2][0]: "C03-003"}
    with pytest.raises(Exception, match="没有未完成的签收"):
        BatchReceiptWorkflow.resume(desk.ctx, batch_id)


def test_a_draft_is_given_up_and_audited(branch: Branch) -> None:
    cards = _shipped(branch, 1)
    desk = branch.desk()
    desk.new_receipt().batches()
    batch_id = branch.client.application(cards[0][0]).batch_id
    assert batch_id
    wf = desk.open_receipt(batch_id)
    wf.add_read(cards[0][1])
    desk.discard_receipt(batch_id, "柜员放弃")
    assert desk.receipt_drafts() == []
    assert "production.receipt_draft_discarded" in _audit_actions(branch)
    assert desk.open_receipt(batch_id).record.reads == ()  # begun again from nothing


def _received(branch: Branch, n: int, days_ago: int = 0) -> list[tuple[str, str]]:
    cards = _shipped(branch, n)
    desk = branch.desk(clock=lambda: _later(-days_ago))
    desk.new_receipt().batches()
    batch_id = branch.client.application(cards[0][0]).batch_id
    assert batch_id
    wf = desk.open_receipt(batch_id)
    for application_id, card_no in cards:
        wf.add_read(card_no, application_id)
    wf.next()
    wf.apply(Step.PLACE, {"box": "D01"})
    assert wf.confirm() is Outcome.SENT
    return cards


def _later(days: int) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(days=days)


def test_cards_past_the_keeping_period_are_sealed_at_the_central(branch: Branch) -> None:
    cards = _received(branch, 2, days_ago=400)  # past the central's 12 months
    early = branch.desk(clock=lambda: _later(-370))
    assert not any(u.due for u in early.uncollected())
    with pytest.raises(Exception, match="无需封存"):
        early.seal_due()
    desk = branch.desk()
    assert [u.due for u in desk.uncollected()] == [True, True]
    outcome = desk.seal_due()
    assert (outcome.sent, outcome.queued, outcome.refused) == (2, 0, ())
    assert set(outcome.sealed) == {a for a, _ in cards}
    assert desk.uncollected() == []
    for application_id, card_no in cards:
        assert branch.client.card_status(card_no).card_state == "SEALED"
        line = desk.search(application_id).lines[0]
        assert outcome.sealing_list_id in line.next_zh and "封存" in line.next_zh
    assert {m.status for m in _messages(branch, "applications.seal")} == {"done"}
    assert "production.sealed" in _audit_actions(branch)
    listed = ProductionStore(branch.store).sealing_list(outcome.sealing_list_id)
    assert [loc for _, loc in listed] == ["D01-001", "D01-002"]
    hand = desk.new_handout()  # the holder comes after all: told where the card went
    hand.apply(HStep.IDENTIFY, {"collector": "SELF", "id_number": branch.client.application(
        cards[0][0]).id_number})
    with pytest.raises(HandoutError, match="退回中心封存") as refused:
        hand.find_card()
    assert outcome.sealing_list_id in refused.value.message_zh
    pdf = sealing_pdf(desk, outcome)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert outcome.sealing_list_id in text and "D01-002" in text and "中心已封存" in text
    assert cards[0][1] in text


def test_sealing_with_the_line_down_is_queued_and_reaches_the_central(branch: Branch) -> None:
    cards = _received(branch, 2, days_ago=400)
    desk = branch.desk()
    branch.central.line_down()
    try:
        outcome = desk.seal_due()
    finally:
        branch.central.line_up()
    assert (outcome.sent, outcome.queued) == (0, 2) and "暂存" in outcome.message_zh
    assert desk.uncollected() == []  # out of the drawer either way
    assert {m.status for m in _messages(branch, "applications.seal")} == {"pending"}
    assert {branch.client.card_status(c).card_state for _, c in cards} == {"PENDING_ACTIVATION"}
    worker = make_sync_worker(branch.profile, branch.store, branch.client)
    worker.drain()
    worker.drain()
    assert {m.status for m in _messages(branch, "applications.seal")} == {"done"}
    assert {branch.client.card_status(c).card_state for _, c in cards} == {"SEALED"}


def _status(line: LineState, *, session_open: bool | None = True) -> SyncStatus:
    now = dt.datetime.now(dt.UTC)
    return SyncStatus(line_state=line, latency_ms=None, outbox_depth=0, dead_letters=0,
                      oldest_unsent_age_s=None, last_success_at=now, last_pull_at=now,
                      last_error_code=None, checked_at=now, session_open=session_open)


def test_the_line_state_and_the_work_session_decide_before_anything_is_written(
        branch: Branch) -> None:
    application_id, _ = _failed(branch)
    cards = _shipped(branch, 1)
    offline = branch.context()
    offline.sync_status = lambda: _status(LineState.OFFLINE)
    desk = ProductionDesk(offline)
    assert desk.search(application_id).lines[0].can_retry
    with pytest.raises(NewWorkRefused) as refused:  # known offline: refused, nothing written
        desk.cancel_failed(application_id, "申请人放弃")
    assert refused.value.code == "CANCEL_NEEDS_CENTRAL"
    assert _messages(branch, "applications.cancel") == []
    no_session = branch.context()
    no_session.sync_status = lambda: _status(LineState.ONLINE, session_open=False)
    closed = ProductionDesk(no_session)
    with pytest.raises(NewWorkRefused) as refused:
        closed.resubmit(application_id)
    assert refused.value.code == "SESSION_REQUIRED"
    assert _messages(branch, "applications.resubmit") == []
    # a receipt begun inside the session is not resumed outside it
    open_desk = branch.desk()
    open_desk.new_receipt().batches()
    batch_id = branch.client.application(cards[0][0]).batch_id
    assert batch_id
    open_desk.open_receipt(batch_id).add_read(cards[0][1])
    with pytest.raises(StepInvalid, match="会话"):
        closed.open_receipt(batch_id)
    assert open_desk.receipt_drafts()[0].reads == 1


def test_a_failure_of_another_counter_of_the_branch_is_tracked_and_taken_up(
        branch: Branch) -> None:
    from central_sim.seed import generated_id
    from counter_app.workflows.production.demo import take_failing

    idn = next(generated_id(i) for i in range(2700, 2800)
               if branch.client.eligibility(generated_id(i), "CCB").eligible)
    application_id = take_failing(branch.client, branch.profile.branch_code, "CCB", idn)
    assert application_id is not None  # not accepted at this counter: unknown locally
    branch.advance(2)
    desk = branch.desk()
    assert ProductionStore(branch.store).get(application_id) is None
    line, = desk.search(application_id).lines  # asked at the central, tracked from now on
    assert line.state_zh == "制卡失败" and line.can_retry and not line.remote
    assert ProductionStore(branch.store).get(application_id) is not None
    assert desk.resubmit(application_id).sent
    assert branch.client.application(application_id).state == "DATA_ENTRY"
