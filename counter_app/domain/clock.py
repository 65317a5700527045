"""Counter time: Beijing time (UTC+8, no daylight saving), whatever the PC's time zone says.

Documents, weekend-service hours and the status-bar clock use it; storage stays in UTC.
"""

from __future__ import annotations

import datetime as dt

CHINA_TIME = dt.timezone(dt.timedelta(hours=8), "CST")


def china_now() -> dt.datetime:
    """Now in Beijing time, as a naive value for display and opening-hour rules."""
    return dt.datetime.now(CHINA_TIME).replace(tzinfo=None)
