import datetime as dt

from counter_app.domain.schedule import WeekendService
from counter_app.workflows.status import weekend_indicator

SERVICE = WeekendService(("sat", "sun"), dt.time(9), dt.time(16))


def test_weekend_indicator_states() -> None:
    saturday_morning = dt.datetime(2026, 11, 28, 10, 0)
    saturday_evening = dt.datetime(2026, 11, 28, 17, 0)
    monday = dt.datetime(2026, 11, 30, 10, 0)
    assert weekend_indicator(SERVICE, saturday_morning)[0] == "open"
    assert weekend_indicator(SERVICE, saturday_evening)[0] == "closed"
    assert weekend_indicator(SERVICE, monday)[0] == "weekday"
    sat_only = WeekendService(("sat",), dt.time(9), dt.time(12))
    assert weekend_indicator(sat_only, dt.datetime(2026, 11, 29, 10, 0)) == ("closed", "本网点今日周末不营业")
