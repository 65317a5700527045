"""Where pulled central updates go: every item is stored once, and application state changes
are applied to the local applications at once (the counter shows 制卡中, 已签收 … from them).

This is the sync worker's ``UpdateSink``: it runs in one transaction, so an item is either
stored (and the cursor may move past it) or not stored at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select

from counter_app.store.database import Store
from counter_app.store.models import CardApplication, CentralNotice, utcnow
from counter_app.store.production import track_state_notice


class PulledItem(Protocol):
    # read-only, so the central's frozen UpdateItem is one
    @property
    def seq(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def ref(self) -> str: ...
    @property
    def data(self) -> dict[str, Any]: ...
    @property
    def created_at(self) -> dt.datetime | None: ...


def _naive(t: dt.datetime | None) -> dt.datetime | None:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t and t.tzinfo else t


class StoreUpdateSink:
    def __init__(self, store: Store) -> None:
        self.store = store

    def apply(self, items: Sequence[PulledItem]) -> None:
        with self.store.write(durable=True) as s:
            known = set(s.scalars(select(CentralNotice.seq).where(
                CentralNotice.seq.in_([i.seq for i in items]))))
            for item in items:
                if item.seq in known:
                    continue  # pulled again after a crash: already stored
                handled = None
                if item.kind == "APPLICATION_STATE":
                    handled = self._application_state(s, item)
                    # central production tracks it too (card, batch, EMS number, reason),
                    # starting now for an application of this counter not tracked yet
                    if track_state_notice(s, self.store.cipher, item.ref, dict(item.data)):
                        handled = handled or utcnow()
                s.add(CentralNotice(seq=item.seq, kind=item.kind, ref=item.ref, data=dict(item.data),
                                    created_at=_naive(item.created_at), received_at=utcnow(),
                                    handled_at=handled))

    @staticmethod
    def _application_state(s: Any, item: PulledItem) -> dt.datetime | None:
        app = s.scalars(select(CardApplication).where(
            CardApplication.central_application_id == item.ref)).first()
        state = item.data.get("state")
        if app is None or not state:
            return None  # not ours, or not yet acknowledged: kept for later
        app.central_state = str(state)
        return utcnow()

    def unhandled(self, kind: str | None = None) -> list[Notice]:
        """Notices no business has handled yet, oldest first."""
        with self.store.read() as s:
            query = select(CentralNotice).where(CentralNotice.handled_at.is_(None))
            if kind:
                query = query.where(CentralNotice.kind == kind)
            return [Notice(n.seq, n.kind, n.ref, dict(n.data))
                    for n in s.scalars(query.order_by(CentralNotice.seq))]


@dataclass(frozen=True)
class Notice:
    seq: int
    kind: str
    ref: str
    data: dict[str, Any]
