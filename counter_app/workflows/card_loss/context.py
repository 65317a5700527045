"""What the loss / de-loss workflow talks to: ports (Protocols) filled by the composition root.

Tests pass fakes or the real adapters through the same ports; nothing is monkeypatched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from counter_app.central.api import CentralApi
from counter_app.central.sync import StalenessLimits, SyncStatus
from counter_app.devices.idcard import IdCardReader
from counter_app.devices.sscard import SocialCardReader
from counter_app.domain.clock import CHINA_TIME
from counter_app.printing import BranchInfo


class CardLossRepository(Protocol):
    """The local store's side of a card operation (store.card_operations).

    ``begin`` writes the audit entry and the outbox message (its key is the idempotency key)
    in one durable transaction BEFORE the central is called, held back from the sync worker
    while the counter sends it itself; the other calls settle that message.
    """

    def unsent_for(self, id_number: str) -> int: ...
    def begin(self, *, op_id: str, operation: str, id_number: str, payload: dict[str, Any],
              actor: str, action: str, detail: dict[str, Any], hold_s: float,
              now: dt.datetime) -> None: ...
    def sent(self, op_id: str, response: dict[str, Any], now: dt.datetime) -> None: ...
    def refused(self, op_id: str, code: str, now: dt.datetime) -> None: ...
    def release(self, op_id: str, error_code: str, now: dt.datetime) -> None: ...
    def withdraw(self, op_id: str, reason: str, now: dt.datetime) -> None: ...
    def status_of(self, op_id: str) -> str | None: ...
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _plenty_of_disk() -> float:
    return 1e9


def _nothing() -> None:
    return None


@dataclass
class CardLossContext:
    branch: BranchInfo
    branch_code: str
    bank_code: str
    counter_id: str
    teller: str
    central: CentralApi
    store: CardLossRepository
    id_reader: IdCardReader | None = None
    card_reader: SocialCardReader | None = None
    limits: StalenessLimits = field(default_factory=StalenessLimits)
    sync_status: Callable[[], SyncStatus] | None = None
    free_disk_mb: Callable[[], float] = _plenty_of_disk
    clock: Callable[[], dt.datetime] = _now
    wake_sync: Callable[[], None] = _nothing

    def today(self) -> dt.date:
        return self.clock().astimezone(CHINA_TIME).date()
