"""The card application (申领): typed record, wizard, rules and the desk the page uses.

- ``record``: the typed record and its draft migration;
- ``checks``: field checks per section; ``eligibility``: the central's answer and routing;
- ``submission``: idempotent submission, now or through the outbox; ``documents``: PDFs;
- ``workflow``: the wizard walking the steps; ``desk``: what the screen may ask for.
"""

from counter_app.workflows.application.context import ApplicationContext, ApplicationRepository
from counter_app.workflows.application.desk import ApplicationDesk, DraftSummary
from counter_app.workflows.application.documents import Documents, render_documents, warm_up
from counter_app.workflows.application.eligibility import ApplicationBlocked
from counter_app.workflows.application.record import (
    SCHEMA_VERSION,
    Applicant,
    ApplicationRecord,
    Delivery,
    Eligibility,
    Guardian,
    Identity,
    MakingMode,
    Step,
)
from counter_app.workflows.application.submission import OPERATION, SubmitOutcome
from counter_app.workflows.application.workflow import STEP_TITLES_ZH, ApplicationWorkflow
from counter_app.workflows.kernel import StepInvalid

__all__ = [
    "OPERATION", "SCHEMA_VERSION", "STEP_TITLES_ZH", "Applicant", "ApplicationBlocked",
    "ApplicationContext", "ApplicationDesk", "ApplicationRecord", "ApplicationRepository",
    "ApplicationWorkflow", "Delivery", "Documents", "DraftSummary", "Eligibility", "Guardian",
    "Identity", "MakingMode", "Step", "StepInvalid", "SubmitOutcome", "render_documents", "warm_up",
]
