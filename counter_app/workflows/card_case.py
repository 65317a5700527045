"""What the card businesses (loss / de-loss, replacement, card services) share as wizards
beyond a person's business (``person_case``): the label of the case on the drafts list,
the finish with the outcome, the person's card in the reader and the receipt's output.

Each business keeps what is its own: the steps' checks, how the card is found, the choice
and the submission.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from counter_app.domain.card import CardData
from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import mask_name
from counter_app.workflows.kernel import JournalEntry, StepDef
from counter_app.workflows.person_case import CaseContext, CaseRecord, PersonCaseWorkflow
from counter_app.workflows.persons_card import CardReading, read_card_of


class CaseStore(Protocol):
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


class CardCaseContext(CaseContext, Protocol):
    @property
    def store(self) -> CaseStore: ...


class CaseOutcome(Protocol):
    @property
    def status(self) -> str: ...


R = TypeVar("R", bound=CaseRecord)
S = TypeVar("S", bound=enum.StrEnum)
C = TypeVar("C", bound=CardCaseContext)
OutcomeT = TypeVar("OutcomeT", bound=CaseOutcome)


class CardCaseWorkflow(PersonCaseWorkflow[R, S, C]):
    """One person's card business from the ID card to the receipt (the shared part)."""

    def __init__(self, ctx: C, steps: Sequence[StepDef[R]], record: R, *, started: bool,
                 step_type: type[S], step_titles: Mapping[S, str], schema_version: int,
                 step: str | None = None, history: Iterable[str] = (),
                 journal: Iterable[JournalEntry] = ()) -> None:
        self._step_titles = step_titles
        super().__init__(ctx, steps, record, started=started, step_type=step_type,
                         schema_version=schema_version, step=step, history=history,
                         journal=journal)

    def kind_zh(self) -> str:
        """What is being done for the person (the operation or reason), for the label."""
        raise NotImplementedError

    def label(self) -> str:
        name = self.record.identity.name
        who = mask_name(name) if name else QT_TR_NOOP("（尚未识别持卡人）")
        return f"{who} · {self.kind_zh()} · {self._step_titles[self.step]}"

    def finish(self, outcome: OutcomeT) -> OutcomeT:
        self.update_record(outcome=outcome)
        self._history.append(self.current)
        self._move(self._step_type("done"))
        self.note("finished", status=outcome.status)
        self.save()
        return outcome

    # -- card ----------------------------------------------------------------------------------
    def _read_persons_card(self, reader: CardReading | None) -> CardData:
        """The card in the reader (blocking); refused when it is another person's."""
        try:
            return read_card_of(reader, self.id_number,
                                QT_TR_NOOP("读卡器中的社保卡不属于本次核验的持卡人，请核对卡片。"))
        except ValidationError as refused:
            if refused.code == "CARD_OTHER_PERSON":
                self.note("card_read_other_person")
                self.save()
            raise

    # -- receipt -------------------------------------------------------------------------------
    def record_document_output(self, receipt_no: str, how: str) -> None:
        self.ctx.store.audit(self.ctx.teller, "card.receipt_output", receipt_no=receipt_no, how=how)
