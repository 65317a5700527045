"""Tellers and roles (柜员与角色): adding an account, disabling and enabling it, a temporary
password, unlocking after a lockout (with a supervisor's second factor) and enrolling an
authenticator — every change audited by the store in the transaction that makes it.

Who may do what (the signed-in account, ``actor``): a supervisor manages tellers (adds,
disables, resets) and enrols only their own authenticator; an admin manages every account and
enrols any supervisor or admin. The weekend duty supervisor (值班主管) has a supervisor's powers
here only when the opening-hours rule lets that role authorise (a weekend day, in its hours:
``domain.opening_hours.authorising_roles``, through ``TellerAuth.authorisers``); on a weekday
the account is refused like a teller's. Nobody disables or resets their own account here. Unlocking
any locked account needs a supervisor's authorisation (password and one-time code) through the
one authorisation path, whoever is signed in.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.opening_hours import DUTY_SUPERVISOR, SUPERVISOR_ROLES
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.login import (
    ROLE_ZH,
    ROLES,
    SECOND_FACTOR_ROLES,
    LoginRefused,
    TellerAccount,
    TellerAuth,
    check_password_rules,
    hash_password,
    utc_now_naive,
)
from counter_app.workflows.supervisor import PURPOSE_UNLOCK, SupervisorApproval, TotpEnrolment

USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9]{2,15}")
MAX_NAME = 32
MIN_REASON = 4
TEMP_PASSWORD_LEN = 10
MANAGERS = ("supervisor", "admin", DUTY_SUPERVISOR)  # who may open the tellers screen


class TellerAdminRefused(CounterError):
    code = "TELLER_ADMIN_REFUSED"


class TellerAdminRepository(Protocol):
    """The store's side (``store.tellers.SqlTellerRepository``); each call one transaction
    with its audit entry, the actor named in it. False: no such account (nothing changed)."""

    def list_accounts(self) -> Sequence[TellerAccount]: ...
    def find(self, username: str) -> TellerAccount | None: ...

    def create_account(self, username: str, display_name: str, role: str, password_hash: str,
                       *, actor: str) -> bool:
        """A new active account whose password must be changed at first sign-in; False if
        the user name exists (active or not)."""
        ...

    def set_active(self, username: str, active: bool, *, actor: str, reason: str) -> bool: ...
    def set_role(self, username: str, role: str, *, actor: str) -> bool: ...
    def reset_password(self, username: str, password_hash: str, *, actor: str) -> bool: ...
    def unlock(self, username: str, *, actor: str, supervisor: str) -> bool: ...


@dataclass(frozen=True)
class AccountView:
    """One row of the tellers screen (no secret, no hash)."""

    username: str
    display_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None  # naive UTC; None or past: not locked
    failed_logins: int
    must_change_password: bool
    enrolled: bool  # an authenticator is bound (supervisors and admins)

    @property
    def role_zh(self) -> str:
        return ROLE_ZH.get(self.role, self.role)

    def locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now

    def state_zh(self, now: dt.datetime) -> str:
        if not self.active:
            return QT_TR_NOOP("已停用")
        if self.locked(now):
            return QT_TR_NOOP("已锁定")
        return QT_TR_NOOP("待改密码") if self.must_change_password else QT_TR_NOOP("正常")

    def factor_zh(self) -> str:
        if self.role not in SECOND_FACTOR_ROLES:
            return "—"
        return QT_TR_NOOP("已绑定") if self.enrolled else QT_TR_NOOP("未绑定")


def temporary_password() -> str:
    """A random temporary password that meets the password rules (letters and digits)."""
    alphabet = string.ascii_letters + string.digits
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(TEMP_PASSWORD_LEN))
        if any(c.isalpha() for c in candidate) and any(c.isdigit() for c in candidate):
            return candidate


def _view(a: TellerAccount) -> AccountView:
    return AccountView(a.username, a.display_name, a.role, a.active, a.locked_until,
                       a.failed_logins, a.must_change_password, a.totp_secret is not None)


class TellerAdmin:
    """The tellers screen's rules for the signed-in ``actor``."""

    def __init__(self, repo: TellerAdminRepository, auth: TellerAuth, actor: str,
                 clock: Callable[[], dt.datetime] = utc_now_naive) -> None:
        self.repo, self.auth, self.actor, self.clock = repo, auth, actor, clock

    # -- who is signed in ------------------------------------------------------------------------
    def actor_role(self) -> str:
        me = self.repo.find(self.actor)
        if me is None or not me.active or me.role not in MANAGERS:
            raise TellerAdminRefused(QT_TR_NOOP("只有主管或系统管理员可以管理柜员账户。"), code="NOT_A_MANAGER")
        if me.role == DUTY_SUPERVISOR and DUTY_SUPERVISOR not in self._authorising_roles():
            raise TellerAdminRefused(QT_TR_NOOP("值班主管只在周末营业时间内管理柜员账户；"
                                                "其他时间请由主管或系统管理员办理。"),
                                     code="DUTY_SUPERVISOR_OFF_DUTY")
        return me.role

    def _authorising_roles(self) -> tuple[str, ...]:
        """Who may act as a supervisor now: the same rule as the authorisation's (the
        opening hours); without one, supervisors and admins only."""
        authorisers = self.auth.authorisers
        return authorisers() if authorisers is not None else SUPERVISOR_ROLES

    def may_manage(self, role: str) -> bool:
        """Whether the signed-in account may add, disable or reset an account of ``role``."""
        return self.actor_role() == "admin" or role == "teller"

    def roles_to_add(self) -> tuple[str, ...]:
        return ROLES if self.actor_role() == "admin" else ("teller",)

    def _target(self, username: str) -> TellerAccount:
        account = self.repo.find(username.strip())
        if account is None:
            raise TellerAdminRefused(zh("没有账户“{username}”，请核对用户名。", username=username.strip()),
                                     code="NO_SUCH_ACCOUNT")
        return account

    def _managed(self, username: str, what: str) -> TellerAccount:
        account = self._target(username)
        if account.username == self.actor:
            raise TellerAdminRefused(zh("不能{what}自己的账户。", what=what), code="NOT_OWN_ACCOUNT")
        if not self.may_manage(account.role):
            raise TellerAdminRefused(zh("主管只能{what}柜员账户；{role}账户请由系统管理员处理。", what=what,
                                        role=ROLE_ZH[account.role]),
                                     code="NOT_YOUR_ROLE")
        return account

    # -- reading ---------------------------------------------------------------------------------
    def accounts(self) -> list[AccountView]:
        self.actor_role()
        return [_view(a) for a in self.repo.list_accounts()]

    # -- changes ---------------------------------------------------------------------------------
    def add(self, username: str, display_name: str, role: str) -> str:
        """A new account; returns its temporary password (shown once, changed at first
        sign-in)."""
        username, display_name = username.strip(), " ".join(display_name.split())
        if not USERNAME.fullmatch(username):
            raise ValidationError("username", QT_TR_NOOP("用户名为3–16位字母或数字，以字母开头，如 T0305。"),
                                  code="USERNAME_FORMAT")
        if not display_name or len(display_name) > MAX_NAME:
            raise ValidationError("display_name", zh("请填写姓名（不超过{max_chars}个字）。", max_chars=MAX_NAME),
                                  code="DISPLAY_NAME")
        if role not in ROLES:
            raise ValidationError("role", QT_TR_NOOP("请选择角色。"), code="ROLE_UNKNOWN")
        if role not in self.roles_to_add():
            raise TellerAdminRefused(QT_TR_NOOP("主管只能添加柜员；主管和系统管理员账户由系统管理员添加。"),
                                     code="NOT_YOUR_ROLE")
        password = temporary_password()
        check_password_rules(password, username)  # the rules every password meets
        if not self.repo.create_account(username, display_name, role, hash_password(password),
                                        actor=self.actor):
            raise ValidationError("username", zh("用户名“{username}”已存在（含已停用的账户），请换一个。",
                                                 username=username),
                                  code="USERNAME_TAKEN")
        return password

    def disable(self, username: str, reason: str) -> AccountView:
        reason = reason.strip()
        if len(reason) < MIN_REASON:
            raise ValidationError("reason", zh("请写明停用原因（至少{min_chars}个字），将记入审计日志。",
                                               min_chars=MIN_REASON),
                                  code="REASON_REQUIRED")
        account = self._managed(username, QT_TR_NOOP("停用"))
        if not account.active:
            raise TellerAdminRefused(QT_TR_NOOP("该账户已停用。"), code="ALREADY_DISABLED")
        self.repo.set_active(account.username, False, actor=self.actor, reason=reason)
        return _view(self._target(account.username))

    def enable(self, username: str) -> AccountView:
        account = self._managed(username, QT_TR_NOOP("启用"))
        if account.active:
            raise TellerAdminRefused(QT_TR_NOOP("该账户正在使用，无需启用。"), code="ALREADY_ACTIVE")
        self.repo.set_active(account.username, True, actor=self.actor, reason="")
        return _view(self._target(account.username))

    def change_role(self, username: str, role: str) -> AccountView:
        """An account's role changed by an admin (a supervisor may not raise or lower anyone's
        authority; nobody changes their own), audited with the old and the new role. It holds
        from the account's next sign-in; a new supervisor binds an authenticator before
        authorising anything."""
        if role not in ROLES:
            raise ValidationError("role", QT_TR_NOOP("请选择角色。"), code="ROLE_UNKNOWN")
        if self.actor_role() != "admin":
            raise TellerAdminRefused(QT_TR_NOOP("只有系统管理员可以更改账户的角色。"), code="NOT_YOUR_ROLE")
        if self._target(username).username == self.actor:
            raise TellerAdminRefused(QT_TR_NOOP("不能更改自己账户的角色，请由另一位系统管理员办理。"),
                                     code="NOT_OWN_ACCOUNT")
        account = self._managed(username, QT_TR_NOOP("更改角色"))
        if account.role == role:
            raise TellerAdminRefused(zh("该账户已经是{role}。", role=ROLE_ZH[role]), code="SAME_ROLE")
        self.repo.set_role(account.username, role, actor=self.actor)
        return _view(self._target(account.username))

    def reset_password(self, username: str) -> str:
        """A temporary password (returned, shown once) that must be changed at next sign-in.
        A lock stays: unlocking needs the supervisor's second factor."""
        account = self._managed(username, QT_TR_NOOP("重置密码"))
        password = temporary_password()
        self.repo.reset_password(account.username, hash_password(password), actor=self.actor)
        return password

    def unlock(self, username: str, approval: SupervisorApproval) -> AccountView:
        """A locked account opened before its time, authorised by a supervisor (password and
        one-time code, counted and audited)."""
        self.actor_role()
        account = self._target(username)
        if not (account.locked_until is not None and account.locked_until > self.clock()):
            raise TellerAdminRefused(QT_TR_NOOP("该账户没有被锁定，无需解锁。"), code="NOT_LOCKED")
        if approval.username.strip() == account.username:
            raise TellerAdminRefused(QT_TR_NOOP("不能为自己的账户授权解锁，请由另一位主管授权。"),
                                     code="NOT_OWN_ACCOUNT")
        supervisor = self.auth.authorise(approval, purpose=f"{PURPOSE_UNLOCK}:{account.username}")
        self.repo.unlock(account.username, actor=self.actor, supervisor=supervisor)
        return _view(self._target(account.username))

    # -- the authenticator -----------------------------------------------------------------------
    def begin_enrolment(self, username: str) -> TotpEnrolment:
        account = self._target(username)
        if account.username != self.actor and self.actor_role() != "admin":
            raise TellerAdminRefused(QT_TR_NOOP("主管只能为本人绑定动态验证码；为他人绑定请由系统管理员操作。"),
                                     code="NOT_YOUR_ROLE")
        if not account.active:
            raise TellerAdminRefused(QT_TR_NOOP("该账户已停用。"), code="ALREADY_DISABLED")
        try:
            return self.auth.begin_enrolment(account.username)
        except LoginRefused as refused:
            raise TellerAdminRefused(refused.message_zh, code=refused.code) from refused

    def confirm_enrolment(self, enrolment: TotpEnrolment, code: str) -> None:
        self.auth.confirm_enrolment(enrolment, code, actor=self.actor)
