"""TellerAuth's rules against an in-memory repository: no database, only the port."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

import pytest
from argon2 import PasswordHasher, Type

from counter_app.domain.errors import ValidationError
from counter_app.workflows.login import (
    DEMO_ACCOUNTS,
    DEMO_TOTP_SECRETS,
    FIRST_ADMIN,
    LoginPolicy,
    LoginRefused,
    TellerAuth,
    TellerRepository,
)
from counter_app.workflows.supervisor import SupervisorApproval, code_at_step, step_at

T0 = dt.datetime(2026, 11, 28, 9, 0)


@dataclasses.dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: str
    password_hash: str | None
    must_change_password: bool = False
    failed_logins: int = 0
    locked_until: dt.datetime | None = None
    active: bool = True
    totp_secret: str | None = None
    totp_last_step: int | None = None


class MemoryTellers:
    """Keeps accounts, sessions and the audit trail in lists; one call is one 'transaction'."""

    def __init__(self) -> None:
        self.accounts: dict[int, Account] = {}
        self.sessions: dict[int, tuple[int, str, str | None]] = {}  # id -> teller, counter, end
        self.events: list[tuple[str, str, dict[str, str | int]]] = []

    def _put(self, account: Account) -> None:
        self.accounts[account.id] = account

    def _log(self, actor: str, action: str, **detail: str | int) -> None:
        self.events.append((actor, action, detail))

    def actions(self) -> list[str]:
        return [a for _actor, a, _d in self.events]

    def create_first_admin(self, username: str, display_name: str) -> bool:
        if self.accounts:
            return False
        self._put(Account(1, username, display_name, "admin", None, must_change_password=True))
        self._log("system", "teller.first_admin_created", username=username)
        return True

    def usernames_without_password(self) -> list[str]:
        return [a.username for a in self.accounts.values() if a.password_hash is None]

    def find(self, username: str) -> Account | None:
        return next((a for a in self.accounts.values() if a.username == username), None)

    def get(self, teller_id: int) -> Account | None:
        return self.accounts.get(teller_id)

    def existing_usernames(self, usernames: list[str]) -> set[str]:
        return {a.username for a in self.accounts.values()} & set(usernames)

    def add_account(self, username: str, display_name: str, role: str, password_hash: str,
                    *, audit_action: str) -> bool:
        if self.find(username) is not None:
            return False
        self._put(Account(len(self.accounts) + 1, username, display_name, role, password_hash))
        self._log("system", audit_action, username=username, role=role)
        return True

    def deactivate_if_password_unset(self, username: str) -> None:
        account = self.find(username)
        if account is not None and account.password_hash is None:
            self._put(dataclasses.replace(account, active=False))

    def set_initial_password(self, username: str, password_hash: str, now: dt.datetime) -> bool:
        account = self.find(username)
        if account is None or account.password_hash is not None:
            return False
        self._put(dataclasses.replace(account, password_hash=password_hash,
                                      must_change_password=False))
        self._log(username, "teller.initial_password_set")
        return True

    def change_password(self, teller_id: int, password_hash: str, now: dt.datetime) -> None:
        account = self.accounts[teller_id]
        self._put(dataclasses.replace(account, password_hash=password_hash, failed_logins=0,
                                      must_change_password=False, locked_until=None))
        self._log(account.username, "teller.password_changed")

    def count_failure(self, teller_id: int, attempt: str) -> int:
        account = self.accounts[teller_id]
        failures = account.failed_logins + 1
        self._put(dataclasses.replace(account, failed_logins=failures))
        self._log(account.username, f"{attempt}.failure", failures=failures)
        return failures

    def lock(self, teller_id: int, until: dt.datetime, minutes: int) -> None:
        account = self.accounts[teller_id]
        self._put(dataclasses.replace(account, locked_until=until, failed_logins=0))
        self._log(account.username, "account.locked", minutes=minutes)

    def password_accepted(self, teller_id: int, audit_action: str, **detail: str | int) -> None:
        account = self.accounts[teller_id]
        self._put(dataclasses.replace(account, failed_logins=0, locked_until=None))
        self._log(account.username, audit_action, **detail)

    def code_accepted(self, teller_id: int, step: int, audit_action: str,
                      **detail: str | int) -> bool:
        account = self.accounts[teller_id]
        if account.totp_last_step is not None and step <= account.totp_last_step:
            return False
        self._put(dataclasses.replace(account, totp_last_step=step, failed_logins=0,
                                      locked_until=None))
        self._log(account.username, audit_action, **detail)
        return True

    def set_totp(self, teller_id: int, secret: str, step: int, actor: str) -> None:
        account = self.accounts[teller_id]
        again = account.totp_secret is not None
        self._put(dataclasses.replace(account, totp_secret=secret, totp_last_step=step))
        self._log(actor, "teller.totp_reenrolled" if again else "teller.totp_enrolled",
                  username=account.username)

    def open_session(self, teller_id: int, counter_id: str) -> int:
        account = self.accounts[teller_id]
        self._put(dataclasses.replace(account, failed_logins=0, locked_until=None))
        session_id = len(self.sessions) + 1
        self.sessions[session_id] = (teller_id, counter_id, None)
        self._log(account.username, "login.success", session=session_id, counter=counter_id)
        return session_id

    def close_session(self, session_id: int, username: str, reason: str) -> None:
        teller_id, counter, _end = self.sessions[session_id]
        self.sessions[session_id] = (teller_id, counter, reason)
        self._log(username, "logout", session=session_id, reason=reason)

    def audit(self, actor: str, action: str, **detail: str | int) -> None:
        self._log(actor, action, **detail)

    def audit_unknown_user(self, typed: str, action: str, **detail: str | int) -> None:
        self._log(f"hash({len(typed)})", action, **detail)  # the store keys a real hash


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


TELLER, _NAME, _ROLE, PASSWORD = DEMO_ACCOUNTS[0]
SUPERVISOR, *_s, SUPERVISOR_PASSWORD = DEMO_ACCOUNTS[1]


def code(username: str, now: dt.datetime, offset: int = 0) -> str:
    """The demo account's one-time code at ``now`` (``offset`` steps away)."""
    return code_at_step(DEMO_TOTP_SECRETS[username], step_at(now) + offset)


