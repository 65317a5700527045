"""The tour's ``supervision`` scenario: a teller locked out at the login window, the supervisor
signs in, unlocks the teller on 柜员与角色 with the password and the authenticator's code, then
decides a dead letter (the reference central refused a name change sent without the police
paper; ``counter_app.demo.seed_dead_letter`` queued it) on 异常件 with a second code.

Then 远程授权 (remote approval) between two counter PCs of the branch, each with its own store
and accounts and the same reference central (the scenario's ``second_counter``): the unlocked
teller signs in at this counter (03) and asks to spoil a blank in custody; the supervisor,
signed in at the other counter (04), approves on 主管管理 → 远程授权 with the password and code;
the card is spoiled here with that approval. The tour fails when it is not.

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
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.supervision.page import SupervisionPage
    from counter_app.ui.tour import TourRun

TELLER, _tn, _tr, TELLER_PASSWORD = DEMO_ACCOUNTS[0]
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


def _supervision_page(main: MainWindow) -> SupervisionPage:
    """The main window at the tour's size, on 主管管理 (at either counter)."""
    from counter_app.ui.supervision.page import SupervisionPage

    main.resize(1366, 900)
    main.route_to("supervision")
    page = main.day_pages["supervision"]
    assert isinstance(page, SupervisionPage)
    return page


def play_supervision(run: TourRun) -> None:
    from counter_app.ui.supervision.dead_letters import DeadLettersTab
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
    page = _supervision_page(main)
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

    if run.colleague is not None:
        _remote_spoil(run)


def _remote_spoil(run: TourRun) -> None:
    """The teller here asks; the supervisor at the other counter approves; the card is spoiled."""
    from counter_app.devices.blank_card import chip_serial_of, demo_atr
    from counter_app.ui.stock.page import StockPage
    from counter_app.ui.stock.tour import _goto, _idle
    from counter_app.ui.supervision.remote import RemoteApprovalsTab
    from counter_app.ui.tour import TourError, session
    from counter_app.workflows.remote_approval import short_number
    from counter_app.workflows.stock import Step

    signed_in = run.app.main
    assert signed_in is not None
    run.act(tr("签退（{0}）").format(SUPERVISOR), lambda: signed_in.sign_out("logout"))
    run.settle(lambda: run.app.main is None and run.app.login.isVisible())
    run.sign_in(shots=False)  # the unlocked teller: the day's session opened
    main = run.app.main
    assert main is not None
    # a blank received and handed to the teller earlier (the stock tour shows how)
    serial = chip_serial_of(demo_atr(1))
    receiving = run.services.stock_desk(TELLER).new()
    receiving.open_box("BOX-NB0101-REMOTE")
    receiving.register_chip(serial, demo_atr(1).hex().upper())
    receiving.hand_out("1", TELLER)
    main.refresh_custody()  # the status bar counts it
    main.route_to("blank_stock")
    stock = main.pages["blank_stock"]
    assert isinstance(stock, StockPage)
    _idle(run, stock)
    _goto(run, stock, Step.SPOIL)
    spoil = stock.view(Step.SPOIL)
    spoil.serial.setText(serial)
    spoil.reason.setText(tr("写卡中断，芯片无响应"))
    wait = spoil.fields.remote
    if wait is None:
        raise TourError("the spoil step offers no remote approval")
    run.act(tr("请其他柜台主管远程授权"), wait.send.click)
    run.settle(lambda: bool(wait.request_id) or wait.send.isEnabled())  # sent, or refused
    if not wait.request_id:
        raise TourError("the remote approval was not asked: " + wait.state.text())
    number = short_number(wait.request_id)
    run.shot("remote-asked")

    with session(run.colleague, run.central, run.out, take_shots=False) as other:
        login = other.app.login
        login.username.setText(SUPERVISOR)
        login.password.setText(SUPER_PASSWORD)
        login.submit()
        run.settle(lambda: other.app.main is not None and other.app.main.isVisible()
                   and other.app.main.ops.pending == 0)
        far = other.app.main
        assert far is not None
        tab = _supervision_page(far).show_tab("remote")
        assert isinstance(tab, RemoteApprovalsTab)
        run.settle(lambda: not tab.busy and tab.table.rowCount() > 0)
        rows = [short_number(r.request_id) for r in tab.requests]  # the table's rows, in order
        if number not in rows:
            raise TourError(f"request {number} is not listed at the other counter")
        tab.table.selectRow(rows.index(number))
        tab.fields.password.setText(SUPER_PASSWORD)
        # the other PC's own store: its replay guard has seen no code of this supervisor
        tab.fields.otp.setText(_codes()[0])
        run.shot("remote-approval-tab", far)
        run.act(tr("主管远程批准（登记废卡）"), lambda: tab.decide(True))
        run.settle(lambda: not tab.busy)
        run.shot("remote-approved", far)

    said = _part(tr("空白卡 {chip_serial} 已登记为废卡（授权主管 {supervisor}）。"))
    run.settle(lambda: not stock.busy and said in spoil.result.text())
    run.shot("remote-spoiled")
    place = run.services.stock_desk(TELLER).stock.locate(serial)
    if place is None or place.place != "spoiled":
        raise TourError(f"the card was not spoiled with the remote approval: {place!r}")
