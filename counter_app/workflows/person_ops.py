"""What registration (职工参保登记) and data change (参保信息变更) share: their ports and
sending one operation to the central — now, or queued in the outbox where the declaration
(``domain.businesses``) says the work may be deferred.

As for a formal loss: the outbox message (its key is the idempotency key) and the audit
entry are written in one transaction BEFORE the central is called, held back from the sync
worker while the counter sends it itself; a crash leaves it to the worker under the same key.
Work that needs the central now is withdrawn from the outbox when the line certainly did not
carry it, and refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from counter_app.central.errors import CentralError, CentralRefusal, nothing_sent
from counter_app.central.people_api import PeopleCentral
from counter_app.central.sync import (
    CentralNeed,
    LineState,
    NewWorkRefused,
    StalenessLimits,
    SyncStatus,
    check_new_work,
)
from counter_app.devices.idcard import IdCardReader
from counter_app.domain.businesses import central_need
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import BranchInfo

HOLD_S = 600.0  # the counter sends it itself; after a crash the sync worker takes over


class OperationStore(Protocol):
    """The local store's side of an operation (``store.card_operations`` implements it)."""

    def unsent_for(self, id_number: str) -> int: ...
    def begin(self, *, op_id: str, operation: str, id_number: str, payload: dict[str, Any],
              actor: str, action: str, detail: dict[str, Any], hold_s: float,
              now: dt.datetime) -> None: ...
    def sent(self, op_id: str, response: dict[str, Any], now: dt.datetime) -> None: ...
    def refused(self, op_id: str, code: str, now: dt.datetime) -> None: ...
    def release(self, op_id: str, error_code: str, now: dt.datetime) -> None: ...
    def withdraw(self, op_id: str, reason: str, now: dt.datetime) -> None: ...
    def status_of(self, op_id: str) -> str | None: ...
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _plenty_of_disk() -> float:
    return 1e9


def _nothing() -> None:
    return None


@dataclass
class PersonOpsContext:
    branch: BranchInfo
    branch_code: str
    bank_code: str
    counter_id: str
    teller: str
    central: PeopleCentral
    store: OperationStore
    id_reader: IdCardReader | None = None
    limits: StalenessLimits = field(default_factory=StalenessLimits)
    sync_status: Callable[[], SyncStatus] | None = None
    free_disk_mb: Callable[[], float] = _plenty_of_disk
    clock: Callable[[], dt.datetime] = _now
    wake_sync: Callable[[], None] = _nothing

    def today(self) -> dt.date:
        return self.clock().astimezone(CHINA_TIME).date()


@dataclass(frozen=True)
class Sent:
    """How an operation ended: ``done`` (the central answered) or ``pending`` (queued)."""

    op_id: str
    status: str
    at: str  # ISO time (UTC)
    response: dict[str, Any] = field(default_factory=dict)
    maybe_done: bool = False  # the line broke after sending: the worker confirms it


def line_is_down(ctx: PersonOpsContext) -> bool:
    return ctx.sync_status is not None and ctx.sync_status().line_state in (
        LineState.OFFLINE, LineState.PAUSED)


def _status(ctx: PersonOpsContext, line: LineState) -> SyncStatus:
    if ctx.sync_status is not None:
        return replace(ctx.sync_status(), line_state=line)
    now = ctx.clock()
    return SyncStatus(line, None, 0, 0, None, now, None, None, now)


def send(ctx: PersonOpsContext, *, work: str, operation: str, id_number: str, op_id: str,
         payload: dict[str, Any], call: Callable[[str], Any], offline_zh: str,
         detail: dict[str, Any], queue_ok: bool = True) -> Sent:
    """Send one operation (blocking). ``call(key)`` asks the central and returns the answer
    as a JSON-able dict. Raises NewWorkRefused (line down for work needed now, staleness)
    or CentralRefusal (the central said no; nothing is kept)."""
    deferrable = central_need(work) is CentralNeed.DEFERRABLE and queue_ok
    offline = line_is_down(ctx)
    if offline:
        if not deferrable:
            raise NewWorkRefused(offline_zh, code="NEEDS_CENTRAL_NOW")
        check_new_work(work, _status(ctx, LineState.OFFLINE), ctx.limits,
                       free_disk_mb=ctx.free_disk_mb(), now=ctx.clock())
    earlier = ctx.store.unsent_for(id_number)
    if earlier and not deferrable:
        ctx.wake_sync()
        raise NewWorkRefused(QT_TR_NOOP("该人员有尚未送达中心的前序业务（专线中断时受理），"
                                        "须先送达中心后才能办理本业务。"
                                        "系统正在上传，请稍后重试。"), code="EARLIER_OPERATION_UNSENT")
    now = ctx.clock()
    queue = offline or bool(earlier)
    ctx.store.begin(op_id=op_id, operation=operation, id_number=id_number, payload=payload,
                    actor=ctx.teller, action=operation, detail={**detail, "offline": offline},
                    hold_s=0.0 if queue else HOLD_S, now=now)
    if queue:  # behind (or as) the person's unsent work: the worker sends them in order
        ctx.wake_sync()
        return Sent(op_id, "pending", now.isoformat())
    try:
        answer = call(op_id)
    except CentralRefusal as refusal:
        ctx.store.refused(op_id, refusal.code, ctx.clock())
        raise
    except CentralError as error:
        if nothing_sent(error) and not deferrable:
            ctx.store.withdraw(op_id, error.code, ctx.clock())
            raise NewWorkRefused(offline_zh, code="NEEDS_CENTRAL_NOW") from error
        ctx.store.release(op_id, error.code, ctx.clock())
        ctx.wake_sync()
        return Sent(op_id, "pending", now.isoformat(), maybe_done=not nothing_sent(error))
    ctx.store.sent(op_id, answer, ctx.clock())
    return Sent(op_id, "done", now.isoformat(), answer)


def delivered(ctx: PersonOpsContext, op_id: str) -> bool:
    """A queued operation has reached the central (its outbox message is done)."""
    return bool(op_id) and ctx.store.status_of(op_id) == "done"


def new_key() -> str:
    return str(uuid.uuid4())


def receipt_no(ctx: PersonOpsContext, kind: str, op_id: str, at: dt.datetime) -> str:
    """``branch-YYYYMMDD-counter-K`` + the key's first characters (nothing personal)."""
    day = at.astimezone(CHINA_TIME).strftime("%Y%m%d")
    return f"{ctx.branch_code}-{day}-{ctx.counter_id}-{kind}{op_id[:8].upper()}"


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
