"""Remote supervisor approval at the reference central (central_sim/approvals.py), through
the counter's client: two counters of one branch and a counter of another branch, each with
its own loopback identity (X-Client-Id); then the same over mutual TLS, where the branch and
counter come only from the client certificate (CN, OU) issued by the test CA."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

BRANCH = "ICBC-NB-0101"
OTHER_BRANCH = "ICBC-NB-0102"
REFUND = "fee.refund:ICBC-NB-0101-20261130-C01-F0A1B2C3D"  # purposes name their object


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


def ask(teller: HttpCentralClient, purpose: str = REFUND, valid_seconds: int = 600,
        teller_id: str = "T0301") -> str:
    request_id = uuid.uuid4().hex
    asked = teller.request_remote_approval(
        request_id=request_id, purpose=purpose, summary="退费 收据 R20261130-0001 20.00元",
        teller=teller_id, valid_seconds=valid_seconds, idempotency_key=key())
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
    approved_late = ask(teller, valid_seconds=5)  # decided well before it ends
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


def test_a_refund_approval_names_its_receipt(clients: Callable[[str], HttpCentralClient]) -> None:
    """Approved for receipt A, used for receipt B: the object is part of the purpose."""
    teller, supervisor = clients(f"{BRANCH}/C01"), clients(f"{BRANCH}/C02")
    request_id = ask(teller)
    supervisor.decide_remote_approval(request_id, approve=True, supervisor="S0302", reason="",
                                      idempotency_key=key())
    for other in ("fee.refund", "fee.refund:ICBC-NB-0101-20261130-C01-F99999999"):
        assert refusal(lambda other=other: teller.consume_remote_approval(
            request_id, purpose=other, idempotency_key=key())) == (409, "APPROVAL_PURPOSE_MISMATCH")
    assert teller.consume_remote_approval(request_id, purpose=REFUND,
                                          idempotency_key=key()).state == "CONSUMED"


def test_a_supervisor_never_decides_their_own_request(
        clients: Callable[[str], HttpCentralClient]) -> None:
    """A supervisor who asked at C01 (as the teller of the act) cannot approve it from C02."""
    teller, supervisor = clients(f"{BRANCH}/C01"), clients(f"{BRANCH}/C02")
    request_id = ask(teller, teller_id="S0301")
    for approve, reason in ((True, ""), (False, "本人撤销")):
        assert refusal(lambda approve=approve, reason=reason: supervisor.decide_remote_approval(
            request_id, approve=approve, supervisor="S0301", reason=reason,
            idempotency_key=key())) == (403, "APPROVAL_SELF")
    assert teller.remote_approval(request_id).state == "PENDING"
    # another supervisor may
    assert supervisor.decide_remote_approval(request_id, approve=True, supervisor="S0302",
                                             reason="", idempotency_key=key()).state == "APPROVED"


def test_the_requester_withdraws_a_request(clients: Callable[[str], HttpCentralClient]) -> None:
    teller, supervisor = clients(f"{BRANCH}/C01"), clients(f"{BRANCH}/C02")
    pending = ask(teller)
    # only the requesting counter withdraws it
    for other in (supervisor, clients(f"{OTHER_BRANCH}/C01")):
        assert refusal(lambda other=other: other.cancel_remote_approval(
            pending, idempotency_key=key()))[1] in ("APPROVAL_NOT_REQUESTER", "APPROVAL_OTHER_BRANCH")
    assert teller.remote_approval(pending).state == "PENDING"
    withdrawn = teller.cancel_remote_approval(pending, idempotency_key=key())
    assert withdrawn.state == "WITHDRAWN" and withdrawn.withdrawn_at is not None
    assert teller.cancel_remote_approval(pending, idempotency_key=key()).state == "WITHDRAWN"
    assert pending not in {r.request_id for r in supervisor.pending_remote_approvals()}
    assert refusal(lambda: supervisor.decide_remote_approval(
        pending, approve=True, supervisor="S0302", reason="",
        idempotency_key=key())) == (409, "APPROVAL_WITHDRAWN")
    assert refusal(lambda: teller.consume_remote_approval(
        pending, purpose=REFUND, idempotency_key=key())) == (409, "APPROVAL_WITHDRAWN")
    # approved but not yet used: withdrawing it makes the approval unusable
    approved = ask(teller)
    supervisor.decide_remote_approval(approved, approve=True, supervisor="S0302", reason="",
                                      idempotency_key=key())
    assert teller.cancel_remote_approval(approved, idempotency_key=key()).state == "WITHDRAWN"
    assert refusal(lambda: teller.consume_remote_approval(
        approved, purpose=REFUND, idempotency_key=key())) == (409, "APPROVAL_WITHDRAWN")
    # refused or used: nothing to withdraw
    refused = ask(teller)
    supervisor.decide_remote_approval(refused, approve=False, supervisor="S0302",
                                      reason="金额不符", idempotency_key=key())
    assert refusal(lambda: teller.cancel_remote_approval(
        refused, idempotency_key=key())) == (409, "APPROVAL_ALREADY_DECIDED")
    used = ask(teller)
    supervisor.decide_remote_approval(used, approve=True, supervisor="S0302", reason="",
                                      idempotency_key=key())
    teller.consume_remote_approval(used, purpose=REFUND, idempotency_key=key())
    assert refusal(lambda: teller.cancel_remote_approval(
        used, idempotency_key=key())) == (409, "APPROVAL_ALREADY_USED")
    assert teller.remote_approval(used).state == "CONSUMED"


# -- over mutual TLS: the identity is the certificate --------------------------------------------

TlsClients = Callable[..., HttpCentralClient]


@pytest.fixture(scope="module")
def tls_clients(central_tls_dir: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[TlsClients]:
    """A reference central serving mutual TLS, and clients holding certificates from its test
    CA: C01 and C02 of the branch, a branch-level one without a counter OU, another branch."""
    from central_sim.tls import issue_client
    from counter_app.central.launcher import start_central_sim

    tmp = tmp_path_factory.mktemp("tls-remote-approval")
    certs = {"C01": central_tls_dir}  # the test CA's own client certificate: BRANCH, OU C01
    for name, branch, ou in (("C02", BRANCH, "C02"), ("no-ou", BRANCH, None),
                             ("other", OTHER_BRANCH, "C02")):
        certs[name] = issue_client(central_tls_dir, tmp / name, branch, ou)
    handle = start_central_sim(f"sqlite:///{tmp / 'central.db'}", tls_dir=central_tls_dir,
                               production_step=0, log_path=tmp / "central.log")
    made: list[HttpCentralClient] = []

    def client(name: str, client_id: str | None = None) -> HttpCentralClient:
        c = HttpCentralClient(handle.url, timeouts=Timeouts(connect=2, read=5, health=2),
                              ca_file=str(central_tls_dir / "ca.pem"),
                              client_cert=str(certs[name] / "client.pem"),
                              client_key=str(certs[name] / "client.key"), client_id=client_id)
        made.append(c)
        return c

    yield client
    for c in made:
        c.close()
    handle.stop()


def test_over_tls_the_counters_come_from_their_certificates(tls_clients: TlsClients) -> None:
    teller, supervisor = tls_clients("C01"), tls_clients("C02")
    assert teller.base_url.startswith("https://")
    request_id = ask(teller)
    got = teller.remote_approval(request_id)
    assert (got.branch_code, got.counter_id) == (BRANCH, "C01")
    assert request_id in {r.request_id for r in supervisor.pending_remote_approvals()}
    assert refusal(lambda: teller.decide_remote_approval(
        request_id, approve=True, supervisor="S0302", reason="",
        idempotency_key=key())) == (403, "APPROVAL_OWN_COUNTER")
    decided = supervisor.decide_remote_approval(request_id, approve=True, supervisor="S0302",
                                                reason="", idempotency_key=key())
    assert (decided.state, decided.decided_counter) == ("APPROVED", "C02")
    assert refusal(lambda: supervisor.consume_remote_approval(
        request_id, purpose=REFUND, idempotency_key=key())) == (403, "APPROVAL_NOT_REQUESTER")
    used = teller.consume_remote_approval(request_id, purpose=REFUND, idempotency_key=key())
    assert (used.state, used.supervisor, used.decided_counter) == ("CONSUMED", "S0302", "C02")


def test_over_tls_a_certificate_without_a_counter_is_refused(tls_clients: TlsClients) -> None:
    """A branch-level certificate (CN, no OU) is no counter: it can neither ask, list, decide,
    use nor withdraw; the loopback header cannot name a counter for it."""
    teller, branch_level = tls_clients("C01"), tls_clients("no-ou")
    request_id = ask(teller)
    calls: list[Callable[[], object]] = [
        lambda: branch_level.request_remote_approval(
            request_id=uuid.uuid4().hex, purpose=REFUND, summary="退费", teller="T0301",
            valid_seconds=600, idempotency_key=key()),
        branch_level.pending_remote_approvals,
        lambda: branch_level.decide_remote_approval(request_id, approve=True, supervisor="S0302",
                                                    reason="", idempotency_key=key()),
        lambda: branch_level.consume_remote_approval(request_id, purpose=REFUND,
                                                     idempotency_key=key()),
        lambda: branch_level.cancel_remote_approval(request_id, idempotency_key=key()),
    ]
    for call in calls:
        assert refusal(call) == (403, "COUNTER_REQUIRED")
    with_header = tls_clients("no-ou", client_id=f"{BRANCH}/C02")
    assert refusal(lambda: with_header.decide_remote_approval(
        request_id, approve=True, supervisor="S0302", reason="",
        idempotency_key=key())) == (403, "COUNTER_REQUIRED")
    assert teller.remote_approval(request_id).state == "PENDING"


def test_over_tls_another_branch_is_refused(tls_clients: TlsClients) -> None:
    teller, elsewhere = tls_clients("C01"), tls_clients("other")
    request_id = ask(teller)
    assert request_id not in {r.request_id for r in elsewhere.pending_remote_approvals()}
    for call in (lambda: elsewhere.remote_approval(request_id),
                 lambda: elsewhere.decide_remote_approval(request_id, approve=True,
                                                          supervisor="S0302", reason="",
                                                          idempotency_key=key()),
                 lambda: elsewhere.consume_remote_approval(request_id, purpose=REFUND,
                                                           idempotency_key=key()),
                 lambda: elsewhere.cancel_remote_approval(request_id, idempotency_key=key())):
        assert refusal(call) == (403, "APPROVAL_OTHER_BRANCH")
    assert teller.remote_approval(request_id).state == "PENDING"
