"""The loss / de-loss page driven as a teller would (keyboard and buttons), offscreen, against
the real reference central: loss, de-loss with the found card, refusal at another bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.card.emulator.factory import demo_card_data
from counter_app.ui.card_loss.page import CardLossPage, CardScreen, ChooseScreen, DoneScreen, IdentifyScreen
from counter_app.workflows.card_loss import CardLossDesk, Operation, Step
from tests.integration.card_loss.conftest import LI_MING, Counter

pytestmark = pytest.mark.central


def make_page(qtbot, counter: Counter) -> CardLossPage:  # type: ignore[no-untyped-def]
    page = CardLossPage(CardLossDesk(counter.ctx))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.open()
    qtbot.waitUntil(lambda: page.wf is not None, timeout=10000)
    return page


def at(qtbot, page: CardLossPage, step: Step) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.step is step and not page.busy
                    and page.ops.pending == 0, timeout=15000)


def test_loss_then_deloss_through_the_page(qtbot, counters: dict[str, Counter],
                                           tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    icbc = counters["ICBC"]
    page = make_page(qtbot, icbc)
    identify = page.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyScreen)
    assert identify.choices[Operation.LOSS].isChecked()
    page.step_key("F2")  # the ID card on the reader (李明)
    qtbot.waitUntil(lambda: "已读取身份证" in identify.who.text(), timeout=10000)
    qtbot.keyClick(identify.id_number, Qt.Key.Key_PageDown)
    at(qtbot, page, Step.CARD)
    card = page.view(Step.CARD)
    assert isinstance(card, CardScreen)
    qtbot.waitUntil(lambda: "NB0000016" in card.info.text(), timeout=10000)
    assert "中国工商银行" in card.info.text() and "正常" in card.info.text()
    assert page.next_button.isEnabled()
    page.go_next()
    at(qtbot, page, Step.CHOOSE)
    choose = page.view(Step.CHOOSE)
    assert isinstance(choose, ChooseScreen)
    assert all(b.isEnabled() and b.isChecked() for b in choose.boxes.values())
    choose.boxes["financial"].setChecked(False)  # the teller keeps the bank account usable
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    assert isinstance(done, DoneScreen)
    assert "正式挂失已生效" in done.result.text()
    status = icbc.client.card_status("NB0000016")
    assert (status.social_state, status.financial_state) == ("LOST", "NORMAL")
    target = tmp_path / "loss-receipt.pdf"
    page.receipt_action("save", target)
    qtbot.waitUntil(lambda: target.exists() and "已保存" in done.print_status.text(), timeout=15000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "社会保障卡正式挂失" in text and LI_MING not in text and "330203********2017" in text

    # de-loss: the person found the card (Ctrl+N at once, while the output is being audited)
    page.step_key("Ctrl+N")
    at(qtbot, page, Step.IDENTIFY)
    identify.choices[Operation.DELOSS].setChecked(True)
    identify.id_number.setText(LI_MING)
    page.go_next()
    at(qtbot, page, Step.CARD)
    qtbot.waitUntil(lambda: "NB0000016" in card.info.text(), timeout=10000)
    assert "读取持卡人找回的社保卡" in card.problem.text()
    assert not page.next_button.isEnabled()  # no de-loss without the card in the reader
    icbc.card_reader.insert(demo_card_data())
    page.step_key("F3")
    qtbot.waitUntil(lambda: "已读取持卡人的社保卡" in card.info.text(), timeout=10000)
    assert card.problem.text() == "" and page.next_button.isEnabled()
    page.go_next()
    at(qtbot, page, Step.CHOOSE)
    assert choose.boxes["social"].isEnabled() and choose.boxes["social"].isChecked()
    assert not choose.boxes["financial"].isEnabled()  # not lost: nothing to de-loss
    assert "未挂失" in choose.reasons["financial"].text()
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    assert "解挂已生效" in done.result.text()
    assert icbc.client.card_status("NB0000016").social_state == "NORMAL"
    page.close_page()


def test_deloss_at_another_bank_names_the_bank(qtbot, counters: dict[str, Counter]) -> None:  # type: ignore[no-untyped-def]
    ccb = counters["CCB"]
    page = make_page(qtbot, ccb)
    identify = page.view(Step.IDENTIFY)
    identify.choices[Operation.DELOSS].setChecked(True)
    identify.id_number.setText(LI_MING)
    page.go_next()
    at(qtbot, page, Step.CARD)
    card = page.view(Step.CARD)
    qtbot.waitUntil(lambda: "NB0000016" in card.info.text(), timeout=10000)
    ccb.card_reader.insert(demo_card_data())
    page.step_key("F3")
    qtbot.waitUntil(lambda: "已读取持卡人的社保卡" in card.info.text(), timeout=10000)
    assert "中国工商银行" in card.problem.text() and "中国建设银行" in card.problem.text()
    assert not page.next_button.isEnabled()
    page.close_page()
