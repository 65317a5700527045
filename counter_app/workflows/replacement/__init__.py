"""Replacement and exchange (补卡 / 换卡 / 同号换卡): typed record, rules, submission, wizard.

- ``record``: the typed record; ``rules``: which card may be replaced here (the state table,
  the own-bank rule, formal loss first), the old card handed in, the fee;
- ``submission``: once, only with the line up; ``workflow``: the wizard;
  ``documents``: the receipt; ``desk``: what the screen may ask.

Its context is the card businesses' (``card_loss.CardLossContext``): the same ports.
"""

from counter_app.workflows.replacement.desk import ReplacementDesk
from counter_app.workflows.replacement.record import (
    REASON_TITLES_ZH,
    BranchTerms,
    Outcome,
    Reason,
    ReplacementRecord,
    Step,
)
from counter_app.workflows.replacement.workflow import STEP_TITLES_ZH, ReplacementWorkflow

__all__ = [
    "REASON_TITLES_ZH", "STEP_TITLES_ZH", "BranchTerms", "Outcome", "Reason", "ReplacementDesk",
    "ReplacementRecord", "ReplacementWorkflow", "Step",
]
