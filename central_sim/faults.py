"""Fault injection as a pure ASGI middleware, controlled at run time by admin endpoints.

Faults apply to every API path (including /health, so a status bar sees the line go down)
but never to ``/_admin/*`` (the tests' control channel, reachable only from loopback).

- latency: ``latency_ms`` (+ uniform ``jitter_ms``) before the request is handled;
- errors: ``error_rate`` (or the next ``fail_next`` requests) answered with ``error_status``
  before any processing, so nothing is committed;
- outage: ``outage`` flag or ``outage_windows`` ([start, end] epoch seconds): the connection
  is reset (``outage_mode="reset"``) or answered 503 (``"503"``);
- dropped responses: ``drop_after_commit_rate`` (or the next ``drop_next`` requests) are
  processed and committed, then the connection is aborted without a response;
- ``hold_ms``: mutating requests wait this long after claiming their Idempotency-Key, so
  concurrent duplicates can be observed (409).
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any

log = logging.getLogger("central_sim.access")

_PERSONAL = re.compile(r"\d{17}[\dXx]|\b[0-9A-Z]{8}[0-9X]\b")


def redact_path(path: str) -> str:
    """Access logs carry no personal data: ID and card numbers become ``***``."""
    return _PERSONAL.sub("***", path)


@dataclass
class FaultConfig:
    latency_ms: int = 0
    jitter_ms: int = 0
    error_rate: float = 0.0
    error_status: int = 503
    fail_next: int = 0
    outage: bool = False
    outage_mode: str = "reset"  # reset | 503
    outage_windows: list[list[float]] = field(default_factory=list)
    drop_after_commit_rate: float = 0.0
    drop_next: int = 0
    hold_ms: int = 0
    seed: int | None = None

    def in_outage(self, now: float) -> bool:
        return self.outage or any(a <= now < b for a, b in self.outage_windows)


class FaultState:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.config = FaultConfig()
        self.rng = random.Random()
        self.counters: dict[str, int] = {}

    def set(self, values: dict[str, Any]) -> FaultConfig:
        with self._lock:
            current = asdict(self.config)
            unknown = set(values) - set(current)
            if unknown:
                raise ValueError(f"unknown fault fields: {sorted(unknown)}")
            current.update(values)
            self.config = FaultConfig(**current)
            if self.config.seed is not None:
                self.rng = random.Random(self.config.seed)
            return self.config

    def reset(self) -> FaultConfig:
        with self._lock:
            self.config = FaultConfig()
            self.rng = random.Random()
            return self.config

    def count(self, name: str) -> None:
        with self._lock:
            self.counters[name] = self.counters.get(name, 0) + 1

    def decide(self) -> tuple[str | None, float, bool]:
        """(fault to apply before handling, latency seconds, drop the response after commit)."""
        with self._lock:
            c = self.config
            if c.in_outage(time.time()):
                return ("outage", 0.0, False)
            latency = (c.latency_ms + (self.rng.uniform(0, c.jitter_ms) if c.jitter_ms else 0)) / 1000
            if c.fail_next > 0:
                c.fail_next -= 1
                return ("error", latency, False)
            if c.error_rate and self.rng.random() < c.error_rate:
                return ("error", latency, False)
            drop = False
            if c.drop_next > 0:
                c.drop_next -= 1
                drop = True
            elif c.drop_after_commit_rate and self.rng.random() < c.drop_after_commit_rate:
                drop = True
            return (None, latency, drop)


def _abort_connection(receive: Any) -> bool:
    """Reset the TCP connection under this request (uvicorn's cycle holds the transport)."""
    owner = getattr(receive, "__self__", None)
    transport = getattr(owner, "transport", None)
    if transport is None:
        return False
    transport.abort()
    return True


class FaultMiddleware:
    def __init__(self, app: Any, faults: FaultState, access_log: bool = False) -> None:
        self.app = app
        self.faults = faults
        self.access_log = access_log

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_admin"):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        fault, latency, drop = self.faults.decide()
        if latency:
            await asyncio.sleep(latency)
        if fault == "outage":
            self.faults.count("outage")
            if self.faults.config.outage_mode == "503" or not _abort_connection(receive):
                await _send_json(send, 503, "CENTRAL_UNAVAILABLE", "中心系统暂停服务（维护或故障），请稍后再试。")
            return
        if fault == "error":
            self.faults.count("error")
            status = self.faults.config.error_status
            await _send_json(send, status, "CENTRAL_INTERNAL_ERROR", "中心系统内部错误，请稍后重试。")
            return
        status_holder: dict[str, int] = {}
        if drop:
            buffered: list[dict] = []

            async def hold_send(message: dict) -> None:
                if message["type"] == "http.response.start":
                    status_holder["status"] = message["status"]
                buffered.append(message)

            await self.app(scope, receive, hold_send)
            self.faults.count("dropped_after_commit")
            if not _abort_connection(receive):  # pragma: no cover - other servers
                raise ConnectionAbortedError("response dropped by fault injection")
            return

        async def logging_send(message: dict) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
            await send(message)

        await self.app(scope, receive, logging_send)
        if self.access_log:
            log.info(
                "%s %s %s %.1fms", scope["method"], redact_path(scope["path"]),
                status_holder.get("status"), (time.perf_counter() - started) * 1000,
            )


async def _send_json(send: Any, status: int, code: str, message_zh: str) -> None:
    body = json.dumps({"error": {"code": code, "message_zh": message_zh}}, ensure_ascii=False)
    data = body.encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json; charset=utf-8"),
            (b"content-length", str(len(data)).encode()),
            (b"retry-after", b"1"),
        ],
    })
    await send({"type": "http.response.body", "body": data})
