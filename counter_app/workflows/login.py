"""Signing tellers in and out: argon2id passwords, lockout, first-run admin, idle unlock.

Every sign-in, failure, lockout, password change and sign-out is written to the audit log
in the same transaction as the change it describes.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from counter_app.domain.errors import CounterError, ValidationError
from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import Teller, utcnow
from counter_app.store.tellers import (
    add_teller,
    close_teller_session,
    locked,
    open_teller_session,
    teller_by_username,
    teller_count,
)

ROLES = ("teller", "supervisor", "admin")
ROLE_ZH = {"teller": "柜员", "supervisor": "主管", "admin": "系统管理员"}
FIRST_ADMIN = "admin"

# Demo accounts exist only in demo mode; the passwords are printed on the login window.
DEMO_ACCOUNTS = (
    ("T0301", "演示柜员 王芳", "teller", "Teller@2026"),
    ("S0301", "演示主管 陈刚", "supervisor", "Super@2026"),
    ("A0301", "演示管理员", "admin", "Admin@2026"),
)

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown users (same work, no user-name oracle)."""
    return _hasher.hash("timing-equaliser-not-a-password")


class LoginRefused(CounterError):
    code = "LOGIN_REFUSED"


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
        raise ValidationError("password", "密码至少需要8位。", code="PASSWORD_SHORT")
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        raise ValidationError("password", "密码必须同时包含字母和数字。", code="PASSWORD_WEAK")
    if username.lower() in password.lower():
        raise ValidationError("password", "密码不能包含用户名。", code="PASSWORD_HAS_USERNAME")


