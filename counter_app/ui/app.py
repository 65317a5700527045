"""Running the Qt application: login → main window → sign-out → login.

Also the non-interactive modes used by the demo, the checks and the benchmarks: saving a
screenshot of the login or main window once ready, and exiting as soon as the login window
is on screen (for the start-up benchmark).

Start-up shows the login window before anything heavy is imported: the store, SQLAlchemy,
argon2 and the rest are loaded by ``build`` on a worker while the teller types, and attached
to the window when ready. Keep the imports below light; the main window comes lazily.
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import install_translations, tr
from counter_app.ui.login_window import LoginWindow, error_text
from counter_app.ui.ops import Ops
from counter_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from counter_app.profile import BranchProfile
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.status_bar import StatusMonitor
    from counter_app.workflows.login import SignedIn

log = logging.getLogger(__name__)


UPDATE_NOTE_MS = 10 * 60 * 1000  # how long the status bar keeps the word on updates


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
    login window first and runs ``build`` on a worker once the window is on screen, so the
    teller sees the window at once and can type; a sign-in asked for meanwhile waits for the
    services, and a start-up failure (corrupt or locked database, unreadable key) is shown in
    the window, not in a console nobody sees.
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
        self._built: Any = None  # services built on the worker, until the UI takes them
        #: the last word on updates (staged, refused, rolled back), for the next status bar
        self.update_note: str | None = None

    def start(self) -> None:
        self.login.show()
        if self.services is None:
            QTimer.singleShot(0, self._window_shown)
        else:
            self._services_ready()

    def _window_shown(self) -> None:
        """The login window is on screen and usable: now load the rest, off the UI thread
        (started only now so the imports do not compete with the first paint)."""
        QApplication.processEvents()
        if self.options.exit_when_ready:
            print(f"window-ready {time.perf_counter():.3f} rss_mib={peak_rss_mib():.1f}", flush=True)
        self.ops.run(self._build_services, self._services_built, self._build_failed)

    def _build_services(self) -> Any:
        """On the worker: open the store and start the outbox sync (it need not hold up the
        window), and import the main window so signing in does not wait for it."""
        assert self.build is not None
        services = self._built = self.build()
        services.start_sync()
        import counter_app.ui.main_window  # noqa: F401 - loaded here, off the UI thread

        return services

    def _services_built(self, services: Any) -> None:
        self.services, self._built = services, None
        self.login.attach(services.auth)
        notice = getattr(services, "update_notice", None)
        if notice:  # the last update's outcome (a rolled-back install above all), said once
            self.login.error.setText(tr(notice))
            self.update_note = tr(notice)
        self._services_ready()

    def _build_failed(self, error: BaseException) -> None:
        self.exit_code = 1
        message = error_text(error)
        if not isinstance(error, CounterError):
            log.error("start-up failed", exc_info=error)
        self.login.show_fatal(message)
        if self.options.exit_when_ready or self.options.screenshot_main:
            print(tr("错误：{0}").format(message), file=sys.stderr)
            QApplication.quit()

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
        """Sign-in is possible: the benchmark's second mark."""
        QApplication.processEvents()
        print(f"ready {time.perf_counter():.3f} rss_mib={peak_rss_mib():.1f}", flush=True)
        QApplication.quit()

    def open_main(self, signed_in: SignedIn) -> None:
        from counter_app.ui.main_window import MainWindow
        from counter_app.ui.status_bar import StatusMonitor

        s = self.services
        try:
            presence = s.presence_source()
        except Exception as error:
            log.warning("reader monitor unavailable: %s", type(error).__name__)
            presence = None
        self.monitor = StatusMonitor(s.profile, self.ops, s.probe_line, s.outbox_depth, presence, self,
                                     dead_letters=s.dead_letters)
        self.main = MainWindow(s.profile, signed_in, s.auth, self.ops, self.monitor, services=s)
        self.main.sig_signed_out.connect(self.back_to_login)
        self.main.show()
        self.login.hide()
        if self.update_note:
            self.main.status.showMessage(self.update_note, UPDATE_NOTE_MS)
            self.update_note = None
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
            print(tr("截图已保存 / screenshot saved: {0}").format(path), flush=True)
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
        self.check_for_update()

    def check_for_update(self) -> None:
        """After a sign-out, on a worker: look for a signed update and stage it for the next
        start. Nobody waits for it; the outcome is a quiet line in the next status bar."""
        check = getattr(self.services, "check_for_update", None)
        if not callable(check):
            return

        def done(result: Any) -> None:
            if result is not None and result.state == "staged":
                self.update_note = tr(result.message_zh)

        def failed(error: BaseException) -> None:
            if not isinstance(error, CounterError):
                log.error("update check failed", exc_info=error)
            else:
                log.warning("update check: %s", error.code)
            self.update_note = tr("检查更新未完成：{0}").format(error_text(error))

        self.ops.run(check, done, failed)

    def shutdown(self) -> None:
        if self.monitor is not None:
            self.monitor.stop()
        self.ops.shutdown(5000)
        if self.services is None and self._built is not None:
            # closed while starting: the services were built but never handed over
            self.services, self._built = self._built, None


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (0 where it cannot be read)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# the offscreen platform's harmless complaint; Qt Multimedia probing optional libraries
_QT_NOISE = ("propagateSizeHints", "does not support raise()", "pipewire", "Couldn't load va", "Couldn't resolve va")


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


def _install_fallback_fonts() -> None:
    from counter_app.ui.fonts import install_fallback_fonts  # the printing layer's font files

    install_fallback_fonts()


def run_gui(profile: BranchProfile, build: Callable[[], Any], options: RunOptions | None = None) -> int:
    """Run the application; ``build`` opens the store and the rest once the window shows."""
    qInstallMessageHandler(_qt_messages)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("counter-app")
    app.setApplicationDisplayName(tr("社会保障卡柜面业务系统"))
    apply_theme(app)
    install_translations(app)  # Qt's own dialogs (是/否, 另存为) in Chinese
    counter = CounterApp(options=options, profile=profile, build=build)
    _quit_on_signals(app)
    counter.start()
    # rare name characters (CJK Extension A/B) drawn by the fallback font, not as boxes; after
    # the login window shows, since it looks through the font database
    QTimer.singleShot(200, _install_fallback_fonts)
    try:
        return app.exec() or counter.exit_code
    finally:
        counter.shutdown()
        if counter.services is not None:
            counter.services.close()
