"""Data change as the screen sees it: a new case, and whether the businesses it hands over
to (replacement, card services' chip writing) are built yet."""

from __future__ import annotations

from counter_app.workflows.catalog import BUSINESSES
from counter_app.workflows.data_change.workflow import DataChangeWorkflow
from counter_app.workflows.person_ops import PersonOpsContext


def built(key: str) -> bool:
    return any(b.key == key and b.built for b in BUSINESSES)


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

    @property
    def replacement_built(self) -> bool:
        return built("replacement")

    @property
    def card_services_built(self) -> bool:
        return built("card_services")

    def new(self) -> DataChangeWorkflow:
        return DataChangeWorkflow(self.ctx)
