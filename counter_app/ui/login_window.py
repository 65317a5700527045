"""The login window, and the first-run form where the first admin sets its password.

It is the first thing on screen, before the store and the sign-in code are loaded (they
arrive through :meth:`LoginWindow.attach`), so it imports nothing heavy: the demo account
hint and the first-run text are filled in once the sign-in module is there.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import bank_name, tr
from counter_app.ui.ops import Ops
from counter_app.ui.qt import named

if TYPE_CHECKING:
    from counter_app.profile import BranchProfile
    from counter_app.workflows.login import SignedIn, TellerAuth

APP_TITLE_ZH = tr("社会保障卡柜面业务系统")
APP_TITLE_EN = "Social Security Card Counter"


def error_text(error: BaseException) -> str:
    if isinstance(error, CounterError):
        return tr(error.message_zh)
    return tr("系统内部错误，操作未完成。请重试；如反复出现，请联系网点技术支持。")


class LoginWindow(QWidget):
    sig_signed_in = Signal(object)  # SignedIn

    def __init__(self, profile: BranchProfile, auth: TellerAuth | None, ops: Ops) -> None:
        super().__init__()
        self.setObjectName("LoginWindow")
        self.profile, self.auth, self.ops = profile, auth, ops
        self.sign_in_waiting = False  # 登录 pressed before the services were ready
        self.password_dialog: QDialog | None = None  # a temporary password being replaced
        self.setWindowTitle(tr("{0} - 登录").format(APP_TITLE_ZH))
        self.resize(920, 560)

        brand = named(QFrame(), "Header")
        brand.setMinimumWidth(380)
        b = QVBoxLayout(brand)
        b.setContentsMargins(36, 48, 36, 36)
        title = named(QLabel(APP_TITLE_ZH), "SystemTitle")
        title.setStyleSheet("font-size: 26px;")
        title.setWordWrap(True)
        subtitle = named(QLabel(APP_TITLE_EN), "BranchLine")
        branch = named(QLabel(
            tr("{0}\n{1}\n"
            "{2} · 柜台 {3} · 网点号 {4}").format(
                    bank_name(profile.bank), profile.branch_name, tr(profile.kind_zh), profile.counter_id,
                        profile.branch_code),
        ), "BranchLine")
        branch.setStyleSheet("font-size: 15px; line-height: 150%;")
        b.addWidget(title)
        b.addWidget(subtitle)
        b.addSpacing(36)
        b.addWidget(branch)
        b.addStretch(1)
        b.addWidget(named(QLabel(tr("宁波市人力资源和社会保障局 · 合作银行网点")), "BranchLine"))

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_login_page())
        self.pages.addWidget(self._build_first_run_page())

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(brand, 4)
        right = QVBoxLayout()
        right.setContentsMargins(56, 40, 56, 40)
        right.addStretch(1)
        right.addWidget(self.pages)
        right.addStretch(1)
        outer.addLayout(right, 5)
        if auth is None:  # the services are still starting: the teller can type meanwhile
            self.username.setFocus()
        else:
            self.attach(auth)

    def attach(self, auth: TellerAuth) -> None:
        """The services are ready: sign-in can start (one already asked for goes ahead)."""
        from counter_app.workflows.login import DEMO_ACCOUNTS, FIRST_ADMIN, ROLE_ZH

        self.auth = auth
        self.first_run_note.setText(
            tr("本机尚无可登录的账户。请为系统管理员账户 {0} 设置密码"
            "（至少8位，须同时包含字母和数字），设置后用它登录并为柜员开户。").format(FIRST_ADMIN))
        if self.profile.demo_accounts_allowed:  # never against a real central
            self.demo_hint.setText(tr("演示环境账号：\n") + "\n".join(
                tr("　{0}　{1} / {2}").format(tr(ROLE_ZH[role]), user, pw) for user, _n, role, pw in DEMO_ACCOUNTS[:2]))
            self.demo_hint.show()
        self._reset_button()
        self.refresh_mode()
        waiting, self.sign_in_waiting = self.sign_in_waiting, False
        if waiting and not self.first_run:
            self.submit()

    def show_fatal(self, message_zh: str) -> None:
        """Start-up failed (database corrupt, locked, key missing…): say so in the window."""
        self.sign_in_waiting = False
        self.login_button.setEnabled(False)
        self.login_button.setText(tr("无法登录"))
        self.error.setText(tr(message_zh))

    # -- pages ---------------------------------------------------------------------------

    def _build_login_page(self) -> QWidget:
        card = named(QFrame(), "Card")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(32, 28, 32, 28)
        heading = QLabel(tr("柜员登录"))
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        form = QFormLayout()
        form.setVerticalSpacing(14)
        self.username = named(QLineEdit(placeholderText=tr("请输入柜员号")), "Username")
        self.password = named(QLineEdit(placeholderText=tr("请输入密码")), "Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("柜员号"), self.username)
        form.addRow(tr("密　码"), self.password)
        self.error = named(QLabel(""), "FieldError")
        self.error.setWordWrap(True)
        self.login_button = named(QPushButton(tr("登　录")), "Primary")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        lay.addWidget(heading)
        lay.addSpacing(12)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addSpacing(8)
        lay.addWidget(self.login_button)
        # the demo accounts, filled in by attach(); kept out of the layout until then
        self.demo_hint = named(QLabel(""), "Hint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.hide()
        if self.profile.demo_accounts_allowed:
            lay.addSpacing(10)
            lay.addWidget(self.demo_hint)
        return card

    def _build_first_run_page(self) -> QWidget:
        card = named(QFrame(), "Card")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(32, 28, 32, 28)
        heading = QLabel(tr("首次使用：设置系统管理员密码"))
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        note = self.first_run_note = named(QLabel(""), "Hint")  # text: attach()
        note.setWordWrap(True)
        form = QFormLayout()
        self.new_password = named(QLineEdit(), "NewPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_password = named(QLineEdit(), "ConfirmPassword")
        self.confirm_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("新密码"), self.new_password)
        form.addRow(tr("确认密码"), self.confirm_password)
        self.first_run_error = named(QLabel(""), "FieldError")
        self.first_run_error.setWordWrap(True)
        self.set_password_button = named(QPushButton(tr("设置密码")), "Primary")
        self.set_password_button.clicked.connect(self.submit_first_run)
        self.confirm_password.returnPressed.connect(self.submit_first_run)
        for w in (heading, note):
            lay.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(self.first_run_error)
        lay.addWidget(self.set_password_button)
        return card

    # -- behaviour -----------------------------------------------------------------------

    def refresh_mode(self) -> None:
        from counter_app.workflows.login import FIRST_ADMIN

        assert self.auth is not None
        first_run = FIRST_ADMIN in self.auth.accounts_without_password() and not self.profile.demo
        self.pages.setCurrentIndex(1 if first_run else 0)
        (self.new_password if first_run else self.username).setFocus()

    @property
    def first_run(self) -> bool:
        return self.pages.currentIndex() == 1

    def submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        if self.auth is None:  # still starting: sign in as soon as attach() arrives
            self.sign_in_waiting = True
            self.error.clear()
            self.login_button.setEnabled(False)
            self.login_button.setText(tr("正在启动…"))
            return
        auth = self.auth
        username, password = self.username.text(), self.password.text()
        self.error.clear()
        self.login_button.setEnabled(False)
        self.login_button.setText(tr("正在登录…"))
        self.ops.run(lambda: auth.sign_in(username, password),
                     lambda signed_in: self._signed_in(signed_in, password), self._login_failed)

    def _signed_in(self, signed_in: SignedIn, typed: str = "") -> None:
        self._reset_button()
        self.password.clear()
        if signed_in.must_change_password and self.auth is not None and typed:
            self._change_temporary_password(signed_in, typed)
            return
        self.sig_signed_in.emit(signed_in)

    def _change_temporary_password(self, signed_in: SignedIn, temporary: str) -> None:
        """A temporary password (new account, or reset by a supervisor): the teller sets
        their own before the main window opens; cancelling signs out again."""
        from counter_app.ui.supervisor_dialog import PasswordChangeDialog
        from counter_app.workflows.login import temporary_password_kept

        auth = self.auth
        assert auth is not None
        dialog = PasswordChangeDialog(
            signed_in.username, lambda new: auth.change_password(signed_in, temporary, new), self)
        self.password_dialog = dialog

        def finished(result: int) -> None:
            self.password_dialog = None
            if result:
                self.sig_signed_in.emit(dataclasses.replace(signed_in, must_change_password=False))
                return
            self.ops.run(lambda: auth.sign_out(signed_in, "temporary_password_kept"),
                         lambda _r: None, lambda _e: None)
            self.error.setText(error_text(temporary_password_kept()))

        dialog.finished.connect(finished)
        dialog.open()

    def _login_failed(self, error: BaseException) -> None:
        self._reset_button()
        self.error.setText(error_text(error))
        self.password.clear()
        self.password.setFocus()

    def _reset_button(self) -> None:
        self.login_button.setEnabled(True)
        self.login_button.setText(tr("登　录"))

    def submit_first_run(self) -> None:
        from counter_app.workflows.login import FIRST_ADMIN

        new, again = self.new_password.text(), self.confirm_password.text()
        if new != again:
            self.first_run_error.setText(tr("两次输入的密码不一致，请重新输入。"))
            self.confirm_password.clear()
            self.confirm_password.setFocus()
            return
        self.set_password_button.setEnabled(False)

        def done(_: object) -> None:
            self.set_password_button.setEnabled(True)
            self.new_password.clear()
            self.confirm_password.clear()
            self.username.setText(FIRST_ADMIN)
            self.refresh_mode()
            self.error.setText("")
            self.password.setFocus()

        def failed(error: BaseException) -> None:
            self.set_password_button.setEnabled(True)
            self.first_run_error.setText(error_text(error))

        auth = self.auth
        assert auth is not None
        self.ops.run(lambda: auth.set_initial_password(FIRST_ADMIN, new), done, failed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.password.clear()
        super().keyPressEvent(event)
