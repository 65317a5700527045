"""Reader and card presence, Qt-free: a monitor thread and a one-shot snapshot.

Built on ``SCardGetStatusChange`` directly rather than pyscard's ReaderMonitor/CardMonitor:
those are process-wide singletons that report deltas in separate observers and cannot be
stopped promptly, while the status bar wants one consistent snapshot of
{reader: (reader present, card present, ATR)} per change and a clean stop. The thread
waits in ``SCardGetStatusChange`` (also on ``\\\\?PnP?\\Notification`` for reader
arrival/removal) and ``stop()`` wakes it with ``SCardCancel``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from smartcard import scard

log = logging.getLogger(__name__)

PNP = "\\\\?PnP?\\Notification"
Snapshot = dict[str, tuple[bool, bool, str | None]]


def _snapshot_from(names: Sequence[str], listed: set[str], states: list[tuple[str, int, list[int]]]) -> Snapshot:
    by_name = {name: (event, atr) for name, event, atr in states}
    out: Snapshot = {}
    for name in names:
        if name not in listed or name not in by_name:
            out[name] = (False, False, None)
            continue
        event, atr = by_name[name]
        present = bool(event & scard.SCARD_STATE_PRESENT) and not (
            event & (scard.SCARD_STATE_MUTE | scard.SCARD_STATE_UNAVAILABLE))
        out[name] = (True, present, bytes(atr).hex().upper() if present and atr else None)
    return out


def _list(hcontext: int) -> set[str] | None:
    hresult, readers = scard.SCardListReaders(hcontext, [])
    if hresult == scard.SCARD_S_SUCCESS:
        return set(readers)
    if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
        return set()
    return None


def presence_snapshot(reader_names: Sequence[str]) -> Snapshot:
    """Current state of the named readers; all absent if pcscd is not running."""
    hresult, hcontext = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return {name: (False, False, None) for name in reader_names}
    try:
        listed = _list(hcontext) or set()
        watch = [(n, scard.SCARD_STATE_UNAWARE) for n in reader_names if n in listed]
        states: list[tuple[str, int, list[int]]] = []
        if watch:
            hresult, states = scard.SCardGetStatusChange(hcontext, 0, watch)
            if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
                states = []
        return _snapshot_from(reader_names, listed, states)
    finally:
        scard.SCardReleaseContext(hcontext)


class PresenceMonitor:
    """Calls ``callback(snapshot)`` from its own thread on start and on every change."""

    def __init__(
        self, reader_names: Sequence[str], callback: Callable[[Snapshot], None],
        *, poll_ms: int = 1000,
    ) -> None:
        self.reader_names = list(reader_names)
        self.callback = callback
        self.poll_ms = poll_ms
        self._stop = threading.Event()
        self._hcontext: int | None = None
        self._ctx_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.last: Snapshot | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("already started")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="card-presence", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self._ctx_lock:
            if self._hcontext is not None:
                scard.SCardCancel(self._hcontext)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _emit(self, snap: Snapshot) -> None:
        if snap != self.last:
            self.last = snap
            try:
                self.callback(dict(snap))
            except Exception:  # a broken subscriber must not kill the monitor
                log.exception("presence callback failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            hresult, hcontext = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if hresult != scard.SCARD_S_SUCCESS:
                self._emit({n: (False, False, None) for n in self.reader_names})
                self._stop.wait(1.0)
                continue
            with self._ctx_lock:
                self._hcontext = hcontext
            try:
                self._watch(hcontext)
            finally:
                with self._ctx_lock:
                    self._hcontext = None
                scard.SCardReleaseContext(hcontext)
            if not self._stop.is_set():
                self._stop.wait(0.5)  # pcscd went away: back off, then re-establish

    def _watch(self, hcontext: int) -> None:
        pnp_state = scard.SCARD_STATE_UNAWARE
        gone = (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_E_INVALID_HANDLE)
        while not self._stop.is_set():
            listed = _list(hcontext)
            if listed is None:
                self._emit({n: (False, False, None) for n in self.reader_names})
                return
            watch = [(n, scard.SCARD_STATE_UNAWARE) for n in self.reader_names if n in listed]
            states: list[tuple[str, int, list[int]]] = []
            if watch:  # UNAWARE: returns at once with the current states
                hresult, states = scard.SCardGetStatusChange(hcontext, 0, watch)
                if hresult in gone:
                    self._emit({n: (False, False, None) for n in self.reader_names})
                    return
                if hresult != scard.SCARD_S_SUCCESS:
                    states = []
            self._emit(_snapshot_from(self.reader_names, listed, states))
            # block until a reader state or the reader list changes (or poll_ms passes)
            wait = [(name, event & ~scard.SCARD_STATE_CHANGED) for name, event, _ in states]
            wait.append((PNP, pnp_state))
            hresult, changed = scard.SCardGetStatusChange(hcontext, self.poll_ms, wait)
            if hresult == scard.SCARD_E_CANCELLED or self._stop.is_set():
                return
            if hresult in gone:
                self._emit({n: (False, False, None) for n in self.reader_names})
                return
            for name, event, _atr in changed or []:
                if name == PNP:
                    pnp_state = event & ~scard.SCARD_STATE_CHANGED


def wait_for_presence(
    reader: str, *, card_present: bool, timeout: float = 10.0, atr_hex: str | None = None
) -> bool:
    """Poll until the reader shows (or no longer shows) a card; False on timeout."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        _reader, present, atr = presence_snapshot([reader])[reader]
        if present == card_present and (atr_hex is None or atr == atr_hex.upper()):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
