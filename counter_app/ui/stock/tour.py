"""The guided tour's blank-card stock scenario (registered in ``counter_app.ui.tour.SCENARIOS``).

At the ICBC instant branch: a box registered from the supplier's list and checked card by
card (one card not on the list, one read twice, one listed card missing — each named), five
cards handed to the teller (the status bar counts them), one spoiled with the supervisor's
password and authenticator code, then the reconciliation with its count sheet — balanced, and
once more with a stock count one short, the difference named on the sheet.

The tour fails (``TourError``) when the spoil or the balance does not happen: a demo that
exits 0 must have shown what it says.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from counter_app.devices.blank_card import SimulatedBlankCardReader, chip_serial_of, demo_atr
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.i18n import tr
from counter_app.ui.stock.page import StockPage
from counter_app.workflows.login import DEMO_ACCOUNTS, DEMO_TOTP_SECRETS, utc_now_naive
from counter_app.workflows.stock import Step
from counter_app.workflows.supervisor import code_at_step, step_at

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

BOX = "BOX-NB0101-0001"
LISTED = 10  # the supplier lists 10 cards; the 10th is not in the box


def _idle(run: TourRun, page: StockPage) -> None:
    deadline = time.monotonic() + run.timeout_s
    while page.busy or page.ops.pending:
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise RuntimeError("the stock page did not finish in time")
        time.sleep(0.01)
    main = run.app.main
    while main is not None and main.ops.pending:  # the status bar's custody count
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


def _act(run: TourRun, page: StockPage, label: str, action: Any) -> None:
    started = time.perf_counter()
    action()
    _idle(run, page)
    run.waits.append((label, time.perf_counter() - started))


def _goto(run: TourRun, page: StockPage, step: Step) -> None:
    _act(run, page, tr("打开{0}").format(step.value), lambda: page._step_clicked(step))


def play_stock(run: TourRun) -> None:
    run.sign_in()
    main = run.app.main
    assert main is not None
    main.route_to("blank_stock")
    page = main.pages["blank_stock"]
    assert isinstance(page, StockPage)
    _idle(run, page)
    reader = run.services.blank_reader
    assert isinstance(reader, SimulatedBlankCardReader)
    run.shot("stock-open")

    listing = run.out / "supplier-list.csv"
    rows = [f"{BOX},{chip_serial_of(demo_atr(n))}" for n in range(1, LISTED + 1)]
    listing.write_text("box_id,chip_serial\n" + "\n".join(rows) + "\n", encoding="utf-8")
    _act(run, page, tr("导入供应商清单"), lambda: page.import_list(listing))
    run.shot("stock-list-imported")
    for n in range(1, LISTED):  # the 10th listed card is not in the box
        reader.insert(demo_atr(n))
        _act(run, page, tr("读卡入库 {0}").format(n), page.read_card)
        if n == 4:
            reader.insert(demo_atr(4))  # the same card read twice
            _act(run, page, tr("重复读卡"), page.read_card)
            reader.insert(demo_atr(77))  # a card from another box
            _act(run, page, tr("不在清单的卡"), page.read_card)
            run.shot("stock-card-not-on-list")
    _act(run, page, tr("结束核对"), page.close_box)
    run.shot("stock-box-checked")

    _goto(run, page, Step.CUSTODY)
    screen = page.view(Step.CUSTODY)
    screen.count.setText("5")
    _act(run, page, tr("领用5张"), page.hand_out)
    _idle(run, page)
    run.shot("stock-handed-out")

    _goto(run, page, Step.SPOIL)
    spoil = page.view(Step.SPOIL)
    supervisor = next(a for a in DEMO_ACCOUNTS if a[2] == "supervisor")
    spoil.serial.setText(chip_serial_of(demo_atr(1)))
    spoil.reason.setText(tr("写卡中断，芯片无响应"))
    spoil.supervisor.setText(supervisor[0])
    spoil.password.setText(supervisor[3])
    # the code the demo supervisor's authenticator shows now (docs/supervision.md)
    spoil.otp.setText(code_at_step(DEMO_TOTP_SECRETS[supervisor[0]], step_at(utc_now_naive())))
    run.shot("stock-spoil-entered")
    _act(run, page, tr("主管授权登记废卡"), page.spoil)
    run.shot("stock-spoiled")
    wf = page.wizard
    if wf is None or not wf.record.spoil_message:
        raise _failed("the spoil was refused: " + page.banner.label.text())

    _goto(run, page, Step.RECONCILE)
    rec = page.view(Step.RECONCILE)
    rec.counted_stock.setText("4")
    rec.counted_custody.setText("4")
    _act(run, page, tr("全网点盘点对账"), lambda: page.reconcile(False))
    run.shot("stock-reconciled")
    done = wf.record.reconciliation
    if done is None or not done.balanced or done.spoiled != 1:
        raise _failed(f"the reconciliation did not balance with one spoiled card: {done!r}")
    _sheet(run, page, "count-sheet-balanced")

    rec.counted_stock.setText("3")  # one card short in the safe: named, never hidden
    _act(run, page, tr("盘点对账（库存短少）"), lambda: page.reconcile(False))
    run.shot("stock-reconciled-difference")
    short = wf.record.reconciliation
    if short is None or short.balanced:
        raise _failed(f"a stock count one short was not named as a difference: {short!r}")
    _sheet(run, page, "count-sheet-difference")


def _failed(what: str) -> RuntimeError:
    from counter_app.ui.tour import TourError  # ui.tour loads this module lazily

    return TourError(f"stock tour: {what}")


def _sheet(run: TourRun, page: StockPage, name: str) -> None:
    path = run.out / f"{name}.pdf"
    _act(run, page, tr("盘点表另存为PDF"), lambda: page.sheet_action("save", path))
    run.pdfs.append(path)
    _act(run, page, tr("打印预览盘点表"), lambda: page.sheet_action("preview"))
    dialog = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, DocumentPreview) and w.isVisible()), None)
    if dialog is not None:
        dialog.resize(760, 1000)
        run.shot(f"preview-{name}", dialog)
        dialog.close()
