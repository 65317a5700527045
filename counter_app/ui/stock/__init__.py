"""Blank-card stock (空白卡库存) in the UI."""

from __future__ import annotations

from counter_app.ui.stock.page import StockPage
from counter_app.workflows.services import CounterServices


def stock_page(services: CounterServices, teller: str) -> StockPage:
    return StockPage(services.stock_desk(teller), printer_name=services.profile.printers.document)


__all__ = ["StockPage", "stock_page"]
