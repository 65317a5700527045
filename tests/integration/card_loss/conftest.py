"""Loss and de-loss tests' own reference central (loss changes the demo people's cards,
which other modules' tests must not see), counters with a real SQLite store and outbox."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import SyncPolicy, SyncWorker
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.printing import BranchInfo
from counter_app.store.card_operations import CardOperationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository
from counter_app.workflows.card_loss import CardLossContext, CardLossWorkflow, Operation
from tests.fixtures.central import _start, _unavailable

LI_MING = "330203198506122017"  # NB0000016, an ICBC card, active


@pytest.fixture(scope="module")
def loss_central_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralSimHandle]:
    handle = _start(tmp_path_factory.mktemp("loss-central"))
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def central(loss_central_sim: CentralSimHandle) -> Iterator[CentralSimHandle]:
    if not loss_central_sim.alive():
        _unavailable("the loss tests' central died:\n" + loss_central_sim.log_tail())
    loss_central_sim.clear_faults()
    yield loss_central_sim
    if loss_central_sim.alive():
        loss_central_sim.clear_faults()


class Counter:
    def __init__(self, tmp: Path, url: str, branch: str, bank: str, bank_name: str) -> None:
        self.store: Store = open_store(tmp / f"{branch}.db", DataCipher(os.urandom(32)))
        self.client = HttpCentralClient(url, timeouts=Timeouts(connect=1, read=5, health=1),
                                        client_id=f"{branch}/03")
        self.repo = StoreOutboxRepository(self.store)
        self.sync = SyncWorker(self.repo, self.client, branch_code=branch,
                               policy=SyncPolicy(base_backoff_s=0.01, max_backoff_s=0.05))
        self.card_reader = SimulatedSocialCardReader()
        self.ctx = CardLossContext(
            branch=BranchInfo(branch, f"{bank_name}测试网点", bank_name, True),
            branch_code=branch, bank_code=bank, counter_id="03", teller="T0301",
            central=self.client, store=CardOperationStore(self.store),
            id_reader=SimulatedIdCardReader(DEMO_ID_CARDS[LI_MING]), card_reader=self.card_reader,
            sync_status=self.sync.status, wake_sync=lambda: None)

    def identified(self, op: Operation, id_number: str = LI_MING) -> CardLossWorkflow:
        wf = CardLossWorkflow(self.ctx)
        wf.set_operation(op)
        wf.set_id_number(id_number)
        wf.next()
        return wf

    def close(self) -> None:
        self.client.close()
        self.store.close()


@pytest.fixture
def counters(tmp_path: Path, central: CentralSimHandle) -> Iterator[dict[str, Counter]]:
    with HttpCentralClient(central.url, client_id="ICBC-NB-0101/03") as probe:
        boc = probe.branches("BOC")[0].code
    made = {
        "ICBC": Counter(tmp_path, central.url, "ICBC-NB-0101", "ICBC", "中国工商银行"),
        "CCB": Counter(tmp_path, central.url, "CCB-NB-0230", "CCB", "中国建设银行"),
        "BOC": Counter(tmp_path, central.url, boc, "BOC", "中国银行"),
    }
    yield made
    for c in made.values():
        c.close()
