"""Blank-card stock (空白卡库存) at instant-issue branches.

- ``api.BlankStock``: the Qt-free API issuance uses (check custody, mark issued, spoil);
- ``record``: the screens' typed record; ``supplier_list``: the supplier's CSV;
- ``reconcile``: received = in stock + in custody + issued + spoiled, differences named;
- ``workflow``: the wizard over the four screens; ``desk``: what the page and status bar ask.
"""

from counter_app.domain.blank_stock import CardPlace, NotInCustody, Place, StockError
from counter_app.workflows.stock.api import SPOIL_PURPOSE, BlankStock, SpoilApproval, spoil_purpose
from counter_app.workflows.stock.context import StockContext, StockRepository
from counter_app.workflows.stock.desk import StockDesk
from counter_app.workflows.stock.record import (
    BoxCheck,
    ReadOutcome,
    ReadResult,
    Reconciliation,
    Step,
    StockRecord,
    TellerLine,
)
from counter_app.workflows.stock.workflow import STEP_TITLES_ZH, StockWorkflow

__all__ = [
    "SPOIL_PURPOSE", "STEP_TITLES_ZH", "BlankStock", "BoxCheck", "CardPlace", "NotInCustody",
    "Place", "ReadOutcome", "ReadResult", "Reconciliation", "SpoilApproval", "Step",
    "StockContext", "StockDesk", "StockError", "StockRecord", "StockRepository",
    "StockWorkflow", "TellerLine", "spoil_purpose",
]
