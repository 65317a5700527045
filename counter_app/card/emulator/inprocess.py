"""A card session on the emulated card and PSAM in this process (no pcscd): the demo's
card slot for the guided tour's PIN and card services. Same ``call(operation)`` as
``CardService``; the card's state file is saved by the emulator on every change."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from counter_app.card.apdu import ApduChannel
from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import demo_card_data, new_personalised
from counter_app.card.emulator.loopback import LoopbackPort
from counter_app.card.emulator.psam import EmulatedPsam
from counter_app.card.psam import Psam
from counter_app.card.ssse import SsseCard

T = TypeVar("T")


class InProcessCardService:
    """The card in ``card_file`` (the demo card 李明 is personalised there on first use)."""

    def __init__(self, card_file: Path, *, city_code: str = "330200") -> None:
        self.card_file = card_file
        self.city_code = city_code
        self._lock = threading.Lock()
        self.psam = EmulatedPsam.create_test(seed="test")

    def _card(self) -> EmulatedCard:
        if not self.card_file.exists():
            self.card_file.parent.mkdir(parents=True, exist_ok=True)
            EmulatedCard(new_personalised(demo_card_data()), self.card_file).save()
        return EmulatedCard.load(self.card_file)

    def call(self, operation: Callable[[SsseCard], T], *, exclusive: bool = True) -> T:
        with self._lock:  # one card session at a time, like the PC/SC transaction
            card = self._card()
            psam_port = LoopbackPort(self.psam)
            ssse = SsseCard(ApduChannel(LoopbackPort(card)), atr=card.atr, city_code=self.city_code,
                            psam=lambda: Psam(ApduChannel(psam_port)))
            return operation(ssse)
