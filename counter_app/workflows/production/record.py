"""The typed record of a batch receipt (网点签收): which batch, the cards read from it, the
box they go into, and how the receipt reached the central."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from counter_app.domain.production import CardRead

SCHEMA_VERSION = 1


class Step(enum.StrEnum):
    CHOOSE = "choose"  # the batch, from the lists pulled from the central
    READ = "read"  # each card's chip read and matched against the list
    PLACE = "place"  # the box the received cards go into (slots in reading order)
    DONE = "done"  # the receipt sent or queued; the 签收清单 printed


class Outcome(enum.StrEnum):
    NONE = ""
    SENT = "sent"  # the central took the receipt now
    QUEUED = "queued"  # line down: the receipt waits in the outbox under its key


@dataclass(frozen=True)
class ReceiptRecord:
    record_id: str
    teller: str
    started_at: str
    batch_id: str = ""
    reads: tuple[CardRead, ...] = ()
    box: str = ""
    op_id: str = ""  # the receipt's idempotency key, saved before anything is sent
    outcome: Outcome = Outcome.NONE
    finished_at: str = ""
    list_pulled_at: str = ""  # when the list received against was pulled (offline receipts)
