"""The 空白卡库存 screens driven as a teller would, offscreen, in the signed-in main window:
receive a box (F2 per card), hand out (the status bar counts the custody), spoil (a wrong
supervisor password refused, then granted), reconcile with a difference named and the count
sheet saved; at a non-instant branch the page says why there is no stock."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.bootstrap import Fakes, build_services
from counter_app.devices.blank_card import SimulatedBlankCardReader, chip_serial_of, demo_atr
from counter_app.ui.app import CounterApp
from counter_app.ui.stock.page import StockPage
from counter_app.workflows.login import DEMO_ACCOUNTS
from counter_app.workflows.stock import Step
from tests.fixtures.app import make_profile, open_demo_session
from tests.fixtures.otp import fresh_code
from tests.ui.test_shell import close, sign_in, start

SUPERVISOR = next(a for a in DEMO_ACCOUNTS if a[2] == "supervisor")


def services_for(tmp_path: Path, kind: str, fake_central, fake_presence,
                 reader: SimulatedBlankCardReader):  # type: ignore[no-untyped-def]
    profile = make_profile(tmp_path / kind, kind)
    services = build_services(profile, fakes=Fakes(central=fake_central, presence=fake_presence,
                                                   blank_reader=reader))
    open_demo_session(services)  # stock changes are done inside the teller's work session
    return services


def idle(qtbot, page: StockPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.busy and page.ops.pending == 0, timeout=15000)


def open_stock(qtbot, app: CounterApp) -> StockPage:  # type: ignore[no-untyped-def]
    app.main.route_to("blank_stock")
    page = app.main.pages["blank_stock"]
    assert isinstance(page, StockPage)
    idle(qtbot, page)
    return page


def test_receive_hand_out_spoil_reconcile(qtbot, tmp_path: Path, fake_central,
                                          fake_presence) -> None:  # type: ignore[no-untyped-def]
    reader = SimulatedBlankCardReader()
    services = services_for(tmp_path, "instant", fake_central, fake_presence, reader)
    app = start(qtbot, services)
    sign_in(qtbot, app)
    custody = app.main.status.custody_label
    qtbot.waitUntil(lambda: custody.property("state") == 0, timeout=5000)
    page = open_stock(qtbot, app)
    receive = page.view(Step.RECEIVE)
    assert not receive.read_button.isEnabled()  # no box yet
    qtbot.keyClicks(receive.box_id, "BOX-UI-1")
    qtbot.mouseClick(receive.open_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page)
    assert receive.read_button.isEnabled()
    for n in (1, 2, 3, 1):
        reader.insert(demo_atr(n))
        qtbot.keyClick(receive.box_id, Qt.Key.Key_F2)
        idle(qtbot, page)
    assert "无清单，已读卡入库 3 张" in receive.summary.text()
    assert receive.problems.count() == 1 and "重复" in receive.problems.item(0).text()
    qtbot.keyClick(receive.box_id, Qt.Key.Key_F2)  # the slot is empty now
    idle(qtbot, page)
    assert "读卡器中没有卡片" in page.banner.text()

    page.step_list.item(1).setSelected(True)
    qtbot.mouseClick(page.step_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.step_list.visualItemRect(page.step_list.item(1)).center())
    qtbot.waitUntil(lambda: page.wizard is not None and page.wizard.current == Step.CUSTODY)
    idle(qtbot, page)
    assert page.current_screen() is page.view(Step.CUSTODY)
    hand = page.view(Step.CUSTODY)
    qtbot.keyClicks(hand.count, "2")
    page.hand_out()
    idle(qtbot, page)
    assert "已交给柜员 T0301 保管 2 张" in hand.result.text()
    qtbot.waitUntil(lambda: custody.property("state") == 2, timeout=5000)
    assert "本人保管空白卡：2 张" in custody.text()

    page._step_clicked(Step.SPOIL)
    idle(qtbot, page)
    spoil = page.view(Step.SPOIL)
    card = chip_serial_of(demo_atr(1))
    spoil.reason.setText("写卡失败芯片无响应")  # typed through the input method
    for widget, text in ((spoil.serial, card), (spoil.supervisor, SUPERVISOR[0]),
                         (spoil.password, "wrong")):
        qtbot.keyClicks(widget, text)
    page.spoil()
    idle(qtbot, page)
    assert "用户名、密码或动态验证码不正确" in page.banner.text() and spoil.password.text() == ""
    qtbot.keyClicks(spoil.password, SUPERVISOR[3])
    qtbot.keyClicks(spoil.otp, fresh_code())
    page.spoil()
    idle(qtbot, page)
    assert f"空白卡 {card} 已登记为废卡（授权主管 {SUPERVISOR[0]}）" in spoil.result.text()
    qtbot.waitUntil(lambda: custody.property("state") == 1, timeout=5000)

    page._step_clicked(Step.RECONCILE)
    idle(qtbot, page)
    rec = page.view(Step.RECONCILE)
    assert not rec.save_button.isEnabled()
    qtbot.keyClicks(rec.counted_stock, "0")
    page.reconcile(False)
    idle(qtbot, page)
    text = rec.result.text()
    assert "入库 3 = 库存 1 + 柜员保管 1 + 已发卡 0 + 废卡 1" in text
    assert "网点库存：系统记录 1 张，实点 0 张，短少 1 张" in text
    target = tmp_path / "sheet.pdf"
    page.sheet_action("save", target)
    idle(qtbot, page)
    assert "盘点表已保存" in rec.sheet_status.text()
    sheet = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "空白卡盘点表" in sheet and "短少 1 张" in sheet and "写卡失败芯片无响应" in sheet
    page.find_printer = lambda _name: None  # a counter without a printer: said, not silent
    page.sheet_action("print")
    idle(qtbot, page)
    assert "本机没有可用的打印机，盘点表未打印" in rec.sheet_status.text()
    page.reconcile(False)  # a new reconciliation: the last sheet's status does not linger
    idle(qtbot, page)
    assert rec.sheet_status.text() == ""
    close(app)
    services.close()


def test_a_non_instant_branch_explains(qtbot, tmp_path: Path, fake_central,
                                       fake_presence) -> None:  # type: ignore[no-untyped-def]
    services = services_for(tmp_path, "central", fake_central, fake_presence,
                            SimulatedBlankCardReader())
    app = start(qtbot, services)
    sign_in(qtbot, app)
    assert ("blank_stock", True) in app.main.menu_keys()
    assert not app.main.status.custody_label.isVisibleTo(app.main)
    page = open_stock(qtbot, app)
    assert page.stack.currentWidget() is page.not_instant
    assert "非即办网点" in page.not_instant.text() and page.wizard is None
    close(app)
    services.close()
