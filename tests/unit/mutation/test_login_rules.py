"""Sign-in rules at their edges: the lockout at N−1 and N, its expiry at and one tick before,
the count starting afresh after a success, what each refusal says and what is audited.

Against the in-memory repository of tests/unit/workflows/test_teller_auth.py (the port only):
these pin the rules of workflows/login.py (the survivors of ./scripts/mutation.sh).
"""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.workflows.login import (
    DEMO_ACCOUNTS,
    FIRST_ADMIN,
    LoginPolicy,
    LoginRefused,
    TellerAuth,
    check_password_rules,
    utc_now_naive,
)
from counter_app.workflows.supervisor import SupervisorApproval
from tests.unit.workflows.test_teller_auth import T0, Clock, MemoryTellers

TELLER, TELLER_NAME, _ROLE, PASSWORD = DEMO_ACCOUNTS[0]
SUPERVISOR, SUPERVISOR_NAME, _S, SUPERVISOR_PASSWORD = DEMO_ACCOUNTS[1]
ADMIN, _A, _R, ADMIN_PASSWORD = DEMO_ACCOUNTS[2]
WRONG = "wrong-pass1"
BAD_CREDENTIALS = ("用户名或密码不正确。连续输错4次账户将锁定15分钟；"
                   "账户已锁定时请稍后再试，或请主管/管理员解锁。")
LOCKED_NOW = "密码连续错误4次，账户已锁定15分钟。如需立即解锁，请联系主管或管理员。"


@pytest.fixture
def auth(tellers: MemoryTellers, clock: Clock) -> TellerAuth:
    # 4 and 15 (not the defaults elsewhere): a rule that hard-codes a number shows up
    # the password rules alone: the one-time code's are in tests/unit/workflows/test_supervisor_otp.py
    a = TellerAuth(tellers, LoginPolicy(max_failures=4, lockout_minutes=15), "07", clock,
                   second_factor=False)
    a.seed_demo_accounts()
    return a


def refusal(call: object, *args: object, **kwargs: object) -> tuple[str, str]:
    assert callable(call)
    with pytest.raises(LoginRefused) as info:
        call(*args, **kwargs)
    return info.value.code, info.value.message_zh


# -- password rules ----------------------------------------------------------------------------

