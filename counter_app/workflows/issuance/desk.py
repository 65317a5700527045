"""The issuance business as the screen sees it: the waiting list and one issuance."""

from __future__ import annotations

from counter_app.workflows.issuance import steps
from counter_app.workflows.issuance.context import Candidate, IssuanceContext
from counter_app.workflows.issuance.workflow import IssuanceWorkflow


class IssuanceDesk:
    def __init__(self, ctx: IssuanceContext) -> None:
        self.ctx = ctx

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def has_pin_pad(self) -> bool:
        return self.ctx.pin_pad is not None

    @property
    def printer_name(self) -> str:
        return self.ctx.printer.name

    def waiting(self) -> list[Candidate]:
        """Accepted instant applications of this branch without their card yet (a cancelled
        issuance is listed: it starts again when the person comes back)."""
        return [c for c in self.ctx.store.candidates() if c.issuance != "issued"]

    def open(self, application_no: str) -> IssuanceWorkflow:
        return IssuanceWorkflow.open(self.ctx, application_no)

    @staticmethod
    def reprint_face(wf: IssuanceWorkflow) -> str:
        """The face sent to the card printer again (audited); where it went."""
        return steps.reprint_face(wf)
