"""What the businesses serving one identified person share as wizards (card loss,
replacement, card services, registration, data change): the person identified by the ID
card read or its number typed (the one ``identity_step`` rules), what was entered for another
person dropped, and the record kept in memory in the shape every business saves (the outbox
row and the audit entries are the durable part).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from counter_app.devices.idcard import IdCardData, IdCardReader
from counter_app.workflows.identity_step import Identity, read_identity, typed_identity
from counter_app.workflows.kernel import JournalEntry, StepDef, Wizard
from counter_app.workflows.records import to_json


class CaseContext(Protocol):
    """The part of a business's context the shared steps use."""

    @property
    def teller(self) -> str: ...
    @property
    def id_reader(self) -> IdCardReader | None: ...
    @property
    def clock(self) -> Callable[[], dt.datetime]: ...
    def today(self) -> dt.date: ...


class CaseRecord(Protocol):
    """A business's record: a frozen dataclass with the person's identity."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def identity(self) -> Identity: ...


R = TypeVar("R", bound=CaseRecord)
S = TypeVar("S", bound=enum.StrEnum)
C = TypeVar("C", bound=CaseContext)


class PersonCaseWorkflow(Wizard[R], Generic[R, S, C]):
    """One person's business (the shared part): identify, keep the record, the typed step."""

    def __init__(self, ctx: C, steps: Sequence[StepDef[R]], record: R, *, started: bool,
                 step_type: type[S], schema_version: int, step: str | None = None,
                 history: Iterable[str] = (), journal: Iterable[JournalEntry] = ()) -> None:
        self.ctx = ctx
        self._step_type = step_type
        self._schema_version = schema_version
        self.saved: dict[str, Any] = {}
        super().__init__(steps, record, step=step, history=tuple(history),
                         journal=tuple(journal), clock=ctx.clock)
        if started:
            self.note("started")

    # -- what a business provides ---------------------------------------------------------------
    def label(self) -> str:
        """The case on the drafts list (the person's name masked)."""
        raise NotImplementedError

    def for_another_person(self, record: R) -> R:
        """The record once another person is identified: nothing entered for the previous
        one carries over (what the teller chose for the case may stay)."""
        raise NotImplementedError

    # -- record --------------------------------------------------------------------------------
    def save(self) -> None:
        # kept in memory: the outbox row and the audit entries are the durable part
        self.saved = {"schema": self._schema_version, "step": self.current,
                      "history": list(self.history),
                      "journal": [to_json(j) for j in self.journal], "label": self.label(),
                      "record": to_json(self.record)}

    def update_record(self, **sections: Any) -> None:
        self._set(replace(self.record, **sections))

    @property
    def step(self) -> S:
        return self._step_type(self.current)

    @property
    def id_number(self) -> str:
        return self.record.identity.id_number

    def next(self) -> S:
        return self._step_type(super().next())

    def back(self) -> S:
        return self._step_type(super().back())

    def goto(self, key: str) -> S:
        return self._step_type(super().goto(key))

    # -- identify ------------------------------------------------------------------------------
    def read_id_card(self) -> IdCardData:
        card, identity = read_identity(self.ctx.id_reader, self.ctx.today())
        self._set_identity(identity)
        return card

    def set_id_number(self, typed: str) -> str:
        identity = typed_identity(typed, self.record.identity, self.ctx.today())
        if identity != self.record.identity:  # the same number read from the ID card stays "reader"
            self._set_identity(identity)
        return identity.id_number

    def _set_identity(self, identity: Identity) -> None:
        r = self.record
        if identity.id_number != r.identity.id_number:
            r = self.for_another_person(r)
        self._set(replace(r, identity=identity))
        self.note("identified", source=identity.source)
        self.save()
