"""The counter's day summary for the central (workflows/day_end/branch.py), headless: per
teller over the teller's sessions, businesses as audit actions, fees only where money moved,
dead letters counted once at the counter (not in each teller's differences); the session
close sends it and a failure to queue it never undoes the close; the line down said plainly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from counter_app.central.errors import BadResponseError, LineDownError
from counter_app.workflows.day_end.branch import PublishingSessions, ask_central, summary_payload
from counter_app.workflows.day_end.report import (
    BusinessCount,
    CardCounts,
    DayEndReport,
    Difference,
    FeeLine,
)

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Session:
    id: int
    teller: str
    closed_at: dt.datetime | None = NOW
    business_day: str = "2026-11-30"


def report(businesses: tuple[BusinessCount, ...], fees: tuple[FeeLine, ...] = (),
           differences: tuple[Difference, ...] = (), cards: CardCounts | None = None) -> DayEndReport:
    return DayEndReport("teller", "2026-11-30", "ICBC-NB-0101", "鼓楼", "03", "2026-11-30 17:00:00",
                        businesses=businesses, fees=fees, differences=differences,
                        cards=cards or CardCounts())


def test_per_teller_over_the_sessions_of_the_day() -> None:
    first = report((BusinessCount("补卡 / 换卡", 2, 1),),
                   (FeeLine("cash", "现金", 2, 4000, 1, 2000), FeeLine("transfer", "转账")),
                   (Difference("cash", "短款", "已查明原因"), Difference("dead:7", "转人工")),
                   CardCounts(handed=3, issued=2, holding=1))
    second = report((BusinessCount("补卡 / 换卡", 1), BusinessCount("正式挂失", 1)),
                    (FeeLine("transfer", "转账", 1, 2000),),
                    (Difference("fee_missing:x", "应收未收"), Difference("dead:7", "转人工")),
                    CardCounts(handed=1, issued=1))
    other = report((BusinessCount("社保信息查询", 4),))
    payload = summary_payload(
        branch_code="ICBC-NB-0101", counter_id="03", day="2026-11-30", made_at=NOW,
        reports=[(Session(1, "T0301"), first), (Session(2, "T0301", closed_at=None), second),
                 (Session(3, "T0302"), other)], unsent=["pending", "dead"])
    assert (payload["branch_code"], payload["day"], payload["counter_id"]) == ("ICBC-NB-0101", "2026-11-30", "03")
    assert (payload["unsent"], payload["dead"]) == (2, 1)
    assert payload["made_at"] == "2026-11-30T09:00:00+00:00"
    t0301, t0302 = payload["tellers"]
    assert (t0301["teller"], t0301["sessions"], t0301["open_sessions"]) == ("T0301", 2, 1)
    assert t0301["businesses"] == [{"kind": "card.replacement", "done": 3, "not_done": 1},
                                   {"kind": "card.loss", "done": 1, "not_done": 0}]
    assert t0301["fees"] == [
        {"method": "cash", "collected": 2, "collected_fen": 4000, "refunded": 1, "refunded_fen": 2000},
        {"method": "transfer", "collected": 1, "collected_fen": 2000, "refunded": 0, "refunded_fen": 0}]
    assert (t0301["cards"]["handed"], t0301["cards"]["issued"], t0301["cards"]["holding"]) == (4, 3, 1)
    # the dead letter is the counter's (once, in "dead"), not each session's difference
    assert (t0301["differences"], t0301["unexplained"]) == (2, 1)
    assert t0302["businesses"] == [{"kind": "query.made", "done": 4, "not_done": 0}]
    assert t0302["fees"] == [] and (t0302["differences"], t0302["open_sessions"]) == (0, 0)


class Repo:
    def __init__(self) -> None:
        self.closed: list[int] = []

    def close(self, session_id: int, by: str, kind: str, reason: str, custody: int | None) -> Any:
        self.closed.append(session_id)
        return Session(session_id, by) if session_id != 404 else None


def test_every_close_sends_the_day_and_a_failure_does_not_undo_it() -> None:
    sent: list[str] = []
    sessions = PublishingSessions(Repo(), sent.append)  # type: ignore[arg-type]
    assert sessions.close(1, "T0301", "closed", "", None) is not None
    assert sessions.close(404, "T0301", "closed", "", None) is None  # nothing closed: nothing sent
    assert sent == ["2026-11-30"]

    def broken(_day: str) -> None:
        raise OSError("disk full")

    failing = PublishingSessions(Repo(), broken)  # type: ignore[arg-type]
    assert failing.close(2, "T0301", "force_closed", "离柜未结束", None) is not None


class Central:
    def __init__(self, error: Exception | None) -> None:
        self.error = error

    def branch_day_end(self, branch_code: str, day: dt.date) -> Any:
        assert (branch_code, day) == ("ICBC-NB-0101", dt.date(2026, 11, 30))
        if self.error is not None:
            raise self.error
        return "the sum"


def test_the_line_down_is_said_plainly() -> None:
    up = ask_central(lambda: Central(None), "ICBC-NB-0101", "2026-11-30", lambda: NOW)
    assert up.available and up.data == "the sum" and up.asked_at == "2026-11-30 17:00:00"
    down = ask_central(lambda: Central(LineDownError()), "ICBC-NB-0101", "2026-11-30", lambda: NOW)
    assert not down.available and "专线中断" in down.note_zh and "仅为本机" in down.note_zh
    odd = ask_central(lambda: Central(BadResponseError()), "ICBC-NB-0101", "2026-11-30", lambda: NOW)
    assert not odd.available and "中心系统未能提供" in odd.note_zh
    none = ask_central(None, "ICBC-NB-0101", "2026-11-30", lambda: NOW)
    assert not none.available and "本机未连接中心系统" in none.note_zh
    fake = ask_central(lambda: object(), "ICBC-NB-0101", "2026-11-30", lambda: NOW)  # no DayEndApi
    assert not fake.available


def test_a_dead_summary_is_listed_not_a_difference() -> None:
    """A business's dead letter must be decided before the close; a day summary the central
    refused is not the teller's difference (the next close sends the day again)."""
    from counter_app.workflows.day_end.report import UnsentItem, outbox_differences

    dead_business = UnsentItem(7, "cards.replacement", "dead", "2026-11-30 17:00:00", 5, "WRONG_BANK")
    dead_summary = UnsentItem(8, "day_end.summary", "dead", "2026-11-30 17:01:00", 1, "NOT_FOUND")
    waiting = UnsentItem(9, "cards.loss", "pending", "2026-11-30 17:02:00", 0, "")
    assert [d.key for d in outbox_differences([dead_business, dead_summary, waiting])] == ["dead:7"]
