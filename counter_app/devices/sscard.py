"""Reading the person's social security card in the counter's card slot: a port.

The real reader goes through the card layer (``counter_app.card.service.CardService``),
adapted by the composition root; workflows receive only this port. The simulated reader
serves the guided tour (which does not start the card emulator) and the headless tests.
"""

from __future__ import annotations

import datetime as _dt
import threading
from typing import Protocol

from counter_app.domain.card import CardData
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP


class NoSocialCardError(CounterError):
    code = "CARD_NO_CARD"
    message_zh = QT_TR_NOOP("读卡器中没有社保卡，请将卡片芯片朝上插入读卡器后重试。")


class SocialCardReader(Protocol):
    @property
    def name(self) -> str: ...

    def read(self) -> CardData:
        """EF05 and EF06 of the card in the slot (blocking); raises a CounterError."""
        ...


class SimulatedSocialCardReader:
    """A card slot whose card the tour or a test inserts and removes (thread-safe)."""

    def __init__(self, card: CardData | None = None, *,
                 name: str = QT_TR_NOOP("模拟社保卡读卡器")) -> None:
        self._name = name
        self._card = card
        self._lock = threading.Lock()
        self.reads = 0

    @property
    def name(self) -> str:
        return self._name

    def insert(self, card: CardData) -> None:
        with self._lock:
            self._card = card

    def remove(self) -> None:
        with self._lock:
            self._card = None

    def read(self) -> CardData:
        with self._lock:
            self.reads += 1
            if self._card is None:
                raise NoSocialCardError()
            return self._card


#: The demo card of docs/CONVENTIONS.md (李明), as the card emulator personalises it
#: (``card.emulator.factory.demo_card_data``; a test keeps the two equal), for the tour.
DEMO_CARDS: dict[str, CardData] = {  # i18n: data (the demo holder's card)
    "330203198506122017": CardData(
        card_id_code="330200D1560000050A1B2C3D4E5F6071", card_type="1", spec_version="3.00",
        issuer_org="330200000001", issue_date=_dt.date(2024, 3, 1),
        expiry_date=_dt.date(2034, 3, 1), card_number="NB0000016",
        id_number="330203198506122017", name="李明", sex="1", nation="01", birthplace="330203",
        birth_date=_dt.date(1985, 6, 12)),
}
