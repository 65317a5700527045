"""The data-change page driven as a teller would, offscreen, against the real reference
central: a name change needs the ID card read and a paper with its number (refused beside
the field until both are there), the central takes it and the last screen says a new card is
needed, handing the person over to replacement (信息变更换卡); a phone change needs no
chip write; a birth date backed by a record named is no chip write either (the chip's is the
ID number's)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from counter_app.devices.idcard import DEMO_ID_CARDS
from counter_app.ui.data_change.page import (
    ChangesScreen,
    DataChangePage,
    DoneScreen,
    IdentifyScreen,
    ProofScreen,
)
from counter_app.workflows.data_change import DataChangeDesk, Step
from counter_app.workflows.replacement import Reason
from counter_app.workflows.replacement.handover import Handover
from tests.integration.people.conftest import LI_MING, ZHANG_WEI, Counter

pytestmark = pytest.mark.central


def at(qtbot, page: DataChangePage, step: Step) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.step is step and not page.busy
                    and page.ops.pending == 0, timeout=15000)


def make_page(qtbot, counter: Counter) -> DataChangePage:  # type: ignore[no-untyped-def]
    page = DataChangePage(DataChangeDesk(counter.ctx))
    qtbot.addWidget(page)
    page.resize(1200, 860)
    page.show()
    page.open()
    at(qtbot, page, Step.IDENTIFY)
    return page


def test_name_change_with_papers_then_a_new_card(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, counter)
    routed: list[str] = []
    page.sig_route.connect(routed.append)
    identify = page.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyScreen)
    qtbot.keyClicks(identify.id_number, LI_MING)  # typed first: identity data cannot change so
    page.go_next()
    at(qtbot, page, Step.CHANGES)
    changes = page.view(Step.CHANGES)
    assert isinstance(changes, ChangesScreen)
    assert "李明" in changes.current.text()
    name = changes.editors["name"]
    assert isinstance(name, QLineEdit)
    name.setText("李铭")  # typed through the input method (QTest types no CJK)
    page.go_next()
    at(qtbot, page, Step.PROOF)
    proof = page.view(Step.PROOF)
    assert isinstance(proof, ProofScreen)
    assert proof.papers_frame.isVisible() and not proof.records_frame.isVisible()
    assert "未读取身份证" in proof.id_state.text()
    proof.paper_kinds["POLICE"].setChecked(True)
    page.go_next()
    qtbot.waitUntil(lambda: "阅读器读取本人身份证" in proof.papers_error.text(), timeout=10000)
    assert "编号" in proof.grid.errors["paper_no"].text()
    counter.id_reader.place(DEMO_ID_CARDS[LI_MING])
    page.step_key("F2")
    qtbot.waitUntil(lambda: "已读取本人身份证" in proof.id_state.text(), timeout=10000)
    assert proof.paper_kinds["POLICE"].isChecked()  # kept across the read
    proof.paper_no.setText("甬公户更2026-0117")
    page.go_next()
    at(qtbot, page, Step.CONFIRM)
    assert "换发新卡" in page.view(Step.CONFIRM).warning.text()
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    assert isinstance(done, DoneScreen)
    assert "补卡/换卡" in done.new_card.text()
    assert done.replace_button.isVisible() and not done.chip_button.isVisible()
    handed: list[tuple[str, object]] = []
    page.sig_hand_over.connect(lambda key, what: handed.append((key, what)))
    page.step_key("F7")
    assert routed == [] and len(handed) == 1
    key, handover = handed[0]
    assert key == "replacement" and isinstance(handover, Handover)
    assert handover.reason is Reason.INFO_CHANGED
    assert handover.identity.id_number == LI_MING and handover.identity.name == "李铭"
    assert handover.identity.source == "reader"  # read on the proof step
    page.close_page()


def test_contact_change_needs_no_chip_write(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, counter)
    identify = page.view(Step.IDENTIFY)
    qtbot.keyClicks(identify.id_number, ZHANG_WEI)
    page.go_next()
    at(qtbot, page, Step.CHANGES)
    changes = page.view(Step.CHANGES)
    qtbot.keyClicks(changes.editors["phone"], "1390574")
    page.go_next()  # too short: refused beside the field
    qtbot.waitUntil(lambda: "11位手机号码" in changes.grid.errors["phone"].text(), timeout=10000)
    qtbot.keyClicks(changes.editors["phone"], "6688")
    marital = changes.editors["marital_status"]
    assert isinstance(marital, QComboBox)
    marital.setCurrentIndex(marital.findData("已婚"))
    page.go_next()
    at(qtbot, page, Step.CONFIRM)  # no proof for contact data
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    assert "信息变更已完成" in done.result.text()
    assert not done.chip_button.isVisible() and not done.replace_button.isVisible()
    assert "无需写卡" in done.handover.text()
    page.close_page()


def test_birth_date_with_records_leaves_the_chip_as_it_is(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, counter)
    routed: list[str] = []
    page.sig_route.connect(routed.append)
    qtbot.keyClicks(page.view(Step.IDENTIFY).id_number, ZHANG_WEI)
    page.go_next()
    at(qtbot, page, Step.CHANGES)
    qtbot.keyClicks(page.view(Step.CHANGES).editors["birth_date"], "1990-03-02")
    page.go_next()
    at(qtbot, page, Step.PROOF)
    proof = page.view(Step.PROOF)
    assert proof.records_frame.isVisible() and not proof.papers_frame.isVisible()
    page.go_next()  # nothing ticked: the records are named beside the list
    qtbot.waitUntil(lambda: "户口簿" in proof.records_error.text(), timeout=10000)
    proof.record_boxes[("birth_date", 1)].setChecked(True)
    page.go_next()
    at(qtbot, page, Step.CONFIRM)
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    # the chip's birth date is the one the ID number encodes: the record's correction is not
    # written to the chip (CHIP_FIELDS), and no F6 (tests/ui/card_services for the nation's)
    assert not done.chip_button.isVisible() and "无需写卡" in done.handover.text()
    page.step_key("F6")
    assert routed == []
    page.close_page()


def test_a_queued_change_says_when_it_reached_the_central(qtbot, counter: Counter,  # type: ignore[no-untyped-def]
                                                        central) -> None:
    counter.sync.cycle()
    central.line_down()
    try:
        counter.sync.probe()
        page = make_page(qtbot, counter)
        qtbot.keyClicks(page.view(Step.IDENTIFY).id_number, ZHANG_WEI)
        page.go_next()
        at(qtbot, page, Step.CHANGES)
        changes = page.view(Step.CHANGES)
        assert not changes.editors["birth_date"].isEnabled()  # needs the central now
        qtbot.keyClicks(changes.editors["phone"], "13857409876")
        page.go_next()
        at(qtbot, page, Step.CONFIRM)
        page.step_key("F9")
        at(qtbot, page, Step.DONE)
        done = page.view(Step.DONE)
        assert "暂存" in done.result.text() and page.delivery_timer.isActive()
    finally:
        central.line_up()
    counter.sync.drain()
    qtbot.waitUntil(lambda: "已送达中心系统" in done.result.text(), timeout=15000)
    assert not page.delivery_timer.isActive()
    page.close_page()
