"""From a data change to 信息变更写卡: the central now holds a chip field differently (the
nation) and the card stays, so the person is handed to card services in the same visit."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.workflows.data_change.documents import chip_out_of_date
from counter_app.workflows.data_change.record import CHIP_FIELDS, DataChangeRecord
from counter_app.workflows.identity_step import Identity


@dataclass(frozen=True)
class ChipWriteHandover:
    identity: Identity  # the person as the data change identified them
    fields: tuple[str, ...]  # the chip fields the central changed (what the write will bring)


def chip_write_handover(record: DataChangeRecord) -> ChipWriteHandover | None:
    """The person to write the chip for, when the accepted change left the chip out of date."""
    if not chip_out_of_date(record):
        return None
    return ChipWriteHandover(record.identity,
                             tuple(c.field for c in record.changes if c.field in CHIP_FIELDS))