@pytest.fixture
def auth(tellers: MemoryTellers, clock: Clock) -> TellerAuth:
    a = TellerAuth(tellers, LoginPolicy(max_failures=3, lockout_minutes=30), "03", clock)
    a.seed_demo_accounts()
    return a


def test_the_fake_satisfies_the_port() -> None:
    repo: TellerRepository = MemoryTellers()  # a type checker verifies the structure
    assert repo.usernames_without_password() == []


def test_sign_in_opens_a_session_and_sign_out_closes_it(auth: TellerAuth,
                                                        tellers: MemoryTellers) -> None:
    who = auth.sign_in(f"  {TELLER} ", PASSWORD)  # the user name is trimmed
    assert (who.username, who.role, who.role_zh) == (TELLER, "teller", "柜员")
    assert tellers.sessions[who.session_id] == (who.teller_id, "03", None)
    auth.sign_out(who, "idle")
    assert tellers.sessions[who.session_id][2] == "idle"
    assert tellers.actions()[-2:] == ["login.success", "logout"]


def test_passwords_are_stored_as_argon2id(auth: TellerAuth, tellers: MemoryTellers) -> None:
    account = tellers.find(TELLER)
    assert account is not None and account.password_hash is not None
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash


def test_empty_fields_are_refused_without_touching_the_accounts(auth: TellerAuth,
                                                                 tellers: MemoryTellers) -> None:
    before = list(tellers.events)
    with pytest.raises(LoginRefused) as info:
        auth.sign_in("   ", PASSWORD)
    assert info.value.code == "LOGIN_EMPTY"
    assert tellers.events == before


def test_lockout_after_max_failures_then_it_expires(auth: TellerAuth, tellers: MemoryTellers,
                                                    clock: Clock) -> None:
    for _ in range(3):
        with pytest.raises(LoginRefused) as info:
            auth.sign_in(TELLER, "wrong-pass1")
        assert info.value.code == "BAD_CREDENTIALS"  # the third locks, and says no more
    assert tellers.accounts[1].locked_until == T0 + dt.timedelta(minutes=30)
    clock.now += dt.timedelta(minutes=29)
    with pytest.raises(LoginRefused) as info:
        auth.sign_in(TELLER, PASSWORD)  # the right password does not open a locked account
    assert info.value.code == "BAD_CREDENTIALS"
    clock.now += dt.timedelta(minutes=2)
    assert auth.sign_in(TELLER, PASSWORD).username == TELLER
    assert tellers.actions().count("login.failure") == 3
    assert "account.locked" in tellers.actions() and "login.refused_locked" in tellers.actions()


def test_a_success_resets_the_failure_count(auth: TellerAuth, tellers: MemoryTellers) -> None:
    """Lockout comes only after max failures counted from the last success."""
    for _ in range(2):
        with pytest.raises(LoginRefused):
            auth.sign_in(TELLER, "wrong-pass1")
    auth.sign_in(TELLER, PASSWORD)
    for _ in range(2):  # counting starts again: two more failures do not lock
        with pytest.raises(LoginRefused):
            auth.sign_in(TELLER, "wrong-pass1")
        assert tellers.accounts[1].locked_until is None
    with pytest.raises(LoginRefused):
        auth.sign_in(TELLER, "wrong-pass1")
    assert tellers.accounts[1].locked_until is not None


