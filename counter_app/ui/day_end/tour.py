"""The guided tour's day-end scenario (registered in ``counter_app.ui.tour.SCENARIOS``).

The demo teller signs in and opens the day at 柜员会话 with a ¥2,000 float; 何晨 (an ICBC
card, not used by the other scenarios, so the shared central lets them run in any order)
lost his card: the card is formally lost, then replaced with the 工本费 taken in cash and
its fee receipt; at 日终轧账 the teller counts the cash, explains what differs, and closes
the day with the day-end sheet saved as PDF.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from counter_app.ui.card_loss.page import CardLossPage
from counter_app.ui.day_end.page import DayEndPage
from counter_app.ui.i18n import tr
from counter_app.ui.replacement.page import ReplacementPage
from counter_app.ui.sessions import SessionPage
from counter_app.workflows.card_loss import Step as LossStep
from counter_app.workflows.login import DEMO_ACCOUNTS
from counter_app.workflows.replacement import Step

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

HE_CHEN = "330205199111031230"  # demo person with an active ICBC card (central_sim seed)


def _part(message: str) -> str:
    """The longest fixed piece of a translated message template: what a wait looks for on
    screen, in either language."""
    return max(re.split(r"\{[^{}]*\}", message), key=len)


def _wait(run: TourRun, ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + run.timeout_s
    while not ready():
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise RuntimeError("the day-end tour step did not finish in time")
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


def _act(run: TourRun, label: str, action: Callable[[], Any], ready: Callable[[], bool]) -> None:
    started = time.perf_counter()
    action()
    _wait(run, ready)
    run.waits.append((label, time.perf_counter() - started))


def _wizard_idle(page: Any, step: Any = None) -> Callable[[], bool]:
    return lambda: (not page.busy and page.ops.pending == 0
                    and (step is None or (page.wf is not None and page.wf.step is step)))


def _sign_in_and_open_the_day(run: TourRun) -> None:
    teller = DEMO_ACCOUNTS[0]
    login = run.app.login
    login.username.setText(teller[0])
    login.password.setText(teller[3])
    _act(run, tr("登录"), login.submit, lambda: run.app.main is not None and run.app.main.isVisible()
         and run.app.main.ops.pending == 0)
    main = run.app.main
    assert main is not None
    main.resize(1366, 860)
    main.route_to("teller_day")
    page = main.day_pages["teller_day"]
    assert isinstance(page, SessionPage)
    _wait(run, lambda: page.state is not None and not page.busy)
    run.shot("session-not-open")
    page.float_edit.setText("2000")
    opened = _part(tr("已开始营业：柜台 {0}，备用金 {1}。"))
    _act(run, tr("开始营业"), page.open_session, lambda: not page.busy and opened in page.message.text())
    run.shot("session-opened")


def _formal_loss(run: TourRun) -> None:
    main = run.app.main
    assert main is not None
    main.route_to("loss")
    page = main.pages["loss"]
    assert isinstance(page, CardLossPage)
    _wait(run, _wizard_idle(page, LossStep.IDENTIFY))
    page.view(LossStep.IDENTIFY).id_number.setText(HE_CHEN)
    _act(run, tr("下一步（查询卡片）"), page.go_next, _wizard_idle(page, LossStep.CARD))
    _act(run, tr("下一步（选择功能）"), page.go_next, _wizard_idle(page, LossStep.CHOOSE))
    page.view(LossStep.CHOOSE).boxes["financial"].setChecked(False)
    _act(run, tr("确认正式挂失"), page.submit, _wizard_idle(page, LossStep.DONE))
    run.shot("loss-done")


def _replacement_with_fee(run: TourRun) -> None:
    main = run.app.main
    assert main is not None
    main.route_to("replacement")
    page = main.pages["replacement"]
    assert isinstance(page, ReplacementPage)
    _wait(run, _wizard_idle(page, Step.IDENTIFY))
    page.view(Step.IDENTIFY).id_number.setText(HE_CHEN)
    _act(run, tr("下一步（查询原卡）"), page.go_next, _wizard_idle(page, Step.CARD))
    _act(run, tr("下一步（补换方式）"), page.go_next, _wizard_idle(page, Step.OPTIONS))
    options = page.view(Step.OPTIONS)
    options.fee_cash.setChecked(True)
    run.shot("replacement-fee-cash")
    _act(run, tr("确认补换卡并收费"), page.submit, _wizard_idle(page, Step.DONE))
    run.shot("replacement-done-fee-receipt")
    fee = run.out / "fee-receipt.pdf"
    _act(run, tr("工本费收据另存为PDF"), partial(page.fee_receipt_action, "save", fee), _wizard_idle(page))
    receipt = run.out / "replacement-receipt.pdf"
    _act(run, tr("业务回执另存为PDF"), partial(page.receipt_action, "save", receipt), _wizard_idle(page))
    run.pdfs += [fee, receipt]


def play_day_end(run: TourRun) -> None:
    _sign_in_and_open_the_day(run)
    _formal_loss(run)
    _replacement_with_fee(run)
    main = run.app.main
    assert main is not None
    main.route_to("teller_day_end")
    page = main.day_pages["teller_day_end"]
    assert isinstance(page, DayEndPage)
    _wait(run, lambda: not page.busy and page.report is not None)
    run.shot("day-end-report")
    report = page.report
    assert report is not None
    fen = report.cash_expected_fen
    page.cash.setText(f"{fen // 100}.{fen % 100:02d}")  # the drawer holds what it should
    counted = _part(tr("已登记现金实点 {0}。"))
    _act(run, tr("登记现金实点"), page.count_cash, lambda: not page.busy and counted in page.message.text())
    if page.explain_edits:  # anything still differing is explained, as the teller would
        for edit in page.explain_edits.values():
            edit.setText(tr("已核对，原因见附件说明"))
        saved = _part(tr("已保存 {0} 项差异说明（记入审计日志）。"))
        _act(run, tr("保存说明"), page.save_explanations, lambda: not page.busy and saved in page.message.text())
    run.shot("day-end-reconciled")
    sheet = run.out / "day-end.pdf"
    _act(run, tr("结束营业（日终）"), partial(page.close_day, sheet),
         lambda: not page.busy and tr("已结束营业：轧账单") in page.message.text())
    run.shot("day-end-closed")
    run.pdfs.append(sheet)
