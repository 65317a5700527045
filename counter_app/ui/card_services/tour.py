"""The guided tour's PIN and card services (registered in ``counter_app.ui.tour.SCENARIOS``).

李明 at the ICBC instant branch, with the demo card in the in-process card emulator and the
demo PIN pad (the tour keys what the person would key; the screen never shows it): three
wrong old PINs lock the social PIN, the reset after reading his ID card unlocks it with a
new PIN, then he changes it; the card read and shown; his nation changed at the central (the
data-change business, police paper) and F6 hands him over to 信息变更写卡: the chip written
and read back; a second write finds nothing to write.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox

from counter_app.devices.pinpad import DemoPinPad
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.card_services.page import CardServicesPage
from counter_app.ui.i18n import tr
from counter_app.ui.registration.common import PersonOpsPage
from counter_app.ui.tour_steps import act as _act
from counter_app.ui.tour_steps import idle as _idle
from counter_app.workflows.card_services import Operation, Step
from counter_app.workflows.data_change import Step as DStep

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

LI_MING = "330203198506122017"
NEW_NATION = "05"  # GB/T 3304: 维吾尔族 (the demo card carries 01 汉族)
NATION_PAPER_NO = "NB-GA-2026-0033"  # the police paper's number (ASCII: data in any language)


def _pad(run: TourRun) -> DemoPinPad:
    pad = run.services.fakes.pin_pad
    assert isinstance(pad, DemoPinPad), "the tour needs the demo PIN pad"
    return pad


def _start(run: TourRun, page: CardServicesPage, op: Operation, shot: str | None = None) -> None:
    """A new case: the service chosen, the ID card read, the card read."""
    _act(run, page, tr("办理下一笔"), page.new_case, Step.IDENTIFY)
    page.view(Step.IDENTIFY).choices[op].setChecked(True)
    _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
    _act(run, page, tr("下一步（读取社保卡）"), page.go_next, Step.CARD)
    if shot:
        run.shot(shot)
    _act(run, page, tr("下一步（办理）"), page.go_next, Step.ACT)


def _save_receipt(run: TourRun, page: CardServicesPage, name: str) -> None:
    path = run.out / f"{name}.pdf"
    _act(run, page, tr("另存为PDF（回执）"), partial(page.receipt_action, "save", path))
    run.pdfs.append(path)


def play_pin_services(run: TourRun) -> None:
    run.sign_in()
    main = run.app.main
    assert main is not None
    main.route_to("card_services")
    page = main.pages["card_services"]
    assert isinstance(page, CardServicesPage)
    _idle(run, page, Step.IDENTIFY)
    from counter_app.devices.idcard import DEMO_ID_CARDS

    run.services.id_reader.place(DEMO_ID_CARDS[LI_MING])
    pad = _pad(run)
    # read the card: chip data and validity, both functions' states from the central
    _start(run, page, Operation.READ, "card-read")
    # he forgot his PIN: three wrong old PINs (the demo card allows 6 tries; we show 3 and
    # then the last ones until the lock)
    _start(run, page, Operation.CHANGE_PIN)
    run.shot("change-pin-ready")
    for attempt in range(6):
        pad.key_in("111222", "480913", "480913")
        _act(run, page, tr("修改密码（原密码错误）"), page.submit)
        if attempt in (0, 5):
            run.shot("change-pin-wrong-old" if attempt == 0 else "change-pin-locked")
    # the reset: ID card read, the central's authorisation, the chip through the PSAM
    _start(run, page, Operation.RESET_PIN)
    run.shot("reset-ready")
    pad.key_in("480913", "480913")
    _act(run, page, tr("密码重置解锁"), page.submit, Step.DONE)
    run.shot("reset-done")
    _act(run, page, tr("预览回执"), partial(page.receipt_action, "preview"))
    dialog = next((d for d in page.findChildren(DocumentPreview) if d.isVisible()), None)
    if dialog is not None:
        dialog.resize(760, 1000)
        run.shot("reset-receipt-preview", dialog)
        dialog.close()
    _save_receipt(run, page, "pin-reset-receipt")
    # and he changes it once more, now knowing it
    _start(run, page, Operation.CHANGE_PIN)
    pad.key_in("480913", "270519", "270519")
    _act(run, page, tr("修改密码"), page.submit, Step.DONE)
    run.shot("change-pin-done")
    _save_receipt(run, page, "pin-change-receipt")
    # 李明's nation changed at the central (民族成份, on the police paper) in the data-change
    # business; F6 hands him over to 信息变更写卡: the card read, the nation written, read back
    main.route_to("personal_data_change")
    change = main.pages["personal_data_change"]
    assert isinstance(change, PersonOpsPage)
    _idle(run, change, DStep.IDENTIFY)
    _act(run, change, tr("读取身份证"), partial(change.step_key, "F2"))
    _act(run, change, tr("下一步（变更内容）"), change.go_next, DStep.CHANGES)
    nation = change.view(DStep.CHANGES).editors["nation"]
    assert isinstance(nation, QComboBox)
    nation.setCurrentIndex(nation.findData(NEW_NATION))
    run.shot("data-change-nation")
    _act(run, change, tr("下一步（证明材料）"), change.go_next, DStep.PROOF)
    proof = change.view(DStep.PROOF)
    proof.paper_kinds["POLICE"].setChecked(True)
    proof.paper_no.setText(NATION_PAPER_NO)
    _act(run, change, tr("下一步（确认）"), change.go_next, DStep.CONFIRM)
    _act(run, change, tr("确认变更"), partial(change.step_key, "F9"), DStep.DONE)
    run.shot("data-change-done-chip-offer")
    _act(run, change, tr("转到信息变更写卡"), partial(change.step_key, "F6"))
    _idle(run, page, Step.CARD)
    assert page.wf is not None and page.wf.operation is Operation.WRITE
    run.shot("write-handed-over")
    _act(run, page, tr("下一步（办理）"), page.go_next, Step.ACT)
    run.shot("write-ready")
    _act(run, page, tr("写卡"), page.submit, Step.DONE)
    run.shot("write-done")
    _save_receipt(run, page, "chip-write-receipt")
    # a second write finds nothing to write, and says so
    _start(run, page, Operation.WRITE)
    _act(run, page, tr("写卡"), page.submit)
    run.shot("write-nothing-to-do")
