"""The Qt shell driven as a teller would, offscreen: login, lockout, menu, status bar, idle lock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.ui.app import CounterApp
from counter_app.workflows.login import DEMO_ACCOUNTS

TELLER, _NAME, _ROLE, PASSWORD = DEMO_ACCOUNTS[0]


def start(qtbot, services) -> CounterApp:
    app = CounterApp(services)
    qtbot.addWidget(app.login)
    app.start()
    return app


def type_login(qtbot, app: CounterApp, user: str, password: str) -> None:
    app.login.username.clear()
    qtbot.keyClicks(app.login.username, user)
    qtbot.keyClicks(app.login.password, password)
    qtbot.keyClick(app.login.password, Qt.Key.Key_Return)


def sign_in(qtbot, app: CounterApp) -> None:
    type_login(qtbot, app, TELLER, PASSWORD)
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    qtbot.addWidget(app.main)


def close(app: CounterApp) -> None:
    if app.main is not None:
        app.main.idle.stop()
    app.shutdown()


def test_login_success_opens_the_main_window(qtbot, make_services) -> None:
    app = start(qtbot, make_services())
    assert "柜员登录" in [w.text() for w in app.login.findChildren(type(app.login.error))]
    sign_in(qtbot, app)
    assert not app.login.isVisible()
    header = app.main.findChild(type(app.login.error), "TellerName").text()
    assert TELLER in header and "柜员" in header
    close(app)


def test_login_failure_shows_a_chinese_error_and_keeps_the_user_name(qtbot, make_services) -> None:
    app = start(qtbot, make_services())
    type_login(qtbot, app, TELLER, "wrong-password-1")
    qtbot.waitUntil(lambda: app.login.error.text() != "", timeout=10000)
    assert "用户名或密码不正确" in app.login.error.text()
    assert app.login.username.text() == TELLER and app.login.password.text() == ""
    assert app.main is None
    close(app)


def test_lockout_after_the_configured_failures(qtbot, make_services) -> None:
    app = start(qtbot, make_services(max_login_failures=3))
    for _ in range(3):
        app.login.error.clear()
        type_login(qtbot, app, TELLER, "wrong-password-1")
        qtbot.waitUntil(lambda: app.login.error.text() != "", timeout=10000)
    assert "已锁定" in app.login.error.text()
    app.login.error.clear()
    type_login(qtbot, app, TELLER, PASSWORD)
    qtbot.waitUntil(lambda: app.login.error.text() != "", timeout=10000)
    assert "已锁定" in app.login.error.text() and app.main is None
    close(app)


def with_unbuilt_business(monkeypatch) -> None:
    """Every business of the catalogue may be built by now: the rule for one that is not is
    shown on 日终轧账, added as not built (the teller's day-end business)."""
    from counter_app.workflows import catalog

    monkeypatch.setattr(catalog, "BUSINESSES", (*catalog.BUSINESSES, catalog.Business(
        "day_end", "日终轧账", "营业终了轧账：核对当日业务笔数、现金与凭证，打印轧账单")))


def test_menu_follows_the_branch_profile(qtbot, make_services, monkeypatch) -> None:
    with_unbuilt_business(monkeypatch)
    instant = start(qtbot, make_services("instant"))
    sign_in(qtbot, instant)
    keys = dict(instant.main.menu_keys())
    assert "instant_issue" in keys and "central_production" not in keys
    close(instant)

    central = start(qtbot, make_services("central"))
    sign_in(qtbot, central)
    keys = dict(central.main.menu_keys())
    assert "central_production" in keys and "instant_issue" not in keys
    # businesses not built yet are shown, disabled, with a note
    assert {"application", "handout", "loss", "replacement", "certificates"} <= set(keys)
    assert keys["central_production"] is True and keys["handout"] is True
    assert keys["loss"] is True and keys["replacement"] is True and keys["day_end"] is False
    item = central.main.menu.item(
        [k for k, _ in central.main.menu_keys()].index("day_end") + 1)
    assert "建设中" in item.text() and "后续版本" in item.toolTip()
    close(central)


def test_status_bar_follows_the_line_and_the_readers(qtbot, make_services, fake_central, fake_presence) -> None:
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    bar = app.main.status
    qtbot.waitUntil(lambda: bar.line_label.property("state") == "online", timeout=5000)
    assert "在线" in bar.line_label.text()
    fake_central.up = False
    qtbot.waitUntil(lambda: bar.line_label.property("state") == "offline", timeout=5000)
    assert "离线" in bar.line_label.text()
    fake_central.up = True
    qtbot.waitUntil(lambda: bar.line_label.property("state") == "online", timeout=5000)

    card, psam = app.services.profile.readers.card, app.services.profile.readers.psam
    fake_presence.fire({card: (True, False, None), psam: (True, True, "3B00")})
    qtbot.waitUntil(lambda: bar.card_label.property("state") == "empty", timeout=5000)
    assert bar.psam_label.property("state") == "card" and "就绪" in bar.psam_label.text()
    fake_presence.fire({card: (True, True, "3B6D"), psam: (True, True, "3B00")})
    qtbot.waitUntil(lambda: bar.card_label.property("state") == "card", timeout=5000)
    assert "有卡" in bar.card_label.text()
    fake_presence.fire({psam: (True, True, "3B00")})
    qtbot.waitUntil(lambda: bar.card_label.property("state") == "no_reader", timeout=5000)
    assert "未连接" in bar.card_label.text()
    assert bar.outbox_label.property("state") == 0
    close(app)


def test_idle_lock_keeps_the_window_and_unlocks_with_the_password(qtbot, make_services) -> None:
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    main.lock_screen()
    dialog = main.lock_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.password, "wrong-pass-9")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10000)
    assert main.lock_dialog is dialog  # still locked
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.lock_dialog is None, timeout=10000)
    assert app.main is main and main.isVisible()  # the same window, work kept
    close(app)