@pytest.mark.parametrize(("password", "code", "message"), [
    ("Abcdef1", "PASSWORD_SHORT", "密码至少需要8位。"),
    ("abcdefgh", "PASSWORD_WEAK", "密码必须同时包含字母和数字。"),
    ("12345678", "PASSWORD_WEAK", "密码必须同时包含字母和数字。"),
    ("xxt0301yy9", "PASSWORD_HAS_USERNAME", "密码不能包含用户名。"),
])
def test_password_rules_say_which_one_failed(password: str, code: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_password_rules(password, "T0301")
    assert (info.value.field, info.value.code, info.value.message_zh) == ("password", code, message)


@pytest.mark.parametrize("password", ["Abcdefg1", "1234567a", "Z2345678"])
def test_eight_characters_with_a_letter_and_a_digit_are_enough(password: str) -> None:
    check_password_rules(password, "T0301")


# -- the lockout: N−1, N, expiry ---------------------------------------------------------------

def test_a_signed_in_teller_is_told_the_count_down_then_the_lock(auth: TellerAuth,
                                                                tellers: MemoryTellers) -> None:
    who = auth.sign_in(TELLER, PASSWORD)
    for left in (3, 2, 1):  # N−1 failures: still open
        assert refusal(auth.unlock, who, WRONG) == ("BAD_CREDENTIALS", f"密码不正确，还可尝试{left}次。")
        assert tellers.accounts[1].locked_until is None
    assert refusal(auth.unlock, who, WRONG) == ("ACCOUNT_LOCKED", LOCKED_NOW)  # the N-th
    assert tellers.accounts[1].locked_until == T0 + dt.timedelta(minutes=15)
    assert tellers.events[-1] == (TELLER, "account.locked", {"minutes": 15})
    assert tellers.actions().count("unlock.failure") == 4


def test_at_the_counter_the_lock_says_no_more_than_a_wrong_password(auth: TellerAuth,
                                                                   tellers: MemoryTellers) -> None:
    for _ in range(3):
        assert refusal(auth.sign_in, TELLER, WRONG) == ("BAD_CREDENTIALS", BAD_CREDENTIALS)
        assert tellers.accounts[1].locked_until is None
    assert refusal(auth.sign_in, TELLER, WRONG) == ("BAD_CREDENTIALS", BAD_CREDENTIALS)
    assert tellers.accounts[1].locked_until == T0 + dt.timedelta(minutes=15)


def lock_teller(auth: TellerAuth) -> None:
    for _ in range(4):
        with pytest.raises(LoginRefused):
            auth.sign_in(TELLER, WRONG)


def test_the_lock_ends_exactly_at_its_time_not_a_tick_before(auth: TellerAuth, clock: Clock,
                                                             tellers: MemoryTellers) -> None:
    lock_teller(auth)
    clock.now = T0 + dt.timedelta(minutes=15) - dt.timedelta(microseconds=1)
    assert refusal(auth.sign_in, TELLER, PASSWORD) == ("BAD_CREDENTIALS", BAD_CREDENTIALS)
    assert tellers.events[-1] == (TELLER, "login.refused_locked", {})
    clock.now = T0 + dt.timedelta(minutes=15)
    assert auth.sign_in(TELLER, PASSWORD).username == TELLER


def test_a_failure_after_the_lock_expired_counts_from_one_again(auth: TellerAuth, clock: Clock,
                                                                tellers: MemoryTellers) -> None:
    lock_teller(auth)
    clock.now = T0 + dt.timedelta(minutes=15)
    who_failed = refusal(auth.authorise, SupervisorApproval(TELLER, WRONG), purpose="p")
    assert who_failed == ("BAD_CREDENTIALS", BAD_CREDENTIALS)
    assert tellers.accounts[1].failed_logins == 1
    assert tellers.events[-1] == (TELLER, "authorise.failure", {"failures": 1})


@pytest.mark.parametrize(("after", "minutes"), [
    (dt.timedelta(0), 16),                          # 15 minutes left: "about 16"
    (dt.timedelta(minutes=13), 3),                  # 2 minutes left
    (dt.timedelta(minutes=14, seconds=1), 1),       # 59 seconds left
    (dt.timedelta(minutes=15, microseconds=-1), 1),  # a tick left
])
def test_a_locked_signed_in_teller_is_told_about_how_long(auth: TellerAuth, clock: Clock,
                                                          tellers: MemoryTellers,
                                                          after: dt.timedelta,
                                                          minutes: int) -> None:
    who = auth.sign_in(TELLER, PASSWORD)
    for _ in range(4):
        with pytest.raises(LoginRefused):
            auth.unlock(who, WRONG)
    clock.now = T0 + after
    assert refusal(auth.unlock, who, PASSWORD) == (
        "ACCOUNT_LOCKED", f"账户已锁定，请约{minutes}分钟后再试，或请主管/管理员解锁。")
    assert tellers.events[-1] == (TELLER, "unlock.refused_locked", {})


def test_failures_a_success_then_failures_again_lock_only_at_n_after_the_success(
        auth: TellerAuth, tellers: MemoryTellers) -> None:
    who = auth.sign_in(TELLER, PASSWORD)
    for _ in range(3):
        with pytest.raises(LoginRefused):
            auth.unlock(who, WRONG)
    auth.unlock(who, PASSWORD)
    assert tellers.events[-1] == (TELLER, "unlock.success", {"session": who.session_id})
    for left in (3, 2, 1):
        assert refusal(auth.unlock, who, WRONG)[1] == f"密码不正确，还可尝试{left}次。"
    assert refusal(auth.unlock, who, WRONG) == ("ACCOUNT_LOCKED", LOCKED_NOW)


# -- other refusals ----------------------------------------------------------------------------

def test_empty_user_name_or_password_get_one_message(auth: TellerAuth) -> None:
    assert refusal(auth.sign_in, "  ", PASSWORD) == ("LOGIN_EMPTY", "请输入用户名和密码。")
    assert refusal(auth.sign_in, TELLER, "") == ("LOGIN_EMPTY", "请输入用户名和密码。")


def test_an_unknown_user_is_audited_under_the_attempt(auth: TellerAuth,
                                                      tellers: MemoryTellers) -> None:
    assert refusal(auth.authorise, SupervisorApproval(" NOBODY ", WRONG), purpose="p") == (
        "BAD_CREDENTIALS", BAD_CREDENTIALS)
    assert tellers.events[-1] == ("hash(6)", "authorise.failure", {"reason": "unknown_user"})


def test_a_stored_hash_that_is_not_argon2_is_a_wrong_password_not_a_crash(
        auth: TellerAuth, tellers: MemoryTellers) -> None:
    import dataclasses

    tellers._put(dataclasses.replace(tellers.accounts[1], password_hash="not-a-hash"))
    assert refusal(auth.sign_in, TELLER, PASSWORD) == ("BAD_CREDENTIALS", BAD_CREDENTIALS)
    assert tellers.accounts[1].failed_logins == 1


def test_first_run_messages(tellers: MemoryTellers, clock: Clock) -> None:
    auth = TellerAuth(tellers, LoginPolicy(5, 30), "01", clock)
    assert auth.ensure_first_admin() is True
    first = tellers.accounts[1]
    assert (FIRST_ADMIN, first.username, first.display_name, first.role) == (
        "admin", "admin", "系统管理员", "admin")
    assert refusal(auth.sign_in, FIRST_ADMIN, "Counter2026") == (
        "PASSWORD_NOT_SET", "该账户尚未设置密码，请先设置密码。")
    with pytest.raises(ValidationError) as rule:
        auth.set_initial_password(FIRST_ADMIN, "short1")
    assert rule.value.code == "PASSWORD_SHORT"
    auth.set_initial_password(FIRST_ADMIN, "Counter2026")
    assert refusal(auth.set_initial_password, FIRST_ADMIN, "Another2026") == (
        "PASSWORD_ALREADY_SET", "该账户已设置过密码，请直接登录。")


def test_demo_accounts_are_seeded_with_their_names_roles_and_passwords(
        auth: TellerAuth, tellers: MemoryTellers) -> None:
    assert [(a.username, a.display_name, a.role) for a in tellers.accounts.values()] == [
        (u, n, r) for u, n, r, _p in DEMO_ACCOUNTS]
    assert [e[2] for e in tellers.events if e[1] == "teller.demo_account_created"] == [
        {"username": u, "role": r} for u, _n, r, _p in DEMO_ACCOUNTS]
    for username, _n, role, password in DEMO_ACCOUNTS:
        who = auth.sign_in(username, password)
        assert (who.role, who.must_change_password) == (role, False)


def test_signed_in_carries_the_account(auth: TellerAuth, tellers: MemoryTellers) -> None:
    import dataclasses

    tellers._put(dataclasses.replace(tellers.accounts[2], must_change_password=True))
    who = auth.sign_in(SUPERVISOR, SUPERVISOR_PASSWORD)
    assert (who.teller_id, who.username, who.display_name, who.role, who.role_zh,
            who.must_change_password) == (2, SUPERVISOR, SUPERVISOR_NAME, "supervisor", "主管", True)
    assert tellers.sessions[who.session_id] == (2, "07", None)
    assert auth.sign_in(ADMIN, ADMIN_PASSWORD).role_zh == "系统管理员"
    auth.sign_out(who)
    assert tellers.events[-1] == (SUPERVISOR, "logout", {"session": who.session_id,
                                                        "reason": "logout"})


def test_authorise_by_default_takes_a_supervisor_or_an_admin(auth: TellerAuth,
                                                             tellers: MemoryTellers) -> None:
    assert auth.authorise(SupervisorApproval(ADMIN, ADMIN_PASSWORD), purpose="p1") == ADMIN
    assert tellers.events[-1] == (ADMIN, "authorise.granted", {"purpose": "p1"})
    assert auth.authorise(SupervisorApproval(SUPERVISOR, SUPERVISOR_PASSWORD),
                          purpose="p2") == SUPERVISOR
    assert refusal(auth.authorise, SupervisorApproval(SUPERVISOR, SUPERVISOR_PASSWORD),
                   purpose="p3", roles=("admin",)) == (
        "NOT_AUTHORISED", "“主管”无权授权此操作，请由主管授权。")
    assert refusal(auth.authorise, SupervisorApproval(TELLER, PASSWORD), purpose="p4") == (
        "NOT_AUTHORISED", "“柜员”无权授权此操作，请由主管授权。")


def test_a_password_change_is_refused_with_its_reason_and_counted(auth: TellerAuth,
                                                                  tellers: MemoryTellers) -> None:
    who = auth.sign_in(TELLER, PASSWORD)
    with pytest.raises(ValidationError) as same:
        auth.change_password(who, PASSWORD, PASSWORD)
    assert (same.value.field, same.value.code, same.value.message_zh) == (
        "password", "PASSWORD_REUSED", "新密码不能与原密码相同。")
    with pytest.raises(ValidationError) as rule:
        auth.change_password(who, PASSWORD, f"{TELLER}abc1")
    assert rule.value.code == "PASSWORD_HAS_USERNAME"
    assert refusal(auth.change_password, who, WRONG, "NewPass2027") == (
        "BAD_CREDENTIALS", "密码不正确，还可尝试3次。")
    assert tellers.events[-1] == (TELLER, "password_change.failure", {"failures": 1})


@pytest.mark.usefixtures("beijing_local_time")
def test_utc_now_naive_is_the_current_utc_time_without_a_zone() -> None:
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    now = utc_now_naive()
    after = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert dt.datetime.now() - after > dt.timedelta(hours=7)  # the zone switch took effect
    assert now.tzinfo is None and before <= now <= after


def test_a_refusal_has_the_login_code_by_default() -> None:
    assert LoginRefused("x").code == "LOGIN_REFUSED"


class StampingTellers(MemoryTellers):
    """Keeps the time each password was set with (the store writes it to the account)."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[dt.datetime] = []

    def set_initial_password(self, username: str, password_hash: str, now: dt.datetime) -> bool:
        self.stamps.append(now)
        return super().set_initial_password(username, password_hash, now)

    def change_password(self, teller_id: int, password_hash: str, now: dt.datetime) -> None:
        self.stamps.append(now)
        super().change_password(teller_id, password_hash, now)


def test_passwords_are_set_at_the_clocks_time(clock: Clock) -> None:
    tellers = StampingTellers()
    auth = TellerAuth(tellers, LoginPolicy(5, 30), "01", clock)
    auth.ensure_first_admin()
    auth.set_initial_password(FIRST_ADMIN, "Counter2026")
    who = auth.sign_in(FIRST_ADMIN, "Counter2026")
    clock.now = T0 + dt.timedelta(hours=1)
    auth.change_password(who, "Counter2026", "Counter2027")
    assert tellers.stamps == [T0, T0 + dt.timedelta(hours=1)]
