"""CardService.session(): one connection held across calls over pcscd + vpcd, reconnected
only after the card was pulled; activation written and read back through the stack."""

from __future__ import annotations

from counter_app.card.emulator.factory import demo_card_data, new_personalised
from counter_app.card.errors import CardLinkError
from counter_app.card.layout import FUNCTIONS_ALL
from counter_app.card.ssse import SsseCard
from tests.fixtures.pcsc import EmulatorFixture


def test_calls_in_a_session_share_one_connection_and_selection(emulator: EmulatorFixture) -> None:
    service = emulator.service()
    seen: list[SsseCard] = []
    emulator.control.reset_stats()
    with service.session():
        for _ in range(3):
            service.call(lambda c: (seen.append(c), c.ensure_selected(), c.lifecycle()))
    assert seen[0] is seen[1] is seen[2]
    assert emulator.control.stats()["ins_counts"]["A4"] == 1
    # outside a session every call is its own connection
    emulator.control.reset_stats()
    for _ in range(2):
        service.call(lambda c: (seen.append(c), c.ensure_selected()))
    assert seen[3] is not seen[4]
    assert emulator.control.stats()["ins_counts"]["A4"] == 2


def test_a_session_reconnects_after_the_card_was_pulled(emulator: EmulatorFixture) -> None:
    service = emulator.service()
    path = emulator.card_file("made", new_personalised(demo_card_data(), activated=False))
    emulator.insert(path)
    seen: list[SsseCard] = []
    with service.session():
        assert service.call(lambda c: (seen.append(c), c.ensure_selected(), c.functions())[2]) == 0
        emulator.remove()
        assert emulator.wait_removed()
        emulator.insert(path)  # the same card back: a fresh connection, selected again
        service.call(lambda c: (seen.append(c), c.ensure_selected(), c.activate(FUNCTIONS_ALL)))
        assert seen[0] is not seen[1]
        # pulled in the middle of a call: the link error reaches the caller, the next call
        # in the same session connects again
        emulator.control.tear_after(1)
        try:
            service.call(lambda c: (c.select(), c.functions()))
            raise AssertionError("the card was pulled")
        except CardLinkError:
            pass
        assert emulator.wait_removed()
        emulator.insert(path)
        got = service.call(lambda c: (c.ensure_selected(), c.functions())[1])
    assert got == FUNCTIONS_ALL
    assert emulator.load(path).state.functions == FUNCTIONS_ALL
