"""Weekend staff are full users: every Qt-free business runs to its end with the clock on a
Saturday (10:00 Beijing) exactly as on a weekday — nothing in the workflows or the domain
looks at the day of the week. Each business uses the fakes of its own unit tests, with every
clock and the line status set to the Saturday (a Monday's "last synced" would make the
Saturday's deferrable work stale, which is the staleness rule, not a weekday rule)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counter_app.central.sync import LineState, SyncStatus
from counter_app.devices.blank_card import SimulatedBlankCardReader
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.opening_hours import is_weekend
from counter_app.printing import BranchInfo
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.sessions import SqlWorkSessions
from counter_app.store.stock import SqlBlankStock
from counter_app.workflows.sessions import SessionContext, SessionDesk
from counter_app.workflows.stock import StockContext, StockWorkflow
from tests.unit.workflows import test_application_workflow as application
from tests.unit.workflows import test_card_loss_workflow as loss
from tests.unit.workflows import test_people_workflows as people
from tests.unit.workflows import test_queries_workflow as queries
from tests.unit.workflows import test_replacement_workflow as replacement

SATURDAY = dt.datetime(2026, 11, 28, 10, 0, tzinfo=CHINA_TIME).astimezone(dt.UTC)
SUNDAY_LATE = dt.datetime(2026, 11, 29, 15, 59, tzinfo=CHINA_TIME).astimezone(dt.UTC)


def on(moment: dt.datetime) -> Any:
    return lambda: moment


def synced(moment: dt.datetime, session_open: bool | None = True) -> Any:
    return lambda: SyncStatus(LineState.ONLINE, 5.0, 0, 0, None, moment, moment, None, moment,
                              session_open=session_open)


def test_the_days_are_a_weekend() -> None:
    assert is_weekend(SATURDAY.astimezone(CHINA_TIME)) and is_weekend(SUNDAY_LATE.astimezone(CHINA_TIME))


@pytest.mark.parametrize("moment", [SATURDAY, SUNDAY_LATE])
def test_application_on_a_weekend(moment: dt.datetime) -> None:
    central, store = application.FakeCentral(), application.FakeStore()
    ctx = dataclasses.replace(application.context(central, store), clock=on(moment),
                              sync_status=synced(moment))
    wf = application.started(ctx)
    application.to_photo(wf)
    application.with_photo(wf)
    outcome = wf.submit()
    assert not outcome.deferred and wf.finished and wf.finished_at == moment
    assert len(central.submitted) == 1


@pytest.mark.parametrize("moment", [SATURDAY, SUNDAY_LATE])
def test_formal_loss_and_deloss_on_a_weekend(moment: dt.datetime) -> None:
    parts = (loss.FakeCentral(), loss.FakeStore(), loss.Line(), loss.SimulatedSocialCardReader())
    ctx = dataclasses.replace(loss.make(parts, now=moment), sync_status=synced(moment))
    wf = loss.to_choose(ctx, loss.Operation.LOSS)
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done" and wf.finished
    central = parts[0]
    central.card = dataclasses.replace(central.card, social_state="LOST", financial_state="LOST")
    back = loss.to_choose(ctx, loss.Operation.DELOSS)
    parts[3].insert(loss.li_ming_card())  # the found card in the reader
    back.read_card()
    back.next()
    assert back.submit().status == "done" and back.finished
    assert [c[0] for c in central.calls] == ["loss", "deloss"]


@pytest.mark.parametrize("moment", [SATURDAY, SUNDAY_LATE])
def test_replacement_on_a_weekend(moment: dt.datetime) -> None:
    parts = (replacement.FakeCentral(), replacement.FakeStore(), replacement.Line(),
             replacement.SimulatedSocialCardReader())
    ctx = dataclasses.replace(replacement.make(parts), clock=on(moment),
                              sync_status=synced(moment))
    wf = replacement.at_card(ctx, replacement.Reason.LOST)
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done" and wf.finished and wf.finished_at == moment


@pytest.mark.parametrize("moment", [SATURDAY])
def test_registration_data_change_and_query_on_a_weekend(moment: dt.datetime) -> None:
    central, store = people.FakeCentral(), people.FakeStore()
    ctx = dataclasses.replace(people.make_ctx(central, store), clock=on(moment),
                              sync_status=synced(moment))
    reg = people.registration(ctx, people.Kind.EMPLOYEE)
    reg.apply(people.R.CONTRIBUTION, {"base": "5000", "ins_PENSION": "1"})
    reg.next()
    assert reg.submit().status == "done" and reg.finished
    change = people.changed(ctx, {"phone": "13812345678"})
    assert change.submit().status == "done" and change.finished

    wf, _audit = queries.make(queries.FakeCentral(["202610", "202611"]))
    wf.ctx.clock = on(moment)
    queries.query(wf)
    assert wf.step is queries.Step.RESULT


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(os.urandom(32)))
    yield s
    s.close()


def test_a_weekend_teller_day_with_the_blank_stock(store: Store) -> None:
    """The work session opens on the Saturday (its business day is the Saturday) and the
    stock is received, handed out, taken back and counted within it."""
    clock = on(SATURDAY)
    sessions = SessionDesk(SessionContext(repo=SqlWorkSessions(store), counter_id="03",
                                          authorise=None, clock=clock), "T0301")
    sessions.open("200")
    assert sessions.ready()
    assert sessions.state().session.business_day == "2026-11-28"
    ctx = StockContext(branch=BranchInfo("ICBC-NB-0101", "网点", "中国工商银行", True),
                       teller="T0301", store=SqlBlankStock(store),
                       reader=SimulatedBlankCardReader(), clock=clock,
                       sync_status=synced(SATURDAY, session_open=sessions.ready()))
    wf = StockWorkflow(ctx)
    wf.open_box("BOX-W1")
    for n in range(3):
        wf.register_chip(f"5A5A5A5A5A5A{n:04d}", "ATR")
    wf.close_box()
    assert len(wf.hand_out("2", "")) == 2
    assert wf.stock.custody_count() == 2
    wf.take_back("")
    result = wf.reconcile(counted_stock="3")
    assert result.balanced and result.day == "2026-11-28"
