"""柜员与角色 driven offscreen, further acts: a one-time code used once is refused when typed again
(the replay told as such, the teller stays locked, the replay audited and counted); a teller
disabled from the tab with a reason cannot sign in at the login window, and the change is
audited with the supervisor and the reason."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select as sql_select

from counter_app.store.models import AuditEntry
from counter_app.ui.ops import Ops
from counter_app.workflows.login import DEMO_ACCOUNTS, DEMO_TOTP_SECRETS, LoginRefused, utc_now_naive
from counter_app.workflows.supervisor import code_at_step, step_at
from tests.fixtures.otp import fresh_code
from tests.ui.supervision.test_tellers_tab import (
    SUPER_PASSWORD,
    SUPERVISOR,
    TELLER,
    TELLER_PASSWORD,
    click,
    row_text,
    select,
    signs_in_when_normal,
    tab_for,
)
from tests.ui.test_shell import start, type_login


@pytest.fixture
def ops() -> Iterator[Ops]:
    made = Ops()
    yield made
    made.shutdown()


def lock_out(services, username: str = TELLER) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        with pytest.raises(LoginRefused):
            services.auth.sign_in(username, "wrong-password-1")


def audit(services) -> list[tuple[str, str, dict[str, object]]]:  # type: ignore[no-untyped-def]
    with services.store.read() as s:
        return [(e.actor, e.action, dict(e.detail))
                for e in s.scalars(sql_select(AuditEntry).order_by(AuditEntry.seq))]


ADMIN, _an, _ar, ADMIN_PASSWORD = DEMO_ACCOUNTS[2]


def unlock_with(qtbot, tab, code: str, user: str = SUPERVISOR,  # type: ignore[no-untyped-def]
                password: str = SUPER_PASSWORD) -> None:
    select(tab, TELLER)
    tab.fields.user.setText(user)
    qtbot.keyClicks(tab.fields.password, password)
    qtbot.keyClicks(tab.fields.otp, code)
    click(qtbot, tab, "UnlockTeller")


def test_a_replayed_code_is_refused_on_the_tab(qtbot, make_services, ops: Ops) -> None:  # type: ignore[no-untyped-def]
    services = make_services(max_login_failures=3, session=False)
    lock_out(services)
    tab = tab_for(qtbot, services, ops)
    assert row_text(tab, TELLER)[3] == "已锁定"
    # the next step's code: inside the window for the whole test, so its second use can only be
    # refused as a replay (never as a code gone stale)
    code = code_at_step(DEMO_TOTP_SECRETS[SUPERVISOR], step_at(utc_now_naive()) + 1)
    unlock_with(qtbot, tab, code)
    qtbot.waitUntil(lambda: "已解锁" in tab.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: not tab.busy and row_text(tab, TELLER)[3] == "正常", timeout=10000)

    lock_out(services)  # locked again within the same 30 seconds
    tab.open()
    qtbot.waitUntil(lambda: not tab.busy and row_text(tab, TELLER)[3] == "已锁定", timeout=10000)
    unlock_with(qtbot, tab, code)  # the same code a second time
    qtbot.waitUntil(lambda: "已经使用过" in tab.message.text(), timeout=10000)
    assert "请等验证器显示新的验证码" in tab.message.text()
    assert tab.fields.password.text() == "" and tab.fields.otp.text() == ""
    tab.open()
    qtbot.waitUntil(lambda: not tab.busy and row_text(tab, TELLER)[3] == "已锁定", timeout=10000)
    replays = [(actor, d.get("purpose")) for actor, action, d in audit(services)
               if action == "authorise.code_replayed"]
    assert replays == [(SUPERVISOR, f"teller.unlock:{TELLER}")]
    assert next(a for a in tab.accounts if a.username == SUPERVISOR).failed_logins == 1

    # another supervisor's code (the demo admin's authenticator) goes through
    unlock_with(qtbot, tab, fresh_code(ADMIN), ADMIN, ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: "已解锁" in tab.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: not tab.busy and row_text(tab, TELLER)[3] == "正常", timeout=10000)


def test_a_teller_disabled_on_the_tab_cannot_sign_in(qtbot, make_services, ops: Ops) -> None:  # type: ignore[no-untyped-def]
    services = make_services(session=False)
    tab = tab_for(qtbot, services, ops)
    select(tab, TELLER)
    click(qtbot, tab, "DisableTeller")  # no reason: asked for, nothing changed
    assert "停用原因" in tab.message.text()
    assert row_text(tab, TELLER)[3] == "正常"
    tab.reason.setText("调离本网点")  # typed through the input method
    click(qtbot, tab, "DisableTeller")
    qtbot.waitUntil(lambda: f"账户 {TELLER} 已停用" in tab.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: not tab.busy and row_text(tab, TELLER)[3] == "已停用", timeout=10000)
    [(actor, detail)] = [(a, d) for a, action, d in audit(services) if action == "teller.disabled"]
    assert actor == SUPERVISOR and detail.get("reason") == "调离本网点"

    app = start(qtbot, services)
    type_login(qtbot, app, TELLER, TELLER_PASSWORD)  # the right password: still refused
    qtbot.waitUntil(lambda: app.login.error.text() != "", timeout=10000)
    assert app.main is None
    with pytest.raises(LoginRefused):
        services.auth.sign_in(TELLER, TELLER_PASSWORD)

    select(tab, TELLER)  # enabled again: the teller signs in
    click(qtbot, tab, "EnableTeller")
    signs_in_when_normal(qtbot, tab, app)


def test_an_admin_changes_a_role_on_the_tab(qtbot, make_services, ops: Ops) -> None:  # type: ignore[no-untyped-def]
    services = make_services(session=False)
    supervisor_tab = tab_for(qtbot, services, ops)  # a supervisor is not offered the change
    assert not supervisor_tab.role_row.isVisibleTo(supervisor_tab)

    tab = tab_for(qtbot, services, ops, ADMIN)
    assert tab.role_row.isVisibleTo(tab)
    select(tab, TELLER)
    tab.change_role_to.setCurrentIndex(tab.change_role_to.findData("supervisor"))
    click(qtbot, tab, "ChangeRole")
    qtbot.waitUntil(lambda: "角色已改为主管" in tab.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: not tab.busy and row_text(tab, TELLER)[2] == "主管", timeout=10000)
    assert [(a, d) for a, action, d in audit(services) if action == "teller.role_changed"] == [
        (ADMIN, {"username": TELLER, "role_from": "teller", "role_to": "supervisor"})]
    select(tab, ADMIN)  # not one's own
    click(qtbot, tab, "ChangeRole")
    assert "不能更改自己账户的角色" in tab.message.text()
    assert services.auth.sign_in(TELLER, TELLER_PASSWORD).role == "supervisor"
