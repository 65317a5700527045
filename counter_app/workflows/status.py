"""What the status bar shows, as plain values: the central line, the readers, weekend service.

The line state itself is judged in one place, the sync worker (counter_app/central/sync.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.domain.schedule import WeekendService
from counter_app.domain.texts import QT_TR_NOOP, zh


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


def weekend_indicator(service: WeekendService, now: dt.datetime) -> tuple[str, str]:
    """(state, text): state is "open" | "closed" | "weekday"."""
    if not service.is_weekend_day(now):
        return "weekday", zh("工作日 · 周末服务 {hours}", hours=service.describe_zh())
    if service.in_hours(now):
        return "open", zh("周末服务中 · {hours}", hours=service.describe_zh())
    if service.serves_on(now):
        return "closed", zh("周末服务时间外 · {hours}", hours=service.describe_zh())
    return "closed", QT_TR_NOOP("本网点今日周末不营业")
