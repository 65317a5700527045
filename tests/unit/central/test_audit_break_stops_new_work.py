"""An audit break no supervisor has acknowledged stops every new piece of work in the workflow
layer (check_new_work), online or not, before any other rule, with its own code."""

from __future__ import annotations

import pytest

from counter_app.central.sync import (
    AUDIT_BREAK_STATE,
    LineState,
    NewWorkRefused,
    check_new_work,
)
from counter_app.domain.businesses import BUSINESS_KEYS, WORK
from counter_app.store.audit import BREAK_STATE
from tests.unit.central.test_sync_worker import LIMITS, T0, status

KEYS = [w.key for w in WORK] + list(BUSINESS_KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_every_work_is_refused_while_a_break_awaits_a_supervisor(key: str) -> None:
    assert check_new_work(key, status(), LIMITS, free_disk_mb=10_000, now=T0) is not None
    for line in (LineState.ONLINE, LineState.OFFLINE):
        with pytest.raises(NewWorkRefused) as refused:
            check_new_work(key, status(audit_break=True, line_state=line), LIMITS,
                           free_disk_mb=10_000, now=T0)
        assert refused.value.code == "AUDIT_CHAIN_BROKEN"
        assert "审计日志" in refused.value.message_zh and "主管" in refused.value.message_zh


def test_the_break_comes_before_the_other_rules() -> None:
    with pytest.raises(NewWorkRefused) as refused:  # low disk and stale too: the break is named
        check_new_work("application_factory", status(audit_break=True, last_success_at=None),
                       LIMITS, free_disk_mb=1, now=T0)
    assert refused.value.code == "AUDIT_CHAIN_BROKEN"


def test_the_worker_reads_the_same_key_the_store_writes() -> None:
    assert AUDIT_BREAK_STATE == BREAK_STATE
