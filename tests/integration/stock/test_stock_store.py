"""The stock in a real SQLite store: the invariant through every operation, one place per
card, spoiling only with a supervisor, a card not in custody refused with where it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, text

from counter_app.domain.blank_stock import NotInCustody, Place, StockError
from counter_app.domain.errors import ValidationError
from counter_app.store.database import Store
from counter_app.store.models import AuditEntry, BlankCard
from counter_app.store.stock import SqlBlankStock
from counter_app.workflows.stock import BlankStock, SpoilApproval, StockContext, StockWorkflow
from counter_app.workflows.supervisor import SupervisorApproval
from tests.integration.stock.conftest import Clock, serial

Make = Callable[..., StockContext]


def invariant(store: Store) -> tuple[int, int]:
    """(received by the move log, cards in any place): equal after every operation."""
    with store.read() as s:
        received = s.scalar(text("SELECT count(*) FROM blank_card_moves WHERE from_place IS NULL"))
        places = s.execute(text("SELECT place, count(*) FROM blank_cards GROUP BY place")).all()
    return int(received or 0), sum(n for _p, n in places)


def receive(make: Make, n: int, box: str = "BOX-001") -> StockWorkflow:
    wf = StockWorkflow(make())
    wf.open_box(box)
    for i in range(n):
        wf.register_chip(serial(i), f"ATR{i}")
    return wf


def audits(store: Store, prefix: str) -> list[str]:
    with store.read() as s:
        return [a for a in s.scalars(select(AuditEntry.action)) if a.startswith(prefix)]


def test_the_invariant_holds_through_every_operation(store: Store, make_ctx: Make) -> None:
    wf = receive(make_ctx, 6)
    assert invariant(store) == (6, 6)
    stock = BlankStock(make_ctx())
    stock.hand_out([serial(0), serial(1), serial(2)], "T0301")
    assert invariant(store) == (6, 6)
    stock.mark_issued(serial(0), "APP-1")
    assert invariant(store) == (6, 6)
    stock.mark_spoiled(serial(1), "写卡失败，芯片无响应", stock.approve_spoil(SupervisorApproval("S0301", "Super@2026", "123456"), serial(1)))
    # straight from the stock (each card its own authorisation)
    stock.mark_spoiled(serial(5), "卡面划伤无法使用", stock.approve_spoil(SupervisorApproval("S0301", "Super@2026", "123456"), serial(5)))
    stock.take_back("T0301")
    assert invariant(store) == (6, 6)
    r = wf.reconcile()
    assert (r.received, r.in_stock, r.in_custody, r.issued, r.spoiled) == (6, 3, 0, 1, 2)
    assert r.balanced, r.differences
    line = r.tellers[0]
    assert (line.teller, line.handed, line.taken_back, line.issued, line.spoiled, line.holding) == \
        ("T0301", 3, 1, 1, 1, 0)
    assert audits(store, "stock.") .count("stock.received") == 6
    for action in ("stock.custody", "stock.issued", "stock.spoiled", "stock.stock", "stock.reconciled"):
        assert action in audits(store, "stock."), action


def test_a_card_cannot_be_in_two_places(store: Store, make_ctx: Make) -> None:
    receive(make_ctx, 2)
    wang, zhao = BlankStock(make_ctx("T0301")), BlankStock(make_ctx("T0302"))
    wang.hand_out([serial(0)], "T0301")
    with pytest.raises(StockError) as refused:  # handing it out again: not in stock
        zhao.hand_out([serial(0)], "T0302")
    assert "由柜员 T0301 保管" in refused.value.message_zh
    with pytest.raises(StockError) as other:  # taking it back as T0302's
        zhao.take_back("T0302", [serial(0)])
    assert other.value.code == "BLANK_OTHER_CUSTODY" and "T0301" in other.value.message_zh
    wf = StockWorkflow(make_ctx())  # registering it again in another box: named, not received
    wf.open_box("BOX-002")
    again = wf.register_chip(serial(0), "ATR0")
    assert again.outcome.value == "duplicate"
    assert "由柜员 T0301 保管" in again.message and "BOX-001" in again.message
    with pytest.raises(StockError) as direct:
        SqlBlankStock(store).receive("BOX-002", serial(0), "ATR0", "T0301", "2026-03-02",
                                     dt.datetime.now(dt.UTC))
    assert direct.value.code == "BLANK_DUPLICATE"
    with store.read() as s:
        rows = [(r.place, r.custodian) for r in
                s.scalars(select(BlankCard).where(BlankCard.chip_serial == serial(0)))]
    assert rows == [("custody", "T0301")]


def test_the_database_refuses_a_custody_without_a_custodian(store: Store, make_ctx: Make) -> None:
    receive(make_ctx, 1)
    with pytest.raises(Exception, match="IntegrityError"), store.write() as s:
        s.execute(text("UPDATE blank_cards SET place = 'custody'"))


def test_spoiling_without_a_supervisor_is_refused(store: Store, make_ctx: Make,
                                                  authoriser: object) -> None:
    receive(make_ctx, 1)
    stock = BlankStock(make_ctx())
    with pytest.raises(StockError) as none:
        stock.mark_spoiled(serial(0), "写卡失败，芯片无响应", None)
    assert none.value.code == "BLANK_SPOIL_NEEDS_SUPERVISOR"
    with pytest.raises(StockError) as empty:
        stock.mark_spoiled(serial(0), "写卡失败，芯片无响应", SpoilApproval("", "now"))
    assert empty.value.code == "BLANK_SPOIL_NEEDS_SUPERVISOR"
    with pytest.raises(StockError):  # the store refuses it too, whoever calls it
        SqlBlankStock(store).move(serial(0), Place.SPOILED, action_zh="登记废卡", actor="T0301",
                                  day="2026-03-02", now=dt.datetime.now(dt.UTC), reason="写卡失败了")
    with pytest.raises(Exception) as teller:  # a teller cannot authorise
        stock.approve_spoil(SupervisorApproval("T0302", "Teller@2026", "123456"), serial(0))
    assert getattr(teller.value, "code", "") == "NOT_AUTHORISED"
    with pytest.raises(Exception) as wrong:
        stock.approve_spoil(SupervisorApproval("S0301", "wrong", "123456"), serial(0))
    assert getattr(wrong.value, "code", "") == "BAD_CREDENTIALS"
    assert BlankStock(make_ctx()).locate(serial(0)).place is Place.STOCK  # type: ignore[union-attr]


def test_a_spoil_authorisation_names_its_card_and_spoils_no_other(
        make_ctx: Make, authoriser: Any) -> None:
    receive(make_ctx, 2)
    stock = BlankStock(make_ctx())
    approval = stock.approve_spoil(SupervisorApproval("S0301", "Super@2026", "123456"),
                                   serial(0).lower())
    # the authorisation's purpose (audited by TellerAuth.authorise) names the card, normalised
    assert authoriser.calls[-1] == ("S0301", f"blank.spoil:{serial(0)}")
    with pytest.raises(StockError) as other:
        stock.mark_spoiled(serial(1), "写卡失败，芯片无响应", approval)
    assert other.value.code == "BLANK_SPOIL_OTHER_CARD"
    assert stock.locate(serial(1)).place is Place.STOCK  # type: ignore[union-attr]
    assert stock.mark_spoiled(serial(0), "写卡失败，芯片无响应", approval).place is Place.SPOILED


@pytest.mark.parametrize("where", ["stock", "other", "issued", "spoiled", "unknown", "yesterday"])
def test_a_card_not_in_custody_is_refused_with_where_it_is(store: Store, make_ctx: Make,
                                                           clock: Clock, where: str) -> None:
    receive(make_ctx, 1)
    mine, other = BlankStock(make_ctx("T0301")), BlankStock(make_ctx("T0302"))
    card = serial(0)
    expected = {"stock": "在网点库存中", "other": "由柜员 T0302 保管",
                "issued": "已用于申请 APP-9 发卡", "spoiled": "已登记为废卡",
                "unknown": "不在本网点空白卡登记中", "yesterday": "未在当日交回"}[where]
    if where == "other":
        other.hand_out([card], "T0302")
    elif where in ("issued", "yesterday"):
        mine.hand_out([card], "T0301")
        if where == "issued":
            mine.mark_issued(card, "APP-9")
        else:
            clock.now += dt.timedelta(days=1)
    elif where == "spoiled":
        mine.mark_spoiled(card, "卡面划伤无法使用", mine.approve_spoil(SupervisorApproval("S0301", "Super@2026", "123456"), card))
    elif where == "unknown":
        card = serial(99)
    with pytest.raises(NotInCustody) as refused:
        mine.check_custody(card)
    assert expected in refused.value.message_zh and "不能制卡" in refused.value.message_zh
    with pytest.raises(NotInCustody):  # and inside mark_issued's own transaction
        mine.mark_issued(card, "APP-10")


def test_issued_needs_an_application_and_a_valid_serial(make_ctx: Make) -> None:
    receive(make_ctx, 1)
    stock = BlankStock(make_ctx())
    stock.hand_out([serial(0)], "")
    with pytest.raises(ValidationError):
        stock.mark_issued(serial(0), "  ")
    with pytest.raises(ValidationError):
        stock.check_custody("12345")
    assert stock.check_custody(serial(0).lower()).custodian == "T0301"
    assert stock.mark_issued(serial(0), "APP-1").place is Place.ISSUED
    with pytest.raises(StockError):  # issued is final
        stock.mark_spoiled(serial(0), "写卡失败，芯片无响应", stock.approve_spoil(SupervisorApproval("S0301", "Super@2026", "123456"), serial(0)))


def test_the_spoil_reason_is_encrypted_and_bound_to_its_card(store: Store, make_ctx: Make) -> None:
    receive(make_ctx, 2)
    stock = BlankStock(make_ctx())
    stock.mark_spoiled(serial(0), "张三的卡写坏了", stock.approve_spoil(SupervisorApproval("S0301", "Super@2026", "123456"), serial(0)))
    with store.read() as s:
        raw = s.execute(text("SELECT spoil_reason FROM blank_cards WHERE chip_serial = :c"),
                        {"c": serial(0)}).scalar()
    assert isinstance(raw, bytes) and "张三".encode() not in raw
    assert SqlBlankStock(store).spoil_details(serial(0)) == ("张三的卡写坏了", "S0301")
    with store.write() as s:  # the ciphertext moved to another card does not open there
        s.execute(text("UPDATE blank_cards SET spoil_reason = :r WHERE chip_serial = :c"),
                  {"r": raw, "c": serial(1)})
    with pytest.raises(Exception):  # noqa: B017 - the cipher's own error type
        SqlBlankStock(store).cards()
