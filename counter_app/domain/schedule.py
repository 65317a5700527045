"""Weekend service: which days and hours a branch serves card business outside the working week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass(frozen=True)
class WeekendService:
    days: tuple[str, ...]  # subset of WEEKDAY_CODES, normally ("sat", "sun")
    opens: dt.time
    closes: dt.time

    def is_weekend_day(self, moment: dt.datetime) -> bool:
        return moment.weekday() >= 5

    def serves_on(self, moment: dt.datetime) -> bool:
        return WEEKDAY_CODES[moment.weekday()] in self.days

    def in_hours(self, moment: dt.datetime) -> bool:
        return self.serves_on(moment) and self.opens <= moment.time() < self.closes

    def describe_zh(self) -> str:
        if not self.days:
            return "本网点周末不营业"
        names = "、".join(WEEKDAY_ZH[WEEKDAY_CODES.index(d)] for d in self.days)
        return f"{names} {self.opens:%H:%M}–{self.closes:%H:%M}"
