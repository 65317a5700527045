"""The tour's ``supervision`` scenario: a teller locked out at the login window, the supervisor
signs in, unlocks the teller on 柜员与角色 with the password and the authenticator's code, then
decides a dead letter (the reference central refused a name change sent without the police
paper; ``counter_app.demo.seed_dead_letter`` queued it) on 异常件 with a second code.

The codes are what the demo supervisor's authenticator shows (the documented demo secret,
docs/supervision.md); two acts in a row take two consecutive time steps, as a code is
accepted once only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from counter_app.ui.i18n import tr
from counter_app.workflows.login import DEMO_ACCOUNTS, DEMO_TOTP_SECRETS, utc_now_naive
from counter_app.workflows.supervisor import code_at_step, step_at

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

TELLER, _tn, _tr, _tp = DEMO_ACCOUNTS[0]
SUPERVISOR, _sn, _sr, SUPER_PASSWORD = DEMO_ACCOUNTS[1]
WRONG = "wrong-password-1"


def _part(message: str) -> str:
    """The longest fixed piece of a translated message template: what a wait looks for on
    screen, in either language."""
    return max(re.split(r"\{[^{}]*\}", message), key=len)


def _codes() -> list[str]:
    """The demo authenticator's codes for this step and the next (one per act)."""
    step = step_at(utc_now_naive())
    return [code_at_step(DEMO_TOTP_SECRETS[SUPERVISOR], step + k) for k in (0, 1)]


def _type_login(run: TourRun, user: str, password: str) -> None:
    login = run.app.login
    login.error.clear()
    login.username.setText(user)
    login.password.setText(password)
    run.act(tr("登录（{0}）").format(user), login.submit)
    run.settle(lambda: login.error.text() != "" or run.app.main is not None)


def play_supervision(run: TourRun) -> None:
    from counter_app.ui.supervision.dead_letters import DeadLettersTab
    from counter_app.ui.supervision.page import SupervisionPage
    from counter_app.ui.supervision.tellers import TellersTab

    login = run.app.login
    for _ in range(run.services.profile.security.max_login_failures):
        _type_login(run, TELLER, WRONG)
    _type_login(run, TELLER, WRONG)  # once more: now it says the account may be locked
    run.shot("teller-locked-out", login)

    _type_login(run, SUPERVISOR, SUPER_PASSWORD)
    main = run.app.main
    assert main is not None
    run.settle(lambda: main.isVisible() and main.ops.pending == 0)
    main.resize(1366, 900)
    main.route_to("supervision")
    page = main.day_pages["supervision"]
    assert isinstance(page, SupervisionPage)
    tellers = page.show_tab("tellers")
    assert isinstance(tellers, TellersTab)
    run.settle(lambda: not tellers.busy and tellers.table.rowCount() > 0)
    rows = [a.username for a in tellers.accounts]
    tellers.table.selectRow(rows.index(TELLER))
    run.shot("tellers-teller-locked")

    unlock_code, decide_code = _codes()
    tellers.fields.password.setText(SUPER_PASSWORD)
    tellers.fields.otp.setText(unlock_code)
    run.shot("unlock-with-code")
    run.act(tr("主管授权解锁柜员"), tellers.unlock)
    unlocked = _part(tr("账户 {0} 已解锁（授权主管 {1}，已记入审计日志）。"))
    run.settle(lambda: not tellers.busy and unlocked in tellers.message.text())
    run.settle(lambda: not tellers.busy)
    run.shot("teller-unlocked")

    letters = page.show_tab("dead_letters")
    assert isinstance(letters, DeadLettersTab)
    run.settle(lambda: not letters.busy)
    run.shot("dead-letters")
    if letters.letters:
        letters.decision.setCurrentIndex(letters.decision.findData("discard"))
        letters.reason.setText(tr("申请人未带公安机关证明，本次不予变更"))
        letters.fields.password.setText(SUPER_PASSWORD)
        letters.fields.otp.setText(decide_code)
        run.act(tr("主管决定异常件（作废）"), letters.decide)
        run.settle(lambda: not letters.busy and tr("（已记入审计日志）") in letters.message.text())
        run.settle(lambda: not letters.busy)
        run.shot("dead-letter-decided")
