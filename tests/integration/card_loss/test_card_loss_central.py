"""Loss and de-loss through the reference central over HTTP, with a real SQLite store and outbox.

The central is this module's own (loss changes the demo people's cards, which other
modules' tests must not see).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter_app.card.emulator.factory import demo_card_data
from counter_app.central.api import ReplacementRequest
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import LineState, NewWorkRefused
from counter_app.domain.card import CardData
from counter_app.workflows.card_loss import Operation, Step
from counter_app.workflows.card_loss.submission import _explained
from counter_app.workflows.kernel import StepInvalid
from tests.integration.card_loss.conftest import Counter

LIU_YANG = "330212197911203453"  # a BOC card, both functions formally lost (central_sim seed)

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "card_loss"


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
