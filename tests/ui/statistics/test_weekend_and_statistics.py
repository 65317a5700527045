"""Through the signed-in window: the opening-hours banner outside the hours and the question
before a new business (a business under way is never questioned); 网点统计 with its charts
against the seeded week; a finished business recorded with its times; the PDF export."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCharts import QChartView, QPieSeries, QStackedBarSeries
from PySide6.QtWidgets import QLabel

from counter_app.domain.statistics import BusinessDone
from counter_app.ui.statistics import StatisticsPage
from counter_app.ui.wizard_page import StepScreen, WizardPage
from counter_app.workflows.kernel import StepDef, Wizard
from tests.ui.test_shell import close, sign_in, start
from tests.unit.statistics.test_seeded_week import NOW, SEED, beijing

SATURDAY_EVENING = dt.datetime(2026, 11, 28, 17, 30)  # Beijing; Saturday closes at 16:00
SATURDAY_MORNING = dt.datetime(2026, 11, 28, 10, 0)


def test_the_banner_outside_hours_and_the_question(qtbot, make_services) -> None:
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    banner = main.findChild(QLabel, "OpeningHoursBanner")
    assert banner is main.hours_banner
    banner.clock = lambda: SATURDAY_MORNING
    banner.refresh()
    assert not banner.isVisibleTo(main)  # within the hours: nothing said
    banner.clock = lambda: SATURDAY_EVENING
    banner.refresh()
    assert banner.isVisibleTo(main)
    assert banner.text().startswith("非营业时间：今日营业已于 16:00 结束")
    assert "周六、周日 09:00–16:00" in banner.text() and "已开始的业务可以继续办完" in banner.text()

    asked: list[str] = []
    answer = [False]

    def ask(_parent: Any, text: str) -> bool:
        asked.append(text)
        return answer[0]

    banner.ask, banner.asks = ask, True  # the demo profile does not ask; a branch does
    main.route_to("queries")
    assert asked and "确定现在开始办理“社保信息查询”吗？" in asked[0]
    assert main.work_area.currentWidget() is main.home  # not now: back home, nothing refused
    answer[0] = True
    main.route_to("queries")
    page = main.pages["queries"]
    assert main.work_area.currentWidget() is page and len(asked) == 2

    class UnderWay:  # a record past its first step: finishing it is never questioned
        wizard = type("W", (), {"history": ("identify",)})()

    assert banner.allow_start(main, UnderWay(), "社保信息查询") and len(asked) == 2
    close(app)


class TwoSteps(Wizard[str]):
    def __init__(self) -> None:
        super().__init__([StepDef("a", "一"), StepDef("b", "二", forward=False)], "record")

    def save(self) -> None:
        pass


class TimedPage(WizardPage[TwoSteps]):
    title_zh = "测试"
    screens: ClassVar[dict[str, Any]] = {"a": StepScreen, "b": StepScreen}


def test_a_finished_business_is_reported_once_with_its_waits(qtbot) -> None:
    page = TimedPage()
    qtbot.addWidget(page)
    wizard = TwoSteps()
    page.show_wizard(wizard)
    page.show_step()
    done: list[Any] = []
    page.sig_completed.connect(done.append)
    page.run(lambda: None, busy="一")
    qtbot.waitUntil(lambda: not page.busy)
    assert done == [] and wizard.software_s > 0
    page.run(wizard.next, busy="二")
    qtbot.waitUntil(lambda: done == [wizard])
    page.run(lambda: None, busy="打印")  # after the end: not reported again
    qtbot.waitUntil(lambda: not page.busy)
    assert done == [wizard] and wizard.finished_at is not None
    page.close_page()


def stats_page(qtbot, app) -> StatisticsPage:  # type: ignore[no-untyped-def]
    app.main.route_to("statistics")
    page = app.main.day_pages["statistics"]
    assert isinstance(page, StatisticsPage)
    return page


def test_the_statistics_page_against_the_seeded_week(qtbot, make_services, tmp_path: Path) -> None:
    services = make_services()
    desk = services.statistics_desk("T0301")
    for business, offset, hms, counter_s, software_s in SEED:
        finished = beijing(offset, hms)
        desk.ctx.repo.record_business(BusinessDone(
            business, "T0301", finished - dt.timedelta(seconds=counter_s), finished, float(software_s)))
    app = start(qtbot, services)
    sign_in(qtbot, app)
    # a finished business of this session, recorded by the window (Monday 10:00 after the week)
    wizard = TwoSteps()
    wizard._clock = lambda: NOW  # finished "now"
    wizard.next()
    app.main.record_completed("queries", wizard)
    page = stats_page(qtbot, app)
    page.desk.ctx.clock = lambda: NOW - dt.timedelta(days=1)  # the Sunday: the seeded week
    shown: list[Any] = []
    page.sig_shown.connect(shown.append)
    page.refresh()
    sunday = dt.date(2026, 11, 29)
    qtbot.waitUntil(lambda: bool(shown) and shown[-1].date_to == sunday, timeout=10000)
    f = shown[-1]
    assert (page.tiles["total"].text(), page.tiles["weekend"].text(),
            page.tiles["share"].text()) == ("16", "6", "37.5%")
    volume = page.volume_chart.series()[0]
    assert isinstance(volume, QStackedBarSeries)
    assert [s.label() for s in volume.barSets()] == ["社保卡申领", "即时制卡", "挂失 / 解挂",
                                                    "补卡 / 换卡", "参保证明打印"]
    assert [volume.barSets()[0].at(i) for i in range(7)] == [3, 2, 0, 0, 1, 2, 0]
    pie = page.share_chart.series()[0]
    assert isinstance(pie, QPieSeries) and [s.value() for s in pie.slices()] == [10, 6]
    assert page.times.rowCount() == 5 and page.times.item(0, 3).text() == "9分22秒"
    assert "中心汇总" in page.central.text()  # the test central has no statistics operation
    assert len(page.findChildren(QChartView)) == 3
    page.grab().save(str(tmp_path / "statistics.png"))

    # the business recorded by the window is today's (Monday), not the week's
    page.desk.ctx.clock = lambda: NOW
    page.period.setCurrentIndex(0)
    shown.clear()
    page.refresh()
    monday = dt.date(2026, 11, 30)
    qtbot.waitUntil(lambda: bool(shown) and shown[-1].date_to == monday, timeout=10000)
    monday_counts = dict(zip(shown[-1].businesses, shown[-1].days[-1].counts, strict=True))
    assert monday_counts["queries"] == 1 and monday_counts["application"] == 1  # window, seed

    out = tmp_path / "stats.pdf"
    page.figures = f
    written: list[Any] = []
    page.export_pdf(out, written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=20000)
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the export back")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "网点业务统计" in text and "37.5%" in text
    close(app)
