"""The main window: header, business menu, work area, live status bar, idle lock."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QMouseEvent, QShowEvent, QWindow
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.profile import BranchProfile
from counter_app.ui.i18n import bank_name, tr
from counter_app.ui.login_window import APP_TITLE_ZH, error_text
from counter_app.ui.ops import Ops
from counter_app.ui.qt import named
from counter_app.ui.status_bar import CounterStatusBar, StatusMonitor
from counter_app.workflows.catalog import Business, businesses_for

if TYPE_CHECKING:  # sign-in (SQLAlchemy, argon2) is loaded by the services, not here
    from counter_app.ui.wizard_page import WizardPage
    from counter_app.workflows.login import SignedIn, TellerAuth
    from counter_app.workflows.services import CounterServices

log = logging.getLogger(__name__)

TELLER_DAY = "teller_day"  # menu key of the teller's-day page (not a catalogue business)
DAY_END = "teller_day_end"  # menu key of 日终轧账 (ui/day_end)
SUPERVISION = "supervision"  # menu key of 主管管理 (supervisors only)
STATISTICS = "statistics"  # menu key of 网点统计 (ui/statistics)

_ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
}


class IdleWatcher(QObject):
    """Emits ``sig_idle`` after a period with no keyboard or mouse activity.

    It watches the window the teller works in (each window that takes the focus: the main
    window, a dialog), not the whole application: an application-wide Python event filter
    would run Python for every event of every widget, and each of those calls must wait for
    the interpreter while a worker makes a PDF or checks a photo, which stalls the screen.
    A window sees the input meant for any of its widgets, and few other events.
    """

    sig_idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(min(int(minutes * 60_000), 2**31 - 1))  # QTimer takes an int32
        self.timer.timeout.connect(self.sig_idle.emit)
        self.watched: list[QWindow] = []
        self.following = False  # connected to the application's focus-window changes

    def start(self) -> None:
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        if not self.following:
            app.focusWindowChanged.connect(self._watch)
            self.following = True
        self._watch(app.focusWindow())
        self.timer.start()

    def watch_window(self, widget: QWidget) -> None:
        """Watch a top-level widget's window now (before it takes the focus)."""
        handle = widget.windowHandle()
        if handle is not None:
            self._watch(handle)

    def _watch(self, window: QWindow | None) -> None:
        if window is None or window in self.watched:
            return
        window.installEventFilter(self)
        window.destroyed.connect(lambda _=None, w=window: self._forget(w))
        self.watched.append(window)

    def _forget(self, window: QWindow) -> None:
        if window in self.watched:
            self.watched.remove(window)

    def stop(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self.following:
            app.focusWindowChanged.disconnect(self._watch)
            self.following = False
        for window in self.watched:
            with contextlib.suppress(RuntimeError):
                window.removeEventFilter(self)
        self.watched.clear()
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


class BusinessTile(QFrame):
    """A home-page tile: click, Enter or Space opens its business (or, for one not built yet,
    the page that says so)."""

    sig_open = Signal(str)  # business key

    def __init__(self, business: Business, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.key = business.key
        self.setProperty("business", business.key)
        self.setProperty("tile", True)
        self.setProperty("built", business.built)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(tr(business.title_zh))
        self.setToolTip(tr("打开“{0}”（单击或回车）").format(tr(business.title_zh)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.sig_open.emit(self.key)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.sig_open.emit(self.key)
            return
        super().keyPressEvent(event)


class LockDialog(QDialog):
    """Asks for the password after idle time. The window behind it shows only a plain lock
    panel meanwhile; the work in progress stays where it is, hidden."""

    def __init__(self, parent: QWidget, signed_in: SignedIn, auth: TellerAuth, ops: Ops) -> None:
        super().__init__(parent)
        self.setObjectName("LockDialog")
        self.signed_in, self.auth, self.ops = signed_in, auth, ops
        self.setWindowTitle(tr("已锁屏"))
        self.setModal(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 24)
        title = QLabel(tr("屏幕已锁定"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        lay.addWidget(title)
        lay.addWidget(named(QLabel(
            tr("长时间无操作，屏幕已锁定，正在办理的业务已保留。\n"
            "请 {0}（{1}）输入密码解锁。").format(signed_in.display_name, signed_in.username)), "Hint"))
        self.password = named(QLineEdit(), "UnlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = named(QLabel(""), "FieldError")
        self.error.setWordWrap(True)
        self.unlock_button = named(QPushButton(tr("解　锁")), "Primary")
        self.unlock_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.switch_button = QPushButton(tr("换人登录（签退当前柜员）"))
        self.switch_button.clicked.connect(lambda: self.done(2))
        for w in (self.password, self.error, self.unlock_button, self.switch_button):
            lay.addWidget(w)
        self.resize(420, 260)

    def submit(self) -> None:
        password = self.password.text()
        self.password.clear()
        self.unlock_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.unlock_button.setEnabled(True)
            self.error.setText(error_text(error))
            if getattr(error, "code", "") == "ACCOUNT_LOCKED":
                self.done(2)

        self.ops.run(lambda: self.auth.unlock(self.signed_in, password),
                     lambda _r: self.accept(), failed)

    def reject(self) -> None:  # Esc must not bypass the lock
        pass


class MainWindow(QMainWindow):
    sig_signed_out = Signal(str)  # reason

    def __init__(self, profile: BranchProfile, signed_in: SignedIn, auth: TellerAuth, ops: Ops,
                 monitor: StatusMonitor, services: CounterServices | None = None) -> None:
        super().__init__()
        self.profile, self.signed_in, self.auth, self.ops = profile, signed_in, auth, ops
        self.monitor = monitor
        self.services = services  # business pages are built from it; None: menu only
        self.pages: dict[str, WizardPage[Any]] = {}
        self._timed: set[str] = set()  # business pages whose completions are recorded
        self.day_pages: dict[str, QWidget] = {}  # 柜员会话, 主管管理
        self.setWindowTitle(f"{APP_TITLE_ZH} - {profile.branch_name}")
        # every screen's supervisor fields ask for the code only when the profile does, and
        # offer 远程授权 (a supervisor at another counter) through the window's worker
        from counter_app.ui.second_factor import RemoteHold, hold

        hold(self, profile.security.supervisor_second_factor,
             None if services is None else RemoteHold(services.remote_approvals, ops,
                                                       signed_in.username))
        self.resize(1280, 800)
        self.businesses = businesses_for(profile.instant_issue)

        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_header())
        from counter_app.ui.version_banner import version_banner

        # below the central's minimum version: said, then no new business after the grace
        self.version_banner = version_banner(services, self)
        if self.version_banner is not None:
            root.addWidget(self.version_banner)
        from counter_app.ui.opening_hours import OpeningHoursBanner

        # outside opening hours: said, never refused (docs/weekend.md)
        self.hours_banner = OpeningHoursBanner(profile.opening_hours, self, asks=not profile.demo)
        root.addWidget(self.hours_banner)
        body = QHBoxLayout()
        body.setSpacing(0)
        self.menu = self._build_menu()
        body.addWidget(self.menu)
        self.work_area = QStackedWidget()
        self.home = self._build_home()
        self.work_area.addWidget(self.home)
        self.not_built = self._build_not_built_page()
        self.work_area.addWidget(self.not_built)
        body.addWidget(self.work_area, 1)
        root.addLayout(body, 1)
        # the working content, or, while locked, a plain panel: a passer-by sees no applicant
        self.content = central
        self.lock_panel = self._build_lock_panel()
        self.screens = QStackedWidget()
        self.screens.addWidget(self.content)
        self.screens.addWidget(self.lock_panel)
        self.setCentralWidget(self.screens)
        self.status = CounterStatusBar(profile, monitor)
        self.setStatusBar(self.status)
        if profile.instant_issue and services is not None:
            self.status.show_custody(None)
            # a bound slot: Qt drops it with this window (a lambda would outlive a user switch)
            monitor.sig_line.connect(self._line_polled)
            QTimer.singleShot(0, self, self.refresh_custody)  # dropped with the window
        self.focus_before_lock: QWidget | None = None
        self.resume_session()

        # after sign-in the keyboard starts in the business menu, not on 锁屏 in the header
        self.menu.setFocus()

        self.idle = IdleWatcher(profile.security.idle_lock_minutes, self)
        self.idle.sig_idle.connect(self.lock_screen)
        self.idle.start()
        self.warm_businesses()
        self.lock_dialog: LockDialog | None = None
        from counter_app.ui.audit_alarm import attach_audit_alarm

        self.audit_alarm = attach_audit_alarm(self)  # a broken audit chain blocks the window

    # -- layout --------------------------------------------------------------------------

    def _build_header(self) -> QFrame:
        header = named(QFrame(), "Header")
        lay = QHBoxLayout(header)
        lay.setContentsMargins(20, 10, 20, 10)
        titles = QVBoxLayout()
        titles.addWidget(named(QLabel(APP_TITLE_ZH), "SystemTitle"))
        titles.addWidget(named(QLabel(
            tr("{0} · {1} · {2}"
            " · 柜台 {3}").format(
                    bank_name(self.profile.bank), self.profile.branch_name, tr(self.profile.kind_zh),
                        self.profile.counter_id) + (tr(" · 演示环境") if self.profile.demo else "")), "BranchLine"))
        lay.addLayout(titles, 1)
        who = named(QLabel(tr("{0}（{1} · "
                     "{2}）").format(
                             self.signed_in.display_name, self.signed_in.username, tr(self.signed_in.role_zh))),
                                 "TellerName")
        who.setStyleSheet("font-size: 14px;")
        lay.addWidget(who)
        lock = named(QPushButton(tr("锁屏")), "LockButton")
        lock.clicked.connect(self.lock_screen)
        logout = named(QPushButton(tr("签退")), "LogoutButton")
        logout.clicked.connect(self.confirm_sign_out)
        lay.addWidget(lock)
        lay.addWidget(logout)
        return header

    def _build_lock_panel(self) -> QWidget:
        panel = named(QFrame(), "LockPanel")
        lay = QVBoxLayout(panel)
        lay.addStretch(1)
        for text, style in ((f"{APP_TITLE_ZH}", "font-size: 22px;"),
                            (tr("屏幕已锁定"), "font-size: 28px; font-weight: bold;"),
                            (tr("请在解锁窗口中输入密码。"), "font-size: 15px;")):
            label = QLabel(text)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(style)
            lay.addWidget(label)
        lay.addStretch(1)
        return panel

    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_panel

    def _build_menu(self) -> QListWidget:
        menu = named(QListWidget(), "BusinessMenu")
        menu.setFixedWidth(230)
        home = QListWidgetItem(tr("首页"))
        home.setData(Qt.ItemDataRole.UserRole, "home")
        menu.addItem(home)
        for business in self.businesses:
            item = QListWidgetItem(tr(business.title_zh) + ("" if business.built else tr("（建设中）")))
            item.setData(Qt.ItemDataRole.UserRole, business.key)
            item.setToolTip(tr(business.summary_zh) if business.built
                            else f"{tr(business.summary_zh)}\n{tr(business.not_built_note_zh)}")
            if not business.built:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            menu.addItem(item)
        if self.services is not None:  # the teller's day, after the businesses
            for key, title, tip in self._day_entries():
                item = QListWidgetItem(title)
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setToolTip(tip)
                menu.addItem(item)
        menu.setCurrentRow(0)
        menu.currentItemChanged.connect(self._menu_changed)
        return menu

    def _day_entries(self) -> list[tuple[str, str, str]]:
        entries = [(TELLER_DAY, tr("柜员会话"),
            tr("开始营业（备用金、保管的空白卡）、日终结束营业、主管强制结束遗留会话")),
                   (DAY_END, tr("日终轧账"),
                       tr("业务笔数、工本费、现金、卡片与待上传业务核对，差异说明，轧账单，退费"))]
        from counter_app.workflows.supervision import can_supervise

        if can_supervise(self.signed_in.role):  # supervisors only (each act is authorised too)
            entries.append((SUPERVISION, tr("主管管理"), tr("异常件处理、审计日志查询与校验、强制结束遗留会话")))
        entries.append((STATISTICS, tr("网点统计"),
            tr("每日业务量（按业务类型）、周末占比、平均耗时、未领卡片，可导出PDF")))
        return entries

    def _build_home(self) -> QWidget:
        page = named(QWidget(), "HomePage")
        lay = QVBoxLayout(page)
        lay.setContentsMargins(28, 24, 28, 24)
        greet = QLabel(tr("您好，{0}。请从左侧菜单或下方选择要办理的业务。").format(self.signed_in.display_name))
        greet.setStyleSheet("font-size: 18px; font-weight: bold;")
        lay.addWidget(greet)
        self.session_hint = named(QLabel("", wordWrap=True), "SessionHint")
        self.session_hint.setVisible(False)
        lay.addWidget(self.session_hint)
        lay.addWidget(named(QLabel(
            tr("“最多跑一次”：办理前请先核对申请人所需材料，缺少的材料一次性告知。"
            "中心专线中断时，可延后上传的业务照常办理，需实时联网的业务将提示暂停。"), wordWrap=True), "Hint"))
        grid = QGridLayout()
        grid.setSpacing(14)
        for index, business in enumerate(self.businesses):
            grid.addWidget(self._business_tile(business), index // 3, index % 3)
        lay.addLayout(grid)
        lay.addStretch(1)
        return page

    def _business_tile(self, business: Business) -> QFrame:
        tile = BusinessTile(business)
        tile.sig_open.connect(self.route_to)
        lay = QVBoxLayout(tile)
        lay.setContentsMargins(16, 14, 16, 14)
        name = QLabel(tr(business.title_zh))
        name.setStyleSheet("font-size: 16px; font-weight: bold;")
        lay.setSpacing(6)
        lay.addWidget(name)
        lay.addWidget(named(QLabel(tr(business.summary_zh), wordWrap=True), "Hint"))
        tag = (tr("需实时联网") if business.needs_central_now else tr("可离线办理、联网后上传"))
        if not business.built:
            tag = tr("建设中 · ") + tag
        lay.addStretch(1)
        lay.addWidget(named(QLabel(tag), "Hint"))
        tile.setMinimumHeight(118)
        return tile

    def _build_not_built_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(28, 24, 28, 24)
        self.not_built_title = QLabel("")
        self.not_built_title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.not_built_text = named(QLabel("", wordWrap=True), "Hint")
        lay.addWidget(self.not_built_title)
        lay.addWidget(self.not_built_text)
        lay.addStretch(1)
        return page

    # -- behaviour -----------------------------------------------------------------------

    def _menu_changed(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        key = item.data(Qt.ItemDataRole.UserRole) if item else "home"
        self.show_business(key)

    def show_business(self, key: str) -> None:
        tool = self.day_page(key)
        if tool is not None:
            self.work_area.setCurrentWidget(tool)
            return
        business = next((b for b in self.businesses if b.key == key), None)
        if business is None:
            self.work_area.setCurrentWidget(self.home)
            return
        page = self.business_page(business) if business.built else None
        if (page is not None and self.version_banner is not None
                and not self.version_banner.allow_start(self, page)):
            self.menu.setCurrentRow(0)  # refused: back to the home page
            return
        if page is not None and not self.hours_banner.allow_start(self, page, tr(business.title_zh)):
            self.menu.setCurrentRow(0)  # not now: back to the home page
            return
        if page is not None and key not in self._timed:  # each page's finished businesses
            self._timed.add(key)
            completed = getattr(page, "sig_completed", None)
            if completed is not None:
                completed.connect(lambda wizard, k=key: self.record_completed(k, wizard))
        if page is not None:
            self.work_area.setCurrentWidget(page)
            page.open()
            return
        self.not_built_title.setText(tr(business.title_zh))
        self.not_built_text.setText(f"{tr(business.summary_zh)}\n\n{tr(business.not_built_note_zh)}")
        self.work_area.setCurrentWidget(self.not_built)

    def warm_businesses(self) -> None:
        """Import the built businesses' pages (and through them the photo, printing and PDF
        libraries) on a worker right after sign-in, so the first opening of a business only
        builds widgets instead of stalling the screen for the imports (≈0.3 s)."""
        if self.services is None or not any(b.built for b in self.businesses):
            return

        def load() -> None:
            import counter_app.ui.application.page  # noqa: F401

        self.ops.run(load, None, lambda e: log.warning("pre-loading pages: %s", type(e).__name__))

    def business_page(self, business: Business) -> WizardPage[Any] | None:
        """The page of a built business, made on first use."""
        if business.key in self.pages:
            return self.pages[business.key]
        if self.services is not None and business.key == "certificates":
            from counter_app.ui.certificate import certificate_page

            cert_page = certificate_page(self.services, self.signed_in.username)
            self.work_area.addWidget(cert_page)
            self.pages[business.key] = cert_page
            return cert_page
        if self.services is not None and business.key == "card_services":
            from counter_app.ui.card_services import card_services_page

            services_page = card_services_page(self.services, self.signed_in.username)
            self.work_area.addWidget(services_page)
            self.pages[business.key] = services_page
            return services_page
        if self.services is not None and business.key == "loss":
            from counter_app.ui.card_loss import card_loss_page

            loss_page = card_loss_page(self.services, self.signed_in.username)
            loss_page.sig_accepted.connect(self.monitor.poll)  # the outbox may have grown
            self.work_area.addWidget(loss_page)
            self.pages[business.key] = loss_page
            return loss_page
        if self.services is not None and business.key == "replacement":
            from counter_app.ui.replacement import replacement_page

            repl_page = replacement_page(self.services, self.signed_in.username)
            repl_page.sig_route.connect(self.route_to)  # "办理挂失" when not formally lost
            repl_page.sig_issue.connect(self.issue_now)  # made on the spot: to the issuance
            self.work_area.addWidget(repl_page)
            self.pages[business.key] = repl_page
            return repl_page
        if self.services is not None and business.key == "blank_stock":
            from counter_app.ui.stock import stock_page

            blank_page = stock_page(self.services, self.signed_in.username)
            blank_page.sig_custody_changed.connect(self.refresh_custody)
            self.work_area.addWidget(blank_page)
            self.pages[business.key] = blank_page
            return blank_page
        if self.services is not None and business.key == "instant_issue":
            from counter_app.ui.issuance import issuance_page

            made = issuance_page(self.services, self.signed_in.username)
            made.sig_custody_changed.connect(self.refresh_custody)
            made.sig_accepted.connect(self.monitor.poll)  # a result may wait in the outbox
            self.work_area.addWidget(made)
            self.pages[business.key] = made
            return made
        if self.services is not None and business.key in ("central_production", "handout"):
            from counter_app.ui.production import handout_page, production_page

            prod_page = (production_page if business.key == "central_production"
                         else handout_page)(self.services, self.signed_in.username)
            prod_page.sig_waited.connect(lambda *_: self.monitor.poll())  # the outbox may grow
            self.work_area.addWidget(prod_page)
            self.pages[business.key] = prod_page
            return prod_page
        if self.services is not None and business.key == "queries":
            from counter_app.ui.queries import queries_page

            query_page = queries_page(self.services, self.signed_in.username)
            self.work_area.addWidget(query_page)
            self.pages[business.key] = query_page
            return query_page
        if self.services is not None and business.key in ("insurance_registration",
                                                          "personal_data_change"):
            from counter_app.ui.data_change import data_change_page
            from counter_app.ui.registration import registration_page

            make = (registration_page if business.key == "insurance_registration"
                    else data_change_page)
            person_page = make(self.services, self.signed_in.username)
            person_page.sig_accepted.connect(self.monitor.poll)  # the outbox may have grown
            person_page.sig_route.connect(self.route_to)  # data change → card services
            hand_over = getattr(person_page, "sig_hand_over", None)
            if hand_over is not None:  # data change → replacement, with the person
                hand_over.connect(self.route_to)
            self.work_area.addWidget(person_page)
            self.pages[business.key] = person_page
            return person_page
        if self.services is None or business.key != "application":
            return None
        from counter_app.ui.application import application_page

        page = application_page(self.services, self.signed_in.username)
        page.sig_route.connect(self.route_to)
        page.sig_accepted.connect(self.monitor.poll)  # show the new outbox depth at once
        page.sig_issue.connect(self.issue_now)
        self.work_area.addWidget(page)
        self.pages[business.key] = page
        return page

    def day_page(self, key: str) -> QWidget | None:
        """The teller's-day pages (work session, supervision), made on first use."""
        if self.services is not None and key == SUPERVISION:
            return self.supervision_page()
        if self.services is not None and key == STATISTICS:
            return self.statistics_page()
        if self.services is not None and key == DAY_END:
            return self.day_end_page()
        if self.services is None or key != TELLER_DAY:
            return None
        if key in self.day_pages:
            page = self.day_pages[key]
        else:
            from counter_app.ui.sessions import SessionPage

            made = SessionPage(self.services.session_desk(self.signed_in.username), self.ops,
                               counter_id=self.profile.counter_id)
            made.sig_changed.connect(self.show_session)
            page = self.day_pages[key] = made
            self.work_area.addWidget(page)
        opener = getattr(page, "open", None)
        if callable(opener):
            opener()
        return page

    def day_end_page(self) -> QWidget | None:
        """日终轧账, made on first use; summed afresh each time it is chosen."""
        if self.services is None:
            return None
        page = self.day_pages.get(DAY_END)
        if page is None:
            from counter_app.ui.day_end import DayEndPage

            who = self.signed_in.username
            made = DayEndPage(self.services.day_end_desk(who), self.services.fee_desk(who), self.ops,
                              second_factor=self.profile.security.supervisor_second_factor,
                              remote=self.services.remote_approvals)
            made.sig_closed.connect(lambda _closed: self.refresh_session())
            page = self.day_pages[DAY_END] = made
            self.work_area.addWidget(page)
        opener = getattr(page, "open", None)
        if callable(opener):
            opener()
        return page

    def statistics_page(self) -> QWidget | None:
        """网点统计, made on first use; refreshed each time it is chosen."""
        if self.services is None:
            return None
        page = self.day_pages.get(STATISTICS)
        if page is None:
            from counter_app.ui.statistics import StatisticsPage

            page = self.day_pages[STATISTICS] = StatisticsPage(
                self.services.statistics_desk(self.signed_in.username), self.ops)
            self.work_area.addWidget(page)
        opener = getattr(page, "open", None)
        if callable(opener):
            opener()
        return page

    def record_completed(self, business: str, wizard: Any) -> None:
        """A business reached its last step: its times go to the branch statistics."""
        services = self.services
        if services is None:
            return
        desk = services.statistics_desk(self.signed_in.username)
        self.ops.run(lambda: desk.record(business, wizard), None,
                     lambda e: log.warning("statistics: %s", type(e).__name__))

    def supervision_page(self) -> QWidget | None:
        """主管管理 (ui/supervision: tabs registered in its TABS), for supervisors only."""
        from counter_app.workflows.supervision import can_supervise

        if self.services is None or not can_supervise(self.signed_in.role):
            return None
        page = self.day_pages.get(SUPERVISION)
        if page is None:
            from counter_app.ui.supervision import SupervisionEnv, SupervisionPage

            page = self.day_pages[SUPERVISION] = SupervisionPage(
                SupervisionEnv(self.services, self.signed_in.username, self.ops))
            self.work_area.addWidget(page)
        opener = getattr(page, "open", None)
        if callable(opener):
            opener()
        return page

    def resume_session(self) -> None:
        """At sign-in: the teller's work session found again (a restart, a lock, lunch)."""
        services = self.services
        if services is None:
            return
        desk = services.session_desk(self.signed_in.username)
        self.ops.run(desk.resume, self.show_session,
                     lambda e: log.warning("work session: %s", type(e).__name__))

    def refresh_session(self) -> None:
        services = self.services
        if services is None:
            return
        desk = services.session_desk(self.signed_in.username)
        self.ops.run(desk.state, self.show_session,
                     lambda e: log.warning("work session: %s", type(e).__name__))

    def show_session(self, state: Any) -> None:
        """The status bar's and the home page's word on the work session (a SessionState)."""
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.status):
            return  # signed out (or shut down) before the store answered
        key = "ready" if state.ready else ("stale" if state.stale else "none")
        self.status.show_session(key, state.summary_zh)
        self.session_hint.setVisible(not state.ready)
        self.session_hint.setStyleSheet("color: #b3261e; font-size: 14px;")
        self.session_hint.setText(
            tr("尚未开始今日营业：挂失、补换卡、申领等业务需先开始营业。请打开左侧菜单“柜员会话”，录入备用金后开始营业。")
            if not state.stale else
            tr("您 {0} 的会话尚未日终，请先在“柜员会话”中结束该会话，再开始今日营业。").format(
                    state.session.business_day))

    def issue_now(self, application_no: str) -> None:
        """An application accepted at this instant branch goes straight to its issuance."""
        self.route_to("instant_issue")
        page = self.pages.get("instant_issue")
        if page is not None and hasattr(page, "open_application"):
            page.open_application(application_no)

    def _line_polled(self, _reading: object) -> None:
        self.refresh_custody()  # each health poll

    def refresh_custody(self) -> None:
        """The status bar's count of blank cards in the signed-in teller's custody today."""
        services = self.services
        if services is None or not self.profile.instant_issue:
            return
        teller = self.signed_in.username
        self.ops.run(lambda: services.stock_desk(teller).custody_count(), self.status.show_custody,
                     lambda e: log.warning("custody count: %s", type(e).__name__))

    def route_to(self, key: str, handed: object = None) -> None:
        """Another business fits the person better (e.g. a card on file): go there. What it is
        ``handed`` (e.g. the person and the reason, from a data change) goes to its page's
        ``take_over`` once the page is on screen."""
        for row in range(self.menu.count()):
            item = self.menu.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key and (
                    item.flags() & Qt.ItemFlag.ItemIsEnabled):
                self.menu.setCurrentRow(row)
                break
        else:
            self.show_business(key)
        page = self.pages.get(key)
        take_over = getattr(page, "take_over", None)
        if handed is not None and take_over is not None and self.work_area.currentWidget() is page:
            take_over(handed)

    def menu_keys(self) -> list[tuple[str, bool]]:
        """(business key, enabled) in menu order — what a teller sees."""
        out = []
        for row in range(1, self.menu.count()):
            item = self.menu.item(row)
            out.append((item.data(Qt.ItemDataRole.UserRole),
                        bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)))
        return out

    def lock_screen(self) -> None:
        if self.lock_dialog is not None:
            return
        self.idle.timer.stop()
        for page in self.pages.values():
            page.autosave()  # what is typed survives the lock
        focus = self.focusWidget()
        self.focus_before_lock = focus if focus is not None and self.content.isAncestorOf(focus) else None
        self.screens.setCurrentWidget(self.lock_panel)  # hide the whole work, not only cover it
        self.status.hide()
        self.lock_dialog = LockDialog(self, self.signed_in, self.auth, self.ops)
        self.lock_dialog.finished.connect(self._lock_finished)
        self.lock_dialog.open()

    def _lock_finished(self, result: int) -> None:
        self.lock_dialog = None
        if result == 2:  # the window stays locked until it is gone
            self.sign_out("idle_switch_user")
        else:
            self.screens.setCurrentWidget(self.content)
            self.status.show()
            if self.focus_before_lock is not None:
                self.focus_before_lock.setFocus()
            self.focus_before_lock = None
            self.idle.timer.start()
            self.reactivate()

    def reactivate(self) -> None:
        """Give the window the keyboard back once a dialog is gone; otherwise no window is
        active and the shortcuts do nothing until the teller clicks somewhere."""
        def again() -> None:
            if self.isVisible():
                self.raise_()
                self.activateWindow()

        again()
        QTimer.singleShot(0, again)  # once more after the dialog's own hide has been handled

    def confirm_sign_out(self) -> None:
        answer = QMessageBox.question(self, tr("签退"), tr("确定签退当前柜员吗？未完成的业务草稿会保留。"))
        if answer == QMessageBox.StandardButton.Yes:
            self.sign_out("logout")
        else:
            self.reactivate()

    def sign_out(self, reason: str) -> None:
        self.idle.stop()
        signed_in = self.signed_in

        def finished(_: object) -> None:
            self.sig_signed_out.emit(reason)

        self.ops.run(lambda: self.auth.sign_out(signed_in, reason), finished,
                     lambda _e: self.sig_signed_out.emit(reason))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.idle.watch_window(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        if self.audit_alarm is not None:
            self.audit_alarm.stop()
        for page in self.pages.values():
            page.close_page()
        super().closeEvent(event)
