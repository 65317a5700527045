"""PC/SC transport over pyscard: connect by reader name, transactions, reset, reconnect.

The only module (with presence.py and pcscd.py) that talks to pyscard. It uses pyscard's
``smartcard.scard`` layer directly: the high-level classes add observers and list
conversions per APDU that we do not need (see bench/card_bench.py for the cost).

Timeouts: pcsc-lite's client blocks in ``SCardTransmit`` until pcscd answers, and pcscd
waits for the reader; no other thread can interrupt it. Two ways to bound it:

- ``TransmitWatch`` (what ``CardService`` uses): transmits run inline on the thread doing
  the card operation and stamp their start time into the watch; the thread that waits for
  the operation raises ``CardTimeoutError`` when one transmit is in flight too long. No
  cost per APDU beyond two attribute writes.
- ``PcscCard(timeout=…)`` without a watch: every transmit runs on a per-connection I/O
  thread and the caller waits at most ``timeout`` seconds (two thread hand-offs per APDU).

Either way a connection whose transmit timed out is dead (its thread may stay blocked
until the reader lets go) and must be reopened.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Iterator
from typing import Literal

from smartcard import scard

from counter_app.card.errors import (
    CardBusyError,
    CardCommunicationError,
    CardError,
    CardLinkError,
    CardRemovedError,
    CardTimeoutError,
    NoCardError,
    NoReaderError,
    PcscServiceError,
    ReaderGoneError,
)
from counter_app.domain.texts import zh

CARD_READER = "Virtual PCD 00 00"
PSAM_READER = "Virtual PCD 00 01"
DEFAULT_TIMEOUT = 10.0

_SERVICE_GONE = {scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED}
_READER_GONE = {scard.SCARD_E_READER_UNAVAILABLE, scard.SCARD_E_UNKNOWN_READER}
_CARD_GONE = {scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_RESET_CARD}
_AMBIGUOUS = {
    scard.SCARD_E_NOT_TRANSACTED, scard.SCARD_F_COMM_ERROR, scard.SCARD_W_UNRESPONSIVE_CARD,
    scard.SCARD_W_UNPOWERED_CARD, scard.SCARD_E_INVALID_HANDLE,
}


def _establish() -> int:
    hresult, hcontext = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        raise PcscServiceError()
    return int(hcontext)


def list_readers() -> list[str]:
    """Reader names known to PC/SC now (empty if none)."""
    hcontext = _establish()
    try:
        hresult, readers = scard.SCardListReaders(hcontext, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hresult in _SERVICE_GONE:
            raise PcscServiceError()
        if hresult != scard.SCARD_S_SUCCESS:
            raise CardError(zh("列出读卡器失败（{problem}）。", problem=scard.SCardGetErrorMessage(hresult)))
        return list(readers)
    finally:
        scard.SCardReleaseContext(hcontext)


class _Transmit:
    """One transmit handed to the I/O thread, and its outcome."""

    __slots__ = ("apdu", "done", "error", "hcard", "protocol", "result")

    def __init__(self, hcard: int, protocol: int, apdu: list[int]) -> None:
        self.hcard = hcard
        self.protocol = protocol
        self.apdu = apdu
        self.done = threading.Lock()
        self.done.acquire()
        self.result: tuple[int, list[int]] | None = None
        self.error: BaseException | None = None


class _IoThread:
    """One thread that performs blocking PC/SC calls so the caller can time out."""

    def __init__(self, name: str) -> None:
        self._requests: queue.SimpleQueue[_Transmit | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            request = self._requests.get()
            if request is None:
                return
            try:
                request.result = scard.SCardTransmit(request.hcard, request.protocol, request.apdu)
            except BaseException as exc:  # delivered to the waiting caller
                request.error = exc
            request.done.release()

    def call(self, hcard: int, protocol: int, apdu: list[int], timeout: float) -> tuple[int, list[int]]:
        request = _Transmit(hcard, protocol, apdu)
        self._requests.put(request)
        if not request.done.acquire(timeout=timeout):
            raise CardTimeoutError()
        if request.error is not None:
            raise request.error
        assert request.result is not None
        return request.result

    def close(self) -> None:
        self._requests.put(None)


class TransmitWatch:
    """Start time of the PC/SC call in flight on the connections that share this watch."""

    def __init__(self) -> None:
        self.since: float | None = None
        self.dead = False

    def overdue(self, timeout: float) -> bool:
        since = self.since
        return since is not None and time.monotonic() - since > timeout


class PcscCard:
    """A connection to the card in one reader (implements the ``RawPort`` protocol)."""

    def __init__(
        self, reader: str = CARD_READER, *, share: Literal["shared", "exclusive"] = "shared",
        timeout: float | None = DEFAULT_TIMEOUT, watch: TransmitWatch | None = None,
    ) -> None:
        self.reader = reader
        self.watch = watch
        self.timeout = None if watch is not None else timeout
        self._share = scard.SCARD_SHARE_EXCLUSIVE if share == "exclusive" else scard.SCARD_SHARE_SHARED
        self._hcontext: int | None = None
        self._hcard: int | None = None
        self._io: _IoThread | None = None
        self._dead = False
        self.protocol = 0
        self.atr = b""
        self._connect()

    # --- connection ---------------------------------------------------------------------
    def _connect(self) -> None:
        self._hcontext = _establish()
        if self.watch is not None:
            self.watch.since = time.monotonic()
        try:
            hresult, hcard, protocol = scard.SCardConnect(
                self._hcontext, self.reader, self._share,
                scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
            )
        finally:
            if self.watch is not None:
                self.watch.since = None
        if hresult != scard.SCARD_S_SUCCESS:
            scard.SCardReleaseContext(self._hcontext)
            self._hcontext = None
            raise self._connect_error(hresult)
        self._hcard, self.protocol = hcard, protocol
        self._dead = False
        self.atr = self._status_atr()
        if self.timeout is not None:
            self._io = _IoThread(f"pcsc-{self.reader}")

    def _connect_error(self, hresult: int) -> CardError:
        if hresult in _SERVICE_GONE:
            return PcscServiceError()
        if hresult in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE,
                       scard.SCARD_E_NO_READERS_AVAILABLE):
            return NoReaderError(self.reader)
        if hresult in (scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_REMOVED_CARD):
            return NoCardError()
        if hresult == scard.SCARD_E_SHARING_VIOLATION:
            return CardBusyError()
        if hresult in (scard.SCARD_W_UNRESPONSIVE_CARD, scard.SCARD_W_UNPOWERED_CARD):
            return CardCommunicationError()
        return CardError(zh("连接读卡器失败（{problem}），请重新插卡。", problem=scard.SCardGetErrorMessage(hresult)))

    def _status_atr(self) -> bytes:
        hresult, _reader, _state, _proto, atr = scard.SCardStatus(self._hcard)
        if hresult != scard.SCARD_S_SUCCESS:
            raise self._link_error(hresult)
        return bytes(atr)

    def close(self) -> None:
        """Release the connection (leaves the card powered)."""
        if self.watch is not None and self.watch.dead:
            self._dead = True
        io, self._io = self._io, None
        if self._dead:
            # a transmit is still blocked on the old context: its thread ends (and the
            # context is dropped) once pcscd lets go; we must not wait for it here
            if io is not None:
                io.close()
            self._hcard = self._hcontext = None
            return
        if io is not None:
            io.close()
        if self._hcard is not None:
            scard.SCardDisconnect(self._hcard, scard.SCARD_LEAVE_CARD)
            self._hcard = None
        if self._hcontext is not None:
            scard.SCardReleaseContext(self._hcontext)
            self._hcontext = None

    def alive(self) -> bool:
        """Is this handle still on the same powered card? (one SCardStatus, no APDU): a card
        pulled or reset since reads as not alive, and must be reconnected."""
        if self._hcard is None or self._dead or (self.watch is not None and self.watch.dead):
            return False
        hresult, _reader, _state, _proto, _atr = scard.SCardStatus(self._hcard)
        return bool(hresult == scard.SCARD_S_SUCCESS)

    def reconnect(self) -> None:
        """A fresh connection to whatever card is in the reader now (after a removal)."""
        self.close()
        self._connect()

    def reset(self) -> None:
        """Warm-reset the card: all security state on the card is lost."""
        if self._hcard is None or self._dead:
            self.reconnect()
        hresult, protocol = scard.SCardReconnect(
            self._hcard, self._share, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
            scard.SCARD_RESET_CARD,
        )
        if hresult != scard.SCARD_S_SUCCESS:
            raise self._link_error(hresult)
        self.protocol = protocol
        self.atr = self._status_atr()

    def __enter__(self) -> PcscCard:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[PcscCard]:
        """Exclusive access for a multi-APDU operation (no other process interleaves)."""
        hresult = scard.SCardBeginTransaction(self._hcard)
        if hresult != scard.SCARD_S_SUCCESS:
            raise self._link_error(hresult)
        try:
            yield self
        finally:
            if self._hcard is not None and not self._dead:
                scard.SCardEndTransaction(self._hcard, scard.SCARD_LEAVE_CARD)

    # --- APDUs ------------------------------------------------------------------------------
    def transmit(self, apdu: bytes) -> bytes:
        watch = self.watch
        if watch is not None and not self._dead and not watch.dead and self._hcard is not None:
            # hot path (CardService.call): inline, stamped for the waiting thread's watchdog
            watch.since = time.monotonic()
            try:
                hresult, response = scard.SCardTransmit(self._hcard, self.protocol, list(apdu))
            finally:
                watch.since = None
            if watch.dead:  # the waiting thread gave up on us meanwhile
                self._dead = True
                raise CardTimeoutError()
        elif self._hcard is None or self._dead or (watch is not None and watch.dead):
            if watch is not None and watch.dead:
                self._dead = True
                raise CardTimeoutError()
            raise CardRemovedError()
        elif self._io is None:
            hresult, response = scard.SCardTransmit(self._hcard, self.protocol, list(apdu))
        else:
            try:
                hresult, response = self._io.call(
                    self._hcard, self.protocol, list(apdu), self.timeout or DEFAULT_TIMEOUT
                )
            except CardTimeoutError:
                self._dead = True
                raise
        if hresult != scard.SCARD_S_SUCCESS:
            raise self._link_error(hresult)
        if len(response) < 2:
            # vpcd reports a connection lost mid-answer as an empty response
            raise CardRemovedError() if self._card_absent_soon() else CardCommunicationError()
        return bytes(response)

    def _link_error(self, hresult: int) -> CardLinkError:
        if hresult in _SERVICE_GONE:
            return PcscServiceError()
        if hresult in _READER_GONE:
            return ReaderGoneError()
        if hresult in _CARD_GONE:
            return CardRemovedError()
        if hresult in _AMBIGUOUS and self._card_absent_soon():
            return CardRemovedError()
        return CardCommunicationError()

    def _card_absent_soon(self, wait: float = 1.5) -> bool:
        """After a failed transmit: did the card leave? pcscd notices within its poll period."""
        deadline = time.monotonic() + wait
        hcontext = _establish()
        try:
            state = scard.SCARD_STATE_UNAWARE
            while True:
                left = max(0, int((deadline - time.monotonic()) * 1000))
                hresult, states = scard.SCardGetStatusChange(
                    hcontext, left, [(self.reader, state)]
                )
                if hresult in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE):
                    return True
                if hresult != scard.SCARD_S_SUCCESS:
                    return False
                _name, event, _atr = states[0]
                if event & (scard.SCARD_STATE_EMPTY | scard.SCARD_STATE_UNAVAILABLE):
                    return True
                if left == 0:
                    return False
                state = event & ~scard.SCARD_STATE_CHANGED
        finally:
            scard.SCardReleaseContext(hcontext)
