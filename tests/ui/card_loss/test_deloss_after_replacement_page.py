"""The loss page after a replacement: the person found the old card and wants it back, but a
replacement was applied for — the de-loss is refused on the page, saying why (its own module:
the replacement cancels the demo card at this module's reference central)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.card.emulator.factory import demo_card_data
from counter_app.ui.card_loss.page import CardLossPage, CardScreen, IdentifyScreen
from counter_app.workflows.card_loss import CardLossDesk, CardLossWorkflow, Operation, Step
from counter_app.workflows.replacement import Reason, ReplacementWorkflow
from tests.integration.card_loss.conftest import LI_MING, Counter

pytestmark = pytest.mark.central


def lost_and_replaced(counter: Counter) -> None:
    loss = CardLossWorkflow(counter.ctx)
    loss.set_operation(Operation.LOSS)
    loss.set_id_number(LI_MING)
    loss.next()
    loss.find_card()
    loss.next()
    assert loss.submit().status == "done"
    replacement = ReplacementWorkflow(counter.ctx)
    replacement.set_reason(Reason.LOST)
    replacement.set_id_number(LI_MING)
    replacement.next()
    replacement.find_card()
    replacement.next()
    assert replacement.submit().status == "done"


def test_deloss_refused_on_the_page_after_a_replacement(
        qtbot, counters: dict[str, Counter]) -> None:  # type: ignore[no-untyped-def]
    icbc = counters["ICBC"]
    lost_and_replaced(icbc)
    page = CardLossPage(CardLossDesk(icbc.ctx))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.open()
    qtbot.waitUntil(lambda: page.wf is not None, timeout=10000)
    identify = page.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyScreen)
    qtbot.mouseClick(identify.choices[Operation.DELOSS], Qt.MouseButton.LeftButton)
    page.step_key("F2")
    qtbot.waitUntil(lambda: "已读取身份证" in identify.who.text(), timeout=10000)
    qtbot.keyClick(identify.id_number, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.step is Step.CARD
                    and not page.busy, timeout=15000)
    card = page.view(Step.CARD)
    assert isinstance(card, CardScreen)
    qtbot.waitUntil(lambda: "NB0000016" in card.info.text(), timeout=10000)
    icbc.card_reader.insert(demo_card_data())  # the found old card, in the reader
    page.step_key("F3")
    qtbot.waitUntil(lambda: "已读取持卡人的社保卡" in card.info.text(), timeout=10000)
    problem = card.problem.text()
    assert "已申请补卡" in problem and "不能解挂" in problem
    assert not page.next_button.isEnabled()
    page.go_next()  # pressed anyway: nothing is sent
    assert page.wf is not None and page.wf.step is Step.CARD
    assert icbc.client.card_status("NB0000016").card_state == "CANCELLED"
    assert not icbc.ctx.store.unsent_for(LI_MING)
    page.close_page()
