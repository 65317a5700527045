"""A real store (SQLite file), the real reference central over HTTP, a simulated ID reader."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import SyncPolicy, SyncWorker
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.printing import BranchInfo
from counter_app.store.applications import ApplicationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository
from counter_app.store.tellers import SqlTellerRepository
from counter_app.workflows.application import ApplicationContext, ApplicationWorkflow
from counter_app.workflows.login import LoginPolicy, TellerAuth
from counter_app.workflows.supervisor import SupervisorApproval
from tests.fixtures.central import _start, _unavailable

PORTRAIT = Path(__file__).resolve().parents[2] / "data" / "photos" / "portrait.jpg"
ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "application"

INSTANT = ("ICBC-NB-0101", "工商银行宁波鼓楼支行", "中国工商银行", "ICBC", True)
NON_INSTANT = ("CCB-NB-0230", "建设银行宁波江北支行", "中国建设银行", "CCB", False)


@pytest.fixture(scope="module")
def app_central_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralSimHandle]:
    """A reference central of these tests' own: applying changes the demo people's state
    (张伟 has an application afterwards), which other modules' tests must not see."""
    handle = _start(tmp_path_factory.mktemp("application-central"))
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def central(app_central_sim: CentralSimHandle) -> Iterator[CentralSimHandle]:
    """Overrides the shared ``central`` for this package: faults cleared before and after."""
    if not app_central_sim.alive():
        _unavailable("the application tests' central died:\n" + app_central_sim.log_tail())
    app_central_sim.clear_faults()
    yield app_central_sim
    if app_central_sim.alive():
        app_central_sim.clear_faults()


@pytest.fixture
def central_client(central: CentralSimHandle) -> Iterator[HttpCentralClient]:
    client = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                               client_id="ICBC-NB-0101/03")
    yield client
    client.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(os.urandom(32)))
    yield s
    s.close()


@pytest.fixture
def portrait() -> bytes:
    return PORTRAIT.read_bytes()


class Counter:
    """One counter PC: its store, its central client, its sync worker, its ID reader."""

    def __init__(self, store: Store, url: str, branch: tuple[str, str, str, str, bool]) -> None:
        code, name, bank_name, bank_code, instant = branch
        self.store = store
        self.client = HttpCentralClient(url, timeouts=Timeouts(connect=1, read=5, health=1),
                                        client_id=f"{code}/03")
        self.repo = StoreOutboxRepository(store)
        self.sync = SyncWorker(self.repo, self.client, branch_code=code,
                               policy=SyncPolicy(base_backoff_s=0.01, max_backoff_s=0.05))
        self.reader = SimulatedIdCardReader()
        self.ctx = ApplicationContext(
            branch=BranchInfo(code=code, name=name, bank_name=bank_name, instant_issue=instant),
            branch_code=code, bank_code=bank_code, counter_id="03", teller="T0301",
            central=self.client, store=ApplicationStore(store), id_reader=self.reader,
            sync_status=self.sync.status, authorise=self.authorise)
        self._auth: TellerAuth | None = None

    def authorise(self, approval: SupervisorApproval, purpose: str) -> str:
        """The real authorisation path over this store's demo accounts (seeded on first use:
        argon2 hashing only for the tests that let a photo check through)."""
        if self._auth is None:
            self._auth = TellerAuth(SqlTellerRepository(self.store), LoginPolicy(5, 30), "03")
            self._auth.seed_demo_accounts()
        return self._auth.authorise(approval, purpose=purpose)

    def workflow(self) -> ApplicationWorkflow:
        return ApplicationWorkflow(self.ctx)

    def place(self, id_number: str) -> None:
        self.reader.place(DEMO_ID_CARDS[id_number])


@pytest.fixture
def make_counter(store: Store, central) -> Iterator[Callable[..., Counter]]:  # type: ignore[no-untyped-def]
    made: list[Counter] = []

    def make(branch: tuple[str, str, str, str, bool] = INSTANT) -> Counter:
        c = Counter(store, central.url, branch)
        made.append(c)
        return c

    yield make
    for c in made:
        c.client.close()


def save_artifact(name: str, pdf: bytes) -> Path:
    """Keep the PDF and a PNG of its first page for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(path),
                        str(ARTIFACTS / name)], check=True, timeout=60)
    return path
