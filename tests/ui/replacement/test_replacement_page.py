"""The replacement page driven as a teller would (keyboard and buttons), offscreen, against the
real reference central: an ICBC card refused at a CCB branch naming the bank; at the ICBC
branch a card not formally lost is refused with both functions' states and the way to the
loss business; once formally lost, 同号换卡 with the fee and the receipt."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.ui.replacement.page import (
    CardScreen,
    DoneScreen,
    IdentifyScreen,
    OptionsScreen,
    ReplacementPage,
)
from counter_app.workflows.card_loss import CardLossWorkflow, Operation
from counter_app.workflows.replacement import Reason, ReplacementDesk, Step
from tests.integration.card_loss.conftest import LI_MING, Counter

pytestmark = pytest.mark.central


def make_page(qtbot, counter: Counter) -> ReplacementPage:  # type: ignore[no-untyped-def]
    page = ReplacementPage(ReplacementDesk(counter.ctx))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.open()
    qtbot.waitUntil(lambda: page.wf is not None, timeout=10000)
    return page


def at(qtbot, page: ReplacementPage, step: Step) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.step is step and not page.busy
                    and page.ops.pending == 0, timeout=15000)


def to_card(qtbot, page: ReplacementPage) -> CardScreen:  # type: ignore[no-untyped-def]
    """The teller reads the ID card (F2) and goes on (PageDown): the central is asked."""
    identify = page.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyScreen)
    assert identify.choices[Reason.LOST].isChecked()  # 遗失补卡 is the default
    page.step_key("F2")
    qtbot.waitUntil(lambda: "已读取身份证" in identify.who.text(), timeout=10000)
    qtbot.keyClick(identify.id_number, Qt.Key.Key_PageDown)
    at(qtbot, page, Step.CARD)
    card = page.view(Step.CARD)
    assert isinstance(card, CardScreen)
    qtbot.waitUntil(lambda: "NB0000016" in card.info.text(), timeout=10000)
    return card


def test_icbc_card_refused_at_a_ccb_branch_naming_the_bank(
        qtbot, counters: dict[str, Counter]) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, counters["CCB"])
    card = to_card(qtbot, page)
    assert "中国工商银行" in card.info.text()
    problem = card.problem.text()
    assert "中国工商银行发行" in problem and "本网点属于中国建设银行" in problem
    assert "前往中国工商银行网点" in problem
    assert not page.next_button.isEnabled()
    assert not card.loss_button.isVisible()  # the loss is no help here: the bank is wrong
    page.go_next()  # the teller presses on anyway: the page stays on the card
    assert page.wf is not None and page.wf.step is Step.CARD
    page.close_page()


def test_not_lost_then_lost_icbc_card_same_number_exchange_with_receipt(
        qtbot, counters: dict[str, Counter], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    icbc = counters["ICBC"]
    page = make_page(qtbot, icbc)
    card = to_card(qtbot, page)
    # not formally lost: both functions' states named, the loss business offered
    problem = card.problem.text()
    assert "社保功能为“正常”" in problem and "金融功能为“正常”" in problem
    assert "尚未正式挂失" in problem
    assert card.loss_button.isVisible() and "转到挂失" in card.loss_button.text()
    assert not page.next_button.isEnabled()
    with qtbot.waitSignal(page.sig_route, timeout=5000) as routed:
        qtbot.mouseClick(card.loss_button, Qt.MouseButton.LeftButton)
    assert routed.args == ["loss"]

    # the loss business (as the loss page does it) formally loses the social function
    loss = CardLossWorkflow(icbc.ctx)
    loss.set_operation(Operation.LOSS)
    loss.set_id_number(LI_MING)
    loss.next()
    loss.find_card()
    loss.next()
    loss.choose(["social"])
    assert loss.submit().status == "done"

    # back on the replacement page: query again (F5), now it may go on
    page.step_key("F5")
    qtbot.waitUntil(lambda: card.problem.text() == "" and page.next_button.isEnabled(),
                    timeout=10000)
    assert "正式挂失" in card.info.text() and not card.loss_button.isVisible()
    page.go_next()
    at(qtbot, page, Step.OPTIONS)
    options = page.view(Step.OPTIONS)
    assert isinstance(options, OptionsScreen)
    assert options.same.isEnabled() and options.same.isChecked()  # 同号换卡 offered first
    fee_fen = icbc.client.branch_config("ICBC-NB-0101").replacement_fee_fen
    fee = f"{fee_fen // 100}.{fee_fen % 100:02d} 元" if fee_fen else "免收"
    assert fee in options.summary.text()
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    assert isinstance(done, DoneScreen)
    assert "原卡号已在中心注销" in done.result.text() and "同号换卡" in done.result.text()
    assert fee in done.fee.text()
    old = icbc.client.card_status("NB0000016")
    assert old.card_state == "CANCELLED" and old.replacement_applied
    target = tmp_path / "replacement-receipt.pdf"
    page.receipt_action("save", target)
    qtbot.waitUntil(lambda: target.exists() and "已保存" in done.print_status.text(),
                    timeout=15000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", "")
    assert "社会保障卡遗失补卡（同号换卡）" in text and "沿用原银行卡号" in text
    assert fee in text
    assert LI_MING not in text and "330203********2017" in text
    page.close_page()
