"""Personal data change (参保信息变更) in the UI."""

from __future__ import annotations

from counter_app.ui.data_change.page import DataChangePage
from counter_app.workflows.services import CounterServices


def data_change_page(services: CounterServices, teller: str) -> DataChangePage:
    return DataChangePage(services.data_change_desk(teller),
                          printer_name=services.profile.printers.document)


__all__ = ["DataChangePage", "data_change_page"]
