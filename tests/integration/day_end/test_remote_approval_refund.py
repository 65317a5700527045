"""A fee refund at counter C01 authorised by the supervisor at counter C02 through the
reference central (远程授权), end to end: two counters, each with its own store and accounts
and its own loopback identity, the one authorisation path on both sides."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counter_app.bootstrap import Fakes, Services, build_services
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.store.models import AuditEntry
from counter_app.workflows.fees.desk import refund_purpose
from counter_app.workflows.login import LoginRefused
from counter_app.workflows.remote_approval import RemoteApprovalRefused
from counter_app.workflows.supervisor import (
    PURPOSE_REFUND,
    PURPOSE_UNLOCK,
    SupervisorApproval,
)
from tests.fixtures.app import make_profile
from tests.fixtures.otp import SUPERVISOR, approval
from tests.integration.day_end.test_day_end_store import FEE, replacement_done

pytestmark = pytest.mark.central

TELLER = "T0301"
BRANCH = "ICBC-NB-0101"


def counter(tmp_path: Path, central: CentralSimHandle, counter_id: str,
            clients: list[HttpCentralClient]) -> Services:
    client = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                               client_id=f"{BRANCH}/{counter_id}")
    clients.append(client)
    profile = dataclasses.replace(make_profile(tmp_path / counter_id), counter_id=counter_id)
    return build_services(profile, fakes=Fakes(central=client, no_presence=True))


@pytest.fixture
def counters(tmp_path: Path, central: CentralSimHandle) -> Iterator[tuple[Services, Services]]:
    clients: list[HttpCentralClient] = []
    teller_pc = counter(tmp_path, central, "C01", clients)
    supervisor_pc = counter(tmp_path, central, "C02", clients)
    yield teller_pc, supervisor_pc
    for s in (teller_pc, supervisor_pc):
        s.close()
    for c in clients:
        c.close()


def audit(services: Services) -> list[tuple[str, str, dict[str, Any]]]:
    with services.store.read() as s:
        return [(e.actor, e.action, dict(e.detail))
                for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


def test_a_refund_authorised_from_another_counter_once(
        counters: tuple[Services, Services], central: CentralSimHandle) -> None:
    teller_pc, supervisor_pc = counters
    teller_pc.session_desk(TELLER).open("0")
    fees = teller_pc.fee_desk(TELLER)
    fee = fees.collect(FEE, "cash", "", replacement_done(teller_pc))
    assert fee is not None

    purpose = refund_purpose(fee.receipt_no)
    asked = teller_pc.remote_approvals.ask(purpose, f"退费 收据{fee.receipt_no} 20.00元", TELLER)
    assert asked.counter_id == "C01" and asked.state == "PENDING"
    pending = supervisor_pc.remote_approvals.pending()
    assert asked.request_id in {r.request_id for r in pending}
    # the teller's counter cannot use it before a decision
    with pytest.raises(RemoteApprovalRefused) as early:
        fees.refund(fee.receipt_no, "客户放弃补卡", SupervisorApproval.remote(asked.request_id))
    assert early.value.code == "APPROVAL_NOT_APPROVED"

    # a wrong password at the supervisor's PC decides nothing at the central
    with pytest.raises(LoginRefused):
        supervisor_pc.remote_approvals.decide(
            asked.request_id, approval(SUPERVISOR, password="wrong-123"), approve=True)
    assert teller_pc.remote_approvals.status(asked.request_id).state == "PENDING"

    decided = supervisor_pc.remote_approvals.decide(asked.request_id, approval(SUPERVISOR),
                                                    approve=True)
    assert decided.state == "APPROVED" and decided.supervisor == SUPERVISOR
    assert teller_pc.remote_approvals.status(asked.request_id).state == "APPROVED"

    refund = fees.refund(fee.receipt_no, "客户放弃补卡", SupervisorApproval.remote(asked.request_id))
    assert refund.authorised_by == SUPERVISOR and refund.refund_of == fee.receipt_no

    granted = [(actor, d) for actor, action, d in audit(teller_pc)
               if action == "authorise.granted_remote"]
    assert granted == [(SUPERVISOR, {
        "purpose": purpose, "request": asked.request_id, "counter": "C02",
        "note": f"authorised remotely by {SUPERVISOR} at counter C02"})]
    on_supervisor_pc = [(a, act, d.get("purpose")) for a, act, d in audit(supervisor_pc)
                        if act.startswith(("authorise.granted", "remote_approval."))]
    # the supervisor's authorisation names the request it decided
    assert on_supervisor_pc == [
        (SUPERVISOR, "authorise.granted", f"remote.approve:{asked.request_id}"),
        (SUPERVISOR, "remote_approval.approved", purpose)]

    # the same approval replayed (the receipt is refunded already, so through the one
    # authorisation path itself) is refused at the central
    with pytest.raises(RemoteApprovalRefused) as replay:
        teller_pc.authorise(SupervisorApproval.remote(asked.request_id), purpose)
    assert replay.value.code == "APPROVAL_ALREADY_USED"
    assert [f.refund_of for f in fees.session_fees() if f.refund_of] == [fee.receipt_no]
    assert any(action == "authorise.remote_refused" and d["code"] == "APPROVAL_ALREADY_USED"
               for _a, action, d in audit(teller_pc))


def test_an_approval_asked_for_another_act_does_not_authorise_a_refund(
        counters: tuple[Services, Services]) -> None:
    teller_pc, supervisor_pc = counters
    teller_pc.session_desk(TELLER).open("0")
    fees = teller_pc.fee_desk(TELLER)
    fee = fees.collect(FEE, "cash", "", replacement_done(teller_pc))
    assert fee is not None
    asked = teller_pc.remote_approvals.ask(PURPOSE_UNLOCK, "解锁柜员 T0302", TELLER)
    supervisor_pc.remote_approvals.decide(asked.request_id, approval(SUPERVISOR), approve=True)
    with pytest.raises(RemoteApprovalRefused) as wrong:
        fees.refund(fee.receipt_no, "客户放弃补卡", SupervisorApproval.remote(asked.request_id))
    assert wrong.value.code == "APPROVAL_PURPOSE_MISMATCH"
    # refused, with the reason: the teller sees it
    other = teller_pc.remote_approvals.ask(refund_purpose(fee.receipt_no), "退费 20.00元", TELLER)
    with pytest.raises(Exception) as no_reason:
        supervisor_pc.remote_approvals.decide(other.request_id, approval(SUPERVISOR),
                                              approve=False, reason="")
    assert getattr(no_reason.value, "code", "") == "REASON_REQUIRED"
    refused = supervisor_pc.remote_approvals.decide(other.request_id, approval(SUPERVISOR),
                                                    approve=False, reason="金额有误")
    seen = teller_pc.remote_approvals.status(other.request_id)
    assert (refused.state, seen.state, seen.reason) == ("REFUSED", "REFUSED", "金额有误")


def test_line_down_says_to_authorise_in_person(counters: tuple[Services, Services],
                                               central: CentralSimHandle) -> None:
    teller_pc, _supervisor_pc = counters
    teller_pc.session_desk(TELLER).open("0")
    fees = teller_pc.fee_desk(TELLER)
    fee = fees.collect(FEE, "cash", "", replacement_done(teller_pc))
    assert fee is not None
    central.line_down()
    try:
        with pytest.raises(RemoteApprovalRefused) as down:
            fees.refund(fee.receipt_no, "客户放弃补卡", SupervisorApproval.remote("0" * 32))
        with pytest.raises(RemoteApprovalRefused) as asking:
            teller_pc.remote_approvals.ask(PURPOSE_REFUND, "退费 20.00元", TELLER)
    finally:
        central.line_up()
    for refused in (down.value, asking.value):
        assert refused.code == "REMOTE_APPROVAL_OFFLINE"
        assert "当面" in refused.message_zh and "本柜台" in refused.message_zh
    # in person at this counter still works
    refund = fees.refund(fee.receipt_no, "客户放弃补卡", approval(SUPERVISOR))
    assert refund.authorised_by == SUPERVISOR


def test_an_approval_for_one_receipt_does_not_refund_another(
        counters: tuple[Services, Services]) -> None:
    """Asked and approved for receipt A; the teller refunds receipt B with it: refused at the
    central (the purpose names the receipt), nothing refunded, and A still refundable with it."""
    teller_pc, supervisor_pc = counters
    teller_pc.session_desk(TELLER).open("0")
    fees = teller_pc.fee_desk(TELLER)
    a = fees.collect(FEE, "cash", "", replacement_done(teller_pc))
    b = fees.collect(FEE, "cash", "", replacement_done(teller_pc))
    assert a is not None and b is not None and a.receipt_no != b.receipt_no
    asked = teller_pc.remote_approvals.ask(refund_purpose(a.receipt_no), f"退费 {a.receipt_no}",
                                           TELLER)
    assert asked.purpose == f"fee.refund:{a.receipt_no}"
    supervisor_pc.remote_approvals.decide(asked.request_id, approval(SUPERVISOR), approve=True)
    with pytest.raises(RemoteApprovalRefused) as wrong:
        fees.refund(b.receipt_no, "客户放弃补卡", SupervisorApproval.remote(asked.request_id))
    assert wrong.value.code == "APPROVAL_PURPOSE_MISMATCH"
    assert [f for f in fees.session_fees() if f.refund_of] == []
    assert teller_pc.remote_approvals.status(asked.request_id).state == "APPROVED"
    made = fees.refund(a.receipt_no, "客户放弃补卡", SupervisorApproval.remote(asked.request_id))
    assert made.refund_of == a.receipt_no
    # in person too, the authorisation names the receipt
    in_person = fees.refund(b.receipt_no, "客户放弃补卡", approval(SUPERVISOR))
    granted = [d["purpose"] for _a, action, d in audit(teller_pc)
               if action in ("authorise.granted", "authorise.granted_remote")]
    assert granted == [f"fee.refund:{a.receipt_no}", f"fee.refund:{in_person.refund_of}"]


def test_no_one_decides_their_own_request_and_refusals_are_audited(
        counters: tuple[Services, Services]) -> None:
    teller_pc, supervisor_pc = counters
    # a supervisor who asked as the teller of the act (at C01) cannot approve it from C02:
    # refused before the password is checked, nothing sent
    own = teller_pc.remote_approvals.ask(PURPOSE_UNLOCK + ":T0302", "解锁柜员 T0302", SUPERVISOR)
    with pytest.raises(RemoteApprovalRefused) as self_approval:
        supervisor_pc.remote_approvals.decide(own.request_id, approval(SUPERVISOR), approve=True)
    assert self_approval.value.code == "APPROVAL_SELF"
    assert not [e for e in audit(supervisor_pc) if e[1].startswith("authorise.")]
    assert teller_pc.remote_approvals.status(own.request_id).state == "PENDING"

    # a decision the central refuses (here: from the requesting counter itself) is audited
    # on the deciding PC after the supervisor's check
    asked = teller_pc.remote_approvals.ask(PURPOSE_UNLOCK + ":T0302", "解锁柜员 T0302", TELLER)
    with pytest.raises(RemoteApprovalRefused) as own_counter:
        teller_pc.remote_approvals.decide(asked.request_id, approval(SUPERVISOR), approve=True)
    assert own_counter.value.code == "APPROVAL_OWN_COUNTER"
    refused = [(a, d) for a, action, d in audit(teller_pc)
               if action == "remote_approval.decision_refused"]
    assert refused == [(SUPERVISOR, {
        "request": asked.request_id, "purpose": "teller.unlock:T0302", "counter": "C01",
        "decision": "approve", "code": "APPROVAL_OWN_COUNTER"})]


def test_the_waiting_counter_audits_what_it_sees_and_what_it_abandons(
        counters: tuple[Services, Services]) -> None:
    teller_pc, supervisor_pc = counters
    desk = teller_pc.remote_approvals
    purpose = "teller.unlock:T0302"

    def seen(action: str) -> list[tuple[str, dict[str, Any]]]:
        return [(a, d) for a, act, d in audit(teller_pc) if act == action]

    # refused: audited the first time the waiting counter sees it, not at every poll
    refused = desk.ask(purpose, "解锁柜员 T0302", TELLER)
    supervisor_pc.remote_approvals.decide(refused.request_id, approval(SUPERVISOR),
                                          approve=False, reason="身份未核实")
    for _poll in range(3):
        assert desk.status(refused.request_id).state == "REFUSED"
    assert seen("remote_approval.seen_refused") == [(TELLER, {
        "request": refused.request_id, "purpose": purpose, "supervisor": SUPERVISOR,
        "counter": "C02"})]

    # the teller stops waiting: withdrawn at the central, neither approved nor used after
    abandoned = desk.ask(purpose, "解锁柜员 T0302", TELLER)
    assert desk.cancel(abandoned.request_id, TELLER) is True
    assert seen("remote_approval.abandoned") == [(TELLER, {
        "withdrawn": True, "request": abandoned.request_id, "purpose": purpose,
        "state": "WITHDRAWN"})]
    assert abandoned.request_id not in {r.request_id for r in supervisor_pc.remote_approvals.pending()}
    with pytest.raises(RemoteApprovalRefused) as late:
        supervisor_pc.remote_approvals.decide(abandoned.request_id, approval(SUPERVISOR),
                                              approve=True)
    assert late.value.code == "APPROVAL_NOT_PENDING"
    with pytest.raises(RemoteApprovalRefused) as unusable:
        desk.consume(abandoned.request_id, purpose)
    assert unusable.value.code == "APPROVAL_WITHDRAWN"

    # expired while waiting: audited once when seen
    desk.valid_seconds = 1
    try:
        expiring = desk.ask(purpose, "解锁柜员 T0302", TELLER)
    finally:
        desk.valid_seconds = 600
    deadline = time.monotonic() + 10
    while desk.status(expiring.request_id).state != "EXPIRED":
        assert time.monotonic() < deadline, "the request never expired"
        time.sleep(0.2)
    desk.status(expiring.request_id)
    assert seen("remote_approval.seen_expired") == [(TELLER, {
        "request": expiring.request_id, "purpose": purpose})]
    # abandoning a request that already lapsed still records the abandoned wait
    assert desk.cancel(expiring.request_id, TELLER) is False
    assert seen("remote_approval.abandoned")[-1] == (TELLER, {
        "withdrawn": False, "request": expiring.request_id, "code": "APPROVAL_EXPIRED"})
