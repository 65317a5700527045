"""Registration as the screen sees it: a new case; the bounds answered this session."""

from __future__ import annotations

from counter_app.workflows.person_ops import PersonOpsContext
from counter_app.workflows.registration.workflow import BoundsCache, RegistrationWorkflow


class RegistrationDesk:
    def __init__(self, ctx: PersonOpsContext) -> None:
        self.ctx = ctx
        self.cache = BoundsCache()

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def id_reader_name(self) -> str | None:
        reader = self.ctx.id_reader
        return reader.name if reader is not None else None

    def new(self) -> RegistrationWorkflow:
        return RegistrationWorkflow(self.ctx, self.cache)
