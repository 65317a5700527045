"""One declaration of what each business needs from the central, read by the menu and sync."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from counter_app.central.sync import (
    CentralNeed,
    LineState,
    NewWorkRefused,
    StalenessLimits,
    SyncStatus,
    check_new_work,
)
from counter_app.domain import businesses as declared
from counter_app.workflows.catalog import BUSINESSES, businesses_for

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
LIMITS = StalenessLimits()


def status(line: LineState) -> SyncStatus:
    return SyncStatus(line_state=line, latency_ms=5.0, outbox_depth=0, dead_letters=0,
                      oldest_unsent_age_s=None, last_success_at=T0, last_pull_at=T0,
                      last_error_code=None, checked_at=T0)


def refused_offline(key: str) -> bool:
    try:
        need = check_new_work(key, status(LineState.OFFLINE), LIMITS, free_disk_mb=10_000,
                              now=T0)
    except NewWorkRefused as refused:
        assert refused.code == "CENTRAL_REQUIRED_OFFLINE"
        return True
    assert need is CentralNeed.DEFERRABLE
    return False


def test_the_catalogue_and_the_declaration_name_the_same_businesses_once() -> None:
    keys = [b.key for b in BUSINESSES]
    assert keys == list(declared.BUSINESS_KEYS)  # same set, same menu order
    assert max(Counter(keys).values()) == 1
    assert {b.key for b in businesses_for(True)} | {b.key for b in businesses_for(False)} == set(keys)


def test_every_catalogue_business_has_work_with_exactly_one_need_each() -> None:
    work_keys = [w.key for w in declared.WORK]
    assert max(Counter(work_keys).values()) == 1  # one declaration per piece of work
    assert not set(work_keys) & set(declared.BUSINESS_KEYS)  # a key means one thing
    for work in declared.WORK:
        assert work.business is None or work.business in declared.BUSINESS_KEYS, work
        assert isinstance(work.need, CentralNeed) and work.title_zh
    for business in BUSINESSES:
        assert declared.work_of(business.key), f"{business.key} declares no work"


@pytest.mark.parametrize("business", BUSINESSES, ids=lambda b: b.key)
def test_check_new_work_and_the_catalogue_agree(business) -> None:
    assert refused_offline(business.key) is business.needs_central_now
    online = check_new_work(business.key, status(LineState.ONLINE), LIMITS,
                            free_disk_mb=10_000, now=T0)
    assert (online is CentralNeed.NOW) is business.needs_central_now
    # the menu's list of what is refused offline is exactly the work check_new_work refuses
    refused = tuple(w.title_zh for w in declared.work_of(business.key) if refused_offline(w.key))
    assert business.online_only_zh == refused


@pytest.mark.parametrize("work", declared.WORK, ids=lambda w: w.key)
def test_check_new_work_follows_each_declared_piece_of_work(work) -> None:
    assert refused_offline(work.key) is (work.need is CentralNeed.NOW)


def test_a_business_with_some_deferrable_work_opens_offline() -> None:
    by_key = {b.key: b for b in BUSINESSES}
    assert by_key["instant_issue"].needs_central_now
    assert by_key["certificates"].needs_central_now and by_key["queries"].needs_central_now
    loss = by_key["loss"]
    assert not loss.needs_central_now and loss.online_only_zh == ("解挂",)
    assert not by_key["application"].needs_central_now


def test_the_keys_sync_callers_use_keep_their_needs() -> None:
    """The former table in central.sync, key by key ('handout' is now the business)."""
    now = {"eligibility_check", "card_status_query", "contribution_query", "certificate_print",
           "certificate_verify", "instant_issuance", "pin_reset", "deloss", "replacement_instant",
           "replacement_factory", "activation"}  # a replacement cancels the old card at the
    # central: never queued; an activation is confirmed by the central while the holder waits
    deferrable = {"application_factory", "formal_loss",
                  "handout", "batch_receive", "data_change", "flexible_employment_registration",
                  "audit_head"}
    assert {k for k in now if declared.central_need(k) is CentralNeed.NOW} == now
    assert {k for k in deferrable if declared.central_need(k) is CentralNeed.DEFERRABLE} == deferrable
    assert declared.central_need("some_new_business") is CentralNeed.NOW  # the safe side
