"""In-process card + PSAM (no pcscd): the SSSE/PSAM/perso logic against the emulator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from counter_app.card.apdu import ApduChannel
from counter_app.card.emulator.card import CardState, EmulatedCard
from counter_app.card.emulator.factory import demo_card_data, new_blank, new_personalised
from counter_app.card.emulator.loopback import LoopbackPort
from counter_app.card.emulator.psam import EmulatedPsam
from counter_app.card.psam import Psam
from counter_app.card.ssse import SsseCard


@dataclass
class Rig:
    card: EmulatedCard
    psam_device: EmulatedPsam
    port: LoopbackPort
    psam_port: LoopbackPort

    def ssse(self, city_code: str = "330200") -> SsseCard:
        return SsseCard(ApduChannel(self.port), atr=self.card.atr, city_code=city_code,
                        psam=Psam(ApduChannel(self.psam_port)))

    def card_ins(self, ins: int) -> int:
        return sum(1 for a in self.port.log if a[1] == ins)


def make_rig(state: CardState, psam_seed: str = "test") -> Rig:
    card = EmulatedCard(state)
    psam = EmulatedPsam.create_test(seed=psam_seed)
    return Rig(card, psam, LoopbackPort(card), LoopbackPort(psam))


@pytest.fixture
def rig_factory() -> Callable[..., Rig]:
    return make_rig


@pytest.fixture
def demo_rig() -> Rig:
    return make_rig(new_personalised(demo_card_data()))


@pytest.fixture
def blank_rig() -> Rig:
    return make_rig(new_blank(unique=bytes.fromhex("1122334455667788")))
