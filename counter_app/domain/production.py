"""Central production (集中制卡) as the branch sees it: tracked applications, production
batches and the rule that matches the cards read from a batch against the central's list.

Pure values and rules: the store keeps them, the workflows show them, the tests pin them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.texts import QT_TR_NOOP

# the central's application states (see docs/api/central-v1.yaml, ApplicationOut.state)
DATA_ENTRY = "DATA_ENTRY"
IN_PRODUCTION = "IN_PRODUCTION"
SHIPPED = "SHIPPED"
BRANCH_RECEIVED = "BRANCH_RECEIVED"
ISSUED_NOT_ACTIVATED = "ISSUED_NOT_ACTIVATED"
ACTIVATED = "ACTIVATED"
FAILED = "FAILED"
CANCELLED = "CANCELLED"

STATE_ZH = {
    DATA_ENTRY: QT_TR_NOOP("数据录入"),
    IN_PRODUCTION: QT_TR_NOOP("制卡中"),
    SHIPPED: QT_TR_NOOP("已寄出"),
    BRANCH_RECEIVED: QT_TR_NOOP("网点签收"),
    ISSUED_NOT_ACTIVATED: QT_TR_NOOP("领卡未激活"),
    ACTIVATED: QT_TR_NOOP("已启用"),
    FAILED: QT_TR_NOOP("制卡失败"),
    CANCELLED: QT_TR_NOOP("已撤销"),
    "RESUBMIT_QUEUED": QT_TR_NOOP("重新制卡待上传"),  # local only: see RESUBMIT_QUEUED below
}

# branch custody (本地): a card received and not yet handed out
IN_CUSTODY = "IN_CUSTODY"
# returned to the central past the keeping period and sealed (封存): out of branch custody
SEALED = "SEALED"
# a failed production re-submitted here, the request still queued for the central (local only)
RESUBMIT_QUEUED = "RESUBMIT_QUEUED"


@dataclass(frozen=True)
class Tracked:
    """One application this branch took (or looked up at the central), as last known."""

    application_id: str
    id_number: str
    name: str
    state: str
    kind: str = "NEW"
    making_mode: str = "FACTORY"
    collection: str = "BRANCH"
    branch_code: str = ""
    application_no: str = ""  # the number printed on the form (local applications)
    card_no: str = ""
    batch_id: str = ""
    ems_tracking_no: str = ""
    failure_reason: str = ""
    guardian_id_number: str = ""
    location: str = ""  # box/slot in branch custody
    received_at: dt.datetime | None = None
    handed_out_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    remote: bool = False  # found at the central (another branch), not in the local records
    sealed_at: dt.datetime | None = None  # returned for sealing (封存)
    sealing_list_id: str = ""

    @property
    def state_zh(self) -> str:
        return STATE_ZH.get(self.state, self.state)


@dataclass(frozen=True)
class ReceiptDraft:
    """A batch receipt begun and not confirmed (kept with the batch; nothing personal)."""

    batch_id: str
    teller: str
    reads: int
    step: str
    updated_at: dt.datetime | None


@dataclass(frozen=True)
class ListedCard:
    """A line of a batch's list as the central sent it."""

    application_id: str
    card_no: str
    id_number: str


@dataclass(frozen=True)
class PulledBatch:
    batch_id: str
    state: str  # SHIPPED | RECEIVED at the central; RECEIVED_PENDING: received here, queued
    items: tuple[ListedCard, ...]
    pulled_at: dt.datetime | None = None
    received_at: dt.datetime | None = None


@dataclass(frozen=True)
class CardRead:
    """A card taken out of the batch box: the envelope it came in (the application printed on
    it; "" when no envelope) and the card number read from its chip."""

    envelope: str
    card_no: str


MISSING = "MISSING"
EXTRA = "EXTRA"
MISMATCHED = "MISMATCHED"

DIFFERENCE_ZH = {MISSING: QT_TR_NOOP("缺卡（清单有、实物无）"), EXTRA: QT_TR_NOOP("多卡（实物有、清单无）"),
                 MISMATCHED: QT_TR_NOOP("错装（卡片装在他人信封内）")}


@dataclass(frozen=True)
class Difference:
    kind: str  # MISSING | EXTRA | MISMATCHED
    application_id: str = ""  # MISSING: the listed application; MISMATCHED: the envelope's
    card_no: str = ""  # the chip read (EXTRA, MISMATCHED)
    owner_application_id: str = ""  # MISMATCHED: the application the chip belongs to


@dataclass(frozen=True)
class Matched:
    application_id: str
    card_no: str


@dataclass(frozen=True)
class BatchCheck:
    """Where a batch stands against its list after the cards read so far."""

    matched: tuple[Matched, ...]
    differences: tuple[Difference, ...]
    outstanding: tuple[ListedCard, ...]  # listed, not read (yet): missing if received now

    @property
    def complete(self) -> bool:
        return not self.outstanding and not self.differences


def check_batch(listed: Sequence[ListedCard], reads: Iterable[CardRead]) -> BatchCheck:
    """Match each card by its chip to the listed application (the chip, never the envelope,
    decides whose card it is). A chip on the list in another application's envelope is
    received as its owner's and the envelope reported (MISMATCHED); a chip not on the list
    is EXTRA (returned to the central, not taken into custody); a card read twice counts once.
    """
    by_card = {item.card_no: item for item in listed if item.card_no}
    matched: dict[str, Matched] = {}
    differences: list[Difference] = []
    seen: set[str] = set()
    for read in reads:
        if read.card_no in seen:
            continue
        seen.add(read.card_no)
        owner = by_card.get(read.card_no)
        if owner is None:
            differences.append(Difference(EXTRA, application_id=read.envelope,
                                          card_no=read.card_no))
            continue
        matched[owner.application_id] = Matched(owner.application_id, read.card_no)
        if read.envelope and read.envelope != owner.application_id:
            differences.append(Difference(MISMATCHED, application_id=read.envelope,
                                          card_no=read.card_no,
                                          owner_application_id=owner.application_id))
    outstanding = tuple(i for i in listed if i.application_id not in matched)
    return BatchCheck(tuple(matched.values()), tuple(differences), outstanding)


def with_missing(check: BatchCheck) -> tuple[Difference, ...]:
    """The differences to report when the teller closes the receipt now: what was found wrong
    plus every listed card not read, as missing."""
    return check.differences + tuple(Difference(MISSING, application_id=i.application_id,
                                                card_no=i.card_no) for i in check.outstanding)


def uncollected_age_days(received_at: dt.datetime, now: dt.datetime) -> int:
    """Whole days a card has waited in branch custody."""
    a = received_at if received_at.tzinfo else received_at.replace(tzinfo=dt.UTC)
    b = now if now.tzinfo else now.replace(tzinfo=dt.UTC)
    return max(0, (b - a).days)


def keep_until(received_at: dt.datetime, keep_months: int) -> dt.date:
    """The last day (Beijing) a received card is kept for its holder: the receipt day plus
    the central's keeping period in calendar months (31 Jan + 1 month → 28/29 Feb)."""
    a = received_at if received_at.tzinfo else received_at.replace(tzinfo=dt.UTC)
    day = a.astimezone(CHINA_TIME).date()
    months = day.year * 12 + day.month - 1 + keep_months
    year, month = divmod(months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_for_sealing(received_at: dt.datetime, today: dt.date, keep_months: int) -> bool:
    """Past the keeping period: to be returned to the central and sealed (封存)."""
    return today > keep_until(received_at, keep_months)
