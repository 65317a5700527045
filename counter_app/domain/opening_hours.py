"""Opening hours: when the branch serves card business, on weekdays and at weekends.

The profile gives two sets of days with their hours (``[weekday_service]`` and
``[weekend_service]``); times are Beijing time (``domain.clock.china_now``), naive. Nothing
here refuses a business: outside the hours the counter says so and asks before a new
business starts, and a business already started is always finished (docs/weekend.md).

At weekends a weekend duty supervisor (值班主管) covers the supervisor's steps, within the
opening hours of that day (:func:`authorising_roles`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.domain.schedule import WEEKDAY_CODES, WEEKDAY_ZH, WeekendService, enumerated_zh
from counter_app.domain.texts import QT_TR_NOOP, zh

#: who may authorise a supervisor's step on any day
SUPERVISOR_ROLES: tuple[str, ...] = ("supervisor", "admin")
#: the weekend duty supervisor (值班主管): a supervisor's authority at weekends, in hours
DUTY_SUPERVISOR = "duty_supervisor"

WEEKEND_CODES = ("sat", "sun")


@dataclass(frozen=True)
class ServiceHours:
    """Days (codes of WEEKDAY_CODES) served from ``opens`` (included) to ``closes`` (excluded)."""

    days: tuple[str, ...]
    opens: dt.time
    closes: dt.time

    def serves(self, day: dt.date) -> bool:
        return WEEKDAY_CODES[day.weekday()] in self.days

    def describe_zh(self) -> str:
        if not self.days:
            return ""
        return zh("{days} {opens:%H:%M}–{closes:%H:%M}", days=days_zh(self.days), opens=self.opens,
                  closes=self.closes)


def days_zh(days: tuple[str, ...]) -> str:
    """"周一至周五" for a run of three or more consecutive days, else "周六、周日"."""
    idx = sorted(WEEKDAY_CODES.index(d) for d in set(days))
    if len(idx) >= 3 and idx == list(range(idx[0], idx[-1] + 1)):
        return zh("{first}至{last}", first=WEEKDAY_ZH[idx[0]], last=WEEKDAY_ZH[idx[-1]])
    return enumerated_zh(WEEKDAY_ZH[i] for i in idx)


@dataclass(frozen=True)
class OpeningState:
    """What the counter says about now."""

    open: bool
    weekend: bool
    hours_today: tuple[dt.time, dt.time] | None  # None: closed all day
    text_zh: str


@dataclass(frozen=True)
class OpeningHours:
    weekdays: ServiceHours
    weekend: WeekendService

    def hours_on(self, day: dt.date) -> tuple[dt.time, dt.time] | None:
        """(opens, closes) of ``day``, or None when the branch does not serve that day."""
        code = WEEKDAY_CODES[day.weekday()]
        if code in self.weekdays.days:
            return self.weekdays.opens, self.weekdays.closes
        if code in self.weekend.days:
            return self.weekend.opens, self.weekend.closes
        return None

    def is_open(self, moment: dt.datetime) -> bool:
        hours = self.hours_on(moment.date())
        return hours is not None and hours[0] <= moment.time() < hours[1]

    def describe_zh(self) -> str:
        parts = [self.weekdays.describe_zh(),
                 ServiceHours(self.weekend.days, self.weekend.opens, self.weekend.closes).describe_zh()]
        weekdays, weekend = parts
        if weekdays and weekend:
            return zh("{weekdays}，{weekend}", weekdays=weekdays, weekend=weekend)
        return weekdays or weekend or QT_TR_NOOP("未配置营业日")

    def state(self, moment: dt.datetime) -> OpeningState:
        """Open or not at ``moment`` (Beijing time, naive) and the sentence the window shows."""
        weekend = is_weekend(moment)
        hours = self.hours_on(moment.date())
        if hours is not None and hours[0] <= moment.time() < hours[1]:
            kind = QT_TR_NOOP("周末营业中") if weekend else QT_TR_NOOP("营业中")
            return OpeningState(True, weekend, hours, zh("{kind}（今日 {opens:%H:%M}–{closes:%H:%M}）", kind=kind,
                                                         opens=hours[0], closes=hours[1]))
        if hours is None:
            today = QT_TR_NOOP("今日不营业")
        elif moment.time() < hours[0]:
            today = zh("今日 {opens:%H:%M} 开始营业", opens=hours[0])
        else:
            today = zh("今日营业已于 {closes:%H:%M} 结束", closes=hours[1])
        text = zh("非营业时间：{today}（本网点营业时间：{hours}）。已开始的业务可以继续办完；开始新业务前需确认。",
                  today=today, hours=self.describe_zh())
        return OpeningState(False, weekend, hours, text)


def is_weekend(moment: dt.datetime | dt.date) -> bool:
    """Saturday or Sunday (the calendar's weekend; holidays are not modelled)."""
    return moment.weekday() >= 5


def authorising_roles(hours: OpeningHours, moment: dt.datetime) -> tuple[str, ...]:
    """The roles whose password authorises a supervisor's step at ``moment`` (Beijing time):
    a supervisor or an admin always; the weekend duty supervisor on a weekend day within that
    day's opening hours."""
    if is_weekend(moment) and hours.is_open(moment):
        return (*SUPERVISOR_ROLES, DUTY_SUPERVISOR)
    return SUPERVISOR_ROLES
