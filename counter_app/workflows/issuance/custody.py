"""The blank-card stock (``workflows.stock``) as the issuance's custody port."""

from __future__ import annotations

from counter_app.domain.blank_stock import Place
from counter_app.workflows.stock import BlankStock
from counter_app.workflows.supervisor import SupervisorApproval


class StockCustody:
    def __init__(self, stock: BlankStock) -> None:
        self.stock = stock

    def check_custody(self, serial: str) -> None:
        self.stock.check_custody(serial)

    def mark_issued(self, serial: str, application_id: str) -> None:
        place = self.stock.locate(serial)
        if place is not None and place.place is Place.ISSUED \
                and place.application_id == application_id:
            return  # recorded before a crash or a retry: once is enough
        self.stock.mark_issued(serial, application_id)

    def spoil(self, serial: str, reason: str, supervisor: SupervisorApproval) -> str:
        approval = self.stock.approve_spoil(supervisor, serial)
        self.stock.mark_spoiled(serial, reason, approval)
        return approval.supervisor