def test_unlock_failures_count_toward_the_same_lockout(auth: TellerAuth, tellers: MemoryTellers) -> None:
    who = auth.sign_in(TELLER, PASSWORD)
    with pytest.raises(LoginRefused, match="还可尝试2次"):
        auth.unlock(who, "wrong-pass1")
    with pytest.raises(LoginRefused):
        auth.sign_in(TELLER, "wrong-pass1")
    assert tellers.accounts[1].failed_logins == 2
    auth.unlock(who, PASSWORD)  # a success: the count starts again
    with pytest.raises(LoginRefused, match="还可尝试2次"):
        auth.unlock(who, "wrong-pass1")


def test_unknown_and_inactive_users_look_the_same(auth: TellerAuth, tellers: MemoryTellers) -> None:
    with pytest.raises(LoginRefused) as unknown:
        auth.sign_in("NOBODY", "whatever1")
    tellers.deactivate_if_password_unset(TELLER)  # has a password: stays active
    assert tellers.accounts[1].active
    tellers._put(dataclasses.replace(tellers.accounts[1], active=False))
    with pytest.raises(LoginRefused) as inactive:
        auth.sign_in(TELLER, PASSWORD)
    assert unknown.value.code == inactive.value.code == "BAD_CREDENTIALS"
    assert str(unknown.value.message_zh) == str(inactive.value.message_zh)
    assert tellers.events[-1] == ("hash(5)", "login.failure", {"reason": "unknown_user"})


def test_first_run_admin_sets_its_password_once(tellers: MemoryTellers, clock: Clock) -> None:
    auth = TellerAuth(tellers, LoginPolicy(5, 30), "01", clock)
    assert auth.ensure_first_admin() is True
    assert auth.ensure_first_admin() is False
    assert auth.accounts_without_password() == [FIRST_ADMIN]
    with pytest.raises(LoginRefused) as info:
        auth.sign_in(FIRST_ADMIN, "anything1")
    assert info.value.code == "PASSWORD_NOT_SET"
    with pytest.raises(ValidationError):
        auth.set_initial_password(FIRST_ADMIN, "admin2026x")  # contains the user name
    auth.set_initial_password(FIRST_ADMIN, "Counter2026")
    with pytest.raises(LoginRefused) as info:
        auth.set_initial_password(FIRST_ADMIN, "Another2026")
    assert info.value.code == "PASSWORD_ALREADY_SET"
    assert auth.sign_in(FIRST_ADMIN, "Counter2026").role == "admin"


def test_demo_seeding_is_idempotent_and_retires_the_first_admin(tellers: MemoryTellers,
                                                                 clock: Clock) -> None:
    auth = TellerAuth(tellers, LoginPolicy(5, 30), "01", clock)
    auth.ensure_first_admin()
    auth.seed_demo_accounts()
    auth.seed_demo_accounts()
    assert sorted(a.username for a in tellers.accounts.values()) == sorted(
        [FIRST_ADMIN, *(d[0] for d in DEMO_ACCOUNTS)])
    assert tellers.actions().count("teller.demo_account_created") == len(DEMO_ACCOUNTS)
    assert tellers.accounts[1].username == FIRST_ADMIN and tellers.accounts[1].active is False


def test_password_change_checks_the_old_one_and_the_rules(auth: TellerAuth) -> None:
    who = auth.sign_in(TELLER, PASSWORD)
    with pytest.raises(ValidationError) as rule:
        auth.change_password(who, PASSWORD, PASSWORD)
    assert rule.value.code == "PASSWORD_REUSED"
    with pytest.raises(LoginRefused, match="还可尝试2次"):
        auth.change_password(who, "not-it-123", "NewPass2027")
    auth.change_password(who, PASSWORD, "NewPass2027")
    with pytest.raises(LoginRefused):
        auth.sign_in(TELLER, PASSWORD)
    assert auth.sign_in(TELLER, "NewPass2027").username == TELLER


def test_authorise_needs_a_supervisor(auth: TellerAuth, tellers: MemoryTellers) -> None:
    with pytest.raises(LoginRefused) as info:
        auth.authorise(SupervisorApproval(TELLER, PASSWORD), purpose="dead_letter_retry:7")
    assert info.value.code == "NOT_AUTHORISED"
    assert tellers.events[-1] == (TELLER, "authorise.refused_role",
                                  {"purpose": "dead_letter_retry:7", "role": "teller"})
    assert auth.authorise(SupervisorApproval(f" {SUPERVISOR}", SUPERVISOR_PASSWORD,
                                             code(SUPERVISOR, T0)),
                          purpose="dead_letter_retry:7") == SUPERVISOR
    assert tellers.events[-1][1] == "authorise.granted"
    assert not tellers.sessions  # authorising opens no session


