"""Branch statistics' facts in the store: each finished business is an audit entry
(``business.completed``: kind, times; no personal data), so the figures are tamper-evident with
the rest of the log; uncollected cards come from the production items in custody."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from counter_app.domain.statistics import BusinessDone
from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import AuditEntry
from counter_app.store.production import ProductionStore

ACTION = "business.completed"
#: entries are written seconds after the business finished: read from a margin before the period
_MARGIN = dt.timedelta(days=1)


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _parse(text: Any) -> dt.datetime:
    t = dt.datetime.fromisoformat(str(text))
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def _audit_at(t: dt.datetime) -> str:
    """The audit log's own ``at`` format (naive UTC ISO with a Z), for range filters."""
    return t.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


class SqlStatistics:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record_business(self, done: BusinessDone) -> None:
        with self.store.write() as s:
            append_audit(s, self.store.cipher, done.teller, ACTION, business=done.business,
                         started_at=_iso(done.started_at), finished_at=_iso(done.finished_at),
                         software_ms=round(done.software_s * 1000),
                         counter_ms=round(done.counter_s * 1000))

    def businesses_done(self, since: dt.datetime, until: dt.datetime) -> list[BusinessDone]:
        with self.store.read() as s:
            rows = [(e.actor, e.detail) for e in s.scalars(select(AuditEntry).where(
                AuditEntry.action == ACTION, AuditEntry.at >= _audit_at(since - _MARGIN))
                .order_by(AuditEntry.seq))]
        out = []
        for actor, detail in rows:
            finished = _parse(detail["finished_at"])
            if since <= finished < until:
                out.append(BusinessDone(str(detail["business"]), actor,
                                        _parse(detail["started_at"]), finished,
                                        float(str(detail["software_ms"])) / 1000))
        out.sort(key=lambda d: d.finished_at)
        return out

    def uncollected_received_at(self) -> list[dt.datetime]:
        """The production store's own uncollected list (the cards in custody)."""
        return [t.received_at for t in ProductionStore(self.store).in_custody()
                if t.received_at is not None]