def test_idle_timer_locks_the_screen(qtbot, make_services) -> None:
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    app.main.idle.timer.setInterval(200)
    app.main.idle.timer.start()
    qtbot.waitUntil(lambda: app.main.lock_dialog is not None, timeout=5000)
    close(app)


def test_typing_in_the_window_keeps_the_screen_unlocked(qtbot, make_services) -> None:
    """The idle watch sees input through the window the teller works in (not through an
    application-wide filter, which would run Python for every event of every widget)."""
    from PySide6.QtTest import QTest

    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    window = main.windowHandle()
    assert window is not None and window in main.idle.watched
    main.idle.timer.setInterval(1500)  # ten times a key's gap: a stalled machine keeps it
    main.idle.timer.start()
    for _ in range(20):  # 3 s of typing, twice the idle period
        QTest.keyClick(window, Qt.Key.Key_Shift)
        qtbot.wait(150)
    assert main.lock_dialog is None
    qtbot.waitUntil(lambda: main.lock_dialog is not None, timeout=5000)  # then idle: locked
    close(app)


def test_first_run_asks_for_the_admin_password(qtbot, tmp_path) -> None:
    from dataclasses import replace

    from counter_app.bootstrap import Fakes, build_services
    from tests.fixtures.app import FakeCentral, make_profile

    profile = replace(make_profile(tmp_path), demo=False)  # a real branch: no demo accounts
    fresh = build_services(profile, fakes=Fakes(central=FakeCentral(), no_presence=True))
    app = CounterApp(fresh)
    qtbot.addWidget(app.login)
    app.start()
    assert app.login.first_run

    def set_password(first: str, second: str) -> None:
        app.login.new_password.clear()
        app.login.confirm_password.clear()
        app.login.first_run_error.clear()
        qtbot.keyClicks(app.login.new_password, first)
        qtbot.keyClicks(app.login.confirm_password, second)
        qtbot.keyClick(app.login.confirm_password, Qt.Key.Key_Return)

    set_password("Counter2026x", "Counter2026y")
    assert "不一致" in app.login.first_run_error.text()
    set_password("Admin2026x", "Admin2026x")
    qtbot.waitUntil(lambda: app.login.first_run_error.text() != "", timeout=10000)
    assert "用户名" in app.login.first_run_error.text()
    set_password("Counter2026x", "Counter2026x")
    qtbot.waitUntil(lambda: not app.login.first_run, timeout=10000)
    assert app.login.username.text() == "admin"
    qtbot.keyClicks(app.login.password, "Counter2026x")
    qtbot.keyClick(app.login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
    qtbot.addWidget(app.main)
    assert "系统管理员" in app.main.findChild(type(app.login.error), "TellerName").text()
    close(app)
    fresh.store.close()


def test_a_corrupt_database_is_explained_in_the_login_window(qtbot, tmp_path) -> None:
    from counter_app.bootstrap import build_services
    from tests.fixtures.app import make_profile

    profile = make_profile(tmp_path)
    profile.database.parent.mkdir(parents=True, exist_ok=True)
    profile.database.write_bytes(b"garbage, not sqlite" * 500)
    app = CounterApp(profile=profile, build=lambda: build_services(profile))
    qtbot.addWidget(app.login)
    app.start()
    qtbot.waitUntil(lambda: app.exit_code == 1, timeout=10000)
    assert "损坏" in app.login.error.text() and not app.login.login_button.isEnabled()
    app.shutdown()


def test_results_arriving_after_shutdown_are_dropped(qtbot) -> None:
    import threading

    from counter_app.ui.ops import Ops

    def late_result(ops: Ops, shut_down: bool) -> list[object]:
        release = threading.Event()
        delivered: list[object] = []
        ops.run(lambda: release.wait(5) and "late", delivered.append, delivered.append)
        release.set()
        if shut_down:
            ops.shutdown(5000)
        else:
            ops.wait(5000)
        assert ops.pending == 1  # the result is queued for the UI thread, not yet handled
        # the relay leaves `pending` only when the queued result reached it on this thread
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)
        return delivered

    assert late_result(Ops(), shut_down=False) == ["late"]  # the control: it would arrive
    assert late_result(Ops(), shut_down=True) == []


