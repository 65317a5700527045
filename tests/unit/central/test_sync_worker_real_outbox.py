"""The sync worker's ordering and blocking rules on the real SQLite outbox
(StoreOutboxRepository in tmp_path): the SQL of the head query is what is tested here; the
central is the scripted fake of test_sync_worker.py."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.central.errors import CentralRefusal, CentralServerError
from counter_app.central.sync import LineState, SyncPolicy, SyncWorker
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository, add_outbox_message
from tests.unit.central.test_sync_worker import T0, Clock, FakeCentral


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(secrets.token_bytes(32)), exclusive=True)
    yield s
    s.close()


@pytest.fixture
def repo(store: Store) -> StoreOutboxRepository:
    return StoreOutboxRepository(store)


def add(repo: StoreOutboxRepository, person: str, at: dt.datetime = T0) -> str:
    """Queue at the test clock's time (enqueue() would use the wall clock)."""
    with repo.store.write() as s:
        return add_outbox_message(s, "persons.data_change", person, {"person": person}, now=at)


def worker(repo: StoreOutboxRepository, central: FakeCentral, clock: Clock,
           **policy: float) -> SyncWorker:
    return SyncWorker(repo, central, branch_code="ICBC-NB-0101", clock=clock,  # type: ignore[arg-type]
                      rng=random.Random(1), policy=SyncPolicy(**policy))  # type: ignore[arg-type]


def test_each_persons_messages_go_in_queue_order(repo: StoreOutboxRepository) -> None:
    central, clock = FakeCentral(), Clock()
    ops = [add(repo, p) for p in ("A", "B", "A", "C", "A", "B")]
    report = worker(repo, central, clock).drain()
    assert report.sent == 6 and sorted(central.calls) == sorted(ops)
    for person_ops in ([ops[0], ops[2], ops[4]], [ops[1], ops[5]]):
        assert [c for c in central.calls if c in person_ops] == person_ops
    assert {repo.status_of(o) for o in ops} == {"done"}


def test_one_head_per_person_in_a_batch(repo: StoreOutboxRepository) -> None:
    a1, b1, a2 = add(repo, "A"), add(repo, "B"), add(repo, "A")
    batch = repo.next_batch(T0, 10)
    assert [r.op_id for r in batch] == [a1, b1]  # a2 only after a1 is done
    assert [r.op_id for r in repo.next_batch(T0, 1)] == [a1]  # the limit holds
    assert a2 not in {r.op_id for r in repo.next_batch(T0 - dt.timedelta(seconds=1), 10)}
    assert repo.next_batch(T0 - dt.timedelta(seconds=1), 10) == []  # nothing due before T0


def test_a_retried_head_holds_back_its_person_until_due(repo: StoreOutboxRepository) -> None:
    central, clock = FakeCentral(), Clock()
    a1, b1, a2, b2 = add(repo, "A"), add(repo, "B"), add(repo, "A"), add(repo, "B")
    central.script[a1] = [CentralServerError(503, "CENTRAL_UNAVAILABLE", "忙")]
    w = worker(repo, central, clock)
    report = w.drain()
    assert report.retried == 1 and w.line_state is LineState.DEGRADED
    assert {b1, b2} <= central.effects.keys() and a2 not in central.calls
    assert repo.status_of(a1) == "pending" and repo.status_of(a2) == "pending"
    assert repo.next_batch(clock(), 10) == []  # a1 waits for its backoff, a2 behind it
    clock.advance(3)  # past the first backoff (2 s ± 20 %)
    w.drain()
    assert central.calls[-2:] == [a1, a2] and w.line_state is LineState.ONLINE


def test_a_dead_letter_holds_back_only_its_own_persons_later_messages(
    repo: StoreOutboxRepository,
) -> None:
    central, clock = FakeCentral(), Clock()
    a1, b1, a2, b2, a3 = (add(repo, p) for p in ("A", "B", "A", "B", "A"))
    central.script[a1] = [CentralRefusal(409, "WRONG_BANK", "须在发卡银行办理")]
    w = worker(repo, central, clock)
    report = w.drain()
    assert report.dead == 1 and report.sent == 2
    assert set(central.effects) == {b1, b2}  # the other person went through
    assert a2 not in central.calls and a3 not in central.calls  # A's later ones wait
    assert repo.status_of(a1) == "dead" and repo.status_of(a2) == "pending"
    clock.advance(3600)
    assert w.drain().sent == 0 and a2 not in central.calls  # still held, however long
    stats = repo.stats()
    assert (stats.pending, stats.dead) == (2, 1)
    assert stats.oldest_unsent_at == T0  # the dead letter still counts as unsent
    [dead] = repo.dead_letters()
    assert (dead.op_id, dead.reason) == (a1, "WRONG_BANK")

    repo.resolve_dead_letter(dead.id, "discard", "S0301", clock(), reason="重复申请")
    assert w.drain().sent == 2
    assert central.calls[-2:] == [a2, a3] and a1 not in central.effects
    assert repo.counts() == {"done": 4, "discarded": 1}  # rows are kept


def test_a_supervisor_retry_resends_the_dead_letter_first_with_the_same_key(
    repo: StoreOutboxRepository,
) -> None:
    central, clock = FakeCentral(), Clock()
    a1, a2 = add(repo, "A"), add(repo, "A")
    central.script[a1] = [CentralRefusal(409, "CARD_STATE_CONFLICT", "状态不允许")]
    w = worker(repo, central, clock)
    w.drain()
    [dead] = repo.dead_letters()
    repo.resolve_dead_letter(dead.id, "retry", "S0301", clock())
    assert w.drain().sent == 2
    assert central.calls == [a1, a1, a2]


def test_line_down_stops_after_one_call_and_keeps_every_message(
    repo: StoreOutboxRepository,
) -> None:
    central, clock = FakeCentral(), Clock()
    ops = [add(repo, f"P{i}") for i in range(4)]
    central.down = True
    w = worker(repo, central, clock)
    report = w.drain()
    assert report.stopped_by == "CENTRAL_LINE_DOWN" and len(central.calls) == 1
    assert w.line_state is LineState.OFFLINE
    assert {repo.status_of(o) for o in ops} == {"pending"}
    central.down = False
    clock.advance(3)
    assert w.drain().sent == 4 and set(central.effects) == set(ops)
