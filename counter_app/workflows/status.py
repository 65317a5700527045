"""What the status bar shows, as plain values: the central line, the readers, weekend service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from counter_app.domain.schedule import WeekendService

SLOW_LINE_MS = 1500.0


@dataclass(frozen=True)
class LineReading:
    state: str  # "online" | "degraded" | "offline" | "unknown"
    latency_ms: float | None = None
    detail_zh: str = ""


@dataclass(frozen=True)
class SlotReading:
    reader_present: bool
    card_present: bool
    atr_hex: str | None = None


class HealthLike(Protocol):
    online: bool
    latency_ms: float
    message_zh: str


def read_line(health: Callable[[], HealthLike]) -> LineReading:
    """Call the central's health check and classify the line for the status bar."""
    try:
        result = health()
    except Exception as error:  # any failure means the line is not usable
        return LineReading("offline", None, getattr(error, "message_zh", "") or "无法连接中心系统")
    if not result.online:
        return LineReading("offline", None, result.message_zh or "无法连接中心系统")
    if result.latency_ms > SLOW_LINE_MS:
        return LineReading("degraded", result.latency_ms, "中心系统响应缓慢")
    return LineReading("online", result.latency_ms, "")


def weekend_indicator(service: WeekendService, now: dt.datetime) -> tuple[str, str]:
    """(state, text): state is "open" | "closed" | "weekday"."""
    if not service.is_weekend_day(now):
        return "weekday", f"工作日 · 周末服务 {service.describe_zh()}"
    if service.in_hours(now):
        return "open", f"周末服务中 · {service.describe_zh()}"
    if service.serves_on(now):
        return "closed", f"周末服务时间外 · {service.describe_zh()}"
    return "closed", "本网点今日周末不营业"
