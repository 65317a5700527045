"""密码及卡片服务: read and show the card, PIN change and reset/unlock (``pin_services``),
信息变更写卡 (``chip_write``, also offered to the data-change business by the desk)."""

from counter_app.workflows.card_services.chip_write import ChipWriteRefused, ChipWriteResult
from counter_app.workflows.card_services.context import CardServicesContext
from counter_app.workflows.card_services.desk import CardServicesDesk
from counter_app.workflows.card_services.record import (
    OPERATION_TITLES_ZH,
    CardServicesRecord,
    Operation,
    Outcome,
    Step,
)
from counter_app.workflows.card_services.workflow import STEP_TITLES_ZH, CardServicesWorkflow

__all__ = [
    "OPERATION_TITLES_ZH", "STEP_TITLES_ZH", "CardServicesContext", "CardServicesDesk",
    "CardServicesRecord", "CardServicesWorkflow", "ChipWriteRefused", "ChipWriteResult",
    "Operation", "Outcome", "Step",
]
