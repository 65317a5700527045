"""What the card businesses (loss / de-loss, replacement, card services) share as wizards:
one person identified by the ID card or a typed number, a record kept in memory while the
person is served (the outbox row and the audit entries are the durable part), the label
of the case on the drafts list, the finish with the outcome and the receipt's output.

Each business keeps what is its own: the steps' checks, how the card is found, the choice
and the submission.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from counter_app.devices.idcard import IdCardData, IdCardReader
from counter_app.domain.card import CardData
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.printing import mask_name
from counter_app.workflows.identity_step import Identity, read_identity, typed_identity
from counter_app.workflows.kernel import JournalEntry, StepDef, Wizard
from counter_app.workflows.records import to_json


class CaseStore(Protocol):
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


class CaseContext(Protocol):
    """The part of a card business's context the shared steps use."""

    @property
    def teller(self) -> str: ...
    @property
    def id_reader(self) -> IdCardReader | None: ...
    @property
    def clock(self) -> Callable[[], dt.datetime]: ...
    @property
    def store(self) -> CaseStore: ...
    def today(self) -> dt.date: ...


class CaseRecord(Protocol):
    """A card business's record: a frozen dataclass with the person's identity."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def identity(self) -> Identity: ...


class CaseOutcome(Protocol):
    @property
    def status(self) -> str: ...


class CardReading(Protocol):
    def read(self) -> CardData: ...


R = TypeVar("R", bound=CaseRecord)
S = TypeVar("S", bound=enum.StrEnum)
C = TypeVar("C", bound=CaseContext)
OutcomeT = TypeVar("OutcomeT", bound=CaseOutcome)


class CardCaseWorkflow(Wizard[R], Generic[R, S, C]):
    """One person's card business from the ID card to the receipt (the shared part)."""

    def __init__(self, ctx: C, steps: Sequence[StepDef[R]], record: R, *, started: bool,
                 step_type: type[S], step_titles: Mapping[S, str], schema_version: int,
                 step: str | None = None, history: Iterable[str] = (),
                 journal: Iterable[JournalEntry] = ()) -> None:
        self.ctx = ctx
        self._step_type = step_type
        self._step_titles = step_titles
        self._schema_version = schema_version
        self.saved: dict[str, Any] = {}
        super().__init__(steps, record, step=step, history=tuple(history),
                         journal=tuple(journal), clock=ctx.clock)
        if started:
            self.note("started")

    # -- what a business provides ---------------------------------------------------------------
    def kind_zh(self) -> str:
        """What is being done for the person (the operation or reason), for the label."""
        raise NotImplementedError

    def for_another_person(self, record: R) -> R:
        """A blank record for another person: what the teller chose for the case stays."""
        raise NotImplementedError

    # -- record --------------------------------------------------------------------------------
    def save(self) -> None:
        # kept in memory: the outbox row and the audit entries are the durable part
        self.saved = {"schema": self._schema_version, "step": self.current,
                      "history": list(self.history),
                      "journal": [to_json(j) for j in self.journal], "label": self.label(),
                      "record": to_json(self.record)}

    def label(self) -> str:
        name = self.record.identity.name
        who = mask_name(name) if name else "（尚未识别持卡人）"
        return f"{who} · {self.kind_zh()} · {self._step_titles[self.step]}"

    def update_record(self, **sections: Any) -> None:
        self._set(replace(self.record, **sections))

    def finish(self, outcome: OutcomeT) -> OutcomeT:
        self.update_record(outcome=outcome)
        self._history.append(self.current)
        self._move(self._step_type("done"))
        self.note("finished", status=outcome.status)
        self.save()
        return outcome

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
        if identity.id_number != self.id_number:  # the same number read from the ID card stays "reader"
            self._set_identity(identity)
        return identity.id_number

    def _set_identity(self, identity: Identity) -> None:
        r = self.record
        if identity.id_number != r.identity.id_number:  # another person: nothing carries over
            r = self.for_another_person(r)
        self._set(replace(r, identity=identity))
        self.note("identified", source=identity.source)
        self.save()

    # -- card ----------------------------------------------------------------------------------
    def _read_persons_card(self, reader: CardReading | None) -> CardData:
        """The card in the reader (blocking); refused when it is another person's."""
        if reader is None:
            raise CounterError("本柜台未配置社保卡读卡器。", code="CARD_READER_MISSING")
        data = reader.read()
        if self.id_number and data.id_number != self.id_number:
            self.note("card_read_other_person")
            self.save()
            raise ValidationError("card", "读卡器中的社保卡不属于本次核验的持卡人，请核对卡片。",
                                  code="CARD_OTHER_PERSON")
        return data

    # -- receipt -------------------------------------------------------------------------------
    def record_document_output(self, receipt_no: str, how: str) -> None:
        self.ctx.store.audit(self.ctx.teller, "card.receipt_output", receipt_no=receipt_no, how=how)
