"""The re-base of a counter's audit chain at the reference central (POST …/rebase) and the
evidence it keeps (GET /v1/audit/head-events/{branch}): a re-based head becomes the reference,
only the counter itself may re-base, refused heads are kept with time and identity."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from counter_app.central.api import AuditRebase
from counter_app.central.client import HttpCentralClient
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

BRANCH = "ICBC-NB-0101"


def key() -> str:
    return str(uuid.uuid4())


def counter_client(central: CentralSimHandle, counter: str, branch: str = BRANCH) -> HttpCentralClient:
    return HttpCentralClient(central.url, client_id=f"{branch}/{counter}")


def rebase(seq: int, mac: str, **kw: object) -> AuditRebase:
    fields: dict = {"supervisor": "S0301", "reason": "已核实日志被截断，保留证据后继续营业",
                    "acknowledged_at": dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC),
                    "broken_seq": 10, "broken_head_sha256": "a" * 64, "first_bad_seq": 8,
                    "problem": "末尾条目缺失（日志被截断）", **kw}
    return AuditRebase(seq=seq, head_sha256=mac, **fields)


def test_a_rebased_head_becomes_the_reference_and_reports_continue_from_it(
        central: CentralSimHandle) -> None:
    counter = f"R{uuid.uuid4().hex[:6]}"
    client = counter_client(central, counter)
    client.report_audit_head(BRANCH, counter, seq=10, head_sha256="a" * 64, idempotency_key=key())
    # the counter lost entries 8..10; its supervisor acknowledged at entry 8
    k = key()
    head = client.rebase_audit_head(BRANCH, counter, rebase(8, "b" * 64), idempotency_key=k)
    assert (head.seq, head.head_sha256) == (8, "b" * 64)
    assert client.audit_head(BRANCH, counter).seq == 8
    # the same key replays the answer and keeps one piece of evidence
    client.rebase_audit_head(BRANCH, counter, rebase(8, "b" * 64), idempotency_key=k)
    # ordinary reports go on from the re-based head, below the old head's seq …
    client.report_audit_head(BRANCH, counter, seq=9, head_sha256="c" * 64, idempotency_key=key())
    assert client.audit_head(BRANCH, counter).seq == 9
    # … and the re-based head is now what a regression is measured against
    with pytest.raises(CentralRefusal) as err:
        client.report_audit_head(BRANCH, counter, seq=7, head_sha256="d" * 64,
                                 idempotency_key=key())
    assert err.value.code == "AUDIT_HEAD_REGRESSION"

    events = client.audit_head_events(BRANCH, counter)
    assert [e.kind for e in events] == ["REBASE", "REFUSED_REGRESSION"]
    ev = events[0]
    assert (ev.seq, ev.head_sha256, ev.previous_seq, ev.previous_head_sha256) == (
        8, "b" * 64, 10, "a" * 64)
    assert (ev.supervisor, ev.broken_seq, ev.broken_head_sha256, ev.first_bad_seq) == (
        "S0301", 10, "a" * 64, 8)
    assert ev.reason == "已核实日志被截断，保留证据后继续营业"
    assert ev.caller == f"{BRANCH}/{counter}" and ev.caller_via == "header"
    assert ev.acknowledged_at is not None and ev.acknowledged_at.replace(tzinfo=None) == \
        dt.datetime(2026, 1, 5, 9, 30)


def test_only_the_counter_itself_may_rebase_its_chain(central: CentralSimHandle) -> None:
    counter = f"R{uuid.uuid4().hex[:6]}"
    own = counter_client(central, counter)
    own.report_audit_head(BRANCH, counter, seq=10, head_sha256="a" * 64, idempotency_key=key())
    for other in (counter_client(central, "other-counter"),  # same branch, another counter
                  counter_client(central, counter, "CCB-NB-0230")):  # another branch
        with pytest.raises(CentralRefusal) as err:
            other.rebase_audit_head(BRANCH, counter, rebase(1, "e" * 64), idempotency_key=key())
        assert err.value.status == 403
        assert err.value.code in ("COUNTER_FORBIDDEN", "BRANCH_FORBIDDEN")
    assert own.audit_head(BRANCH, counter).seq == 10  # nothing moved
    assert own.audit_head_events(BRANCH, counter) == []
    # the history is the own branch's only
    with pytest.raises(CentralRefusal) as err:
        counter_client(central, "x", "CCB-NB-0230").audit_head_events(BRANCH)
    assert err.value.status == 403 and err.value.code == "BRANCH_FORBIDDEN"


def test_refused_regressions_and_forks_are_kept_as_evidence(central: CentralSimHandle) -> None:
    counter = f"R{uuid.uuid4().hex[:6]}"
    client = counter_client(central, counter)
    client.report_audit_head(BRANCH, counter, seq=10, head_sha256="a" * 64, idempotency_key=key())
    fork_key = key()
    for seq, mac, k in ((5, "b" * 64, key()), (10, "c" * 64, fork_key), (10, "c" * 64, fork_key)):
        with pytest.raises(CentralRefusal):
            client.report_audit_head(BRANCH, counter, seq=seq, head_sha256=mac, idempotency_key=k)
    events = client.audit_head_events(BRANCH, counter)
    # the replayed fork (same key) is one refusal, kept once
    assert [(e.kind, e.seq, e.head_sha256, e.previous_seq, e.previous_head_sha256) for e in events] == [
        ("REFUSED_REGRESSION", 5, "b" * 64, 10, "a" * 64),
        ("REFUSED_FORK", 10, "c" * 64, 10, "a" * 64)]
    assert all(e.caller == f"{BRANCH}/{counter}" and e.supervisor is None for e in events)
    now = dt.datetime.now(dt.UTC)
    for e in events:  # when: the central's clock at the refusal
        at = e.at if e.at.tzinfo else e.at.replace(tzinfo=dt.UTC)
        assert abs((now - at).total_seconds()) < 300
    # paging by event id
    later = client.audit_head_events(BRANCH, counter, since=events[0].event_id)
    assert [e.kind for e in later] == ["REFUSED_FORK"]
