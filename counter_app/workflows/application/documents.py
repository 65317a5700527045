"""The application form and the receipt of an accepted application, as PDF bytes."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from counter_app.devices.photo import prepare_frame
from counter_app.domain.applications import StoredApplication
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.photo import PhotoSpec
from counter_app.printing import (
    Applicant,
    ApplicationFormData,
    Delivery,
    DeliveryMode,
    Guardian,
    ReceiptData,
    application_next_steps,
    mask_name,
    render_application_form,
    render_business_receipt,
)
from counter_app.workflows.application.context import ApplicationContext


@dataclass(frozen=True)
class Documents:
    """The documents of ONE accepted application: the page shows or prints them only while
    that application is on screen (``draft_id`` binds them to it)."""

    draft_id: str
    application_no: str
    form_pdf: bytes
    receipt_pdf: bytes


def warm_up(spec: PhotoSpec | None = None) -> None:
    """Load what the first photo and the first print would otherwise load while the teller
    waits (face cascades, the CJK font). Run in the background when the business opens."""
    import numpy as np

    from counter_app.printing import cjk_fonts

    with contextlib.suppress(CounterError):  # no font: printing explains it when asked
        cjk_fonts()
    spec = spec or PhotoSpec()
    # at least the target size: smaller sources are refused before the cascades load
    frame = np.full((spec.height_px + 40, spec.width_px + 40, 3), 255, np.uint8)
    with contextlib.suppress(CounterError):  # a blank frame fails the checks; loading is the point
        prepare_frame(frame, spec)


def render_documents(ctx: ApplicationContext, app: StoredApplication) -> Documents:
    """The application form and the receipt of an accepted application (PDF bytes)."""
    r = app.record
    a = r["applicant"]
    applicant = Applicant(
        name=a["name"], id_number=r["id_number"], sex=a["sex"], nation=a["nation"],
        birth_date=dt.date.fromisoformat(a["birth_date"]), address=a["address"],
        phone=a["phone"], household=a.get("household", ""))
    d = r["delivery"]
    delivery = Delivery(mode=DeliveryMode(d["mode"]), address=d.get("address", "") or "",
                        recipient=d.get("recipient", "") or "", phone=d.get("phone", "") or "")
    g = r.get("guardian")
    guardian = (Guardian(name=g["name"], id_number=g["id_number"], relationship=g["relationship"],
                         phone=g["phone"], proof_document=g["proof_document"]) if g else None)
    pending = app.status != "submitted"
    accepted_at = dt.datetime.fromisoformat(r["accepted_at"]).astimezone(CHINA_TIME)
    form = render_application_form(ApplicationFormData(
        application_no=app.application_no, applicant=applicant, branch=ctx.branch,
        delivery=delivery, teller_id=r["teller"], accepted_at=accepted_at,
        photo_jpeg=app.photo, guardian=guardian, pending_sync=pending))
    details: list[tuple[str, str]] = [
        ("制卡方式", "即时制卡" if app.making_mode == "INSTANT" else "集中制卡"),
        ("领卡方式", delivery.label),
        ("发卡银行", ctx.branch.bank_name),
    ]
    if app.central_application_id:
        details.append(("中心受理号", app.central_application_id))
    if guardian is not None:
        details.append(("监护人", mask_name(guardian.name)))
    receipt = render_business_receipt(ReceiptData(
        application_no=app.application_no, business_type="社会保障卡申领",
        person_name=applicant.name, id_number=applicant.id_number, branch=ctx.branch,
        teller_id=r["teller"], accepted_at=accepted_at,
        next_steps=application_next_steps(ctx.branch, delivery, phone=applicant.phone,
                                          pending_sync=pending),
        pending_sync=pending, details=tuple(details)))
    return Documents(app.draft_id, app.application_no, form, receipt)
