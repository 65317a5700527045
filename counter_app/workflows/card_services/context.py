"""What the card services talk to: ports (Protocols) filled by the composition root."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from counter_app.central.api import CentralApi
from counter_app.central.sync import StalenessLimits, SyncStatus
from counter_app.devices.idcard import IdCardReader
from counter_app.devices.pinpad import PinPad
from counter_app.devices.sschip import SocialCardChip
from counter_app.domain.clock import CHINA_TIME
from counter_app.printing import BranchInfo
from counter_app.workflows.card_loss.context import CardLossRepository


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _nothing() -> None:
    return None


@dataclass
class CardServicesContext:
    branch: BranchInfo
    branch_code: str
    bank_code: str
    counter_id: str
    teller: str
    central: CentralApi
    store: CardLossRepository  # the same durable key + audit as loss (store.card_operations)
    chip: SocialCardChip | None = None
    pin_pad: PinPad | None = None
    id_reader: IdCardReader | None = None
    limits: StalenessLimits = field(default_factory=StalenessLimits)
    sync_status: Callable[[], SyncStatus] | None = None
    clock: Callable[[], dt.datetime] = _now
    wake_sync: Callable[[], None] = _nothing

    def today(self) -> dt.date:
        return self.clock().astimezone(CHINA_TIME).date()
