"""Registration and data-change tests' own reference central (they change people other
modules' tests read) and a counter with a real SQLite store, outbox and sync worker."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from central_sim.people import credit_code_with_check
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import SyncPolicy, SyncWorker
from counter_app.devices.idcard import DEMO_ID_CARDS, IdCardData, SimulatedIdCardReader
from counter_app.printing import BranchInfo
from counter_app.store.card_operations import CardOperationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository
from counter_app.workflows.person_ops import PersonOpsContext
from tests.fixtures.central import _start, _unavailable

LI_MING = "330203198506122017"  # ICBC card NB0000016 in use
ZHANG_WEI = "330205199003011232"  # no card, contributing
ZHENG_LI = "510104199609188907"  # no contributions: not registered


def renewed(id_number: str) -> IdCardData:
    """A demo ID card renewed (郑丽's demo card expired on 2026-09-01)."""
    import datetime as dt

    card = DEMO_ID_CARDS[id_number]
    return dataclasses.replace(card, valid_from=dt.date(2026, 8, 1), valid_until=dt.date(2046, 8, 1))

EMPLOYER = credit_code_with_check("91330206MA2H00101")  # registered, all three types
CANCELLED = credit_code_with_check("92330225MA2H00303")  # deregistered employer
BRANCH = "ICBC-NB-0101"


@pytest.fixture(scope="module")
def people_central_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralSimHandle]:
    handle = _start(tmp_path_factory.mktemp("people-central"))
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def central(people_central_sim: CentralSimHandle) -> Iterator[CentralSimHandle]:
    if not people_central_sim.alive():
        _unavailable("the registration tests' central died:\n" + people_central_sim.log_tail())
    people_central_sim.clear_faults()
    yield people_central_sim
    if people_central_sim.alive():
        people_central_sim.clear_faults()


class Counter:
    def __init__(self, tmp: Path, url: str, reader_id: str = LI_MING) -> None:
        self.store: Store = open_store(tmp / "counter.db", DataCipher(os.urandom(32)))
        self.client = HttpCentralClient(url, timeouts=Timeouts(connect=1, read=5, health=1),
                                        client_id=f"{BRANCH}/03")
        self.repo = StoreOutboxRepository(self.store)
        self.sync = SyncWorker(self.repo, self.client, branch_code=BRANCH,
                               policy=SyncPolicy(base_backoff_s=0.01, max_backoff_s=0.05))
        self.id_reader = SimulatedIdCardReader(DEMO_ID_CARDS[reader_id])
        self.ctx = PersonOpsContext(
            branch=BranchInfo(BRANCH, "工行宁波测试网点", "中国工商银行", True), branch_code=BRANCH,
            bank_code="ICBC", counter_id="03", teller="T0301", central=self.client,
            store=CardOperationStore(self.store), id_reader=self.id_reader,
            sync_status=self.sync.status, wake_sync=lambda: None)

    def close(self) -> None:
        self.client.close()
        self.store.close()


@pytest.fixture
def counter(tmp_path: Path, central: CentralSimHandle) -> Iterator[Counter]:
    c = Counter(tmp_path, central.url)
    yield c
    c.close()
