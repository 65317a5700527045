"""The hand-over from a data change to 信息变更写卡 in the main window, offscreen, against the
real reference central and the in-process card emulator: 李明's nation changed at the central
(the police paper), F6 opens 密码及卡片服务 with 信息变更写卡 chosen and 李明 identified, the card
is read, F9 writes the chip, and the chip read back carries the central's data.

Its own module: the fixture's central is per module and this change moves 李明's nation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox

from counter_app.bootstrap import Fakes, build_services, emulated_chip
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.devices.pinpad import DemoPinPad
from counter_app.workflows.card_services import Operation
from counter_app.workflows.card_services import Step as ServiceStep
from counter_app.workflows.data_change import Step
from tests.fixtures.app import make_profile, open_demo_session
from tests.integration.card_services.conftest import LI_MING

pytestmark = pytest.mark.central


def test_f6_lands_on_the_chip_write_with_the_person(qtbot, tmp_path: Path, central,  # type: ignore[no-untyped-def]
                                                    fake_presence) -> None:
    from counter_app.ui.app import CounterApp
    from counter_app.workflows.login import DEMO_ACCOUNTS

    client = HttpCentralClient(central.url, timeouts=Timeouts(connect=1, read=5),
                               client_id="ICBC-NB-0101/03")
    chip = emulated_chip(tmp_path / "demo-card.json")
    before = chip.read()
    assert before.id_number == LI_MING and before.nation == "01"
    services = build_services(make_profile(tmp_path, "instant"), fakes=Fakes(
        central=client, presence=fake_presence, chip=chip, pin_pad=DemoPinPad(),
        id_reader=SimulatedIdCardReader(DEMO_ID_CARDS[LI_MING])))
    open_demo_session(services)
    app = CounterApp(services)
    qtbot.addWidget(app.login)
    app.start()
    try:
        app.login.username.setText(DEMO_ACCOUNTS[0][0])
        app.login.password.setText(DEMO_ACCOUNTS[0][3])
        app.login.submit()
        qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
        main = app.main
        qtbot.addWidget(main)
        main.route_to("personal_data_change")
        page = main.pages["personal_data_change"]

        def at(step: Step) -> None:
            qtbot.waitUntil(lambda: page.wf is not None and page.wf.step is step and not page.busy,
                            timeout=15000)

        at(Step.IDENTIFY)
        page.step_key("F2")  # 李明's ID card on the reader
        qtbot.waitUntil(lambda: page.wf.record.identity.source == "reader", timeout=10000)
        qtbot.waitUntil(lambda: not page.busy, timeout=10000)
        page.go_next()
        at(Step.CHANGES)
        nation = page.view(Step.CHANGES).editors["nation"]
        assert isinstance(nation, QComboBox)
        nation.setCurrentIndex(nation.findData("05"))
        assert nation.currentText() == "维吾尔族"  # the name shown, the code sent
        page.go_next()
        at(Step.PROOF)
        proof = page.view(Step.PROOF)
        assert proof.papers_frame.isVisible()  # 民族成份: the public security bureau's paper
        proof.paper_kinds["POLICE"].setChecked(True)
        proof.paper_no.setText("甬公民族2026-0033")
        page.go_next()
        at(Step.CONFIRM)
        page.step_key("F9")
        at(Step.DONE)
        done = page.view(Step.DONE)
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
    finally:
        app.shutdown()
        client.close()
        services.store.close()
