"""远程授权 wherever a supervisor authorises, driven offscreen with two counters against the
reference central (each PC its own store, accounts and loopback identity): the blank stock's
spoil step and the instant issuance's spoil dialog, and 柜员会话's force-close, each asked at
C01 and approved by the supervisor at C02, then completed through the one authorisation path
(the force-close box following the profile's code setting: test_second_factor_boxes.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import select

from counter_app.bootstrap import Fakes, Services, build_services
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.devices.blank_card import chip_serial_of, demo_atr
from counter_app.store.models import AuditEntry
from counter_app.ui.issuance.dialogs import SpoilDialog
from counter_app.ui.ops import Ops
from counter_app.ui.second_factor import RemoteHold, hold
from counter_app.ui.sessions import SessionPage
from counter_app.ui.stock.page import StockPage
from counter_app.ui.supervisor_dialog import RemoteWait
from counter_app.workflows.remote_approval import RemoteApprovalRefused
from counter_app.workflows.sessions.desk import force_close_purpose
from counter_app.workflows.stock import Step, spoil_purpose
from counter_app.workflows.supervisor import SupervisorApproval
from tests.fixtures.app import make_profile
from tests.fixtures.otp import SUPERVISOR, approval
from tests.ui.supervision import test_remote_approval_ui

pytestmark = pytest.mark.central
ops = test_remote_approval_ui.ops  # the fixture: a worker like the window's

TELLER = "T0301"
BRANCH = "ICBC-NB-0101"


@pytest.fixture
def pcs(tmp_path: Path, central: CentralSimHandle) -> Iterator[tuple[Services, Services]]:
    """C01 (the teller's) and C02 (the supervisor's), instant-issue PCs of one branch."""
    made: list[tuple[Services, HttpCentralClient]] = []
    for counter_id in ("C01", "C02"):
        client = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                                   client_id=f"{BRANCH}/{counter_id}")
        profile = dataclasses.replace(make_profile(tmp_path / counter_id), counter_id=counter_id)
        made.append((build_services(profile, fakes=Fakes(central=client, no_presence=True)), client))
    yield made[0][0], made[1][0]
    for services, client in made:
        services.close()
        client.close()


def window_for(qtbot, teller_pc: Services, ops: Ops, *, second_factor: bool = True) -> QWidget:  # type: ignore[no-untyped-def]
    """What the main window holds for its screens: the setting and C01's remote desk."""
    window = QWidget()
    qtbot.addWidget(window)
    hold(window, second_factor, RemoteHold(teller_pc.remote_approvals, ops, TELLER))
    window.resize(1100, 760)
    return window


def ask(qtbot, where: QWidget) -> RemoteWait:  # type: ignore[no-untyped-def]
    """Press 请其他柜台主管远程授权 and wait for the request's number."""
    wait = where.findChild(RemoteWait)
    assert wait is not None and wait.isVisibleTo(where)
    qtbot.mouseClick(wait.send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(wait.request_id), timeout=10000)
    assert wait.request_id[:6].upper() in wait.state.text()
    return wait


def granted_remotely(services: Services, action: str = "authorise.granted_remote") -> list[tuple[str, str]]:
    with services.store.read() as s:
        return [(e.actor, e.detail["purpose"]) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == action))]


