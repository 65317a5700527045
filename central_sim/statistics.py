"""GET /v1/branches/{branch_code}/statistics: the central's count of a branch's businesses over
a period of Beijing days (all its counters) — what the counter's 网点统计 page shows beside its
own figures (docs/statistics.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central_sim import states as S
from central_sim.db import BEIJING, Application, Batch, Certificate
from central_sim.errors import Refusal

MAX_DAYS = 366
# the dates a period may span: outside them Beijing midnight has no UTC instant in Python's
# calendar (0001-01-01, 9999-12-31 overflow), and no card business exists anyway
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(9998, 12, 31)
REPLACEMENT_KINDS = ("REPLACEMENT_LOST", "EXCHANGE_DAMAGED", "EXCHANGE_SAME_NUMBER")


class StatisticsItem(BaseModel):
    #: applications (new cards), replacements (补换卡 applications), instant_issuances (instant
    #: applications issued), certificates (issued), batch_receipts (batches received)
    kind: str = Field(max_length=32)
    count: int


class BranchStatisticsOut(BaseModel):
    branch_code: str
    date_from: dt.date
    date_to: dt.date
    items: list[StatisticsItem]


def _utc_bounds(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) as the central stores time (naive UTC) for Beijing days, end inclusive."""
    def at(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), BEIJING).astimezone(dt.UTC).replace(tzinfo=None)
    return at(date_from), at(date_to + dt.timedelta(days=1))


def branch_counts(s: Session, branch_code: str, date_from: dt.date,
                  date_to: dt.date) -> list[StatisticsItem]:
    start, end = _utc_bounds(date_from, date_to)

    def count(q: Any) -> int:
        return int(s.scalar(q) or 0)

    apps = select(func.count()).select_from(Application).where(
        Application.branch_code == branch_code, Application.created_at >= start,
        Application.created_at < end)
    return [
        StatisticsItem(kind="applications", count=count(apps.where(Application.kind == "NEW"))),
        StatisticsItem(kind="replacements",
                       count=count(apps.where(Application.kind.in_(REPLACEMENT_KINDS)))),
        StatisticsItem(kind="instant_issuances", count=count(apps.where(
            Application.making_mode == "INSTANT",
            Application.state.in_((S.ISSUED_NOT_ACTIVATED, S.ACTIVATED))))),
        StatisticsItem(kind="certificates", count=count(
            select(func.count()).select_from(Certificate).where(
                Certificate.branch_code == branch_code, Certificate.issued_at >= start,
                Certificate.issued_at < end))),
        StatisticsItem(kind="batch_receipts", count=count(
            select(func.count()).select_from(Batch).where(
                Batch.branch_code == branch_code, Batch.state == "RECEIVED",
                Batch.received_at >= start, Batch.received_at < end))),
    ]


def add_routes(v1: APIRouter, db: Any, get_branch: Callable[[Session, str], Any],
               check_own_branch: Callable[[Request, str], None]) -> None:
    @v1.get("/branches/{branch_code}/statistics", response_model=BranchStatisticsOut,
            tags=["statistics"])
    def branch_statistics(
        branch_code: Annotated[str, Path(max_length=16)], request: Request,
        date_from: Annotated[dt.date, Query(alias="from")],
        date_to: Annotated[dt.date, Query(alias="to")],
    ) -> BranchStatisticsOut:
        """Counts of the branch's businesses over Beijing days from..to (inclusive, <= 366).
        The period lies within 2000-01-01..9998-12-31; otherwise 400 PERIOD_INVALID."""
        check_own_branch(request, branch_code)
        if (date_to < date_from or (date_to - date_from).days >= MAX_DAYS
                or date_from < EARLIEST or date_to > LATEST):
            raise Refusal(400, "PERIOD_INVALID",
                          f"统计期间无效：结束日期不能早于开始日期，不超过{MAX_DAYS}天，"
                          f"且在 {EARLIEST} 至 {LATEST} 之间。",
                          {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat(),
                           "max_days": MAX_DAYS})
        with db.read() as s:
            get_branch(s, branch_code)
            return BranchStatisticsOut(branch_code=branch_code, date_from=date_from,
                                       date_to=date_to,
                                       items=branch_counts(s, branch_code, date_from, date_to))
