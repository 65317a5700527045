"""The blocking audit alarm, driven as a teller and a supervisor would: a broken chain found at
start hides the main window's work behind the alarm; a teller cannot dismiss it; a supervisor's
password and reason acknowledge it (audited) and the counter goes on. Signing out asks for a
head report."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from counter_app.store.audit import ACK_ACTION, append_audit
from counter_app.store.models import AuditEntry
from counter_app.workflows.login import DEMO_ACCOUNTS
from tests.fixtures.otp import fresh_code
from tests.ui.test_shell import close, sign_in, start, type_login

SUPERVISOR, _N, _R, SUPER_PASSWORD = DEMO_ACCOUNTS[1]
TELLER, _N2, _R2, TELLER_PASSWORD = DEMO_ACCOUNTS[0]


def broken_services(make_services):
    """A counter whose audit log lost an entry while it was closed."""
    services = make_services()
    with services.store.write() as s:
        for i in range(6):
            append_audit(s, services.store.cipher, "T0301", "login.success", session=i)
    assert services.audit_watch.ledger.verify_full().ok  # checkpoint at the head
    path = services.store.path
    services.store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE seq = 3")
    conn.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                 "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")
    conn.close()
    services = make_services()  # the start-up verification finds it
    assert services.audit_watch.alarm is not None
    return services


def test_a_broken_chain_blocks_the_window_until_a_supervisor_acknowledges(qtbot, make_services) -> None:
    services = broken_services(make_services)
    app = start(qtbot, services)
    sign_in(qtbot, app)
    main = app.main
    guard = main.audit_alarm
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible(), timeout=5000)
    dialog = guard.dialog
    assert main.screens.currentWidget() is guard.panel  # the work is hidden, not only covered
    assert not main.status.isVisible()
    text = dialog.findChild(QLabel, "AuditAlarmText").text()
    assert "审计日志被篡改" in text and "业务已暂停" in text and "主管" in text
    assert dialog.isModal()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not dismiss it
    assert dialog.isVisible() and guard.dialog is dialog

    def acknowledge(user: str, password: str, reason: str) -> None:
        dialog.username.setText(user)
        dialog.password.setText(password)
        dialog.fields.otp.setText(fresh_code() if user == SUPERVISOR else "123456")
        dialog.reason.setText(reason)
        qtbot.mouseClick(dialog.ack_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: guard.dialog is None or dialog.ack_button.isEnabled(), timeout=10000)

    acknowledge(TELLER, TELLER_PASSWORD, "我看过了没问题")  # a teller may not
    assert "无权授权" in dialog.error.text() and dialog.isVisible()
    acknowledge(SUPERVISOR, "wrong-password-1", "已核实，继续营业")
    assert "用户名、密码或动态验证码不正确" in dialog.error.text() and dialog.isVisible()
    assert services.audit_watch.alarm is not None

    reason = "已报告中心，核实后继续营业"
    acknowledge(SUPERVISOR, SUPER_PASSWORD, reason)
    qtbot.waitUntil(lambda: guard.dialog is None, timeout=5000)
    assert main.screens.currentWidget() is main.content and main.status.isVisible()
    assert services.audit_watch.alarm is None
    with services.store.read() as s:
        ack = s.query(AuditEntry).filter(AuditEntry.action == ACK_ACTION).one()
        assert ack.actor == SUPERVISOR and ack.detail["reason"] == reason
        assert ack.detail["first_bad_seq"] == 3
    close(app)


def test_an_intact_chain_shows_no_alarm_and_a_sign_out_asks_for_a_report(qtbot, make_services) -> None:
    services = make_services()
    app = start(qtbot, services)
    type_login(qtbot, app, TELLER, TELLER_PASSWORD)  # not handed to qtbot: sign-out deletes it
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    main = app.main
    guard = main.audit_alarm
    guard.check()
    assert guard.dialog is None and main.screens.currentWidget() is main.content
    watch = services.audit_watch
    assert not watch._wake.is_set()
    main.sign_out("logout")
    qtbot.waitUntil(lambda: watch._wake.is_set(), timeout=10000)  # the next round runs now
    qtbot.waitUntil(lambda: app.login.isVisible(), timeout=10000)
    close(app)


def test_a_break_found_while_signed_in_shows_within_the_poll(qtbot, make_services) -> None:
    services = make_services()
    app = start(qtbot, services)
    sign_in(qtbot, app)
    guard = app.main.audit_alarm
    services.audit_watch.ledger.record_break({"source": "central_refused", "problem": "中心拒收"})
    services.audit_watch.load_alarm()  # what a round does when it finds the break
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible(), timeout=5000)
    assert "中心系统拒收链头" in guard.dialog.what.text()
    assert app.main.screens.currentWidget() is guard.panel
    close(app)
