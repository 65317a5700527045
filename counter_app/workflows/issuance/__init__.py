"""Instant issuance (即时制卡) after an accepted application at an instant-issue branch."""

from counter_app.workflows.issuance.context import (
    Applicant,
    BlankCustody,
    Candidate,
    CardSlot,
    IssuanceContext,
    IssuanceRepository,
    NoStock,
    StockNotReady,
)
from counter_app.workflows.issuance.desk import IssuanceDesk
from counter_app.workflows.issuance.record import (
    STEP_INSTRUCTIONS_ZH,
    STEP_TITLES_ZH,
    IssuanceRecord,
    Outcome,
    Step,
    StepStatus,
)
from counter_app.workflows.issuance.workflow import IssuanceStopped, IssuanceWorkflow

__all__ = [
    "STEP_INSTRUCTIONS_ZH",
    "STEP_TITLES_ZH",
    "Applicant",
    "BlankCustody",
    "Candidate",
    "CardSlot",
    "IssuanceContext",
    "IssuanceDesk",
    "IssuanceRecord",
    "IssuanceRepository",
    "IssuanceStopped",
    "IssuanceWorkflow",
    "NoStock",
    "Outcome",
    "Step",
    "StepStatus",
    "StockNotReady",
]
