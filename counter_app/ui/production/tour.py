"""The guided tour's central-production scenario (registered in ``counter_app.ui.tour``).

At the non-instant CCB branch: applications taken for three people (张伟, 吴磊 and the minor
王小雨 with her guardian) are followed in 集中制卡 as the reference central advances
production (数据录入 → 制卡中 → 已寄出); their batch is received card by card with one card
missing (named on screen and on the 签收清单; the teller called away after the first card
finds the receipt kept as a draft and resumes it), the uncollected list printed, a failed
production shown with the central's reason and re-submitted, then 张伟's card
handed out in 领卡启用 — identity, card read, hand-out and activation at the central, the PIN
keyed on the pad — with its receipt.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from counter_app.devices.idcard import DEMO_ID_CARDS
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.i18n import tr
from counter_app.ui.production.page import HandoutPage, ProductionPage
from counter_app.workflows.production.demo import take_applications, take_failing
from counter_app.workflows.production.handout import Step as HStep
from counter_app.workflows.production.record import Step

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

# (ID number, name as the central knows it: searched for, so never translated, guardian)
PEOPLE = tuple((idn, DEMO_ID_CARDS[idn].name, guardian) for idn, guardian in (
    ("330205199003011232", None), ("420106199304057894", None),
    ("330206201503091028", "330203198506122017")))
BOX = "A01"
# a generated adult of the reference central (central_sim.seed.generated_id(2900)): his
# production fails (the central's 制卡失败 example) and is re-submitted from the tracking screen
FAILING = "330203197009051727"


def _idle(run: TourRun, page: ProductionPage | HandoutPage) -> None:
    deadline = time.monotonic() + run.timeout_s
    while page.busy or page.ops.pending:
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise RuntimeError("the production page did not finish in time")
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


def _act(run: TourRun, page: ProductionPage | HandoutPage, label: str, action: Any) -> None:
    started = time.perf_counter()
    action()
    _idle(run, page)
    run.waits.append((label, time.perf_counter() - started))


def _scroll_to(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)
    for _ in range(3):
        QApplication.processEvents()


def _take(run: TourRun) -> list[tuple[str, str, str]]:
    p = run.services.profile
    return take_applications(run.services.central, p.branch_code, p.bank.code, PEOPLE)


def _advance(run: TourRun) -> None:
    run.central.advance_production()
    run.services.sync.pull()


def _save(run: TourRun, page: ProductionPage | HandoutPage, name: str, save: Any, preview: Any) -> None:
    path = run.out / f"{name}.pdf"
    _act(run, page, tr("保存{0}").format(name), lambda: save(path))
    run.pdfs.append(path)
    _act(run, page, tr("预览{0}").format(name), preview)
    dialog = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, DocumentPreview) and w.isVisible()), None)
    if dialog is not None:
        dialog.resize(760, 1000)
        run.shot(f"preview-{name}", dialog)
        dialog.close()


def play_central_production(run: TourRun) -> None:
    run.sign_in()
    main = run.app.main
    assert main is not None
    taken = _take(run)
    p = run.services.profile
    failing = take_failing(run.services.central, p.branch_code, p.bank.code, FAILING)
    first_id, first_idn, first_name = taken[0]
    main.route_to("central_production")
    page = main.pages["central_production"]
    assert isinstance(page, ProductionPage)
    _idle(run, page)
    home = page.view(Step.CHOOSE)
    run.shot("production-open")

    home.query.setText(first_idn)
    _act(run, page, tr("按身份证号码查询进度"), page.search)
    run.shot("tracking-data-entry")
    _advance(run)
    _act(run, page, tr("查询进度（制卡中）"), page.search)
    run.shot("tracking-in-production")
    _advance(run)
    _act(run, page, tr("刷新批次"), page.refresh_batches)  # the batch list names the holders
    home.query.setText(first_name)
    _act(run, page, tr("按姓名查询进度（已寄出）"), page.search)
    run.shot("tracking-shipped-batch-listed")

    central = run.services.central
    batch_id = central.application(first_id).batch_id
    for row in range(home.batches.count()):
        if home.batches.item(row).text().startswith(batch_id):
            home.batches.setCurrentRow(row)
    _act(run, page, tr("签收本批次"), page.choose_batch)
    read = page.view(Step.READ)
    missing = taken[-1]  # the last envelope is empty: its card never came
    for n, (application_id, idn, name) in enumerate(taken[:-1]):
        card_no = central.application(application_id).card_no
        run.services.put_demo_card(card_no, idn, name)
        read.envelope.setText(application_id)
        _act(run, page, tr("读卡核对"), page.read_card)
        if n == 0:  # called away after the first card: the receipt waits as a draft
            _act(run, page, tr("离开签收（已读1张）"), page.new_receipt)
            run.shot("batch-draft-kept")
            _act(run, page, tr("继续签收"), page.choose_batch)
            run.shot("batch-draft-resumed")
    run.shot("batch-read-one-missing")
    _act(run, page, tr("下一步（入柜）"), page.go_next)
    page.view(Step.PLACE).box.setText(BOX)
    run.shot("batch-place")
    _act(run, page, tr("确认签收"), page.confirm)
    run.shot("batch-received")
    _save(run, page, "batch-receipt", page.save_receipt, page.preview_receipt)
    del missing

    _act(run, page, tr("返回制卡进度与批次"), page.new_receipt)
    home.query.setText(first_idn)
    _act(run, page, tr("查询进度（在柜保管）"), page.search)
    run.shot("tracking-in-custody")
    _scroll_to(home.uncollected_table)  # the cards in custody with their age, below the fold
    run.shot("uncollected-cards")
    _save(run, page, "uncollected", page.save_uncollected, page.preview_uncollected)
    if failing is not None:  # 制卡失败: the central's reason, then re-submitted
        home.query.setText(failing)
        _act(run, page, tr("查询进度（制卡失败）"), page.search)
        run.shot("tracking-failed-reason")
        _act(run, page, tr("重新制卡"), page.resubmit)
        run.shot("tracking-failed-resubmitted")

    main.route_to("handout")
    hand = main.pages["handout"]
    assert isinstance(hand, HandoutPage)
    _idle(run, hand)
    ident = hand.view(HStep.IDENTIFY)
    ident.id_number.setText(first_idn)
    run.shot("handout-identify")
    _act(run, hand, tr("查找待领卡片"), hand.find_card)
    card_no = central.application(first_id).card_no
    run.services.put_demo_card(card_no, first_idn, first_name)
    run.shot("handout-card")
    _act(run, hand, tr("读卡核对"), hand.read_card)
    run.shot("handout-activate")
    _act(run, hand, tr("启用"), hand.activate)
    pad = run.services.fakes.pin_pad
    pad.key_in("802413", "802413")
    run.shot("handout-pin")
    _act(run, hand, tr("持卡人设置密码"), hand.set_pin)
    wf = hand.wizard
    if wf is None or wf.current != HStep.DONE or not wf.record.pin_set:
        # a tour that stops short must fail, not save screenshots of a refusal
        raise RuntimeError(f"central-production tour: the hand-out stopped at "
                           f"{wf.current if wf is not None else None!r}: {hand.banner.text()}")
    run.shot("handout-done")
    _save(run, hand, "handout-receipt", hand.save_receipt, hand.preview_receipt)
