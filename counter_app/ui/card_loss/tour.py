"""The guided tour's loss / de-loss scenarios (registered in ``counter_app.ui.tour.SCENARIOS``).

李明 (an ICBC card) at the ICBC instant branch: his 12333 phone loss of the social function
(临时挂失, made at the central) converted to a formal loss, then de-loss with the found card in
the reader; the same card's de-loss refused at the CCB branch (the screen names the bank to go
to); a formal loss with the line down, queued and delivered.
"""

from __future__ import annotations

import time
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from counter_app.devices.sscard import DEMO_CARDS, SimulatedSocialCardReader
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.card_loss.page import CardLossPage
from counter_app.ui.i18n import tr
from counter_app.ui.tour_steps import act as _act
from counter_app.ui.tour_steps import open_page
from counter_app.workflows.card_loss import Operation, Step

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

LI_MING = "330203198506122017"
CARD_NO = "NB0000016"  # his ICBC card


def _open(run: TourRun) -> CardLossPage:
    return open_page(run, "loss", CardLossPage, Step.IDENTIFY)


def _card_reader(run: TourRun) -> SimulatedSocialCardReader:
    reader = run.services.card_reader
    assert isinstance(reader, SimulatedSocialCardReader), "the tour needs the simulated card slot"
    return reader


def _demo_card() -> Any:
    return DEMO_CARDS[LI_MING]


def _save_receipt(run: TourRun, page: CardLossPage, name: str) -> None:
    path = run.out / f"{name}.pdf"
    _act(run, page, tr("另存为PDF（回执）"), partial(page.receipt_action, "save", path))
    run.pdfs.append(path)


def _preview_shot(run: TourRun, page: CardLossPage, name: str) -> None:
    _act(run, page, tr("预览回执"), partial(page.receipt_action, "preview"))
    dialog = next((d for d in page.findChildren(DocumentPreview) if d.isVisible()), None)
    assert dialog is not None, "the preview did not open"
    dialog.resize(760, 1000)
    run.shot(name, dialog)
    dialog.close()


def play_loss_deloss(run: TourRun) -> None:
    # he phoned 12333 the evening he missed the card: a temporary loss of the social function
    # at the central (it lapses unless confirmed); the counter converts it to a formal loss
    run.central.pre_loss(CARD_NO, "social", channel="12333")
    page = _open(run)
    run.services.id_reader.place(_id_card(LI_MING))
    run.shot("loss-identify")
    _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
    run.shot("loss-id-card-read")
    _act(run, page, tr("下一步（查询卡片）"), page.go_next, Step.CARD)
    run.shot("loss-card-states")
    _act(run, page, tr("下一步（选择功能）"), page.go_next, Step.CHOOSE)
    choose = page.view(Step.CHOOSE)
    choose.boxes["financial"].setChecked(False)  # he keeps his bank account usable
    run.shot("loss-choose-social")  # 社保功能: 临时挂失转正式挂失
    _act(run, page, tr("确认正式挂失"), page.submit, Step.DONE)
    run.shot("loss-done")
    _preview_shot(run, page, "loss-receipt-preview")
    _save_receipt(run, page, "loss-receipt")
    # he found the card: de-loss at his own bank with the card in the reader
    _act(run, page, tr("办理下一笔"), partial(page.step_key, "Ctrl+N"), Step.IDENTIFY)
    identify = page.view(Step.IDENTIFY)
    identify.choices[Operation.DELOSS].setChecked(True)
    _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
    _act(run, page, tr("下一步（查询卡片）"), page.go_next, Step.CARD)
    run.shot("deloss-card-not-read")
    _card_reader(run).insert(_demo_card())
    _act(run, page, tr("读取社保卡"), partial(page.step_key, "F3"))
    run.shot("deloss-card-read")
    _act(run, page, tr("下一步（选择功能）"), page.go_next, Step.CHOOSE)
    run.shot("deloss-choose")
    _act(run, page, tr("确认解除挂失"), page.submit, Step.DONE)
    run.shot("deloss-done")
    _save_receipt(run, page, "deloss-receipt")


def play_deloss_other_bank(run: TourRun) -> None:
    """At the CCB branch: the ICBC card's de-loss is refused, naming the bank to go to."""
    page = _open(run)
    identify = page.view(Step.IDENTIFY)
    identify.choices[Operation.DELOSS].setChecked(True)
    identify.id_number.setText(LI_MING)
    _act(run, page, tr("下一步（查询卡片）"), page.go_next, Step.CARD)
    _card_reader(run).insert(_demo_card())
    _act(run, page, tr("读取社保卡"), partial(page.step_key, "F3"))
    run.shot("deloss-refused-other-bank")


def play_loss_line_down(run: TourRun) -> None:
    """The line is down: the formal loss is accepted and queued, then delivered."""
    run.services.sync.cycle()  # a recent successful sync: queued work is allowed
    run.central.line_down()
    try:
        page = _open(run)
        run.services.id_reader.place(_id_card(LI_MING))
        _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
        _act(run, page, tr("下一步（查询卡片）"), page.go_next, Step.CARD)
        run.shot("loss-line-down-card")
        _card_reader(run).insert(_demo_card())
        _act(run, page, tr("读取社保卡"), partial(page.step_key, "F3"))
        run.shot("loss-line-down-card-read")
        _act(run, page, tr("下一步（选择功能）"), page.go_next, Step.CHOOSE)
        choose = page.view(Step.CHOOSE)
        for box in choose.boxes.values():
            box.setChecked(True)
        run.shot("loss-line-down-choose")
        _act(run, page, tr("确认正式挂失（暂存）"), page.submit, Step.DONE)
        _show_outbox(run)
        run.shot("loss-line-down-pending")
        _save_receipt(run, page, "loss-line-down-receipt")
        # de-loss is refused while the line is down
        _act(run, page, tr("办理下一笔"), partial(page.step_key, "Ctrl+N"), Step.IDENTIFY)
        page.view(Step.IDENTIFY).choices[Operation.DELOSS].setChecked(True)
        _act(run, page, tr("读取身份证"), partial(page.step_key, "F2"))
        _act(run, page, tr("下一步（查询卡片）"), page.go_next, Step.CARD)
        run.shot("deloss-refused-line-down")
    finally:
        run.central.line_up()
    run.services.sync.drain()
    # the line is back and he has his card: the de-loss now goes through (and the tours
    # after this one meet his card in use again)
    _act(run, page, tr("重新查询"), partial(page.step_key, "F5"), Step.CARD)
    _act(run, page, tr("读取社保卡"), partial(page.step_key, "F3"))
    _act(run, page, tr("下一步（选择功能）"), page.go_next, Step.CHOOSE)
    _act(run, page, tr("确认解除挂失"), page.submit, Step.DONE)
    run.shot("deloss-after-line-up")


def _show_outbox(run: TourRun) -> None:
    """The status bar's outbox count, as its timer would show it a moment later."""
    if run.app.monitor is not None:
        run.app.monitor.poll()
        until = time.monotonic() + 0.5
        while time.monotonic() < until:
            QApplication.processEvents()
            time.sleep(0.01)


def _id_card(id_number: str) -> Any:
    from counter_app.devices.idcard import DEMO_ID_CARDS

    return DEMO_ID_CARDS[id_number]
