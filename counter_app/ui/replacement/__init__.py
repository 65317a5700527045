"""Replacement and exchange (补卡 / 换卡 / 同号换卡) in the UI."""

from __future__ import annotations

from counter_app.ui.replacement.page import ReplacementPage
from counter_app.workflows.services import CounterServices


def replacement_page(services: CounterServices, teller: str) -> ReplacementPage:
    return ReplacementPage(services.replacement_desk(teller),
                           printer_name=services.profile.printers.document)


__all__ = ["ReplacementPage", "replacement_page"]
