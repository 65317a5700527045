"""Applications for the guided tour's central-production scenario, sent to the central as
the application business would have sent them (its own scenarios show that business)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from counter_app.central.api import ApplicationRequest, CentralApi
from counter_app.central.errors import CentralError


def take_applications(central: CentralApi, branch_code: str, bank_code: str,
                      people: Sequence[tuple[str, str, str | None]]) -> list[tuple[str, str, str]]:
    """(application id, ID number, name) per person taken; a person the central refuses
    (an open application already) is left out. The reference central fails production of
    ids ending in 7 (its 制卡失败 example): such an application is cancelled and taken again."""
    taken = []
    for idn, name, guardian in people:
        for _ in range(30):
            try:
                app = central.submit_application(ApplicationRequest(
                    id_number=idn, bank_code=bank_code, branch_code=branch_code,
                    making_mode="FACTORY", photo_sha256="ab" * 32, guardian_id_number=guardian),
                    idempotency_key=str(uuid.uuid4()))
            except CentralError:
                break
            if not app.application_id.endswith("7"):
                taken.append((app.application_id, idn, name))
                break
            central.cancel_application(app.application_id, branch_code=branch_code,  # i18n: data
                                       reason="导览", idempotency_key=str(uuid.uuid4()))
    return taken


def take_failing(central: CentralApi, branch_code: str, bank_code: str,
                 id_number: str) -> str | None:
    """An application whose production the reference central will fail (its ids ending in 7
    fail once: the 制卡失败 example), to show re-submitting; None when the person is refused.
    An id is 10 hex digits, so 1 in 16 ends in 7: 400 tries miss with odds of about 1e-11
    (80 missed one run in 175)."""
    for _ in range(400):
        try:
            app = central.submit_application(ApplicationRequest(
                id_number=id_number, bank_code=bank_code, branch_code=branch_code,
                making_mode="FACTORY", photo_sha256="ab" * 32),
                idempotency_key=str(uuid.uuid4()))
        except CentralError:
            return None
        if app.application_id.endswith("7"):
            return app.application_id
        central.cancel_application(app.application_id, branch_code=branch_code,  # i18n: data
                                   reason="导览", idempotency_key=str(uuid.uuid4()))
    return None
