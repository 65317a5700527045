"""What the issuance workflow talks to: ports (Protocols) filled by the composition root.

Tests pass their own implementations through the same ports; nothing is monkeypatched.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from counter_app.card.perso import JournalStore
from counter_app.card.ssse import SsseCard
from counter_app.central.api import CentralApi
from counter_app.central.sync import StalenessLimits, SyncStatus
from counter_app.devices.card_printer import CardPrinter
from counter_app.devices.pinpad import PinPad
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.issuance import Applicant as Applicant
from counter_app.domain.issuance import Candidate as Candidate
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import BranchInfo
from counter_app.workflows.supervisor import SupervisorApproval

T = TypeVar("T")


class IssuanceRepository(Protocol):
    """Issuance records (encrypted), the accepted applications, the outbox, the audit log."""

    def load(self, application_no: str) -> dict[str, Any] | None: ...
    def save(self, application_no: str, data: dict[str, Any]) -> None: ...
    def candidates(self) -> list[Candidate]: ...
    def applicant(self, application_no: str) -> Applicant | None: ...
    def begin(self, *, op_id: str, operation: str, id_number: str, payload: dict[str, Any],
              actor: str, action: str, detail: dict[str, Any], hold_s: float,
              now: dt.datetime) -> None: ...
    def sent(self, op_id: str, response: dict[str, Any], now: dt.datetime) -> None: ...
    def refused(self, op_id: str, code: str, now: dt.datetime) -> None: ...
    def release(self, op_id: str, error_code: str, now: dt.datetime) -> None: ...
    def status_of(self, op_id: str) -> str | None: ...
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


class CardSlot(Protocol):
    """The card reader the blank sits in, with the branch PSAM (card.service.CardService)."""

    def call(self, operation: Callable[[SsseCard], T]) -> T: ...

    def session(self) -> AbstractContextManager[None]:
        """Hold the card connection across the calls made inside (one card session per
        issuance); reconnect only after the card was pulled."""
        ...


class StockNotReady(CounterError):
    code = "STOCK_NOT_READY"
    message_zh = QT_TR_NOOP("库存功能未就绪：无法确认这张空白卡在您的保管中，暂不能制卡。")


class BlankCustody(Protocol):
    """The branch's blank-card stock as issuance needs it (lesson 7), for the signed-in
    teller (``workflows.stock.BlankStock`` through ``issuance.custody.StockCustody``)."""

    def check_custody(self, serial: str) -> None:
        """Raise a CounterError naming where the card is when it is not in this teller's
        custody today (unknown, in the safe, with another teller, issued, spoiled)."""
        ...

    def mark_issued(self, serial: str, application_id: str) -> None:
        """Custody → issued for this application (again for the same one: no change)."""
        ...

    def spoil(self, serial: str, reason: str, supervisor: SupervisorApproval) -> str:
        """The supervisor authorises (checked, audited) and the card becomes 废卡; returns
        the supervisor's user name. Nothing changes when the authorisation fails."""
        ...


class NoStock:
    """Used while no stock module is connected: refuses, never pretends a card is held."""

    def check_custody(self, serial: str) -> None:
        raise StockNotReady()

    def mark_issued(self, serial: str, application_id: str) -> None:
        raise StockNotReady()

    def spoil(self, serial: str, reason: str, supervisor: SupervisorApproval) -> str:
        raise StockNotReady()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _plenty_of_disk() -> float:
    return 1e9


@dataclass
class IssuanceContext:
    branch: BranchInfo
    branch_code: str
    counter_id: str
    teller: str
    central: CentralApi
    store: IssuanceRepository
    slot: CardSlot
    journals: JournalStore  # the per-card personalisation journal
    printer: CardPrinter
    custody: BlankCustody = field(default_factory=NoStock)
    pin_pad: PinPad | None = None  # None: the screen asks in a masked dialog
    city_code: str = "330200"
    power_on_tries: int = 3
    power_on_pause_s: float = 0.5
    limits: StalenessLimits = field(default_factory=StalenessLimits)
    sync_status: Callable[[], SyncStatus] | None = None
    free_disk_mb: Callable[[], float] = _plenty_of_disk
    clock: Callable[[], dt.datetime] = _now
    sleep: Callable[[float], None] = time.sleep
    output_dir: Path | None = None  # where receipts are kept for reprint (None: memory only)

    def today(self) -> dt.date:
        return self.clock().astimezone(CHINA_TIME).date()
