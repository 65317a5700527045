"""临时挂失转正式挂失 against the reference central: a phone pre-loss (12333) made at the
central, seen at the counter as 临时挂失 with its end, converted to a formal loss for that
function only; the central's state and the end of the temporary loss follow."""

from __future__ import annotations

import datetime as dt

from counter_app.central.launcher import CentralSimHandle
from counter_app.workflows.card_loss import Operation
from tests.integration.card_loss.conftest import Counter

CARD = "NB0000016"


def test_phone_pre_loss_converted_to_formal_at_the_counter(counters: dict[str, Counter],
                                                           central: CentralSimHandle) -> None:
    icbc = counters["ICBC"]
    central.pre_loss(CARD, "social", channel="12333")
    before = icbc.client.card_status(CARD)
    assert (before.social_state, before.financial_state) == ("TEMP_LOST", "NORMAL")
    assert before.temp_loss_until is not None
    assert before.temp_loss_until.replace(tzinfo=dt.UTC) > dt.datetime.now(dt.UTC)

    wf = icbc.identified(Operation.LOSS)
    wf.find_card()
    offers = {o.function.value: o for o in wf.offers()}
    social, financial = offers["social"], offers["financial"]
    assert (social.allowed, social.state_zh, social.action_zh) == (True, "临时挂失", "临时挂失转正式挂失")
    assert (financial.allowed, financial.action_zh) == (True, "正式挂失")
    wf.next()
    wf.choose(["social"])
    outcome = wf.submit()
    assert outcome.status == "done"
    assert (outcome.social_after, outcome.financial_after) == ("LOST", "NORMAL")
    after = icbc.client.card_status(CARD)
    assert (after.social_state, after.financial_state) == ("LOST", "NORMAL")
    assert after.temp_loss_until is None  # no longer a temporary loss that could lapse
    assert icbc.repo.status_of(outcome.op_id) == "done"
    assert b"%PDF" in wf.documents()[:8]
    # converted once: a second conversion is not offered (LOST → LOST is not in the table)
    again = icbc.identified(Operation.LOSS)
    again.find_card()
    assert not {o.function.value: o for o in again.offers()}["social"].allowed
