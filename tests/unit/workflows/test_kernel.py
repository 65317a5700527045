"""The business kernel on its own: a small wizard walked headless (declared steps, validation,
a back-stack that skips steps that stopped applying, steps left only by their own action),
and typed records to JSON and back."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from counter_app.workflows.kernel import StepDef, StepInvalid, Wizard
from counter_app.workflows.records import RecordError, from_json, to_json

NOW = dt.datetime(2026, 11, 29, 22, 52, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Loss:
    card_no: str = ""
    minor: bool = False
    guardian: str = ""
    done: bool = False


def _card(r: Loss) -> dict[str, str]:
    return {} if r.card_no.startswith("NB") else {"card_no": "请读卡。"}


def _guardian(r: Loss) -> dict[str, str]:
    return {} if r.guardian else {"guardian": "请填写监护人。"}


class LossWizard(Wizard[Loss]):
    def __init__(self, record: Loss | None = None, **kw: Any) -> None:
        super().__init__((
            StepDef("card", "读卡", validate=_card),
            StepDef("guardian", "监护人", applies=lambda r: r.minor, validate=_guardian),
            StepDef("confirm", "确认"),
            StepDef("submit", "提交", forward=False, forward_message_zh="请点击提交。"),
        ), record or Loss(), clock=lambda: NOW, **kw)
        self.saves = 0

    def save(self) -> None:
        self.saves += 1

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        self._set(replace(self.record, **values))  # type: ignore[arg-type]
        return self.validate(key)


def test_next_validates_and_moves_through_the_steps_that_apply() -> None:
    w = LossWizard()
    with pytest.raises(StepInvalid) as invalid:
        w.next()
    assert invalid.value.errors == {"card_no": "请读卡。"} and w.current == "card"
    assert w.apply("card", {"card_no": "NB0000016"}) == {}
    assert w.next() == "confirm"  # the guardian step does not apply to an adult
    assert w.next() == "submit"
    with pytest.raises(StepInvalid, match="请点击提交"):
        w.next()
    assert [e.event for e in w.journal] == ["invalid", "next", "next"]
    assert w.journal[0].detail == {"fields": ["card_no"]} and w.journal[0].at == NOW.isoformat()
    assert w.saves == 3


def test_the_back_stack_skips_a_step_that_stopped_applying() -> None:
    w = LossWizard(Loss(card_no="NB1", minor=True))
    assert w.next() == "guardian"
    w.apply("guardian", {"guardian": "王芳"})
    assert w.next() == "confirm"
    w._set(replace(w.record, minor=False))  # e.g. a corrected ID number: now an adult
    assert w.back() == "card"
    assert w.history == ()


def test_goto_only_goes_back_and_a_finished_business_stays_finished() -> None:
    w = LossWizard(Loss(card_no="NB1"))
    w.next()
    assert w.goto("submit") == "confirm"  # never forward past validation
    assert w.goto("card") == "card" and w.history == ()
    w.next(), w.next()
    assert w.current == "submit"
    assert w.back() == "submit" and w.goto("card") == "submit"  # the last step is final


def test_step_states_mark_a_done_step_that_no_longer_validates() -> None:
    w = LossWizard(Loss(card_no="NB1"))
    w.next()
    w._set(replace(w.record, card_no=""))  # a refusal emptied it
    states = {s.key: s.state for s in w.step_states()}
    assert states == {"card": "error", "confirm": "current", "submit": "todo"}
    assert w.first_invalid_step() == "card"
    w.jump_to_fix("card")
    assert w.current == "card" and w.history == ()


def test_a_step_declared_twice_or_none_at_all_is_refused() -> None:
    with pytest.raises(TypeError):
        Wizard((StepDef("a", "A"), StepDef("a", "A2")), Loss())
    with pytest.raises(TypeError):
        Wizard((), Loss())


def test_a_resumed_position_outside_the_steps_starts_at_the_first() -> None:
    w = LossWizard(step="gone", history=["card", "gone"])
    assert w.current == "card" and w.history == ("card",)


class Colour(enum.StrEnum):
    RED = "red"


@dataclass(frozen=True)
class Inner:
    code: str
    note: str = ""


@dataclass(frozen=True)
class Outer:
    name: str
    count: int = 0
    ratio: float = 0.5
    flag: bool = False
    colour: Colour | None = None
    inner: Inner | None = None
    items: tuple[Inner, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def test_records_round_trip_through_json() -> None:
    record = Outer("张伟", 3, 1.0, True, Colour.RED, Inner("A"), (Inner("B", "b"),), {"k": [1]})
    data = to_json(record)
    assert data["colour"] == "red" and data["items"] == [{"code": "B", "note": "b"}]
    assert from_json(Outer, data) == record
    assert from_json(Outer, {"name": "x", "ratio": 1}).ratio == 1.0


def test_records_ignore_removed_fields_and_default_new_ones() -> None:
    assert from_json(Outer, {"name": "x", "gone": 1}) == Outer("x")


@pytest.mark.parametrize("data", [
    {"count": 1},  # the required name is missing
    {"name": 5},
    {"name": "x", "count": True},  # a bool is not a count
    {"name": "x", "colour": "blue"},
    {"name": "x", "items": {"code": "A"}},
    "not an object",
])
def test_records_refuse_data_of_the_wrong_shape(data: Any) -> None:
    with pytest.raises(RecordError):
        from_json(Outer, data)
