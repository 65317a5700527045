"""The instant issuance page driven as a teller would, offscreen, against the real reference
central and the in-process card emulator: the pick-up list, the instruction before the
blank is in, a torn card shown and resumed, the PIN typed in the masked dialog (no PIN pad),
the finished card; a spoil authorised by the supervisor; the stop never shown twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from counter_app.ui.issuance.page import IssuancePage
from counter_app.ui.pin_dialog import PinDialog
from counter_app.workflows.issuance import IssuanceDesk, Outcome, Step
from counter_app.workflows.supervisor import SupervisorApproval
from tests.integration.issuance.conftest import Counter
from tests.ui.issuance.conftest import Answers, held_blank, screen, show
from tests.ui.pages import idle

pytestmark = pytest.mark.central


def make_page(qtbot, counter: Counter) -> IssuancePage:  # type: ignore[no-untyped-def]
    return show(qtbot, IssuancePage(IssuanceDesk(counter.ctx(pin_pad=None))))  # no PIN pad here


def test_from_the_list_through_a_torn_card_to_the_finished_card(qtbot, rig,
                                                                 tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counter, slot = rig
    number, app_id = counter.accepted_application()
    page = make_page(qtbot, counter)
    idle(qtbot, page)
    assert number in page.waiting.list.item(0).text()
    assert "待制卡" in page.waiting.list.item(0).text()
    page.waiting.open_button.click()
    idle(qtbot, page)
    s = screen(page)
    assert "请插入空白卡" in s.instruction.text()
    assert s.cancel.isVisible() and not s.spoil.isVisible()

    held_blank(counter, slot)
    slot.tear_after(2 + 5)  # the 5th APDU of the chip write pulls the card
    page.step_key("F5")
    idle(qtbot, page)
    s = screen(page)
    assert "写卡时卡片被拔出" in s.instruction.text()
    assert s.rows[Step.PERSONALISE][1].text() == "未完成"
    assert s.rows[Step.PERSONALISE][2].text() == ""  # said once, as the instruction
    assert not page.banner.isVisible() or "写卡时卡片被拔出" not in page.banner.text()
    assert s.spoil.isVisible() and not s.cancel.isVisible()  # the chip was touched
    assert s.go.text() == "继续 (F5)"

    slot.reinsert()
    page.step_key("F5")
    idle(qtbot, page)
    answers = page.dialogs
    assert isinstance(answers, Answers) and answers.pin_asked == 1  # asked when its turn came
    s = screen(page)
    assert "制卡完成" in s.instruction.text()
    assert all(s.rows[step][1].text() == "完成" for step in Step)
    assert page.wizard is not None and page.wizard.record.outcome is Outcome.ISSUED
    slot.call(lambda card: (card.select(), card.verify_pin("582913")))
    assert counter.client.application(app_id).state == "ACTIVATED"

    target = tmp_path / "receipt.pdf"
    page.save_document("receipt", target)
    qtbot.waitUntil(target.exists, timeout=10000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "即时制卡回执" in text and "电子社保卡" in text and counter.client.application(
        app_id).card_no in text
    page.step_key("Ctrl+N")
    idle(qtbot, page)
    assert page.wizard is None and page.waiting.list.count() == 0


def test_a_spoil_needs_the_supervisor_and_starts_again_with_a_new_blank(
        qtbot, rig) -> None:  # type: ignore[no-untyped-def]
    counter, slot = rig
    number, _ = counter.accepted_application()
    page = make_page(qtbot, counter)
    idle(qtbot, page)
    page.open_application(number)
    idle(qtbot, page)
    first = held_blank(counter, slot)
    slot.tear_after(2 + 12)
    page.step_key("F5")
    idle(qtbot, page)
    answers = page.dialogs
    assert isinstance(answers, Answers)
    answers.spoil_answer = ("写卡中断，芯片无响应", SupervisorApproval("S0301", "wrong", "123456"))
    screen(page).spoil.click()
    idle(qtbot, page)
    assert "用户名或密码不正确" in page.banner.text()
    assert first in counter.custody.held
    answers.spoil_answer = ("写卡中断，芯片无响应", SupervisorApproval("S0301", "Super@2026", "123456"))
    screen(page).spoil.click()
    idle(qtbot, page)
    assert counter.custody.spoiled[first][1] == "S0301"
    s = screen(page)
    assert "请插入空白卡" in s.instruction.text() and "已作废 1 张" in s.who.text()


def test_the_pin_dialog_masks_and_checks_the_digits(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PinDialog()
    qtbot.addWidget(dialog)
    assert dialog.first.echoMode() == dialog.first.EchoMode.Password
    qtbot.keyClicks(dialog.first, "12a45")
    assert dialog.first.text() == "1245"  # the validator keeps letters out
    dialog.first.setText("1234")
    dialog.second.setText("1234")
    dialog._check()
    assert dialog.entries is None and "6位数字" in dialog.error.text()
    assert dialog.first.text() == "" and dialog.second.text() == ""  # never left in the fields
    dialog.first.setText("582913")
    dialog.second.setText("582913")
    dialog._check()
    assert dialog.entries is not None and repr(dialog.entries[0]) == "PinEntry(******)"
