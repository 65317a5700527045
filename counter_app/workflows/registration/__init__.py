"""Insurance registration (职工参保登记): typed record, rules, wizard, receipt and the desk.

- ``record``: the typed record and the materials per kind; ``rules``: field checks (the
  central's bounds and types); ``workflow``: the wizard and the submission (now, or queued
  for a flexible worker); ``documents``: the receipt; ``desk``: what the page may ask.
"""

from counter_app.workflows.registration.desk import RegistrationDesk
from counter_app.workflows.registration.record import (
    KIND_ZH,
    MATERIALS,
    Kind,
    RegistrationRecord,
    Step,
)
from counter_app.workflows.registration.workflow import STEP_TITLES_ZH, RegistrationWorkflow

__all__ = ["KIND_ZH", "MATERIALS", "STEP_TITLES_ZH", "Kind", "RegistrationDesk",
           "RegistrationRecord", "RegistrationWorkflow", "Step"]
