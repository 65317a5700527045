"""The branch-wide day-end through the central (docs/day-end.md, "Several counter PCs").

Each counter PC keeps its own store. When a teller's session closes (by the teller or a
supervisor's force-close), this counter sends its summary of that day — per teller:
businesses by type, fees by method, cards, differences — through the outbox
(``day_end.summary``): it waits out a line that is down, and a re-send replaces the counter's
summary of that day at the central, so nothing is counted twice. The branch report asks the
central for the sum over every counter of the branch; with the line down it says plainly that
the figures are this PC's only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from counter_app.central.api import DayEndApi
from counter_app.central.errors import LINE_ERRORS, CentralError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.day_end.report import (
    BUSINESS_ACTIONS,
    SUMMARY_OPERATION,
    BranchWide,
    DayEndReport,
    line_down_note,
)
from counter_app.workflows.sessions.desk import WorkSessionFacts, WorkSessionRepository

log = logging.getLogger(__name__)

OPERATION = SUMMARY_OPERATION
KIND_OF_TITLE = {title: action for action, title in BUSINESS_ACTIONS.items()}
CARD_FIGURES = ("handed", "taken_back", "issued", "spoiled", "holding", "received_in_batches",
                "handed_out")


class SummaryOutbox(Protocol):
    """Where the summary is queued (the store's outbox: ``StoreOutboxRepository.enqueue``)."""

    def enqueue(self, operation: str, ordering_key: str, payload: dict[str, Any],
                op_id: str | None = None, *, durable: bool = True) -> str: ...


def teller_lines(reports: Sequence[tuple[WorkSessionFacts, DayEndReport]]) -> list[dict[str, Any]]:
    """Per teller over the teller's sessions of the day: what the central sums. Dead letters
    are this counter's, not a teller's: they are counted once, at the counter."""
    by_teller: dict[str, list[tuple[WorkSessionFacts, DayEndReport]]] = defaultdict(list)
    for s, rep in reports:
        by_teller[s.teller].append((s, rep))
    lines = []
    for teller, own in sorted(by_teller.items()):
        businesses: dict[str, list[int]] = {}
        fees: dict[str, list[int]] = {}
        cards = dict.fromkeys(CARD_FIGURES, 0)
        differences = unexplained = 0
        for _s, rep in own:
            for b in rep.businesses:
                acc = businesses.setdefault(KIND_OF_TITLE.get(b.title_zh, "other"), [0, 0])
                acc[0] += b.done
                acc[1] += b.not_done
            for f in rep.fees:
                if not (f.collected or f.refunded):
                    continue
                acc = fees.setdefault(f.method, [0, 0, 0, 0])
                for i, v in enumerate((f.collected, f.collected_fen, f.refunded, f.refunded_fen)):
                    acc[i] += v
            for name in CARD_FIGURES:
                cards[name] += int(getattr(rep.cards, name))
            own_diffs = [d for d in rep.differences if not d.key.startswith("dead:")]
            differences += len(own_diffs)
            unexplained += sum(1 for d in own_diffs if not d.explained)
        lines.append({
            "teller": teller, "sessions": len(own),
            "open_sessions": sum(1 for s, _r in own if s.closed_at is None),
            "businesses": [{"kind": k, "done": v[0], "not_done": v[1]} for k, v in businesses.items()],
            "fees": [{"method": m, "collected": v[0], "collected_fen": v[1], "refunded": v[2],
                      "refunded_fen": v[3]} for m, v in fees.items()],
            "cards": cards, "differences": differences, "unexplained": unexplained})
    return lines


def summary_payload(*, branch_code: str, counter_id: str, day: str, made_at: dt.datetime,
                    reports: Sequence[tuple[WorkSessionFacts, DayEndReport]],
                    unsent: Sequence[str]) -> dict[str, Any]:
    """The outbox message: the path's branch, day and counter, and the summary.
    ``unsent``: the statuses of this counter's unsent messages (the summaries themselves
    left out: they are the report, not business waiting)."""
    return {"branch_code": branch_code, "day": day, "counter_id": counter_id,
            "made_at": made_at.astimezone(dt.UTC).isoformat(),
            "tellers": teller_lines(reports), "unsent": len(unsent),
            "dead": sum(1 for st in unsent if st == "dead")}


def ask_central(central: Callable[[], object] | None, branch_code: str, day: str,
                clock: Callable[[], dt.datetime]) -> BranchWide:
    """The branch's sum from the central, or why there is none (never raises for the line)."""
    from counter_app.domain.clock import CHINA_TIME

    at = clock().astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")
    api = central() if central is not None else None
    if not isinstance(api, DayEndApi):
        return BranchWide(None, line_down_note(QT_TR_NOOP("本机未连接中心系统")), at)
    try:
        return BranchWide(api.branch_day_end(branch_code, dt.date.fromisoformat(day)), "", at)
    except LINE_ERRORS:
        return BranchWide(None, line_down_note(QT_TR_NOOP("与中心系统的专线中断")), at)
    except CentralError as exc:
        log.warning("branch day-end refused by the central: %s", exc.code)
        return BranchWide(None, line_down_note(zh("中心系统未能提供：{code}", code=exc.code)), at)


class PublishingSessions:
    """The work-session repository, sending this counter's day summary after every close
    (the teller's own or a supervisor's force-close). The close is done whatever happens to
    the summary: a failure to queue it is logged and the next close sends a whole new one."""

    def __init__(self, repo: WorkSessionRepository, publish: Callable[[str], object]) -> None:
        self.repo, self.publish = repo, publish

    def open_of_teller(self, teller: str) -> WorkSessionFacts | None:
        return self.repo.open_of_teller(teller)

    def open_at_counter(self, counter_id: str) -> WorkSessionFacts | None:
        return self.repo.open_at_counter(counter_id)

    def open(self, teller: str, counter_id: str, business_day: str, opening_float_fen: int,
             custody: int | None) -> tuple[WorkSessionFacts, bool]:
        return self.repo.open(teller, counter_id, business_day, opening_float_fen, custody)

    def close(self, session_id: int, by: str, kind: str, reason: str,
              custody: int | None) -> WorkSessionFacts | None:
        closed = self.repo.close(session_id, by, kind, reason, custody)
        if closed is not None:
            try:
                self.publish(closed.business_day)
            except Exception:  # the session is closed; the summary must not undo that
                log.exception("day-end summary of %s not queued", closed.business_day)
        return closed

    def open_sessions(self) -> Sequence[WorkSessionFacts]:
        return self.repo.open_sessions()

    def recent(self, limit: int = 50) -> Sequence[WorkSessionFacts]:
        return self.repo.recent(limit)

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        self.repo.audit(actor, action, **detail)
