"""Insurance registration (职工参保登记) in the UI."""

from __future__ import annotations

from counter_app.ui.registration.page import RegistrationPage
from counter_app.workflows.services import CounterServices


def registration_page(services: CounterServices, teller: str) -> RegistrationPage:
    return RegistrationPage(services.registration_desk(teller),
                            printer_name=services.profile.printers.document)


__all__ = ["RegistrationPage", "registration_page"]
