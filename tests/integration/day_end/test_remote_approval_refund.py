"""A fee refund at counter C01 authorised by the supervisor at counter C02 through the
reference central (远程授权), end to end: two counters, each with its own store and accounts
and its own loopback identity, the one authorisation path on both sides."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counter_app.bootstrap import Fakes, Services, build_services
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.store.models import AuditEntry
from counter_app.workflows.login import LoginRefused
from counter_app.workflows.remote_approval import RemoteApprovalRefused
from counter_app.workflows.supervisor import (
    PURPOSE_REFUND,
    PURPOSE_REMOTE_APPROVE,
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

    asked = teller_pc.remote_approvals.ask(PURPOSE_REFUND, f"退费 收据{fee.receipt_no} 20.00元",
                                           TELLER)
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
        "purpose": PURPOSE_REFUND, "request": asked.request_id, "counter": "C02",
        "note": f"authorised remotely by {SUPERVISOR} at counter C02"})]
    on_supervisor_pc = [(a, act, d.get("purpose")) for a, act, d in audit(supervisor_pc)
                        if act.startswith(("authorise.granted", "remote_approval."))]
    assert on_supervisor_pc == [(SUPERVISOR, "authorise.granted", PURPOSE_REMOTE_APPROVE),
                                (SUPERVISOR, "remote_approval.approved", PURPOSE_REFUND)]

    # the same approval replayed for a second act is refused
    second = fees.collect(FEE, "cash", "", replacement_done(teller_pc))
    assert second is not None
    with pytest.raises(RemoteApprovalRefused) as replay:
        fees.refund(second.receipt_no, "客户放弃补卡", SupervisorApproval.remote(asked.request_id))
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
    other = teller_pc.remote_approvals.ask(PURPOSE_REFUND, "退费 20.00元", TELLER)
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
