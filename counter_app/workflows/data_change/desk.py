"""Data change as the screen sees it: a new case and the counter's ID card reader."""

from __future__ import annotations

from counter_app.workflows.data_change.workflow import DataChangeWorkflow
from counter_app.workflows.person_ops import PersonOpsContext


class DataChangeDesk:
    def __init__(self, ctx: PersonOpsContext) -> None:
        self.ctx = ctx

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def id_reader_name(self) -> str | None:
        reader = self.ctx.id_reader
        return reader.name if reader is not None else None

    def new(self) -> DataChangeWorkflow:
        return DataChangeWorkflow(self.ctx)
