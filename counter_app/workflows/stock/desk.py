"""The blank-card stock as the screens and the status bar see it."""

from __future__ import annotations

from counter_app.workflows.stock.api import BlankStock
from counter_app.workflows.stock.context import StockContext
from counter_app.workflows.stock.workflow import StockWorkflow


class StockDesk:
    def __init__(self, ctx: StockContext) -> None:
        self.ctx = ctx
        self.stock = BlankStock(ctx)

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def instant(self) -> bool:
        return self.ctx.instant

    @property
    def reader_name(self) -> str | None:
        return self.ctx.reader.name if self.ctx.reader is not None else None

    def new(self) -> StockWorkflow:
        return StockWorkflow(self.ctx)

    def custody_count(self) -> int | None:
        """The signed-in teller's custody today; None at a branch without stock."""
        return self.stock.custody_count() if self.ctx.instant else None
