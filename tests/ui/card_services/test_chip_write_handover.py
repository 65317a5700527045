"""The hand-over from a data change to 信息变更写卡 in the main window, offscreen, against the
real reference central and the in-process card emulator: 李明's nation changed at the central
(the police paper), F6 opens 密码及卡片服务 with 信息变更写卡 chosen and 李明 identified, the card
is read, F9 writes the chip, and the chip read back carries the central's data.

Its own module: the fixture's central is per module and this change moves 李明's nation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox

from counter_app.bootstrap import Fakes, emulated_chip
from counter_app.devices.pinpad import DemoPinPad
from counter_app.workflows.card_services import Operation
from counter_app.workflows.card_services import Step as ServiceStep
from counter_app.workflows.data_change import Step
from tests.fixtures.data_change_desk import data_change_desk
from tests.integration.card_services.conftest import LI_MING

pytestmark = pytest.mark.central


def test_f6_lands_on_the_chip_write_with_the_person(qtbot, tmp_path: Path, central,  # type: ignore[no-untyped-def]
                                                    fake_presence) -> None:
    chip = emulated_chip(tmp_path / "demo-card.json")
    before = chip.read()
    assert before.id_number == LI_MING and before.nation == "01"
    with data_change_desk(qtbot, tmp_path, central.url,
                          Fakes(presence=fake_presence, chip=chip, pin_pad=DemoPinPad())) as desk:
        main, page, client = desk.main, desk.page, desk.client
        desk.identify_by_reader()
        nation = page.view(Step.CHANGES).editors["nation"]
        assert isinstance(nation, QComboBox)
        nation.setCurrentIndex(nation.findData("05"))
        assert nation.currentText() == "维吾尔族"  # the name shown, the code sent
        done = desk.file_with_police_paper("甬公民族2026-0033")  # 民族成份: the police paper
        assert not page.wf.record.outcome.new_card_required
        assert done.chip_button.isVisible() and not done.replace_button.isVisible()
        assert client.get_person(LI_MING).nation == "05"
        page.step_key("F6")
        qtbot.waitUntil(lambda: "card_services" in main.pages
                        and main.work_area.currentWidget() is main.pages["card_services"], timeout=10000)
        services_page = main.pages["card_services"]
        qtbot.waitUntil(lambda: services_page.wf is not None and not services_page.busy
                        and services_page.ops.pending == 0, timeout=15000)
        wf = services_page.wf
        assert wf.operation is Operation.WRITE and wf.id_number == LI_MING
        assert wf.record.identity.source == "reader"  # as the data change identified him
        assert wf.step is ServiceStep.CARD  # the card is read on arrival
        qtbot.waitUntil(lambda: wf.record.chip is not None, timeout=10000)
        services_page.go_next()
        qtbot.waitUntil(lambda: wf.step is ServiceStep.ACT and not services_page.busy, timeout=10000)
        services_page.step_key("F9")
        qtbot.waitUntil(lambda: wf.step is ServiceStep.DONE and not services_page.busy, timeout=15000)
        assert wf.record.outcome is not None and wf.record.outcome.fields == ("nation",)
        after, person = chip.read(), client.get_person(LI_MING)
        assert (after.id_number, after.name, after.sex, after.nation, after.birth_date) == (
            person.id_number, person.name, person.sex, person.nation, person.birth_date)
        main.idle.stop()
        services_page.close_page()
        page.close_page()
