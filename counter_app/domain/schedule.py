"""Weekend service: which days and hours a branch serves card business outside the working week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from counter_app.domain.texts import QT_TR_NOOP, zh

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_ZH = (QT_TR_NOOP("周一"), QT_TR_NOOP("周二"), QT_TR_NOOP("周三"), QT_TR_NOOP("周四"), QT_TR_NOOP("周五"),
              QT_TR_NOOP("周六"), QT_TR_NOOP("周日"))


def enumerated_zh(names: Iterable[str]) -> str:
    """``names`` joined with ``、``, each step a composed text so that the UI translates the
    separator and every name (a plain ``"、".join`` would stay Chinese)."""
    text = ""
    for name in names:
        text = zh("{names}、{name}", names=text, name=name) if text else name
    return text


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
            return QT_TR_NOOP("本网点周末不营业")
        names = enumerated_zh(WEEKDAY_ZH[WEEKDAY_CODES.index(d)] for d in self.days)
        return zh("{days} {opens:%H:%M}–{closes:%H:%M}", days=names, opens=self.opens, closes=self.closes)
