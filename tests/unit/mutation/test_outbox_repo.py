"""The outbox repository on a real SQLite store: which messages the worker gets (the head of
each person's queue, due, in order, not past a dead letter), what each outcome writes, the
counts, and the supervisor's decision on a dead letter (audited with it).

The sync worker's own tests drive a fake outbox; these pin the real SQL (the survivors of
./scripts/mutation.sh on store/outbox_repo.py).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counter_app.store.audit import verify_audit_chain
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.models import AuditEntry, OutboxMessage
from counter_app.store.outbox_repo import (
    DeadLetterRecord,
    OutboxCounts,
    StoreOutboxRepository,
    add_outbox_message,
)

UTC = dt.UTC
T0 = dt.datetime(2026, 6, 1, 1, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(secrets.token_bytes(32)), exclusive=True)
    yield s
    s.close()


@pytest.fixture
def repo(store: Store) -> StoreOutboxRepository:
    return StoreOutboxRepository(store)


def queue(store: Store, key: str, op_id: str, at: dt.datetime = T0) -> int:
    with store.write() as s:
        add_outbox_message(s, "applications.submit", key, {"op": op_id}, op_id=op_id, now=at)
    with store.read() as s:
        row = s.scalar(select(OutboxMessage.id).where(OutboxMessage.op_id == op_id))
    assert row is not None
    return row


def row(store: Store, item_id: int) -> OutboxMessage:
    with store.read() as s:
        m = s.get(OutboxMessage, item_id)
        assert m is not None
        s.expunge(m)
        return m


def ops(repo: StoreOutboxRepository, now: dt.datetime = T0, limit: int = 10) -> list[str]:
    return [r.op_id for r in repo.next_batch(now, limit)]


def test_a_queued_message_is_pending_due_now_with_its_payload(store: Store,
                                                              repo: StoreOutboxRepository) -> None:
    op = repo.enqueue("applications.submit", "k1", {"a": 1})
    assert repo.status_of(op) == "pending"
    [item] = repo.next_batch(dt.datetime.now(UTC) + dt.timedelta(seconds=1), 10)
    assert (item.op_id, item.operation, item.ordering_key, item.payload, item.attempts) == (
        op, "applications.submit", "k1", {"a": 1}, 0)
    assert item.created_at.tzinfo is not None  # handed out aware, stored naive


def test_add_outbox_message_keeps_the_given_key_and_time_naive(store: Store) -> None:
    local = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    item = queue(store, "k1", "op-1", local)
    m = row(store, item)
    assert (m.op_id, m.status, m.attempts) == ("op-1", "pending", 0)
    assert m.created_at == m.next_attempt_at == dt.datetime(2026, 6, 1, 1, 0)  # naive UTC


def test_only_each_persons_oldest_message_is_handed_out_in_queue_order(
        store: Store, repo: StoreOutboxRepository) -> None:
    queue(store, "A", "a1")
    queue(store, "B", "b1")
    queue(store, "A", "a2")
    queue(store, "C", "c1")
    assert ops(repo) == ["a1", "b1", "c1"]
    assert ops(repo, limit=2) == ["a1", "b1"]


def test_a_message_is_due_at_its_next_attempt_time_not_before(store: Store,
                                                              repo: StoreOutboxRepository) -> None:
    item = queue(store, "A", "a1")
    retry_at = T0 + dt.timedelta(minutes=5)
    repo.mark_retry(item, "LINE_DOWN", retry_at, T0)
    assert ops(repo, retry_at - dt.timedelta(microseconds=1)) == []
    assert ops(repo, retry_at) == ["a1"]
    m = row(store, item)
    assert (m.status, m.attempts, m.last_error) == ("pending", 1, "LINE_DOWN")
    assert (m.last_attempt_at, m.next_attempt_at) == (T0.replace(tzinfo=None),
                                                      retry_at.replace(tzinfo=None))


def test_a_waiting_head_holds_back_its_persons_later_messages(store: Store,
                                                              repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    queue(store, "A", "a2")
    repo.mark_retry(a1, "TIMEOUT", T0 + dt.timedelta(hours=1), T0)
    assert ops(repo) == []  # a2 waits behind a1, even though a2 itself is due


def test_a_dead_letter_holds_back_only_its_own_person(store: Store,
                                                      repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    queue(store, "A", "a2")
    queue(store, "B", "b1")
    repo.mark_dead(a1, "VALIDATION", T0)
    assert ops(repo) == ["b1"]
    m = row(store, a1)
    assert (m.status, m.attempts, m.last_error, m.dead_reason) == (
        "dead", 1, "VALIDATION", "VALIDATION")
    assert m.last_attempt_at == T0.replace(tzinfo=None)


def test_done_and_discarded_messages_let_the_next_one_through(store: Store,
                                                              repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    queue(store, "A", "a2")
    b1 = queue(store, "B", "b1")
    queue(store, "B", "b2")
    repo.mark_retry(a1, "TIMEOUT", T0, T0)
    repo.mark_done(a1, {"application_no": "N1"}, T0 + dt.timedelta(minutes=1))
    repo.mark_dead(b1, "REFUSED", T0)
    repo.resolve_dead_letter(b1, "discard", "S0301", T0)
    assert ops(repo) == ["a2", "b2"]
    m = row(store, a1)
    assert (m.status, m.attempts, m.response, m.last_error) == (
        "done", 2, {"application_no": "N1"}, None)
    assert m.acked_at == m.last_attempt_at == dt.datetime(2026, 6, 1, 1, 1)


def test_stats_count_unsent_and_dead_and_the_oldest_still_owed(store: Store,
                                                               repo: StoreOutboxRepository) -> None:
    assert repo.stats() == OutboxCounts(0, 0, None)
    a1 = queue(store, "A", "a1", T0)
    b1 = queue(store, "B", "b1", T0 + dt.timedelta(minutes=1))
    c1 = queue(store, "C", "c1", T0 + dt.timedelta(minutes=2))
    queue(store, "D", "d1", T0 + dt.timedelta(minutes=3))
    with store.write() as s:  # a row left "sending" by older code counts as unsent
        m = s.get(OutboxMessage, c1)
        assert m is not None
        m.status = "sending"
    repo.mark_done(a1, {}, T0)
    repo.mark_dead(b1, "REFUSED", T0)
    assert repo.stats() == OutboxCounts(pending=2, dead=1,
                                        oldest_unsent_at=T0 + dt.timedelta(minutes=1))
    assert repo.counts() == {"done": 1, "dead": 1, "sending": 1, "pending": 1}


def test_dead_letters_are_listed_oldest_first_with_their_reason(store: Store,
                                                                repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    b1 = queue(store, "B", "b1")
    queue(store, "C", "c1")
    repo.mark_dead(b1, "R2", T0 + dt.timedelta(minutes=2))
    repo.mark_dead(a1, "R1", T0 + dt.timedelta(minutes=1))
    assert repo.dead_letters() == [
        DeadLetterRecord(a1, "a1", "applications.submit", "R1", 1, T0,
                         T0 + dt.timedelta(minutes=1)),
        DeadLetterRecord(b1, "b1", "applications.submit", "R2", 1, T0,
                         T0 + dt.timedelta(minutes=2)),
    ]


def audit_trail(store: Store) -> list[tuple[str, str, dict[str, object]]]:
    with store.read() as s:
        return [(e.actor, e.action, dict(e.detail))
                for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


def test_a_retried_dead_letter_is_sent_again_now_with_the_same_key(
        store: Store, repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    repo.mark_retry(a1, "TIMEOUT", T0, T0)
    repo.mark_dead(a1, "REFUSED", T0)
    later = T0 + dt.timedelta(hours=2)
    repo.resolve_dead_letter(a1, "retry", "S0301", later, reason="资料已更正")
    m = row(store, a1)
    assert (m.status, m.attempts, m.resolved_by) == ("pending", 0, "S0301")
    assert m.resolved_at == m.next_attempt_at == later.replace(tzinfo=None)
    assert ops(repo, later) == ["a1"] and ops(repo, later - dt.timedelta(seconds=1)) == []
    assert audit_trail(store) == [("S0301", "outbox.dead_letter_retry", {
        "op_id": "a1", "operation": "applications.submit", "dead_reason": "REFUSED",
        "reason": "资料已更正"})]
    with store.read() as s:
        assert verify_audit_chain(s, store.cipher).ok


def test_a_discarded_dead_letter_stays_and_is_never_sent(store: Store,
                                                         repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    repo.mark_dead(a1, "REFUSED", T0)
    repo.resolve_dead_letter(a1, "discard", "S0301", T0 + dt.timedelta(hours=1))
    m = row(store, a1)
    assert (m.status, m.resolved_by, m.resolved_at) == (
        "discarded", "S0301", dt.datetime(2026, 6, 1, 2, 0))
    assert repo.status_of("a1") == "discarded" and repo.dead_letters() == []
    assert ops(repo, T0 + dt.timedelta(days=1)) == []
    assert audit_trail(store) == [("S0301", "outbox.dead_letter_discard", {
        "op_id": "a1", "operation": "applications.submit", "dead_reason": "REFUSED",
        "reason": ""})]


def test_only_a_dead_letter_can_be_resolved_and_only_by_retry_or_discard(
        store: Store, repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    with pytest.raises(LookupError, match="not a dead letter"):
        repo.resolve_dead_letter(a1, "retry", "S0301", T0)
    with pytest.raises(LookupError, match="not a dead letter"):
        repo.resolve_dead_letter(a1 + 100, "discard", "S0301", T0)
    repo.mark_dead(a1, "REFUSED", T0)
    with pytest.raises(ValueError, match="decision must be retry or discard"):
        repo.resolve_dead_letter(a1, "send", "S0301", T0)
    assert row(store, a1).status == "dead" and audit_trail(store) == []


def test_status_of_an_unknown_key_is_none_and_state_is_kept_by_name(
        repo: StoreOutboxRepository) -> None:
    assert repo.status_of("nope") is None
    assert repo.get_state("last_sync") is None
    repo.set_state("last_sync", "t1")
    repo.set_state("other", "x")
    repo.set_state("last_sync", "t2")
    assert (repo.get_state("last_sync"), repo.get_state("other")) == ("t2", "x")


# -- the survivors of the first scored run -------------------------------------------------


@pytest.mark.usefixtures("beijing_local_time")
def test_times_are_kept_in_utc_whatever_the_machines_zone(store: Store) -> None:
    # an aware time converted to UTC, not to the local zone; a naive one taken as UTC already
    local = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert row(store, queue(store, "k1", "op-1", local)).created_at == dt.datetime(2026, 6, 1, 1)
    naive = dt.datetime(2026, 6, 1, 1, 0)
    assert row(store, queue(store, "k2", "op-2", naive)).created_at == naive
    # without a time: now in UTC, not the local wall clock (8 hours ahead here)
    before = dt.datetime.now(UTC).replace(tzinfo=None)
    item = queue_now(store, "k3", "op-3")
    after = dt.datetime.now(UTC).replace(tzinfo=None)
    assert before - dt.timedelta(seconds=1) <= row(store, item).created_at <= after


def queue_now(store: Store, key: str, op_id: str) -> int:
    with store.write() as s:
        add_outbox_message(s, "applications.submit", key, {}, op_id=op_id)
    with store.read() as s:
        item = s.scalar(select(OutboxMessage.id).where(OutboxMessage.op_id == op_id))
    assert item is not None
    return item


def test_enqueue_keeps_the_callers_key(store: Store, repo: StoreOutboxRepository) -> None:
    # the caller's op_id is the Idempotency-Key the central deduplicates on
    assert repo.enqueue("applications.submit", "k1", {}, op_id="op-given") == "op-given"
    assert repo.status_of("op-given") == "pending"


def test_every_attempt_is_counted(store: Store, repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    repo.mark_retry(a1, "TIMEOUT", T0, T0)
    repo.mark_retry(a1, "TIMEOUT", T0, T0)
    assert row(store, a1).attempts == 2
    repo.mark_dead(a1, "REFUSED", T0)
    assert row(store, a1).attempts == 3
    [dead] = repo.dead_letters()
    assert dead.attempts == 3


def test_writes_with_an_external_effect_are_durable(store: Store, repo: StoreOutboxRepository,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # an enqueue precedes a send and a decision precedes a resend: both are fsynced first
    asked: list[bool] = []
    write = store.write

    def spy(*, durable: bool = False) -> Any:
        asked.append(durable)
        return write(durable=durable)

    monkeypatch.setattr(store, "write", spy)
    repo.enqueue("applications.submit", "k1", {})
    assert asked == [True]
    a1 = queue(store, "A", "a1")
    repo.mark_dead(a1, "REFUSED", T0)
    asked.clear()
    repo.resolve_dead_letter(a1, "retry", "S0301", T0)
    assert asked == [True]
    repo.enqueue("applications.submit", "k2", {}, durable=False)
    assert asked == [True, False]


def test_a_legacy_dead_letter_without_a_reason_reads_as_empty(store: Store,
                                                              repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    repo.mark_dead(a1, "REFUSED", T0)
    with store.write() as s:  # rows written before dead_reason existed
        m = s.get(OutboxMessage, a1)
        assert m is not None
        m.dead_reason = None
    assert [d.reason for d in repo.dead_letters()] == [""]
    repo.resolve_dead_letter(a1, "discard", "S0301", T0)
    assert audit_trail(store)[0][2]["dead_reason"] == ""


def test_refusals_say_exactly_what_is_wrong(store: Store, repo: StoreOutboxRepository) -> None:
    a1 = queue(store, "A", "a1")
    with pytest.raises(LookupError, match=r"^not a dead letter$"):
        repo.resolve_dead_letter(a1, "retry", "S0301", T0)
    with pytest.raises(ValueError, match=r"^decision must be retry or discard$"):
        repo.resolve_dead_letter(a1, "send", "S0301", T0)


def test_queue_order_holds_across_legacy_sending_rows(store: Store,
                                                      repo: StoreOutboxRepository) -> None:
    # SQLite would hand these out in its status index's order (pending before sending) if
    # the query did not order by id: an older person's message must not wait behind a newer one
    a1, _, c1 = queue(store, "A", "a1"), queue(store, "B", "b1"), queue(store, "C", "c1")
    with store.write() as s:
        for item in (a1, c1):  # written by a version that marked messages in flight
            m = s.get(OutboxMessage, item)
            assert m is not None
            m.status = "sending"
    assert ops(repo) == ["a1", "b1", "c1"]
