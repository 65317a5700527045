"""The hand-over from a data change to replacement in the main window, offscreen, against the
real reference central: after an ID-number change F7 opens 补卡 / 换卡 with the person under
the new number and 信息变更换卡 chosen (not 遗失补卡), and its card step finds the card the
central now files under the new number.

Its own module: the fixture's central is per module and this change moves 李明 for good."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from central_sim.seed import id_with_check
from counter_app.bootstrap import Fakes
from counter_app.devices.sscard import DEMO_CARDS, SimulatedSocialCardReader
from counter_app.workflows.data_change import Step
from counter_app.workflows.replacement import Reason
from counter_app.workflows.replacement import Step as ReplacementStep
from tests.fixtures.data_change_desk import data_change_desk
from tests.integration.people.conftest import LI_MING

pytestmark = pytest.mark.central

NEW_NUMBER = id_with_check("33020319850612221")


def test_f7_opens_replacement_with_the_person_and_the_reason(qtbot, tmp_path: Path, central,  # type: ignore[no-untyped-def]
                                                           fake_presence) -> None:
    with data_change_desk(qtbot, tmp_path, central.url, Fakes(
            presence=fake_presence, card_reader=SimulatedSocialCardReader(DEMO_CARDS[LI_MING]))) as desk:
        main, page = desk.main, desk.page
        desk.identify_by_reader()
        editor = page.view(Step.CHANGES).editors["id_number"]
        assert isinstance(editor, QLineEdit)
        editor.setText(NEW_NUMBER)
        done = desk.file_with_police_paper("甬公户更2026-0412")
        assert done.replace_button.isVisible()
        page.step_key("F7")
        qtbot.waitUntil(lambda: "replacement" in main.pages
                        and main.work_area.currentWidget() is main.pages["replacement"], timeout=10000)
        replacement = main.pages["replacement"]
        qtbot.waitUntil(lambda: replacement.wf is not None and not replacement.busy, timeout=10000)
        wf = replacement.wf
        assert wf.reason is Reason.INFO_CHANGED and wf.id_number == NEW_NUMBER
        identify = replacement.view(ReplacementStep.IDENTIFY)
        assert identify.choices[Reason.INFO_CHANGED].isChecked()
        assert not identify.choices[Reason.LOST].isChecked()
        assert identify.id_number.text() == NEW_NUMBER  # typed: the new number is from the paper
        assert "信息变更换卡" in replacement.who_text()
        replacement.go_next()  # the card step asks the central under the new number
        qtbot.waitUntil(lambda: wf.record.card is not None and not replacement.busy, timeout=15000)
        assert wf.record.card is not None and wf.record.card.card_no == "NB0000016"
        card = replacement.view(ReplacementStep.CARD)
        assert "NB0000016" in card.info.text() and "信息变更换卡" in card.info.text()
        assert not card.loss_button.isVisible()  # no formal loss asked for
        assert card.read_button.isVisible()  # the old card is handed in and read
        replacement.step_key("F3")
        qtbot.waitUntil(lambda: wf.record.card_read_no == "NB0000016" and not replacement.busy,
                        timeout=10000)
        assert "已读取原卡芯片" in card.info.text() and card.problem.text() == ""
        main.idle.stop()
        replacement.close_page()
        page.close_page()
