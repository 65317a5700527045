"""密码及卡片服务 in the UI."""

from __future__ import annotations

from counter_app.ui.card_services.page import CardServicesPage
from counter_app.workflows.services import CounterServices


def card_services_page(services: CounterServices, teller: str) -> CardServicesPage:
    return CardServicesPage(services.card_services_desk(teller))


__all__ = ["CardServicesPage", "card_services_page"]
