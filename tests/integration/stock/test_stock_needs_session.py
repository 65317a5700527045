"""Blank-stock changes and batch receipt are done inside the teller's open work session
(SESSION_REQUIRED otherwise), through the composition root like at the counter."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from counter_app.bootstrap import Services
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.production import ProductionContext
from counter_app.workflows.production.receipt import BatchReceiptWorkflow
from counter_app.workflows.stock import StockWorkflow
from tests.fixtures.app import open_demo_session
from tests.integration.stock.conftest import serial


def test_stock_changes_are_refused_without_a_session_and_done_with_one(
        make_services: Callable[..., Services]) -> None:
    services = make_services(session=False)
    wf = services.stock_desk("T0301").new()
    with pytest.raises(NewWorkRefused) as refused:
        wf.open_box("BOX-1")
    assert refused.value.code == "SESSION_REQUIRED"
    assert "柜员会话" in refused.value.message_zh
    # the custody count (status bar) is a reading, not a change: no session needed
    assert services.stock_desk("T0301").custody_count() == 0

    open_demo_session(services)
    wf = services.stock_desk("T0301").new()
    wf.open_box("BOX-1")
    for n in range(3):
        wf.register_chip(serial(n), "ATR")
    wf.close_box()
    assert len(wf.hand_out("2", "")) == 2
    assert services.stock_desk("T0301").custody_count() == 2
    assert len(wf.take_back("")) == 2


def test_each_stock_change_checks_the_session(make_services: Callable[..., Services]) -> None:
    """Opened with a session, then the session is gone (closed at another counter, force-closed):
    every change is refused from then on, a hand-out, a take-back, a spoil, a count."""
    services = make_services()
    wf: StockWorkflow = services.stock_desk("T0301").new()
    wf.open_box("BOX-1")
    wf.register_chip(serial(1), "ATR")
    # the teller's status now says no session (as status_for does after a close)
    assert wf.ctx.sync_status is not None
    closed = dataclasses.replace(wf.ctx.sync_status(), session_open=False)
    wf.ctx.sync_status = lambda: closed
    for call in (lambda: wf.register_chip(serial(2), "ATR"), wf.close_box,
                 lambda: wf.hand_out("1", ""), lambda: wf.take_back(""),
                 lambda: wf.stock.mark_spoiled(serial(1), "芯片损坏无法读取", None),
                 wf.reconcile):
        with pytest.raises(NewWorkRefused) as refused:
            call()
        assert refused.value.code == "SESSION_REQUIRED"


def _status(session_open: bool | None) -> SyncStatus:
    now = dt.datetime.now(dt.UTC)
    return SyncStatus(LineState.ONLINE, 5.0, 0, 0, None, now, now, None, now,
                      session_open=session_open)


class _NoRepo:
    """A receipt refused before the batch is looked up touches nothing."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"repository used: {name}")


def test_choosing_a_batch_needs_a_session() -> None:
    from counter_app.printing import BranchInfo

    ctx = ProductionContext(branch=BranchInfo("CCB-NB-0230", "建设银行宁波江北支行", "中国建设银行", False),
                            branch_code="CCB-NB-0230", bank_code="CCB", counter_id="01",
                            teller="T0301", central=_NoRepo(),  # type: ignore[arg-type]
                            repo=_NoRepo(), outbox=_NoRepo(),  # type: ignore[arg-type]
                            sync_status=lambda: _status(False))
    wf = BatchReceiptWorkflow(ctx)
    with pytest.raises(StepInvalid) as refused:
        wf.choose("B-1")
    assert "柜员会话" in refused.value.errors["batch_id"]
    ctx.sync_status = lambda: _status(True)
    with pytest.raises(AssertionError, match="repository used: batch"):
        wf.choose("B-1")  # admitted: it goes on to look the batch up
