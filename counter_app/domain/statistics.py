"""Branch statistics as values (网点统计): finished businesses with their times, the central's
totals, and the figures computed from them — pure, tested against a seeded week with exact
numbers (tests/unit/statistics/). The workflow (workflows/statistics) reads the facts through
ports; printing draws the figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from counter_app.domain.businesses import BUSINESS_KEYS
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.opening_hours import is_weekend
from counter_app.domain.production import uncollected_age_days
from counter_app.domain.texts import QT_TR_NOOP


@dataclass(frozen=True)
class BusinessDone:
    """One business finished at this counter (no personal data: the kind, who, when, how long).

    ``software_s`` is the time the teller waited on the software (the page's background calls);
    ``counter_s`` the time from the record's first screen to its last step.
    """

    business: str  # a catalogue key (domain.businesses.BUSINESS_KEYS)
    teller: str
    started_at: dt.datetime  # UTC, aware
    finished_at: dt.datetime  # UTC, aware
    software_s: float

    @property
    def counter_s(self) -> float:
        return max(0.0, (self.finished_at - self.started_at).total_seconds())


@dataclass(frozen=True)
class CentralTotals:
    """The central's count of the branch's businesses over a period (all its counters)."""

    branch_code: str
    date_from: dt.date
    date_to: dt.date
    by_business: tuple[tuple[str, int], ...]  # (central kind, count), the central's own names

    @property
    def total(self) -> int:
        return sum(n for _k, n in self.by_business)



#: uncollected cards by whole days waited (the central's keeping period is 90 days)
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    (QT_TR_NOOP("0–7天"), 0, 7), (QT_TR_NOOP("8–30天"), 8, 30), (QT_TR_NOOP("31–60天"), 31, 60),
    (QT_TR_NOOP("61–90天"), 61, 90), (QT_TR_NOOP("90天以上"), 91, None),
)

@dataclass(frozen=True)
class DayVolume:
    day: dt.date  # Beijing date
    counts: tuple[int, ...]  # per BranchFigures.businesses, in that order

    @property
    def weekend(self) -> bool:
        return is_weekend(self.day)

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class BusinessTimes:
    business: str
    count: int
    software_s: float  # average per business
    counter_s: float  # average per business


@dataclass(frozen=True)
class BranchFigures:
    date_from: dt.date
    date_to: dt.date  # inclusive
    businesses: tuple[str, ...]  # the kinds done in the period, in menu order
    days: tuple[DayVolume, ...]  # every day of the period, empty ones too
    times: tuple[BusinessTimes, ...]
    uncollected: tuple[tuple[str, int], ...]  # (age band, cards)
    titles: Mapping[str, str]  # business key -> its menu title
    central: CentralTotals | None = None
    central_note_zh: str = ""

    @property
    def total(self) -> int:
        return sum(d.total for d in self.days)

    @property
    def weekend_total(self) -> int:
        return sum(d.total for d in self.days if d.weekend)

    @property
    def weekend_share(self) -> float:
        """The weekend's part of the period's businesses (0 when nothing was done)."""
        return self.weekend_total / self.total if self.total else 0.0

    @property
    def uncollected_total(self) -> int:
        return sum(n for _band, n in self.uncollected)

    def title(self, business: str) -> str:
        return self.titles.get(business, business)


def china_day(moment: dt.datetime) -> dt.date:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(CHINA_TIME).date()


def period_bounds(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) in UTC of the Beijing days ``date_from`` .. ``date_to`` inclusive."""
    start = dt.datetime.combine(date_from, dt.time(), CHINA_TIME).astimezone(dt.UTC)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), CHINA_TIME).astimezone(dt.UTC)
    return start, end


def _order(keys: Iterable[str]) -> tuple[str, ...]:
    present = set(keys)
    known = [k for k in BUSINESS_KEYS if k in present]
    return (*known, *sorted(present - set(known)))


def age_bands(received: Sequence[dt.datetime], now: dt.datetime) -> tuple[tuple[str, int], ...]:
    counts = [0] * len(AGE_BANDS)
    for at in received:
        days = uncollected_age_days(at, now)
        for i, (_label, low, high) in enumerate(AGE_BANDS):
            if days >= low and (high is None or days <= high):
                counts[i] += 1
                break
    return tuple((label, n) for (label, _l, _h), n in zip(AGE_BANDS, counts, strict=True))


def compute_figures(done: Iterable[BusinessDone], received: Sequence[dt.datetime], *,
                    date_from: dt.date, date_to: dt.date, now: dt.datetime,
                    titles: Mapping[str, str], central: CentralTotals | None = None,
                    central_note_zh: str = "") -> BranchFigures:
    """The figures of the Beijing days ``date_from`` .. ``date_to`` (inclusive)."""
    if date_to < date_from:
        raise ValueError("date_to before date_from")
    in_period = [d for d in done if date_from <= china_day(d.finished_at) <= date_to]
    kinds = _order(d.business for d in in_period)
    per_day: dict[dt.date, list[int]] = {}
    day = date_from
    while day <= date_to:
        per_day[day] = [0] * len(kinds)
        day += dt.timedelta(days=1)
    sums: dict[str, list[float]] = {k: [0, 0.0, 0.0] for k in kinds}
    for d in in_period:
        per_day[china_day(d.finished_at)][kinds.index(d.business)] += 1
        s = sums[d.business]
        s[0] += 1
        s[1] += d.software_s
        s[2] += d.counter_s
    times = tuple(BusinessTimes(k, int(s[0]), s[1] / s[0], s[2] / s[0]) for k, s in sums.items())
    days = tuple(DayVolume(day, tuple(counts)) for day, counts in per_day.items())
    return BranchFigures(date_from, date_to, kinds, days, times, age_bands(received, now),
                         dict(titles), central, central_note_zh)
