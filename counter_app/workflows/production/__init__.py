"""Central production (集中制卡): tracking, batch receipt, hand-out and activation."""

from counter_app.workflows.production.context import ProductionContext, ProductionRepository
from counter_app.workflows.production.desk import ProductionDesk
from counter_app.workflows.production.receipt import BatchReceiptWorkflow

__all__ = ["BatchReceiptWorkflow", "ProductionContext", "ProductionDesk", "ProductionRepository"]
