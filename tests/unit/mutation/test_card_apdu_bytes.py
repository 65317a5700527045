"""ISO 7816-4 short APDUs byte for byte, the status words of card-spec §1.4 as typed errors, and
the T=0 conventions the channel resolves itself because vpcd passes them through (§4)."""

from __future__ import annotations

import pytest

from counter_app.card.apdu import (
    INS_EXTERNAL_AUTH,
    INS_VERIFY,
    ApduChannel,
    CommandApdu,
    ResponseApdu,
    status_error,
)
from counter_app.card.errors import (
    AuthenticationFailedError,
    CardDataError,
    CardStatusError,
    ConditionsNotSatisfiedError,
    FileNotFoundOnCardError,
    KeyLockedError,
    PinBlockedError,
    RecordNotFoundError,
    SecurityStatusError,
    WrongPinError,
)

# --- command APDUs ------------------------------------------------------------------------


def test_header_bytes_accept_the_whole_byte_range() -> None:
    assert CommandApdu(0xFF, 0xFF, 0xFF, 0xFF).to_bytes() == b"\xff\xff\xff\xff"
    assert CommandApdu(0, 0, 0, 0).to_bytes() == b"\x00\x00\x00\x00"


@pytest.mark.parametrize("field", ["cla", "ins", "p1", "p2"])
@pytest.mark.parametrize("value", [-1, 0x100])
def test_header_bytes_outside_a_byte_are_refused(field: str, value: int) -> None:
    header = {"cla": 0, "ins": 0xB2, "p1": 1, "p2": 4, field: value}
    with pytest.raises(ValueError, match=f"{field} out of range"):
        CommandApdu(**header)


def test_short_apdu_data_is_at_most_255_bytes() -> None:
    raw = CommandApdu(0x00, 0xDC, 0x01, 0x04, bytes(255)).to_bytes()
    assert raw[:5] == bytes.fromhex("00DC0104FF") and len(raw) == 5 + 255
    with pytest.raises(ValueError, match="255"):
        CommandApdu(0x00, 0xDC, 0x01, 0x04, bytes(256))


def test_le_from_0_to_256_and_256_is_encoded_00() -> None:
    assert CommandApdu(0x00, 0xB0, 0, 0, le=256).to_bytes() == bytes.fromhex("00B0000000")
    assert CommandApdu(0x00, 0xB0, 0, 0, le=0).to_bytes() == bytes.fromhex("00B0000000")
    assert CommandApdu(0x00, 0xB0, 0, 0, le=255).to_bytes() == bytes.fromhex("00B00000FF")
    for le in (-1, 257):
        with pytest.raises(ValueError, match="Le out of range"):
            CommandApdu(0x00, 0xB0, 0, 0, le=le)


def test_the_four_cases_of_a_short_apdu() -> None:
    pin = bytes.fromhex("123456")
    assert CommandApdu(0x00, 0x20, 0, 0).to_bytes() == bytes.fromhex("00200000")  # case 1
    assert CommandApdu(0x00, 0xB2, 0x08, 0x00, le=0x14).to_bytes() == bytes.fromhex("00B2080014")
    assert CommandApdu(0x00, 0x20, 0, 0, pin).to_bytes() == bytes.fromhex("0020000003123456")
    assert CommandApdu(0x00, 0x88, 0, 0, bytes(16), le=8).to_bytes() == (
        bytes.fromhex("0088000010") + bytes(16) + b"\x08")  # case 4


def test_parsing_each_case() -> None:
    assert CommandApdu.from_bytes(bytes.fromhex("00200000")) == CommandApdu(0x00, 0x20, 0, 0)
    assert CommandApdu.from_bytes(bytes.fromhex("00B2072C0B")) == CommandApdu(0, 0xB2, 7, 0x2C, le=11)
    assert CommandApdu.from_bytes(bytes.fromhex("00B0000000")).le == 256
    assert CommandApdu.from_bytes(bytes.fromhex("0020000003123456")) == CommandApdu(
        0, 0x20, 0, 0, bytes.fromhex("123456"))
    case4 = CommandApdu.from_bytes(bytes.fromhex("00880000021122" "08"))
    assert (case4.data, case4.le) == (bytes.fromhex("1122"), 8)
    case4_256 = CommandApdu.from_bytes(bytes.fromhex("00880000021122" "00"))
    assert (case4_256.data, case4_256.le) == (bytes.fromhex("1122"), 256)


@pytest.mark.parametrize("raw", ["", "00", "002000"])
def test_an_apdu_shorter_than_its_header_is_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="shorter than 4"):
        CommandApdu.from_bytes(bytes.fromhex(raw))


