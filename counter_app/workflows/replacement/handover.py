"""A person handed over to replacement by another business in the same visit (a data change
that leaves the card's chip wrong): who, as identified there, and why the card is replaced."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.workflows.identity_step import Identity
from counter_app.workflows.replacement.record import Reason


@dataclass(frozen=True)
class Handover:
    identity: Identity  # the person as the central now knows them (a new number typed)
    reason: Reason
