"""The reference central dates its business in Beijing time, whatever the host's zone: on a UTC
host from 16:00 to midnight the seed's contribution months, a card's issue date and the
contribution bounds' year were a day (a month, a year) behind the counter's."""

from __future__ import annotations

import datetime as dt

from central_sim.db import beijing_today, ten_years_on


def test_today_is_beijing_s_date_on_a_utc_host() -> None:
    assert beijing_today(dt.datetime(2026, 11, 30, 15, 59, tzinfo=dt.UTC)) == dt.date(2026, 11, 30)
    assert beijing_today(dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.UTC)) == dt.date(2026, 12, 1)
    assert beijing_today(dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC)) == dt.date(2027, 1, 1)


def test_a_card_issued_on_29_february_expires_on_the_28th() -> None:
    assert ten_years_on(dt.date(2028, 2, 29)) == dt.date(2038, 2, 28)
    assert ten_years_on(dt.date(2026, 11, 30)) == dt.date(2036, 11, 30)
