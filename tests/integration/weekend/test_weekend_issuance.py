"""An instant issuance on a Saturday by the weekend teller, through the desks the composition
root builds, against the reference central over HTTP and the card emulator behind pcscd:
the first blank is pulled in the middle of the chip write, the weekend duty supervisor
(值班主管, password and one-time code) authorises its spoil from the issuance screen's path
(refused once the clock says Monday: the duty supervisor's authority is the weekend's), the
next blank is issued, and the teller's day-end counts the cards exactly.

The Saturday is injected where the counter reads the day of the week (``bootstrap.china_now``,
as in ``test_weekend_day.py``); records keep the real UTC time the central shares.
"""

from __future__ import annotations

import pytest

from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.layout import LIFECYCLE_ISSUED, encode_records
from counter_app.domain.blank_stock import Place
from counter_app.workflows.issuance import IssuanceStopped, Outcome, Step, StepStatus
from counter_app.workflows.login import LoginRefused
from tests.fixtures.weekend import MONDAY, SATURDAY, TELLER, ZHANG_WEI, OpenWeekend

pytestmark = [pytest.mark.central, pytest.mark.pcsc]

POWER_ON_APDUS = 2  # SELECT SSSE + GET DATA lifecycle, before the personalisation
REASON = "写卡中断，芯片无响应"


def test_a_saturday_issuance_by_the_weekend_teller_with_the_duty_supervisors_spoil(
        open_weekend: OpenWeekend) -> None:
    b = open_weekend("instant")
    s = b.services
    assert b.day[0] == SATURDAY and SATURDAY.weekday() == 5
    b.sign_in_and_open("0")

    # the morning's stock: three blanks received through the reader, handed to the teller
    stock, blanks = b.receive_three_blanks("BOX-SAT01", "sat")

    # 张伟 applies at the instant branch; his card is made while he waits
    applied = b.apply_zhang_wei()
    number, app_id = applied.application.application_no, applied.application.central_application_id
    assert [c.application_no for c in s.issuance_desk(TELLER).waiting()] == [number]

    # the first blank is pulled at the 9th APDU of the chip write
    b.emulator.insert(blanks[0][0])
    b.emulator.control.tear_after(POWER_ON_APDUS + 9)
    wf = s.issuance_desk(TELLER).open(number)
    with pytest.raises(IssuanceStopped):
        wf.advance()
    assert wf.record.state_of(Step.PERSONALISE).code == "CARD_TORN"
    assert wf.record.blank_serial == blanks[0][1] and wf.may_spoil()
    torn_card_no = wf.record.card_no
    assert s.central.application(app_id).state == "BLANK_MARKED"

    # Monday's clock: the weekend duty supervisor may no longer authorise; nothing moves
    b.day[0] = MONDAY
    with pytest.raises(LoginRefused) as weekday:
        wf.spoil(REASON, b.duty())
    assert weekday.value.code == "NOT_AUTHORISED"
    assert wf.record.blank_serial == blanks[0][1] and not wf.record.spoiled
    place = s.stock_desk(TELLER).stock.locate(blanks[0][1])
    assert place is not None and (place.place, place.custodian) == (Place.CUSTODY, TELLER)

    # back on Saturday: the duty supervisor's password and code authorise the spoil
    b.day[0] = SATURDAY
    wf.spoil(REASON, b.duty())
    spoiled = wf.record.spoiled
    assert [(x.serial, x.supervisor, x.reported) for x in spoiled] == [(blanks[0][1], "W0301", True)]
    stock_api = s.stock_desk(TELLER).stock
    place = stock_api.locate(blanks[0][1])
    assert place is not None and place.place is Place.SPOILED
    assert stock_api.ctx.store.spoil_details(blanks[0][1]) == (REASON, "W0301")
    assert wf.current_step is Step.POWER_ON and not wf.record.card_no

    # the next blank: issued, activated, the PIN set on the holder's pad
    b.emulator.remove()
    assert b.emulator.wait_removed()
    b.emulator.insert(blanks[1][0])
    b.pad.key_in("318274", "318274")
    assert wf.advance()
    r = wf.record
    assert r.outcome is Outcome.ISSUED and all(x.status is StepStatus.DONE for x in r.steps)
    assert r.blank_serial == blanks[1][1] and r.card_no and r.card_no != torn_card_no
    card = EmulatedCard.load(blanks[1][0])
    assert card.state.lifecycle == LIFECYCLE_ISSUED
    assert card.state.records == encode_records(wf.expected())
    assert s.central.application(app_id).state == "ACTIVATED"
    active = [c.card_no for c in s.central.person_cards(ZHANG_WEI) if c.card_state == "ACTIVE"]
    assert active == [r.card_no]  # the torn card's number was voided, one card issued
    place = stock_api.locate(blanks[1][1])
    assert place is not None and (place.place, place.application_id) == (Place.ISSUED, app_id)
    assert s.issuance_desk(TELLER).waiting() == []
    assert b"%PDF" in wf.receipt_pdf()[:8]

    # the day-end: the third blank taken back; the cards and the businesses counted exactly
    assert [c.chip_serial for c in stock.take_back(TELLER)] == [blanks[2][1]]
    day_end = s.day_end_desk(TELLER)
    report = day_end.teller_report()
    c = report.cards
    assert (c.handed, c.taken_back, c.issued, c.spoiled, c.holding) == (3, 1, 1, 1, 0)
    done = {x.title_zh: (x.done, x.not_done) for x in report.businesses}
    assert done["社保卡申领"] == (1, 0) and done["即时制卡"] == (1, 0)
    assert report.balanced and not report.differences
    closed, _final = day_end.close()
    assert closed.close_kind == "closed" and not s.session_desk(TELLER).ready()
