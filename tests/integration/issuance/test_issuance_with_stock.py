"""Issuance with the real blank-card stock (SQLite): only a blank in this teller's custody
today is personalised; an issued card leaves the custody, a spoiled one is recorded with the
supervisor; the branch still reconciles."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.central.launcher import CentralSimHandle
from counter_app.domain.blank_stock import Place
from counter_app.domain.clock import CHINA_TIME
from counter_app.printing import BranchInfo
from counter_app.store.stock import SqlBlankStock
from counter_app.workflows.issuance import IssuanceStopped, IssuanceWorkflow, Outcome, Step
from counter_app.workflows.issuance.chip import chip_serial
from counter_app.workflows.issuance.custody import StockCustody
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot
from counter_app.workflows.login import LoginRefused
from counter_app.workflows.stock import BlankStock, StockContext
from counter_app.workflows.supervisor import SupervisorApproval
from tests.integration.issuance.conftest import Counter


def authorise(approval: SupervisorApproval, purpose: str) -> str:
    if (approval.username, approval.password) != ("S0301", "Super@2026"):
        raise LoginRefused("用户名或密码不正确。", code="BAD_CREDENTIALS")
    return approval.username


@pytest.fixture
def rig(tmp_path: Path, central: CentralSimHandle) -> Iterator[tuple[Counter, EmulatedSlot,
                                                                      BlankStock]]:
    slot = EmulatedSlot()
    counter = Counter(tmp_path, central.url, slot)
    stock = BlankStock(StockContext(
        branch=BranchInfo("ICBC-NB-0101", "工商银行宁波鼓楼支行", "中国工商银行", True),
        teller="T0301", store=SqlBlankStock(counter.store), authorise=authorise))
    yield counter, slot, stock
    counter.close()


def receive(stock: BlankStock, atr: bytes) -> str:
    serial = chip_serial(atr)
    now = dt.datetime.now(dt.UTC)
    day = now.astimezone(CHINA_TIME).date().isoformat()
    store = stock.ctx.store
    if store.box("BOX-1") is None:
        store.register_box("BOX-1", None, "T0301", now)
    store.receive("BOX-1", serial, atr.hex().upper(), "T0301", day, now)
    return serial


def test_only_a_card_in_custody_is_issued_and_the_stock_follows(rig) -> None:
    counter, slot, stock = rig
    custody = StockCustody(stock)
    number, app_id = counter.accepted_application()
    serial = receive(stock, slot.insert_blank())  # in the safe, not handed out
    wf = IssuanceWorkflow.open(counter.ctx(custody=custody), number)
    with pytest.raises(IssuanceStopped) as refused:
        wf.advance()
    assert wf.record.state_of(Step.POWER_ON).status.value == "failed"
    assert "库存" in refused.value.message_zh  # the refusal names where the card is
    assert not wf.record.mark_op
    stock.hand_out([serial], "T0301")
    counter.pad.key_in("207419", "207419")
    assert wf.advance()
    assert wf.record.outcome is Outcome.ISSUED
    place = stock.locate(serial)
    assert place is not None and place.place is Place.ISSUED and place.application_id == app_id
    assert stock.custody_count() == 0


def test_a_torn_card_spoiled_through_the_stock(rig) -> None:
    counter, slot, stock = rig
    custody = StockCustody(stock)
    number, _ = counter.accepted_application()
    serial = receive(stock, slot.insert_blank())
    stock.hand_out([serial], "T0301")
    wf = IssuanceWorkflow.open(counter.ctx(custody=custody), number)
    with pytest.raises(IssuanceStopped):
        wf.advance(on_step=lambda s: slot.tear_after(9) if s is Step.PERSONALISE else None)
    with pytest.raises(LoginRefused):
        wf.spoil("写卡中断芯片损坏", SupervisorApproval("S0301", "wrong", "123456"))
    place = stock.locate(serial)
    assert place is not None and place.place is Place.CUSTODY
    wf.spoil("写卡中断芯片损坏", SupervisorApproval("S0301", "Super@2026", "123456"))
    place = stock.locate(serial)
    assert place is not None and place.place is Place.SPOILED
    assert stock.ctx.store.spoil_details(serial) == ("写卡中断芯片损坏", "S0301")


class Killed(BaseException):
    """The application dies here: nothing after it runs."""


def test_a_day_mixing_all_outcomes_still_reconciles(rig, tmp_path: Path, central: CentralSimHandle,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    """Nine blanks handed out and one left in the safe: one issued plainly, one torn and
    resumed, one torn with its answer lost and resumed, one torn and spoiled (its application
    issued on the next blank), one through a printer failure (manual face), one through a line
    drop after personalisation (the result drained on the line's return, then 继续), one through
    the application killed mid-issuance and reopened, one left in custody; the blank in the
    safe is refused (not in custody). The stock then reconciles: received = in stock + in
    custody + issued + spoiled, the spoiled card listed with its reason and supervisor, and the
    PIN is nowhere on the counter."""
    from counter_app.devices.card_printer import PdfCardPrinter
    from counter_app.workflows.issuance import StepStatus
    from counter_app.workflows.stock import StockWorkflow
    from tests.integration.issuance.pin_leaks import assert_pin_nowhere

    caplog.set_level(logging.DEBUG)
    counter, slot, stock = rig
    now = {"custody": StockCustody(stock), "stock": stock}
    uniques = [bytes((0x6D, n, 0, 0, 0, 0, 0, 0)) for n in range(1, 11)]
    serials = [receive(stock, slot.insert_blank(u)) for u in uniques]
    stock.hand_out(serials[:9], "T0301")  # the 10th stays in the safe
    numbers: list[str] = []

    def issue(blank: bytes, **kw: object) -> IssuanceWorkflow:
        number, _ = counter.accepted_application()
        numbers.append(number)
        slot.insert_blank(blank)
        counter.pad.key_in("207419", "207419")
        return IssuanceWorkflow.open(counter.ctx(custody=now["custody"], **kw), number)

    assert issue(uniques[0]).advance()
    torn = issue(uniques[1])
    with pytest.raises(IssuanceStopped):
        torn.advance(on_step=lambda s: slot.tear_after(5) if s is Step.PERSONALISE else None)
    slot.reinsert()
    assert torn.advance()
    lost = issue(uniques[6])  # the card executed the APDU, its answer never came back
    with pytest.raises(IssuanceStopped):
        lost.advance(on_step=lambda s: slot.tear_after(8, lose_response=True)
                     if s is Step.PERSONALISE else None)
    assert lost.record.state_of(Step.PERSONALISE).code == "CARD_TORN"
    slot.reinsert()
    assert lost.advance()
    spoilt = issue(uniques[2])
    with pytest.raises(IssuanceStopped):
        spoilt.advance(on_step=lambda s: slot.tear_after(11) if s is Step.PERSONALISE else None)
    spoilt.spoil("写卡中断芯片损坏", SupervisorApproval("S0301", "Super@2026", "123456"))
    slot.insert_blank(uniques[3])
    assert spoilt.advance()  # the same application on the next blank
    blocked = tmp_path / "printer-offline"
    blocked.write_text("")
    manual = issue(uniques[4], printer=PdfCardPrinter(blocked))
    with pytest.raises(IssuanceStopped):
        manual.advance()
    manual.face_manually()
    assert manual.advance()

    # the line drops after the chip is written: the card is kept, the result waits in the
    # outbox; the line returns, the outbox drains, 继续 finishes the card
    dropped = issue(uniques[7])
    with pytest.raises(IssuanceStopped, match="线路恢复后自动上报"):
        dropped.advance(on_step=lambda s: central.line_down() if s is Step.REPORT else None)
    assert dropped.record.state_of(Step.REPORT).status is StepStatus.WAITING
    central.line_up()
    counter.sync.drain()
    assert dropped.advance()
    assert dropped.record.outcome is Outcome.ISSUED

    # the application is killed mid-issuance and started again on the same database
    killed = issue(uniques[8])

    def kill(step: Step) -> None:
        if step is Step.VERIFY:
            raise Killed()

    with pytest.raises(Killed):
        killed.advance(on_step=kill)
    counter.reopen()
    now["stock"] = BlankStock(StockContext(branch=stock.ctx.branch, teller="T0301",
                                           store=SqlBlankStock(counter.store), authorise=authorise))
    now["custody"] = StockCustody(now["stock"])
    again = IssuanceWorkflow.open(counter.ctx(custody=now["custody"]), numbers[-1])
    assert again.current == Step.VERIFY
    assert again.advance() and again.record.outcome is Outcome.ISSUED

    # a blank still in the safe: refused, the screen says where it is; nothing marked
    number, _ = counter.accepted_application()
    slot.insert_blank(uniques[9])
    refused = IssuanceWorkflow.open(counter.ctx(custody=now["custody"]), number)
    with pytest.raises(IssuanceStopped) as why:
        refused.advance()
    assert "库存" in why.value.message_zh and not refused.record.mark_op

    day = StockWorkflow(now["stock"].ctx).reconcile(counted_stock="1", counted_custody="1")
    assert day.balanced, day.differences
    assert (day.received, day.in_stock, day.in_custody, day.issued, day.spoiled) == (10, 1, 1, 7, 1)
    assert day.spoiled_lines == ((serials[2], "写卡中断芯片损坏", "S0301"),)
    line = next(t for t in day.tellers if t.teller == "T0301")
    assert (line.handed, line.issued, line.spoiled, line.holding) == (9, 7, 1, 1)
    places = {s: now["stock"].locate(s) for s in serials}
    assert [s for s, p in places.items() if p is not None and p.place is Place.ISSUED] == [
        serials[i] for i in (0, 1, 3, 4, 6, 7, 8)]
    # every card was reported once: one active card per issued application, all activated
    for n in numbers:
        wf = IssuanceWorkflow.open(counter.ctx(custody=now["custody"]), n)
        assert wf.record.outcome is Outcome.ISSUED, n
        active = [c.card_no for c in counter.client.person_cards(wf.applicant.id_number)
                  if c.card_state == "ACTIVE"]
        assert active == [wf.record.card_no], n
    assert_pin_nowhere("207419", counter, tmp_path, applications=numbers, records=caplog.records,
                       log_file=None)
