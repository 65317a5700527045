"""The issuance page through what goes wrong at the counter, offscreen, against the real
reference central, the in-process card emulator and a real SQLite store: a blank that is not
in this teller's custody (the screen names where it is), the line dropping after the chip is
written (the page waits for the line, 继续 after it returns finishes the card once), and the
page closed in the middle of an issuance and opened again on a restarted store (it resumes
at the first step not done)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter_app.central.launcher import CentralSimHandle
from counter_app.devices.card_printer import PdfCardPrinter
from counter_app.devices.pinpad import PinEntry
from counter_app.domain.blank_stock import Place
from counter_app.domain.clock import CHINA_TIME
from counter_app.printing import BranchInfo
from counter_app.store.stock import SqlBlankStock
from counter_app.ui.issuance.page import IssuancePage
from counter_app.workflows.issuance import IssuanceDesk, Outcome, Step, StepStatus
from counter_app.workflows.issuance.chip import chip_serial
from counter_app.workflows.issuance.custody import StockCustody
from counter_app.workflows.stock import BlankStock, StockContext
from tests.integration.issuance.conftest import BRANCH, Counter
from tests.ui.issuance.conftest import Answers, held_blank, screen, show
from tests.ui.pages import idle

pytestmark = pytest.mark.central

TELLER, OTHER = "T0301", "T0302"


def page_on(qtbot, counter: Counter, **ctx: object) -> IssuancePage:  # type: ignore[no-untyped-def]
    """A fresh issuance page at a counter without a PIN pad (the masked dialog answers)."""
    return show(qtbot, IssuancePage(IssuanceDesk(counter.ctx(pin_pad=None, **ctx))))


def states(page: IssuancePage) -> dict[Step, str]:
    return {step: row[1].text() for step, row in screen(page).rows.items()}


def real_stock(counter: Counter) -> BlankStock:
    return BlankStock(StockContext(
        branch=BranchInfo(BRANCH, "工商银行宁波鼓楼支行", "中国工商银行", True),
        teller=TELLER, store=SqlBlankStock(counter.store)))


def test_a_blank_in_another_tellers_custody_is_refused_and_the_screen_says_where_it_is(
        qtbot, rig) -> None:  # type: ignore[no-untyped-def]
    counter, slot = rig
    stock = real_stock(counter)
    atr = slot.insert_blank()
    serial = chip_serial(atr)
    now = dt.datetime.now(dt.UTC)
    stock.ctx.store.register_box("BOX-R1", None, TELLER, now)
    stock.ctx.store.receive("BOX-R1", serial, atr.hex().upper(), TELLER,
                            now.astimezone(CHINA_TIME).date().isoformat(), now)
    stock.hand_out([serial], OTHER)  # the blank went to the next counter's teller
    number, app_id = counter.accepted_application()
    page = page_on(qtbot, counter, custody=StockCustody(stock))
    page.open_application(number)
    idle(qtbot, page)
    page.step_key("F5")
    idle(qtbot, page)

    s = screen(page)
    shown = s.instruction.text()
    assert "不在您（T0301）今天的保管中" in shown and f"由柜员 {OTHER} 保管" in shown
    assert serial in shown  # the teller can find the card by its chip serial
    assert states(page)[Step.POWER_ON] == "未完成"
    assert all(states(page)[step] == "待办" for step in list(Step)[1:])
    assert not page.banner.isVisible() or OTHER not in page.banner.text()  # said once
    assert s.cancel.isVisible() and not s.spoil.isVisible()  # nothing to spoil: never written
    wf = page.wizard
    assert wf is not None and not wf.record.mark_op  # the central was never asked
    assert counter.client.application(app_id).state != "BLANK_MARKED"
    place = stock.locate(serial)
    assert place is not None and (place.place, place.custodian) == (Place.CUSTODY, OTHER)

    # the card taken back and handed to this teller: 继续 issues it
    stock.take_back(OTHER)
    stock.hand_out([serial], TELLER)
    page.step_key("F5")
    idle(qtbot, page)
    assert page.wizard is not None and page.wizard.record.outcome is Outcome.ISSUED
    place = stock.locate(serial)
    assert place is not None and (place.place, place.application_id) == (Place.ISSUED, app_id)


class JobsPrinter(PdfCardPrinter):
    """The card printer (PDF files), counting its jobs; with ``central``, the branch's line to
    the central drops while the face prints (after the chip was written, before the result
    is reported)."""

    def __init__(self, folder: Path, central: CentralSimHandle | None = None) -> None:
        super().__init__(folder)
        self.central = central
        self.jobs: list[str] = []

    def print_face(self, pdf: bytes, *, job: str) -> str:
        self.jobs.append(job)
        if self.central is not None:
            self.central.line_down()
        return super().print_face(pdf, job=job)


def test_the_line_dropping_after_the_chip_write_waits_and_finishes_once_when_it_returns(
        qtbot, rig, central: CentralSimHandle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counter, slot = rig
    number, app_id = counter.accepted_application()
    serial = held_blank(counter, slot)
    printer = JobsPrinter(tmp_path / "faces", central)
    page = page_on(qtbot, counter, printer=printer)
    page.open_application(number)
    idle(qtbot, page)
    page.step_key("F5")
    idle(qtbot, page)

    s = screen(page)
    assert "专线中断" in s.instruction.text() and "线路恢复后" in s.instruction.text()
    assert states(page)[Step.REPORT] == "等待线路"
    assert [states(page)[step] for step in (Step.POWER_ON, Step.MARK, Step.PERSONALISE,
                                            Step.PRINT_FACE, Step.VERIFY)] == ["完成"] * 5
    assert states(page)[Step.ACTIVATE] == "待办"
    assert not s.spoil.isVisible() and not s.cancel.isVisible()  # a written card is kept
    assert s.go.isVisible() and s.go.text() == "继续 (F5)"
    assert serial in counter.custody.held and not counter.custody.issued
    wf = page.wizard
    assert wf is not None and wf.record.outcome is Outcome.OPEN

    # 继续 while the line is still down: still waiting, nothing given up
    page.step_key("F5")
    idle(qtbot, page)
    assert states(page)[Step.REPORT] == "等待线路" and not screen(page).spoil.isVisible()

    central.line_up()
    page.step_key("F5")
    idle(qtbot, page)
    s = screen(page)
    assert "制卡完成" in s.instruction.text()
    assert wf.record.outcome is Outcome.ISSUED
    assert all(text == "完成" for text in states(page).values())
    # once: one face printed, one card at the central, the result reported under one key
    assert printer.jobs == [f"{number}-face"]
    assert counter.client.application(app_id).state == "ACTIVATED"
    active = [c.card_no for c in counter.client.person_cards(wf.applicant.id_number)
              if c.card_state == "ACTIVE"]
    assert active == [wf.record.card_no]
    assert counter.custody.issued == {serial: app_id}
    events = [j.event for j in wf.journal]
    assert events.count("report.waiting") == 2 and events.count("report.done") == 1
    assert wf.ctx.store.status_of(wf.record.result_op) == "done"
    assert counter.sync.drain().sent == 0  # nothing left for the sync worker to send


class NoPinYet(Answers):
    """The holder is not there to key the PIN: the dialog is cancelled."""

    def pins(self, parent: object) -> tuple[PinEntry, PinEntry] | None:  # type: ignore[override]
        self.pin_asked += 1
        return None


@pytest.mark.parametrize("where", ["pin", "torn"])
def test_a_page_closed_mid_issuance_reopens_at_the_first_step_not_done(
        qtbot, rig, where: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counter, slot = rig
    number, app_id = counter.accepted_application()
    serial = held_blank(counter, slot)
    printer = JobsPrinter(tmp_path / "faces")
    page = page_on(qtbot, counter, printer=printer)
    if where == "pin":
        page.dialogs = NoPinYet()
    else:
        slot.tear_after(2 + 7)  # the 7th APDU of the chip write pulls the card
    page.open_application(number)
    idle(qtbot, page)
    page.step_key("F5")
    idle(qtbot, page)
    first_open = {"pin": Step.PIN, "torn": Step.PERSONALISE}[where]
    done_before = list(Step)[:list(Step).index(first_open)]
    assert [st for st, text in states(page).items() if text == "完成"] == done_before

    # the page closed (the window shut, the application restarted on the same database)
    page.close()  # its worker shut down; qtbot deletes it at the end
    assert not page.isVisible() and not page.autosave_timer.isActive()
    counter.reopen()
    page = page_on(qtbot, counter, printer=printer)
    assert page.waiting.list.count() == 1
    listed = page.waiting.list.item(0).text()
    assert number in listed and "中断于" in listed
    page.waiting.open_button.click()
    idle(qtbot, page)
    wf = page.wizard
    assert wf is not None and wf.current_step is first_open
    assert [st for st, text in states(page).items() if text == "完成"] == done_before
    assert screen(page).go.text() == "继续 (F5)"
    assert any(j.event == "resumed" for j in wf.journal)

    if where == "torn":
        slot.reinsert()
    page.step_key("F5")
    idle(qtbot, page)
    assert wf.record.outcome is Outcome.ISSUED
    assert all(s.status is StepStatus.DONE for s in wf.record.steps)
    answers = page.dialogs
    assert isinstance(answers, Answers) and answers.pin_asked == 1
    assert counter.client.application(app_id).state == "ACTIVATED"
    assert counter.custody.issued == {serial: app_id}
    assert printer.jobs == [f"{number}-face"]  # the face printed once, before or after
