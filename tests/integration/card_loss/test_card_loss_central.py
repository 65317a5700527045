"""Loss and de-loss through the reference central over HTTP, with a real SQLite store and outbox.

The central is this module's own (loss changes the demo people's cards, which other
modules' tests must not see).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.card.emulator.factory import demo_card_data
from counter_app.central.api import ReplacementRequest
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import LineState, NewWorkRefused, SyncPolicy, SyncWorker
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.domain.card import CardData
from counter_app.printing import BranchInfo
from counter_app.store.card_operations import CardOperationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository
from counter_app.workflows.card_loss import CardLossContext, CardLossWorkflow, Operation, Step
from counter_app.workflows.card_loss.submission import _explained
from counter_app.workflows.kernel import StepInvalid
from tests.fixtures.central import _start, _unavailable

LI_MING = "330203198506122017"  # NB0000016, an ICBC card, active
LIU_YANG = "330212197911203453"  # a BOC card, both functions formally lost (central_sim seed)

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "card_loss"


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


def save(name: str, pdf: bytes) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)


def test_loss_then_deloss_at_own_bank_and_refused_at_another(counters: dict[str, Counter]) -> None:
    icbc, ccb = counters["ICBC"], counters["CCB"]
    # formal loss at the ICBC branch, both functions
    wf = icbc.identified(Operation.LOSS)
    card = wf.find_card()
    assert card is not None and card.card_no == "NB0000016" and card.bank_code == "ICBC"
    assert wf.record.identity.name == "李明"
    wf.next()
    outcome = wf.submit()
    assert outcome.status == "done" and (outcome.social_after, outcome.financial_after) == ("LOST", "LOST")
    assert icbc.client.card_status("NB0000016").social_state == "LOST"
    assert icbc.repo.status_of(outcome.op_id) == "done"
    receipt = wf.documents()
    save("formal-loss", receipt)
    assert b"%PDF" in receipt[:8]
    # a second loss is not offered: the table forbids LOST → LOST
    again = icbc.identified(Operation.LOSS)
    again.find_card()
    assert not any(o.allowed for o in again.offers())
    # de-loss at a CCB branch: refused at the card step, naming the bank to go to
    de = ccb.identified(Operation.DELOSS)
    de.find_card()
    ccb.card_reader.insert(demo_card_data())
    de.read_card()
    with pytest.raises(StepInvalid) as caught:
        de.next()
    assert "中国工商银行" in caught.value.errors["card"]
    # ... and the central refuses it too, the counter naming the bank in Chinese
    with pytest.raises(CentralRefusal) as refused:
        ccb.client.deloss("NB0000016", branch_code="CCB-NB-0230", functions=["social"],
                          idempotency_key="deloss-at-ccb-1")
    assert refused.value.code == "WRONG_BANK"
    assert "中国工商银行" in _explained(refused.value, "ICBC").message_zh
    # de-loss at the ICBC branch with the found card in the reader
    de = icbc.identified(Operation.DELOSS)
    de.find_card()
    icbc.card_reader.insert(demo_card_data())
    de.read_card()
    assert de.next() is Step.CHOOSE
    done = de.submit()
    assert done.status == "done" and (done.social_after, done.financial_after) == ("NORMAL", "NORMAL")
    save("deloss", de.documents())


def test_deloss_after_replacement_refused(counters: dict[str, Counter]) -> None:
    boc = counters["BOC"]
    cards = boc.client.person_cards(LIU_YANG)
    lost = next(c for c in cards if c.social_state == "LOST")
    boc.client.replacement(lost.card_no, _replacement(boc.ctx.branch_code),
                           idempotency_key="replacement-liu-yang-1")
    de = boc.identified(Operation.DELOSS, LIU_YANG)
    de.find_card()
    boc.card_reader.insert(_card_of(lost.card_no, LIU_YANG, "刘洋"))
    de.read_card()
    with pytest.raises(StepInvalid) as caught:
        de.next()
    assert "已申请补卡" in caught.value.errors["card"]
    assert not any(o.allowed for o in de.offers())
    with pytest.raises(CentralRefusal) as refused:  # the central says the same
        boc.client.deloss(lost.card_no, branch_code=boc.ctx.branch_code, functions=["social"],
                          idempotency_key="deloss-after-replacement-1")
    assert refused.value.code == "REPLACEMENT_APPLIED"


def test_formal_loss_line_down_then_delivered(counters: dict[str, Counter],
                                              central: CentralSimHandle) -> None:
    icbc = counters["ICBC"]
    icbc.sync.cycle()  # a recent successful sync: queued work is allowed
    central.line_down()
    try:
        assert icbc.sync.probe() in (LineState.OFFLINE, LineState.DEGRADED)
        wf = icbc.identified(Operation.LOSS)
        wf.find_card()
        assert wf.record.line_down
        icbc.card_reader.insert(demo_card_data())
        wf.read_card()  # the card is still here (the person reports it stolen later, say)
        assert wf.record.card is not None and not wf.record.card.states_known
        wf.next()
        wf.choose(["social"])
        outcome = wf.submit()
        assert outcome.status == "pending"
        assert icbc.repo.status_of(outcome.op_id) == "pending"
        save("formal-loss-pending", wf.documents())
        # de-loss is refused while the line is down
        de = icbc.identified(Operation.DELOSS)
        with pytest.raises(NewWorkRefused) as caught:
            de.find_card()
        assert "专线中断" in caught.value.message_zh
    finally:
        central.line_up()
    report = icbc.sync.drain()
    assert icbc.repo.status_of(outcome.op_id) == "done", report
    status = icbc.client.card_status("NB0000016")
    assert status.social_state == "LOST" and status.financial_state == "NORMAL"
    # the receipt a de-loss issues afterwards starts from the delivered state
    de = icbc.identified(Operation.DELOSS)
    de.find_card()
    icbc.card_reader.insert(demo_card_data())
    de.read_card()
    de.next()
    assert de.submit().social_after == "NORMAL"


def _replacement(branch: str) -> ReplacementRequest:


    return ReplacementRequest(branch_code=branch, reason="LOST", making_mode="FACTORY",
                              photo_sha256="a" * 64)


def _card_of(card_no: str, id_number: str, name: str) -> CardData:
    base = demo_card_data()
    from dataclasses import replace

    return replace(base, card_number=card_no, id_number=id_number, name=name,
                   sex="1" if int(id_number[16]) % 2 else "2",
                   birth_date=dt.date(int(id_number[6:10]), int(id_number[10:12]),
                                      int(id_number[12:14])),
                   birthplace=id_number[:6])