class TellerAuth:
    def __init__(
        self,
        store: Store,
        policy: LoginPolicy,
        counter_id: str,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.store = store
        self.policy = policy
        self.counter_id = counter_id
        self.clock = clock

    # -- first run and demo ------------------------------------------------------------

    def ensure_first_admin(self) -> bool:
        """Create the first admin (no password yet) on an empty database. True if created."""
        with self.store.write() as s:
            if teller_count(s) > 0:
                return False
            add_teller(s, FIRST_ADMIN, "系统管理员", "admin", None, must_change_password=True)
            append_audit(s, self.store.cipher, "system", "teller.first_admin_created",
                         username=FIRST_ADMIN)
            return True

    def accounts_without_password(self) -> list[str]:
        with self.store.read() as s:
            return [t.username for t in s.query(Teller).filter(Teller.password_hash.is_(None))]

    def set_initial_password(self, username: str, password: str) -> None:
        """The first admin sets its own password before anything else can happen."""
        check_password_rules(password, username)
        with self.store.write(durable=True) as s:
            teller = teller_by_username(s, username)
            if teller is None or teller.password_hash is not None:
                raise LoginRefused("该账户已设置过密码，请直接登录。", code="PASSWORD_ALREADY_SET")
            teller.password_hash = _hasher.hash(password)
            teller.must_change_password = False
            teller.password_changed_at = self.clock()
            append_audit(s, self.store.cipher, username, "teller.initial_password_set")

    def seed_demo_accounts(self) -> None:
        with self.store.write() as s:
            for username, name, role, password in DEMO_ACCOUNTS:
                if teller_by_username(s, username) is None:
                    add_teller(s, username, name, role, _hasher.hash(password),
                               must_change_password=False)
                    append_audit(s, self.store.cipher, "system", "teller.demo_account_created",
                                 username=username, role=role)
            admin = teller_by_username(s, FIRST_ADMIN)
            if admin is not None and admin.password_hash is None:
                admin.active = False  # demo: the demo admin replaces the first-run admin

    # -- signing in and out ------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> SignedIn:
        username = username.strip()
        if not username or not password:
            raise LoginRefused("请输入用户名和密码。", code="LOGIN_EMPTY")
        with self.store.write(durable=True) as s:
            teller = teller_by_username(s, username)
            self._check_password(s, teller, username, password, action="login")
            assert teller is not None
            record = open_teller_session(s, teller.id, self.counter_id)
            append_audit(s, self.store.cipher, username, "login.success",
                         session=record.id, counter=self.counter_id)
            return SignedIn(teller.id, teller.username, teller.display_name, teller.role,
                            record.id, teller.must_change_password)
        raise AssertionError("unreachable")  # pragma: no cover - the with block returns

    def unlock(self, signed_in: SignedIn, password: str) -> None:
        """Idle unlock: the same teller's password; failures count toward the lockout."""
        with self.store.write(durable=True) as s:
            teller = s.get(Teller, signed_in.teller_id)
            self._check_password(s, teller, signed_in.username, password, action="unlock")
            append_audit(s, self.store.cipher, signed_in.username, "unlock.success",
                         session=signed_in.session_id)

    def change_password(self, signed_in: SignedIn, old: str, new: str) -> None:
        check_password_rules(new, signed_in.username)
        if old == new:
            raise ValidationError("password", "新密码不能与原密码相同。", code="PASSWORD_REUSED")
        with self.store.write(durable=True) as s:
            teller = s.get(Teller, signed_in.teller_id)
            self._check_password(s, teller, signed_in.username, old, action="password_change")
            assert teller is not None
            teller.password_hash = _hasher.hash(new)
            teller.must_change_password = False
            teller.password_changed_at = self.clock()
            append_audit(s, self.store.cipher, signed_in.username, "teller.password_changed")

    def authorise(self, username: str, password: str, *, purpose: str,
                  roles: tuple[str, ...] = ("supervisor", "admin")) -> str:
        """A supervisor's password for one sensitive action (no session is opened).

        Failures count toward the supervisor's lockout like a login; the decision is audited
        with its purpose. Returns the authorising user name.
        """
        with self.store.write(durable=True) as s:
            teller = teller_by_username(s, username.strip())
            self._check_password(s, teller, username.strip(), password, action="authorise")
            assert teller is not None
            if teller.role not in roles:
                append_audit(s, self.store.cipher, teller.username, "authorise.refused_role",
                             purpose=purpose, role=teller.role)
                s.commit()
                raise LoginRefused(f"“{ROLE_ZH[teller.role]}”无权授权此操作，请由主管授权。",
                                   code="NOT_AUTHORISED")
            append_audit(s, self.store.cipher, teller.username, "authorise.granted", purpose=purpose)
            return teller.username
        raise AssertionError("unreachable")  # pragma: no cover

    def sign_out(self, signed_in: SignedIn, reason: str = "logout") -> None:
        with self.store.write() as s:
            close_teller_session(s, signed_in.session_id, reason)
            append_audit(s, self.store.cipher, signed_in.username, "logout",
                         session=signed_in.session_id, reason=reason)

    # -- the one place a password is checked ---------------------------------------------

    def _check_password(self, s, teller: Teller | None, username: str, password: str,  # type: ignore[no-untyped-def]
                        *, action: str) -> None:
        now = self.clock()
        cipher = self.store.cipher
        if teller is None or not teller.active:
            _verify(_dummy_hash(), password)  # same work as a real check: no user-name oracle
            append_audit(s, cipher, username[:32], f"{action}.failure", reason="unknown_user")
            s.commit()
            raise LoginRefused("用户名或密码不正确。", code="BAD_CREDENTIALS")
        if teller.password_hash is None:
            raise LoginRefused("该账户尚未设置密码，请先设置密码。", code="PASSWORD_NOT_SET")
        if locked(teller, now):
            assert teller.locked_until is not None
            minutes = max(1, int((teller.locked_until - now).total_seconds() // 60) + 1)
            append_audit(s, cipher, username, f"{action}.refused_locked")
            s.commit()
            raise LoginRefused(
                f"账户已锁定，请约{minutes}分钟后再试，或请主管/管理员解锁。", code="ACCOUNT_LOCKED"
            )
        if _verify(teller.password_hash, password):
            teller.failed_logins = 0
            teller.locked_until = None
            return
        teller.failed_logins += 1
        left = self.policy.max_failures - teller.failed_logins
        append_audit(s, cipher, username, f"{action}.failure", failures=teller.failed_logins)
        if left <= 0:
            teller.locked_until = now + dt.timedelta(minutes=self.policy.lockout_minutes)
            teller.failed_logins = 0
            append_audit(s, cipher, username, "account.locked",
                         minutes=self.policy.lockout_minutes)
            s.commit()
            raise LoginRefused(
                f"密码连续错误{self.policy.max_failures}次，账户已锁定"
                f"{self.policy.lockout_minutes}分钟。如需立即解锁，请联系主管或管理员。",
                code="ACCOUNT_LOCKED",
            )
        s.commit()
        raise LoginRefused(f"用户名或密码不正确，还可尝试{left}次。", code="BAD_CREDENTIALS")


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
