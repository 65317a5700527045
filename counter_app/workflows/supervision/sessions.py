"""Open work sessions as a supervisor sees them (teller, counter, opened at, how long), and
the force-close of one left open — the session desk's own ``force_close`` (reason, the
supervisor's authorisation, audited with the close), not a second path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from counter_app.domain.texts import zh
from counter_app.workflows.sessions import SessionDesk, WorkSessionFacts, yuan
from counter_app.workflows.sessions.desk import CHINA_TIME
from counter_app.workflows.supervision.approval import SupervisorCredentials


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)  # the store keeps naive UTC


def duration_zh(seconds: float) -> str:
    minutes = max(0, int(seconds // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return zh("{days} 天 {hours} 小时", days=days, hours=hours)
    if hours:
        return zh("{hours} 小时 {minutes} 分钟", hours=hours, minutes=mins)
    return zh("{minutes} 分钟", minutes=mins)


@dataclass(frozen=True)
class OpenSession:
    id: int
    teller: str
    counter_id: str
    business_day: str
    opened_at: dt.datetime  # aware UTC
    open_for_s: float
    opening_float_fen: int
    stale: bool  # opened on an earlier business day

    @property
    def opened_local(self) -> str:
        return self.opened_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")

    @property
    def open_for_zh(self) -> str:
        return duration_zh(self.open_for_s)

    @property
    def float_zh(self) -> str:
        return yuan(self.opening_float_fen)


class SessionSupervision:
    """The open sessions of this branch's store and a supervisor's force-close."""

    def __init__(self, desk: SessionDesk, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.desk = desk
        self.clock = clock or desk.ctx.clock

    def _view(self, s: WorkSessionFacts, now: dt.datetime, today: str) -> OpenSession:
        opened = _aware(s.opened_at)
        return OpenSession(s.id, s.teller, s.counter_id, s.business_day, opened,
                           (now - opened).total_seconds(), s.opening_float_fen,
                           s.business_day != today)

    def open_sessions(self) -> list[OpenSession]:
        """Longest open first (a session left open since yesterday is the one to look at)."""
        now, today = self.clock(), self.desk.ctx.today()
        views = [self._view(s, now, today) for s in self.desk.open_sessions()]
        return sorted(views, key=lambda v: v.opened_at)

    def force_close(self, session_id: int, credentials: SupervisorCredentials,
                    reason: str) -> WorkSessionFacts:
        # the desk checks the reason and the authorisation and audits the close
        return self.desk.force_close(session_id, credentials, reason)
