"""The contribution certificate (参保证明): typed record, wizard, verification and the desk.

- ``record``: the typed record; ``context``: its ports;
- ``workflow``: identify → options → done, issuing through the central and printing;
- ``verify``: whether an authorisation code is genuine (the central says so);
- ``desk``: what the page may ask for.
"""

from counter_app.workflows.certificate.context import AuditPort, CertificateContext
from counter_app.workflows.certificate.desk import CertificateDesk
from counter_app.workflows.certificate.record import (
    KIND_ZH,
    MAX_MONTHS,
    PERIOD_CHOICES,
    CertificateKind,
    CertificateRecord,
    Step,
)
from counter_app.workflows.certificate.verify import Verification, normalise_code, verify_code
from counter_app.workflows.certificate.workflow import (
    STEP_TITLES_ZH,
    CertificateWorkflow,
    certificate_data,
)

__all__ = [
    "KIND_ZH", "MAX_MONTHS", "PERIOD_CHOICES", "STEP_TITLES_ZH", "AuditPort", "CertificateContext",
    "CertificateDesk", "CertificateKind", "CertificateRecord", "CertificateWorkflow", "Step",
    "Verification", "certificate_data", "normalise_code", "verify_code",
]
