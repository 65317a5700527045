"""The loss / de-loss business as the screen sees it: a new case, the counter's devices."""

from __future__ import annotations

from counter_app.workflows.card_loss.context import CardLossContext
from counter_app.workflows.card_loss.record import Operation
from counter_app.workflows.card_loss.workflow import CardLossWorkflow


class CardLossDesk:
    """One signed-in teller's loss / de-loss business."""

    def __init__(self, ctx: CardLossContext) -> None:
        self.ctx = ctx

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def bank_name(self) -> str:
        return self.ctx.branch.bank_name

    @property
    def id_reader_name(self) -> str | None:
        reader = self.ctx.id_reader
        return reader.name if reader is not None else None

    @property
    def card_reader_name(self) -> str | None:
        reader = self.ctx.card_reader
        return reader.name if reader is not None else None

    def new(self, operation: Operation = Operation.LOSS) -> CardLossWorkflow:
        wf = CardLossWorkflow(self.ctx)
        wf.set_operation(operation)
        return wf
