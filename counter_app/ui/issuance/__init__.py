"""Instant issuance (即时制卡) in the UI."""

from __future__ import annotations

from counter_app.ui.issuance.page import IssuancePage
from counter_app.workflows.services import CounterServices


def issuance_page(services: CounterServices, teller: str) -> IssuancePage:
    return IssuancePage(services.issuance_desk(teller), printer_name=services.profile.printers.document)


__all__ = ["IssuancePage", "issuance_page"]
