"""网点统计: business volume per day by type (stacked bars), the weekend share (a pie), average
software and counter time per business, uncollected cards by age, the central's totals; the
same figures exported as a PDF. Every figure comes from ``StatisticsDesk`` on the window's
worker; this page only draws (docs/statistics.md)."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.statistics import BranchFigures
from counter_app.printing.statistics import CENTRAL_KINDS_ZH, SERIES_COLOURS, day_label
from counter_app.ui.i18n import tr
from counter_app.ui.login_window import error_text
from counter_app.ui.ops import Ops
from counter_app.ui.qt import named
from counter_app.workflows.statistics import StatisticsDesk

log = logging.getLogger(__name__)

PERIODS = ((tr("最近7天"), 7), (tr("最近14天"), 14), (tr("最近30天"), 30), (tr("最近90天"), 90))


def _chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return chart, view


def _count_axis(top: int) -> QValueAxis:
    """0 .. a little above ``top`` with ticks on whole counts (a count is never 2.5)."""
    step = max(1, math.ceil(top / 5))
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(5, step * (top // step + 1)))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    return axis


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


class StatisticsPage(QWidget):
    sig_shown = Signal(object)  # the BranchFigures on screen (tests, the tour)

    def __init__(self, desk: StatisticsDesk, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatisticsPage")
        self.desk, self.ops = desk, ops
        self.figures: BranchFigures | None = None
        self.asked = 0  # refresh requests made; a late answer to an earlier one is dropped
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(28, 20, 28, 20)

        head = QHBoxLayout()
        title = QLabel(tr("网点统计"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        self.period = named(QComboBox(), "StatsPeriod")
        for text, days in PERIODS:
            self.period.addItem(text, days)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        head.addWidget(self.period)
        self.refresh_button = named(QPushButton(tr("刷新")), "StatsRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        head.addWidget(self.refresh_button)
        self.export_button = named(QPushButton(tr("导出PDF…")), "StatsExport")
        self.export_button.clicked.connect(self.choose_export)
        head.addWidget(self.export_button)
        lay.addLayout(head)
        self.note = named(QLabel("", wordWrap=True), "Hint")
        lay.addWidget(self.note)

        tiles = QGridLayout()
        self.tiles: dict[str, QLabel] = {}
        for i, (key, text) in enumerate((("total", tr("业务总量（笔）")), ("weekend", tr("其中周末（笔）")),
                                         ("share", tr("周末占比")), ("uncollected", tr("在柜未领卡（张）")))):
            box = named(QWidget(), "Card")
            box_lay = QVBoxLayout(box)
            box_lay.addWidget(named(QLabel(text), "Hint"))
            value = named(QLabel("—"), f"Stats_{key}")
            value.setStyleSheet("font-size: 22px; font-weight: bold;")
            box_lay.addWidget(value)
            self.tiles[key] = value
            tiles.addWidget(box, 0, i)
        lay.addLayout(tiles)

        self.volume_chart, self.volume_view = _chart(tr("每日业务量（按业务类型堆叠）"))
        self.volume_view.setObjectName("VolumeChart")
        self.volume_view.setMinimumHeight(320)
        lay.addWidget(self.volume_view)
        row = QHBoxLayout()
        self.share_chart, self.share_view = _chart(tr("工作日与周末业务量"))
        self.share_view.setObjectName("WeekendChart")
        row.addWidget(self.share_view, 1)
        self.age_chart, self.age_view = _chart(tr("在柜未领卡片（按已保管天数）"))
        self.age_view.setObjectName("UncollectedChart")
        self.age_chart.legend().setVisible(False)
        row.addWidget(self.age_view, 1)
        lay.addLayout(row)

        lay.addWidget(named(QLabel(tr("每笔业务平均耗时（软件耗时：柜员等待系统的时间；柜面耗时：从开始到办结）")),
                            "SectionTitle"))
        self.times = named(QTableWidget(0, 4), "TimesTable")
        self.times.setHorizontalHeaderLabels([tr("业务"), tr("笔数"), tr("平均软件耗时"), tr("平均柜面耗时")])
        self.times.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.times.verticalHeader().setVisible(False)
        self.times.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.times.setMinimumHeight(180)
        lay.addWidget(self.times)
        self.central = named(QLabel("", wordWrap=True), "CentralTotals")
        lay.addWidget(self.central)
        lay.addStretch(1)

    # -- loading ------------------------------------------------------------------------------------
    def open(self) -> None:
        """Chosen in the menu: the figures as they are now."""
        self.refresh()

    def days(self) -> int:
        return int(self.period.currentData())

    def refresh(self) -> None:
        days = self.days()
        self.note.setText(tr("正在统计…"))
        self.refresh_button.setEnabled(False)
        # the window's worker runs jobs side by side: only the latest request's figures show
        self.asked += 1
        asked = self.asked

        def shown(figures: Any) -> None:
            if asked == self.asked:
                self.show_figures(figures)

        def failed(error: BaseException) -> None:
            if asked == self.asked:
                self.refresh_button.setEnabled(True)
                self.note.setText(error_text(error))

        self.ops.run(lambda: self.desk.figures(days), shown, failed)

    def show_figures(self, f: BranchFigures) -> None:
        self.refresh_button.setEnabled(True)
        self.figures = f
        self.note.setText(tr("统计期间 {0:%Y-%m-%d} 至 {1:%Y-%m-%d}（北京时间），"
                          "本机柜台办结的业务。").format(f.date_from, f.date_to))
        self.tiles["total"].setText(str(f.total))
        self.tiles["weekend"].setText(str(f.weekend_total))
        self.tiles["share"].setText(f"{f.weekend_share:.1%}")
        self.tiles["uncollected"].setText(str(f.uncollected_total))
        self._volume(f)
        self._share(f)
        self._ages(f)
        self._times(f)
        self._central(f)
        self.sig_shown.emit(f)

    def _volume(self, f: BranchFigures) -> None:
        chart = self.volume_chart
        _clear(chart)
        series = QStackedBarSeries()
        for i, key in enumerate(f.businesses):
            bar = QBarSet(f.title(key))
            bar.setColor(QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]))
            bar.append([float(day.counts[i]) for day in f.days])
            series.append(bar)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([day_label(day.day) for day in f.days])
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        y = _count_axis(max((d.total for d in f.days), default=0))
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)

    def _share(self, f: BranchFigures) -> None:
        chart = self.share_chart
        _clear(chart)
        pie = QPieSeries()
        for label, n, colour in ((tr("工作日"), f.total - f.weekend_total, "#1F5FA8"),
                                 (tr("周末"), f.weekend_total, "#E07B00")):
            part = pie.append(tr("{0} {1} 笔").format(label, n), float(n))
            part.setColor(QColor(colour))
            if n in (0, f.total):  # one part is the whole: a border would draw a stray radius
                part.setPen(QPen(Qt.PenStyle.NoPen))
            # the legend beside says each part with its count: a label drawn outside the pie
            # ran over the chart's lower edge when one part was the whole
        chart.addSeries(pie)

    def _ages(self, f: BranchFigures) -> None:
        chart = self.age_chart
        _clear(chart)
        bar = QBarSet(tr("张数"))
        bar.setColor(QColor("#2E8B57"))
        bar.append([float(n) for _band, n in f.uncollected])
        series = QBarSeries()
        series.append(bar)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([band for band, _n in f.uncollected])
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        y = _count_axis(max((n for _b, n in f.uncollected), default=0))
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)

    def _times(self, f: BranchFigures) -> None:
        self.times.setRowCount(len(f.times))
        for r, t in enumerate(f.times):
            for c, text in enumerate((tr(f.title(t.business)), str(t.count), _seconds(t.software_s),
                                      _seconds(t.counter_s))):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.times.setItem(r, c, item)

    def _central(self, f: BranchFigures) -> None:
        c = f.central
        if c is None:
            self.central.setText(tr("中心汇总：{0}").format(tr(f.central_note_zh)))
            return
        parts = tr("，").join(f"{tr(CENTRAL_KINDS_ZH.get(k, k))} " + tr("{0} 笔").format(n)
                             for k, n in c.by_business)
        self.central.setText(tr("中心汇总（本网点全部柜台，同期）：{0}；合计 {1} 笔。").format(parts, c.total))

    # -- the PDF --------------------------------------------------------------------------------------
    def choose_export(self) -> None:
        if self.figures is None:
            return
        name = tr("网点统计_{0:%Y%m%d}-{1:%Y%m%d}.pdf").format(self.figures.date_from, self.figures.date_to)
        path, _filter = QFileDialog.getSaveFileName(self, tr("导出网点统计"), name, "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path, done: Callable[[Any], None] | None = None) -> None:
        """Render and write the PDF of the figures on screen (on the worker)."""
        figures = self.figures
        if figures is None:
            return

        def job() -> Path:
            path.write_bytes(self.desk.pdf(figures))
            return path

        def ok(written: Any) -> None:
            self.note.setText(tr("已导出：{0}").format(written))
            if done is not None:
                done(written)

        self.ops.run(job, ok, lambda e: self.note.setText(tr("导出失败：{0}").format(error_text(e))))


def _seconds(seconds: float) -> str:
    """A wait in the UI's language (the printed report keeps its own Chinese format)."""
    if seconds >= 60:
        whole = round(seconds)
        return tr("{0}分{1:02d}秒").format(whole // 60, whole % 60)
    return tr("{0:.1f}秒").format(seconds)
