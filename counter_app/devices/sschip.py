"""The chip of the person's social security card, for PIN and card services: a port.

The composition root adapts the card layer (``counter_app.card``: the SSSE application,
the branch PSAM for the PIN unblock and the external authentication before a write) to
this port; workflows receive only the port. Errors are the card layer's ``CounterError``
subclasses (``code`` tells them apart: ``CARD_PIN_WRONG`` with ``tries_left``,
``CARD_PIN_BLOCKED``, ``CARD_NO_CARD`` …).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from counter_app.devices.pinpad import PinEntry
from counter_app.domain.card import CardData


@dataclass(frozen=True)
class ChipFunctions:
    """Which of the card's two functions the chip says are activated (docs/card.md)."""

    social: bool  # 社保功能
    financial: bool  # 金融功能

    @property
    def all(self) -> bool:
        return self.social and self.financial


@dataclass(frozen=True)
class HolderFields:
    """What a central data change may rewrite in EF06: the name and the nation. The ID
    number, and the sex and birth date it encodes, are never rewritten (a new ID number
    means a new card), nor the card number."""

    name: str
    nation: str


class SocialCardChip(Protocol):
    @property
    def name(self) -> str: ...

    def read(self) -> CardData:
        """EF05 and EF06 of the card in the slot (blocking)."""
        ...

    def verify_pin(self, pin: PinEntry) -> None: ...

    def change_pin(self, old: PinEntry, new: PinEntry) -> None: ...

    def unblock_pin(self, new: PinEntry) -> None:
        """Reset the try counter and set ``new`` (MAC and PIN encipherment by the PSAM)."""
        ...

    def activate(self, card_no: str) -> ChipFunctions:
        """Activate both functions on the chip of the card ``card_no`` in the slot (MAC by
        the PSAM; again on an activated card: no change) and read them back; another card
        in the slot is refused (``CARD_WRONG_CARD``) before anything is written."""
        ...

    def functions(self) -> ChipFunctions:
        """The function byte of the card in the slot, read back."""
        ...

    def write_holder(self, fields: HolderFields) -> CardData:
        """External authentication through the PSAM, the changed EF06 records written,
        then the card read back; returns what the chip now holds."""
        ...
