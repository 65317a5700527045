"""A card slot with an emulated blank and the test PSAM inside this process.

The guided tour and the benchmark use it where no pcscd runs: the same card and PSAM
emulators as the vpcd readers (``card.emulator``), the same SSSE and PSAM code, only the
transport is an in-process loopback. Tearing works as on the vpcd slot: ``tear_after(n)``
answers n more APDUs and the card is gone (``lose_response``: the n-th is executed, its
answer lost); ``reinsert()`` puts the same card back.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from counter_app.card.apdu import ApduChannel
from counter_app.card.emulator.card import CardState, EmulatedCard
from counter_app.card.emulator.factory import new_blank
from counter_app.card.emulator.loopback import LoopbackPort
from counter_app.card.emulator.psam import EmulatedPsam
from counter_app.card.errors import NoCardError
from counter_app.card.psam import Psam
from counter_app.card.ssse import SsseCard

T = TypeVar("T")


class EmulatedSlot:
    def __init__(self, city_code: str = "330200") -> None:
        self.city_code = city_code
        self.psam_port = LoopbackPort(EmulatedPsam.create_test())
        self.port: LoopbackPort | None = None
        self.card: EmulatedCard | None = None
        self._lock = threading.Lock()

    def insert(self, state: CardState) -> bytes:
        with self._lock:
            self.card = EmulatedCard(state)
            self.port = LoopbackPort(self.card)
            return self.card.atr

    def insert_blank(self, unique: bytes | None = None) -> bytes:
        return self.insert(new_blank(city_code=self.city_code, unique=unique))

    def remove(self) -> None:
        with self._lock:
            self.port = None

    def reinsert(self) -> None:
        with self._lock:
            if self.card is None:
                raise ValueError("no card was inserted")
            self.port = LoopbackPort(self.card)

    def tear_after(self, n: int, *, lose_response: bool = False) -> None:
        with self._lock:
            if self.port is None:
                raise ValueError("no card in the slot")
            self.port.tear_after(n, lose_response=lose_response)

    @contextlib.contextmanager
    def session(self) -> Iterator[None]:
        """In process there is no connection to hold: each call reaches the card directly."""
        yield

    def call(self, operation: Callable[[SsseCard], T]) -> T:
        with self._lock:
            port = self.port
            if port is None or not port.present or self.card is None:
                raise NoCardError()
            atr = self.card.atr
        card = SsseCard(ApduChannel(port), atr=atr, city_code=self.city_code,
                        psam=Psam(ApduChannel(self.psam_port)))
        return operation(card)
