"""Fee rules (the schedule, the central's override, a first card free, how a fee is paid,
the amount in capitals) and the day-end arithmetic (businesses done and not done, fees by
method, the cash the drawer should hold, differences and their explanations), each at its
edges."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from counter_app.domain.fees import (
    MAX_FEE_FEN,
    FeeMethod,
    FeeSchedule,
    amount_fen,
    amount_problem_zh,
    application_quote,
    check_payment,
    fen_zh,
    replacement_quote,
)
from counter_app.printing.fee_receipt import capital_yuan
from counter_app.workflows.day_end import report as r
from counter_app.workflows.day_end.desk import day_bounds
from counter_app.workflows.stock.record import TellerLine

SCHEDULE = FeeSchedule(replacement_fen=1500, expired_exchange_fen=0, application_fen=1000)


# -- the schedule ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "fen"), [("0", 0), ("20", 2000), ("20.5", 2050), ("20.05", 2005),
                                           ("1000", MAX_FEE_FEN), ("0.01", 1)])
def test_amounts_in_yuan(text: str, fen: int) -> None:
    assert amount_fen(text) == fen and amount_problem_zh(text) is None


@pytest.mark.parametrize("text", ["1000.01", "20.005", "-1", "", "二十", "20元", "1e3", ".5"])
def test_amounts_refused(text: str) -> None:
    with pytest.raises(ValueError):
        amount_fen(text)
    assert "以元为单位" in (amount_problem_zh(text) or "")


def test_replacement_fee_from_the_central_or_the_profile() -> None:
    central = replacement_quote(SCHEDULE, "lost", 2000)
    assert (central.amount_fen, central.basis_zh) == (2000, "中心核定的本网点补换卡工本费标准")
    assert replacement_quote(SCHEDULE, "damaged", 0).amount_fen == 0  # the central says free
    line_down = replacement_quote(SCHEDULE, "lost", None)
    assert (line_down.amount_fen, line_down.basis_zh) == (1500, "本网点配置的补换卡工本费标准")
    own = FeeSchedule(replacement_fen=1500, use_central=False)
    assert replacement_quote(own, "damaged", 2000).amount_fen == 1500
    expired = replacement_quote(SCHEDULE, "expired", 2000)  # the profile's own rule wins
    assert expired.free and "免收" in expired.basis_zh
    assert replacement_quote(FeeSchedule(expired_exchange_fen=800), "expired", 2000).amount_fen == 800
    with pytest.raises(ValueError):
        replacement_quote(SCHEDULE, "lost", -1)


def test_first_card_free() -> None:
    assert application_quote(SCHEDULE, first_card=True).amount_fen == 0
    assert application_quote(SCHEDULE, first_card=False).amount_fen == 1000
    charged = FeeSchedule(application_fen=1000, first_card_free=False)
    assert application_quote(charged, first_card=True).amount_fen == 1000


def test_how_a_fee_is_paid() -> None:
    assert check_payment(SCHEDULE, "cash", "ignored") == ("", {})
    assert check_payment(SCHEDULE, "transfer", " ab-12 34 ") == ("AB-1234", {})
    assert check_payment(SCHEDULE, "transfer", "")[1] == {"reference": "转账收费请录入转账凭证号（交易流水号）。"}
    assert check_payment(SCHEDULE, "cheque", "")[1] == {"method": "请选择收费方式（现金或转账）。"}
    cash_only = FeeSchedule(methods=(FeeMethod.CASH,))
    assert check_payment(cash_only, "transfer", "TX123456")[1] == {"method": "本网点不受理转账收费。"}


@pytest.mark.parametrize(("reference", "ok"), [("A" * 5, False), ("A" * 6, True), ("A" * 32, True),
                                               ("A" * 33, False), ("TX_123456", False), ("转账123456", False)])
def test_transfer_reference_length_and_characters(reference: str, ok: bool) -> None:
    assert (check_payment(SCHEDULE, "transfer", reference)[1] == {}) is ok


def test_amounts_as_printed() -> None:
    assert fen_zh(0) == "免收" and fen_zh(2000) == "20.00 元" and fen_zh(5) == "0.05 元"
    with pytest.raises(ValueError):
        fen_zh(-1)
    assert [capital_yuan(f) for f in (0, 5, 50, 2000, 2050, 100100, 100005, 1001000, 10000000)] == [
        "零元整", "伍分", "伍角", "贰拾元整", "贰拾元伍角", "壹仟零壹元整", "壹仟元零伍分",
        "壹万零壹拾元整", "壹拾万元整"]


# -- the day-end arithmetic -------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    action: str
    detail: dict[str, Any] = field(default_factory=dict)
    at: str = "2026-11-30T02:00:00.000000Z"
    actor: str = "T0301"


@dataclass(frozen=True)
class Fee:
    kind: str
    business_ref: str
    amount_fen: int
    method: str = "cash"
    receipt_no: str = "R1"
    business: str = "replacement"
    teller: str = "T0301"
    reference: str = ""


def test_businesses_done_and_not_done_by_type() -> None:
    entries = [Entry("card.replacement", {"op_id": "a"}), Entry("card.replacement", {"op_id": "b"}),
               Entry("card.replacement", {"op_id": "c"}), Entry("application.accepted"),
               Entry("card.loss", {"op_id": "d"}), Entry("login.success"), Entry("fee.collected")]
    states = {"a": "accepted", "b": "refused", "c": "withdrawn", "d": "pending"}
    assert r.count_businesses(entries, states) == (
        r.BusinessCount("社保卡申领", 1), r.BusinessCount("正式挂失", 1),
        r.BusinessCount("补卡 / 换卡", 1, 2))
    assert r.count_businesses([], {}) == ()


def test_fees_by_method_and_the_cash_expected() -> None:
    fees = [Fee("collect", "a", 2000), Fee("collect", "b", 1500, "transfer"), Fee("refund", "a", 2000),
            Fee("collect", "c", 2000)]
    lines = {line.method: line for line in r.fee_lines(fees)}
    assert (lines["cash"].collected, lines["cash"].collected_fen, lines["cash"].refunded,
            lines["cash"].refunded_fen, lines["cash"].net_fen) == (2, 4000, 1, 2000, 2000)
    assert (lines["transfer"].collected_fen, lines["transfer"].net_fen) == (1500, 1500)
    assert r.cash_expected(100_000, r.fee_lines(fees)) == 102_000  # the transfer is not cash
    assert r.cash_expected(0, r.fee_lines([])) == 0
    with pytest.raises(ValueError):
        r.fee_lines([Fee("waive", "x", 1)])


def test_cash_differences_at_the_fen() -> None:
    moved = r.fee_lines([Fee("collect", "a", 2000)])
    assert r.cash_differences(2000, 2000, moved) == []
    short = r.cash_differences(2000, 1999, moved)
    assert [d.key for d in short] == ["cash"] and "短款 ¥0.01" in short[0].text_zh
    over = r.cash_differences(2000, 2001, moved)
    assert "长款 ¥0.01" in over[0].text_zh
    assert [d.key for d in r.cash_differences(2000, None, moved)] == ["cash_uncounted"]
    assert r.cash_differences(0, None, r.fee_lines([])) == []  # no cash moved: no count needed
    transfer_only = r.fee_lines([Fee("collect", "a", 2000, "transfer")])
    assert r.cash_differences(0, None, transfer_only) == []


def test_a_fee_due_and_not_recorded_is_a_difference() -> None:
    entries = [Entry("card.replacement", {"op_id": "a", "fee_fen": 2000}),
               Entry("card.replacement", {"op_id": "b", "fee_fen": 2000}),
               Entry("card.replacement", {"op_id": "c", "fee_fen": 2000}),
               Entry("card.replacement", {"op_id": "d", "fee_fen": 0})]
    fees = [Fee("collect", "a", 2000), Fee("collect", "e", 2000)]
    states = {"b": "accepted", "c": "refused", "e": "refused"}
    diffs = r.fee_differences(entries, fees, states)
    assert [d.key for d in diffs] == ["fee_missing:b", "fee_not_done:e"]
    assert "应收工本费 ¥20.00" in diffs[0].text_zh and "未被中心受理，且未退费" in diffs[1].text_zh
    refunded = [*fees, Fee("refund", "e", 2000)]
    assert [d.key for d in r.fee_differences(entries, refunded, states)] == ["fee_missing:b"]


def test_cards_issued_against_blank_cards_moved() -> None:
    line = TellerLine("T0301", handed=3, taken_back=1, issued=1, spoiled=0, holding=1)
    entries = [Entry("issuance.issued"), Entry("issuance.issued"),
               Entry("production.batch_received", {"received": 12}), Entry("production.handed_out")]
    counts = r.card_counts(line, entries)
    assert (counts.handed, counts.issued, counts.holding, counts.received_in_batches,
            counts.handed_out) == (3, 1, 1, 12, 1)
    diffs = r.card_differences("T0301", line, entries, ["柜员 T0301：相差 1 张。"])
    assert [d.key for d in diffs] == ["stock:0", "issued"] and "相差 1 张" in diffs[1].text_zh
    assert r.card_differences("T0301", line, entries[1:], []) == []
    assert r.card_counts(None, entries).handed == 0


def test_dead_letters_are_differences_and_pending_ones_are_not() -> None:
    now = "2026-11-30 10:00:00"
    unsent = [r.UnsentItem(1, "cards.loss", "pending", now, 0, ""),
              r.UnsentItem(2, "cards.replacement", "dead", now, 5, "HTTP_422")]
    assert [d.key for d in r.outbox_differences(unsent)] == ["dead:2"]


def test_an_explanation_counts_from_four_characters() -> None:
    diffs = [r.Difference("cash", "现金短款"), r.Difference("issued", "发卡不符")]
    explained = r.with_explanations(diffs, {"cash": "已补齐 ", "issued": "测试发卡"})
    assert [d.explained for d in explained] == [False, True]  # "已补齐" is 3 characters
    report = r.DayEndReport("teller", "2026-11-30", "B", "网点", "01", "", differences=explained)
    assert [d.key for d in report.unexplained] == ["cash"] and not report.balanced


def test_the_business_day_is_beijing_time() -> None:
    start, end = day_bounds("2026-11-30")
    assert start == dt.datetime(2026, 11, 29, 16, 0) and end == dt.datetime(2026, 11, 30, 16, 0)
    with pytest.raises(ValueError):
        day_bounds("2026-02-30")
