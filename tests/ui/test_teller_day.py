"""柜员会话 through the signed-in window: without a session the counter says so and a
business is refused; the teller opens the day; a restart finds the session again; a
supervisor force-closes a session left open, with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from counter_app.bootstrap import build_services
from counter_app.central.sync import NewWorkRefused, check_new_work
from counter_app.ui.sessions import SessionPage
from tests.fixtures.otp import fresh_code
from tests.ui.test_shell import close, sign_in, start


def session_page(qtbot, app) -> SessionPage:  # type: ignore[no-untyped-def]
    app.main.route_to("teller_day")
    page = app.main.day_pages["teller_day"]
    assert isinstance(page, SessionPage)
    qtbot.waitUntil(lambda: page.state is not None and not page.busy, timeout=10000)
    return page


def status_state(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.main.status.session_label.property("state"))


def test_a_business_is_refused_until_the_teller_opens_the_day(qtbot, make_services) -> None:
    services = make_services(session=False)
    app = start(qtbot, services)
    sign_in(qtbot, app)
    qtbot.waitUntil(lambda: status_state(app) == "none", timeout=10000)
    hint = app.main.findChild(QLabel, "SessionHint")
    assert hint.isVisibleTo(app.main) and "柜员会话" in hint.text()
    limits = services.profile.offline
    try:
        check_new_work("formal_loss", services.status_for("T0301")(), limits, free_disk_mb=1e6)
        raise AssertionError("a loss was admitted without a session")
    except NewWorkRefused as refused:
        assert refused.code == "SESSION_REQUIRED"

    page = session_page(qtbot, app)
    assert "尚未开始营业" in page.summary.text() and page.open_button.isVisibleTo(page)
    qtbot.keyClicks(page.float_edit, "abc")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "格式不正确" in page.message.text() and not page.busy, timeout=10000)
    page.float_edit.clear()
    qtbot.keyClicks(page.float_edit, "2000")
    qtbot.keyClick(page.float_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status_state(app) == "ready", timeout=10000)
    assert "营业中" in page.summary.text() and "¥2,000.00" in page.summary.text()
    assert "¥2,000.00" in app.main.status.session_label.text()
    assert not hint.isVisibleTo(app.main)
    check_new_work("replacement_factory", services.status_for("T0301")(), limits,
                   free_disk_mb=1e6)  # admitted now (a business needing the central: line up)
    close(app)


def test_the_session_survives_a_restart_and_a_supervisor_force_closes_it(
        qtbot, make_services) -> None:
    first = make_services()  # the fixture opened T0301's day
    # a restart: a second process's services over the same database file
    services = build_services(first.profile, exclusive=False, fakes=first.fakes)
    app = start(qtbot, services)
    sign_in(qtbot, app)
    qtbot.waitUntil(lambda: status_state(app) == "ready", timeout=10000)
    page = session_page(qtbot, app)
    assert page.open_list.count() == 1 and "T0301" in page.open_list.item(0).text()

    page.reason.setText("电脑故障未日终")  # typed through the input method
    qtbot.keyClicks(page.supervisor, "S0301")
    qtbot.keyClicks(page.password, "wrong-password-1")
    qtbot.mouseClick(page.force_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "用户名、密码或动态验证码不正确" in page.message.text()
                    and not page.busy, timeout=10000)
    assert status_state(app) == "ready" and page.password.text() == ""
    qtbot.keyClicks(page.password, "Super@2026")
    qtbot.keyClicks(page.otp, fresh_code())
    qtbot.mouseClick(page.force_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "强制结束" in page.message.text() and not page.busy, timeout=10000)
    assert "S0301" in page.message.text()
    qtbot.waitUntil(lambda: status_state(app) == "none", timeout=10000)
    assert page.open_list.count() == 0 and page.open_button.isVisibleTo(page)
    close(app)
    services.store.close()
