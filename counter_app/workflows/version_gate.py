"""The central's minimum version (branch config ``min_version``): a counter below it is told
so for a grace period, then may start no new business; finishing one already started is
never refused (the gate is asked only when a business is opened anew)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from counter_app.domain.texts import zh

#: app_state key: the minimum version this counter was first found below, and when
MIN_VERSION_SEEN_STATE = "updates.min_version_seen"


def parse_version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def is_older(current: str, required: str) -> bool:
    """``current`` below ``required``; an unreadable version is never judged older."""
    have, want = parse_version(current), parse_version(required)
    return have is not None and want is not None and have < want


@dataclass(frozen=True)
class VersionVerdict:
    state: str  # "ok" | "grace" | "blocked"
    running: str
    required: str | None = None
    deadline: dt.datetime | None = None  # end of the grace period (UTC)
    message_zh: str = ""

    @property
    def blocks_new_work(self) -> bool:
        return self.state == "blocked"


def judge(running: str, required: str | None, first_seen: dt.datetime | None,
          now: dt.datetime, grace_days: int) -> VersionVerdict:
    """``first_seen``: when this counter first learned it is below ``required`` (the grace
    period runs from then, so a counter that was offline is not blocked on arrival)."""
    if not required or not is_older(running, required):
        return VersionVerdict("ok", running, required)
    start = first_seen or now
    deadline = start + dt.timedelta(days=grace_days)
    if now < deadline:
        days = max(1, math.ceil((deadline - now).total_seconds() / 86400))
        return VersionVerdict(
            "grace", running, required, deadline,
            zh("本机程序版本 {running} 低于中心要求的最低版本 {required}。请在 {days} 天内"
               "签退以下载更新并重新启动程序完成升级；逾期将不能受理新业务。", running=running, required=required,
               days=days))
    return VersionVerdict(
        "blocked", running, required, deadline,
        zh("本机程序版本 {running} 低于中心要求的最低版本 {required}，宽限期已过，"
           "不能受理新业务（已开始的业务可以办完）。请签退后重新启动程序完成升级，"
           "或联系网点技术支持安装新版本。", running=running, required=required))
