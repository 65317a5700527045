"""Remote supervisor approval (远程授权), docs/supervision.md.

A teller's counter asks for a supervisor's approval of one sensitive act; a supervisor at
another counter of the same branch, having typed the password and one-time code at their own
PC (checked there, where the account lives), approves or refuses it; the teller's counter then
consumes the approval once, for the purpose it was asked for.

The central decides nothing about passwords: it is the meeting point, and it records who asked
(branch and counter from the verified identity, never from the body), who decided and from
which counter, and when the approval was used.

- ``POST /v1/remote-approvals``: a new request (the counter's own ``request_id``), PENDING until
  ``expires_at`` (``valid_seconds``, at most 600).
- ``GET /v1/remote-approvals``: the caller's branch's PENDING requests from other counters
  (the ones the caller may decide), oldest first.
- ``GET /v1/remote-approvals/{request_id}``: one request of the caller's branch.
- ``POST /v1/remote-approvals/{request_id}/decision``: APPROVE or REFUSE (a reason required),
  by a supervisor at another counter of the same branch, once, before expiry.
- ``POST /v1/remote-approvals/{request_id}/consume``: by the requesting counter, for the same
  purpose, once, before expiry; the answer names the approving supervisor and counter.
- ``POST /v1/remote-approvals/{request_id}/cancel``: the requesting counter withdraws a request
  it no longer waits for (pending, or approved and not used): WITHDRAWN can be neither decided
  nor used.

A supervisor never decides a request whose teller is themselves (APPROVAL_SELF): the central
checks the user names it is given, the deciding PC checks the password behind the name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal, cast

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from central_sim.db import Base, utcnow
from central_sim.errors import Refusal
from central_sim.guard import Identity

MAX_VALID_SECONDS = 600
REQUEST_ID_PATTERN = r"^[A-Za-z0-9_-]+$"
PURPOSE_PATTERN = r"^[a-z_.]+(:[A-Za-z0-9_.-]+)?$"  # fee.refund, dead_letter_retry:17, teller.unlock:T0302
State = Literal["PENDING", "APPROVED", "REFUSED", "EXPIRED", "CONSUMED", "WITHDRAWN"]

IdemKey = Annotated[str | None, Header(alias="Idempotency-Key",
                                       description="Required on every mutating call")]
ClientId = Annotated[str | None, Header(alias="X-Client-Id", max_length=49)]
RequestId = Annotated[str, Path(min_length=8, max_length=40, pattern=REQUEST_ID_PATTERN)]


class RemoteApproval(Base):
    __tablename__ = "remote_approvals"
    request_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(16), index=True)
    counter_id: Mapped[str] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(String(120))
    teller: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(10))  # PENDING|APPROVED|REFUSED|CONSUMED|WITHDRAWN
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    valid_seconds: Mapped[int] = mapped_column(Integer)
    supervisor: Mapped[str | None] = mapped_column(String(32), nullable=True)
    decided_counter: Mapped[str | None] = mapped_column(String(32), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    consumed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RemoteApprovalIn(_Strict):
    request_id: str = Field(min_length=8, max_length=40, pattern=REQUEST_ID_PATTERN,
                            description="made by the counter (one per act it asks for)")
    purpose: str = Field(min_length=1, max_length=64, pattern=PURPOSE_PATTERN,
                         description="the act, as the counter's authorisation path names it")
    summary: str = Field(min_length=1, max_length=120,
                         description="short Chinese description for the supervisor; personal "
                                     "data only masked")
    teller: str = Field(min_length=1, max_length=32, description="the asking teller's user id")
    valid_seconds: int = Field(default=MAX_VALID_SECONDS, ge=1, le=MAX_VALID_SECONDS)


class RemoteDecisionIn(_Strict):
    decision: Literal["APPROVE", "REFUSE"]
    supervisor: str = Field(min_length=1, max_length=32,
                            description="the deciding supervisor's user id, checked (password "
                                        "and one-time code) at the deciding counter")
    reason: str = Field(default="", max_length=200, description="required to refuse")


class RemoteConsumeIn(_Strict):
    purpose: str = Field(min_length=1, max_length=64, pattern=PURPOSE_PATTERN)


class RemoteApprovalOut(BaseModel):
    request_id: str
    branch_code: str
    counter_id: str = Field(description="the requesting counter (verified identity)")
    purpose: str
    summary: str
    teller: str
    state: State
    created_at: dt.datetime
    expires_at: dt.datetime
    supervisor: str | None = None
    decided_counter: str | None = None
    decided_at: dt.datetime | None = None
    reason: str | None = None
    consumed_at: dt.datetime | None = None
    withdrawn_at: dt.datetime | None = None


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else value.replace(tzinfo=dt.UTC)


def state_of(row: RemoteApproval, now: dt.datetime) -> str:
    """PENDING and APPROVED lapse at ``expires_at``; a decision or a use is kept as it was."""
    if row.state in ("PENDING", "APPROVED") and now >= row.expires_at:
        return "EXPIRED"
    return row.state


def out(row: RemoteApproval, now: dt.datetime) -> RemoteApprovalOut:
    return RemoteApprovalOut(
        request_id=row.request_id, branch_code=row.branch_code, counter_id=row.counter_id,
        purpose=row.purpose, summary=row.summary, teller=row.teller,
        state=cast(State, state_of(row, now)),
        created_at=row.created_at.replace(tzinfo=dt.UTC),
        expires_at=row.expires_at.replace(tzinfo=dt.UTC), supervisor=row.supervisor,
        decided_counter=row.decided_counter, decided_at=_utc(row.decided_at),
        reason=row.reason, consumed_at=_utc(row.consumed_at),
        withdrawn_at=_utc(row.withdrawn_at))


def _counter(ident: Identity) -> str:
    if not ident.counter_known:  # a certificate without an OU: the branch, not one counter
        raise Refusal(403, "COUNTER_REQUIRED", "远程授权须以具体柜台的身份调用（客户端证书须载明柜台号 OU）。",
                      {"caller_branch": ident.branch_code})
    return ident.counter_id


def _own(s: Session, ident: Identity, request_id: str, *, lock: bool = False) -> RemoteApproval:
    row = s.get(RemoteApproval, request_id, with_for_update=lock)
    if row is None:
        raise Refusal(404, "APPROVAL_UNKNOWN", "中心系统中没有这个远程授权请求。")
    if row.branch_code != ident.branch_code:
        raise Refusal(403, "APPROVAL_OTHER_BRANCH", "该远程授权请求属于其他网点，只能由本网点主管处理。")
    return row


def _expired() -> Refusal:
    return Refusal(409, "APPROVAL_EXPIRED", "该远程授权请求已过期，请柜员重新发起。")


def _withdrawn() -> Refusal:
    return Refusal(409, "APPROVAL_WITHDRAWN", "柜员已撤回该远程授权请求，不能再批准或使用。")


def _requester(row: RemoteApproval, ident: Identity) -> None:
    if row.counter_id != _counter(ident):
        raise Refusal(403, "APPROVAL_NOT_REQUESTER", "只有发起请求的柜台可以使用或撤回该远程授权。")


def add_routes(v1: APIRouter, db: Any, mutate: Callable[..., JSONResponse],
               identity: Callable[[Request], Identity]) -> None:
    @v1.post("/remote-approvals", response_model=RemoteApprovalOut, tags=["remote approval"])
    def create_remote_approval(body: RemoteApprovalIn, request: Request,
                               idempotency_key: IdemKey = None,
                               x_client_id: ClientId = None) -> JSONResponse:
        """A counter asks for a supervisor's approval of one act: the requesting branch and
        counter are the caller's verified identity; PENDING until ``expires_at``. 409
        APPROVAL_REQUEST_ID_TAKEN when the id is already used."""
        ident = identity(request)

        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            counter = _counter(ident)
            if s.get(RemoteApproval, body.request_id) is not None:
                raise Refusal(409, "APPROVAL_REQUEST_ID_TAKEN", "该远程授权请求编号已被使用。")
            now = utcnow()
            row = RemoteApproval(
                request_id=body.request_id, branch_code=ident.branch_code, counter_id=counter,
                purpose=body.purpose, summary=body.summary, teller=body.teller,
                state="PENDING", created_at=now, valid_seconds=body.valid_seconds,
                expires_at=now + dt.timedelta(seconds=body.valid_seconds))
            s.add(row)
            s.flush()
            return 200, out(row, now).model_dump(mode="json"), body.request_id

        return mutate(request, idempotency_key, x_client_id, body, "REMOTE_APPROVAL_CREATE",
                      handler)

    @v1.get("/remote-approvals", response_model=list[RemoteApprovalOut],
            tags=["remote approval"])
    def pending_remote_approvals(request: Request) -> list[RemoteApprovalOut]:
        """The caller's branch's PENDING requests that the caller may decide (those of other
        counters), oldest first; 403 COUNTER_REQUIRED without a counter."""
        ident = identity(request)
        _counter(ident)  # a branch-level certificate decides nothing, so it lists nothing
        now = utcnow()
        with db.read() as s:
            rows = s.scalars(select(RemoteApproval).where(
                RemoteApproval.branch_code == ident.branch_code,
                RemoteApproval.counter_id != ident.counter_id,
                RemoteApproval.state == "PENDING", RemoteApproval.expires_at > now)
                .order_by(RemoteApproval.created_at).limit(200))
            return [out(r, now) for r in rows]

    @v1.get("/remote-approvals/{request_id}", response_model=RemoteApprovalOut,
            tags=["remote approval"])
    def get_remote_approval(request_id: RequestId, request: Request) -> RemoteApprovalOut:
        """One request of the caller's branch (403 APPROVAL_OTHER_BRANCH, 404
        APPROVAL_UNKNOWN)."""
        ident = identity(request)
        with db.read() as s:
            return out(_own(s, ident, request_id), utcnow())

    @v1.post("/remote-approvals/{request_id}/decision", response_model=RemoteApprovalOut,
             tags=["remote approval"])
    def decide_remote_approval(request_id: RequestId, body: RemoteDecisionIn,
                               request: Request, idempotency_key: IdemKey = None,
                               x_client_id: ClientId = None) -> JSONResponse:
        """A supervisor at another counter of the same branch decides, once, before expiry:
        403 APPROVAL_OTHER_BRANCH, 403 APPROVAL_OWN_COUNTER (the requesting counter itself),
        403 APPROVAL_SELF (the supervisor is the asking teller), 403 COUNTER_REQUIRED, 409
        APPROVAL_EXPIRED, 409 APPROVAL_WITHDRAWN, 409 APPROVAL_ALREADY_DECIDED, 422
        APPROVAL_REASON_REQUIRED."""
        ident = identity(request)

        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            row = _own(s, ident, request_id, lock=True)
            counter = _counter(ident)
            if row.counter_id == counter:
                raise Refusal(403, "APPROVAL_OWN_COUNTER",
                              "不能在发起请求的柜台上远程授权：请由其他柜台的主管处理，或在本柜台当面授权。")
            if body.supervisor.strip() == row.teller:  # four eyes: never one's own act
                raise Refusal(403, "APPROVAL_SELF", "主管不能决定本人发起的远程授权请求，请由另一位主管处理。")
            now = utcnow()
            if row.state == "WITHDRAWN":
                raise _withdrawn()
            if row.state != "PENDING":
                raise Refusal(409, "APPROVAL_ALREADY_DECIDED", "该远程授权请求已处理过，不能再次决定。",
                              {"state": row.state})
            if state_of(row, now) == "EXPIRED":
                raise _expired()
            if body.decision == "REFUSE" and not body.reason.strip():
                raise Refusal(422, "APPROVAL_REASON_REQUIRED", "拒绝远程授权须写明理由。")
            row.state = "APPROVED" if body.decision == "APPROVE" else "REFUSED"
            row.supervisor, row.decided_counter, row.decided_at = body.supervisor, counter, now
            row.reason = body.reason.strip() or None
            return 200, out(row, now).model_dump(mode="json"), request_id

        return mutate(request, idempotency_key, x_client_id, body, "REMOTE_APPROVAL_DECIDE",
                      handler)

    @v1.post("/remote-approvals/{request_id}/consume", response_model=RemoteApprovalOut,
             tags=["remote approval"])
    def consume_remote_approval(request_id: RequestId, body: RemoteConsumeIn,
                                request: Request, idempotency_key: IdemKey = None,
                                x_client_id: ClientId = None) -> JSONResponse:
        """The requesting counter uses an approval for the act it asked for, exactly once:
        403 APPROVAL_NOT_REQUESTER, 403 COUNTER_REQUIRED, 409 APPROVAL_PURPOSE_MISMATCH,
        APPROVAL_NOT_APPROVED (pending or refused), APPROVAL_WITHDRAWN, APPROVAL_EXPIRED,
        APPROVAL_ALREADY_USED."""
        ident = identity(request)

        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            row = _own(s, ident, request_id, lock=True)
            _requester(row, ident)
            if row.purpose != body.purpose:
                raise Refusal(409, "APPROVAL_PURPOSE_MISMATCH", "该远程授权是为另一项操作发起的，不能用于本操作。")
            now = utcnow()
            if row.state == "CONSUMED":
                raise Refusal(409, "APPROVAL_ALREADY_USED", "该远程授权已经使用过（每次授权只能用于一项操作）。")
            if row.state == "WITHDRAWN":
                raise _withdrawn()
            if row.state != "APPROVED":
                raise Refusal(409, "APPROVAL_NOT_APPROVED", "该远程授权请求尚未获批准（或已被拒绝）。",
                              {"state": row.state})
            if state_of(row, now) == "EXPIRED":
                raise _expired()
            row.state, row.consumed_at = "CONSUMED", now
            return 200, out(row, now).model_dump(mode="json"), request_id

        return mutate(request, idempotency_key, x_client_id, body, "REMOTE_APPROVAL_CONSUME",
                      handler)

    @v1.post("/remote-approvals/{request_id}/cancel", response_model=RemoteApprovalOut,
             tags=["remote approval"])
    def cancel_remote_approval(request_id: RequestId, request: Request,
                               idempotency_key: IdemKey = None,
                               x_client_id: ClientId = None) -> JSONResponse:
        """The requesting counter withdraws a request it no longer waits for: pending, or
        approved and not yet used (the approval then cannot be used). WITHDRAWN once more
        answers the same. 403 APPROVAL_NOT_REQUESTER, 403 COUNTER_REQUIRED, 409
        APPROVAL_ALREADY_USED, APPROVAL_ALREADY_DECIDED (refused), APPROVAL_EXPIRED."""
        ident = identity(request)

        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            row = _own(s, ident, request_id, lock=True)
            _requester(row, ident)
            now = utcnow()
            if row.state == "CONSUMED":
                raise Refusal(409, "APPROVAL_ALREADY_USED", "该远程授权已经使用过，不能撤回。")
            if row.state == "REFUSED":
                raise Refusal(409, "APPROVAL_ALREADY_DECIDED", "该远程授权请求已被拒绝，无需撤回。",
                              {"state": row.state})
            if state_of(row, now) == "EXPIRED":
                raise _expired()
            if row.state != "WITHDRAWN":
                row.state, row.withdrawn_at = "WITHDRAWN", now
            return 200, out(row, now).model_dump(mode="json"), request_id

        return mutate(request, idempotency_key, x_client_id, None, "REMOTE_APPROVAL_CANCEL",
                      handler)
