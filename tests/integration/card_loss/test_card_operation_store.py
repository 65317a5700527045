"""The card operations' outbox messages in a real SQLite store: held while the counter sends
them itself, in their person's order, settled once (no central needed)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.store.card_operations import CardOperationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository

NOW = dt.datetime.now(dt.UTC)  # enqueue() stamps its messages with the real clock
LI_MING = "330203198506122017"
ZHANG_WEI = "330205199003011232"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(os.urandom(32)))
    yield s
    s.close()


def begin(ops: CardOperationStore, op_id: str, who: str, hold_s: float) -> None:
    ops.begin(op_id=op_id, operation="cards.loss", id_number=who,
              payload={"card_no": "NB0000016", "branch_code": "ICBC-NB-0101",
                       "functions": ["social"]},
              actor="T0301", action="card.loss", detail={"op_id": op_id}, hold_s=hold_s, now=NOW)


def test_a_held_message_is_not_sent_by_the_worker_and_blocks_its_person(store: Store) -> None:
    ops, outbox = CardOperationStore(store), StoreOutboxRepository(store)
    begin(ops, "held-1", LI_MING, 600)
    outbox.enqueue("persons.data_change", ops.person_index(LI_MING), {"id_number": LI_MING})
    outbox.enqueue("persons.data_change", ops.person_index(ZHANG_WEI), {"id_number": ZHANG_WEI})
    due = outbox.next_batch(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1), 10)
    # the held loss heads 李明's queue: neither it nor his later message goes; 张伟's does
    assert [m.ordering_key for m in due] == [ops.person_index(ZHANG_WEI)]
    assert ops.unsent_for(LI_MING) == 2 and ops.unsent_for(ZHANG_WEI) == 1
    # after the hold (a crash while sending) the worker takes it, with the same key
    later = outbox.next_batch(NOW + dt.timedelta(seconds=601), 10)
    assert "held-1" in [m.op_id for m in later]


def test_settled_once(store: Store) -> None:
    ops, outbox = CardOperationStore(store), StoreOutboxRepository(store)
    begin(ops, "sent-1", LI_MING, 600)
    begin(ops, "sent-1", LI_MING, 600)  # begun twice: one message
    assert outbox.counts() == {"pending": 1}
    ops.sent("sent-1", {"social_state": "LOST"}, NOW)
    assert ops.status_of("sent-1") == "done" and ops.unsent_for(LI_MING) == 0
    begin(ops, "line-1", LI_MING, 600)
    ops.release("line-1", "LINE_DOWN", NOW)
    due = outbox.next_batch(dt.datetime.now(dt.UTC), 10)
    assert [m.op_id for m in due] == ["line-1"]  # due at once
    begin(ops, "deloss-1", ZHANG_WEI, 600)
    ops.withdraw("deloss-1", "LINE_DOWN", NOW)
    assert ops.status_of("deloss-1") == "discarded" and ops.unsent_for(ZHANG_WEI) == 0
    begin(ops, "refused-1", ZHANG_WEI, 600)
    ops.refused("refused-1", "WRONG_BANK", NOW)
    assert ops.status_of("refused-1") == "done"
