"""Signing tellers in and out: argon2id passwords, lockout, first-run admin, idle unlock.

The rules live here; the accounts, sessions and audit entries live behind
:class:`TellerRepository` (the store's ``SqlTellerRepository``). Each repository call is
one transaction that writes its audit entry together with the change it describes, so
every sign-in, failure, lockout, password change and sign-out is audited.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.supervisor import (
    RemoteVerifier,
    SupervisorApproval,
    TotpEnrolment,
    matching_step,
    new_secret,
    provisioning_uri,
)

ROLES = ("teller", "supervisor", "admin", "duty_supervisor")
ROLE_ZH = {"teller": QT_TR_NOOP("柜员"), "supervisor": QT_TR_NOOP("主管"), "admin": QT_TR_NOOP("系统管理员"),
           "duty_supervisor": QT_TR_NOOP("值班主管")}  # names shown to the teller (ui: tr())
FIRST_ADMIN = "admin"
#: the roles that may hold an authenticator (whoever may ever authorise a sensitive act)
SECOND_FACTOR_ROLES = ("supervisor", "admin", "duty_supervisor")

# Demo accounts exist only in demo mode against a loopback central (the profile refuses
# `demo = true` with any other central); only then are the passwords shown on the login window.
DEMO_ACCOUNTS = (
    ("T0301", QT_TR_NOOP("演示柜员 王芳"), "teller", "Teller@2026"),
    ("S0301", QT_TR_NOOP("演示主管 陈刚"), "supervisor", "Super@2026"),
    ("A0301", QT_TR_NOOP("演示管理员"), "admin", "Admin@2026"),
)

# Demo only (docs/supervision.md): the authenticator secrets the demo supervisor and admin are
# enrolled with, so a demo user can add them to an authenticator app (or compute the code with
# pyotp) and the tour can authorise. A real account enrols with a random secret.
DEMO_TOTP_SECRETS = {
    "S0301": "NINGBODEMOSUPERVISORTOTPKEYAAAAA",
    "A0301": "NINGBODEMOADMINTOTPKEYBBBBBBBBBB",
}

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    """The argon2id hash a password is stored as (new accounts, temporary passwords)."""
    return _hasher.hash(password)


def utc_now_naive() -> dt.datetime:
    """The store keeps naive UTC; lockout times are compared in the same terms."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown users (same work, no user-name oracle)."""
    return _hasher.hash("timing-equaliser-not-a-password")


# -- the port --------------------------------------------------------------------------------

