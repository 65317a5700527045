"""Personal data change (参保信息变更): typed record, proof rules, wizard, receipt, desk.

- ``record``: fields with their proof levels; ``rules``: values and proof; ``workflow``: the
  wizard and the submission (contact data may be queued); ``documents``: the receipt.
"""

from counter_app.workflows.data_change.desk import DataChangeDesk
from counter_app.workflows.data_change.documents import NEW_CARD_ZH
from counter_app.workflows.data_change.record import (
    FIELD_BY_KEY,
    FIELDS,
    PAPER_KINDS,
    DataChangeRecord,
    Level,
    Step,
)
from counter_app.workflows.data_change.workflow import STEP_TITLES_ZH, DataChangeWorkflow

__all__ = ["FIELDS", "FIELD_BY_KEY", "NEW_CARD_ZH", "PAPER_KINDS", "STEP_TITLES_ZH",
           "DataChangeDesk", "DataChangeRecord", "DataChangeWorkflow", "Level", "Step"]
