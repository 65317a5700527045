"""The supervisor's second factor (RFC 6238 one-time codes) in the one authorisation path:
a wrong code, a replayed code, the ±1-step window, lockout by codes, an account not enrolled,
the profile switch, and enrolment confirmed by a first code. Against the in-memory port; the
store's side (encrypted secret, compare-and-set) is in tests/unit/foundation/test_login.py.
"""

from __future__ import annotations

import datetime as dt

import pyotp
import pytest

from counter_app.domain.errors import ValidationError
from counter_app.workflows.login import (
    DEMO_ACCOUNTS,
    DEMO_TOTP_SECRETS,
    LoginPolicy,
    LoginRefused,
    TellerAuth,
)
from counter_app.workflows.supervisor import (
    STEP_SECONDS,
    SupervisorApproval,
    code_at_step,
    matching_step,
    provisioning_uri,
    step_at,
)
from tests.unit.workflows.test_teller_auth import T0, Account, Clock, MemoryTellers

TELLER, _n, _r, TELLER_PASSWORD = DEMO_ACCOUNTS[0]
SUPERVISOR, _sn, _sr, PASSWORD = DEMO_ACCOUNTS[1]
ADMIN, _an, _ar, ADMIN_PASSWORD = DEMO_ACCOUNTS[2]
SECRET = DEMO_TOTP_SECRETS[SUPERVISOR]
PURPOSE = "blank.spoil"
BAD = ("用户名、密码或动态验证码不正确。连续输错3次账户将锁定30分钟；"
       "账户已锁定时请稍后再试，或请主管/管理员解锁。")


@pytest.fixture
def auth(tellers: MemoryTellers, clock: Clock) -> TellerAuth:
    a = TellerAuth(tellers, LoginPolicy(max_failures=3, lockout_minutes=30), "03", clock,
                   branch_code="ICBC-NB-0301")
    a.seed_demo_accounts()
    return a


def at(now: dt.datetime, offset: int = 0) -> str:
    return code_at_step(SECRET, step_at(now) + offset)


def supervisor(code: str, password: str = PASSWORD) -> SupervisorApproval:
    return SupervisorApproval(SUPERVISOR, password, code)


def account(tellers: MemoryTellers, username: str) -> Account:
    found = tellers.find(username)
    assert found is not None
    return found


def test_codes_are_the_standard_totp_an_authenticator_app_shows() -> None:
    """pyotp's own reading of the secret (what a phone app computes) gives the same code."""
    when = dt.datetime(2026, 11, 30, 6, 0, 15)
    aware = when.replace(tzinfo=dt.UTC)
    assert at(when) == pyotp.TOTP(SECRET).at(aware)
    # a naive time is UTC, not the machine's zone
    assert step_at(when) == int(aware.timestamp()) // STEP_SECONDS
    uri = provisioning_uri(SECRET, SUPERVISOR, "ICBC-NB-0301")
    assert uri.startswith("otpauth://totp/") and f"secret={SECRET}" in uri
    assert pyotp.parse_uri(uri).secret == SECRET


def test_a_right_code_authorises_once_and_records_its_step(auth: TellerAuth, clock: Clock,
                                                           tellers: MemoryTellers) -> None:
    assert auth.authorise(supervisor(at(T0)), purpose=PURPOSE) == SUPERVISOR
    assert tellers.events[-1] == (SUPERVISOR, "authorise.granted",
                                  {"purpose": PURPOSE, "factor": "totp"})
    assert account(tellers, SUPERVISOR).totp_last_step == step_at(T0)
    # the spaces an app shows in the middle are allowed
    clock.now = T0 + dt.timedelta(seconds=STEP_SECONDS)
    spaced = at(clock.now)
    assert auth.authorise(supervisor(f"{spaced[:3]} {spaced[3:]}"), purpose=PURPOSE) == SUPERVISOR


def test_a_wrong_code_is_refused_counted_and_audited(auth: TellerAuth,
                                                     tellers: MemoryTellers) -> None:
    wrong = f"{(int(at(T0)) + 1) % 1_000_000:06d}"
    with pytest.raises(LoginRefused) as info:
        auth.authorise(supervisor(wrong), purpose=PURPOSE)
    assert (info.value.code, info.value.message_zh) == ("BAD_CREDENTIALS", BAD)
    assert account(tellers, SUPERVISOR).failed_logins == 1
    assert tellers.events[-1] == (SUPERVISOR, "authorise_code.failure", {"failures": 1})
    assert account(tellers, SUPERVISOR).totp_last_step == 0  # nothing accepted


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "12a456"])
def test_a_code_that_is_not_six_digits_is_a_wrong_code(auth: TellerAuth, tellers: MemoryTellers,
                                                       typed: str) -> None:
    with pytest.raises(LoginRefused) as info:
        auth.authorise(supervisor(typed), purpose=PURPOSE)
    assert info.value.code == "BAD_CREDENTIALS"
    assert account(tellers, SUPERVISOR).failed_logins == 1


