"""The business kernel: a Qt-free wizard over a typed record.

Every counter business (application, issuance, hand-out, loss, …) is a :class:`Wizard`:

- its data is one frozen dataclass tree (the *record*, see :mod:`counter_app.workflows.records`),
  replaced, never mutated, so a UI thread can read it while a worker computes the next one;
- its steps are declared once as :class:`StepDef` values: key, title, whether the step applies
  to this record, its validation, and whether ``next()`` may leave it;
- navigation keeps a back-stack (``history``) and a journal of events and codes (never
  personal data), and every change is persisted through :meth:`Wizard.save`.

The business rules live in small functions next to the business's wizard (eligibility,
materials, offline policy, submission); the wizard only walks the steps. A Qt page base
(:mod:`counter_app.ui.wizard_page`) renders any wizard. See docs/CONVENTIONS.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP

R = TypeVar("R")

StepStateName = Literal["done", "current", "todo", "error"]


class StepInvalid(ValidationError):
    """The current step cannot be left forward: ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        first = next(iter(self.errors.values()), QT_TR_NOOP("请完成本步骤后继续。"))
        super().__init__(next(iter(self.errors), "step"), first, code="STEP_INVALID")


def _always(_record: Any) -> bool:
    return True


def _no_errors(_record: Any) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class StepDef(Generic[R]):
    """One declared step of a business."""

    key: str
    title_zh: str
    applies: Callable[[R], bool] = _always
    validate: Callable[[R], dict[str, str]] = _no_errors
    # False for steps left by their own action (submit, finish), not by 下一步
    forward: bool = True
    forward_message_zh: str = ""


@dataclass(frozen=True)
class JournalEntry:
    """What happened, when, at which step: events and codes only (drafts are encrypted,
    but the journal is read by support staff, so no personal data goes in)."""

    at: str
    step: str
    event: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StepState:
    key: str
    title_zh: str
    state: StepStateName


