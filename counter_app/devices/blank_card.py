"""Reading a blank card in the counter's card slot (stock receiving): a port.

A blank is known by its chip serial: the card's 8-byte diversification factor, the last 8
bytes of its ATR (docs/card.md), unique per card and the value the PSAM derives the card's
keys from. The real reader goes through the card layer, adapted by the composition root
(``bootstrap.CardLayerBlankReader``); the simulated one serves the tour and headless tests.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP


class NoBlankCardError(CounterError):
    code = "BLANK_NO_CARD"
    message_zh = QT_TR_NOOP("读卡器中没有卡片，请将空白卡芯片朝上插入读卡器后重试。")


class NotBlankError(CounterError):
    code = "BLANK_NOT_BLANK"
    message_zh = QT_TR_NOOP("读卡器中的卡片已个人化（不是空白卡），不能入库。请取出该卡，插入空白卡。")


def chip_serial_of(atr: bytes) -> str:
    """The chip serial printed on count sheets: the ATR's last 8 bytes in hex."""
    if len(atr) < 8:
        raise CounterError(QT_TR_NOOP("卡片应答（ATR）过短，无法识别芯片序列号，请重新插卡。"),
                           code="BLANK_BAD_ATR")
    return atr[-8:].hex().upper()


@dataclass(frozen=True)
class BlankChip:
    atr: str  # hex
    chip_serial: str


class BlankCardReader(Protocol):
    @property
    def name(self) -> str: ...

    def read_blank(self) -> BlankChip:
        """The blank card in the slot (blocking); raises a CounterError (no card, not blank)."""
        ...


class SimulatedBlankCardReader:
    """A slot fed with blanks by the tour or a test, one card per read (thread-safe)."""

    def __init__(self, *, name: str = QT_TR_NOOP("模拟空白卡读卡器")) -> None:
        self._name = name
        self._queue: deque[BlankChip | CounterError] = deque()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._name

    def insert(self, atr: bytes) -> BlankChip:
        chip = BlankChip(atr.hex().upper(), chip_serial_of(atr))
        with self._lock:
            self._queue.append(chip)
        return chip

    def insert_personalised(self) -> None:
        with self._lock:
            self._queue.append(NotBlankError())

    def read_blank(self) -> BlankChip:
        with self._lock:
            if not self._queue:
                raise NoBlankCardError()
            item = self._queue.popleft()
        if isinstance(item, CounterError):
            raise item
        return item


def demo_atr(n: int, region: str = "330200") -> bytes:
    """The ATR of the demo box's n-th blank (the emulator's layout: 3B 6D 00 00 00 81 4E 43,
    region[2:6], 7 unique bytes), for the tour and the tests."""
    unique = b"\xb1" + n.to_bytes(6, "big")
    return bytes.fromhex("3B6D000000814E43") + bytes.fromhex(region[2:6]) + unique