def test_no_password_reaches_the_repository_in_clear(auth: TellerAuth,
                                                     tellers: MemoryTellers) -> None:
    with pytest.raises(LoginRefused):
        auth.sign_in(TELLER, "Canary-Secret-42")
    with pytest.raises(LoginRefused):
        auth.sign_in("NOBODY", "Canary-Secret-43")
    assert "Canary-Secret" not in repr(tellers.events) + repr(tellers.accounts)


def test_unknown_wrong_and_locked_get_one_answer(auth: TellerAuth, tellers: MemoryTellers,
                                                 clock: Clock) -> None:
    """A user name typed at the counter: nothing in the answer says whether it exists."""
    answers = []
    for user, password in (("NOBODY", "wrong-pass1"), (TELLER, "wrong-pass1")):
        with pytest.raises(LoginRefused) as info:
            auth.sign_in(user, password)
        answers.append((info.value.code, info.value.message_zh))
    for _ in range(2):
        with pytest.raises(LoginRefused):
            auth.sign_in(TELLER, "wrong-pass1")
    assert tellers.accounts[1].locked_until is not None
    for password in ("wrong-pass1", PASSWORD):
        with pytest.raises(LoginRefused) as info:
            auth.sign_in(TELLER, password)
        answers.append((info.value.code, info.value.message_zh))
    assert len(set(answers)) == 1, answers
    assert "还可尝试" not in answers[0][1] and "用户名或密码不正确" in answers[0][1]
    # an authorisation (password and one-time code) has its own single answer
    authorising = set()
    for user, password, otp in (("NOBODY", "wrong-pass1", ""),
                                (SUPERVISOR, "wrong-pass1", code(SUPERVISOR, T0)),
                                (SUPERVISOR, SUPERVISOR_PASSWORD, "000000"),
                                (TELLER, PASSWORD, "")):  # the locked teller
        with pytest.raises(LoginRefused) as info:
            auth.authorise(SupervisorApproval(user, password, otp), purpose="x")
        authorising.add((info.value.code, info.value.message_zh))
    assert authorising == {("BAD_CREDENTIALS", "用户名、密码或动态验证码不正确。连续输错3次账户将锁定"
                            "30分钟；账户已锁定时请稍后再试，或请主管/管理员解锁。")}


def test_a_locked_account_does_the_same_argon2_work_as_a_wrong_password(
        auth: TellerAuth, tellers: MemoryTellers, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same argon2 work for unknown, wrong and locked: no timing oracle. Counted, not
    timed: each answer verifies exactly one hash made with the same parameters (a timed
    version of this check was noise on a loaded machine with the tests' fast hasher)."""
    from counter_app.workflows import login

    verified: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
            verified.append(str(hash).rsplit("$", 2)[0])  # "$argon2id$v=19$m=…,t=…,p=…"
            return super().verify(hash, password)

    fast = login._hasher
    monkeypatch.setattr(login, "_hasher", Counting(time_cost=fast.time_cost, memory_cost=fast.memory_cost,
                                                   parallelism=fast.parallelism))
    tellers._put(dataclasses.replace(tellers.accounts[2], locked_until=T0 + dt.timedelta(days=1)))
    work: dict[str, list[str]] = {}
    for label, user in (("wrong", TELLER), ("unknown", "NOBODY"),
                        ("locked", tellers.accounts[2].username)):
        verified.clear()
        with pytest.raises(LoginRefused) as refused:
            auth.sign_in(user, "wrong-pass1")
        work[label] = list(verified)
        assert refused.value.code == "BAD_CREDENTIALS"  # one answer for the three
    assert len(work["wrong"]) == 1, work
    assert work["unknown"] == work["wrong"] and work["locked"] == work["wrong"], work


def test_the_production_hasher_keeps_the_library_parameters(production_hasher: PasswordHasher) -> None:
    """The unit tests hash at the lowest cost (tests/unit/conftest.py); the program itself
    uses argon2id with the library's recommended parameters."""
    defaults = PasswordHasher()
    used = production_hasher
    assert (used.time_cost, used.memory_cost, used.parallelism, used.type) == (
        defaults.time_cost, defaults.memory_cost, defaults.parallelism, Type.ID)
    assert used.hash("Teller@2026").startswith(
        f"$argon2id$v=19$m={defaults.memory_cost},t={defaults.time_cost},p={defaults.parallelism}$")
