"""集中制卡 and 领卡启用 pages (see page.py)."""

from __future__ import annotations

from typing import Any

from counter_app.ui.production.page import HandoutPage, ProductionPage


def production_page(services: Any, teller: str) -> ProductionPage:
    return ProductionPage(services.production_desk(teller))


def handout_page(services: Any, teller: str) -> HandoutPage:
    return HandoutPage(services.production_desk(teller))


__all__ = ["HandoutPage", "ProductionPage", "handout_page", "production_page"]
