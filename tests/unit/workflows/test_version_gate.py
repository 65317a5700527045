"""The central's minimum version: grace period to the microsecond, then no new business."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from counter_app.central.sync import STATE_BRANCH_CONFIG
from counter_app.updates import current_version
from counter_app.workflows.version_gate import MIN_VERSION_SEEN_STATE, is_older, judge

T0 = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("running", "required", "older"), [
    ("0.1.0", "0.2.0", True), ("0.2.0", "0.2.0", False), ("0.3.0", "0.2.0", False),
    ("0.9.9", "0.10.0", True), ("1.0.0rc1", "1.0.0", True), ("garbage", "1.0", False),
    ("1.0", "garbage", False),
])
def test_is_older_compares_versions_not_text(running: str, required: str, older: bool) -> None:
    assert is_older(running, required) is older


def test_at_or_above_the_minimum_is_ok() -> None:
    for required in (None, "", "0.1.0", "0.0.9"):
        verdict = judge("0.1.0", required, T0, T0 + dt.timedelta(days=30), 7)
        assert verdict.state == "ok" and verdict.message_zh == "" and not verdict.blocks_new_work


def test_grace_runs_from_first_seen_to_the_microsecond() -> None:
    last = judge("0.1.0", "0.2.0", T0, T0 + dt.timedelta(days=7, microseconds=-1), 7)
    assert last.state == "grace" and not last.blocks_new_work
    assert "1 天内" in last.message_zh and "0.2.0" in last.message_zh and "0.1.0" in last.message_zh
    over = judge("0.1.0", "0.2.0", T0, T0 + dt.timedelta(days=7), 7)
    assert over.state == "blocked" and over.blocks_new_work
    assert over.deadline == T0 + dt.timedelta(days=7)
    assert "不能受理新业务" in over.message_zh and "已开始的业务可以办完" in over.message_zh


def test_days_left_are_rounded_up() -> None:
    assert "7 天内" in judge("0.1", "0.2", T0, T0, 7).message_zh
    assert "6 天内" in judge("0.1", "0.2", T0, T0 + dt.timedelta(days=1), 7).message_zh
    assert "7 天内" in judge("0.1", "0.2", T0, T0 + dt.timedelta(hours=1), 7).message_zh


def test_zero_grace_blocks_at_once_and_no_first_seen_means_now() -> None:
    assert judge("0.1", "0.2", None, T0, 0).state == "blocked"
    assert judge("0.1", "0.2", None, T0, 1).state == "grace"


def test_services_start_the_grace_when_the_minimum_is_first_seen(make_services) -> None:
    services = make_services(session=False)
    repo = services.sync.repo
    assert services.version_gate().state == "ok"  # no branch config pulled yet
    required = "99.0"
    repo.set_state(STATE_BRANCH_CONFIG, json.dumps({"branch_code": "X", "min_version": required}))

    verdict = services.version_gate()

    assert verdict.state == "grace" and verdict.running == current_version()
    seen = json.loads(repo.get_state(MIN_VERSION_SEEN_STATE))
    assert seen["version"] == required
    # eight days later (the profile's default grace is 7): blocked
    eight_days_ago = dt.datetime.fromisoformat(seen["at"]) - dt.timedelta(days=8)
    repo.set_state(MIN_VERSION_SEEN_STATE, json.dumps({"version": required,
                                                       "at": eight_days_ago.isoformat()}))
    assert services.version_gate().blocks_new_work
    # a new minimum starts a new grace period
    repo.set_state(STATE_BRANCH_CONFIG, json.dumps({"branch_code": "X", "min_version": "99.1"}))
    assert services.version_gate().state == "grace"
    # the central drops the minimum: back to normal
    repo.set_state(STATE_BRANCH_CONFIG, json.dumps({"branch_code": "X", "min_version": None}))
    assert services.version_gate().state == "ok"
