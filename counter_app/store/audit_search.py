"""Searching the audit log for the supervisor's viewer (workflows/supervision/audit_log.py).

Only plain columns are filtered (seq, at, actor, action): the detail is encrypted and is
decrypted only for the one page returned. Every query is bounded: one page by LIMIT/OFFSET
on the primary key's order, and one COUNT over the same filter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from counter_app.store.database import Store
from counter_app.store.models import AuditEntry

MAX_LIMIT = 200
MAX_CHOICES = 500  # distinct actors / actions offered in the pick lists

_LIKE_SPECIAL = re.compile(r"[%_\\]")


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern (``\\`` escapes)."""
    return _LIKE_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    actor: str
    action: str
    detail: dict[str, Any]


class StoreAuditSearch:
    def __init__(self, store: Store) -> None:
        self.store = store

    def search(self, *, actor: str | None, action_prefix: str | None, at_from: str | None,
               at_before: str | None, text: str | None, text_actions: Sequence[str],
               offset: int, limit: int) -> tuple[list[AuditRecord], int]:
        where: list[ColumnElement[bool]] = []
        if actor:
            where.append(AuditEntry.actor == actor)
        if action_prefix:
            where.append(or_(AuditEntry.action == action_prefix,
                             AuditEntry.action.like(like_escape(action_prefix.rstrip(".")) + ".%",
                                                    escape="\\")))
        if at_from:
            where.append(AuditEntry.at >= at_from)
        if at_before:
            where.append(AuditEntry.at < at_before)
        if text:
            pattern = f"%{like_escape(text)}%"
            found: list[ColumnElement[bool]] = [AuditEntry.actor.like(pattern, escape="\\"),
                                                AuditEntry.action.like(pattern, escape="\\")]
            if text.isdigit():
                found.append(AuditEntry.seq == int(text))
            if text_actions:
                found.append(AuditEntry.action.in_(list(text_actions)))
            where.append(or_(*found))
        cond = and_(*where) if where else None
        limit = min(max(1, limit), MAX_LIMIT)
        with self.store.read() as s:
            rows_q = select(AuditEntry).order_by(AuditEntry.seq.desc()).offset(max(0, offset))
            count_q = select(func.count()).select_from(AuditEntry)
            if cond is not None:
                rows_q, count_q = rows_q.where(cond), count_q.where(cond)
            total = int(s.scalar(count_q) or 0)
            rows = [AuditRecord(e.seq, e.at, e.actor, e.action, dict(e.detail))
                    for e in s.scalars(rows_q.limit(limit))]
        return rows, total

    def _distinct(self, column: Any) -> list[str]:
        with self.store.read() as s:
            return [str(v) for v in s.scalars(select(column).distinct().order_by(column)
                                              .limit(MAX_CHOICES))]

    def actors(self) -> list[str]:
        return self._distinct(AuditEntry.actor)

    def actions(self) -> list[str]:
        return self._distinct(AuditEntry.action)
