"""The supervisor's authorisation as the supervision screens and ``sync resolve`` ask for it.

What a supervisor types (user name, password and, where the profile asks for it, the
one-time code) is a ``workflows.supervisor.SupervisorApproval``; the desks receive the one
authorising callable (:data:`Authorise`, ``bootstrap.Services.authorise`` →
``TellerAuth.authorise``: checked, counted toward the lockout, audited with the act's purpose)
and never check a password themselves. Here: those names for the supervision workflows, and
the rule for a supervisor's reason.
"""

from __future__ import annotations

from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.supervisor import Authorise, SupervisorApproval

__all__ = ["MIN_REASON_CHARS", "Authorise", "SupervisorApproval", "SupervisorCredentials",
           "check_reason"]

MIN_REASON_CHARS = 4  # as for a force-closed session and an acknowledged audit break

#: what the authorising supervisor typed (never logged: its repr hides the secrets)
SupervisorCredentials = SupervisorApproval


def check_reason(reason: str, *, what: str = QT_TR_NOOP("处理")) -> str:
    """The supervisor's reason, trimmed; refused when shorter than four characters."""
    reason = reason.strip()
    if len(reason) < MIN_REASON_CHARS:
        raise ValidationError("reason", zh("请写明{what}理由（至少{min_chars}个字），理由将记入审计日志。",
                                           what=what, min_chars=MIN_REASON_CHARS),
                              code="REASON_REQUIRED")
    return reason
