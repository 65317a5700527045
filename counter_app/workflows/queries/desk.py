"""The query business as the screen sees it: a new query for the next person."""

from __future__ import annotations

from counter_app.workflows.queries.context import QueryContext
from counter_app.workflows.queries.workflow import QueryWorkflow


class QueryDesk:
    """One signed-in teller's query business."""

    def __init__(self, ctx: QueryContext) -> None:
        self.ctx = ctx

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

    def new(self) -> QueryWorkflow:
        return QueryWorkflow(self.ctx)
