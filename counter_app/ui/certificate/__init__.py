"""The contribution certificate (参保证明) in the UI: issue, print, reprint, verify."""

from __future__ import annotations

from counter_app.ui.certificate.page import CertificatePage
from counter_app.workflows.services import CounterServices


def certificate_page(services: CounterServices, teller: str) -> CertificatePage:
    return CertificatePage(services.certificate_desk(teller),
                           printer_name=services.profile.printers.document)


__all__ = ["CertificatePage", "certificate_page"]
