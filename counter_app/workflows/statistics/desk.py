"""What the statistics page asks: record a finished business, the figures of a period (the
local store's, with the central's totals when the line is up), the PDF."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from counter_app.central.errors import CentralError
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.statistics import (
    BranchFigures,
    BusinessDone,
    CentralTotals,
    compute_figures,
    period_bounds,
)
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.printing import BranchInfo
from counter_app.workflows.catalog import BUSINESSES
from counter_app.workflows.kernel import Wizard
from counter_app.workflows.statistics.model import StatisticsRepository, TotalsSource

log = logging.getLogger(__name__)

MAX_DAYS = 92  # a quarter at most on one page
TITLES = {b.key: b.title_zh for b in BUSINESSES}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class StatisticsContext:
    branch: BranchInfo
    teller: str
    repo: StatisticsRepository
    #: None: the central cannot say (a fake without the operation); the figures say so
    central_totals: TotalsSource | None = None
    #: whether the line is up now (the sync worker's judgement); None: ask anyway
    line_up: Callable[[], bool] | None = None
    clock: Callable[[], dt.datetime] = _now


class StatisticsDesk:
    def __init__(self, ctx: StatisticsContext) -> None:
        self.ctx = ctx

    def today(self) -> dt.date:
        return self.ctx.clock().astimezone(CHINA_TIME).date()

    # -- recording --------------------------------------------------------------------------------
    def record(self, business: str, wizard: Wizard[Any]) -> BusinessDone | None:
        """Keep a business that reached its last step; None when it has not."""
        if wizard.finished_at is None:
            return None
        done = BusinessDone(business, self.ctx.teller, wizard.started_at, wizard.finished_at,
                            round(wizard.software_s, 3))
        self.ctx.repo.record_business(done)
        return done

    # -- the figures --------------------------------------------------------------------------------
    def figures(self, days: int = 7, date_to: dt.date | None = None) -> BranchFigures:
        """The last ``days`` Beijing days up to ``date_to`` (default today), inclusive."""
        days = max(1, min(days, MAX_DAYS))
        date_to = date_to or self.today()
        date_from = date_to - dt.timedelta(days=days - 1)
        since, until = period_bounds(date_from, date_to)
        done = self.ctx.repo.businesses_done(since, until)
        received = self.ctx.repo.uncollected_received_at()
        central, note = self._central(date_from, date_to)
        return compute_figures(done, received, date_from=date_from, date_to=date_to,
                               now=self.ctx.clock(), titles=TITLES, central=central,
                               central_note_zh=note)

    def _central(self, date_from: dt.date, date_to: dt.date) -> tuple[CentralTotals | None, str]:
        source = self.ctx.central_totals
        if source is None:
            return None, QT_TR_NOOP("中心系统接口不提供网点统计，仅显示本机数据。")
        if self.ctx.line_up is not None and not self.ctx.line_up():
            return None, QT_TR_NOOP("专线中断：仅显示本机数据，线路恢复后可查看中心汇总。")
        try:
            return source(self.ctx.branch.code, date_from, date_to), ""
        except CentralError as exc:
            log.info("central statistics unavailable: %s", exc.code)
            return None, zh("暂时无法获取中心汇总（{code}），仅显示本机数据。", code=exc.code)

    # -- the document ---------------------------------------------------------------------------------
    def pdf(self, figures: BranchFigures) -> bytes:
        """The figures as a PDF (the charts drawn by reportlab, in the page's colours)."""
        from counter_app.printing.statistics import render_statistics

        at = self.ctx.clock().astimezone(CHINA_TIME).replace(tzinfo=None)
        return render_statistics(figures, self.ctx.branch, self.ctx.teller, at)
