"""Supervision (督导/主管管理), Qt-free: the dead-letter queue, the audit log viewer, open work
sessions; what the supervisor's authorisation is for them (:mod:`.approval`)."""

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

# the weekend duty supervisor (值班主管, domain.opening_hours.DUTY_SUPERVISOR) sees it too
SUPERVISOR_ROLES = ("supervisor", "admin", "duty_supervisor")


def can_supervise(role: str) -> bool:
    """Whether the supervision page is shown to a signed-in account of ``role`` (the acts on
    it still need a supervisor's authorisation each)."""
    return role in SUPERVISOR_ROLES


__all__ = ["SUPERVISOR_ROLES", "AuditLogViewer", "AuditPage", "AuditQuery", "AuditRow",
           "AuditSearchPort", "Authorise", "ChainState", "DeadLetter", "DeadLetterDesk",
           "DeadLetterPort", "DeadLetterRefused", "Decision", "OpenSession", "Resolution",
           "SessionSupervision", "SupervisorCredentials", "can_supervise", "check_reason",
           "parse_query"]
