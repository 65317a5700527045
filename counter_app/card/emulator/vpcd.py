"""The vpcd wire protocol (card-spec §4): one TCP connection per reader slot.

Every message is ``uint16 big-endian length ‖ payload``; a 1-byte payload is a control
code (00 power off, 01 power on, 02 reset, 04 get ATR), anything longer is a C-APDU.
A closed socket reads as "card removed" to pcscd, a new connection as "card inserted".

Latency: vpcd writes the length and the payload as two small segments. Without
``TCP_QUICKACK`` before every receive, each APDU waits for the 40 ms delayed-ACK timer
(card-spec §4, measured 48.8 ms vs 0.14 ms per APDU), so we set it every time, plus
``TCP_NODELAY``, and send each answer in one write.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections import Counter
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger(__name__)

_QUICKACK = getattr(socket, "TCP_QUICKACK", None)


class Device(Protocol):
    @property
    def atr(self) -> bytes: ...

    def reset(self) -> None: ...

    def process(self, raw: bytes) -> bytes: ...


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        if _QUICKACK is not None:
            sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("vpcd closed the connection")
        buf += chunk
    return bytes(buf)


class VpcdSlot:
    """Connects a device to one vpcd slot while it is inserted; supports tear and stall."""

    def __init__(self, name: str, host: str, port: int) -> None:
        self.name = name
        self.host = host
        self.port = port
        self._lock = threading.Lock()
        self._device: Device | None = None
        self._sock: socket.socket | None = None
        self._wake = threading.Event()
        self._stopping = False
        self._tear_after: int | None = None
        self._lose_response = False
        self._stall_after: int | None = None
        self.apdu_count = 0
        self.ins_counts: Counter[str] = Counter()
        self.on_torn: list[Callable[[], None]] = []
        self._thread = threading.Thread(target=self._run, name=f"vpcd-{name}", daemon=True)

    # --- control (any thread) -------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._device = None
            self._drop_locked()
        self._wake.set()
        self._thread.join(timeout=5)

    @property
    def device(self) -> Device | None:
        return self._device

    @property
    def connected(self) -> bool:
        return self._sock is not None

    def insert(self, device: Device) -> None:
        with self._lock:
            self._drop_locked()
            self._device = device
            self._tear_after = None
            self._stall_after = None
        self._wake.set()

    def remove(self) -> None:
        with self._lock:
            self._device = None
            self._tear_after = None
            self._stall_after = None
            self._drop_locked()
        self._wake.set()

    def tear_after(self, n: int, *, lose_response: bool = False) -> None:
        """Answer ``n`` more APDUs, then drop the card (with ``lose_response``: the n-th
        APDU is executed but its answer is never sent)."""
        if n <= 0:
            self.remove()
            return
        with self._lock:
            self._tear_after = n
            self._lose_response = lose_response

    def stall_after(self, n: int) -> None:
        """Answer ``n`` more APDUs, then stop answering (until removed)."""
        with self._lock:
            self._stall_after = n

    def reset_stats(self) -> None:
        with self._lock:
            self.apdu_count = 0
            self.ins_counts.clear()

    def _drop_locked(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    # --- slot thread ------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stopping:
            device = self._device
            if device is None:
                self._wake.wait(0.5)
                self._wake.clear()
                continue
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
            except OSError:
                self._wake.wait(0.1)  # pcscd not (yet) listening: retry
                self._wake.clear()
                continue
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                if self._device is not device or self._stopping:
                    sock.close()
                    continue
                self._sock = sock
            device.reset()
            log.info("slot %s: card connected", self.name)
            try:
                self._serve(sock, device)
            except OSError:
                pass
            finally:
                with self._lock:
                    if self._sock is sock:
                        self._drop_locked()
            log.info("slot %s: connection closed", self.name)

    def _send(self, sock: socket.socket, payload: bytes) -> None:
        sock.sendall(len(payload).to_bytes(2, "big") + payload)

    def _serve(self, sock: socket.socket, device: Device) -> None:
        while True:
            length = int.from_bytes(_recv_exact(sock, 2), "big")
            payload = _recv_exact(sock, length)
            if self._device is not device:
                return
            if length == 1:
                code = payload[0]
                if code in (0x00, 0x01, 0x02):
                    device.reset()
                elif code == 0x04:
                    self._send(sock, device.atr)
                continue
            with self._lock:
                self.apdu_count += 1
                if len(payload) >= 2:
                    self.ins_counts[f"{payload[1]:02X}"] += 1
                stall = self._stall_after == 0
                if self._stall_after:
                    self._stall_after -= 1
            if stall:
                while self._device is device and not self._stopping:
                    self._wake.wait(0.2)
                return
            response = device.process(payload)
            tear = False
            with self._lock:
                if self._tear_after is not None:
                    self._tear_after -= 1
                    if self._tear_after <= 0:
                        tear = True
                        self._tear_after = None
            if tear:
                if not self._lose_response:
                    self._send(sock, response)
                with self._lock:
                    if self._device is device:
                        self._device = None
                        self._drop_locked()
                for callback in self.on_torn:
                    callback()
                return
            self._send(sock, response)