class TellerAccount(Protocol):
    """A teller account as sign-in sees it (the store's ``TellerRecord`` has these fields)."""

    @property
    def id(self) -> int: ...
    @property
    def username(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def password_hash(self) -> str | None: ...  # None: the password must be set first
    @property
    def must_change_password(self) -> bool: ...
    @property
    def failed_logins(self) -> int: ...
    @property
    def locked_until(self) -> dt.datetime | None: ...
    @property
    def active(self) -> bool: ...
    @property
    def totp_secret(self) -> str | None: ...  # None: no authenticator enrolled
    @property
    def totp_last_step(self) -> int | None: ...  # the last time step a code was accepted for


class TellerRepository(Protocol):
    """Teller accounts, sessions and their audit entries; each call is one transaction.

    ``attempt`` names what a password was given for: ``login``, ``unlock``,
    ``password_change`` or ``authorise``; audit actions are derived from it.
    """

    def create_first_admin(self, username: str, display_name: str) -> bool:
        """Add a password-less admin if there is no account at all; True if added."""
        ...

    def usernames_without_password(self) -> list[str]: ...
    def find(self, username: str) -> TellerAccount | None: ...
    def get(self, teller_id: int) -> TellerAccount | None: ...

    def existing_usernames(self, usernames: list[str]) -> set[str]: ...

    def add_account(self, username: str, display_name: str, role: str, password_hash: str,
                    *, audit_action: str) -> bool:
        """Add an account with a password unless the user name exists; True if added."""
        ...

    def deactivate_if_password_unset(self, username: str) -> None: ...

    def set_initial_password(self, username: str, password_hash: str,
                             now: dt.datetime) -> bool:
        """Set the password of an account that has none; False if unknown or already set."""
        ...

    def change_password(self, teller_id: int, password_hash: str, now: dt.datetime) -> None:
        """Replace the password (clears must-change and the failure count)."""
        ...

    def count_failure(self, teller_id: int, attempt: str) -> int:
        """Add one failed attempt (audited); returns the failures since the last success."""
        ...

    def lock(self, teller_id: int, until: dt.datetime, minutes: int) -> None:
        """Lock the account until ``until`` and start counting failures afresh (audited)."""
        ...

    def password_accepted(self, teller_id: int, audit_action: str,
                          **detail: str | int) -> None:
        """A correct password: reset the failure count, audit ``audit_action``."""
        ...

    def code_accepted(self, teller_id: int, step: int, audit_action: str,
                      **detail: str | int) -> bool:
        """A correct password and one-time code: record ``step`` as the last one accepted
        unless a code of that step or a later one was accepted meanwhile (then False, nothing
        changed); reset the failure count; audit ``audit_action``."""
        ...

    def set_totp(self, teller_id: int, secret: str, step: int, actor: str) -> None:
        """Store (or replace) the account's authenticator secret, its confirming code's step
        counting as used; audited as done by ``actor``."""
        ...

    def open_session(self, teller_id: int, counter_id: str) -> int:
        """A sign-in: reset the failure count, open a session, audit it; the session id."""
        ...

    def close_session(self, session_id: int, username: str, reason: str) -> None: ...

    def audit(self, actor: str, action: str, **detail: str | int) -> None:
        """An event with no change of its own (refusals)."""
        ...

    def audit_unknown_user(self, typed: str, action: str, **detail: str | int) -> None:
        """A refusal for a user name that is no active account. ``typed`` is what was typed
        (perhaps a password in the wrong box): it is recorded as a keyed hash, never in clear."""
        ...


# -- the rules -------------------------------------------------------------------------------

class LoginRefused(CounterError):
    code = "LOGIN_REFUSED"


def temporary_password_kept() -> LoginRefused:
    """Signing in with a temporary password and not replacing it: signed out again."""
    return LoginRefused(QT_TR_NOOP("须先设置本人的新密码才能开始办理业务，已签退。请重新登录并设置新密码。"),
                        code="TEMPORARY_PASSWORD_KEPT")


@dataclass(frozen=True)
class LoginPolicy:
    max_failures: int
    lockout_minutes: int


@dataclass(frozen=True)
class SignedIn:
    teller_id: int
    username: str
    display_name: str
    role: str
    session_id: int
    must_change_password: bool

    @property
    def role_zh(self) -> str:
        return ROLE_ZH[self.role]


def check_password_rules(password: str, username: str) -> None:
    """Password rules (等保 level 3): length, letters and digits, not the user name."""
    if len(password) < 8:
        raise ValidationError("password", QT_TR_NOOP("密码至少需要8位。"), code="PASSWORD_SHORT")
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        raise ValidationError("password", QT_TR_NOOP("密码必须同时包含字母和数字。"), code="PASSWORD_WEAK")
    if username.lower() in password.lower():
        raise ValidationError("password", QT_TR_NOOP("密码不能包含用户名。"), code="PASSWORD_HAS_USERNAME")


class TellerAuth:
    def __init__(
        self,
        tellers: TellerRepository,
        policy: LoginPolicy,
        counter_id: str,
        clock: Callable[[], dt.datetime] = utc_now_naive,
        *,
        second_factor: bool = True,
        branch_code: str = "",
        authorisers: Callable[[], tuple[str, ...]] | None = None,
    ) -> None:
        self.tellers = tellers
        self.policy = policy
        self.counter_id = counter_id
        self.clock = clock
        #: the profile's security.supervisor_second_factor: a sensitive act needs the
        #: supervisor's one-time code as well as the password
        self.second_factor = second_factor
        self.branch_code = branch_code
        #: the roles that may authorise now (domain.opening_hours.authorising_roles over the
        #: profile's hours and the clock: the weekend duty supervisor at weekends)
        self.authorisers = authorisers
        #: remote approvals through the central (workflows.remote_approval), wired by the
        #: composition root; None: only an authorisation typed at this counter is possible
        self.remote: RemoteVerifier | None = None

    # -- first run and demo ------------------------------------------------------------

    def ensure_first_admin(self) -> bool:
        """Create the first admin (no password yet) on an empty database. True if created."""
        return self.tellers.create_first_admin(FIRST_ADMIN, QT_TR_NOOP("系统管理员"))

    def accounts_without_password(self) -> list[str]:
        return self.tellers.usernames_without_password()

    def set_initial_password(self, username: str, password: str) -> None:
        """The first admin sets its own password before anything else can happen."""
        check_password_rules(password, username)
        if not self.tellers.set_initial_password(username, _hasher.hash(password), self.clock()):
            raise LoginRefused(QT_TR_NOOP("该账户已设置过密码，请直接登录。"), code="PASSWORD_ALREADY_SET")

    def seed_demo_accounts(self) -> None:
        present = self.tellers.existing_usernames([a[0] for a in DEMO_ACCOUNTS])
        for username, name, role, password in DEMO_ACCOUNTS:
            if username not in present:  # hash only what is missing: start-up stays quick
                self.tellers.add_account(username, name, role, _hasher.hash(password),
                                         audit_action="teller.demo_account_created")
        for username, secret in DEMO_TOTP_SECRETS.items():
            account = self.tellers.find(username)
            if account is not None and account.totp_secret is None:
                self.tellers.set_totp(account.id, secret, 0, "system")
        # demo: the demo admin replaces the first-run admin
        self.tellers.deactivate_if_password_unset(FIRST_ADMIN)

    # -- signing in and out ------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> SignedIn:
        username = username.strip()
        if not username or not password:
            raise LoginRefused(QT_TR_NOOP("请输入用户名和密码。"), code="LOGIN_EMPTY")
        teller = self._check_password(self.tellers.find(username), username, password,
                                      attempt="login")
        session_id = self.tellers.open_session(teller.id, self.counter_id)
        return SignedIn(teller.id, teller.username, teller.display_name, teller.role,
                        session_id, teller.must_change_password)

    def unlock(self, signed_in: SignedIn, password: str) -> None:
        """Idle unlock: the same teller's password; failures count toward the lockout."""
        teller = self._check_password(self.tellers.get(signed_in.teller_id), signed_in.username,
                                      password, attempt="unlock")
        self.tellers.password_accepted(teller.id, "unlock.success", session=signed_in.session_id)

    def change_password(self, signed_in: SignedIn, old: str, new: str) -> None:
        check_password_rules(new, signed_in.username)
        if old == new:
            raise ValidationError("password", QT_TR_NOOP("新密码不能与原密码相同。"), code="PASSWORD_REUSED")
        teller = self._check_password(self.tellers.get(signed_in.teller_id), signed_in.username,
                                      old, attempt="password_change")
        self.tellers.change_password(teller.id, _hasher.hash(new), self.clock())

    def authorise(self, approval: SupervisorApproval, *, purpose: str,
                  roles: tuple[str, ...] | None = None) -> str:
        """The one check of a supervisor's authorisation of one sensitive act (no session is
        opened): password, role, then the one-time code when the profile requires it.

        Wrong passwords and wrong or replayed codes count toward the supervisor's lockout like
        a login; the decision is audited with its purpose. Returns the authorising user name.

        An approval given at another counter (``approval.remote_request_id``) was checked there
        (password, role and code, on the supervisor's own account); here it is consumed at the
        central, once and for ``purpose`` only, and audited with who gave it from where.
        """
        if approval.remote_request_id:
            return self._authorise_remote(approval.remote_request_id, purpose)
        username = approval.username.strip()
        teller = self._check_password(self.tellers.find(username), username, approval.password,
                                      attempt="authorise")
        if roles is None:
            roles = self.authorisers() if self.authorisers is not None else ("supervisor", "admin")
        if teller.role not in roles:
            self.tellers.password_accepted(teller.id, "authorise.refused_role",
                                           purpose=purpose, role=teller.role)
            raise LoginRefused(zh("“{role}”无权授权此操作，请由主管授权。", role=ROLE_ZH[teller.role]),
                               code="NOT_AUTHORISED")
        if not self.second_factor:
            self.tellers.password_accepted(teller.id, "authorise.granted", purpose=purpose)
            return teller.username
        step = self._check_code(teller, approval.normalised_otp(), purpose)
        if not self.tellers.code_accepted(teller.id, step, "authorise.granted",
                                          purpose=purpose, factor="totp"):
            raise self._replayed(teller, purpose)  # the same code used at once elsewhere
        return teller.username

    def _authorise_remote(self, request_id: str, purpose: str) -> str:
        if self.remote is None:
            raise LoginRefused(QT_TR_NOOP("本柜台不能使用远程授权，请主管到本柜台当面授权。"),
                               code="REMOTE_APPROVAL_UNAVAILABLE")
        try:
            grant = self.remote.consume(request_id, purpose)
        except CounterError as refused:
            self.tellers.audit("system", "authorise.remote_refused", purpose=purpose,
                               request=request_id, code=refused.code)
            raise
        self.tellers.audit(grant.supervisor, "authorise.granted_remote", purpose=purpose,
                           request=request_id, counter=grant.counter_id,
                           note=f"authorised remotely by {grant.supervisor} at counter "
                                f"{grant.counter_id}")
        return grant.supervisor

    # -- the authenticator (second factor) -------------------------------------------------

    def is_enrolled(self, username: str) -> bool:
        teller = self.tellers.find(username.strip())
        return teller is not None and teller.totp_secret is not None

    def begin_enrolment(self, username: str) -> TotpEnrolment:
        """A new secret for ``username``'s authenticator app, shown as a QR; nothing is stored
        until :meth:`confirm_enrolment` checks the first code the app shows."""
        teller = self.tellers.find(username.strip())
        if teller is None or not teller.active:
            raise LoginRefused(QT_TR_NOOP("没有这个在用的账户。"), code="NO_SUCH_ACCOUNT")
        if teller.role not in SECOND_FACTOR_ROLES:
            raise LoginRefused(QT_TR_NOOP("只有主管、值班主管和系统管理员需要绑定动态验证码。"),
                               code="NOT_AUTHORISER")
        secret = new_secret()
        return TotpEnrolment(teller.username, secret,
                             provisioning_uri(secret, teller.username, self.branch_code))

    def confirm_enrolment(self, enrolment: TotpEnrolment, code: str, *, actor: str) -> None:
        """Store the secret once the app's first code matches (that code counts as used)."""
        teller = self.tellers.find(enrolment.username)
        if teller is None or not teller.active:
            raise LoginRefused(QT_TR_NOOP("没有这个在用的账户。"), code="NO_SUCH_ACCOUNT")
        step = matching_step(enrolment.secret, code, self.clock())
        if step is None:
            raise ValidationError("otp", QT_TR_NOOP(
                "验证码与二维码不符：请确认已扫描本次显示的二维码、手机时间准确，"
                "再输入验证器显示的6位数字。"), code="OTP_ENROL_MISMATCH")
        self.tellers.set_totp(teller.id, enrolment.secret, step, actor)

    def not_enrolled_message(self, username: str) -> str:
        return zh("主管“{username}”尚未绑定动态验证码，不能授权。请主管登录后在“柜员与角色”中"
                  "选中本人账户，点“绑定动态验证码”，用手机身份验证器扫码绑定；或请系统管理员为其绑定。",
                  username=username)

    def _check_code(self, teller: TellerAccount, code: str, purpose: str) -> int:
        """The time step of a correct, unused code; else the refusal, counted and audited."""
        if teller.totp_secret is None:
            self.tellers.audit(teller.username, "authorise.refused_not_enrolled", purpose=purpose)
            raise LoginRefused(self.not_enrolled_message(teller.username), code="OTP_NOT_ENROLLED")
        now = self.clock()
        step = matching_step(teller.totp_secret, code, now)
        if step is None:
            self._count_failure(teller, "authorise_code", now, typed=True)
            raise self.bad_credentials(with_code=True)
        if teller.totp_last_step is not None and step <= teller.totp_last_step:
            raise self._replayed(teller, purpose)
        return step

    def _replayed(self, teller: TellerAccount, purpose: str) -> LoginRefused:
        self.tellers.audit(teller.username, "authorise.code_replayed", purpose=purpose)
        self._count_failure(teller, "authorise_code", self.clock(), typed=True)
        return LoginRefused(QT_TR_NOOP("该动态验证码已经使用过（每个验证码只能用一次）。"
                                       "请等验证器显示新的验证码后再输入。"), code="OTP_REPLAYED")

    def sign_out(self, signed_in: SignedIn, reason: str = "logout") -> None:
        self.tellers.close_session(signed_in.session_id, signed_in.username, reason)

    # -- the one place a password is checked ---------------------------------------------

    def bad_credentials(self, *, with_code: bool = False) -> LoginRefused:
        """The one answer to a user name typed at the counter that fails for any reason
        (unknown, wrong password or code, locked): telling them apart would say which accounts
        exist or which of the secrets was right."""
        p = self.policy
        what = QT_TR_NOOP("用户名、密码或动态验证码") if with_code else QT_TR_NOOP("用户名或密码")
        return LoginRefused(
            zh("{what}不正确。连续输错{max_failures}次账户将锁定{lockout_minutes}分钟；"
               "账户已锁定时请稍后再试，或请主管/管理员解锁。", what=what,
               max_failures=p.max_failures, lockout_minutes=p.lockout_minutes),
            code="BAD_CREDENTIALS")

    def _check_password(self, teller: TellerAccount | None, username: str, password: str,
                        *, attempt: str) -> TellerAccount:
        """The account if ``password`` is its password; else the refusal, counted and audited.

        The caller records the success (it knows what the success is for). A user name typed
        at the counter (``login``, ``authorise``) gets the same answer after the same argon2
        work whether it is unknown, wrong or locked; the signed-in teller (``unlock``,
        ``password_change``) is told the count and the lock, which reveal nothing new.
        """
        now = self.clock()
        typed = attempt in ("login", "authorise")
        answer = self.bad_credentials(with_code=attempt == "authorise" and self.second_factor)
        if teller is None or not teller.active:
            _verify(_dummy_hash(), password)  # same work as a real check: no user-name oracle
            self.tellers.audit_unknown_user(username, f"{attempt}.failure", reason="unknown_user")
            raise answer
        if teller.password_hash is None:
            raise LoginRefused(QT_TR_NOOP("该账户尚未设置密码，请先设置密码。"), code="PASSWORD_NOT_SET")
        if teller.locked_until is not None and teller.locked_until > now:
            _verify(teller.password_hash, password)  # the same work: no timing oracle for a lock
            self.tellers.audit(teller.username, f"{attempt}.refused_locked")
            if typed:
                raise answer
            minutes = max(1, int((teller.locked_until - now).total_seconds() // 60) + 1)
            raise LoginRefused(
                zh("账户已锁定，请约{minutes}分钟后再试，或请主管/管理员解锁。", minutes=minutes),
                code="ACCOUNT_LOCKED")
        if _verify(teller.password_hash, password):
            return teller
        left = self._count_failure(teller, attempt, now, typed=typed)
        if typed:
            raise answer
        raise LoginRefused(zh("密码不正确，还可尝试{left}次。", left=left), code="BAD_CREDENTIALS")

    def _count_failure(self, teller: TellerAccount, attempt: str, now: dt.datetime, *,
                       typed: bool) -> int:
        """Count one failed attempt (a password or a one-time code); lock the account at the
        policy's limit (and raise). Returns the attempts left."""
        failures = self.tellers.count_failure(teller.id, attempt)
        left = self.policy.max_failures - failures
        if left <= 0:
            self.tellers.lock(teller.id, now + dt.timedelta(minutes=self.policy.lockout_minutes),
                              self.policy.lockout_minutes)
            if typed:
                raise self.bad_credentials(with_code=attempt.startswith("authorise")
                                           and self.second_factor)
            raise LoginRefused(
                zh("密码连续错误{max_failures}次，账户已锁定{lockout_minutes}分钟。"
                   "如需立即解锁，请联系主管或管理员。", max_failures=self.policy.max_failures,
                   lockout_minutes=self.policy.lockout_minutes),
                code="ACCOUNT_LOCKED",
            )
        return left


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