def test_a_spoil_approved_at_another_counter(qtbot, pcs: tuple[Services, Services], ops: Ops) -> None:  # type: ignore[no-untyped-def]
    teller_pc, supervisor_pc = pcs
    teller_pc.session_desk(TELLER).open("0")
    receiving = teller_pc.stock_desk(TELLER).new()
    receiving.open_box("BOX-REMOTE-1")
    cards = [chip_serial_of(demo_atr(n)) for n in (1, 2, 3)]
    for n, serial in zip((1, 2, 3), cards, strict=True):
        receiving.register_chip(serial, demo_atr(n).hex().upper())
    receiving.hand_out("3", TELLER)

    window = window_for(qtbot, teller_pc, ops)
    page = StockPage(teller_pc.stock_desk(TELLER), parent=window)
    window.show()
    page.open()
    page._step_clicked(Step.SPOIL)
    qtbot.waitUntil(lambda: not page.busy and page.ops.pending == 0, timeout=10000)
    spoil = page.view(Step.SPOIL)
    wait = spoil.fields.remote
    assert wait is not None
    qtbot.mouseClick(wait.send, Qt.MouseButton.LeftButton)  # no card named: nothing is sent
    assert "芯片序列号" in wait.state.text() and not wait.request_id
    qtbot.keyClicks(spoil.serial, cards[0])
    spoil.reason.setText("写卡失败芯片无响应")  # typed through the input method
    wait = ask(qtbot, page)
    request_id = wait.request_id
    asked = teller_pc.remote_approvals.status(request_id)
    assert (asked.purpose, asked.summary) == (
        f"blank.spoil:{cards[0]}", f"登记废卡：芯片序列号尾号 {cards[0][-6:]}，原因：写卡失败芯片无响应")
    spoil.serial.setText(cards[1])  # typed after asking: the approval is for the card asked about

    supervisor_pc.remote_approvals.decide(request_id, approval(), approve=True)
    qtbot.waitUntil(lambda: f"空白卡 {cards[0]} 已登记为废卡（授权主管 {SUPERVISOR}）"
                    in spoil.result.text(), timeout=15000)
    assert not wait.timer.isActive() and wait.send.isEnabled() and not wait.request_id
    assert granted_remotely(teller_pc) == [(SUPERVISOR, spoil_purpose(cards[0]))]
    custody = [c.chip_serial for c in teller_pc.stock_desk(TELLER).stock.custody(TELLER)]
    assert custody == cards[1:]

    # the instant issuance's spoil dialog offers the same, for its card, and spoils it once
    dialog = SpoilDialog(cards[1], page)  # the page's child: it goes with the window
    dialog.show()
    qtbot.mouseClick(dialog.supervisor.remote.send, Qt.MouseButton.LeftButton)  # no reason yet
    assert "原因" in dialog.supervisor.remote.state.text() and not dialog.supervisor.remote.request_id
    dialog.reason.setText("写卡中断芯片无响应")
    wait = ask(qtbot, dialog)
    assert teller_pc.remote_approvals.status(wait.request_id).purpose == spoil_purpose(cards[1])
    supervisor_pc.remote_approvals.decide(wait.request_id, approval(), approve=True)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15000)
    assert not wait.timer.isActive()
    dialog.reason.setText("改过的原因")  # after the approval: the approved reason is used
    reason, given = dialog.take()
    assert reason == "写卡中断芯片无响应" and given.remote_request_id and not given.password
    # approved for this card, used for another: refused by the central, nothing spoiled
    with pytest.raises(RemoteApprovalRefused) as other_card:
        teller_pc.stock_desk(TELLER).new().spoil(cards[2], reason, given)
    assert other_card.value.code == "APPROVAL_PURPOSE_MISMATCH"
    custody = [c.chip_serial for c in teller_pc.stock_desk(TELLER).stock.custody(TELLER)]
    assert custody == cards[1:]
    place = teller_pc.stock_desk(TELLER).new().spoil(cards[1], reason, given)
    assert place.chip_serial == cards[1]
    assert granted_remotely(teller_pc) == [(SUPERVISOR, spoil_purpose(cards[0])),
                                           (SUPERVISOR, spoil_purpose(cards[1]))]
    # in person, the authorisation audited names the card too
    teller_pc.stock_desk(TELLER).new().spoil(cards[2], "卡面划伤无法使用", approval())
    assert granted_remotely(teller_pc, "authorise.granted") == [
        (SUPERVISOR, f"blank.spoil:{cards[2]}")]


