"""The guided tour's replacement scenarios (registered in ``counter_app.ui.tour.SCENARIOS``).

李明 lost his ICBC card: at the ICBC instant branch the replacement is first refused (not
formally lost: the loss business is offered), the card is formally lost, then replaced with
同号换卡 and made on the spot — the teller holds blanks (received and handed out that
morning through the stock), his card was made before this counter kept photos so a new one
is taken, the 工本费 receipt is saved, and the done step's 当场制卡 goes straight into the
issuance (card face PDF and issuance receipt saved). Then, at the CCB branch, the same person's card is refused, naming
the bank to go to.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.ui.card_loss import tour as loss_tour
from counter_app.ui.card_loss.page import CardLossPage
from counter_app.ui.i18n import tr
from counter_app.ui.replacement.page import ReplacementPage
from counter_app.ui.tour_steps import act as _act
from counter_app.ui.tour_steps import idle as _idle
from counter_app.ui.tour_steps import open_page
from counter_app.workflows.card_loss import Step as LossStep
from counter_app.workflows.replacement import Step

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

LI_MING = loss_tour.LI_MING


def _open(run: TourRun) -> ReplacementPage:
    return open_page(run, "replacement", ReplacementPage, Step.IDENTIFY)


def _blanks_in_custody(run: TourRun) -> None:
    """The morning's stock work (received, handed to the teller), as the issuance tour does."""
    from counter_app.ui.issuance import tour as issuance_tour

    issuance_tour._receive_blanks(run, run.services.card_slot)
    main = run.app.main
    assert main is not None
    main.refresh_custody()


def play_replacement(run: TourRun) -> None:
    page = _open(run)
    _blanks_in_custody(run)
    run.services.id_reader.place(loss_tour._id_card(LI_MING))
    run.shot("replacement-identify")
    _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
    _act(run, page, tr("下一步（查询原卡）"), page.go_next, Step.CARD)
    run.shot("replacement-not-formally-lost")
    # the teller follows the offer: the loss business first
    _act(run, page, tr("转到挂失"), page.view(Step.CARD).loss_button.click)
    main = run.app.main
    assert main is not None
    loss = main.pages["loss"]
    assert isinstance(loss, CardLossPage)
    _idle(run, loss, LossStep.IDENTIFY)
    _act(run, loss, tr("读取身份证"), partial(loss.step_key, "F2"))
    _act(run, loss, tr("下一步（查询卡片）"), loss.go_next, LossStep.CARD)
    _act(run, loss, tr("下一步（选择功能）"), loss.go_next, LossStep.CHOOSE)
    run.shot("replacement-loss-first")
    _act(run, loss, tr("确认正式挂失"), loss.submit, LossStep.DONE)
    # back to the replacement
    main.route_to("replacement")
    _act(run, page, tr("重新查询"), partial(page.step_key, "F5"))
    run.shot("replacement-card-lost")
    _act(run, page, tr("下一步（补换方式）"), page.go_next, Step.OPTIONS)
    run.shot("replacement-options-same-number")
    # no photo of his on this counter: the card face needs one (the file camera here)
    options: Any = page.view(Step.OPTIONS)
    _act(run, page, tr("拍照并检查"), options.making.capture)
    run.shot("replacement-options-instant-photo")
    _act(run, page, tr("确认补换卡"), page.submit, Step.DONE)
    run.shot("replacement-done")
    _preview(run, page, "replacement-receipt-preview")
    path = run.out / "replacement-receipt.pdf"
    _act(run, page, tr("另存为PDF（回执）"), partial(page.receipt_action, "save", path))
    run.pdfs.append(path)
    _fee_receipt(run, page)
    _issue_on_the_spot(run, page)


def _fee_receipt(run: TourRun, page: ReplacementPage) -> None:
    """The 工本费 receipt (收据) of the fee recorded with the business, saved as a PDF."""
    wf = page.wizard
    assert wf is not None
    terms = wf.record.terms
    if terms is None or terms.fee_fen == 0:  # the first card is free: no fee, no receipt
        return
    assert wf.record.fee.receipt_no, f"the fee was not recorded: {wf.record.fee.problem_zh}"
    path = run.out / "replacement-fee-receipt.pdf"
    _act(run, page, tr("收据另存为PDF"), partial(page.fee_receipt_action, "save", path))
    assert path.exists(), "the fee receipt was not saved"
    run.pdfs.append(path)


def _issue_on_the_spot(run: TourRun, page: ReplacementPage) -> None:
    """当场制卡 (F12): the issuance of the new card, a blank from the teller's custody."""
    from counter_app.devices.pinpad import DemoPinPad
    from counter_app.ui.issuance import tour as issuance_tour
    from counter_app.workflows.issuance.emulated_slot import EmulatedSlot

    slot, pad = run.services.card_slot, run.services.fakes.pin_pad
    assert isinstance(slot, EmulatedSlot) and isinstance(pad, DemoPinPad)
    done: Any = page.view(Step.DONE)
    assert done.issue_button.isVisible(), "the issue-now button is not offered"
    _act(run, page, tr("当场制卡 (F12)"), done.issue_button.click)
    issuance = issuance_tour._issuance(run)
    issuance_tour._idle(run, issuance)
    run.shot("replacement-issuance-insert-blank")
    slot.insert_blank(issuance_tour.BLANKS[0])
    pad.key_in("207419", "207419")  # the holder keys the new card's PIN twice on the pad
    issuance_tour._act(run, issuance, tr("开始制卡"), issuance.advance)
    run.shot("replacement-issued")
    issuance_tour._documents(run, issuance, "replacement-issued", preview=True)


def _preview(run: TourRun, page: ReplacementPage, name: str) -> None:
    from counter_app.ui.application.documents import DocumentPreview

    _act(run, page, tr("预览回执"), partial(page.receipt_action, "preview"))
    dialog = next((d for d in page.findChildren(DocumentPreview) if d.isVisible()), None)
    assert dialog is not None, "the preview did not open"
    dialog.resize(760, 1000)
    run.shot(name, dialog)
    dialog.close()


def play_replacement_other_bank(run: TourRun) -> None:
    """At the CCB branch: the ICBC card is refused, naming the bank to go to."""
    page = _open(run)
    identify: Any = page.view(Step.IDENTIFY)
    identify.id_number.setText(LI_MING)
    _act(run, page, tr("下一步（查询原卡）"), page.go_next, Step.CARD)
    run.shot("replacement-refused-other-bank")
