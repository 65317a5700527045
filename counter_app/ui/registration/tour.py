"""The guided tour's registration and data-change scenarios (registered in
``counter_app.ui.tour.SCENARIOS``).

At the ICBC instant branch. Registration: 郑丽 (renewed ID card read) as an employee of
宁波甬港智能制造有限公司 found by its credit code, a base one fen over the central's upper
bound refused with the bounds named, then accepted; a person new to the central typed in
as a flexible worker (pension only). Data change: 张伟's phone, address and marital status
(no proof) with his birth date (the archive record ticked; the chip-write offer goes to card
services), then 李明's name with
the ID card read and a police paper — the last screen sends him to replacement.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from counter_app.devices.idcard import DEMO_ID_CARDS
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.i18n import tr
from counter_app.ui.registration.common import PersonOpsPage
from counter_app.ui.tour_steps import act as _act
from counter_app.ui.tour_steps import open_page
from counter_app.workflows import tour_data as demo
from counter_app.workflows.data_change import Step as DStep
from counter_app.workflows.data_change.record import MARITAL
from counter_app.workflows.registration import Kind
from counter_app.workflows.registration import Step as RStep

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

LI_MING = "330203198506122017"
ZHANG_WEI = "330205199003011232"
ZHENG_LI = "510104199609188907"
NEWCOMER = "33020320000101001X"  # not known to the central: registered as a new person
EMPLOYER = "91330206MA2H001019"  # 宁波甬港智能制造有限公司 (central_sim/people.py)


def _open(run: TourRun, business: str, first: str) -> PersonOpsPage:
    return open_page(run, business, PersonOpsPage, first)


def _receipt(run: TourRun, page: PersonOpsPage, name: str, preview: bool = True) -> None:
    if preview:
        _act(run, page, tr("预览回执"), partial(page.receipt_action, "preview"))
        dialog = next((d for d in page.findChildren(DocumentPreview) if d.isVisible()), None)
        assert dialog is not None, "the preview did not open"
        dialog.resize(760, 1000)
        run.shot(f"{name}-preview", dialog)
        dialog.close()
    path = run.out / f"{name}.pdf"
    _act(run, page, tr("另存为PDF（回执）"), partial(page.receipt_action, "save", path))
    run.pdfs.append(path)


def _renewed(id_number: str) -> Any:
    """郑丽's demo ID card expired on 2026-09-01: she shows the renewed one."""
    card = DEMO_ID_CARDS[id_number]
    return dataclasses.replace(card, valid_from=dt.date(2026, 8, 1), valid_until=dt.date(2046, 8, 1))


def play_registration(run: TourRun) -> None:
    page = _open(run, "insurance_registration", RStep.KIND)
    kind = page.view(RStep.KIND)
    kind.kinds[Kind.EMPLOYEE].setChecked(True)
    kind.boxes[(Kind.EMPLOYEE, "id_card")].setChecked(True)
    _act(run, page, tr("下一步（材料未齐）"), page.go_next)
    run.shot("registration-materials-missing")
    for key in ("employment", "credit_code"):
        kind.boxes[(Kind.EMPLOYEE, key)].setChecked(True)
    run.shot("registration-materials")
    _act(run, page, tr("下一步（核验身份）"), page.go_next, RStep.IDENTIFY)
    run.services.id_reader.place(_renewed(ZHENG_LI))
    _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
    page.view(RStep.IDENTIFY).phone.setText("13905746688")
    run.shot("registration-identified")
    _act(run, page, tr("下一步（参保单位）"), page.go_next, RStep.EMPLOYER)
    employer = page.view(RStep.EMPLOYER)
    employer.code.setText(EMPLOYER)
    _act(run, page, tr("查询单位"), partial(page.step_key, "F5"))
    run.shot("registration-employer")
    _act(run, page, tr("下一步（险种与基数）"), page.go_next, RStep.CONTRIBUTION)
    contribution = page.view(RStep.CONTRIBUTION)
    contribution.base.setText("22311.01")
    _act(run, page, tr("下一步（基数超上限）"), page.go_next)
    run.shot("registration-base-over-bound")
    contribution.base.setText("8000")
    _act(run, page, tr("下一步（确认）"), page.go_next, RStep.CONFIRM)
    run.shot("registration-confirm")
    _act(run, page, tr("确认参保"), partial(page.step_key, "F9"), RStep.DONE)
    run.shot("registration-done")
    _receipt(run, page, "registration-employee-receipt")

    # a flexible worker the central does not know yet, number typed from the ID card
    _act(run, page, tr("办理下一笔"), partial(page.step_key, "Ctrl+N"), RStep.KIND)
    kind.kinds[Kind.FLEXIBLE].setChecked(True)
    for k in ("id_card", "no_employer", "bank_account"):
        kind.boxes[(Kind.FLEXIBLE, k)].setChecked(True)
    run.shot("flexible-materials")
    _act(run, page, tr("下一步（核验身份）"), page.go_next, RStep.IDENTIFY)
    identify = page.view(RStep.IDENTIFY)
    identify.id_number.setText(NEWCOMER.lower())
    identify.name.setText(demo.NEWCOMER_NAME)
    run.shot("flexible-typed")
    _act(run, page, tr("下一步（险种与基数）"), page.go_next, RStep.CONTRIBUTION)
    page.view(RStep.CONTRIBUTION).base.setText("4462")
    run.shot("flexible-pension-only")
    _act(run, page, tr("下一步（确认）"), page.go_next, RStep.CONFIRM)
    _act(run, page, tr("确认参保"), partial(page.step_key, "F9"), RStep.DONE)
    run.shot("flexible-done")
    _receipt(run, page, "registration-flexible-receipt", preview=False)


