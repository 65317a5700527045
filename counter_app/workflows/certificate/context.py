"""What the certificate business talks to: ports filled by the composition root (or a test)."""

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


class AuditPort(Protocol):
    """The counter's audit log (events and codes; the store encrypts the details)."""

    def __call__(self, actor: str, action: str, /, **detail: Any) -> None: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _plenty_of_disk() -> float:
    return 1e9


@dataclass
class CertificateContext:
    branch: BranchInfo
    branch_code: str
    counter_id: str
    teller: str
    central: CentralApi
    audit: AuditPort
    id_reader: IdCardReader | None = None
    card_reader: SocialCardReader | None = None  # the person's own card (F3), optional
    limits: StalenessLimits = field(default_factory=StalenessLimits)
    sync_status: Callable[[], SyncStatus] | None = None
    free_disk_mb: Callable[[], float] = _plenty_of_disk
    clock: Callable[[], dt.datetime] = _now

    def today(self) -> dt.date:
        return self.clock().astimezone(CHINA_TIME).date()
