"""How long a counter may keep working while its line to the central is down.

Beyond these limits new deferrable work is refused (see ``counter_app.central.sync``), so a
counter cannot pile up days of unsent applications. The branch profile's ``[offline]``
section is read straight into :class:`StalenessLimits`: the field metadata below is that
section's declaration (its Chinese description, and that every value must be above 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from counter_app.domain.texts import QT_TR_NOOP


def _limit(default: float, doc_zh: str) -> Any:
    # "positive" is read by the profile loader; the domain itself imports nothing of ours
    return field(default=default, metadata={"doc_zh": doc_zh, "positive": True})


@dataclass(frozen=True)
class StalenessLimits:
    max_oldest_unsent_hours: float = _limit(
        24.0, QT_TR_NOOP("最早一笔未上送业务允许积压的小时数，超过后拒绝新的可延后业务"))
    max_unsent_count: int = _limit(200, QT_TR_NOOP("允许积压的未上送业务笔数，超过后拒绝新的可延后业务"))
    max_since_last_sync_hours: float = _limit(
        72.0, QT_TR_NOOP("距上次与中心成功同步允许的小时数，超过后拒绝新的可延后业务"))
    min_free_disk_mb: int = _limit(500, QT_TR_NOOP("本机磁盘最少剩余空间（MB），不足时拒绝新业务"))
