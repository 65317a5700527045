"""柜员与角色 driven offscreen: a teller locked out at the login window and unlocked from the
tab with the supervisor's second factor (a wrong code refused first); an authenticator bound
through the QR dialog; an account added; a sensitive act refused without the code."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
import sqlalchemy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from counter_app.store.models import AuditEntry
from counter_app.ui.ops import Ops
from counter_app.ui.supervision import SupervisionEnv
from counter_app.ui.supervision.tellers import TellersTab
from counter_app.workflows.login import DEMO_ACCOUNTS, LoginRefused
from counter_app.workflows.supervisor import SupervisorApproval, code_at_step
from tests.fixtures.otp import PinnedOtp
from tests.ui.test_shell import close, start, type_login

TELLER, _tn, _tr, TELLER_PASSWORD = DEMO_ACCOUNTS[0]
SUPERVISOR, _sn, _sr, SUPER_PASSWORD = DEMO_ACCOUNTS[1]


@pytest.fixture
def ops() -> Iterator[Ops]:
    made = Ops()
    yield made
    made.shutdown()


def tab_for(qtbot, services, ops: Ops, user: str = SUPERVISOR) -> TellersTab:  # type: ignore[no-untyped-def]
    tab = TellersTab(SupervisionEnv(services, user, ops))
    qtbot.addWidget(tab)
    tab.resize(1000, 800)
    tab.show()
    tab.open()
    qtbot.waitUntil(lambda: not tab.busy and tab.table.rowCount() > 0, timeout=10000)
    return tab


def select(tab: TellersTab, username: str) -> None:
    rows = [a.username for a in tab.accounts]
    tab.table.selectRow(rows.index(username))
    assert tab.selected() == username


def click(qtbot, tab: TellersTab, name: str) -> None:  # type: ignore[no-untyped-def]
    button = tab.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy, timeout=15000)


def row_text(tab: TellersTab, username: str) -> list[str]:
    r = [a.username for a in tab.accounts].index(username)
    return [tab.table.item(r, c).text() for c in range(tab.table.columnCount())]


def signs_in_when_normal(qtbot, tab: TellersTab, app) -> None:  # type: ignore[no-untyped-def]
    """Once the tab shows the teller 正常 again, the login window lets the teller in."""
    qtbot.waitUntil(lambda: not tab.busy and row_text(tab, TELLER)[3] == "正常", timeout=10000)
    app.login.error.clear()
    type_login(qtbot, app, TELLER, TELLER_PASSWORD)
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    qtbot.addWidget(app.main)
    close(app)


def test_a_locked_out_teller_is_unlocked_with_the_second_factor(qtbot, make_services,
                                                                 ops: Ops) -> None:
    services = make_services(max_login_failures=3)
    otp = PinnedOtp(services.auth)  # the check's clock pinned: no code lapses meanwhile
    app = start(qtbot, services)
    for _ in range(3):
        app.login.error.clear()
        type_login(qtbot, app, TELLER, "wrong-password-1")
        qtbot.waitUntil(lambda: app.login.error.text() != "", timeout=10000)
    app.login.error.clear()
    type_login(qtbot, app, TELLER, TELLER_PASSWORD)
    qtbot.waitUntil(lambda: app.login.error.text() != "", timeout=10000)
    assert "已锁定" in app.login.error.text() and app.main is None

    tab = tab_for(qtbot, services, ops)
    assert row_text(tab, TELLER)[3] == "已锁定"
    assert row_text(tab, SUPERVISOR)[4] == "已绑定"
    select(tab, TELLER)
    assert tab.fields.user.text() == SUPERVISOR  # the signed-in supervisor, pre-filled
    qtbot.keyClicks(tab.fields.password, SUPER_PASSWORD)
    click(qtbot, tab, "UnlockTeller")  # no code typed: asked for, nothing sent
    assert "6位数字" in tab.message.text()
    qtbot.keyClicks(tab.fields.otp, otp.wrong())
    click(qtbot, tab, "UnlockTeller")
    assert "动态验证码不正确" in tab.message.text()
    assert tab.fields.password.text() == "" and tab.fields.otp.text() == ""
    assert row_text(tab, TELLER)[3] == "已锁定"

    qtbot.keyClicks(tab.fields.password, SUPER_PASSWORD)
    qtbot.keyClicks(tab.fields.otp, otp.code())
    click(qtbot, tab, "UnlockTeller")
    qtbot.waitUntil(lambda: "已解锁" in tab.message.text(), timeout=10000)
    signs_in_when_normal(qtbot, tab, app)


def test_an_authenticator_is_bound_through_the_qr_dialog(qtbot, make_services, ops: Ops) -> None:
    import cv2

    services = make_services(session=False)
    otp = PinnedOtp(services.auth)
    tab = tab_for(qtbot, services, ops)
    select(tab, SUPERVISOR)
    click(qtbot, tab, "EnrolTotp")
    qtbot.waitUntil(lambda: tab.enrol_dialog is not None and tab.enrol_dialog.isVisible(),
                    timeout=10000)
    dialog = tab.enrol_dialog
    assert dialog is not None
    secret = dialog.enrolment.secret
    # the QR on screen is what an authenticator app reads: decode the painted widget
    from counter_app.ui.supervisor_dialog import QrView

    qr = dialog.findChild(QrView)
    assert qr is not None
    image = qr.grab().toImage().convertToFormat(qr.grab().toImage().Format.Format_Grayscale8)
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(np.ascontiguousarray(raw[:, :image.width()]))
    assert text == dialog.enrolment.uri and f"secret={secret}" in text

    step = otp.step
    qtbot.keyClicks(dialog.code, code_at_step(secret, step + 5))  # not this secret's code now
    qtbot.mouseClick(dialog.findChild(QPushButton, "EnrolOk"), Qt.MouseButton.LeftButton)
    assert "验证码与二维码不符" in dialog.error.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.code, code_at_step(secret, step))
    qtbot.mouseClick(dialog.findChild(QPushButton, "EnrolOk"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.enrol_dialog is None, timeout=5000)
    qtbot.waitUntil(lambda: "已绑定动态验证码" in tab.message.text(), timeout=10000)

    # the old demo phone no longer authorises (its code, valid now for the old secret); the
    # newly bound one does, with a later step than the first code's
    with pytest.raises(LoginRefused):
        services.auth.authorise(SupervisorApproval(SUPERVISOR, SUPER_PASSWORD, otp.code()),
                                purpose="blank.spoil")
    assert services.auth.authorise(
        SupervisorApproval(SUPERVISOR, SUPER_PASSWORD, code_at_step(secret, step + 1)),
        purpose="blank.spoil") == SUPERVISOR


def test_a_teller_is_added_with_a_temporary_password(qtbot, make_services, ops: Ops) -> None:
    services = make_services(session=False)
    tab = tab_for(qtbot, services, ops)
    assert [tab.new_role.itemData(i) for i in range(tab.new_role.count())] == ["teller"]
    qtbot.keyClicks(tab.new_username, "T0305")
    tab.new_name.setText("新柜员 李娜")  # typed through the input method
    click(qtbot, tab, "AddTeller")
    qtbot.waitUntil(lambda: "已添加账户 T0305" in tab.message.text(), timeout=10000)
    password = tab.message.text().split("临时密码：")[1][:10]
    qtbot.waitUntil(lambda: not tab.busy and "T0305" in [a.username for a in tab.accounts],
                    timeout=10000)
    assert row_text(tab, "T0305")[3] == "待改密码"
    assert services.auth.sign_in("T0305", password).must_change_password is True


def test_a_sensitive_act_is_refused_without_the_code(make_services) -> None:
    """Force-closing a session (like a fee refund, a supervisor's act): the password alone is
    refused and the session stays open; with the code it closes."""
    services = make_services()  # T0301's day is open
    otp = PinnedOtp(services.auth)
    desk = services.session_desk("T0302")
    open_one = next(s for s in desk.open_sessions() if s.teller == TELLER)
    with pytest.raises(LoginRefused) as refused:
        desk.force_close(open_one.id, SupervisorApproval(SUPERVISOR, SUPER_PASSWORD, ""),
                         "电脑故障未日终")
    assert refused.value.code == "BAD_CREDENTIALS"
    assert any(s.id == open_one.id for s in desk.open_sessions())
    closed = desk.force_close(open_one.id, SupervisorApproval(SUPERVISOR, SUPER_PASSWORD,
                                                              otp.code()), "电脑故障未日终")
    assert closed.closed_by == SUPERVISOR
    # the audited authorisation names the session it closed
    with services.store.read() as s:
        purposes = [e.detail["purpose"] for e in s.scalars(
            sqlalchemy.select(AuditEntry).where(AuditEntry.action == "authorise.granted"))]
    assert purposes == [f"session.force_close:{TELLER}-{open_one.id}"]


def test_the_supervision_page_holds_the_tellers_tab(qtbot, make_services, ops: Ops) -> None:
    from counter_app.ui.supervision import SupervisionPage

    page = SupervisionPage(SupervisionEnv(make_services(session=False), SUPERVISOR, ops))
    qtbot.addWidget(page)
    assert "柜员与角色" in [page.tabs.tabText(i) for i in range(page.tabs.count())]
    tab = page.show_tab("tellers")
    assert isinstance(tab, TellersTab)
    qtbot.waitUntil(lambda: not tab.busy and tab.table.rowCount() > 0, timeout=10000)


def test_a_reset_password_is_replaced_at_the_next_sign_in(qtbot, make_services, ops: Ops) -> None:
    services = make_services(session=False)
    tab = tab_for(qtbot, services, ops)
    select(tab, TELLER)
    click(qtbot, tab, "ResetPassword")
    qtbot.waitUntil(lambda: "临时密码：" in tab.message.text(), timeout=10000)
    temporary = tab.message.text().split("临时密码：")[1][:10]
    qtbot.waitUntil(lambda: not tab.busy and row_text(tab, TELLER)[3] == "待改密码", timeout=10000)

    app = start(qtbot, services)
    type_login(qtbot, app, TELLER, temporary)  # cancelled: signed out again, no main window
    qtbot.waitUntil(lambda: app.login.password_dialog is not None, timeout=10000)
    app.login.password_dialog.reject()
    qtbot.waitUntil(lambda: "须先设置本人的新密码" in app.login.error.text(), timeout=10000)
    assert app.main is None

    type_login(qtbot, app, TELLER, temporary)
    qtbot.waitUntil(lambda: app.login.password_dialog is not None, timeout=10000)
    dialog = app.login.password_dialog
    ok = dialog.findChild(QPushButton, "ChangePasswordOk")
    dialog.new.setText("Counter2027x")
    dialog.again.setText("Counter2027y")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "不一致" in dialog.error.text() and app.main is None
    dialog.new.setText("short1")
    dialog.again.setText("short1")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "密码至少需要8位。" and app.main is None
    dialog.new.setText("Counter2027x")
    dialog.again.setText("Counter2027x")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    qtbot.addWidget(app.main)
    close(app)
    with pytest.raises(LoginRefused):
        services.auth.sign_in(TELLER, temporary)
    assert services.auth.sign_in(TELLER, "Counter2027x").must_change_password is False