# -- start-up: the window first, the services on a worker ---------------------------------------

def test_a_sign_in_before_the_services_are_ready_waits_for_them(qtbot, tmp_path) -> None:
    import threading

    from counter_app.bootstrap import Fakes, build_services
    from tests.fixtures.app import FakeCentral, make_profile

    profile = make_profile(tmp_path)
    release, building = threading.Event(), threading.Event()
    built = []

    def slow_build():
        building.set()
        assert release.wait(10)
        services = build_services(profile, fakes=Fakes(central=FakeCentral(), no_presence=True))
        built.append(services)
        return services

    app = CounterApp(profile=profile, build=slow_build)
    qtbot.addWidget(app.login)
    app.start()
    qtbot.waitUntil(building.is_set, timeout=5000)  # the store is opening on its worker
    assert app.services is None and app.login.login_button.isEnabled()
    type_login(qtbot, app, TELLER, PASSWORD)  # Enter while the store is still opening
    assert app.login.login_button.text() == "正在启动…" and not app.login.login_button.isEnabled()
    assert app.main is None and app.login.error.text() == ""
    release.set()
    qtbot.waitUntil(lambda: app.main is not None, timeout=20000)  # the sign-in went ahead
    qtbot.addWidget(app.main)
    assert TELLER in app.main.findChild(type(app.login.error), "TellerName").text()
    assert "演示环境账号" in app.login.demo_hint.text()
    close(app)
    built[0].close()


def test_an_unexpected_start_up_failure_is_shown_not_raised(qtbot, tmp_path) -> None:
    from tests.fixtures.app import make_profile

    def broken_build():
        raise RuntimeError("disk on fire")

    app = CounterApp(profile=make_profile(tmp_path), build=broken_build)
    qtbot.addWidget(app.login)
    app.start()
    type_login(qtbot, app, TELLER, PASSWORD)
    qtbot.waitUntil(lambda: app.exit_code == 1, timeout=10000)
    assert "系统内部错误" in app.login.error.text() and "disk" not in app.login.error.text()
    assert not app.login.login_button.isEnabled() and app.main is None
    app.shutdown()


