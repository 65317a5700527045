"""The supervisor's code box follows the profile everywhere (one shared way, ui/second_factor.py):
with ``[security] supervisor_second_factor = false`` no screen shows a 动态验证码 box — the
application's photo override, the blank stock's spoil step, the instant issuance's spoil dialog,
柜员会话's force-close — and with the default every one of them does."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from counter_app.ui.issuance.dialogs import SpoilDialog
from counter_app.ui.second_factor import hold, required, supervisor_fields
from counter_app.ui.sessions import SessionPage
from counter_app.workflows.application import Step as AppStep
from counter_app.workflows.stock import Step as StockStep
from tests.ui.test_shell import close, sign_in, start


@pytest.mark.parametrize("second_factor", [True, False])
def test_every_supervisor_box_follows_the_profile(qtbot, make_services, second_factor: bool) -> None:  # type: ignore[no-untyped-def]
    app = start(qtbot, make_services(supervisor_second_factor=second_factor))
    sign_in(qtbot, app)
    try:
        app.main.route_to("blank_stock")
        stock = app.main.pages["blank_stock"]
        qtbot.waitUntil(lambda: not stock.busy and stock.ops.pending == 0, timeout=10000)
        spoil = stock.view(StockStep.SPOIL)
        assert spoil.fields.second_factor is second_factor
        assert spoil.otp.isVisibleTo(spoil) is second_factor
        assert spoil.fields.missing_zh() == "请主管输入账号。"
        spoil.supervisor.setText("S0301")
        spoil.password.setText("Super@2026")
        # without the code asked, user and password are all there is to type
        assert (spoil.fields.missing_zh() is None) is (not second_factor)

        app.main.route_to("application")
        application = app.main.pages["application"]
        qtbot.waitUntil(lambda: not application.busy and application.ops.pending == 0, timeout=10000)
        photo = application.step_screen(AppStep.PHOTO)
        assert photo.override_supervisor.second_factor is second_factor
        assert photo.override_supervisor.otp.isVisibleTo(photo.override_supervisor) is second_factor

        dialog = SpoilDialog("1234", application)  # the issuance page opens it the same way
        qtbot.addWidget(dialog)
        assert dialog.supervisor.second_factor is second_factor
        assert dialog.supervisor.otp.isVisibleTo(dialog) is second_factor

        # built before the window places it: the box settles when first shown
        app.main.route_to("teller_day")
        sessions = app.main.day_pages["teller_day"]
        assert isinstance(sessions, SessionPage)
        qtbot.waitUntil(lambda: sessions.state is not None and not sessions.busy
                        and sessions.open_list.count() == 1, timeout=10000)
        assert sessions.fields.second_factor is second_factor
        assert sessions.otp.isVisibleTo(sessions) is second_factor
        assert sessions.password.isVisibleTo(sessions)
        # the signed-in window offers 远程授权 beside every box (RemoteWait: remote_approval tests)
        for fields in (spoil.fields, photo.override_supervisor, dialog.supervisor, sessions.fields):
            assert fields.remote is not None
    finally:
        close(app)


def test_outside_a_window_the_code_is_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A box built outside any window asks for the code (the profile's default); the nearest
    window that holds the setting decides."""
    assert required(None) is True
    outer, inner = QWidget(), QWidget()
    qtbot.addWidget(outer)
    inner.setParent(outer)
    assert required(inner) is True
    hold(outer, False)
    assert required(inner) is False and supervisor_fields(inner, prefix="X").second_factor is False
    hold(inner, True)  # the nearest holder wins
    assert required(inner) is True
