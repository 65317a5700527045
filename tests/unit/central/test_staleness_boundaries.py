"""Each staleness limit of check_new_work at the limit (still accepted) and one step past it
(refused with that rule's own code). Limits are the defaults of domain/offline.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from counter_app.central.sync import NewWorkRefused, check_new_work
from counter_app.domain.offline import StalenessLimits
from tests.unit.central.test_sync_worker import T0, status

LIMITS = StalenessLimits()  # 24 h oldest unsent, 200 unsent, 72 h since sync, 500 MB
DISK_OK = 10_000.0
SECOND = dt.timedelta(seconds=1)


def verdict(free_disk_mb: float = DISK_OK, **kw: Any) -> str:
    """"ok" or the refusal code, for a deferrable business."""
    try:
        check_new_work("application_factory", status(**kw), LIMITS, free_disk_mb=free_disk_mb,
                       now=T0)
    except NewWorkRefused as refused:
        return refused.code
    return "ok"


def test_the_defaults_are_the_documented_numbers() -> None:
    assert (LIMITS.max_oldest_unsent_hours, LIMITS.max_unsent_count,
            LIMITS.max_since_last_sync_hours, LIMITS.min_free_disk_mb) == (24.0, 200, 72.0, 500)


def test_oldest_unsent_at_the_limit_and_one_second_past() -> None:
    limit_s = LIMITS.max_oldest_unsent_hours * 3600
    assert verdict(oldest_unsent_age_s=limit_s, outbox_depth=1) == "ok"
    assert verdict(oldest_unsent_age_s=limit_s + 1, outbox_depth=1) == "STALE_OLDEST_UNSENT"


@pytest.mark.parametrize("pending, dead, expected", [
    (199, 0, "ok"),                        # one below: one more may join the queue
    (200, 0, "STALE_TOO_MANY_UNSENT"),     # at the count: refused
    (150, 49, "ok"),
    (150, 50, "STALE_TOO_MANY_UNSENT"),    # dead letters count as unsent too
])
def test_unsent_count_one_below_and_at_the_limit(pending: int, dead: int, expected: str) -> None:
    assert verdict(outbox_depth=pending, dead_letters=dead) == expected


def test_hours_since_the_last_sync_at_the_limit_and_one_second_past() -> None:
    limit = dt.timedelta(hours=LIMITS.max_since_last_sync_hours)
    assert verdict(last_success_at=T0 - limit) == "ok"
    assert verdict(last_success_at=T0 - limit - SECOND) == "STALE_NO_RECENT_SYNC"


def test_free_disk_at_the_minimum_and_just_below() -> None:
    assert verdict(free_disk_mb=LIMITS.min_free_disk_mb) == "ok"
    assert verdict(free_disk_mb=LIMITS.min_free_disk_mb - 0.5) == "LOW_DISK"


def test_low_disk_refuses_even_work_that_needs_the_central_now() -> None:
    with pytest.raises(NewWorkRefused) as refused:
        check_new_work("instant_issuance", status(), LIMITS,
                       free_disk_mb=LIMITS.min_free_disk_mb - 1, now=T0)
    assert refused.value.code == "LOW_DISK"
    check_new_work("instant_issuance", status(), LIMITS, free_disk_mb=LIMITS.min_free_disk_mb,
                   now=T0)


def test_profile_limits_move_the_boundaries() -> None:
    tight = StalenessLimits(max_oldest_unsent_hours=1, max_unsent_count=3,
                            max_since_last_sync_hours=2, min_free_disk_mb=50)

    def code(**kw: Any) -> str:
        try:
            check_new_work("data_change", status(**kw), tight, free_disk_mb=tight.min_free_disk_mb,
                           now=T0)
        except NewWorkRefused as refused:
            return refused.code
        return "ok"

    assert code(oldest_unsent_age_s=3600.0, outbox_depth=1) == "ok"
    assert code(oldest_unsent_age_s=3601.0, outbox_depth=1) == "STALE_OLDEST_UNSENT"
    assert code(outbox_depth=2) == "ok" and code(outbox_depth=3) == "STALE_TOO_MANY_UNSENT"
    assert code(last_success_at=T0 - dt.timedelta(hours=2)) == "ok"
    assert code(last_success_at=T0 - dt.timedelta(hours=2, seconds=1)) == "STALE_NO_RECENT_SYNC"
