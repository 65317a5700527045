"""The supervisor's second factor pinned exactly: who may enrol (active authorisers only, by
the typed name with spaces), the QR's label, what a mismatching first code says and where, the
not-enrolled message naming the supervisor, a replayed code audited with its purpose and
counted toward the lockout, and the temporary-password refusal.

Against the in-memory port of tests/unit/workflows/test_teller_auth.py; written against the
survivors of ./scripts/mutation.sh on workflows/login.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any
from urllib.parse import unquote

import pyotp
import pytest

from counter_app.domain.errors import ValidationError
from counter_app.workflows.login import (
    DEMO_ACCOUNTS,
    DEMO_TOTP_SECRETS,
    LoginPolicy,
    LoginRefused,
    TellerAuth,
    temporary_password_kept,
)
from counter_app.workflows.supervisor import SupervisorApproval, code_at_step, step_at
from tests.unit.workflows.test_teller_auth import T0, Account, Clock, MemoryTellers

TELLER = DEMO_ACCOUNTS[0][0]
SUPERVISOR, _name, _role, PASSWORD = DEMO_ACCOUNTS[1]
ADMIN = DEMO_ACCOUNTS[2][0]
SECRET = DEMO_TOTP_SECRETS[SUPERVISOR]
BRANCH = "ICBC-NB-0301"
NO_ACCOUNT = "没有这个在用的账户。"
MISMATCH = ("验证码与二维码不符：请确认已扫描本次显示的二维码、手机时间准确，"
            "再输入验证器显示的6位数字。")
REPLAYED = "该动态验证码已经使用过（每个验证码只能用一次）。请等验证器显示新的验证码后再输入。"


@pytest.fixture
def auth(tellers: MemoryTellers, clock: Clock) -> TellerAuth:
    a = TellerAuth(tellers, LoginPolicy(max_failures=3, lockout_minutes=30), "03", clock,
                   branch_code=BRANCH)
    a.seed_demo_accounts()
    return a


def account(tellers: MemoryTellers, username: str) -> Account:
    found = tellers.find(username)
    assert found is not None
    return found


def change(tellers: MemoryTellers, username: str, **values: Any) -> None:
    tellers._put(dataclasses.replace(account(tellers, username), **values))


def test_is_enrolled_reads_the_typed_name_and_the_secret(auth: TellerAuth,
                                                         tellers: MemoryTellers) -> None:
    assert auth.is_enrolled(f"  {SUPERVISOR} ") is True
    assert auth.is_enrolled(TELLER) is False  # an account without a secret
    assert auth.is_enrolled("NOBODY") is False  # no account: no error either
    change(tellers, SUPERVISOR, totp_secret=None)
    assert auth.is_enrolled(SUPERVISOR) is False


def test_enrolment_begins_for_an_active_authoriser_with_a_labelled_qr(auth: TellerAuth) -> None:
    enrolment = auth.begin_enrolment(f" {SUPERVISOR} ")
    assert enrolment.username == SUPERVISOR
    parsed = pyotp.parse_uri(enrolment.uri)
    assert parsed.secret == enrolment.secret and parsed.name == f"{SUPERVISOR}@{BRANCH}"
    assert f"{SUPERVISOR}@{BRANCH}" in unquote(enrolment.uri)


def test_enrolment_refuses_an_unknown_or_disabled_account_with_its_message(
        auth: TellerAuth, tellers: MemoryTellers) -> None:
    for name in ("NOBODY", SUPERVISOR):
        if name == SUPERVISOR:
            change(tellers, SUPERVISOR, active=False)
        with pytest.raises(LoginRefused) as info:
            auth.begin_enrolment(name)
        assert (info.value.code, info.value.message_zh) == ("NO_SUCH_ACCOUNT", NO_ACCOUNT)


def test_enrolment_is_for_authorisers_only_and_says_who(auth: TellerAuth) -> None:
    with pytest.raises(LoginRefused) as info:
        auth.begin_enrolment(TELLER)
    assert (info.value.code, info.value.message_zh) == (
        "NOT_AUTHORISER", "只有主管、值班主管和系统管理员需要绑定动态验证码。")


def test_a_first_code_that_does_not_match_names_the_otp_field(auth: TellerAuth) -> None:
    enrolment = auth.begin_enrolment(SUPERVISOR)
    with pytest.raises(ValidationError) as info:
        auth.confirm_enrolment(enrolment, code_at_step(enrolment.secret, step_at(T0) + 5),
                               actor=ADMIN)
    e = info.value
    assert (e.field, e.code, e.message_zh) == ("otp", "OTP_ENROL_MISMATCH", MISMATCH)


def test_confirming_for_an_account_gone_or_disabled_meanwhile_is_refused(
        auth: TellerAuth, tellers: MemoryTellers) -> None:
    enrolment = auth.begin_enrolment(SUPERVISOR)
    change(tellers, SUPERVISOR, active=False)  # disabled between the QR and the first code
    first = code_at_step(enrolment.secret, step_at(T0))
    with pytest.raises(LoginRefused) as info:
        auth.confirm_enrolment(enrolment, first, actor=ADMIN)
    assert (info.value.code, info.value.message_zh) == ("NO_SUCH_ACCOUNT", NO_ACCOUNT)
    assert account(tellers, SUPERVISOR).totp_secret == SECRET  # the old secret stays
    gone = dataclasses.replace(enrolment, username="NOBODY")
    with pytest.raises(LoginRefused) as missing:
        auth.confirm_enrolment(gone, first, actor=ADMIN)
    assert missing.value.code == "NO_SUCH_ACCOUNT"


def test_a_confirmed_enrolment_stores_the_secret_and_the_code_step(auth: TellerAuth,
                                                                   tellers: MemoryTellers,
                                                                   clock: Clock) -> None:
    clock.now = T0 + dt.timedelta(seconds=31)  # the next step: the window is around the clock
    enrolment = auth.begin_enrolment(SUPERVISOR)
    auth.confirm_enrolment(enrolment, code_at_step(enrolment.secret, step_at(clock.now) - 1),
                           actor=ADMIN)
    sup = account(tellers, SUPERVISOR)
    assert (sup.totp_secret, sup.totp_last_step) == (enrolment.secret, step_at(clock.now) - 1)
    assert tellers.events[-1] == (ADMIN, "teller.totp_reenrolled", {"username": SUPERVISOR})


def test_the_not_enrolled_message_names_the_supervisor(auth: TellerAuth) -> None:
    assert auth.not_enrolled_message("S0999") == (
        "主管“S0999”尚未绑定动态验证码，不能授权。请主管登录后在“柜员与角色”中"
        "选中本人账户，点“绑定动态验证码”，用手机身份验证器扫码绑定；或请系统管理员为其绑定。")


def test_a_replayed_code_is_audited_with_its_purpose_and_locks_like_a_wrong_one(
        auth: TellerAuth, tellers: MemoryTellers, clock: Clock) -> None:
    code = code_at_step(SECRET, step_at(T0))
    assert auth.authorise(SupervisorApproval(SUPERVISOR, PASSWORD, code), purpose="fee.refund")
    refusals = []
    for n in range(3):  # the policy allows 3 failures
        clock.now = T0 + dt.timedelta(seconds=n + 1)
        with pytest.raises(LoginRefused) as info:
            auth.authorise(SupervisorApproval(SUPERVISOR, PASSWORD, code), purpose="blank.spoil")
        refusals.append((info.value.code, info.value.message_zh))
    assert refusals[:2] == [("OTP_REPLAYED", REPLAYED)] * 2
    # the third counted failure locks: a typed name gets the one answer for every failure
    assert refusals[2][0] == "BAD_CREDENTIALS" and "用户名、密码或动态验证码不正确" in refusals[2][1]
    replays = [e for e in tellers.events if e[1] == "authorise.code_replayed"]
    assert replays[0] == (SUPERVISOR, "authorise.code_replayed", {"purpose": "blank.spoil"})
    assert account(tellers, SUPERVISOR).locked_until == T0 + dt.timedelta(seconds=3, minutes=30)


def test_a_temporary_password_kept_signs_out_with_its_reason() -> None:
    e = temporary_password_kept()
    assert isinstance(e, LoginRefused)
    assert (e.code, e.message_zh) == (
        "TEMPORARY_PASSWORD_KEPT",
        "须先设置本人的新密码才能开始办理业务，已签退。请重新登录并设置新密码。")


def test_unlock_and_password_change_of_an_account_disabled_meanwhile_are_refused(
        auth: TellerAuth, tellers: MemoryTellers) -> None:
    """An administrator disabled the account while the teller was signed in: the idle unlock
    and the password change get the typed-name answer, audited under the signed-in name."""
    signed = auth.sign_in(TELLER, DEMO_ACCOUNTS[0][3])
    change(tellers, TELLER, active=False)
    for attempt, call in (("unlock", lambda: auth.unlock(signed, DEMO_ACCOUNTS[0][3])),
                          ("password_change",
                           lambda: auth.change_password(signed, DEMO_ACCOUNTS[0][3], "NewPass2026"))):
        with pytest.raises(LoginRefused) as info:
            call()
        assert info.value.code == "BAD_CREDENTIALS"
        assert tellers.events[-1] == (f"hash({len(TELLER)})", f"{attempt}.failure",
                                      {"reason": "unknown_user"})


class RacingTellers(MemoryTellers):
    """The same code accepted at another counter between the check and the compare-and-set."""

    def code_accepted(self, teller_id: int, step: int, audit_action: str,
                      **detail: str | int) -> bool:
        return False


def test_a_code_taken_at_once_elsewhere_is_a_replay_audited_with_its_purpose(clock: Clock) -> None:
    tellers = RacingTellers()
    auth = TellerAuth(tellers, LoginPolicy(max_failures=3, lockout_minutes=30), "03", clock)
    auth.seed_demo_accounts()
    with pytest.raises(LoginRefused) as info:
        auth.authorise(SupervisorApproval(SUPERVISOR, PASSWORD, code_at_step(SECRET, step_at(T0))),
                       purpose="fee.refund")
    assert (info.value.code, info.value.message_zh) == ("OTP_REPLAYED", REPLAYED)
    assert tellers.events[-2:] == [
        (SUPERVISOR, "authorise.code_replayed", {"purpose": "fee.refund"}),
        (SUPERVISOR, "authorise_code.failure", {"failures": 1})]


def test_a_supervisor_without_an_authenticator_is_named_in_the_refusal(
        auth: TellerAuth, tellers: MemoryTellers) -> None:
    change(tellers, SUPERVISOR, totp_secret=None, totp_last_step=None)
    with pytest.raises(LoginRefused) as info:
        auth.authorise(SupervisorApproval(SUPERVISOR, PASSWORD, "123456"), purpose="x")
    assert info.value.message_zh == auth.not_enrolled_message(SUPERVISOR)
    assert f"主管“{SUPERVISOR}”" in info.value.message_zh


def test_the_one_answer_names_the_code_only_when_asked(auth: TellerAuth) -> None:
    assert auth.bad_credentials().message_zh.startswith("用户名或密码不正确。连续输错3次")
    assert auth.bad_credentials(with_code=True).message_zh.startswith("用户名、密码或动态验证码不正确。")


def test_a_login_locked_with_the_second_factor_on_does_not_mention_the_code(
        auth: TellerAuth) -> None:
    answers = []
    for _ in range(3):
        with pytest.raises(LoginRefused) as info:
            auth.sign_in(TELLER, "wrong-pass1")
        answers.append(info.value.message_zh)
    assert answers == [auth.bad_credentials().message_zh] * 3  # the third one locks


def test_seeding_again_neither_recreates_accounts_nor_re_enrols_their_authenticators(
        auth: TellerAuth, tellers: MemoryTellers, clock: Clock) -> None:
    enrolled = [e for e in tellers.events if e[1] == "teller.totp_enrolled"]
    assert enrolled == [("system", "teller.totp_enrolled", {"username": SUPERVISOR}),
                        ("system", "teller.totp_enrolled", {"username": ADMIN})]
    assert auth.authorise(SupervisorApproval(SUPERVISOR, PASSWORD,
                                             code_at_step(SECRET, step_at(T0))), purpose="x")
    used = account(tellers, SUPERVISOR).totp_last_step
    calls: list[str] = []
    add = tellers.add_account

    def counting_add(username: str, *args: Any, **kwargs: Any) -> bool:
        calls.append(username)
        return add(username, *args, **kwargs)

    tellers.add_account = counting_add  # type: ignore[method-assign]
    before = len(tellers.events)
    auth.seed_demo_accounts()
    assert calls == [] and tellers.events[before:] == []  # nothing hashed, nothing re-enrolled
    assert account(tellers, SUPERVISOR).totp_last_step == used  # the used code stays used


def test_without_a_branch_code_the_qr_label_is_the_user_name_alone(tellers: MemoryTellers,
                                                                  clock: Clock) -> None:
    auth = TellerAuth(tellers, LoginPolicy(max_failures=3, lockout_minutes=30), "03", clock)
    auth.seed_demo_accounts()
    assert pyotp.parse_uri(auth.begin_enrolment(SUPERVISOR).uri).name == SUPERVISOR