def test_a_force_close_approved_at_another_counter(qtbot, pcs: tuple[Services, Services], ops: Ops) -> None:  # type: ignore[no-untyped-def]
    teller_pc, supervisor_pc = pcs
    left_open = teller_pc.session_desk(TELLER).open("0")
    window = window_for(qtbot, teller_pc, ops)
    page = SessionPage(teller_pc.session_desk(TELLER), ops, counter_id="C01")
    page.setParent(window)  # placed after it is built, as the main window does
    window.show()
    page.show()
    page.open()
    qtbot.waitUntil(lambda: page.state is not None and not page.busy and page.open_list.count() == 1,
                    timeout=10000)
    wait = page.fields.remote
    assert wait is not None and page.otp.isVisibleTo(page)
    qtbot.mouseClick(wait.send, Qt.MouseButton.LeftButton)  # no reason: nothing is sent
    assert "原因" in wait.state.text() and not wait.request_id
    page.reason.setText("柜员已下班未日终")
    wait = ask(qtbot, page)
    asked = teller_pc.remote_approvals.status(wait.request_id)
    assert (asked.purpose, asked.summary) == (
        f"session.force_close:{TELLER}-{left_open.id}",
        f"强制结束会话：柜员 {TELLER} · 柜台 C01 · 营业日 {left_open.business_day}，原因：柜员已下班未日终")

    supervisor_pc.remote_approvals.decide(wait.request_id, approval(), approve=True)
    qtbot.waitUntil(lambda: "远程授权" in page.message.text() and "强制结束" in page.message.text()
                    and not page.busy, timeout=15000)
    assert SUPERVISOR in page.message.text()
    qtbot.waitUntil(lambda: page.open_list.count() == 0 and not page.busy, timeout=10000)
    closed = next(s for s in teller_pc.session_desk(TELLER).recent() if s.id == left_open.id)
    assert (closed.closed_by, closed.close_kind) == (SUPERVISOR, "force_closed")
    assert granted_remotely(teller_pc) == [(SUPERVISOR, force_close_purpose(TELLER, left_open.id))]
    assert not wait.timer.isActive() and wait.send.isEnabled()


def test_a_force_close_approval_closes_only_its_session(pcs: tuple[Services, Services]) -> None:
    """Approved for session X (one asked about earlier), used for session Y: refused by the
    central (APPROVAL_PURPOSE_MISMATCH) and Y stays open; Y's own approval closes it. In
    person the audited authorisation names the session too."""
    teller_pc, supervisor_pc = pcs
    desk = teller_pc.session_desk(TELLER)
    left_open = desk.open("0")
    other = force_close_purpose(TELLER, left_open.id + 1)
    asked = teller_pc.remote_approvals.ask(other, "强制结束会话：另一会话", TELLER)
    supervisor_pc.remote_approvals.decide(asked.request_id, approval(), approve=True)
    with pytest.raises(RemoteApprovalRefused) as wrong:
        desk.force_close(left_open.id, SupervisorApproval.remote(asked.request_id), "柜员已下班未日终")
    assert wrong.value.code == "APPROVAL_PURPOSE_MISMATCH"
    assert [s.id for s in desk.open_sessions()] == [left_open.id]
    assert teller_pc.remote_approvals.status(asked.request_id).state == "APPROVED"

    purpose = force_close_purpose(TELLER, left_open.id)
    assert purpose == f"session.force_close:{TELLER}-{left_open.id}"
    mine = teller_pc.remote_approvals.ask(purpose, "强制结束会话：本会话", TELLER)
    supervisor_pc.remote_approvals.decide(mine.request_id, approval(), approve=True)
    closed = desk.force_close(left_open.id, SupervisorApproval.remote(mine.request_id), "柜员已下班未日终")
    assert (closed.closed_by, closed.close_kind) == (SUPERVISOR, "force_closed")
    assert granted_remotely(teller_pc) == [(SUPERVISOR, purpose)]

    again = desk.open("0")  # in person: the authorisation audited names the session
    desk.force_close(again.id, approval(), "电脑故障未日终")
    assert granted_remotely(teller_pc, "authorise.granted") == [
        (SUPERVISOR, force_close_purpose(TELLER, again.id))]