class Wizard(Generic[R]):
    """Walks the declared steps of one business over its typed record."""

    def __init__(self, steps: Sequence[StepDef[R]], record: R, *, step: str | None = None,
                 history: Sequence[str] = (), journal: Sequence[JournalEntry] = (),
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:
        if not steps:
            raise TypeError(f"{type(self).__name__} declares no steps")
        self._steps = tuple(steps)
        self._defs = {d.key: d for d in self._steps}
        if len(self._defs) != len(self._steps):
            raise TypeError(f"{type(self).__name__} declares a step twice")
        self._record = record
        self._step = step if step in self._defs else self._steps[0].key
        self._history: list[str] = [k for k in history if k in self._defs]
        self._journal: list[JournalEntry] = list(journal)
        self._clock = clock
        # the business's own timing (branch statistics): counter time from the teller's first
        # action on this record (``touch``) to its last step, software time as the waits the
        # page adds (``waited``)
        self.started_at = clock()
        self.software_s = 0.0
        self.finished_at: dt.datetime | None = None
        self._touched = False

    # -- what a subclass provides -----------------------------------------------------------------
    def save(self) -> None:
        """Persist the record, the position and the journal (after every change)."""
        raise NotImplementedError

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        """Store what a step's screen hands over (plain strings, kept even when invalid) and
        return the field errors of what was handed over. Steps without input return {}."""
        return {}

    # -- state --------------------------------------------------------------------------------------
    @property
    def record(self) -> R:
        return self._record

    def _set(self, record: R) -> None:
        self._record = record

    @property
    def current(self) -> str:
        return self._step

    @property
    def history(self) -> tuple[str, ...]:
        return tuple(self._history)

    @property
    def journal(self) -> list[JournalEntry]:
        return list(self._journal)

    def note(self, event: str, **detail: Any) -> None:
        self._journal.append(JournalEntry(self._clock().isoformat(), self._step, event, detail))

    def _move(self, key: str) -> None:
        self._step = key
        if self.finished_at is None and self.finished:
            self.finished_at = self._clock()

    @property
    def finished(self) -> bool:
        """On the last step, one left by its own action (a receipt, a result): done."""
        keys = self.step_keys()
        return bool(keys) and self._step == keys[-1] and not self._defs[self._step].forward

    def touch(self) -> None:
        """The teller acts on this record (page.run): the first time, the counter time starts,
        so a record put on screen ahead of the next customer does not count its idle time."""
        if not self._touched:
            self._touched = True
            self.started_at = self._clock()

    def waited(self, seconds: float) -> None:
        """The teller waited ``seconds`` on the software for this record (page.run)."""
        self.software_s += max(0.0, seconds)

    # -- the steps ----------------------------------------------------------------------------------
    def definition(self, key: str) -> StepDef[R]:
        return self._defs[key]

    def step_keys(self) -> list[str]:
        """The steps that apply to this record, in order."""
        return [d.key for d in self._steps if d.applies(self._record)]

    def validate(self, key: str | None = None) -> dict[str, str]:
        """Errors that keep a step from being left forward (field → message)."""
        return self._defs[key or self._step].validate(self._record)

    def first_invalid_step(self) -> str | None:
        """The first step before the first non-forward step that still has errors."""
        for key in self.step_keys():
            d = self._defs[key]
            if not d.forward:
                return None
            if d.validate(self._record):
                return key
        return None

    def step_states(self) -> list[StepState]:
        """(key, title, done/current/todo/error) for the visible list of steps."""
        keys = self.step_keys()
        here = keys.index(self._step) if self._step in keys else 0
        out = []
        for i, key in enumerate(keys):
            d = self._defs[key]
            state: StepStateName = "current" if i == here else ("done" if i < here else "todo")
            if state == "done" and d.forward and d.validate(self._record):
                state = "error"  # changed since (e.g. a refusal sent the teller back)
            out.append(StepState(key, d.title_zh, state))
        return out

    # -- navigation ---------------------------------------------------------------------------------
    def next(self) -> str:
        d = self._defs[self._step]
        if not d.forward:
            raise StepInvalid({"step": d.forward_message_zh or QT_TR_NOOP("请使用本步骤的按钮继续。")})
        errors = self.validate()
        if errors:
            self.note("invalid", fields=sorted(errors))
            self.save()
            raise StepInvalid(errors)
        keys = self.step_keys()
        self.note("next")
        self._history.append(self._step)
        self._move(keys[keys.index(self._step) + 1])
        self.save()
        return self._step

    def back(self) -> str:
        """The previous step still applicable (the back-stack skips steps that stopped applying)."""
        keys = self.step_keys()
        if not self._defs[self._step].forward and self._step == keys[-1]:
            return self._step  # the business is finished: nothing to go back to
        while self._history:
            target = self._history.pop()
            if target in keys and keys.index(target) < keys.index(self._step):
                self.note("back")
                self._move(target)
                self.save()
                return self._step
        here = keys.index(self._step) if self._step in keys else 0
        if here > 0:
            self.note("back")
            self._move(keys[here - 1])
            self.save()
        return self._step

    def goto(self, key: str) -> str:
        """Jump back to an earlier step (the teller clicks it in the list); the current step,
        a later one or one that does not apply leaves everything as it is."""
        keys = self.step_keys()
        if key not in keys or self._step not in keys or keys.index(key) >= keys.index(self._step):
            return self._step
        if not self._defs[self._step].forward and self._step == keys[-1]:
            return self._step
        self.note("goto", target=key)
        while self._history and self._history[-1] != key:
            self._history.pop()
        if self._history:
            self._history.pop()
        self._move(key)
        self.save()
        return self._step

    def jump_to_fix(self, key: str) -> None:
        """Move to a step that must be fixed (validation at submit, a central refusal)."""
        keys = self.step_keys()
        if key in keys:
            self._history = [k for k in self._history
                             if k in keys and keys.index(k) < keys.index(key)]
            self._move(key)
