"""The blank-card stock screens' typed record: the box being received, the last results,
the reconciliation. The stock itself lives in the store; this record is what the screens
show, replaced (never mutated) by the workflow."""

from __future__ import annotations

import enum
from dataclasses import dataclass

SCHEMA_VERSION = 1


class Step(enum.StrEnum):
    RECEIVE = "receive"  # 入库：逐张读卡登记，或按供应商清单逐张核对
    CUSTODY = "custody"  # 领用 / 交回
    SPOIL = "spoil"  # 登记废卡（主管授权）
    RECONCILE = "reconcile"  # 盘点对账，打印盘点表


class ReadOutcome(enum.StrEnum):
    RECEIVED = "received"
    DUPLICATE = "duplicate"  # already registered (named where it is)
    NOT_ON_LIST = "not_on_list"  # the box has a supplier list and this card is not on it
    REFUSED = "refused"  # not blank, no card, unreadable


@dataclass(frozen=True)
class ReadResult:
    chip_serial: str
    outcome: ReadOutcome
    message: str


@dataclass(frozen=True)
class BoxCheck:
    box_id: str
    expected: tuple[str, ...] | None = None  # the supplier's list (None: no list)
    received: tuple[str, ...] = ()
    problems: tuple[ReadResult, ...] = ()  # every card read but not received, in order
    missing: tuple[str, ...] = ()  # list entries never seen (named when the check closes)
    closed: bool = False

    @property
    def outstanding(self) -> tuple[str, ...]:
        """List entries not read yet."""
        if self.expected is None:
            return ()
        seen = set(self.received)
        return tuple(s for s in self.expected if s not in seen)


@dataclass(frozen=True)
class TellerLine:
    """One teller's custody on the reconciled day (from the move log) and now."""

    teller: str
    handed: int = 0  # handed out on the day
    taken_back: int = 0
    issued: int = 0
    spoiled: int = 0  # spoiled out of this teller's custody on the day
    holding: int = 0  # in this teller's custody now, handed out on the day
    earlier: tuple[str, ...] = ()  # in custody from an earlier day, never taken back
    counted: int | None = None  # the physical count typed at the counter

    @property
    def book_difference(self) -> int:
        """handed − (back + issued + spoiled + holding); 0 when the day's moves add up."""
        return self.handed - (self.taken_back + self.issued + self.spoiled + self.holding)


@dataclass(frozen=True)
class Reconciliation:
    day: str
    at: str
    branch_code: str
    received: int  # every card ever registered at the branch (the move log)
    in_stock: int
    in_custody: int
    issued: int
    spoiled: int
    tellers: tuple[TellerLine, ...] = ()
    counted_stock: int | None = None
    differences: tuple[str, ...] = ()  # each named; empty: everything agrees
    spoiled_lines: tuple[tuple[str, str, str], ...] = ()  # (serial, reason, supervisor) on the day
    scope_teller: str = ""  # "" the branch; else one teller's reconciliation

    @property
    def balanced(self) -> bool:
        return not self.differences


@dataclass(frozen=True)
class StockRecord:
    draft_id: str
    teller: str
    started_at: str
    box: BoxCheck | None = None
    custody_message: str = ""
    spoil_message: str = ""
    reconciliation: Reconciliation | None = None
    sheet_no: str = ""
