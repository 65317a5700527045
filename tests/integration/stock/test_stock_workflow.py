"""The stock workflow headless (no Qt) over a real SQLite store: a box from the supplier's
list checked card by card, the limits of hand-out, spoil reasons and the custody day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from counter_app.devices.blank_card import SimulatedBlankCardReader, demo_atr
from counter_app.domain.blank_stock import MAX_SPOIL_REASON, NotInCustody, StockError
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.store.database import Store
from counter_app.store.models import AuditEntry
from counter_app.workflows.stock import BlankStock, ReadOutcome, StockContext, StockWorkflow
from counter_app.workflows.supervisor import SupervisorApproval
from tests.integration.stock.conftest import Clock, serial

Make = Callable[..., StockContext]


def listing(box: str, ns: range) -> bytes:
    return ("box_id,chip_serial\n" + "".join(f"{box},{serial(n)}\n" for n in ns)).encode()


def test_a_listed_box_checked_card_by_card(store: Store, make_ctx: Make,
                                            reader: SimulatedBlankCardReader) -> None:
    wf = StockWorkflow(make_ctx())
    box = wf.open_box("", listing("BOX-7", range(1, 6)))
    assert box.box_id == "BOX-7" and box.expected is not None and len(box.expected) == 5
    for n in (1, 2, 3, 3, 42):  # 3 twice, 42 not on the list, 4 and 5 never seen
        reader.insert(demo_atr(n))
        wf.read_card()
    reader.insert_personalised()
    with pytest.raises(CounterError) as not_blank:
        wf.read_card()
    assert not_blank.value.code == "BLANK_NOT_BLANK"
    with pytest.raises(CounterError) as empty:
        wf.read_card()
    assert empty.value.code == "BLANK_NO_CARD"
    box = wf.close_box()
    assert box.received == (serial(1), serial(2), serial(3))
    assert [p.outcome for p in box.problems] == [ReadOutcome.DUPLICATE, ReadOutcome.NOT_ON_LIST]
    assert "不在箱号 BOX-7 的供应商清单上" in box.problems[1].message
    assert box.missing == (serial(4), serial(5))
    with store.read() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert actions.count("stock.received") == 3 and actions.count("stock.receive_refused") == 2
    assert "stock.box_checked" in actions
    # the box opened again later (another list) is refused; the same list continues it
    again = StockWorkflow(make_ctx())
    with pytest.raises(StockError) as differs:
        again.open_box("BOX-7", listing("BOX-7", range(1, 4)))
    assert differs.value.code == "BLANK_BOX_LIST_DIFFERS"
    assert again.open_box("BOX-7", listing("BOX-7", range(1, 6))).received == box.received
    with pytest.raises(ValidationError) as other:
        again.open_box("BOX-8", listing("BOX-7", range(1, 6)))
    assert other.value.code == "BLANK_LIST_OTHER_BOX"


def test_reading_before_a_box_and_at_a_branch_without_stock(make_ctx: Make) -> None:
    with pytest.raises(ValidationError):
        StockWorkflow(make_ctx()).read_card()
    central = make_ctx(instant=False)
    with pytest.raises(StockError) as no_stock:
        StockWorkflow(central).open_box("BOX-1")
    assert no_stock.value.code == "BLANK_NOT_INSTANT_BRANCH"
    for call in (lambda s: s.hand_out_count(1, ""), lambda s: s.take_back(""),
                 lambda s: s.mark_issued(serial(1), "APP")):
        with pytest.raises(StockError):
            call(BlankStock(central))


def stocked(make: Make, n: int) -> StockWorkflow:
    wf = StockWorkflow(make())
    wf.open_box("BOX-1")
    for i in range(n):
        wf.register_chip(serial(i), "ATR")
    return wf


def test_hand_out_limits(make_ctx: Make) -> None:
    wf = stocked(make_ctx, 3)
    for text in ("0", "-1", "x", ""):
        with pytest.raises(ValidationError):
            wf.hand_out(text, "")
    with pytest.raises(ValidationError) as short:
        wf.hand_out("4", "")
    assert "库存只有 3 张" in short.value.message_zh
    assert len(wf.hand_out("3", "")) == 3
    assert BlankStock(make_ctx()).custody_count() == 3
    assert len(wf.take_back("")) == 3 and BlankStock(make_ctx()).custody_count() == 0


@pytest.mark.parametrize(("length", "ok"), [(3, False), (4, True), (MAX_SPOIL_REASON, True),
                                             (MAX_SPOIL_REASON + 1, False)])
def test_spoil_reason_limits(make_ctx: Make, length: int, ok: bool) -> None:
    wf = stocked(make_ctx, 1)
    reason = "损" * length
    if ok:
        assert wf.spoil(serial(0), reason, SupervisorApproval("S0301", "Super@2026", "123456")).place.value == "spoiled"
    else:
        with pytest.raises(ValidationError):
            wf.spoil(serial(0), reason, SupervisorApproval("S0301", "Super@2026", "123456"))


def test_custody_ends_with_the_beijing_day(make_ctx: Make, clock: Clock) -> None:
    stocked(make_ctx, 2)
    clock.now = dt.datetime(2026, 3, 2, 15, 59, 59, tzinfo=dt.UTC)  # 23:59:59 Beijing
    stock = BlankStock(make_ctx())
    stock.hand_out([serial(0), serial(1)], "")
    assert stock.check_custody(serial(0)).day == "2026-03-02"
    stock.mark_issued(serial(0), "APP-1")
    clock.now += dt.timedelta(seconds=1)  # 00:00:00 Beijing, the next day
    with pytest.raises(NotInCustody) as late:
        stock.check_custody(serial(1))
    assert "2026-03-02 领用的，未在当日交回" in late.value.message_zh
    assert stock.custody_count() == 0
    r = StockWorkflow(make_ctx()).reconcile()
    assert any("以前营业日领用、未交回" in d for d in r.differences)
    stock.take_back("")  # yesterday's card back into the stock, then handed out today
    stock.hand_out([serial(1)], "")
    assert stock.check_custody(serial(1)).day == "2026-03-03"


def test_the_count_sheet_is_a_pdf_naming_its_differences(make_ctx: Make) -> None:
    wf = stocked(make_ctx, 3)
    wf.hand_out("2", "")
    with pytest.raises(StockError):
        wf.count_sheet()  # not reconciled yet
    r = wf.reconcile(counted_stock="0", counted_custody="2")
    assert r.differences == ("网点库存：系统记录 1 张，实点 0 张，短少 1 张。",)
    assert wf.record.sheet_no.startswith("PD-ICBC-NB-0101-20260302-09")
    pdf = wf.count_sheet()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
