"""The F3 读取社保卡 of a read-only business's identify screen (certificate, queries), driven as
a teller would against the reference central with a simulated card slot: the number typed
and F3 (社保卡已读 on screen and in the audit log), another person's card refused in red with
what to do (the earlier read no longer counts), an empty slot said in amber."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from central_sim.seed import card_no_with_check, id_with_check
from counter_app.card.emulator.factory import card_data_for
from counter_app.devices.sscard import DEMO_CARDS, SimulatedSocialCardReader

LI_MING = "330203198506122017"
CHEN_JING = id_with_check("33021119880715234")
SLOT_NAME = "Virtual PCD 00 00"


def card_slot() -> SimulatedSocialCardReader:
    """The card slot with 李明's card in it."""
    return SimulatedSocialCardReader(DEMO_CARDS[LI_MING], name=SLOT_NAME)


def drive_card_reads(qtbot: QtBot, page: Any, business: str) -> Any:
    """F3 on the identify step of ``page`` (its desk's card slot from ``card_slot``, its
    audit log a ``tests.fixtures.audit.Audit``) as the teller uses it; returns the screen,
    left with 李明's number typed and no card read."""
    slot, events = page.desk.ctx.card_reader, page.desk.ctx.audit.events

    def idle() -> None:
        qtbot.waitUntil(lambda: not page.busy, timeout=15000)

    identify = page.view("identify")
    assert identify.card_button.isEnabled() and SLOT_NAME in identify.card_reader.text()
    page.step_key("F3")  # nobody identified yet: the ID card first
    idle()
    assert slot.reads == 0 and "请先读取身份证或录入身份证号码" in page.banner.text()

    qtbot.keyClicks(identify.id_number, LI_MING)  # typed, not yet taken in: F3 takes it
    page.step_key("F3")
    idle()
    assert page.wf.record.card is not None and page.wf.record.card.card_no == "NB0000016"
    assert "社保卡已读" in identify.who.text() and "NB0000016" in identify.who.text()
    assert (f"{business}.card_read", {"card_state": "ACTIVE"}) in events
    assert page.banner.text() == ""

    # another person's card in the slot: refused in red, saying what to do
    slot.insert(card_data_for(CHEN_JING, "陈静", card_number=card_no_with_check("NB000002")))
    qtbot.mouseClick(identify.card_button, Qt.MouseButton.LeftButton)
    idle()
    assert page.wf.record.card is None and "社保卡已读" not in identify.who.text()
    assert page.banner.property("kind") == "bad"
    assert "不是本次核验人员本人的卡" in page.banner.text() and "交还" in page.banner.text()
    assert (f"{business}.card_refused", {"code": "CARD_OTHER_PERSON"}) in events

    # no card at all: said plainly, in amber; the ID card alone is enough
    slot.remove()
    page.step_key("F3")
    idle()
    assert page.banner.property("kind") == "warn"
    assert "读卡器中没有社保卡" in page.banner.text() and "凭身份证即可继续办理" in page.banner.text()
    return identify
