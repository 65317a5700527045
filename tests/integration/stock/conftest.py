"""A real SQLite store and a stock context over it, with a clock the tests move."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from counter_app.devices.blank_card import SimulatedBlankCardReader, demo_atr
from counter_app.printing import BranchInfo
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.stock import SqlBlankStock
from counter_app.workflows.stock import StockContext
from counter_app.workflows.supervisor import SupervisorApproval

# 09:00 Beijing on a Monday
T0 = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
BRANCH = BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True)
PASSWORDS = {"S0301": ("Super@2026", "supervisor"), "T0302": ("Teller@2026", "teller")}


@dataclass
class Clock:
    now: dt.datetime = T0

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class Authoriser:
    """Stands in for TellerAuth.authorise: the same contract (approval, purpose); the one-time
    code's rules are TellerAuth's own (tests/unit/workflows/test_supervisor_otp.py)."""

    calls: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, approval: SupervisorApproval, purpose: str) -> str:
        from counter_app.workflows.login import LoginRefused

        username, password = approval.username, approval.password
        self.calls.append((username, purpose))
        known = PASSWORDS.get(username)
        if known is None or known[0] != password:
            raise LoginRefused("用户名或密码不正确。", code="BAD_CREDENTIALS")
        if known[1] != "supervisor":
            raise LoginRefused("“柜员”无权授权此操作，请由主管授权。", code="NOT_AUTHORISED")
        return username


def serial(n: int) -> str:
    return demo_atr(n)[-8:].hex().upper()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(os.urandom(32)))
    yield s
    s.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def reader() -> SimulatedBlankCardReader:
    return SimulatedBlankCardReader()


@pytest.fixture
def authoriser() -> Authoriser:
    return Authoriser()


@pytest.fixture
def make_ctx(store: Store, clock: Clock, reader: SimulatedBlankCardReader,
             authoriser: Authoriser) -> Callable[..., StockContext]:
    def make(teller: str = "T0301", *, instant: bool = True) -> StockContext:
        branch = BRANCH if instant else BranchInfo("CCB-NB-0201", "中国建设银行宁波江北支行",
                                                   "中国建设银行", False)
        return StockContext(branch=branch, teller=teller, store=SqlBlankStock(store),
                            reader=reader, authorise=authoriser, clock=clock)
    return make
