"""A supervisor's authorisation of one sensitive act: password plus a one-time code.

:class:`SupervisorApproval` is what every screen and command collects (user name, password,
6-digit code) and hands to the one checking path, ``workflows.login.TellerAuth.authorise``,
which checks it for a named purpose, counts failures toward the lockout and audits the result.

The code is a TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1 — what standard authenticator
apps use) computed by ``pyotp``. A code is accepted within one step either side of the
counter's clock and only once: the last accepted step is kept per supervisor, and a code of
that step or an earlier one is refused (RFC 6238 §5.2).
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import pyotp

from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh

#: steps either side of the counter's clock a code is accepted in (clock drift, typing time)
WINDOW_STEPS = 1
DIGITS = 6
STEP_SECONDS = 30
ISSUER = "社保卡柜面"  # i18n: data (the issuer the authenticator app shows)

# the sensitive acts (audited as the authorisation's purpose)
PURPOSE_SPOIL = "blank.spoil"
PURPOSE_FORCE_CLOSE = "session.force_close"
PURPOSE_UNLOCK = "teller.unlock"
PURPOSE_AUDIT_ACK = "audit.break_acknowledged"
PURPOSE_REFUND = "fee.refund"
PURPOSE_PHOTO_OVERRIDE = "photo.override"
#: a supervisor deciding another counter's remote approval request (workflows/remote_approval)
PURPOSE_REMOTE_APPROVE = "remote.approve"


def dead_letter_purpose(decision: str, item_id: int) -> str:
    return f"dead_letter_{decision}:{item_id}"


@dataclass(frozen=True)
class SupervisorApproval:
    """What a supervisor types to authorise one act (never logged: repr hides the secrets)."""

    username: str
    password: str = field(repr=False)
    otp: str = field(default="", repr=False)
    #: an approval given by a supervisor at another counter through the central (远程授权):
    #: no secrets are typed here, the central's approval is consumed instead
    remote_request_id: str = ""

    @classmethod
    def remote(cls, request_id: str) -> SupervisorApproval:
        return cls("", "", "", remote_request_id=request_id)

    def normalised_otp(self) -> str:
        """The code as typed, without the spaces authenticator apps show in the middle."""
        return "".join(self.otp.split())


#: the one authorising callable the workflows receive: (approval, purpose) -> the supervisor's
#: user name; raises ``LoginRefused`` (counted and audited) when refused
Authorise = Callable[[SupervisorApproval, str], str]


class RemoteGrantLike(Protocol):
    @property
    def supervisor(self) -> str: ...
    @property
    def counter_id(self) -> str: ...


class RemoteVerifier(Protocol):
    """Consumes a remote approval at the central for one act (workflows.remote_approval):
    the approving supervisor and counter, or a ``CounterError`` in the teller's words."""

    def consume(self, request_id: str, purpose: str) -> RemoteGrantLike: ...


def require_fields(approval: SupervisorApproval | None, *, field_name: str = "supervisor",
                   what: str = QT_TR_NOOP("此操作")) -> SupervisorApproval:
    """Refuse an approval with an empty user name or password before anything is checked."""
    if approval is not None and approval.remote_request_id:
        return approval  # checked where it is consumed (TellerAuth.authorise)
    if approval is None or not approval.username.strip() or not approval.password:
        raise ValidationError(field_name, zh("{what}须由主管输入账号、密码和动态验证码授权。", what=what),
                              code="SUPERVISOR_REQUIRED")
    return approval


# -- TOTP ------------------------------------------------------------------------------------

def new_secret() -> str:
    """A fresh random base32 secret (160 bits, RFC 4226's recommended length)."""
    return pyotp.random_base32(32)


def provisioning_uri(secret: str, username: str, branch_code: str = "") -> str:
    """The ``otpauth://`` address an authenticator app reads from the QR."""
    label = f"{username}@{branch_code}" if branch_code else username
    return pyotp.TOTP(secret).provisioning_uri(name=label, issuer_name=ISSUER)


def _timestamp(now: dt.datetime) -> int:
    # the store and the clocks here are naive UTC; an aware time is taken as it is
    aware = now if now.tzinfo is not None else now.replace(tzinfo=dt.UTC)
    return int(aware.timestamp())


def step_at(now: dt.datetime) -> int:
    return _timestamp(now) // STEP_SECONDS


def code_at_step(secret: str, step: int) -> str:
    return pyotp.TOTP(secret).at(step * STEP_SECONDS)


def matching_step(secret: str, code: str, now: dt.datetime) -> int | None:
    """The time step (within the window) whose code is ``code``; None if none is."""
    code = "".join(code.split())
    if len(code) != DIGITS or not code.isdigit():
        return None
    current = step_at(now)
    found = None
    for step in range(current - WINDOW_STEPS, current + WINDOW_STEPS + 1):
        # compare every candidate (constant work whichever matches)
        if hmac.compare_digest(code_at_step(secret, step), code):
            found = step
    return found


def looks_like_secret(secret: str) -> bool:
    try:
        pyotp.TOTP(secret).at(0)
    except Exception:  # binascii.Error or ValueError from a malformed base32 text
        return False
    return True


@dataclass(frozen=True)
class TotpEnrolment:
    """A secret shown as a QR, not yet stored: stored once its first code is confirmed."""

    username: str
    secret: str = field(repr=False)
    uri: str = field(repr=False)
