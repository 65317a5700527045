"""What central production talks to: ports (Protocols) filled by the composition root.

Tests pass the real store adapter (``store.production.ProductionStore``) or fakes through the
same ports; nothing is monkeypatched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from counter_app.central.api import CentralApi
from counter_app.central.sync import StalenessLimits, SyncStatus
from counter_app.devices.idcard import IdCardReader
from counter_app.devices.pinpad import PinPad
from counter_app.devices.sscard import SocialCardReader
from counter_app.devices.sschip import SocialCardChip
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.production import Difference, PulledBatch, ReceiptDraft, Tracked
from counter_app.printing import BranchInfo


class ProductionRepository(Protocol):
    """The local store's side (store.production.ProductionStore)."""

    def track_local(self) -> int: ...
    def add(self, items: Sequence[Tracked]) -> None: ...
    def search(self, text: str, limit: int = 50) -> list[Tracked]: ...
    def get(self, application_id: str) -> Tracked | None: ...
    def update_state(self, application_id: str, state: str, *, card_no: str = "",
                     failure_reason: str = "") -> None: ...
    def update_states(self, states: dict[str, str]) -> None: ...
    def save_batches(self, batches: Sequence[PulledBatch]) -> None: ...
    def unnamed(self, limit: int = 500) -> list[tuple[str, str]]: ...
    def set_names(self, names: dict[str, str]) -> None: ...
    def batches(self, *, open_only: bool = True) -> list[PulledBatch]: ...
    def batch(self, batch_id: str) -> PulledBatch | None: ...
    def receipt(self, batch_id: str) -> dict[str, Any] | None: ...
    def receive(self, *, batch_id: str, teller: str, placed: Sequence[tuple[str, str]],
                differences: Sequence[Difference], op_id: str, payload: dict[str, Any],
                hold_s: float, now: dt.datetime) -> None: ...
    def receipt_acknowledged(self, batch_id: str) -> None: ...
    def in_custody(self) -> list[Tracked]: ...
    def by_card(self, card_no: str) -> Tracked | None: ...
    def handed_out(self, application_id: str, *, teller: str, collector: dict[str, Any],
                   now: dt.datetime) -> None: ...
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...
    # a hand-out in progress, by application (its keys survive a restart)
    def save_handout(self, application_id: str, data: dict[str, Any], *,
                     durable: bool = True) -> None: ...
    def load_handout(self, application_id: str) -> dict[str, Any] | None: ...
    # a receipt in progress, kept as a draft with its batch
    def save_receipt_draft(self, batch_id: str, *, teller: str, data: dict[str, Any]) -> None: ...
    def load_receipt_draft(self, batch_id: str) -> dict[str, Any] | None: ...
    def receipt_drafts(self) -> list[ReceiptDraft]: ...
    def discard_receipt_draft(self, batch_id: str, *, actor: str, reason: str) -> None: ...
    # a failed production re-submitted or cancelled; sealing
    def begin_central_operation(self, application_id: str, *, operation: str, op_id: str,
                                payload: dict[str, Any], actor: str, action: str,
                                detail: dict[str, Any], hold_s: float, now: dt.datetime,
                                state: str = "") -> None: ...
    def seal(self, items: Sequence[tuple[str, str, dict[str, Any]]], *, sealing_list_id: str,
             teller: str, hold_s: float, now: dt.datetime) -> list[str]: ...
    def sealing_list(self, sealing_list_id: str) -> list[tuple[Tracked, str]]: ...


class OutboxSettle(Protocol):
    """Settles a held outbox message by its key (store.card_operations.CardOperationStore)."""

    def sent(self, op_id: str, response: dict[str, Any], now: dt.datetime) -> None: ...
    def refused(self, op_id: str, code: str, now: dt.datetime) -> None: ...
    def release(self, op_id: str, error_code: str, now: dt.datetime) -> None: ...
    def withdraw(self, op_id: str, reason: str, now: dt.datetime) -> None: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _plenty_of_disk() -> float:
    return 1e9


def _nothing() -> None:
    return None


@dataclass
class ProductionContext:
    branch: BranchInfo
    branch_code: str
    bank_code: str
    counter_id: str
    teller: str
    central: CentralApi
    repo: ProductionRepository
    outbox: OutboxSettle
    card_reader: SocialCardReader | None = None
    chip: SocialCardChip | None = None  # the card slot's chip (the holder's new PIN)
    pin_pad: PinPad | None = None  # None: the page asks in a masked dialog
    id_reader: IdCardReader | None = None
    limits: StalenessLimits = field(default_factory=StalenessLimits)
    sync_status: Callable[[], SyncStatus] | None = None
    free_disk_mb: Callable[[], float] = _plenty_of_disk
    clock: Callable[[], dt.datetime] = _now
    wake_sync: Callable[[], None] = _nothing
    keep_days: int = 90  # uncollected cards are kept this long, then returned and sealed
    hold_s: float = 30.0  # the counter sends a receipt itself first; then the sync worker

    def today(self) -> dt.date:
        return self.clock().astimezone(CHINA_TIME).date()
