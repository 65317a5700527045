"""Teller sign-in against a real store: argon2id, lockout, first run, audit entries."""

import contextlib
import datetime as dt

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.store.audit import verify_audit_chain
from counter_app.store.models import AuditEntry, Teller, TellerSession
from counter_app.store.tellers import SqlTellerRepository
from counter_app.workflows.login import (
    DEMO_ACCOUNTS,
    DEMO_TOTP_SECRETS,
    LoginPolicy,
    LoginRefused,
    TellerAuth,
)
from counter_app.workflows.supervisor import SupervisorApproval, code_at_step, step_at


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 28, 9, 0)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def auth(store, clock) -> TellerAuth:
    a = TellerAuth(SqlTellerRepository(store), LoginPolicy(max_failures=3, lockout_minutes=30), "03", clock)
    a.seed_demo_accounts()
    return a


def actions(store) -> list[str]:
    with store.read() as s:
        return [e.action for e in s.query(AuditEntry).order_by(AuditEntry.seq)]


def test_demo_teller_signs_in_and_out(auth, store) -> None:
    user, _name, role, password = DEMO_ACCOUNTS[0]
    who = auth.sign_in(user, password)
    assert who.role == role == "teller" and who.role_zh == "柜员"
    auth.sign_out(who)
    with store.read() as s:
        session = s.get(TellerSession, who.session_id)
        assert session.ended_at is not None and session.end_reason == "logout"
        assert s.query(Teller).filter_by(username=user).one().password_hash.startswith("$argon2id$")
    assert actions(store)[-2:] == ["login.success", "logout"]


def test_wrong_password_counts_down_then_locks(auth, store, clock) -> None:
    user, *_rest, password = DEMO_ACCOUNTS[0]
    for wrong in ("wrong-1", "wrong-2", "wrong-3"):
        with pytest.raises(LoginRefused) as info:
            auth.sign_in(user, wrong)
        assert info.value.code == "BAD_CREDENTIALS" and "还可尝试" not in info.value.message_zh
    with store.read() as s:
        assert s.query(Teller).filter_by(username=user).one().locked_until is not None
    with pytest.raises(LoginRefused) as info:
        auth.sign_in(user, password)  # even the right password is refused while locked
    assert info.value.code == "BAD_CREDENTIALS"
    clock.now += dt.timedelta(minutes=31)
    assert auth.sign_in(user, password).username == user
    assert actions(store).count("login.failure") == 3
    assert "account.locked" in actions(store) and "login.refused_locked" in actions(store)


def test_unknown_user_is_refused_and_audited(auth, store) -> None:
    with pytest.raises(LoginRefused) as info:
        auth.sign_in("NOBODY", "whatever1")
    assert info.value.code == "BAD_CREDENTIALS"
    assert actions(store)[-1] == "login.failure"


def test_an_unknown_user_name_is_audited_as_a_keyed_hash(auth, store) -> None:
    """A password typed into the user-name box must not land in the audit log."""
    for _ in range(2):
        with pytest.raises(LoginRefused):
            auth.sign_in("Canary-Pw-77", "whatever1")
    with pytest.raises(LoginRefused):
        auth.authorise(SupervisorApproval("Canary-Pw-78", "whatever1", "123456"), purpose="x")
    with store.read() as s:
        rows = [(e.actor, e.detail) for e in s.query(AuditEntry).order_by(AuditEntry.seq)]
        assert verify_audit_chain(s, store.cipher).ok
    assert "Canary" not in repr(rows)
    first, second, third = (actor for actor, _detail in rows[-3:])
    assert first == second != third  # the same name, the same hash: repeats stay visible
    assert first.startswith("?") and len(first) <= 32


def test_first_run_admin_must_set_a_password(store, clock) -> None:
    auth = TellerAuth(SqlTellerRepository(store), LoginPolicy(5, 30), "01", clock)
    assert auth.ensure_first_admin() is True
    assert auth.ensure_first_admin() is False
    assert auth.accounts_without_password() == ["admin"]
    with pytest.raises(LoginRefused) as info:
        auth.sign_in("admin", "anything1")
    assert info.value.code == "PASSWORD_NOT_SET"
    with pytest.raises(ValidationError):
        auth.set_initial_password("admin", "short")
    auth.set_initial_password("admin", "Counter2026")
    with pytest.raises(LoginRefused):
        auth.set_initial_password("admin", "Another2026")  # only once
    assert auth.sign_in("admin", "Counter2026").role == "admin"


def test_idle_unlock_and_password_change(auth, store) -> None:
    user, *_rest, password = DEMO_ACCOUNTS[0]
    who = auth.sign_in(user, password)
    auth.unlock(who, password)
    with pytest.raises(LoginRefused):
        auth.unlock(who, "nope12345")
    with pytest.raises(ValidationError, match="用户名"):
        auth.change_password(who, password, f"{user}abc123")
    auth.change_password(who, password, "NewPass2027")
    assert auth.sign_in(user, "NewPass2027").username == user