def test_a_refused_request_closes_nothing(qtbot, pcs: tuple[Services, Services], ops: Ops) -> None:  # type: ignore[no-untyped-def]
    teller_pc, supervisor_pc = pcs
    teller_pc.session_desk(TELLER).open("0")
    window = window_for(qtbot, teller_pc, ops, second_factor=False)
    page = SessionPage(teller_pc.session_desk(TELLER), ops, counter_id="C01", parent=window)
    window.show()
    page.open()
    qtbot.waitUntil(lambda: page.open_list.count() == 1 and not page.busy, timeout=10000)
    assert not page.otp.isVisibleTo(page)  # the window's profile asks no code
    page.reason.setText("柜员已下班未日终")
    wait = ask(qtbot, page)
    supervisor_pc.remote_approvals.decide(wait.request_id, approval(), approve=False,
                                          reason="该柜员仍在营业")
    qtbot.waitUntil(lambda: "该柜员仍在营业" in wait.state.text(), timeout=15000)
    assert wait.send.isEnabled() and not wait.timer.isActive()
    assert page.open_list.count() == 1 and granted_remotely(teller_pc) == []


def test_a_photo_check_let_through_with_an_approval_from_another_counter(
        qtbot, pcs: tuple[Services, Services], ops: Ops, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import numpy as np
    from PIL import Image

    from central_sim.seed import generated_id
    from counter_app.ui.application import application_page
    from counter_app.workflows.application import Step as AppStep
    from tests.integration.application.conftest import PORTRAIT

    teller_pc, supervisor_pc = pcs
    teller_pc.session_desk(TELLER).open("0")
    window = window_for(qtbot, teller_pc, ops)
    page = application_page(teller_pc, TELLER)
    page.setParent(window)
    window.show()
    page.show()
    page.open()

    def idle() -> None:
        qtbot.waitUntil(lambda: page.wf is not None and not page.busy and page.ops.pending == 0,
                        timeout=15000)

    idle()
    page.views[AppStep.IDENTIFY].id_number.setText(generated_id(2961))
    for step in (AppStep.ELIGIBILITY, AppStep.MATERIALS, AppStep.APPLICANT, AppStep.PHOTO):
        if step is AppStep.APPLICANT:
            page.step_key("Ctrl+A")  # every material seen
        if step is AppStep.PHOTO:
            page.views[AppStep.APPLICANT].address.setText("浙江省宁波市海曙区药行街1号")
            page.views[AppStep.APPLICANT].phone.setText("13805740009")
        page.go_next()
        qtbot.waitUntil(lambda s=step: page.wf.step is s, timeout=15000)
        idle()
    dark = tmp_path / "dark.jpg"
    pixels = np.array(Image.open(PORTRAIT).convert("RGB")).astype(float) * 0.3
    Image.fromarray(pixels.astype("uint8")).save(dark, format="JPEG", quality=90)
    photo = page.views[AppStep.PHOTO]
    photo.import_path(dark)
    idle()
    assert photo.override_box.isVisible()
    wait = photo.override_supervisor.remote
    assert wait is not None
    photo.override_reason.setText("好")  # too short: refused here, nothing is sent
    qtbot.mouseClick(wait.send, Qt.MouseButton.LeftButton)
    assert "至少" in wait.state.text() and not wait.request_id
    while photo.override_box.isVisible():  # each failed check, one approval each
        code = str(photo.override_check.currentData())
        photo.override_reason.setText("光线不足但面部清晰，人工核对合格")
        wait = ask(qtbot, photo)
        asked = teller_pc.remote_approvals.status(wait.request_id)
        assert asked.purpose == f"photo.override:{code}"
        assert asked.summary.startswith("照片人工放行：") and "人工核对合格" in asked.summary
        supervisor_pc.remote_approvals.decide(wait.request_id, approval(), approve=True)
        qtbot.waitUntil(lambda c=code: c in page.wf.photo_report.overridden_codes, timeout=15000)
        idle()
    assert page.wf.photo_report.ok and "已人工放行" in photo.checks.text()
    granted = granted_remotely(teller_pc)
    assert granted and all(who == SUPERVISOR and purpose.startswith("photo.override:")
                           for who, purpose in granted)
    page.close_page()
