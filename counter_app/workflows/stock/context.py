"""What the blank-card stock talks to: ports (Protocols) filled by the composition root."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from counter_app.central.sync import SyncStatus
from counter_app.devices.blank_card import BlankCardReader
from counter_app.domain.blank_stock import CardPlace, Place
from counter_app.domain.clock import CHINA_TIME
from counter_app.printing import BranchInfo
from counter_app.workflows.supervisor import Authorise


class BoxFacts(Protocol):
    @property
    def box_id(self) -> str: ...
    @property
    def expected(self) -> tuple[str, ...] | None: ...
    @property
    def received(self) -> tuple[str, ...]: ...
    @property
    def checked(self) -> bool: ...


class MoveFacts(Protocol):
    @property
    def chip_serial(self) -> str: ...
    @property
    def day(self) -> str: ...
    @property
    def from_place(self) -> Place | None: ...
    @property
    def to_place(self) -> Place: ...
    @property
    def teller(self) -> str: ...


class StockRepository(Protocol):
    """The store's side (``store.stock.SqlBlankStock``): every change checks the move table
    and writes its audit entry in the same transaction."""

    def register_box(self, box_id: str, expected: tuple[str, ...] | None, teller: str,
                     now: dt.datetime) -> BoxFacts: ...
    def box(self, box_id: str) -> BoxFacts | None: ...
    def close_box_check(self, box_id: str, teller: str, now: dt.datetime, *,
                        missing: tuple[str, ...], refused: tuple[str, ...]) -> None: ...
    def receive(self, box_id: str, serial: str, atr: str, teller: str, day: str,
                now: dt.datetime) -> CardPlace: ...
    def locate(self, serial: str) -> CardPlace | None: ...
    def move(self, serial: str, to: Place, *, action_zh: str, actor: str, day: str,
             now: dt.datetime, custodian: str = "", custody_today: bool = False,
             application_id: str = "", reason: str = "", supervisor: str = "",
             audit: dict[str, Any] | None = None) -> CardPlace: ...
    def cards(self, place: Place | None = None, custodian: str | None = None) -> list[CardPlace]: ...
    def custody_count(self, teller: str, day: str) -> int: ...
    def moves(self, day: str | None = None) -> list[Any]: ...  # MoveFacts
    def spoil_details(self, serial: str) -> tuple[str, str] | None: ...
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class StockContext:
    branch: BranchInfo
    teller: str
    store: StockRepository
    reader: BlankCardReader | None = None
    # a supervisor's password and one-time code for one act (workflows.login.TellerAuth.authorise)
    authorise: Authorise | None = None
    clock: Callable[[], dt.datetime] = _now
    # the line, the audit alarm and whether the teller's work session is open
    # (bootstrap.Services.status_for); None: not checked (store-level tests)
    sync_status: Callable[[], SyncStatus] | None = None

    @property
    def instant(self) -> bool:
        return self.branch.instant_issue

    def today(self) -> str:
        return self.clock().astimezone(CHINA_TIME).date().isoformat()