def test_a_replayed_code_is_refused(auth: TellerAuth, clock: Clock,
                                    tellers: MemoryTellers) -> None:
    code = at(T0)
    assert auth.authorise(supervisor(code), purpose=PURPOSE) == SUPERVISOR
    clock.now = T0 + dt.timedelta(seconds=5)  # same step, a second act
    with pytest.raises(LoginRefused) as info:
        auth.authorise(supervisor(code), purpose="session.force_close")
    assert info.value.code == "OTP_REPLAYED"
    assert "已经使用过" in info.value.message_zh
    assert tellers.actions()[-2:] == ["authorise.code_replayed", "authorise_code.failure"]
    assert account(tellers, SUPERVISOR).failed_logins == 1
    # an older code in the window is refused too once a later one was used (RFC 6238 §5.2)
    with pytest.raises(LoginRefused) as older:
        auth.authorise(supervisor(at(T0, -1)), purpose=PURPOSE)
    assert older.value.code == "OTP_REPLAYED"
    # the next step's code is fresh
    assert auth.authorise(supervisor(at(T0, +1)), purpose=PURPOSE) == SUPERVISOR
    assert account(tellers, SUPERVISOR).failed_logins == 0


@pytest.mark.parametrize(("offset", "accepted"), [(-2, False), (-1, True), (0, True),
                                                  (1, True), (2, False)])
def test_the_window_is_one_step_either_side(auth: TellerAuth, offset: int,
                                            accepted: bool) -> None:
    approval = supervisor(at(T0, offset))
    if accepted:
        assert auth.authorise(approval, purpose=PURPOSE) == SUPERVISOR
    else:
        with pytest.raises(LoginRefused):
            auth.authorise(approval, purpose=PURPOSE)


def test_matching_step_names_the_step_of_the_code() -> None:
    assert matching_step(SECRET, at(T0, -1), T0) == step_at(T0) - 1
    assert matching_step(SECRET, at(T0, 1), T0) == step_at(T0) + 1
    assert matching_step(SECRET, at(T0, 2), T0) is None


def test_wrong_codes_lock_the_supervisor(auth: TellerAuth, tellers: MemoryTellers,
                                         clock: Clock) -> None:
    wrong = f"{(int(at(T0)) + 7) % 1_000_000:06d}"
    for _ in range(2):
        with pytest.raises(LoginRefused):
            auth.authorise(supervisor(wrong), purpose=PURPOSE)
    assert account(tellers, SUPERVISOR).locked_until is None
    with pytest.raises(LoginRefused) as info:
        auth.authorise(supervisor(wrong), purpose=PURPOSE)  # the 3rd: locked
    assert (info.value.code, info.value.message_zh) == ("BAD_CREDENTIALS", BAD)
    assert account(tellers, SUPERVISOR).locked_until == T0 + dt.timedelta(minutes=30)
    assert tellers.events[-1] == (SUPERVISOR, "account.locked", {"minutes": 30})
    # locked: even the right password and code are refused, with the same answer
    with pytest.raises(LoginRefused) as locked:
        auth.authorise(supervisor(at(T0, 1)), purpose=PURPOSE)
    assert (locked.value.code, locked.value.message_zh) == ("BAD_CREDENTIALS", BAD)


def test_a_wrong_password_and_wrong_codes_count_together(auth: TellerAuth,
                                                         tellers: MemoryTellers) -> None:
    with pytest.raises(LoginRefused):
        auth.authorise(supervisor(at(T0), password="wrong-pass1"), purpose=PURPOSE)
    with pytest.raises(LoginRefused):
        auth.authorise(supervisor("000000" if at(T0) != "000000" else "111111"),
                       purpose=PURPOSE)
    assert account(tellers, SUPERVISOR).failed_logins == 2


def test_a_supervisor_not_enrolled_cannot_authorise(tellers: MemoryTellers, clock: Clock) -> None:
    auth = TellerAuth(tellers, LoginPolicy(3, 30), "03", clock)
    auth.seed_demo_accounts()
    import dataclasses

    sup = account(tellers, SUPERVISOR)
    tellers._put(dataclasses.replace(sup, totp_secret=None, totp_last_step=None))
    with pytest.raises(LoginRefused) as info:
        auth.authorise(supervisor(at(T0)), purpose=PURPOSE)
    assert info.value.code == "OTP_NOT_ENROLLED"
    assert "尚未绑定动态验证码" in info.value.message_zh
    assert "柜员与角色" in info.value.message_zh and "绑定动态验证码" in info.value.message_zh
    assert tellers.events[-1] == (SUPERVISOR, "authorise.refused_not_enrolled",
                                  {"purpose": PURPOSE})


