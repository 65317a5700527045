"""The business kernel's walk, pinned exactly: the journal (event, step, detail, time), the
saves, the back-stack after every move, the timings the branch statistics read, the refusal
texts, and the edges of back/goto/jump_to_fix (first step, finished business, steps that
stopped applying)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest

from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid, StepState, Wizard

T0 = dt.datetime(2026, 11, 30, 1, 0, tzinfo=dt.UTC)


class Clock:
    """One second later at every reading."""

    def __init__(self) -> None:
        self.readings = 0

    def __call__(self) -> dt.datetime:
        self.readings += 1
        return T0 + dt.timedelta(seconds=self.readings)


@dataclass(frozen=True)
class Rec:
    name: str = ""
    minor: bool = False
    guardian: str = ""
    extra: bool = False


def _name(r: Rec) -> dict[str, str]:
    return {} if r.name else {"name": "请填写姓名。"}


def _guardian(r: Rec) -> dict[str, str]:
    return {} if r.guardian else {"guardian": "请填写监护人。", "relation": "请选择关系。"}


STEPS = (
    StepDef("name", "姓名", validate=_name),
    StepDef("guardian", "监护人", applies=lambda r: r.minor, validate=_guardian),
    StepDef("confirm", "确认"),
    StepDef("submit", "提交", forward=False, forward_message_zh="请点击提交。"),
    StepDef("receipt", "回执", forward=False),
)


class W(Wizard[Rec]):
    def __init__(self, record: Rec | None = None, steps: tuple[StepDef[Rec], ...] = STEPS,
                 **kw: Any) -> None:
        self.clock = Clock()
        super().__init__(steps, record or Rec(), clock=self.clock, **kw)
        self.saved: list[tuple[str, tuple[str, ...]]] = []

    def save(self) -> None:
        self.saved.append((self.current, self.history))

    def set(self, **values: Any) -> None:
        self._set(replace(self.record, **values))


def at(seconds: int) -> str:
    return (T0 + dt.timedelta(seconds=seconds)).isoformat()


# -- construction ---------------------------------------------------------------------------------

def test_a_wizard_without_steps_or_with_a_step_twice_says_which_class() -> None:
    with pytest.raises(TypeError) as none:
        W(steps=())
    assert str(none.value) == "W declares no steps"
    with pytest.raises(TypeError) as twice:
        W(steps=(STEPS[0], STEPS[0]))
    assert str(twice.value) == "W declares a step twice"


def test_a_resumed_wizard_keeps_its_position_history_and_journal() -> None:
    old = JournalEntry(at(0), "name", "next")
    w = W(Rec(name="张伟"), step="confirm", history=("name", "gone", "guardian"), journal=[old])
    assert w.current == "confirm"
    assert w.history == ("name", "guardian")  # a step no longer declared is dropped
    assert w.journal == [old]
    w.journal.append(JournalEntry(at(9), "x", "y"))  # a copy: the wizard's own stays
    assert w.journal == [old]


def test_the_start_time_is_the_clock_at_creation_until_the_teller_acts() -> None:
    w = W()
    assert w.started_at == T0 + dt.timedelta(seconds=1)
    assert (w.software_s, w.finished_at, w.finished) == (0.0, None, False)
    w.touch()
    assert w.started_at == T0 + dt.timedelta(seconds=2)
    w.touch()  # only the first action starts the counter time
    assert w.started_at == T0 + dt.timedelta(seconds=2)


def test_waits_add_up_and_a_negative_wait_counts_nothing() -> None:
    w = W()
    w.waited(1.5)
    w.waited(-3.0)
    w.waited(0.25)
    assert w.software_s == 1.75


def test_the_base_apply_takes_nothing_and_save_must_be_provided() -> None:
    w = W()
    assert w.apply("name", {"name": "张伟"}) == {} and w.record == Rec()
    with pytest.raises(NotImplementedError):
        Wizard.save(w)


# -- next ---------------------------------------------------------------------------------------

def test_an_invalid_step_is_journalled_saved_and_refused_with_its_first_message() -> None:
    w = W(Rec(minor=True, name="张小明"), step="guardian", history=("name",))
    with pytest.raises(StepInvalid) as invalid:
        w.next()
    e = invalid.value
    assert e.errors == {"guardian": "请填写监护人。", "relation": "请选择关系。"}
    assert (e.field, e.message_zh, e.code) == ("guardian", "请填写监护人。", "STEP_INVALID")
    assert w.journal == [JournalEntry(at(2), "guardian", "invalid",
                                      {"fields": ["guardian", "relation"]})]
    assert w.saved == [("guardian", ("name",))] and w.current == "guardian"


def test_step_invalid_without_errors_asks_to_complete_the_step() -> None:
    e = StepInvalid({})
    assert (e.field, e.message_zh, e.errors) == ("step", "请完成本步骤后继续。", {})


def test_next_journals_before_moving_and_saves_after() -> None:
    w = W(Rec(name="张伟"))
    assert w.next() == "confirm"
    assert w.journal == [JournalEntry(at(2), "name", "next")]
    assert w.saved == [("confirm", ("name",))] and w.history == ("name",)
    assert w.next() == "submit"
    assert w.journal[-1] == JournalEntry(at(3), "confirm", "next")
    assert w.history == ("name", "confirm") and w.finished_at is None and not w.finished


def test_a_step_left_by_its_own_action_refuses_next_with_its_message_or_the_default() -> None:
    w = W(Rec(name="张伟"), step="submit")
    with pytest.raises(StepInvalid) as own:
        w.next()
    assert own.value.errors == {"step": "请点击提交。"} and w.saved == [] and w.journal == []
    w = W(Rec(name="张伟"), step="receipt")
    with pytest.raises(StepInvalid) as default:
        w.next()
    assert default.value.errors == {"step": "请使用本步骤的按钮继续。"}


def test_reaching_the_last_step_left_by_its_own_action_finishes_once() -> None:
    w = W(Rec(name="张伟"), step="submit", history=("name", "confirm"))
    w.jump_to_fix("receipt")
    assert w.finished and w.finished_at == T0 + dt.timedelta(seconds=2)
    w.jump_to_fix("receipt")
    assert w.finished_at == T0 + dt.timedelta(seconds=2)  # the first time only


def test_a_non_forward_step_that_is_not_the_last_is_not_finished() -> None:
    w = W(Rec(name="张伟"), step="submit")
    assert not w.finished and w.finished_at is None


def test_finished_needs_the_current_step_to_be_the_last_that_applies() -> None:
    steps = (StepDef[Rec]("name", "姓名"),
             StepDef[Rec]("receipt", "回执", forward=False, applies=lambda r: r.extra))
    w = W(Rec(), steps=steps, step="receipt")
    assert not w.finished  # the receipt does not apply: the last step is 姓名
    w.set(extra=True)
    assert w.finished
    nothing = W(Rec(), steps=(StepDef[Rec]("x", "x", applies=lambda r: False),))
    assert nothing.step_keys() == [] and not nothing.finished


# -- the lists ------------------------------------------------------------------------------------

def test_validate_reads_the_named_step_or_the_current_one() -> None:
    w = W(Rec(minor=True))
    assert w.validate() == {"name": "请填写姓名。"}
    assert w.validate("guardian") == {"guardian": "请填写监护人。", "relation": "请选择关系。"}
    assert w.validate("confirm") == {}
    assert w.definition("submit") is STEPS[3]


def test_the_first_invalid_step_stops_at_the_first_step_left_by_its_own_action() -> None:
    assert W(Rec()).first_invalid_step() == "name"
    assert W(Rec(name="张伟", minor=True)).first_invalid_step() == "guardian"
    assert W(Rec(name="张伟")).first_invalid_step() is None
    late = (StepDef[Rec]("ok", "甲"), StepDef[Rec]("submit", "提交", forward=False),
            StepDef[Rec]("after", "乙", validate=_name))
    assert W(Rec(), steps=late).first_invalid_step() is None  # after the submit: not asked


def test_step_states_name_done_current_todo_and_error_with_titles() -> None:
    w = W(Rec(name="张伟", minor=True, guardian="张父"), step="confirm",
          history=("name", "guardian"))
    assert w.step_states() == [
        StepState("name", "姓名", "done"), StepState("guardian", "监护人", "done"),
        StepState("confirm", "确认", "current"), StepState("submit", "提交", "todo"),
        StepState("receipt", "回执", "todo")]
    w.set(guardian="")
    assert [s.state for s in w.step_states()] == ["done", "error", "current", "todo", "todo"]


def test_a_done_step_left_by_its_own_action_is_never_marked_error() -> None:
    steps = (StepDef[Rec]("submit", "提交", forward=False, validate=_name),
             StepDef[Rec]("receipt", "回执", forward=False))
    w = W(Rec(), steps=steps, step="receipt")
    assert [s.state for s in w.step_states()] == ["done", "current"]


def test_step_states_of_a_position_that_stopped_applying_start_at_the_first() -> None:
    w = W(Rec(minor=True, name="张小明"), step="guardian")
    w.set(minor=False)
    assert [s.state for s in w.step_states()] == ["current", "todo", "todo", "todo"]


# -- back, goto, jump_to_fix ----------------------------------------------------------------------

def test_back_pops_the_stack_journals_and_saves() -> None:
    w = W(Rec(name="张小明", minor=True, guardian="张父"), step="submit",
          history=("name", "guardian", "confirm"))
    assert w.back() == "confirm"
    assert w.history == ("name", "guardian") and w.saved == [("confirm", ("name", "guardian"))]
    assert w.journal == [JournalEntry(at(2), "submit", "back")]
    assert w.back() == "guardian" and w.back() == "name"
    assert w.history == () and len(w.saved) == 3


def test_back_skips_stacked_steps_that_stopped_applying_or_lie_ahead() -> None:
    w = W(Rec(name="张伟", minor=True, guardian="张父"), step="confirm",
          history=("name", "submit", "guardian"))
    w.set(minor=False)  # the guardian step no longer applies
    assert w.back() == "name" and w.history == ()
    assert [(j.step, j.event) for j in w.journal] == [("confirm", "back")]


def test_back_without_a_stack_goes_to_the_step_before_and_stays_on_the_first() -> None:
    w = W(Rec(name="张伟"), step="submit")
    assert w.back() == "confirm" and w.saved == [("confirm", ())]
    assert w.back() == "name" and w.back() == "name"  # nothing before the first
    assert [j.event for j in w.journal] == ["back", "back"] and len(w.saved) == 2


def test_back_from_a_step_that_stopped_applying_without_a_stack_stays() -> None:
    w = W(Rec(minor=True), step="guardian")
    w.set(minor=False)
    assert w.back() == "guardian" and w.journal == [] and w.saved == []


def test_a_finished_business_does_not_go_back() -> None:
    w = W(Rec(name="张伟"), step="receipt", history=("name", "confirm", "submit"))
    assert w.back() == "receipt" and w.history == ("name", "confirm", "submit")
    assert w.journal == [] and w.saved == []


def test_goto_jumps_back_and_trims_the_stack_to_before_the_target() -> None:
    w = W(Rec(name="张小明", minor=True, guardian="张父"), step="submit",
          history=("name", "guardian", "confirm"))
    assert w.goto("guardian") == "guardian"
    assert w.history == ("name",) and w.saved == [("guardian", ("name",))]
    assert w.journal == [JournalEntry(at(2), "submit", "goto", {"target": "guardian"})]


def test_goto_a_step_missing_from_the_stack_clears_what_is_above_it() -> None:
    w = W(Rec(name="张伟"), step="submit", history=("confirm",))
    assert w.goto("name") == "name" and w.history == ()


def test_goto_refuses_ahead_unknown_inapplicable_and_finished() -> None:
    w = W(Rec(name="张伟"), step="confirm", history=("name",))
    for key in ("submit", "nowhere", "guardian"):  # ahead, unknown, does not apply
        assert w.goto(key) == "confirm"
    assert w.journal == [] and w.saved == [] and w.history == ("name",)
    done = W(Rec(name="张伟"), step="receipt", history=("name", "confirm", "submit"))
    assert done.goto("name") == "receipt" and done.saved == [] and done.journal == []
    w = W(Rec(minor=True, name="张小明"), step="guardian", history=("name",))
    w.set(minor=False)  # standing on a step that stopped applying: no jump
    assert w.goto("name") == "guardian" and w.saved == []


def test_goto_the_current_step_changes_nothing() -> None:
    """Clicking the current step in the list: the back-stack stays (it used to be emptied)."""
    w = W(Rec(name="张伟"), step="confirm", history=("name",))
    assert w.goto("confirm") == "confirm"
    assert w.history == ("name",) and w.journal == [] and w.saved == []


def test_jump_to_fix_keeps_only_earlier_applicable_steps_on_the_stack() -> None:
    w = W(Rec(name="张小明", minor=True, guardian="张父"), step="submit",
          history=("name", "guardian", "confirm"))
    w.jump_to_fix("guardian")
    assert w.current == "guardian" and w.history == ("name",)
    assert w.saved == [] and w.journal == []  # the caller saves with its own note
    w.jump_to_fix("nowhere")
    assert w.current == "guardian"
    w.set(minor=False)
    w.jump_to_fix("guardian")  # no longer applies: stays
    assert w.current == "guardian"
    w = W(Rec(name="张伟"), step="submit", history=("name", "guardian", "confirm"))
    w.jump_to_fix("confirm")
    assert w.history == ("name",)  # guardian does not apply, confirm is the target


def test_back_skips_the_current_step_found_on_the_stack() -> None:
    """A resumed stack can hold the step the teller is on: back goes to the one before it."""
    w = W(Rec(name="张伟"), step="confirm", history=("name", "confirm"))
    assert w.back() == "name" and w.history == ()
    assert w.journal == [JournalEntry(at(2), "confirm", "back")]
