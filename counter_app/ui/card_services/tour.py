"""The guided tour's PIN and card services (registered in ``counter_app.ui.tour.SCENARIOS``).

李明 at the ICBC instant branch, with the demo card in the in-process card emulator and the
demo PIN pad (the tour keys what the person would key; the screen never shows it): three
wrong old PINs lock the social PIN, the reset after reading his ID card unlocks it with a
new PIN, then he changes it; the card read and shown; a chip holder write.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from counter_app.devices.pinpad import DemoPinPad
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.card_services.page import CardServicesPage
from counter_app.ui.i18n import tr
from counter_app.ui.tour_steps import act as _act
from counter_app.ui.tour_steps import idle as _idle
from counter_app.workflows.card_services import Operation, Step

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

LI_MING = "330203198506122017"


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
    # a chip write with nothing to write is refused and says so
    _start(run, page, Operation.WRITE)
    _act(run, page, tr("写卡"), page.submit)
    run.shot("write-nothing-to-do")
