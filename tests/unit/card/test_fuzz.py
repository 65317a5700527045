"""Bad input: random APDUs never crash the emulated card or PSAM; random responses never
crash the reader (they become typed card errors)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.card.apdu import ApduChannel, CommandApdu
from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import demo_card_data, new_personalised
from counter_app.card.emulator.psam import EmulatedPsam
from counter_app.card.layout import SSSE_AID
from counter_app.card.ssse import ReadMode, SsseCard
from counter_app.domain.card import CardData
from counter_app.domain.errors import CounterError


@pytest.fixture(scope="module")  # module scope: hypothesis reuses it across examples
def devices() -> tuple[EmulatedCard, EmulatedPsam]:
    card = EmulatedCard(new_personalised(demo_card_data()))  # no path: nothing written to disk
    return card, EmulatedPsam.create_test()


apdus = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda cla, ins, p1, p2, data, le: CommandApdu(cla, ins, p1, p2, data, le).to_bytes(),
              st.sampled_from([0x00, 0x80, 0x84, 0x0C]),
              st.sampled_from([0xA4, 0xB2, 0xDC, 0x84, 0x82, 0x20, 0x5E, 0x24, 0xB0, 0xD6,
                               0xCA, 0xEE, 0x1A, 0xFA, 0xC0, 0x00]),
              st.integers(0, 255), st.integers(0, 255), st.binary(max_size=40),
              st.one_of(st.none(), st.integers(1, 256))),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(apdus, max_size=6))
def test_emulated_card_and_psam_answer_any_apdu(
    devices: tuple[EmulatedCard, EmulatedPsam], seq: list[bytes]
) -> None:
    card, psam = devices
    card.reset()
    card.process(CommandApdu(0, 0xA4, 4, 0, SSSE_AID).to_bytes())
    for raw in seq:
        for device in (card, psam):
            out = device.process(raw)
            assert len(out) >= 2


class RandomCard:
    def __init__(self, answers: list[bytes]) -> None:
        self.answers = answers

    def transmit(self, apdu: bytes) -> bytes:
        return self.answers.pop(0) if self.answers else b"\x6A\x82"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.binary(max_size=40), min_size=1, max_size=20), st.sampled_from(list(ReadMode)))
def test_reader_turns_garbage_into_typed_errors(answers: list[bytes], mode: ReadMode) -> None:
    card = SsseCard(ApduChannel(RandomCard(answers)), atr=bytes(17))
    try:
        data = card.read_card_data(mode)
    except CounterError as exc:  # CardError is one; anything else escapes and fails the test
        # a teller-facing error: a stable code and a Chinese message, not a raw exception text
        assert re.fullmatch(r"[A-Z][A-Z0-9_]+", exc.code), exc.code
        assert re.search(r"[\u4e00-\u9fff]", exc.message_zh), exc.message_zh
    else:
        # garbage that happens to decode must still be a complete, validated record
        assert isinstance(data, CardData) and data.id_number
