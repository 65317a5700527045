"""The guided tour's instant issuance scenario (registered in ``counter_app.ui.tour.SCENARIOS``).

At the ICBC instant branch, with three blanks received and handed to the teller that morning
(the ``stock`` scenario shows how): an application taken at the counter goes straight to
its issuance (即时制卡 F12 on the done step) — blank checked, marked at the central,
personalised through the PSAM, face printed (PDF), read back, reported, activated, the PIN
keyed on the PIN pad, receipt with the e-card QR. Then a second person's card is pulled
in the middle of the chip write: the screen says so, the same card goes back in and the
issuance resumes from the journal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from counter_app.devices.pinpad import DemoPinPad
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.application.page import ApplicationPage
from counter_app.ui.application.photo import PhotoView
from counter_app.ui.i18n import tr
from counter_app.ui.issuance.page import IssuancePage
from counter_app.workflows import tour_data
from counter_app.workflows.application import Step as AppStep
from counter_app.workflows.issuance import Outcome, Step
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

# generated adults of the reference central's seed (no card, local): central_sim.seed.generated_id
PEOPLE = ("330203199407311749", "330205199411051743")
BOX = "BOX-NB0101-TOUR"
BLANKS = tuple(bytes((0x5A, 0x17, 0, 0, 0, n, 0, 0)) for n in (1, 2, 3))  # the ATR takes 7
POWER_ON_APDUS = 2  # SELECT SSSE + GET DATA lifecycle before the personalisation starts


def _issuance(run: TourRun) -> IssuancePage:
    main = run.app.main
    assert main is not None
    page = main.pages["instant_issue"]
    assert isinstance(page, IssuancePage)
    return page


def _idle(run: TourRun, page: IssuancePage) -> None:
    deadline = time.monotonic() + run.timeout_s
    while page.busy or page.ops.pending:
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise RuntimeError("the issuance page did not finish in time")
        time.sleep(0.01)
    run.settle()


def _act(run: TourRun, page: IssuancePage, label: str, action: Callable[[], object]) -> None:
    started = time.perf_counter()
    action()
    _idle(run, page)
    run.waits.append((label, time.perf_counter() - started))


def _receive_blanks(run: TourRun, slot: EmulatedSlot) -> None:
    """The morning's stock work, done through the stock's own workflow."""
    from counter_app.workflows.issuance.chip import chip_serial

    teller = "T0301"
    stock = run.services.stock_desk(teller).new()
    stock.open_box(BOX)
    for unique in BLANKS:
        atr = slot.insert_blank(unique)
        stock.register_chip(chip_serial(atr), atr.hex().upper())
    slot.remove()
    stock.close_box()
    stock.hand_out(str(len(BLANKS)), teller)


def _require_issued(page: IssuancePage, what: str) -> str:
    """The card number of the issuance on the page; raises unless it ended ISSUED (the
    receipt renders whatever state the record is in, so the documents prove nothing alone)."""
    wf = page.wizard
    if wf is None:
        raise RuntimeError(f"{what}: no issuance is open on the page")
    r = wf.record
    if r.outcome is not Outcome.ISSUED or not r.card_no:
        states = ", ".join(f"{s.step.value}={s.status.value}{'/' + s.code if s.code else ''}"
                           for s in r.steps)
        raise RuntimeError(f"{what}: the issuance ended {r.outcome.value}, not issued ({states})")
    return r.card_no


def _documents(run: TourRun, page: IssuancePage, name: str, preview: bool) -> None:
    for kind in ("face", "receipt"):
        path = run.out / f"{name}-{kind}.pdf"
        _act(run, page, tr("另存为PDF（{0}）").format(kind), partial(page.save_document, kind, path))
        run.pdfs.append(path)
        if preview:
            _act(run, page, tr("预览（{0}）").format(kind), partial(page.document, kind))
            dialog = next((w for w in QApplication.topLevelWidgets()
                           if isinstance(w, DocumentPreview) and w.isVisible()), None)
            if dialog is not None:
                dialog.resize(760, 330 if kind == "face" else 1000)
                run.shot(f"preview-{name}-{kind}", dialog)
                dialog.close()


def _apply(run: TourRun, id_number: str, phone: str) -> ApplicationPage:
    from counter_app.ui.tour import submit_and_documents, type_to_applicant

    page = run.open_business("application")
    if page.wf is None or page.wf.step is AppStep.DONE:
        run.act(tr("新申领"), page.new_application)
    type_to_applicant(run, id_number, address=tour_data.INSTANT_APPLICANT_ADDRESS, phone=phone)
    run.next()
    photo = run.view(AppStep.PHOTO)
    assert isinstance(photo, PhotoView)
    run.act(tr("拍照并检查"), photo.capture)
    run.next()
    run.view(AppStep.REVIEW)
    submit_and_documents(run)
    return page


def play_instant_issuance(run: TourRun) -> None:
    slot = run.services.card_slot
    pad = run.services.fakes.pin_pad
    assert isinstance(slot, EmulatedSlot) and isinstance(pad, DemoPinPad)
    run.sign_in()
    _receive_blanks(run, slot)
    main = run.app.main
    assert main is not None
    main.refresh_custody()

    # 1. the application, accepted at the instant branch, handed to issuance
    app_page = _apply(run, PEOPLE[0], "13805746101")
    run.shot("application-accepted-instant")
    run.act(tr("当场制卡 (F12)"), app_page.issue_button.click)
    page = _issuance(run)
    _idle(run, page)
    run.shot("issuance-insert-blank")
    slot.insert_blank(BLANKS[0])
    pad.key_in("207419", "207419")  # the holder keys the PIN twice on the pad
    _act(run, page, tr("开始制卡"), page.advance)
    _require_issued(page, "the first card")
    run.shot("issuance-issued")
    _documents(run, page, "issued", preview=True)
    _act(run, page, tr("办理下一笔"), page.back_to_list)

    # 2. a second person's card pulled during the chip write, put back, resumed
    _apply(run, PEOPLE[1], "13805746102")
    main.route_to("instant_issue")
    _idle(run, page)
    run.shot("issuance-waiting-list")
    _act(run, page, tr("打开待制卡申领"), page.waiting._open)
    slot.insert_blank(BLANKS[1])
    slot.tear_after(POWER_ON_APDUS + 9)  # the 9th APDU of the personalisation pulls the card
    _act(run, page, tr("开始制卡（卡片被拔出）"), page.advance)
    wf = page.wizard
    if wf is None or wf.record.state_of(Step.PERSONALISE).code != "CARD_TORN":
        raise RuntimeError("the pulled card was not recorded as torn mid-write")
    run.shot("issuance-torn")
    slot.reinsert()
    pad.key_in("207419", "207419")
    _act(run, page, tr("插回同一张卡，继续"), page.advance)
    _require_issued(page, "the resumed torn card")
    run.shot("issuance-torn-resumed-issued")
    _documents(run, page, "resumed", preview=False)
    main.refresh_custody()
    run.shot("issuance-custody-count")
