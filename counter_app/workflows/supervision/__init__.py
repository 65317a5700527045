"""Supervision (督导/主管管理), Qt-free: the dead-letter queue, the audit log viewer, open work
sessions; what the supervisor's authorisation is for them (:mod:`.approval`)."""

from counter_app.domain.opening_hours import DUTY_SUPERVISOR
from counter_app.domain.opening_hours import SUPERVISOR_ROLES as AUTHORISING_ROLES
from counter_app.workflows.supervision.approval import (
    Authorise,
    SupervisorCredentials,
    check_reason,
)
from counter_app.workflows.supervision.audit_log import (
    AuditLogViewer,
    AuditPage,
    AuditQuery,
    AuditRow,
    AuditSearchPort,
    ChainState,
    parse_query,
)
from counter_app.workflows.supervision.dead_letters import (
    DeadLetter,
    DeadLetterDesk,
    DeadLetterPort,
    DeadLetterRefused,
    Decision,
    Resolution,
)
from counter_app.workflows.supervision.sessions import OpenSession, SessionSupervision

#: who sees the supervision page: those who authorise a supervisor's step on any day, and the
#: weekend duty supervisor (值班主管; its authority holds at weekends in opening hours only,
#: which the authorisation itself checks)
SUPERVISOR_ROLES: tuple[str, ...] = (*AUTHORISING_ROLES, DUTY_SUPERVISOR)


def can_supervise(role: str) -> bool:
    """Whether the supervision page is shown to a signed-in account of ``role`` (the acts on
    it still need a supervisor's authorisation each)."""
    return role in SUPERVISOR_ROLES


__all__ = ["SUPERVISOR_ROLES", "AuditLogViewer", "AuditPage", "AuditQuery", "AuditRow",
           "AuditSearchPort", "Authorise", "ChainState", "DeadLetter", "DeadLetterDesk",
           "DeadLetterPort", "DeadLetterRefused", "Decision", "OpenSession", "Resolution",
           "SessionSupervision", "SupervisorCredentials", "can_supervise", "check_reason",
           "parse_query"]
