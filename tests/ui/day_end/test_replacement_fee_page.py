"""The replacement page's fee, driven as a teller would against the reference central and a
real store: a transfer without its reference is refused beside the field; without the
teller's session the replacement is refused before anything is sent; with the session the
fee is recorded and its receipt saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.ui.replacement.page import DoneScreen, OptionsScreen, ReplacementPage
from counter_app.workflows.card_loss import Operation
from counter_app.workflows.replacement import ReplacementDesk, Step
from tests.integration.card_loss.conftest import LI_MING, Counter
from tests.integration.day_end.test_replacement_fee_central import desks
from tests.ui.replacement.test_replacement_page import at, make_page, to_card

pytestmark = pytest.mark.central


def test_fee_on_the_confirmation_screen(qtbot, counters: dict[str, Counter],  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    icbc = counters["ICBC"]
    sessions, fees, _day_end = desks(icbc)
    loss = icbc.identified(Operation.LOSS)
    loss.find_card()
    loss.next()
    loss.choose(["social"])
    assert loss.submit().status == "done"
    fee_fen = icbc.client.branch_config("ICBC-NB-0101").replacement_fee_fen

    page: ReplacementPage = make_page(qtbot, icbc)
    page.desk = ReplacementDesk(icbc.ctx, fees=fees)  # the counter's fee desk, as bootstrap gives it
    page.new_case()
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.fees is fees, timeout=10000)
    to_card(qtbot, page)
    page.go_next()
    at(qtbot, page, Step.OPTIONS)
    options = page.view(Step.OPTIONS)
    assert isinstance(options, OptionsScreen)
    assert options.fee_box.isVisible() and f"{fee_fen // 100}.{fee_fen % 100:02d} 元" in options.fee_title.text()
    assert options.fee_cash.isChecked() and not options.fee_reference.isEnabled()
    qtbot.mouseClick(options.fee_transfer, Qt.MouseButton.LeftButton)
    assert options.fee_reference.isEnabled()
    page.step_key("F9")
    qtbot.waitUntil(lambda: "转账凭证号" in options.errors.text() and not page.busy, timeout=10000)
    qtbot.keyClicks(options.fee_reference, "tx2026113002")

    page.step_key("F9")  # no session open yet
    qtbot.waitUntil(lambda: "尚未开始今日营业" in page.banner.text() and not page.busy, timeout=10000)
    assert page.wf is not None and page.wf.step is Step.OPTIONS and page.wf.record.outcome is None
    assert icbc.client.card_status("NB0000016").card_state != "CANCELLED"

    sessions.open("0")
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    assert isinstance(done, DoneScreen)
    assert "已收（转账（凭证 TX2026113002））" in done.fee_receipt.text()
    assert done.fee_buttons["save"].isVisible() and not done.fee_buttons["retry"].isVisible()
    target = tmp_path / "fee-receipt.pdf"
    page.fee_receipt_action("save", target)
    qtbot.waitUntil(lambda: target.exists() and "已保存" in done.print_status.text(), timeout=15000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", "")
    assert "社会保障卡工本费收据" in text and "TX2026113002" in text and LI_MING not in text
    assert fees.session_fees()[0].reference == "TX2026113002"
    page.close_page()
