"""Opening hours (Qt-free): the edges of each day's hours, the day boundaries, weekend vs
weekday hours, the banner's sentence, who may authorise, and the profile's keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter_app.domain.opening_hours import (
    DUTY_SUPERVISOR,
    SUPERVISOR_ROLES,
    OpeningHours,
    ServiceHours,
    authorising_roles,
    days_zh,
    is_weekend,
)
from counter_app.domain.schedule import WeekendService
from counter_app.profile import ProfileError, parse_profile

WEEKDAYS = ServiceHours(("mon", "tue", "wed", "thu", "fri"), dt.time(9), dt.time(17))
HOURS = OpeningHours(WEEKDAYS, WeekendService(("sat", "sun"), dt.time(9), dt.time(16)))
FRI = dt.date(2026, 11, 27)
SAT = dt.date(2026, 11, 28)
SUN = dt.date(2026, 11, 29)
MON = dt.date(2026, 11, 30)
US = dt.timedelta(microseconds=1)


def at(day: dt.date, h: int, m: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(h, m))


@pytest.mark.parametrize(("moment", "open_"), [
    (at(MON, 9) - US, False), (at(MON, 9), True), (at(MON, 17) - US, True), (at(MON, 17), False),
    (at(SAT, 9) - US, False), (at(SAT, 9), True), (at(SAT, 16) - US, True), (at(SAT, 16), False),
    (at(SAT, 16, 30), False),  # a weekday hour, but Saturday closes at 16:00
    (at(FRI, 16, 30), True),
    (at(SUN, 15, 59), True), (at(SUN, 0), False), (at(MON, 0), False),
])
def test_open_at_the_edges_of_each_day(moment: dt.datetime, open_: bool) -> None:
    assert HOURS.is_open(moment) is open_
    assert HOURS.state(moment).open is open_


def test_day_boundaries_weekend_starts_and_ends_at_midnight() -> None:
    assert not is_weekend(at(FRI, 23, 59) + dt.timedelta(seconds=59, microseconds=999_999))
    assert is_weekend(at(SAT, 0))
    assert is_weekend(at(SUN, 23, 59))
    assert not is_weekend(at(MON, 0))
    assert HOURS.hours_on(FRI) == (dt.time(9), dt.time(17))
    assert HOURS.hours_on(SAT) == (dt.time(9), dt.time(16))


def test_a_branch_closed_at_weekends_and_on_saturday_only() -> None:
    closed = OpeningHours(WEEKDAYS, WeekendService((), dt.time(9), dt.time(16)))
    assert closed.hours_on(SAT) is None and not closed.is_open(at(SAT, 10))
    assert "今日不营业" in closed.state(at(SAT, 10)).text_zh
    sat_only = OpeningHours(WEEKDAYS, WeekendService(("sat",), dt.time(9), dt.time(12)))
    assert sat_only.is_open(at(SAT, 11, 59)) and not sat_only.is_open(at(SAT, 12))
    assert not sat_only.is_open(at(SUN, 10))
    assert sat_only.describe_zh() == "周一至周五 09:00–17:00，周六 09:00–12:00"


def test_the_banner_sentence() -> None:
    assert HOURS.describe_zh() == "周一至周五 09:00–17:00，周六、周日 09:00–16:00"
    early = HOURS.state(at(SAT, 8, 30))
    assert early.weekend and not early.open
    assert early.text_zh.startswith("非营业时间：今日 09:00 开始营业")
    assert "已开始的业务可以继续办完" in early.text_zh
    late = HOURS.state(at(MON, 17))
    assert late.text_zh.startswith("非营业时间：今日营业已于 17:00 结束")
    assert not late.weekend
    assert HOURS.state(at(SAT, 10)).text_zh == "周末营业中（今日 09:00–16:00）"
    assert HOURS.state(at(MON, 10)).text_zh == "营业中（今日 09:00–17:00）"


def test_days_in_words() -> None:
    assert days_zh(("sat", "sun")) == "周六、周日"
    assert days_zh(("mon", "tue", "wed", "thu", "fri")) == "周一至周五"
    assert days_zh(("fri", "mon", "wed")) == "周一、周三、周五"
    assert days_zh(("mon", "tue", "wed")) == "周一至周三"


@pytest.mark.parametrize(("moment", "duty"), [
    (at(SAT, 9), True), (at(SAT, 16) - US, True), (at(SUN, 12), True),
    (at(SAT, 9) - US, False), (at(SAT, 16), False),  # a weekend day, outside its hours
    (at(MON, 10), False), (at(FRI, 16), False),  # weekdays: the supervisor only
])
def test_the_duty_supervisor_authorises_at_weekends_within_hours(moment: dt.datetime,
                                                                 duty: bool) -> None:
    roles = authorising_roles(HOURS, moment)
    assert (DUTY_SUPERVISOR in roles) is duty
    assert set(SUPERVISOR_ROLES) <= set(roles)  # a supervisor and an admin always may


# -- the profile's keys -----------------------------------------------------------------------

BASE = {"branch": {"code": "ICBC-NB-0101", "name": "网点", "bank": "ICBC", "instant_issue": True},
        "central": {"base_url": "http://127.0.0.1:8765"}}


def test_profile_defaults_and_overrides(tmp_path: Path) -> None:
    profile = parse_profile(BASE, state_dir=tmp_path)
    assert profile.opening_hours.hours_on(MON) == (dt.time(9), dt.time(17))
    assert profile.opening_hours.hours_on(SAT) == (dt.time(9), dt.time(16))
    custom = parse_profile({**BASE, "weekday_service": {"days": ["mon", "tue", "wed", "thu"],
                                                        "open": "08:30", "close": "17:30"},
                            "weekend_service": {"days": ["fri", "sat"], "open": "10:00",
                                                "close": "15:00"}}, state_dir=tmp_path)
    assert custom.opening_hours.hours_on(MON) == (dt.time(8, 30), dt.time(17, 30))
    assert custom.opening_hours.hours_on(FRI) == (dt.time(10), dt.time(15))
    assert custom.opening_hours.hours_on(SUN) is None


@pytest.mark.parametrize(("section", "values", "key"), [
    ("weekday_service", {"open": "17:00", "close": "17:00"}, "weekday_service.open"),
    ("weekday_service", {"open": "9:00"}, "weekday_service.open"),
    ("weekday_service", {"close": "24:00"}, "weekday_service.close"),
    ("weekday_service", {"days": ["mon", "holiday"]}, "weekday_service.days"),
    ("weekday_service", {"days": ["mon", "sat"]}, "weekend_service.days"),  # sat twice
])
def test_profile_refusals_name_the_key(tmp_path: Path, section: str, values: dict[str, object],
                                       key: str) -> None:
    with pytest.raises(ProfileError) as refused:
        parse_profile({**BASE, section: values}, state_dir=tmp_path)
    assert refused.value.key == key