def test_a_single_byte_body_is_le_not_lc() -> None:
    assert CommandApdu.from_bytes(bytes.fromhex("0020000000")) == CommandApdu(0, 0x20, 0, 0, le=256)


@pytest.mark.parametrize("raw", [
    "002000000012",  # Lc 0 with a byte after it (extended form, not a short APDU)
    "00200000031234",  # Lc 3, two bytes
    "0020000002123456" "00" "00",  # Lc 2, four bytes
])
def test_inconsistent_lc_is_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="inconsistent Lc"):
        CommandApdu.from_bytes(bytes.fromhex(raw))


def test_with_le_keeps_header_and_data() -> None:
    cmd = CommandApdu(0x80, 0xFA, 0x01, 0x02, b"\xaa\xbb", le=0x20)
    assert cmd.with_le(0x0B) == CommandApdu(0x80, 0xFA, 0x01, 0x02, b"\xaa\xbb", le=0x0B)


def test_repr_shows_the_header_and_lengths_only() -> None:
    cmd = CommandApdu(0x00, 0x20, 0x00, 0x01, bytes.fromhex("123456"))
    assert repr(cmd) == "CommandApdu(00 20 00 01 Lc=3 Le=None)"
    assert repr(CommandApdu(0x80, 0xB2, 0x0A, 0xFF, le=11)) == "CommandApdu(80 B2 0A FF Lc=0 Le=11)"


# --- responses ----------------------------------------------------------------------------


def test_response_is_data_then_sw1_sw2() -> None:
    resp = ResponseApdu.from_bytes(bytes.fromhex("0709") + b"NB0000016" + bytes.fromhex("9000"))
    assert resp.data == bytes.fromhex("0709") + b"NB0000016"
    assert (resp.sw, resp.sw1, resp.sw2, resp.ok) == (0x9000, 0x90, 0x00, True)
    bare = ResponseApdu.from_bytes(bytes.fromhex("63C2"))
    assert (bare.data, bare.sw, bare.sw1, bare.sw2, bare.ok) == (b"", 0x63C2, 0x63, 0xC2, False)
    assert ResponseApdu(b"\x01\x02", 0x6A83).to_bytes() == bytes.fromhex("01026A83")


@pytest.mark.parametrize("raw", ["", "90"])
def test_a_response_without_a_status_word_is_card_data_error(raw: str) -> None:
    with pytest.raises(CardDataError):
        ResponseApdu.from_bytes(bytes.fromhex(raw))


def test_check_returns_itself_on_9000_and_raises_in_the_command_context() -> None:
    ok = ResponseApdu(b"\x01", 0x9000)
    assert ok.check() is ok
    with pytest.raises(KeyLockedError):
        ResponseApdu(b"", 0x6983).check(ins=INS_EXTERNAL_AUTH)
    with pytest.raises(PinBlockedError):
        ResponseApdu(b"", 0x6983).check(ins=INS_VERIFY)


# --- status words -------------------------------------------------------------------------


@pytest.mark.parametrize(("sw", "ins", "kind"), [
    (0x6A81, 0xA4, FileNotFoundOnCardError),  # function not supported
    (0x6A82, 0xA4, FileNotFoundOnCardError),
    (0x6984, 0xDC, ConditionsNotSatisfiedError),
    (0x6985, 0xDC, ConditionsNotSatisfiedError),
    (0x6300, INS_EXTERNAL_AUTH, AuthenticationFailedError),
    (0x6300, INS_VERIFY, CardStatusError),  # 6300 without a counter means nothing for a PIN
    (0x63D2, INS_VERIFY, CardStatusError),  # only 63Cx carries the tries left
    (0x6983, None, PinBlockedError),
    (0x6A84, 0xDC, CardStatusError),
])
def test_status_word_mapping(sw: int, ins: int | None, kind: type) -> None:
    err = status_error(sw, ins=ins)
    assert type(err) is kind
    assert err.sw == sw


@pytest.mark.parametrize("sw2", range(0xC0, 0xD0))
def test_63cx_carries_the_tries_left(sw2: int) -> None:
    pin = status_error(0x6300 | sw2, ins=INS_VERIFY)
    assert isinstance(pin, WrongPinError) and pin.tries_left == sw2 - 0xC0
    auth = status_error(0x6300 | sw2, ins=INS_EXTERNAL_AUTH)
    assert isinstance(auth, AuthenticationFailedError) and auth.tries_left == sw2 - 0xC0


