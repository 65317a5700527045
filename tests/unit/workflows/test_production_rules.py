"""Central production rules without I/O: matching a batch by chip, the keeping period."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.production import (
    EXTRA,
    MISMATCHED,
    MISSING,
    CardRead,
    ListedCard,
    check_batch,
    due_for_sealing,
    keep_until,
    with_missing,
)

LIST = (ListedCard("APP-1", "C1", "id1"), ListedCard("APP-2", "C2", "id2"),
        ListedCard("APP-3", "C3", "id3"))


def test_every_card_in_its_envelope_is_complete() -> None:
    check = check_batch(LIST, [CardRead("APP-1", "C1"), CardRead("APP-2", "C2"),
                               CardRead("", "C3")])  # no envelope: the chip decides
    assert check.complete and [m.application_id for m in check.matched] == ["APP-1", "APP-2", "APP-3"]
    assert with_missing(check) == ()


def test_the_chip_not_the_envelope_decides_and_the_swap_is_reported() -> None:
    check = check_batch(LIST, [CardRead("APP-2", "C1"), CardRead("APP-1", "C2")])
    assert {(m.application_id, m.card_no) for m in check.matched} == {("APP-1", "C1"), ("APP-2", "C2")}
    assert [(d.kind, d.application_id, d.owner_application_id) for d in check.differences] == [
        (MISMATCHED, "APP-2", "APP-1"), (MISMATCHED, "APP-1", "APP-2")]
    assert [d.kind for d in with_missing(check)] == [MISMATCHED, MISMATCHED, MISSING]


def test_extra_card_and_a_card_read_twice() -> None:
    check = check_batch(LIST, [CardRead("", "C9"), CardRead("APP-1", "C1"), CardRead("APP-1", "C1")])
    assert [(d.kind, d.card_no) for d in check.differences] == [(EXTRA, "C9")]
    assert len(check.matched) == 1 and [o.application_id for o in check.outstanding] == ["APP-2", "APP-3"]
    assert not check.complete


def test_keeping_period_boundary_in_beijing_days() -> None:
    # received 2026-01-31 10:00 Beijing (02:00 UTC); kept 1 month: until 28 Feb inclusive
    received = dt.datetime(2026, 1, 31, 2, 0, tzinfo=dt.UTC)
    assert keep_until(received, 1) == dt.date(2026, 2, 28)
    assert not due_for_sealing(received, dt.date(2026, 2, 28), 1)
    assert due_for_sealing(received, dt.date(2026, 3, 1), 1)
    # 23:30 UTC on 31 Dec is already 1 Jan in Beijing: the period counts from 1 Jan
    late = dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.UTC)
    assert keep_until(late, 12) == dt.date(2027, 1, 1)
    assert not due_for_sealing(late, dt.date(2027, 1, 1), 12)
    assert due_for_sealing(late, dt.date(2027, 1, 2), 12)
