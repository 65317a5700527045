"""Rewriting the holder's changeable EF06 records (信息变更写卡): the name and the nation.

One external authentication with the update key (the PSAM computes the cryptogram), then
UPDATE RECORD for each record that differs from the chip; nothing is written when nothing
differs. The ID number (and the sex and birth date it encodes) and the card number are
never rewritten: a new ID number means a new card.
"""

from __future__ import annotations

import dataclasses

from counter_app.card.errors import RecordNotFoundError
from counter_app.card.layout import EF06, encode_records, record_by_tag
from counter_app.card.ssse import SsseCard

NAME_TAG, NAME_EXT_TAG, NATION_TAG = 0x09, 0x4E, 0x0B


def write_holder_records(card: SsseCard, *, name: str, nation: str) -> tuple[int, ...]:
    """Write the records that differ; returns the tags written."""
    before = card.read_card_data()
    after = dataclasses.replace(before, name=name, nation=nation)  # validated like any CardData
    old, new = encode_records(before), encode_records(after)
    tags = tuple(t for t in (NAME_TAG, NAME_EXT_TAG, NATION_TAG) if old[t] != new[t])
    if not tags:
        return ()
    card.external_authenticate("update")
    for tag in tags:
        rec = record_by_tag(tag)
        assert rec.ef == EF06
        try:
            card.update_record(rec, new[tag][2:])  # the record value, without tag and length
        except RecordNotFoundError:
            if tag != NAME_EXT_TAG or any(new[tag][2:]):  # an absent optional record stays absent
                raise
    return tags
