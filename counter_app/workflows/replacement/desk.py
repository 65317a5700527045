"""The replacement business as the screen sees it: a new case, the counter's devices."""

from __future__ import annotations

from counter_app.workflows.card_loss.context import CardLossContext
from counter_app.workflows.fees import FeeDesk
from counter_app.workflows.replacement.handover import Handover
from counter_app.workflows.replacement.making import InstantMaking
from counter_app.workflows.replacement.record import Reason
from counter_app.workflows.replacement.workflow import ReplacementWorkflow


class ReplacementDesk:
    """One signed-in teller's replacement and exchange business."""

    def __init__(self, ctx: CardLossContext, fees: FeeDesk | None = None,
                 instant: InstantMaking | None = None) -> None:
        self.ctx = ctx
        self.fees = fees  # None: the fee is shown, not collected here (headless tests)
        self.instant = instant  # None: no card made on the spot at this counter

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def id_reader_name(self) -> str | None:
        reader = self.ctx.id_reader
        return reader.name if reader is not None else None

    @property
    def card_reader_name(self) -> str | None:
        reader = self.ctx.card_reader
        return reader.name if reader is not None else None

    def new(self, reason: Reason = Reason.LOST) -> ReplacementWorkflow:
        wf = ReplacementWorkflow(self.ctx, fees=self.fees, instant=self.instant)
        wf.set_reason(reason)
        return wf

    def take_over(self, handover: Handover) -> ReplacementWorkflow:
        """A case for a person another business sent here, with its reason."""
        wf = self.new(handover.reason)
        wf.take_over(handover.identity)
        return wf
