"""The application business as the screen sees it: everything the page may ask for.

The page never reaches the store, the central or the card layer; it asks the desk (drafts,
a new or resumed application, discarding) and the workflow (the steps), off the UI thread.
"""

from __future__ import annotations

from counter_app.domain.applications import DraftSummary
from counter_app.domain.photo import PhotoSpec
from counter_app.workflows.application.context import ApplicationContext
from counter_app.workflows.application.documents import warm_up
from counter_app.workflows.application.workflow import ApplicationWorkflow

__all__ = ["ApplicationDesk", "DraftSummary"]


class ApplicationDesk:
    """One signed-in teller's application business."""

    def __init__(self, ctx: ApplicationContext) -> None:
        self.ctx = ctx

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def bank_name(self) -> str:
        return self.ctx.branch.bank_name

    @property
    def photo_spec(self) -> PhotoSpec:
        return self.ctx.photo_spec

    @property
    def id_reader_name(self) -> str | None:
        """The ID-card reader's name, or None when this counter has none (numbers are typed)."""
        reader = self.ctx.id_reader
        return reader.name if reader is not None else None

    def open_drafts(self) -> list[DraftSummary]:
        return self.ctx.store.open_drafts(self.ctx.teller)

    def new(self) -> ApplicationWorkflow:
        return ApplicationWorkflow(self.ctx)

    def resume(self, draft_id: str) -> ApplicationWorkflow:
        return ApplicationWorkflow.resume(self.ctx, draft_id)

    def discard_draft(self, draft_id: str, reason: str) -> None:
        self.ctx.store.discard_draft(draft_id, actor=self.ctx.teller, reason=reason)

    def refresh(self) -> int:
        """Take the central's ids for applications the sync worker has sent since."""
        return self.ctx.store.refresh_from_outbox()

    def prepare(self) -> None:
        """Warm what the first photo and print need, and take the central's ids for
        applications the sync worker has sent since (run in the background on opening)."""
        warm_up(self.ctx.photo_spec)
        self.refresh()
