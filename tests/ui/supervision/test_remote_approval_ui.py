"""远程授权 driven as people would, offscreen, with two counters against the reference central:
the teller at C01 asks from the supervisor dialog and waits; the supervisor at C02 approves
(or refuses) on 主管管理 → 远程授权 with the password and one-time code; the dialog completes
with an approval the refund then consumes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from sqlalchemy import select

from counter_app.bootstrap import Services
from counter_app.central.launcher import CentralSimHandle
from counter_app.store.models import AuditEntry
from counter_app.ui.ops import Ops
from counter_app.ui.supervision import SupervisionEnv, SupervisionPage
from counter_app.ui.supervision.remote import RemoteApprovalsTab
from counter_app.ui.supervisor_dialog import RemoteAsk, SupervisorDialog
from counter_app.workflows.fees.desk import FeeDesk, FeeRecordFacts, refund_purpose
from counter_app.workflows.supervisor import PURPOSE_REFUND
from tests.fixtures.otp import SUPERVISOR, SUPERVISOR_PASSWORD, fresh_code
from tests.integration.day_end.test_day_end_store import FEE, replacement_done
from tests.integration.day_end.test_remote_approval_refund import TELLER, counter

pytestmark = pytest.mark.central


@pytest.fixture
def ops() -> Iterator[Ops]:
    made = Ops()
    yield made
    made.shutdown()


@pytest.fixture
def counters(tmp_path: Path, central: CentralSimHandle) -> Iterator[tuple[Services, Services]]:
    clients: list = []  # type: ignore[type-arg]
    pcs = (counter(tmp_path, central, "C01", clients), counter(tmp_path, central, "C02", clients))
    yield pcs
    for s in pcs:
        s.close()
    for c in clients:
        c.close()


def press(qtbot, widget, name: str) -> None:  # type: ignore[no-untyped-def]
    found = widget.findChild(QPushButton, name)
    assert found is not None and found.isEnabled(), name
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


def remote_tab(qtbot, services: Services, ops: Ops  # type: ignore[no-untyped-def]
               ) -> tuple[SupervisionPage, RemoteApprovalsTab]:
    """The page and its 远程授权 tab (the caller keeps the page: the tab lives in it)."""
    page = SupervisionPage(SupervisionEnv(services, SUPERVISOR, ops))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    tab = page.show_tab("remote")
    assert isinstance(tab, RemoteApprovalsTab)
    return page, tab


def type_secrets(qtbot, tab: RemoteApprovalsTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(tab.fields.password, SUPERVISOR_PASSWORD)
    qtbot.keyClicks(tab.fields.otp, fresh_code(SUPERVISOR))


def dialog_for(qtbot, services: Services, ops: Ops, summary: str,  # type: ignore[no-untyped-def]
               purpose: str = PURPOSE_REFUND) -> SupervisorDialog:
    dialog = SupervisorDialog("退费须由主管授权", remote=RemoteAsk(
        services.remote_approvals, ops, purpose, summary, TELLER, poll_ms=100))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fee_collected(services: Services) -> tuple[FeeDesk, FeeRecordFacts]:
    """The teller's session opened and a replacement's fee taken in cash: what a refund undoes."""
    services.session_desk(TELLER).open("0")
    fees = services.fee_desk(TELLER)
    fee = fees.collect(FEE, "cash", "", replacement_done(services))
    assert fee is not None
    return fees, fee


def test_remote_approval_from_the_dialog_and_the_supervision_tab(
        qtbot, counters: tuple[Services, Services], ops: Ops) -> None:  # type: ignore[no-untyped-def]
    teller_pc, supervisor_pc = counters
    fees, fee = fee_collected(teller_pc)
    dialog = dialog_for(qtbot, teller_pc, ops, f"退费 收据{fee.receipt_no} 20.00元",
                        refund_purpose(fee.receipt_no))
    assert dialog.remote is not None
    press(qtbot, dialog, "RemoteAsk")
    qtbot.waitUntil(lambda: bool(dialog.remote and dialog.remote.request_id), timeout=10000)
    request_id = dialog.remote.request_id
    number = request_id[:6].upper()
    assert number in dialog.remote.state.text() and "等待中" in dialog.remote.state.text()

    _page, tab = remote_tab(qtbot, supervisor_pc, ops)
    qtbot.waitUntil(lambda: not tab.busy and tab.table.rowCount() >= 1, timeout=10000)
    rows = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    tab.table.selectRow(rows.index(number))
    assert tab.table.item(rows.index(number), 1).text() == "C01"
    # the act the central will check (named in Chinese, with its receipt), apart from the
    # teller's own words
    assert tab.table.item(rows.index(number), 3).text() == f"退还收费：{fee.receipt_no}"
    assert tab.table.item(rows.index(number), 4).text() == f"退费 收据{fee.receipt_no} 20.00元"
    # no code typed: nothing is sent
    qtbot.keyClicks(tab.fields.password, SUPERVISOR_PASSWORD)
    press(qtbot, tab, "RemoteApprove")
    assert "验证" in tab.message.text() and not tab.busy
    tab.fields.password.clear()
    type_secrets(qtbot, tab)
    press(qtbot, tab, "RemoteApprove")
    qtbot.waitUntil(lambda: "已批准" in tab.message.text(), timeout=10000)
    assert tab.fields.password.text() == "" and tab.fields.otp.text() == ""

    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert not dialog.remote.timer.isActive()
    approval, _reason = dialog.take()
    assert approval.remote_request_id == request_id and not approval.password
    refund = fees.refund(fee.receipt_no, "客户放弃补卡", approval)
    assert refund.authorised_by == SUPERVISOR
    qtbot.waitUntil(lambda: not tab.busy and number not in [
        tab.table.item(r, 0).text() for r in range(tab.table.rowCount())], timeout=10000)


def test_refused_remotely_and_waiting_stopped(
        qtbot, counters: tuple[Services, Services], ops: Ops) -> None:  # type: ignore[no-untyped-def]
    teller_pc, supervisor_pc = counters
    dialog = dialog_for(qtbot, teller_pc, ops, "退费 20.00元")
    assert dialog.remote is not None
    press(qtbot, dialog, "RemoteAsk")
    qtbot.waitUntil(lambda: bool(dialog.remote and dialog.remote.request_id), timeout=10000)
    first = dialog.remote.request_id
    number = first[:6].upper()

    _page, tab = remote_tab(qtbot, supervisor_pc, ops)
    qtbot.waitUntil(lambda: not tab.busy and tab.table.rowCount() >= 1, timeout=10000)
    rows = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    tab.table.selectRow(rows.index(number))
    assert tab.table.item(rows.index(number), 3).text() == "退还收费"  # no object named
    type_secrets(qtbot, tab)
    press(qtbot, tab, "RemoteRefuse")  # no reason: refused before any central call
    qtbot.waitUntil(lambda: not tab.busy and "理由" in tab.message.text(), timeout=10000)
    tab.table.selectRow(rows.index(number))
    tab.reason.setText("金额与收据不符")  # typed through an input method: keyClicks is ASCII only
    type_secrets(qtbot, tab)
    press(qtbot, tab, "RemoteRefuse")
    qtbot.waitUntil(lambda: "已拒绝" in tab.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: "金额与收据不符" in dialog.remote.state.text(), timeout=10000)
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.remote.timer.isActive()

    # asked again, then the teller stops waiting: no more polling, and the request is
    # withdrawn at the central — no supervisor can approve it any more
    press(qtbot, dialog, "RemoteAsk")
    qtbot.waitUntil(lambda: dialog.remote.timer.isActive(), timeout=10000)
    abandoned = dialog.remote.request_id
    press(qtbot, dialog, "RemoteCancel")
    assert not dialog.remote.timer.isActive() and "已停止等待" in dialog.remote.state.text()
    qtbot.waitUntil(lambda: teller_pc.remote_approvals.status(abandoned).state == "WITHDRAWN",
                    timeout=10000)
    assert abandoned not in {r.request_id for r in supervisor_pc.remote_approvals.pending()}
    with teller_pc.store.read() as s:
        actions = [(e.action, e.detail.get("request")) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action.like("remote_approval.%")))]
    assert ("remote_approval.abandoned", abandoned) in actions
    assert ("remote_approval.seen_refused", first) in actions
    dialog.reject()


def test_day_end_refund_approved_from_another_counter(
        qtbot, counters: tuple[Services, Services], ops: Ops) -> None:  # type: ignore[no-untyped-def]
    from counter_app.ui.day_end import DayEndPage

    teller_pc, supervisor_pc = counters
    fees, fee = fee_collected(teller_pc)
    page = DayEndPage(teller_pc.day_end_desk(TELLER), fees, ops,
                      remote=teller_pc.remote_approvals)
    qtbot.addWidget(page)
    page.show()
    page.open()
    qtbot.waitUntil(lambda: not page.busy and page.fee_list.count() == 1, timeout=10000)
    wait = page.remote_wait
    assert wait is not None
    press(qtbot, page, "RemoteAsk")  # nothing chosen to refund: nothing is sent
    assert "选择" in wait.state.text() and not wait.request_id
    page.fee_list.setCurrentRow(0)
    press(qtbot, page, "RemoteAsk")  # no reason yet
    assert "原因" in wait.state.text() and not wait.request_id
    page.refund_reason.setText("客户放弃补卡")
    press(qtbot, page, "RemoteAsk")
    qtbot.waitUntil(lambda: bool(wait.request_id), timeout=10000)
    request_id = wait.request_id
    asked = teller_pc.remote_approvals.status(request_id)
    assert asked.summary == f"退费 {fee.receipt_no} · 收费 20.00 元 · 现金，原因：客户放弃补卡"
    assert asked.purpose == f"fee.refund:{fee.receipt_no}"  # the approval refunds that receipt only

    supervisor_pc.remote_approvals.decide(request_id, approval_for(), approve=True)
    qtbot.waitUntil(lambda: not page.busy and "远程授权" in page.message.text()
                    and "已退费" in page.message.text(), timeout=15000)
    assert SUPERVISOR in page.message.text()
    refunds = [f for f in fees.session_fees() if f.refund_of]
    assert [(f.refund_of, f.authorised_by) for f in refunds] == [(fee.receipt_no, SUPERVISOR)]
    assert not wait.timer.isActive()


def approval_for():  # type: ignore[no-untyped-def]
    from tests.fixtures.otp import approval

    return approval(SUPERVISOR)
