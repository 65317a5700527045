"""Remote supervisor approval at the reference central (central_sim/approvals.py), through
the counter's client: two counters of one branch and a counter of another branch, each with
its own loopback identity (X-Client-Id)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator

import pytest

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

BRANCH = "ICBC-NB-0101"
OTHER_BRANCH = "ICBC-NB-0102"
REFUND = "fee.refund"


@pytest.fixture
def clients(central: CentralSimHandle) -> Iterator[Callable[[str], HttpCentralClient]]:
    made: list[HttpCentralClient] = []

    def client(client_id: str) -> HttpCentralClient:
        c = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                              client_id=client_id)
        made.append(c)
        return c

    yield client
    for c in made:
        c.close()


def key() -> str:
    return str(uuid.uuid4())


def ask(teller: HttpCentralClient, purpose: str = REFUND, valid_seconds: int = 600) -> str:
    request_id = uuid.uuid4().hex
    asked = teller.request_remote_approval(
        request_id=request_id, purpose=purpose, summary="退费 收据 R20261130-0001 20.00元",
        teller="T0301", valid_seconds=valid_seconds, idempotency_key=key())
    assert asked.state == "PENDING" and asked.request_id == request_id
    return request_id


def refusal(fn: Callable[[], object]) -> tuple[int, str]:
    with pytest.raises(CentralRefusal) as refused:
        fn()
    assert refused.value.message_zh  # every refusal says why, in Chinese
    return refused.value.status, refused.value.code


def test_same_branch_other_counter_approves_and_the_requester_consumes_once(
        clients: Callable[[str], HttpCentralClient]) -> None:
    teller, supervisor = clients(f"{BRANCH}/C01"), clients(f"{BRANCH}/C02")
    request_id = ask(teller)
    got = teller.remote_approval(request_id)
    # the central records the requesting counter from the verified identity
    assert (got.branch_code, got.counter_id, got.teller) == (BRANCH, "C01", "T0301")
    assert 590 <= (got.expires_at - got.created_at).total_seconds() <= 600
    # the supervisor's counter sees it among the branch's pending requests; the asking counter
    # does not (it cannot decide its own)
    assert request_id in {r.request_id for r in supervisor.pending_remote_approvals()}
    assert request_id not in {r.request_id for r in teller.pending_remote_approvals()}
    decided = supervisor.decide_remote_approval(request_id, approve=True, supervisor="S0302",
                                                reason="", idempotency_key=key())
    assert (decided.state, decided.supervisor, decided.decided_counter) == (
        "APPROVED", "S0302", "C02")
    assert teller.remote_approval(request_id).state == "APPROVED"
    assert request_id not in {r.request_id for r in supervisor.pending_remote_approvals()}
    used = teller.consume_remote_approval(request_id, purpose=REFUND, idempotency_key=key())
    assert used.state == "CONSUMED" and used.consumed_at is not None
    assert used.supervisor == "S0302" and used.decided_counter == "C02"
    # a replay of the same approval for a second act
    assert refusal(lambda: teller.consume_remote_approval(
        request_id, purpose=REFUND, idempotency_key=key())) == (409, "APPROVAL_ALREADY_USED")


def test_decisions_refused_by_counter_branch_expiry_and_twice(
        clients: Callable[[str], HttpCentralClient]) -> None:
    teller, supervisor = clients(f"{BRANCH}/C01"), clients(f"{BRANCH}/C02")
    elsewhere = clients(f"{OTHER_BRANCH}/C02")
    request_id = ask(teller)

    def decide(by: HttpCentralClient, approve: bool = True, reason: str = "") -> object:
        return by.decide_remote_approval(request_id, approve=approve, supervisor="S0301",
                                         reason=reason, idempotency_key=key())

    assert refusal(lambda: decide(teller)) == (403, "APPROVAL_OWN_COUNTER")
    assert refusal(lambda: decide(elsewhere)) == (403, "APPROVAL_OTHER_BRANCH")
    assert refusal(lambda: elsewhere.remote_approval(request_id)) == (403, "APPROVAL_OTHER_BRANCH")
    assert request_id not in {r.request_id for r in elsewhere.pending_remote_approvals()}
    assert refusal(lambda: decide(supervisor, approve=False)) == (422, "APPROVAL_REASON_REQUIRED")
    # none of the refusals decided anything
    assert teller.remote_approval(request_id).state == "PENDING"
    refused = supervisor.decide_remote_approval(request_id, approve=False, supervisor="S0302",
                                                reason="金额不符", idempotency_key=key())
    assert refused.state == "REFUSED" and refused.reason == "金额不符"
    assert refusal(lambda: decide(supervisor)) == (409, "APPROVAL_ALREADY_DECIDED")
    assert teller.remote_approval(request_id).state == "REFUSED"
    # a refused request is never usable
    assert refusal(lambda: teller.consume_remote_approval(
        request_id, purpose=REFUND, idempotency_key=key())) == (409, "APPROVAL_NOT_APPROVED")
    assert refusal(lambda: teller.remote_approval("0" * 32)) == (404, "APPROVAL_UNKNOWN")


def test_consume_refused_for_pending_wrong_purpose_other_counter_and_request_id_taken(
        clients: Callable[[str], HttpCentralClient]) -> None:
    teller, supervisor = clients(f"{BRANCH}/C01"), clients(f"{BRANCH}/C02")
    unlock = "teller.unlock:T0302"  # purposes name their object: the teller, the dead letter
    request_id = ask(teller, purpose=unlock)
    assert refusal(lambda: teller.consume_remote_approval(
        request_id, purpose=unlock, idempotency_key=key())) == (409, "APPROVAL_NOT_APPROVED")
    supervisor.decide_remote_approval(request_id, approve=True, supervisor="S0302", reason="",
                                      idempotency_key=key())
    assert refusal(lambda: teller.consume_remote_approval(
        request_id, purpose=REFUND, idempotency_key=key())) == (409, "APPROVAL_PURPOSE_MISMATCH")
    # only the requesting counter uses it (not the supervisor's, not a third counter)
    for other in (supervisor, clients(f"{BRANCH}/C03")):
        assert refusal(lambda other=other: other.consume_remote_approval(
            request_id, purpose=unlock, idempotency_key=key())) == (
            403, "APPROVAL_NOT_REQUESTER")
    # the refusals left it usable, once, for its own purpose
    assert refusal(lambda: teller.consume_remote_approval(
        request_id, purpose="teller.unlock:T0303", idempotency_key=key())) == (
        409, "APPROVAL_PURPOSE_MISMATCH")  # the same act on another teller
    assert teller.consume_remote_approval(request_id, purpose=unlock,
                                          idempotency_key=key()).state == "CONSUMED"
    assert refusal(lambda: teller.request_remote_approval(
        request_id=request_id, purpose=REFUND, summary="再次", teller="T0301", valid_seconds=600,
        idempotency_key=key())) == (409, "APPROVAL_REQUEST_ID_TAKEN")


def test_expired_requests_cannot_be_decided_nor_used(
        clients: Callable[[str], HttpCentralClient]) -> None:
    teller, supervisor = clients(f"{BRANCH}/C01"), clients(f"{BRANCH}/C02")
    never_decided = ask(teller, valid_seconds=1)
    approved_late = ask(teller, valid_seconds=2)
    supervisor.decide_remote_approval(approved_late, approve=True, supervisor="S0302",
                                      reason="", idempotency_key=key())
    deadline = teller.remote_approval(approved_late).expires_at.timestamp()
    time.sleep(max(0.0, deadline - time.time()) + 0.3)
    assert teller.remote_approval(never_decided).state == "EXPIRED"
    assert never_decided not in {r.request_id for r in supervisor.pending_remote_approvals()}
    assert refusal(lambda: supervisor.decide_remote_approval(
        never_decided, approve=True, supervisor="S0302", reason="",
        idempotency_key=key())) == (409, "APPROVAL_EXPIRED")
    assert teller.remote_approval(approved_late).state == "EXPIRED"
    assert refusal(lambda: teller.consume_remote_approval(
        approved_late, purpose=REFUND, idempotency_key=key())) == (409, "APPROVAL_EXPIRED")


def test_the_request_is_limited(clients: Callable[[str], HttpCentralClient]) -> None:
    teller = clients(f"{BRANCH}/C01")
    assert refusal(lambda: teller.request_remote_approval(
        request_id=uuid.uuid4().hex, purpose=REFUND, summary="x", teller="T0301",
        valid_seconds=601, idempotency_key=key()))[0] == 422
    assert refusal(lambda: teller.request_remote_approval(
        request_id=uuid.uuid4().hex, purpose="退费", summary="x", teller="T0301",
        valid_seconds=60, idempotency_key=key())) == (400, "INVALID_REQUEST")
