"""From a data change to replacement: a new name or ID number leaves the card's chip and face
wrong, so the person is handed over for an exchange (信息变更换卡) in the same visit."""

from __future__ import annotations

from counter_app.workflows.data_change.record import DataChangeRecord
from counter_app.workflows.identity_step import Identity
from counter_app.workflows.replacement.handover import Handover
from counter_app.workflows.replacement.record import Reason


def replacement_handover(record: DataChangeRecord) -> Handover | None:
    """The person as the central now knows them, when the central asked for a new card."""
    outcome = record.outcome
    if outcome is None or outcome.status != "done" or not outcome.new_card_required:
        return None
    values = {c.field: c.value for c in record.changes}
    name = values.get("name", "").strip() or record.current_name or record.identity.name
    new_number = outcome.new_id_number
    if new_number and new_number != record.identity.id_number:
        # the new number comes from the police or court paper, not from an ID card read here:
        # replacement shows it as typed (the teller checks the new ID card, or reads it)
        return Handover(Identity(new_number, "typed", name), Reason.INFO_CHANGED)
    return Handover(Identity(record.identity.id_number, record.identity.source, name),
                    Reason.INFO_CHANGED)
