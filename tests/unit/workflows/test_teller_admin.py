"""Tellers and roles over a real store: who may add, disable, reset and enrol whom; a lockout
lifted only with a supervisor's one-time code; every change audited with its actor."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.models import AuditEntry
from counter_app.store.tellers import SqlTellerRepository
from counter_app.workflows.login import (
    DEMO_ACCOUNTS,
    DEMO_TOTP_SECRETS,
    LoginPolicy,
    LoginRefused,
    TellerAuth,
    check_password_rules,
)
from counter_app.workflows.supervisor import SupervisorApproval, code_at_step, step_at
from counter_app.workflows.teller_admin import TellerAdmin, TellerAdminRefused

TELLER, _tn, _tr, TELLER_PASSWORD = DEMO_ACCOUNTS[0]
SUPERVISOR, _sn, _sr, SUPER_PASSWORD = DEMO_ACCOUNTS[1]
ADMIN, _an, _ar, ADMIN_PASSWORD = DEMO_ACCOUNTS[2]
T0 = dt.datetime(2026, 11, 30, 9, 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(secrets.token_bytes(32)), exclusive=True)
    yield s
    s.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def auth(store, clock: Clock) -> TellerAuth:  # type: ignore[no-untyped-def]
    a = TellerAuth(SqlTellerRepository(store), LoginPolicy(3, 30), "03", clock)
    a.seed_demo_accounts()
    return a


def admin_for(store, auth: TellerAuth, clock: Clock, actor: str) -> TellerAdmin:  # type: ignore[no-untyped-def]
    return TellerAdmin(SqlTellerRepository(store), auth, actor, clock)


def audit(store) -> list[tuple[str, str, dict[str, object]]]:  # type: ignore[no-untyped-def]
    with store.read() as s:
        return [(e.actor, e.action, dict(e.detail))
                for e in s.query(AuditEntry).order_by(AuditEntry.seq)]


def lock_out(auth: TellerAuth, username: str) -> None:
    for _ in range(3):
        with pytest.raises(LoginRefused):
            auth.sign_in(username, "wrong-pass1")


def otp(username: str, when: dt.datetime, ahead: int = 0) -> str:
    return code_at_step(DEMO_TOTP_SECRETS[username], step_at(when) + ahead)


def test_a_supervisor_adds_a_teller_with_a_temporary_password(store, auth, clock) -> None:  # type: ignore[no-untyped-def]
    admin = admin_for(store, auth, clock, SUPERVISOR)
    assert admin.roles_to_add() == ("teller",)
    password = admin.add(" T0305 ", "新柜员 李娜", "teller")
    check_password_rules(password, "T0305")
    assert audit(store)[-1] == (SUPERVISOR, "teller.created", {"username": "T0305", "role": "teller"})
    who = auth.sign_in("T0305", password)
    assert who.must_change_password is True and who.role == "teller"
    view = next(a for a in admin.accounts() if a.username == "T0305")
    assert (view.display_name, view.role_zh, view.state_zh(clock.now)) == ("新柜员 李娜", "柜员", "待改密码")
    with pytest.raises(ValidationError) as taken:
        admin.add("T0305", "另一人", "teller")
    assert taken.value.code == "USERNAME_TAKEN"
    with pytest.raises(TellerAdminRefused) as role:
        admin.add("S0399", "新主管", "supervisor")
    assert role.value.code == "NOT_YOUR_ROLE"
    for bad in ("t", "1ABC", "T03-05", "T" * 17):
        with pytest.raises(ValidationError):
            admin.add(bad, "某人", "teller")
    with pytest.raises(ValidationError):
        admin.add("T0306", "  ", "teller")


def test_an_admin_adds_any_role_and_a_teller_manages_nothing(store, auth, clock) -> None:  # type: ignore[no-untyped-def]
    admin = admin_for(store, auth, clock, ADMIN)
    assert set(admin.roles_to_add()) >= {"teller", "supervisor", "admin"}
    admin.add("S0399", "新主管", "supervisor")
    assert next(a for a in admin.accounts() if a.username == "S0399").factor_zh() == "未绑定"
    with pytest.raises(TellerAdminRefused) as info:
        admin_for(store, auth, clock, TELLER).accounts()
    assert info.value.code == "NOT_A_MANAGER"


def test_disable_and_enable_are_audited_and_refuse_sign_in(store, auth, clock) -> None:  # type: ignore[no-untyped-def]
    admin = admin_for(store, auth, clock, SUPERVISOR)
    with pytest.raises(ValidationError):
        admin.disable(TELLER, "调走")  # too short a reason
    assert admin.disable(TELLER, "调离本网点").active is False
    assert audit(store)[-1] == (SUPERVISOR, "teller.disabled", {"username": TELLER, "reason": "调离本网点"})
    with pytest.raises(LoginRefused):
        auth.sign_in(TELLER, TELLER_PASSWORD)
    assert admin.enable(TELLER).active is True
    assert audit(store)[-1] == (SUPERVISOR, "teller.enabled", {"username": TELLER})
    assert auth.sign_in(TELLER, TELLER_PASSWORD).username == TELLER
    with pytest.raises(TellerAdminRefused) as own:
        admin.disable(SUPERVISOR, "自己停用自己")
    assert own.value.code == "NOT_OWN_ACCOUNT"
    with pytest.raises(TellerAdminRefused) as higher:
        admin.disable(ADMIN, "主管停用管理员")
    assert higher.value.code == "NOT_YOUR_ROLE"


def test_a_reset_password_must_be_changed_and_keeps_a_lock(store, auth, clock) -> None:  # type: ignore[no-untyped-def]
    admin = admin_for(store, auth, clock, SUPERVISOR)
    lock_out(auth, TELLER)
    password = admin.reset_password(TELLER)
    assert audit(store)[-1] == (SUPERVISOR, "teller.password_reset", {"username": TELLER})
    with pytest.raises(LoginRefused):  # still locked: unlocking needs the second factor
        auth.sign_in(TELLER, password)
    clock.now = T0 + dt.timedelta(minutes=31)
    assert auth.sign_in(TELLER, password).must_change_password is True


def test_unlock_needs_the_supervisors_one_time_code(store, auth, clock) -> None:  # type: ignore[no-untyped-def]
    admin = admin_for(store, auth, clock, SUPERVISOR)
    with pytest.raises(TellerAdminRefused) as not_locked:
        admin.unlock(TELLER, SupervisorApproval(SUPERVISOR, SUPER_PASSWORD, otp(SUPERVISOR, T0)))
    assert not_locked.value.code == "NOT_LOCKED"
    lock_out(auth, TELLER)
    view = next(a for a in admin.accounts() if a.username == TELLER)
    assert view.locked(clock.now) and view.state_zh(clock.now) == "已锁定"
    with pytest.raises(LoginRefused) as no_code:  # the password alone is not enough
        admin.unlock(TELLER, SupervisorApproval(SUPERVISOR, SUPER_PASSWORD, ""))
    assert no_code.value.code == "BAD_CREDENTIALS"
    with pytest.raises(LoginRefused):
        auth.sign_in(TELLER, TELLER_PASSWORD)  # still locked
    assert admin.unlock(TELLER, SupervisorApproval(SUPERVISOR, SUPER_PASSWORD,
                                                   otp(SUPERVISOR, T0))).locked(clock.now) is False
    granted, unlocked = audit(store)[-2:]
    assert granted == (SUPERVISOR, "authorise.granted",
                       {"purpose": f"teller.unlock:{TELLER}", "factor": "totp"})
    assert unlocked == (SUPERVISOR, "account.unlocked", {"username": TELLER, "supervisor": SUPERVISOR})
    assert auth.sign_in(TELLER, TELLER_PASSWORD).username == TELLER


def test_a_supervisor_cannot_authorise_their_own_unlock(store, auth, clock) -> None:  # type: ignore[no-untyped-def]
    lock_out(auth, SUPERVISOR)
    admin = admin_for(store, auth, clock, ADMIN)
    with pytest.raises(TellerAdminRefused) as own:
        admin.unlock(SUPERVISOR, SupervisorApproval(SUPERVISOR, SUPER_PASSWORD, otp(SUPERVISOR, T0)))
    assert own.value.code == "NOT_OWN_ACCOUNT"
    admin.unlock(SUPERVISOR, SupervisorApproval(ADMIN, ADMIN_PASSWORD, otp(ADMIN, T0)))
    assert auth.sign_in(SUPERVISOR, SUPER_PASSWORD).username == SUPERVISOR


def test_enrolment_rights(store, auth, clock) -> None:  # type: ignore[no-untyped-def]
    supervisor = admin_for(store, auth, clock, SUPERVISOR)
    enrolment = supervisor.begin_enrolment(SUPERVISOR)  # one's own: yes
    supervisor.confirm_enrolment(enrolment, code_at_step(enrolment.secret, step_at(T0)))
    assert audit(store)[-1] == (SUPERVISOR, "teller.totp_reenrolled", {"username": SUPERVISOR})
    with pytest.raises(TellerAdminRefused):
        supervisor.begin_enrolment(ADMIN)  # another's: only an admin
    with pytest.raises(TellerAdminRefused) as teller:
        admin_for(store, auth, clock, ADMIN).begin_enrolment(TELLER)
    assert teller.value.code == "NOT_AUTHORISER"


def test_the_duty_supervisor_manages_tellers_only_on_a_weekend_day(store, clock) -> None:  # type: ignore[no-untyped-def]
    """The weekend duty supervisor (值班主管) has a supervisor's powers on the tellers screen
    by the opening-hours rule: refused on a weekday (Monday 10:00), allowed on Saturday 10:00."""
    from counter_app.domain.opening_hours import OpeningHours, ServiceHours, authorising_roles
    from counter_app.domain.schedule import WeekendService

    hours = OpeningHours(ServiceHours(("mon", "tue", "wed", "thu", "fri"), dt.time(9), dt.time(17)),
                         WeekendService(("sat", "sun"), dt.time(9), dt.time(16)))
    moment = {"now": dt.datetime(2026, 11, 30, 10, 0)}  # a Monday, in opening hours
    auth = TellerAuth(SqlTellerRepository(store), LoginPolicy(3, 30), "03", clock,
                      authorisers=lambda: authorising_roles(hours, moment["now"]))
    auth.seed_demo_accounts()
    admin_for(store, auth, clock, ADMIN).add("D0301", "周末值班", "duty_supervisor")
    duty = admin_for(store, auth, clock, "D0301")

    for act in (lambda: duty.add("T0399", "新柜员", "teller"),
                lambda: duty.disable(TELLER, "离职交接完毕"),
                lambda: duty.reset_password(TELLER),
                duty.accounts):
        with pytest.raises(TellerAdminRefused) as refused:
            act()
        assert refused.value.code == "DUTY_SUPERVISOR_OFF_DUTY"
        assert "周末营业时间" in refused.value.message_zh
    assert not [a for a in audit(store) if a[0] == "D0301"]  # nothing done, nothing audited

    moment["now"] = dt.datetime(2026, 12, 5, 10, 0)  # Saturday, in the weekend hours
    assert duty.roles_to_add() == ("teller",)
    assert len(duty.add("T0399", "新柜员", "teller")) == 10
    duty.disable(TELLER, "离职交接完毕")
    assert duty.reset_password("T0399")
    actions = [(actor, action) for actor, action, _d in audit(store) if actor == "D0301"]
    assert actions == [("D0301", "teller.created"), ("D0301", "teller.disabled"),
                       ("D0301", "teller.password_reset")]
    with pytest.raises(TellerAdminRefused) as refused:  # still only tellers, as a supervisor
        duty.disable(SUPERVISOR, "值班期间停用")
    assert refused.value.code == "NOT_YOUR_ROLE"

    moment["now"] = dt.datetime(2026, 12, 5, 16, 0)  # Saturday at closing: off duty again
    with pytest.raises(TellerAdminRefused) as refused:
        duty.enable(TELLER)
    assert refused.value.code == "DUTY_SUPERVISOR_OFF_DUTY"


def test_only_an_admin_changes_a_role_and_it_is_audited(store, auth, clock) -> None:  # type: ignore[no-untyped-def]
    supervisor = admin_for(store, auth, clock, SUPERVISOR)
    with pytest.raises(TellerAdminRefused) as refused:  # a supervisor raises nobody
        supervisor.change_role(TELLER, "supervisor")
    assert refused.value.code == "NOT_YOUR_ROLE"
    admin = admin_for(store, auth, clock, ADMIN)
    with pytest.raises(ValidationError):
        admin.change_role(TELLER, "boss")
    with pytest.raises(TellerAdminRefused) as refused:
        admin.change_role(ADMIN, "teller")
    assert refused.value.code == "NOT_OWN_ACCOUNT"
    with pytest.raises(TellerAdminRefused) as refused:
        admin.change_role(TELLER, "teller")
    assert refused.value.code == "SAME_ROLE"
    assert not [a for a in audit(store) if a[1] == "teller.role_changed"]

    view = admin.change_role(TELLER, "duty_supervisor")
    assert (view.role, view.role_zh) == ("duty_supervisor", "值班主管")
    assert [(actor, d) for actor, action, d in audit(store) if action == "teller.role_changed"] == [
        (ADMIN, {"username": TELLER, "role_from": "teller", "role_to": "duty_supervisor"})]
    assert auth.sign_in(TELLER, TELLER_PASSWORD).role == "duty_supervisor"  # from the next sign-in
