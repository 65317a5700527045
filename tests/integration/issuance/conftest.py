"""Instant issuance against the real reference central (its own process: issuing changes
people's cards), a real SQLite store with its outbox, the card and PSAM emulators."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from central_sim.seed import generated_id
from counter_app.card.perso import FileJournalStore
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import SyncPolicy, SyncWorker
from counter_app.devices.card_printer import PdfCardPrinter
from counter_app.devices.pinpad import DemoPinPad
from counter_app.domain.errors import CounterError
from counter_app.printing import BranchInfo
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.issuance import IssuanceStore
from counter_app.store.outbox_repo import StoreOutboxRepository
from counter_app.workflows.issuance import IssuanceContext
from counter_app.workflows.issuance.context import CardSlot
from counter_app.workflows.login import LoginRefused
from counter_app.workflows.supervisor import SupervisorApproval
from tests.fixtures.central import _start, _unavailable
from tests.fixtures.instant_application import accept_instant_application

BRANCH = "ICBC-NB-0101"
# generated adults without a card; each test takes fresh ones (pytest-xdist is not used)
_people = itertools.count(2000)


@pytest.fixture(scope="module")
def issuance_central_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralSimHandle]:
    handle = _start(tmp_path_factory.mktemp("issuance-central"))
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def central(issuance_central_sim: CentralSimHandle) -> Iterator[CentralSimHandle]:
    if not issuance_central_sim.alive():
        _unavailable("the issuance tests' central died:\n" + issuance_central_sim.log_tail())
    issuance_central_sim.clear_faults()
    yield issuance_central_sim
    if issuance_central_sim.alive():
        issuance_central_sim.clear_faults()


class HeldBlanks:
    """The stock port for these tests: the blanks handed to the teller, and what happened."""

    def __init__(self) -> None:
        self.held: set[str] = set()
        self.issued: dict[str, str] = {}
        self.spoiled: dict[str, tuple[str, str]] = {}

    def check_custody(self, serial: str) -> None:
        if serial in self.issued:
            raise CounterError("该卡已发放，不在您的保管中。", code="STOCK_ISSUED")
        if serial not in self.held:
            raise CounterError("该空白卡不在您的保管中（未登记入库或未领用），不能制卡。",
                               code="STOCK_NOT_IN_CUSTODY")

    def mark_issued(self, serial: str, application_id: str) -> None:
        if self.issued.get(serial, application_id) != application_id:
            raise CounterError("该卡已为另一份申请发放。", code="STOCK_ISSUED")
        self.held.discard(serial)
        self.issued[serial] = application_id

    def spoil(self, serial: str, reason: str, supervisor: SupervisorApproval) -> str:
        if (supervisor.username, supervisor.password) != ("S0301", "Super@2026"):
            raise LoginRefused("用户名或密码不正确。", code="BAD_CREDENTIALS")
        self.held.discard(serial)
        self.spoiled[serial] = (reason, supervisor.username)
        return supervisor.username


@dataclass
class Counter:
    tmp: Path
    url: str
    slot: CardSlot
    store: Store = field(init=False)
    client: HttpCentralClient = field(init=False)
    sync: SyncWorker = field(init=False)
    custody: HeldBlanks = field(default_factory=HeldBlanks)
    pad: DemoPinPad = field(default_factory=lambda: DemoPinPad(timeout_s=5))

    def __post_init__(self) -> None:
        self.key = os.urandom(32)
        self.store = open_store(self.tmp / "counter.db", DataCipher(self.key))
        self.client = HttpCentralClient(self.url, timeouts=Timeouts(connect=1, read=5, health=1),
                                        client_id=f"{BRANCH}/03")
        self.sync = SyncWorker(StoreOutboxRepository(self.store), self.client, branch_code=BRANCH,
                               policy=SyncPolicy(base_backoff_s=0.01, max_backoff_s=0.05))
        self.printer = PdfCardPrinter(self.tmp / "faces")

    def ctx(self, **kw: object) -> IssuanceContext:
        values: dict[str, object] = dict(
            branch=BranchInfo(BRANCH, "工商银行宁波鼓楼支行", "中国工商银行", True),
            branch_code=BRANCH, counter_id="03", teller="T0301", central=self.client,
            store=IssuanceStore(self.store, BRANCH), slot=self.slot,
            journals=FileJournalStore(self.tmp / "perso-journal"), printer=self.printer,
            custody=self.custody, pin_pad=self.pad,
            sync_status=self.sync.status, power_on_pause_s=0.0, sleep=lambda _s: None)
        values.update(kw)
        return IssuanceContext(**values)  # type: ignore[arg-type]

    def reopen(self) -> None:
        """The application restarted: a new store connection on the same file and key."""
        self.store.close()
        self.store = open_store(self.tmp / "counter.db", DataCipher(self.key))
        self.sync = SyncWorker(StoreOutboxRepository(self.store), self.client, branch_code=BRANCH,
                               policy=SyncPolicy(base_backoff_s=0.01, max_backoff_s=0.05))

    def accepted_application(self) -> tuple[str, str]:
        """An application accepted at this instant branch for a fresh person: (number, id)."""
        id_number = generated_id(next(_people))
        return accept_instant_application(self.client, self.store, id_number, BRANCH)

    def close(self) -> None:
        self.client.close()
        self.store.close()
