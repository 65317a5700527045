"""The branch PSAM as the application sees it: it asks for cryptograms, never for keys.

Diversification factors (card-spec §1.5), in command order: the card factor (last 8 ATR
bytes), the city factor ``<city>sx``, the province factor ``<pp>0000sh``; the PSAM derives
province → city → card (3 levels, usage byte ``0x6_``) and computes with the card key.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.card.apdu import ApduChannel, CommandApdu
from counter_app.card.errors import CardError, CardStatusError, PsamError
from counter_app.card.layout import (
    PSAM_DF01_AID,
    Algorithm,
    KeyRole,
    block_size,
    psam_key_index,
    psam_usage,
)
from counter_app.domain.texts import zh


@dataclass(frozen=True, slots=True)
class DiversificationFactors:
    card: bytes
    city: bytes
    province: bytes

    @classmethod
    def for_card(cls, atr: bytes, city_code: str) -> DiversificationFactors:
        if len(city_code) != 6 or not city_code.isdigit():
            raise ValueError("city code is 6 digits")
        return cls(bytes(atr[-8:]), (city_code + "sx").encode(), (city_code[:2] + "0000sh").encode())

    def command_data(self) -> bytes:
        return self.card + self.city + self.province


class Psam:
    def __init__(self, channel: ApduChannel) -> None:
        self.channel = channel
        self._selected = False

    def _send(self, cmd: CommandApdu) -> bytes:
        try:
            return self.channel.send(cmd).data
        except CardStatusError as exc:
            raise PsamError(
                zh("PSAM卡拒绝了请求（状态码 {sw:04X}），请确认插入的是本地区的PSAM卡。", sw=exc.sw),
                code="PSAM_REFUSED",
            ) from exc
        except CardError as exc:
            raise PsamError() from exc

    def select(self) -> None:
        self._send(CommandApdu(0x00, 0xA4, 0x04, 0x00, PSAM_DF01_AID))
        self._selected = True

    def _init(self, role: KeyRole, algo: Algorithm, factors: DiversificationFactors) -> None:
        if not self._selected:
            self.select()
        self._send(CommandApdu(0x80, 0x1A, psam_usage(role), psam_key_index(role, algo),
                               factors.command_data()))

    def encrypt(
        self, role: KeyRole, algo: Algorithm, factors: DiversificationFactors, data: bytes
    ) -> bytes:
        """ECB-encrypt ``data`` (whole blocks) under the card's diversified ``role`` key."""
        self._init(role, algo, factors)
        return self._send(CommandApdu(0x80, 0xFA, 0x00, 0x00, data))

    def mac(
        self, role: KeyRole, algo: Algorithm, factors: DiversificationFactors, iv: bytes,
        data: bytes,
    ) -> bytes:
        """4-byte MAC (ISO 9797-1 M2, CBC) over ``data`` with the card's ``role`` key."""
        if len(iv) != block_size(algo):
            raise ValueError("IV must be one block")
        self._init(role, algo, factors)
        return self._send(CommandApdu(0x80, 0xFA, 0x05, 0x00, iv + data))

    def cryptogram(
        self, role: KeyRole, algo: Algorithm, factors: DiversificationFactors, challenge: bytes
    ) -> bytes:
        """The EXTERNAL AUTHENTICATE payload for a card challenge."""
        return self.encrypt(role, algo, factors, challenge)

    def terminal_id(self) -> str:
        if not self._selected:
            self.select()
        return self._send(CommandApdu(0x00, 0xB0, 0x96, 0x00, le=6)).hex()
