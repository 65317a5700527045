"""柜员与角色 (supervision): every account with its role and state; add a teller, disable and
enable, a temporary password, unlock after a lockout (a supervisor's password and one-time
code) and bind an authenticator (QR). The rules are workflows.teller_admin's; each change is
audited by the store."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.supervision.common import (
    SupervisionTab,
    approval_fields,
    fill,
    selected_key,
    table,
)
from counter_app.ui.supervision.page import SupervisionEnv
from counter_app.ui.supervisor_dialog import TotpEnrolDialog
from counter_app.workflows.login import ROLE_ZH, utc_now_naive
from counter_app.workflows.supervisor import TotpEnrolment
from counter_app.workflows.teller_admin import AccountView, TellerAdmin

HEADS = (tr("用户名"), tr("姓名"), tr("角色"), tr("状态"), tr("动态验证码"), tr("连续失败"))


def _left(button: QPushButton) -> QHBoxLayout:
    """A button at its own width on the left, as the tab's other buttons (a form row or a box
    would stretch it across the window)."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


class TellersTab(SupervisionTab):
    def __init__(self, env: SupervisionEnv) -> None:
        super().__init__(env, "TellersTab")
        self.admin: TellerAdmin = env.services.teller_admin(env.username)
        self.accounts: list[AccountView] = []
        self.enrol_dialog: TotpEnrolDialog | None = None  # the open one (tests and the tour)
        self.summary = named(QLabel(tr("正在读取账户…"), wordWrap=True), "TellerSummary")
        self.lay.addWidget(self.summary)
        self.table = table(HEADS, "TellerTable", stretch=1)
        self.table.setMinimumHeight(160)
        self.lay.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.disable_button = self.button(tr("停用"), "DisableTeller", self.disable)
        self.enable_button = self.button(tr("启用"), "EnableTeller", self.enable)
        self.reset_button = self.button(tr("重置密码"), "ResetPassword", self.reset_password)
        self.enrol_button = self.button(tr("绑定动态验证码"), "EnrolTotp", self.enrol)
        for b in (self.disable_button, self.enable_button, self.reset_button, self.enrol_button):
            row.addWidget(b)
        row.addWidget(self.button(tr("刷新"), "RefreshTellers", self.open))
        row.addStretch(1)
        self.lay.addLayout(row)
        form = QFormLayout()
        self.reason = named(QLineEdit(), "DisableReason")
        self.reason.setPlaceholderText(tr("停用时必填，至少4个字，例如：调离本网点"))
        form.addRow(tr("停用原因"), self.reason)
        self.lay.addLayout(form)
        # an admin changes an account's role (audited; holds from its next sign-in)
        self.role_row = QWidget()
        rr = QHBoxLayout(self.role_row)
        rr.setContentsMargins(0, 0, 0, 0)
        rr.addWidget(QLabel(tr("角色改为")))
        self.change_role_to = named(QComboBox(), "ChangeRoleTo")
        rr.addWidget(self.change_role_to)
        rr.addWidget(self.button(tr("更改角色"), "ChangeRole", self.change_role))
        rr.addStretch(1)
        self.role_row.setVisible(False)
        self.lay.addWidget(self.role_row)

        self.unlock_box = named(QGroupBox(tr("解锁（连续输错密码被锁定的账户，须主管授权）")), "UnlockBox")
        ul = QVBoxLayout(self.unlock_box)
        self.fields = approval_fields(env, "UnlockSupervisor")
        ul.addWidget(self.fields)
        self.unlock_button = self.button(tr("解锁所选账户"), "UnlockTeller", self.unlock)
        ul.addLayout(_left(self.unlock_button))
        self.lay.addWidget(self.unlock_box)

        add_box = named(QGroupBox(tr("添加账户")), "AddTellerBox")
        al = QFormLayout(add_box)
        self.new_username = named(QLineEdit(), "NewUsername")
        self.new_username.setPlaceholderText(tr("如 T0305（字母开头，3–16位字母或数字）"))
        self.new_name = named(QLineEdit(), "NewDisplayName")
        self.new_role = named(QComboBox(), "NewRole")
        al.addRow(tr("用户名"), self.new_username)
        al.addRow(tr("姓名"), self.new_name)
        al.addRow(tr("角色"), self.new_role)
        self.add_button = self.button(tr("添加"), "AddTeller", self.add)
        al.addRow("", _left(self.add_button))
        self.lay.addWidget(add_box)
        self.lay.addWidget(self.message)

    # -- reading -------------------------------------------------------------------------------
    def open(self, keep_message: bool = False) -> None:
        def read() -> tuple[list[AccountView], tuple[str, ...]]:
            return self.admin.accounts(), self.admin.roles_to_add()

        self.reload(read, self.show_accounts, tr("正在读取账户…"), keep_message)

    def show_accounts(self, result: tuple[list[AccountView], tuple[str, ...]]) -> None:
        accounts, roles = result
        selected = self.selected()
        self.accounts = accounts
        now = utc_now_naive()
        fill(self.table, [(a.username, a.display_name, tr(a.role_zh), a.state_zh(now), a.factor_zh(),
                           str(a.failed_logins)) for a in accounts],
             [a.username for a in accounts])
        if selected is not None and selected in [a.username for a in accounts]:
            self.table.selectRow([a.username for a in accounts].index(selected))
        locked = sum(1 for a in accounts if a.locked(now))
        self.summary.setText(tr("共 {0} 个账户").format(len(accounts)) + (tr("，{0} 个已锁定").format(
                locked) if locked else "")
                             + tr("。新账户和重置后的密码为临时密码，柜员首次登录后须修改。"))
        if self.new_role.count() != len(roles):
            self.new_role.clear()
            for role in roles:
                self.new_role.addItem(tr(ROLE_ZH[role]), role)
        # only an admin may add every role, and only an admin changes roles
        admin = len(roles) > 1
        self.role_row.setVisible(admin)
        if admin and self.change_role_to.count() != len(roles):
            self.change_role_to.clear()
            for role in roles:
                self.change_role_to.addItem(tr(ROLE_ZH[role]), role)

    def selected(self) -> str | None:
        key = selected_key(self.table)
        return key if isinstance(key, str) else None

    def _need_selection(self) -> str | None:
        who = self.selected()
        if who is None:
            self.say(tr("请先在列表中选中一个账户。"), ok=False)
        return who

    def _done(self, text: str) -> None:
        self.say(text)
        self.open(keep_message=True)

    # -- changes -------------------------------------------------------------------------------
    def add(self) -> None:
        username, name = self.new_username.text(), self.new_name.text()
        role = self.new_role.currentData()
        if not isinstance(role, str):
            role = ""

        def done(password: str) -> None:
            self.new_username.clear()
            self.new_name.clear()
            self._done(tr("已添加账户 {0}（{1}）。临时密码：{2}"
                       "（只显示这一次，请当面告知本人，首次登录后须修改）。").format(
                               username.strip(), tr(ROLE_ZH.get(role, role)), password))

        self.run(lambda: self.admin.add(username, name, role), done, tr("正在添加账户…"))

    def disable(self) -> None:
        who = self._need_selection()
        if who is None:
            return
        reason = self.reason.text()

        def done(_a: AccountView) -> None:
            self.reason.clear()
            self._done(tr("账户 {0} 已停用（已记入审计日志）。").format(who))

        self.run(lambda: self.admin.disable(who, reason), done, tr("正在停用…"))

    def enable(self) -> None:
        who = self._need_selection()
        if who is None:
            return
        self.run(lambda: self.admin.enable(who),
                 lambda _a: self._done(tr("账户 {0} 已启用。").format(who)), tr("正在启用…"))

    def change_role(self) -> None:
        who = self._need_selection()
        if who is None:
            return
        role = self.change_role_to.currentData()
        role = role if isinstance(role, str) else ""
        self.run(lambda: self.admin.change_role(who, role),
                 lambda a: self._done(tr("账户 {0} 的角色已改为{1}（已记入审计日志，下次登录起生效）。").format(
                     who, tr(a.role_zh))), tr("正在更改角色…"))

    def reset_password(self) -> None:
        who = self._need_selection()
        if who is None:
            return
        self.run(lambda: self.admin.reset_password(who),
                 lambda password: self._done(
                     tr("账户 {0} 的密码已重置。临时密码：{1}（只显示这一次，请当面告知本人，"
                     "下次登录后须修改）。").format(who, password)), tr("正在重置密码…"))

    def unlock(self) -> None:
        who = self._need_selection()
        if who is None:
            return
        missing = self.fields.missing_zh()
        if missing is not None:
            self.say(missing, ok=False)
            return
        approval = self.fields.approval()
        self.fields.clear_secrets()
        self.run(lambda: self.admin.unlock(who, approval),
                 lambda _a: self._done(tr("账户 {0} 已解锁（授权主管 {1}，已记入审计日志）。").format(
                         who, approval.username)),
                 tr("正在核验主管授权…"))

    def enrol(self) -> None:
        who = self._need_selection()
        if who is None:
            return
        self.run(lambda: self.admin.begin_enrolment(who), self._show_enrolment, tr("正在生成二维码…"))

    def _show_enrolment(self, enrolment: TotpEnrolment) -> None:
        dialog = TotpEnrolDialog(enrolment, lambda code: self.admin.confirm_enrolment(enrolment, code),
                                 self)
        self.enrol_dialog = dialog
        dialog.finished.connect(lambda result: self._enrolled(enrolment.username, result))
        dialog.open()  # window-modal without a nested event loop (tests and the tour drive it)

    def _enrolled(self, username: str, result: int) -> None:
        self.enrol_dialog = None
        if result:
            self._done(tr("账户 {0} 已绑定动态验证码；此后授权须输入验证器上的6位数字。").format(username))
        else:
            self.say(tr("未绑定（已取消）。"), ok=False)
