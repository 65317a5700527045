"""Instant issuance (即时制卡) in the UI."""

from __future__ import annotations

from counter_app.devices.card_printer import pdf_folder
from counter_app.ui.issuance.card_printer import QtCardPrinter
from counter_app.ui.issuance.page import IssuancePage
from counter_app.workflows.services import CounterServices


def issuance_page(services: CounterServices, teller: str) -> IssuancePage:
    profile = services.profile
    setting = profile.printers.card_face
    # a named system printer is painted by Qt (this layer); a PDF folder by the devices layer
    printer = None if pdf_folder(setting, profile.database.parent) is not None else QtCardPrinter(setting)
    return IssuancePage(services.issuance_desk(teller, printer=printer),
                        printer_name=profile.printers.document)


__all__ = ["IssuancePage", "issuance_page"]