def test_every_security_event_is_in_an_intact_chain(auth, store) -> None:
    user, *_rest, password = DEMO_ACCOUNTS[0]
    for attempt in ("x1234567", password):
        with contextlib.suppress(LoginRefused):
            auth.sign_in(user, attempt)
    with store.read() as s:
        result = verify_audit_chain(s, store.cipher)
    assert result.ok and result.entries == len(actions(store)) >= 5


def test_no_password_in_the_audit_details(auth, store) -> None:
    user, *_rest, password = DEMO_ACCOUNTS[0]
    with pytest.raises(LoginRefused):
        auth.sign_in(user, "Canary-Secret-42")
    with store.read() as s:
        details = [str(e.detail) for e in s.query(AuditEntry)]
    assert not any("Canary-Secret-42" in d for d in details)


def test_a_success_resets_the_failure_count(auth, store) -> None:
    """Failures, a success, failures again: the lockout counts from the last success."""
    user, *_rest, password = DEMO_ACCOUNTS[0]
    for _ in range(2):
        with pytest.raises(LoginRefused):
            auth.sign_in(user, "wrong-pass1")
    auth.sign_in(user, password)
    with store.read() as s:
        assert s.query(Teller).filter_by(username=user).one().failed_logins == 0
    for _ in range(2):
        with pytest.raises(LoginRefused):
            auth.sign_in(user, "wrong-pass1")
    with store.read() as s:
        assert s.query(Teller).filter_by(username=user).one().locked_until is None
    with pytest.raises(LoginRefused):
        auth.sign_in(user, "wrong-pass1")
    with store.read() as s:
        teller = s.query(Teller).filter_by(username=user).one()
        assert teller.locked_until is not None and teller.failed_logins == 0


def test_authorisation_is_audited_and_opens_no_session(auth, store) -> None:
    teller, *_t, teller_password = DEMO_ACCOUNTS[0]
    supervisor, *_s, supervisor_password = DEMO_ACCOUNTS[1]
    with pytest.raises(LoginRefused) as info:
        auth.authorise(SupervisorApproval(teller, teller_password), purpose="dead_letter_retry:1")
    assert info.value.code == "NOT_AUTHORISED"
    otp = code_at_step(DEMO_TOTP_SECRETS[supervisor], step_at(auth.clock()))
    assert auth.authorise(SupervisorApproval(supervisor, supervisor_password, otp),
                          purpose="dead_letter_retry:1") == supervisor
    assert actions(store)[-2:] == ["authorise.refused_role", "authorise.granted"]
    with store.read() as s:
        assert s.query(TellerSession).count() == 0


def test_demo_seeding_retires_the_first_run_admin(store, clock) -> None:
    auth = TellerAuth(SqlTellerRepository(store), LoginPolicy(5, 30), "01", clock)
    auth.ensure_first_admin()
    auth.seed_demo_accounts()
    auth.seed_demo_accounts()  # a second start-up adds nothing
    assert actions(store).count("teller.demo_account_created") == len(DEMO_ACCOUNTS)
    with pytest.raises(LoginRefused) as info:
        auth.sign_in("admin", "anything1")
    assert info.value.code == "BAD_CREDENTIALS"  # inactive now, like an unknown user


def test_the_authenticator_secret_is_encrypted_and_a_code_accepted_once(auth, store) -> None:
    """The secret is an AES-GCM column bound to the account's row; the last accepted step is
    a compare-and-set in one write, so the same code cannot be accepted twice."""
    from sqlalchemy import text

    from counter_app.store.tellers import SqlTellerRepository

    supervisor, *_s, supervisor_password = DEMO_ACCOUNTS[1]
    secret = DEMO_TOTP_SECRETS[supervisor]
    with store.read() as s:
        raw = s.execute(text("SELECT totp_secret FROM tellers WHERE username = :u"),
                        {"u": supervisor}).scalar_one()
    assert isinstance(raw, bytes) and secret.encode() not in raw
    repo = SqlTellerRepository(store)
    record = repo.find(supervisor)
    assert record is not None and record.totp_secret == secret
    assert secret not in repr(record)
    step = step_at(auth.clock())
    otp = code_at_step(secret, step)
    assert auth.authorise(SupervisorApproval(supervisor, supervisor_password, otp),
                          purpose="blank.spoil") == supervisor
    assert repo.code_accepted(record.id, step, "authorise.granted") is False  # already used
    assert repo.code_accepted(record.id, step + 1, "authorise.granted") is True
    with pytest.raises(LoginRefused) as info:
        auth.authorise(SupervisorApproval(supervisor, supervisor_password, otp), purpose="x")
    assert info.value.code == "OTP_REPLAYED"
    assert actions(store)[-2:] == ["authorise.code_replayed", "authorise_code.failure"]
