"""Loss (挂失) and de-loss (解挂): typed record, rules, submission, wizard and the desk.

- ``record``: the typed record; ``rules``: what may be offered (the domain's state table),
  the own-bank rule, the card picked; ``submission``: once, now or queued (formal loss only);
- ``workflow``: the wizard; ``documents``: the receipt; ``desk``: what the screen may ask.
"""

from counter_app.workflows.card_loss.context import CardLossContext, CardLossRepository
from counter_app.workflows.card_loss.desk import CardLossDesk
from counter_app.workflows.card_loss.record import (
    OPERATION_TITLES_ZH,
    CardSource,
    FoundCard,
    Identity,
    LossRecord,
    Operation,
    Outcome,
    Step,
)
from counter_app.workflows.card_loss.rules import Offer
from counter_app.workflows.card_loss.workflow import STEP_TITLES_ZH, CardLossWorkflow

__all__ = [
    "OPERATION_TITLES_ZH", "STEP_TITLES_ZH", "CardLossContext", "CardLossDesk",
    "CardLossRepository", "CardLossWorkflow", "CardSource", "FoundCard", "Identity",
    "LossRecord", "Offer", "Operation", "Outcome", "Step",
]
