"""In-process port to an emulated card or PSAM: for unit tests without pcscd.

Same behaviour as the vpcd slot for tearing: ``tear_after(n)`` answers n more APDUs and
then the card is gone (``CardRemovedError``); with ``lose_response`` the n-th APDU is
executed but its answer is lost.
"""

from __future__ import annotations

from counter_app.card.emulator.vpcd import Device
from counter_app.card.errors import CardRemovedError


class LoopbackPort:
    def __init__(self, device: Device) -> None:
        self.device = device
        self.present = True
        self.log: list[bytes] = []
        self._tear_after: int | None = None
        self._lose_response = False
        device.reset()

    @property
    def atr(self) -> bytes:
        return self.device.atr

    def tear_after(self, n: int, *, lose_response: bool = False) -> None:
        self._tear_after, self._lose_response = n, lose_response
        if n <= 0:
            self.present = False

    def reinsert(self) -> None:
        self.present = True
        self._tear_after = None
        self.device.reset()

    def transmit(self, apdu: bytes) -> bytes:
        if not self.present:
            raise CardRemovedError()
        self.log.append(apdu)
        response = self.device.process(apdu)
        if self._tear_after is not None:
            self._tear_after -= 1
            if self._tear_after <= 0:
                self.present = False
                self._tear_after = None
                if self._lose_response:
                    raise CardRemovedError()
        return response