def test_the_login_window_imports_nothing_heavy() -> None:
    """What the process loads before the login window shows (see counter_app/ui/app.py)."""
    import subprocess
    import sys

    heavy = ("sqlalchemy", "alembic", "argon2", "numpy", "cv2", "PIL", "keyring", "requests",
             "counter_app.store", "counter_app.bootstrap", "counter_app.workflows.login")
    code = ("import sys, counter_app.cli, counter_app.ui.app\n"
            f"print(sorted({{m.split('.')[0] if not m.startswith('counter_app') else m "
            f"for m in sys.modules}} & set({heavy!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_plugin_commands_are_registered_only_when_asked_for() -> None:
    from counter_app.cli import BUILTIN_COMMANDS, PLUGIN_COMMANDS, build_parser, plugins_needed

    assert plugins_needed([]) == [] and plugins_needed(["--profile", "sync", "-v"]) == []
    assert plugins_needed(["demo", "--state", "sync"]) == []
    assert plugins_needed(["--profile", "p.toml", "sync", "status"]) == ["counter_app.sync_cli"]
    assert plugins_needed(["card", "read"]) == ["counter_app.card.cli"]
    assert plugins_needed(["-h"]) == plugins_needed(["nonsense"]) == list(PLUGIN_COMMANDS)
    parser = build_parser()  # every part registered: the table names exactly their commands
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert set(commands) == set(BUILTIN_COMMANDS) | {
        name for names in PLUGIN_COMMANDS.values() for name in names}


def test_the_lock_hides_the_whole_window_not_only_covers_it(qtbot, make_services) -> None:
    """After locking, a grab of the main window shows nothing of what was typed: the grab is
    the same whether or not an applicant's ID number was on screen (it differs before)."""
    from PySide6.QtWidgets import QLabel, QLineEdit

    applicant = "330203198506122017"
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    main.show_business("application")
    qtbot.waitUntil(lambda: main.content.findChild(QLineEdit, "IdNumber") is not None
                    and main.content.findChild(QLineEdit, "IdNumber").isVisible(), timeout=10000)
    field = main.content.findChild(QLineEdit, "IdNumber")

    def grab_with(text: str, *, lock: bool) -> object:
        field.setText(text)
        if lock:
            main.lock_screen()
            qtbot.waitUntil(lambda: main.lock_dialog is not None and main.lock_dialog.isVisible())
        qtbot.wait(50)
        image = main.grab().toImage()
        if lock:
            shown = [w.text() for kind in (QLabel, QLineEdit) for w in main.findChildren(kind)
                     if w.isVisible()]
            assert not any(applicant in t for t in shown), shown
            assert main.locked and not main.content.isVisible() and not main.status.isVisible()
            main.lock_dialog.accept()  # as a correct password does
            qtbot.waitUntil(lambda: main.lock_dialog is None and not main.locked, timeout=5000)
        return image

    assert grab_with(applicant, lock=False) != grab_with("", lock=False)  # the control
    assert grab_with(applicant, lock=True) == grab_with("", lock=True)
    assert main.content.isVisible() and main.status.isVisible()  # unlocked: the work is back
    assert field.text() == ""
    close(app)


def test_switching_user_at_the_lock_keeps_the_content_hidden(qtbot, make_services) -> None:
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    main.lock_screen()
    main.lock_dialog.done(2)  # 换人登录
    assert main.locked and not main.content.isVisible()
    qtbot.waitUntil(lambda: app.main is None or not main.isVisible(), timeout=10000)
    close(app)


def test_the_demo_password_hint_needs_demo_mode_and_a_loopback_central(qtbot, tmp_path) -> None:
    from dataclasses import replace

    from counter_app.ui.login_window import LoginWindow
    from counter_app.ui.ops import Ops
    from tests.fixtures.app import make_profile

    class NoAccountsWithoutPassword:
        def accounts_without_password(self) -> list[str]:
            return []

    demo = make_profile(tmp_path)
    real_central = replace(demo, central=replace(demo.central, base_url="https://central.example"))
    not_demo = replace(demo, demo=False)
    for profile, shown in ((demo, True), (real_central, False), (not_demo, False)):
        window = LoginWindow(profile, None, Ops())
        qtbot.addWidget(window)
        window.attach(NoAccountsWithoutPassword())
        window.show()
        assert window.demo_hint.isVisible() is shown, profile.central.base_url
        assert (PASSWORD in window.demo_hint.text()) is shown
        window.close()
