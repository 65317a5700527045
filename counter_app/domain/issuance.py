"""Values the instant issuance shares between the store and the workflow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """An accepted instant application of this branch, as the pick-up list shows it."""

    application_no: str
    central_application_id: str
    name: str  # the screen shows it masked
    accepted_at: dt.datetime
    issuance: str  # "" (not started) | the first step not done | "issued" | "cancelled"


@dataclass(frozen=True)
class Applicant:
    """What the card face and the receipt need from the accepted application."""

    application_no: str
    central_application_id: str
    name: str
    id_number: str
    photo: bytes | None
    business_zh: str = ""  # "" an application; else the replacement's title (补卡 / 换卡)
