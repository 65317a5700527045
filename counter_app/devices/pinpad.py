"""The PIN pad (密码键盘) at the counter: a port, and a demo pad the tour and tests key.

The person keys the PIN on the pad; the counter receives a :class:`PinEntry`, an opaque
value that never shows its digits (``repr``/``str`` are masked, it cannot be pickled or
turned into JSON) and is handed only to the card port, which sends it to the chip. The
PIN therefore never passes through a widget of the screen, a log line, the record, the
journal, the database or the outbox.
"""

from __future__ import annotations

import collections
import hmac
import itertools
import threading
from typing import NoReturn, Protocol

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP


class PinPadError(CounterError):
    code = "PINPAD_ERROR"
    message_zh = QT_TR_NOOP("密码键盘无应答，请检查密码键盘连接后重试。")


class PinPadCancelled(PinPadError):
    code = "PINPAD_CANCELLED"
    message_zh = QT_TR_NOOP("持卡人在密码键盘上取消了输入，本次操作未办理。")


class PinPadTimeout(PinPadError):
    code = "PINPAD_TIMEOUT"
    message_zh = QT_TR_NOOP("等待持卡人在密码键盘上输入密码超时，请重新操作。")


class PinEntry:
    """Six digits keyed on the pad. Compare with ``==``; only the card port calls ``digits``."""

    __slots__ = ("_digits",)

    def __init__(self, digits: str) -> None:
        if len(digits) != 6 or not digits.isdigit() or not digits.isascii():
            raise PinPadError(QT_TR_NOOP("密码应为6位数字，请持卡人在密码键盘上重新输入。"),
                              code="PIN_FORMAT")
        self._digits = digits

    def digits(self) -> str:
        """The clear PIN, for the card port only (it goes to the chip, BCD-coded)."""
        return self._digits

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PinEntry):
            return NotImplemented
        return hmac.compare_digest(self._digits, other._digits)

    def __hash__(self) -> int:  # entries are not kept in sets or as keys
        raise TypeError("PinEntry is not hashable")

    def __repr__(self) -> str:
        return "PinEntry(******)"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("a PIN entry is never serialised")

    def weak(self) -> bool:
        """All digits equal, or a run up or down (123456, 654321): refused as a new PIN."""
        d = [int(c) for c in self._digits]
        steps = {b - a for a, b in itertools.pairwise(d)}
        return len(steps) == 1 and steps <= {-1, 0, 1}


class PinPad(Protocol):
    @property
    def name(self) -> str: ...

    def enter(self, prompt_zh: str) -> PinEntry:
        """Show ``prompt_zh`` on the pad and wait for the person's PIN (blocking).
        Raises PinPadCancelled, PinPadTimeout or PinPadError."""
        ...


class DemoPinPad:
    """A pad whose key presses the tour or a test supplies: ``key_in`` queues what the person
    will key next; ``enter`` takes it (waiting up to ``timeout_s``). Thread-safe."""

    CANCEL = "cancel"

    def __init__(self, *, name: str = QT_TR_NOOP("演示密码键盘"), timeout_s: float = 30.0) -> None:
        self._name = name
        self.timeout_s = timeout_s
        self._queue: collections.deque[str] = collections.deque()
        self._cond = threading.Condition()
        self.prompts: list[str] = []  # what the pad showed (no PINs)

    @property
    def name(self) -> str:
        return self._name

    def key_in(self, *pins: str) -> None:
        with self._cond:
            self._queue.extend(pins)
            self._cond.notify_all()

    def cancel_next(self) -> None:
        self.key_in(self.CANCEL)

    @property
    def waiting(self) -> int:
        with self._cond:
            return len(self._queue)

    def enter(self, prompt_zh: str) -> PinEntry:
        with self._cond:
            self.prompts.append(prompt_zh)
            if not self._cond.wait_for(lambda: bool(self._queue), timeout=self.timeout_s):
                raise PinPadTimeout()
            keyed = self._queue.popleft()
        if keyed == self.CANCEL:
            raise PinPadCancelled()
        return PinEntry(keyed)
