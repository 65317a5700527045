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

    def write_holder(self, fields: HolderFields) -> CardData:
        """External authentication through the PSAM, the changed EF06 records written,
        then the card read back; returns what the chip now holds."""
        ...
