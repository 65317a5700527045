"""Boundaries of the application rules that carry a number or a date: the minor rule
(< 18) for the applicant, the adult guardian (>= 18), the Beijing day around midnight UTC,
and what a failed instant submit may and may not do. Fakes come from
test_application_workflow.py (no I/O)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from counter_app.central import api as A
from counter_app.central.errors import CentralTimeoutError, LineDownError
from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import id_check_char
from counter_app.workflows.application import ApplicationWorkflow, Step, StepInvalid
from counter_app.workflows.application.checks import check_guardian
from counter_app.workflows.application.record import Guardian
from counter_app.workflows.application.submission import LINE_DOWN_SWITCH_ZH
from tests.unit.workflows.test_application_workflow import (
    ADULT,
    FakeCentral,
    FakeStore,
    context,
    started,
    to_photo,
    with_photo,
)

UTC = dt.UTC
# 10:00 in Beijing on 2 March 2026 (the fakes' NOW)
TODAY = dt.date(2026, 3, 2)


def id_for(birth: dt.date, seq: str = "123") -> str:
    """A valid ID number (Ningbo Haishu, odd sequence: male) born on ``birth``."""
    body = f"330203{birth:%Y%m%d}{seq}"
    return body + id_check_char(body)


def years_before(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year - years)


def workflow_at(central: FakeCentral, store: FakeStore, utc: dt.datetime) -> ApplicationWorkflow:
    return ApplicationWorkflow(replace(context(central, store), clock=lambda: utc))


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral()


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


# -- the applicant: minor below 18 ---------------------------------------------------------

@pytest.mark.parametrize("birth, minor", [
    (years_before(TODAY, 18), False),                             # 18 today
    (years_before(TODAY, 18) + dt.timedelta(days=1), True),       # 17 years 364 days
    (years_before(TODAY, 18) - dt.timedelta(days=1), False),      # 18 and a day
    (years_before(TODAY, 17), True),
    (years_before(TODAY, 16), True),
])
def test_the_applicant_is_a_minor_until_the_18th_birthday(central, store, birth: dt.date,
                                                          minor: bool) -> None:
    wf = ApplicationWorkflow(context(central, store))
    wf.set_id_number(id_for(birth))
    assert wf.minor is minor
    assert (Step.GUARDIAN in wf.steps()) is minor
    codes = {m.code for m in wf.materials()}
    assert any("guardian" in c for c in codes) is minor, codes


def test_an_applicant_turns_18_on_the_beijing_day_while_utc_is_still_the_day_before(
        central, store) -> None:
    birth = dt.date(2008, 3, 3)  # 18 on 3 March
    beijing_midnight = dt.datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # 3 March 00:00 in Beijing
    before = workflow_at(central, store, beijing_midnight - dt.timedelta(seconds=1))
    before.set_id_number(id_for(birth))
    assert before.minor and before.ctx.today() == dt.date(2026, 3, 2)
    after = workflow_at(central, store, beijing_midnight)
    after.set_id_number(id_for(birth))
    assert after.ctx.today() == dt.date(2026, 3, 3) and not after.minor


def test_a_birth_date_of_today_is_accepted_on_the_beijing_day_only(central, store) -> None:
    """A newborn's number, born on 3 March in Beijing: valid from Beijing midnight (16:00 UTC
    on 2 March), refused a second before as a birth date in the future."""
    newborn = id_for(dt.date(2026, 3, 3))
    beijing_midnight = dt.datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
    too_early = workflow_at(central, store, beijing_midnight - dt.timedelta(seconds=1))
    with pytest.raises(ValidationError) as refused:
        too_early.set_id_number(newborn)
    assert refused.value.code == "ID_BIRTH_FUTURE"
    on_the_day = workflow_at(central, store, beijing_midnight)
    assert on_the_day.set_id_number(newborn) == newborn and on_the_day.minor
    late = workflow_at(central, store, dt.datetime(2026, 3, 3, 15, 59, 59, tzinfo=UTC))
    assert late.ctx.today() == dt.date(2026, 3, 3)  # still 3 March in Beijing
    late.set_id_number(newborn)


# -- the guardian: an adult ----------------------------------------------------------------

def guardian_errors(birth: dt.date) -> dict[str, str]:
    g = Guardian(name="李明", id_number=id_for(birth, "017"), relationship="父亲",
                 proof_document="户口簿", phone="13805740001")
    return check_guardian(g, id_for(dt.date(2015, 3, 9), "102"), TODAY)[1]


@pytest.mark.parametrize("birth, adult", [
    (years_before(TODAY, 18), True),                              # 18 today
    (years_before(TODAY, 18) - dt.timedelta(days=1), True),
    (years_before(TODAY, 18) + dt.timedelta(days=1), False),      # 17 years 364 days
    (years_before(TODAY, 17), False),                             # exactly 17
    (years_before(TODAY, 16), False),                             # exactly 16
    (years_before(TODAY, 16) - dt.timedelta(days=200), False),    # a 16-year-old
])
def test_a_guardian_must_be_18(birth: dt.date, adult: bool) -> None:
    errors = guardian_errors(birth)
    if adult:
        assert errors == {}
    else:
        assert set(errors) == {"id_number"} and "年满18周岁" in errors["id_number"]


def test_a_guardian_of_17_is_refused_on_the_workflow_step_too(central, store) -> None:
    wf = ApplicationWorkflow(context(central, store))
    wf.set_id_number(id_for(years_before(TODAY, 10), "102"))
    errors = wf.update_guardian(name="李明", id_number=id_for(years_before(TODAY, 17), "017"),
                                relationship="父亲", proof_document="户口簿", phone="13805740001")
    assert "id_number" in errors and "年满18周岁" in errors["id_number"]


# -- instant submit: a timeout is not a line down --------------------------------------------

class TimesOutAfterSending(FakeCentral):
    """The request reached the central (which may have committed it), the answer never came."""

    def submit_application(self, request: A.ApplicationRequest, *,
                           idempotency_key: str) -> A.Application:
        self.submitted.append((request, idempotency_key))
        raise CentralTimeoutError()


def test_an_instant_timeout_keeps_instant_and_the_same_key_as_a_deferred_acceptance(store) -> None:
    central = TimesOutAfterSending()
    wf = started(context(central, store, instant=True))
    assert wf.making_mode == "INSTANT"
    to_photo(wf)
    with_photo(wf)
    outcome = wf.submit()
    [(request, key)] = central.submitted
    assert request.making_mode == "INSTANT"
    assert outcome.deferred and outcome.application.status == "pending_sync"
    stored = store.accepted[wf.draft_id]
    assert stored.op_id == key  # the outbox replays the key the central may have stored
    assert wf.making_mode == "INSTANT"  # never switched to central production
    events = [e.event for e in wf.journal]
    assert "line_down_switch_to_factory" not in events and "deferred" in events


def test_an_instant_line_down_switches_to_central_production_with_a_new_key(central,
                                                                             store) -> None:
    wf = started(context(central, store, instant=True))
    to_photo(wf)
    with_photo(wf)
    central.down = LineDownError
    with pytest.raises(StepInvalid) as invalid:
        wf.submit()
    assert invalid.value.errors == {"mode": LINE_DOWN_SWITCH_ZH}
    assert wf.making_mode == "FACTORY" and wf.step is Step.DELIVERY
    assert wf.record.submission.op_id == ""  # nothing reached the central: a fresh key
    assert store.accepted == {} and central.submitted == []
    assert "line_down_switch_to_factory" in [e.event for e in wf.journal]


def test_a_line_down_on_a_factory_submit_defers_with_the_same_key(central, store) -> None:
    wf = started(context(central, store, instant=False), ADULT)
    to_photo(wf)
    with_photo(wf)
    central.down = LineDownError
    outcome = wf.submit()
    assert outcome.deferred and wf.making_mode == "FACTORY"
    assert store.accepted[wf.draft_id].op_id == wf.record.submission.op_id != ""
