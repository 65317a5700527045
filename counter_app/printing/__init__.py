"""Printed documents as PDF bytes, built by pure functions (Qt only prints or previews them).

Chinese text uses an embedded TrueType CJK font found on the system (see ``fonts``).
"""

from counter_app.printing.application_form import render_application_form
from counter_app.printing.fonts import CjkFonts, cjk_fonts, configure_fonts, unprintable_chars
from counter_app.printing.masking import mask_id_number, mask_name, mask_phone
from counter_app.printing.models import (
    Applicant,
    ApplicationFormData,
    BranchInfo,
    Delivery,
    DeliveryMode,
    Guardian,
    ReceiptData,
)
from counter_app.printing.receipt import application_next_steps, render_business_receipt

__all__ = [
    "Applicant",
    "ApplicationFormData",
    "BranchInfo",
    "CjkFonts",
    "Delivery",
    "DeliveryMode",
    "Guardian",
    "ReceiptData",
    "application_next_steps",
    "cjk_fonts",
    "configure_fonts",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "render_application_form",
    "render_business_receipt",
    "unprintable_chars",
]
