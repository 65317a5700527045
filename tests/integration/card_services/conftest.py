"""PIN and card services through the emulators (pcscd, vpcd, the card emulator with its PSAM)
and a reference central of their own, with a counter's real SQLite store and outbox."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.bootstrap import CardLayerChip
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.devices.pinpad import DemoPinPad
from counter_app.printing import BranchInfo
from counter_app.store.card_operations import CardOperationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.workflows.card_services import CardServicesContext, CardServicesWorkflow, Operation
from tests.fixtures.central import _start, _unavailable
from tests.fixtures.pcsc import EmulatorFixture

LI_MING = "330203198506122017"  # NB0000016, an ICBC card, active


@pytest.fixture(scope="module")
def services_central_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralSimHandle]:
    handle = _start(tmp_path_factory.mktemp("card-services-central"))
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def central(services_central_sim: CentralSimHandle) -> CentralSimHandle:
    if not services_central_sim.alive():
        _unavailable("the card services tests' central died:\n" + services_central_sim.log_tail())
    services_central_sim.clear_faults()
    return services_central_sim


class Counter:
    """An ICBC counter: the real store, the central client, the card slot on pcscd, a pad."""

    def __init__(self, state: Path, url: str, emulator: EmulatorFixture) -> None:
        state.mkdir(parents=True, exist_ok=True)
        self.state = state
        self.store: Store = open_store(state / "counter.db", DataCipher(os.urandom(32)))
        self.client = HttpCentralClient(url, timeouts=Timeouts(connect=1, read=5, health=1),
                                        client_id="ICBC-NB-0101/04")
        self.pad = DemoPinPad(timeout_s=2.0)
        self.id_reader = SimulatedIdCardReader(DEMO_ID_CARDS[LI_MING])
        self.chip = CardLayerChip(emulator.card_reader, emulator.psam_reader, "330200")
        self.ctx = CardServicesContext(
            branch=BranchInfo("ICBC-NB-0101", "中国工商银行测试网点", "中国工商银行", True),
            branch_code="ICBC-NB-0101", bank_code="ICBC", counter_id="04", teller="T0401",
            central=self.client, store=CardOperationStore(self.store), chip=self.chip,
            pin_pad=self.pad, id_reader=self.id_reader)

    def at_card(self, op: Operation, *, read_id: bool = True) -> CardServicesWorkflow:
        """A case with the ID card read (or the number typed) and the card read."""
        wf = CardServicesWorkflow(self.ctx)
        wf.set_operation(op)
        if read_id:
            wf.read_id_card()
        else:
            wf.set_id_number(LI_MING)
        wf.next()
        wf.read_card()
        wf.next()
        return wf

    def close(self) -> None:
        self.client.close()
        self.store.close()


@pytest.fixture
def counter(tmp_path: Path, central: CentralSimHandle, emulator: EmulatorFixture) -> Iterator[Counter]:
    made = Counter(tmp_path / "state", central.url, emulator)
    yield made
    made.close()
