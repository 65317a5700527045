"""The kernel's own timing of a business (branch statistics): counter time from the teller's
first action on the record to its last step, software time as the waits added."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.workflows.kernel import StepDef, Wizard

T0 = dt.datetime(2026, 11, 28, 2, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


class Three(Wizard[str]):
    def __init__(self, clock: Clock, *, last_forward: bool = False) -> None:
        super().__init__([StepDef("a", "一"), StepDef("b", "二"),
                          StepDef("c", "三", forward=last_forward)], "r", clock=clock)

    def save(self) -> None:
        pass


def test_counter_time_runs_from_the_first_action_to_the_last_step() -> None:
    clock = Clock()
    wf = Three(clock)
    assert wf.started_at == T0 and wf.finished_at is None and not wf.finished
    clock.advance(600)  # on screen, waiting for the next customer
    wf.touch()
    assert wf.started_at == T0 + dt.timedelta(seconds=600)
    clock.advance(30)
    wf.touch()  # later actions do not move the start
    assert wf.started_at == T0 + dt.timedelta(seconds=600)
    wf.next()
    assert wf.finished_at is None
    clock.advance(45)
    wf.next()
    assert wf.finished and wf.finished_at == T0 + dt.timedelta(seconds=675)
    clock.advance(100)
    wf.back()  # a finished business stays finished at its first finishing time
    assert wf.finished_at == T0 + dt.timedelta(seconds=675)


def test_software_time_adds_the_waits() -> None:
    wf = Three(Clock())
    wf.waited(0.25)
    wf.waited(1.5)
    wf.waited(-3)  # a clock stepping back never subtracts
    assert wf.software_s == pytest.approx(1.75)


def test_a_last_step_left_by_next_is_not_an_end() -> None:
    wf = Three(Clock(), last_forward=True)
    wf.next()
    wf.next()
    assert wf.current == "c" and not wf.finished and wf.finished_at is None
