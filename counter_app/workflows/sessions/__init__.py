"""Teller work sessions (柜员会话): open at sign-in, close at day end, force-close by a
supervisor. Qt-free; the store is behind :class:`WorkSessionRepository`."""

from counter_app.workflows.sessions.desk import (
    SessionContext,
    SessionDesk,
    SessionState,
    WorkSessionFacts,
    WorkSessionRepository,
    parse_yuan,
    yuan,
)

__all__ = ["SessionContext", "SessionDesk", "SessionState", "WorkSessionFacts",
           "WorkSessionRepository", "parse_yuan", "yuan"]
