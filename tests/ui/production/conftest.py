"""The production pages' own reference central and branch (see tests/integration/production),
and the steps the page tests take on the pages as a teller would."""

from __future__ import annotations

from typing import Any

from counter_app.devices.pinpad import DemoPinPad
from counter_app.ui.production.page import HandoutPage
from counter_app.workflows.production.handout import Step as HStep
from tests.integration.production.conftest import branch  # noqa: F401 - fixture
from tests.ui.pages import idle


def activate_and_set_pin(qtbot: Any, hand: HandoutPage, pad: DemoPinPad, pin: str) -> None:
    """From the ACTIVATE step: the chip activated, the PIN keyed twice on the holder's pad."""
    hand.activate()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.PIN
    pad.key_in(pin, pin)
    hand.set_pin()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.DONE
