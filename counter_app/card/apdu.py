"""ISO 7816-4 command and response APDUs, status-word mapping and a channel over a port.

The channel handles the two T=0 conventions that vpcd passes through raw (card-spec §4):
``61xx`` (more data: GET RESPONSE) and ``6Cxx`` (wrong Le: resend with the exact Le).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

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

SW_OK = 0x9000


@dataclass(frozen=True, slots=True)
class CommandApdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # None: no Le field; 0..256 (256 encoded as 00)
    _raw: bytes = field(default=b"", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("cla", "ins", "p1", "p2"):
            if not 0 <= getattr(self, name) <= 0xFF:
                raise ValueError(f"{name} out of range")
        if len(self.data) > 255:
            raise ValueError("short APDU data is at most 255 bytes")
        if self.le is not None and not 0 <= self.le <= 256:
            raise ValueError("Le out of range")
        out = bytes((self.cla, self.ins, self.p1, self.p2))
        if self.data:
            out += bytes((len(self.data),)) + self.data
        if self.le is not None:
            out += bytes((self.le & 0xFF,))
        object.__setattr__(self, "_raw", out)  # encoded once: commands are often reused

    def to_bytes(self) -> bytes:
        return self._raw

    @classmethod
    def from_bytes(cls, raw: bytes) -> CommandApdu:
        if len(raw) < 4:
            raise ValueError("APDU shorter than 4 bytes")
        cla, ins, p1, p2 = raw[0], raw[1], raw[2], raw[3]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, le=body[0] or 256)
        lc = body[0]
        if lc == 0 or len(body) not in (1 + lc, 2 + lc):
            raise ValueError("inconsistent Lc")
        data = bytes(body[1 : 1 + lc])
        le = None if len(body) == 1 + lc else (body[-1] or 256)
        return cls(cla, ins, p1, p2, data, le)

    def with_le(self, le: int) -> CommandApdu:
        return CommandApdu(self.cla, self.ins, self.p1, self.p2, self.data, le)

    def __repr__(self) -> str:  # never print the data field: it may carry a PIN block
        return (
            f"CommandApdu({self.cla:02X} {self.ins:02X} {self.p1:02X} {self.p2:02X}"
            f" Lc={len(self.data)} Le={self.le})"
        )


@dataclass(frozen=True, slots=True)
class ResponseApdu:
    data: bytes
    sw: int

    @classmethod
    def from_bytes(cls, raw: bytes) -> ResponseApdu:
        if len(raw) < 2:
            raise CardDataError()
        return cls(bytes(raw[:-2]), (raw[-2] << 8) | raw[-1])

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK

    def to_bytes(self) -> bytes:
        return self.data + bytes((self.sw >> 8, self.sw & 0xFF))

    def check(self, *, ins: int | None = None) -> ResponseApdu:
        """Return self on 9000, raise the typed error otherwise."""
        if self.sw != SW_OK:
            raise status_error(self.sw, ins=ins)
        return self


INS_VERIFY = 0x20
INS_EXTERNAL_AUTH = 0x82
INS_CHANGE_RELOAD_PIN = 0x5E
INS_UNBLOCK_PIN = 0x24


def status_error(sw: int, *, ins: int | None = None) -> CardStatusError:
    """The typed exception for a failing status word (``ins`` gives context)."""
    sw1, sw2 = sw >> 8, sw & 0xFF
    if sw1 == 0x63 and (sw2 & 0xF0) == 0xC0:
        tries = sw2 & 0x0F
        if ins == INS_EXTERNAL_AUTH:
            return AuthenticationFailedError(sw, tries)
        return WrongPinError(sw, tries)
    if sw == 0x6300 and ins == INS_EXTERNAL_AUTH:
        return AuthenticationFailedError(sw)
    if sw == 0x6983:
        if ins == INS_EXTERNAL_AUTH:
            return KeyLockedError(sw)
        return PinBlockedError(sw)
    if sw == 0x6982:
        return SecurityStatusError(sw)
    if sw in (0x6A82, 0x6A81):
        return FileNotFoundOnCardError(sw)
    if sw == 0x6A83:
        return RecordNotFoundError(sw)
    if sw in (0x6985, 0x6984):
        return ConditionsNotSatisfiedError(sw)
    return CardStatusError(sw)


class RawPort(Protocol):
    """Anything that moves one APDU to a card and back (PC/SC, a test loopback)."""

    def transmit(self, apdu: bytes) -> bytes: ...


class ApduChannel:
    """Send command APDUs over a port, resolving ``61xx`` and ``6Cxx``."""

    def __init__(self, port: RawPort, *, cla_get_response: int = 0x00) -> None:
        self.port = port
        self._cla_gr = cla_get_response

    def transmit(self, cmd: CommandApdu) -> ResponseApdu:
        """Send and return the final response, without checking the status word."""
        raw = self.port.transmit(cmd.to_bytes())
        if len(raw) >= 2 and raw[-2] == 0x90 and raw[-1] == 0x00:  # the common case, fast
            return ResponseApdu(raw[:-2], SW_OK)
        resp = ResponseApdu.from_bytes(raw)
        if resp.sw1 == 0x6C:  # wrong Le: the card says how many bytes it has
            resp = ResponseApdu.from_bytes(
                self.port.transmit(cmd.with_le(resp.sw2 or 256).to_bytes())
            )
        data = resp.data
        guard = 0
        while resp.sw1 == 0x61:
            guard += 1
            if guard > 64:
                raise CardDataError()
            gr = CommandApdu(self._cla_gr, 0xC0, 0x00, 0x00, le=resp.sw2 or 256)
            resp = ResponseApdu.from_bytes(self.port.transmit(gr.to_bytes()))
            data += resp.data
        if data is not resp.data:
            resp = ResponseApdu(data, resp.sw)
        return resp

    def send(self, cmd: CommandApdu) -> ResponseApdu:
        """Send and raise the typed error unless the card answered 9000."""
        resp = self.transmit(cmd)
        if resp.sw != SW_OK:
            raise status_error(resp.sw, ins=cmd.ins)
        return resp