def test_without_the_second_factor_the_password_is_enough(tellers: MemoryTellers,
                                                          clock: Clock) -> None:
    auth = TellerAuth(tellers, LoginPolicy(3, 30), "03", clock, second_factor=False)
    auth.seed_demo_accounts()
    assert auth.authorise(SupervisorApproval(SUPERVISOR, PASSWORD), purpose=PURPOSE) == SUPERVISOR
    assert tellers.events[-1] == (SUPERVISOR, "authorise.granted", {"purpose": PURPOSE})


def test_the_role_is_checked_before_the_code(auth: TellerAuth, tellers: MemoryTellers) -> None:
    with pytest.raises(LoginRefused) as info:
        auth.authorise(SupervisorApproval(TELLER, TELLER_PASSWORD, "123456"), purpose=PURPOSE)
    assert info.value.code == "NOT_AUTHORISED"
    assert account(tellers, TELLER).failed_logins == 0


def test_the_approval_never_shows_its_secrets() -> None:
    text = repr(SupervisorApproval(SUPERVISOR, "Canary-Pw-1", "654321"))
    assert SUPERVISOR in text and "Canary" not in text and "654321" not in text


# -- enrolment ---------------------------------------------------------------------------------

def test_enrolment_is_stored_only_once_a_first_code_matches(auth: TellerAuth, clock: Clock,
                                                            tellers: MemoryTellers) -> None:
    import dataclasses

    sup = account(tellers, SUPERVISOR)
    tellers._put(dataclasses.replace(sup, totp_secret=None, totp_last_step=None))
    assert auth.is_enrolled(SUPERVISOR) is False
    enrolment = auth.begin_enrolment(SUPERVISOR)
    assert enrolment.secret != SECRET and len(enrolment.secret) == 32
    assert pyotp.parse_uri(enrolment.uri).secret == enrolment.secret
    assert "ICBC-NB-0301" in enrolment.uri
    assert auth.is_enrolled(SUPERVISOR) is False  # shown, not stored
    first = code_at_step(enrolment.secret, step_at(T0))
    wrong = code_at_step(enrolment.secret, step_at(T0) + 5)
    with pytest.raises(ValidationError) as info:
        auth.confirm_enrolment(enrolment, wrong, actor=ADMIN)
    assert info.value.code == "OTP_ENROL_MISMATCH"
    assert auth.is_enrolled(SUPERVISOR) is False
    auth.confirm_enrolment(enrolment, first, actor=ADMIN)
    assert tellers.events[-1] == (ADMIN, "teller.totp_enrolled", {"username": SUPERVISOR})
    assert account(tellers, SUPERVISOR).totp_secret == enrolment.secret
    # the confirming code is used up; the next one authorises
    with pytest.raises(LoginRefused) as replay:
        auth.authorise(supervisor(first), purpose=PURPOSE)
    assert replay.value.code == "OTP_REPLAYED"
    clock.now = T0 + dt.timedelta(seconds=STEP_SECONDS)
    nxt = code_at_step(enrolment.secret, step_at(clock.now))
    assert auth.authorise(supervisor(nxt), purpose=PURPOSE) == SUPERVISOR


def test_re_enrolment_replaces_the_secret(auth: TellerAuth, tellers: MemoryTellers) -> None:
    enrolment = auth.begin_enrolment(SUPERVISOR)
    auth.confirm_enrolment(enrolment, code_at_step(enrolment.secret, step_at(T0)), actor=ADMIN)
    assert tellers.events[-1] == (ADMIN, "teller.totp_reenrolled", {"username": SUPERVISOR})
    with pytest.raises(LoginRefused):  # the old phone's code no longer works
        auth.authorise(supervisor(at(T0, 1)), purpose=PURPOSE)


def test_only_authorisers_enrol(auth: TellerAuth) -> None:
    with pytest.raises(LoginRefused) as info:
        auth.begin_enrolment(TELLER)
    assert info.value.code == "NOT_AUTHORISER"
    with pytest.raises(LoginRefused) as unknown:
        auth.begin_enrolment("NOBODY")
    assert unknown.value.code == "NO_SUCH_ACCOUNT"


def test_demo_seeding_enrols_the_demo_supervisor_and_admin_once(auth: TellerAuth,
                                                                tellers: MemoryTellers) -> None:
    assert account(tellers, SUPERVISOR).totp_secret == SECRET
    assert account(tellers, ADMIN).totp_secret == DEMO_TOTP_SECRETS[ADMIN]
    assert account(tellers, TELLER).totp_secret is None
    auth.seed_demo_accounts()
    assert tellers.actions().count("teller.totp_enrolled") == 2
