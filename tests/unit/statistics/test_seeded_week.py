"""The statistics figures against a seeded week (Mon 2026-11-23 .. Sun 2026-11-29, Beijing),
recorded through the real SQLite store; every number below is worked out by hand from SEED."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.statistics import BusinessDone, CentralTotals, age_bands
from counter_app.printing import BranchInfo
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.statistics import SqlStatistics
from counter_app.workflows.statistics import StatisticsContext, StatisticsDesk

BRANCH = BranchInfo("ICBC-NB-0101", "工商银行宁波鼓楼支行", "中国工商银行", True)
MON = dt.date(2026, 11, 23)

# (business, day offset from Monday, Beijing hh:mm:ss, counter seconds, software seconds)
SEED = (
    ("application", 0, "09:10:00", 600, 12), ("application", 0, "10:00:00", 600, 12),
    ("application", 0, "11:00:00", 600, 12), ("loss", 0, "14:00:00", 300, 4),
    ("application", 1, "09:30:00", 540, 10), ("application", 1, "10:30:00", 540, 10),
    ("replacement", 1, "15:00:00", 420, 8),
    ("certificates", 3, "09:00:00", 120, 3), ("certificates", 3, "16:59:59", 120, 3),
    ("application", 4, "13:00:00", 660, 14),
    ("application", 5, "09:00:00", 480, 9), ("application", 5, "10:00:00", 480, 9),
    ("instant_issue", 5, "10:20:00", 900, 60), ("instant_issue", 5, "11:20:00", 900, 60),
    ("loss", 6, "10:00:00", 360, 5), ("certificates", 6, "23:59:59", 180, 6),
    # outside the week: the Sunday before at 23:59:59 and the Monday after at 00:00:00
    ("application", -1, "23:59:59", 600, 12), ("application", 7, "00:00:00", 600, 12),
)


def beijing(offset: int, hms: str) -> dt.datetime:
    day = MON + dt.timedelta(days=offset)
    return dt.datetime.combine(day, dt.time.fromisoformat(hms), CHINA_TIME).astimezone(dt.UTC)


class Repo(SqlStatistics):
    """The real store for businesses; the uncollected cards are given (their ages are the
    production store's own; tests/integration/production covers its custody)."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.received: list[dt.datetime] = []

    def uncollected_received_at(self) -> list[dt.datetime]:
        return list(self.received)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(os.urandom(32)))
    yield s
    s.close()


NOW = dt.datetime(2026, 11, 30, 10, 0, tzinfo=CHINA_TIME).astimezone(dt.UTC)


@pytest.fixture
def desk(store: Store) -> StatisticsDesk:
    repo = Repo(store)
    for business, offset, hms, counter_s, software_s in SEED:
        finished = beijing(offset, hms)
        repo.record_business(BusinessDone(business, "T0301", finished - dt.timedelta(seconds=counter_s),
                                          finished, float(software_s)))
    repo.received = [NOW - dt.timedelta(days=d, hours=1) for d in (3, 7, 8, 30, 31, 60, 61, 90, 91, 200)]
    return StatisticsDesk(StatisticsContext(BRANCH, "T0301", repo, clock=lambda: NOW))


def test_the_seeded_week(desk: StatisticsDesk) -> None:
    f = desk.figures(7, dt.date(2026, 11, 29))
    assert (f.date_from, f.date_to) == (MON, dt.date(2026, 11, 29))
    assert f.businesses == ("application", "instant_issue", "loss", "replacement", "certificates")
    assert [d.day.day for d in f.days] == [23, 24, 25, 26, 27, 28, 29]
    assert [d.counts for d in f.days] == [
        (3, 0, 1, 0, 0), (2, 0, 0, 1, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 2), (1, 0, 0, 0, 0),
        (2, 2, 0, 0, 0), (0, 0, 1, 0, 1)]
    assert [d.weekend for d in f.days] == [False] * 5 + [True] * 2
    assert (f.total, f.weekend_total) == (16, 6)
    assert f.weekend_share == pytest.approx(0.375)
    times = {t.business: (t.count, t.software_s, t.counter_s) for t in f.times}
    assert times == {
        "application": (8, pytest.approx(11.0), pytest.approx(562.5)),
        "instant_issue": (2, pytest.approx(60.0), pytest.approx(900.0)),
        "loss": (2, pytest.approx(4.5), pytest.approx(330.0)),
        "replacement": (1, pytest.approx(8.0), pytest.approx(420.0)),
        "certificates": (3, pytest.approx(4.0), pytest.approx(140.0)),
    }
    # 3, 7 | 8, 30 | 31, 60 | 61, 90 | 91, 200 whole days waited
    assert f.uncollected == (("0–7天", 2), ("8–30天", 2), ("31–60天", 2), ("61–90天", 2),
                             ("90天以上", 2))
    assert f.title("instant_issue") == "即时制卡"
    assert f.central is None and "仅显示本机数据" in f.central_note_zh


def test_a_shorter_period_and_the_day_edges(desk: StatisticsDesk) -> None:
    weekend = desk.figures(2, dt.date(2026, 11, 29))
    assert weekend.total == 6 and weekend.weekend_share == 1.0
    sunday_before = desk.figures(1, dt.date(2026, 11, 22))
    assert sunday_before.total == 1  # 23:59:59 Beijing belongs to the Sunday
    monday_after = desk.figures(1, dt.date(2026, 11, 30))  # today: 00:00:00 counts
    assert monday_after.total == 1 and monday_after.weekend_share == 0.0
    nothing = desk.figures(1, dt.date(2026, 11, 25))
    assert nothing.total == 0 and nothing.businesses == () and nothing.times == ()
    assert desk.figures().date_to == dt.date(2026, 11, 30)  # default: up to today (Beijing)


def test_central_totals_when_the_line_is_up_and_not_when_down(desk: StatisticsDesk) -> None:
    asked: list[tuple[str, dt.date, dt.date]] = []

    def totals(code: str, a: dt.date, b: dt.date) -> CentralTotals:
        asked.append((code, a, b))
        return CentralTotals(code, a, b, (("applications", 40), ("losses", 3)))

    up = [True]
    desk.ctx.central_totals = totals
    desk.ctx.line_up = lambda: up[0]
    f = desk.figures(7, dt.date(2026, 11, 29))
    assert f.central is not None and f.central.total == 43
    assert asked == [("ICBC-NB-0101", MON, dt.date(2026, 11, 29))]
    up[0] = False
    f = desk.figures(7, dt.date(2026, 11, 29))
    assert f.central is None and f.central_note_zh.startswith("专线中断")
    assert len(asked) == 1  # not asked while the line is down


def test_age_bands_at_their_limits() -> None:
    now = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)
    ago = [now - dt.timedelta(days=d) for d in (0, 7, 8, 30, 31, 60, 61, 90, 91)]
    assert age_bands(ago, now) == (("0–7天", 2), ("8–30天", 2), ("31–60天", 2), ("61–90天", 2),
                                   ("90天以上", 1))
    just_under = [now - dt.timedelta(days=8) + dt.timedelta(microseconds=1)]
    assert age_bands(just_under, now)[0] == ("0–7天", 1)


def test_the_pdf_names_the_figures(desk: StatisticsDesk, tmp_path: Path) -> None:
    pdf = desk.pdf(desk.figures(7, dt.date(2026, 11, 29)))
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the report back")
    path = tmp_path / "stats.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("网点业务统计", "2026-11-23 至 2026-11-29", "37.5%", "9分22秒", "11.0秒",
                     "即时制卡", "15分00秒", "90天以上"):
        assert expected in text, expected
