"""The certificate business as the screen sees it: a new certificate, a verification."""

from __future__ import annotations

from counter_app.workflows.certificate.context import CertificateContext
from counter_app.workflows.certificate.verify import Verification, verify_code
from counter_app.workflows.certificate.workflow import CertificateWorkflow


class CertificateDesk:
    """One signed-in teller's certificate business."""

    def __init__(self, ctx: CertificateContext) -> None:
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

    def new(self) -> CertificateWorkflow:
        return CertificateWorkflow(self.ctx)

    def verify(self, text: str) -> Verification:
        """Ask the central whether a code (typed or scanned) is genuine (blocking)."""
        result = verify_code(self.ctx.central, text)
        self.ctx.audit(self.ctx.teller, "certificate.verified", auth_code=result.auth_code,
                       valid=result.valid)
        return result