def play_data_change(run: TourRun) -> None:
    page = _open(run, "personal_data_change", DStep.IDENTIFY)
    run.services.id_reader.place(DEMO_ID_CARDS[ZHANG_WEI])
    _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
    run.shot("change-identified")
    _act(run, page, tr("下一步（变更内容）"), page.go_next, DStep.CHANGES)
    changes = page.view(DStep.CHANGES)
    changes.editors["phone"].setText("13857401234")
    changes.editors["address"].setText(demo.NEW_ADDRESS)
    marital = changes.editors["marital_status"]
    marital.setCurrentIndex(marital.findData(MARITAL[1]))  # the item's data: the central's value
    changes.editors["birth_date"].setText("1990-03-02")  # the archive says the 2nd
    run.shot("change-contact-and-birth")
    _act(run, page, tr("下一步（证明材料）"), page.go_next, DStep.PROOF)
    run.shot("change-birth-records")
    page.view(DStep.PROOF).record_boxes[("birth_date", 0)].setChecked(True)
    _act(run, page, tr("下一步（确认）"), page.go_next, DStep.CONFIRM)
    run.shot("change-contact-confirm")
    _act(run, page, tr("确认变更"), partial(page.step_key, "F9"), DStep.DONE)
    run.shot("change-contact-done")  # no chip write: the chip's birth date is the ID number's
    _receipt(run, page, "data-change-contact-receipt", preview=False)
    # (a nation change hands over to 信息变更写卡 with F6: the pin-services tour plays it)

    # 李明 changed his name: the ID card read, the police paper's number
    _act(run, page, tr("办理下一笔"), partial(page.step_key, "Ctrl+N"), DStep.IDENTIFY)
    run.services.id_reader.place(DEMO_ID_CARDS[LI_MING])
    _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
    _act(run, page, tr("下一步（变更内容）"), page.go_next, DStep.CHANGES)
    page.view(DStep.CHANGES).editors["name"].setText(demo.NEW_NAME)
    run.shot("change-name")
    _act(run, page, tr("下一步（证明材料）"), page.go_next, DStep.PROOF)
    proof = page.view(DStep.PROOF)
    proof.paper_kinds["POLICE"].setChecked(True)
    _act(run, page, tr("下一步（缺证明编号）"), page.go_next)
    run.shot("change-name-proof-missing")
    proof.paper_no.setText(demo.POLICE_PAPER_NO)
    _act(run, page, tr("下一步（确认）"), page.go_next, DStep.CONFIRM)
    run.shot("change-name-confirm")
    _act(run, page, tr("确认变更"), partial(page.step_key, "F9"), DStep.DONE)
    run.shot("change-name-done-new-card")
    _receipt(run, page, "data-change-name-receipt")
    _act(run, page, tr("转到补卡/换卡"), partial(page.step_key, "F7"))
    run.shot("change-name-to-replacement")


def _show_outbox(run: TourRun) -> None:
    """The status bar's outbox count, as its timer would show it a moment later."""
    if run.app.monitor is not None:
        run.app.monitor.poll()
        until = time.monotonic() + 0.5
        while time.monotonic() < until:
            QApplication.processEvents()
            time.sleep(0.01)


def play_data_change_line_down(run: TourRun) -> None:
    """The line is down: 张伟's phone change is queued (待上传); his birth date is refused
    (needs the central now); the line returns and the queued change is delivered."""
    run.services.sync.cycle()  # a recent successful sync: queued work is allowed
    run.central.line_down()
    page = _open(run, "personal_data_change", DStep.IDENTIFY)
    try:
        run.services.sync.probe()
        run.services.id_reader.place(DEMO_ID_CARDS[ZHANG_WEI])
        _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
        _act(run, page, tr("下一步（变更内容）"), page.go_next, DStep.CHANGES)
        run.shot("line-down-contact-only")
        page.view(DStep.CHANGES).editors["phone"].setText("13857409876")
        _act(run, page, tr("下一步（确认）"), page.go_next, DStep.CONFIRM)
        _act(run, page, tr("确认变更（暂存）"), partial(page.step_key, "F9"), DStep.DONE)
        _show_outbox(run)
        run.shot("line-down-queued")
        _receipt(run, page, "data-change-line-down-receipt", preview=False)
    finally:
        run.central.line_up()
    run.services.sync.drain()
    _show_outbox(run)
    done = page.view(DStep.DONE)
    deadline = time.monotonic() + 10  # the page asks the outbox every 2 s
    while tr("已送达中心系统并生效（专线恢复后自动上传）。") not in done.result.text() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    run.shot("line-up-delivered")
