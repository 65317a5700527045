"""Loss (挂失) and de-loss (解挂) in the UI."""

from __future__ import annotations

from counter_app.ui.card_loss.page import CardLossPage
from counter_app.workflows.services import CounterServices


def card_loss_page(services: CounterServices, teller: str) -> CardLossPage:
    return CardLossPage(services.card_loss_desk(teller),
                        printer_name=services.profile.printers.document)


__all__ = ["CardLossPage", "card_loss_page"]