def test_6300_on_external_auth_has_no_tries_count() -> None:
    err = status_error(0x6300, ins=INS_EXTERNAL_AUTH)
    assert isinstance(err, AuthenticationFailedError) and err.tries_left is None


def test_6982_is_the_security_status() -> None:
    assert type(status_error(0x6982)) is SecurityStatusError
    assert type(status_error(0x6A83)) is RecordNotFoundError


# --- the channel --------------------------------------------------------------------------


class ScriptedPort:
    """A card that answers from a script and records what it was sent."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = [bytes.fromhex(a) for a in answers]
        self.sent: list[str] = []

    def transmit(self, apdu: bytes) -> bytes:
        self.sent.append(apdu.hex().upper())
        return self.answers.pop(0)


READ_EF05_7 = CommandApdu(0x00, 0xB2, 0x07, 0x2C, le=0x0B)


def test_9000_returns_the_data_in_one_exchange() -> None:
    port = ScriptedPort(["0709" + b"NB0000016".hex() + "9000"])
    resp = ApduChannel(port).transmit(READ_EF05_7)
    assert resp == ResponseApdu(bytes.fromhex("0709") + b"NB0000016", 0x9000)
    assert type(resp.data) is bytes
    assert port.sent == ["00B2072C0B"]


@pytest.mark.parametrize("answer", ["6F00", "6100", "9001", "9100", "6A00", "AB6F00", "AA009001"])
def test_only_9000_is_success(answer: str) -> None:
    script = [answer] + (["AABB9000"] if answer == "6100" else [])
    resp = ApduChannel(ScriptedPort(script)).transmit(READ_EF05_7)
    if answer == "6100":  # 61 00: 256 more bytes, fetched with GET RESPONSE Le 00
        assert resp == ResponseApdu(bytes.fromhex("AABB"), 0x9000)
        return
    assert resp.sw == int(answer[-4:], 16) and not resp.ok
    assert resp.data == bytes.fromhex(answer[:-4])


def test_a_single_byte_answer_is_card_data_error() -> None:
    with pytest.raises(CardDataError):
        ApduChannel(ScriptedPort(["90"])).transmit(READ_EF05_7)


def test_6c00_resends_with_le_256() -> None:
    port = ScriptedPort(["6C00", "AA9000"])
    ApduChannel(port).transmit(READ_EF05_7)
    assert port.sent == ["00B2072C0B", "00B2072C00"]


def test_6cxx_then_61xx_are_both_resolved() -> None:
    port = ScriptedPort(["6C04", "11226102", "33449000"])
    resp = ApduChannel(port).transmit(READ_EF05_7)
    assert resp == ResponseApdu(bytes.fromhex("11223344"), 0x9000)
    assert port.sent == ["00B2072C0B", "00B2072C04", "00C0000002"]


def test_get_response_uses_the_configured_class_and_le_256_for_6100() -> None:
    port = ScriptedPort(["6100", "AA9000"])
    ApduChannel(port, cla_get_response=0x80).transmit(READ_EF05_7)
    assert port.sent[1] == "80C0000000"


def test_a_failing_status_after_get_response_keeps_the_data_read() -> None:
    port = ScriptedPort(["AA6101", "BB6A83"])
    resp = ApduChannel(port).transmit(READ_EF05_7)
    assert resp == ResponseApdu(bytes.fromhex("AABB"), 0x6A83)


def test_a_chain_of_64_get_responses_is_read_a_65th_is_refused() -> None:
    chain = ["016101"] * 64 + ["029000"]  # the answer, then 64 GET RESPONSE answers
    port = ScriptedPort(chain)
    resp = ApduChannel(port).transmit(READ_EF05_7)
    assert resp.data == b"\x01" * 64 + b"\x02" and resp.ok
    assert len(port.sent) == 65
    endless = ScriptedPort(["016101"] * 66 + ["029000"])
    with pytest.raises(CardDataError):
        ApduChannel(endless).transmit(READ_EF05_7)
    assert len(endless.sent) == 65  # the first command and 64 GET RESPONSEs, no more


def test_send_raises_with_the_command_context() -> None:
    auth = CommandApdu(0x00, INS_EXTERNAL_AUTH, 0x00, 0x07, bytes(16))
    with pytest.raises(KeyLockedError):
        ApduChannel(ScriptedPort(["6983"])).send(auth)
    with pytest.raises(AuthenticationFailedError) as err:
        ApduChannel(ScriptedPort(["63C1"])).send(auth)
    assert err.value.tries_left == 1
    ok = ApduChannel(ScriptedPort(["AA9000"])).send(READ_EF05_7)
    assert ok == ResponseApdu(b"\xaa", 0x9000)
