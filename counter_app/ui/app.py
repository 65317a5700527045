"""Running the Qt application: login → main window → sign-out → login.

Also the non-interactive modes used by the demo, the checks and the benchmarks: saving a
screenshot of the login or main window once ready, and exiting as soon as the login window
is on screen (for the start-up benchmark).
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.domain.errors import CounterError
from counter_app.profile import BranchProfile
from counter_app.ui.login_window import LoginWindow
from counter_app.ui.main_window import MainWindow
from counter_app.ui.ops import Ops
from counter_app.ui.status_bar import StatusMonitor
from counter_app.ui.theme import apply_theme
from counter_app.workflows.login import SignedIn

log = logging.getLogger(__name__)


@dataclass
class RunOptions:
    auto_login: tuple[str, str] | None = None
    screenshot_login: Path | None = None
    screenshot_main: Path | None = None
    exit_when_ready: bool = False
    ready_timeout_s: float = 20.0


class CounterApp(QObject):
    """Owns the windows of one running counter application.

    Given ``services`` it is ready at once (tests); given a ``build`` function it shows the
    login window first and opens the store right after, so the teller sees the window at
    once and a start-up failure (corrupt or locked database, unreadable key) is shown in the
    window, not in a console nobody sees.
    """

    def __init__(self, services: Any = None, options: RunOptions | None = None, *,
                 profile: BranchProfile | None = None, build: Callable[[], Any] | None = None) -> None:
        super().__init__()
        self.services = services
        self.build = build
        self.options = options or RunOptions()
        self.ops = Ops(self)
        profile = profile or services.profile
        self.login = LoginWindow(profile, services.auth if services else None, self.ops)
        self.login.sig_signed_in.connect(self.open_main)
        self.main: MainWindow | None = None
        self.monitor: StatusMonitor | None = None
        self.exit_code = 0

    def start(self) -> None:
        self.login.show()
        if self.services is None:
            QTimer.singleShot(0, self._open_services)
        else:
            self._services_ready()

    def _open_services(self) -> None:
        assert self.build is not None
        try:
            self.services = self.build()
        except CounterError as error:
            self.exit_code = 1
            self.login.show_fatal(error.message_zh)
            if self.options.exit_when_ready or self.options.screenshot_main:
                print(f"错误：{error.message_zh}", file=sys.stderr)
                QApplication.quit()
            return
        self.login.attach(self.services.auth)
        self._services_ready()
        # The outbox sync runs in the background; it need not hold up the login window.
        QTimer.singleShot(0, self.services.start_sync)

    def _services_ready(self) -> None:
        opts = self.options
        if opts.exit_when_ready:
            QTimer.singleShot(0, self._ready_exit)
        elif opts.screenshot_login is not None:
            QTimer.singleShot(400, lambda: self._save(self.login, opts.screenshot_login, quit_after=
                                                      opts.auto_login is None))
        if opts.auto_login is not None:
            QTimer.singleShot(600 if opts.screenshot_login else 0, self._auto_login)

    def _auto_login(self) -> None:
        assert self.options.auto_login is not None
        user, password = self.options.auto_login
        self.login.username.setText(user)
        self.login.password.setText(password)
        self.login.submit()

    def _ready_exit(self) -> None:
        QApplication.processEvents()
        print(f"ready {time.perf_counter():.3f}", flush=True)
        QApplication.quit()

    def open_main(self, signed_in: SignedIn) -> None:
        s = self.services
        try:
            presence = s.presence_source()
        except Exception as error:
            log.warning("reader monitor unavailable: %s", type(error).__name__)
            presence = None
        self.monitor = StatusMonitor(s.profile, self.ops, s.probe_line, s.outbox_depth, presence, self)
        self.main = MainWindow(s.profile, signed_in, s.auth, self.ops, self.monitor, services=s)
        self.main.sig_signed_out.connect(self.back_to_login)
        self.main.show()
        self.login.hide()
        self.monitor.start()
        if self.options.screenshot_main is not None:
            self._wait_ready_then_save(time.monotonic())

    def _wait_ready_then_save(self, since: float) -> None:
        """Screenshot once the status bar shows real readings (or after the timeout)."""
        assert self.main is not None and self.monitor is not None
        ready = self.monitor.line.state != "unknown" and (
            self.monitor.presence is None or bool(self.monitor.slots))
        if ready or time.monotonic() - since > self.options.ready_timeout_s:
            QTimer.singleShot(300, lambda: self._save(self.main, self.options.screenshot_main))
        else:
            QTimer.singleShot(100, lambda: self._wait_ready_then_save(since))

    def _save(self, window: QWidget | None, path: Path | None, quit_after: bool = True) -> None:
        assert window is not None and path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path), "PNG"):
            log.error("could not save screenshot to %s", path)
            self.exit_code = 1
        else:
            print(f"截图已保存 / screenshot saved: {path}", flush=True)
        if quit_after:
            QApplication.quit()

    def back_to_login(self, _reason: str) -> None:
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor = None
        if self.main is not None:
            self.main.close()
            self.main.deleteLater()
            self.main = None
        self.login.refresh_mode()
        self.login.show()

    def shutdown(self) -> None:
        if self.monitor is not None:
            self.monitor.stop()
        self.ops.shutdown(5000)


# the offscreen platform's harmless complaint; Qt Multimedia probing optional libraries
_QT_NOISE = ("propagateSizeHints", "pipewire", "Couldn't load va", "Couldn't resolve va")


def _qt_messages(mode: QtMsgType, _context: object, message: str) -> None:
    if any(noise in message for noise in _QT_NOISE):
        return
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl+C or a service stop (SIGTERM) closes the application the normal way, so the
    store is closed and whatever the demo started is stopped. Python handles signals only
    between bytecodes, so a light timer lets the interpreter run while Qt waits for events."""
    def request_quit(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, app.quit)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, request_quit)
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)


def run_gui(profile: BranchProfile, build: Callable[[], Any], options: RunOptions | None = None) -> int:
    """Run the application; ``build`` opens the store and the rest once the window shows."""
    qInstallMessageHandler(_qt_messages)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("counter-app")
    app.setApplicationDisplayName("社会保障卡柜面业务系统")
    apply_theme(app)
    counter = CounterApp(options=options, profile=profile, build=build)
    _quit_on_signals(app)
    counter.start()
    try:
        return app.exec() or counter.exit_code
    finally:
        counter.shutdown()
        if counter.services is not None:
            counter.services.close()
