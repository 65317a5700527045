"""APDU encoding, status-word mapping and the 61xx / 6Cxx handling of the channel."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.card.apdu import ApduChannel, CommandApdu, ResponseApdu, status_error
from counter_app.card.errors import (
    AuthenticationFailedError,
    CardStatusError,
    ConditionsNotSatisfiedError,
    FileNotFoundOnCardError,
    KeyLockedError,
    PinBlockedError,
    RecordNotFoundError,
    SecurityStatusError,
    WrongPinError,
)
from counter_app.domain.errors import CounterError


@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255), st.integers(0, 255),
       st.binary(max_size=255), st.one_of(st.none(), st.integers(1, 256)))
def test_command_apdu_round_trip(cla: int, ins: int, p1: int, p2: int, data: bytes,
                                 le: int | None) -> None:
    cmd = CommandApdu(cla, ins, p1, p2, data, le)
    assert CommandApdu.from_bytes(cmd.to_bytes()) == cmd


def test_known_encodings() -> None:
    assert CommandApdu(0x00, 0xB2, 0x07, 0x2C, le=0x0B).to_bytes().hex() == "00b2072c0b"
    assert CommandApdu(0x00, 0x84, 0, 0, le=8).to_bytes().hex() == "0084000008"
    assert CommandApdu(0x00, 0x20, 0, 0, bytes.fromhex("123456")).to_bytes().hex() == \
        "00200000031234" "56"


def test_repr_never_shows_data() -> None:
    assert "123456" not in repr(CommandApdu(0x00, 0x20, 0, 0, bytes.fromhex("123456")))


@pytest.mark.parametrize(("sw", "ins", "kind"), [
    (0x63C3, 0x20, WrongPinError),
    (0x6983, 0x20, PinBlockedError),
    (0x63C4, 0x82, AuthenticationFailedError),
    (0x6983, 0x82, KeyLockedError),
    (0x6982, 0xDC, SecurityStatusError),
    (0x6A82, 0xA4, FileNotFoundOnCardError),
    (0x6A83, 0xB2, RecordNotFoundError),
    (0x6985, 0xEE, ConditionsNotSatisfiedError),
    (0x6F00, 0xB2, CardStatusError),
])
def test_status_words_become_typed_errors(sw: int, ins: int, kind: type) -> None:
    err = status_error(sw, ins=ins)
    assert type(err) is kind
    assert isinstance(err, CounterError)
    assert err.sw == sw
    assert err.message_zh and err.code


def test_wrong_pin_says_tries_left() -> None:
    err = status_error(0x63C2, ins=0x20)
    assert isinstance(err, WrongPinError)
    assert err.tries_left == 2
    assert "2次" in err.message_zh


class ScriptedPort:
    def __init__(self, answers: list[str]) -> None:
        self.answers = [bytes.fromhex(a) for a in answers]
        self.sent: list[str] = []

    def transmit(self, apdu: bytes) -> bytes:
        self.sent.append(apdu.hex().upper())
        return self.answers.pop(0)


def test_61xx_fetches_the_rest_with_get_response() -> None:
    port = ScriptedPort(["6110", "00112233445566778899AABBCCDDEEFF9000"])
    resp = ApduChannel(port).send(CommandApdu(0x80, 0xFA, 0, 0, bytes(16)))
    assert resp.data == bytes.fromhex("00112233445566778899AABBCCDDEEFF")
    assert port.sent[1] == "00C0000010"


def test_6cxx_resends_with_the_exact_le() -> None:
    port = ScriptedPort(["6C0B", "0709" + b"NB0000016".hex() + "9000"])
    resp = ApduChannel(port).send(CommandApdu(0x00, 0xB2, 0x07, 0x2C, le=0x20))
    assert resp.data[2:] == b"NB0000016"
    assert port.sent == ["00B2072C20", "00B2072C0B"]


def test_61xx_chain_is_concatenated() -> None:
    port = ScriptedPort(["6102", "AABB6102", "CCDD9000"])
    resp = ApduChannel(port).send(CommandApdu(0x00, 0xB0, 0, 0, le=0))
    assert resp.data == bytes.fromhex("AABBCCDD") and resp.ok


def test_send_raises_and_transmit_does_not() -> None:
    port = ScriptedPort(["6A83", "6A83"])
    ch = ApduChannel(port)
    assert ch.transmit(CommandApdu(0, 0xB2, 1, 4, le=0)) == ResponseApdu(b"", 0x6A83)
    with pytest.raises(RecordNotFoundError):
        ch.send(CommandApdu(0, 0xB2, 1, 4, le=0))
