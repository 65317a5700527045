"""The branch-wide day-end (网点日终轧账), docs/day-end.md.

Each counter PC keeps its own store; the central is where a branch's counters meet. A counter
sends its day summary (per teller: businesses by type, fees by method, cards, differences)
through its outbox whenever a teller's session closes; the central keeps the latest summary per
branch, counter and Beijing day, and sums them for the branch.

- ``PUT /v1/branches/{branch_code}/day-end/{day}/counters/{counter_id}``: the counter's summary
  of the day, by the counter itself (verified identity). A re-send replaces the counter's
  summary of that day, never adds to it; a summary made before the one kept (``made_at``
  older: a retry that arrives late) is acknowledged and not applied.
- ``GET /v1/branches/{branch_code}/day-end/{day}``: the sum over the counters that reported,
  every counter with its tellers, and the counters that have not reported (a counter that
  called the central that day and sent no summary), still have open sessions, or have
  differences left unexplained.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import JSON, DateTime, Integer, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from central_sim.db import BEIJING, Base, IdempotencyRecord, beijing_today, utcnow
from central_sim.errors import Refusal
from central_sim.guard import Identity

EARLIEST = dt.date(2000, 1, 1)
MAX_TELLERS = 100  # per counter and day
MAX_KINDS = 64
MAX_COUNT = 1_000_000
MAX_FEN = 10_000_000_000  # ¥100 million: far beyond a counter's day
KIND_PATTERN = r"^[a-z_]+(\.[a-z_]+)*$"  # the counter's audit action, e.g. card.replacement
METHOD_PATTERN = r"^[a-z_]+$"  # cash, transfer
TELLER_PATTERN = r"^[A-Za-z0-9_.-]+$"
CARD_FIGURES = ("handed", "taken_back", "issued", "spoiled", "holding", "received_in_batches",
                "handed_out")

IdemKey = Annotated[str | None, Header(alias="Idempotency-Key",
                                       description="Required on every mutating call")]
ClientId = Annotated[str | None, Header(alias="X-Client-Id", max_length=49)]
BranchCode = Annotated[str, Path(max_length=16)]
CounterId = Annotated[str, Path(max_length=32)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Fen = Annotated[int, Field(ge=0, le=MAX_FEN)]


class DayEndCounter(Base):
    """The latest summary a counter sent for a Beijing day."""

    __tablename__ = "day_end_counters"
    branch_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    counter_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    made_at: Mapped[dt.datetime] = mapped_column(DateTime)  # the counter's clock, naive UTC
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    unsent: Mapped[int] = mapped_column(Integer)
    dead: Mapped[int] = mapped_column(Integer)
    caller_via: Mapped[str] = mapped_column(String(16))


class DayEndTeller(Base):
    """One teller's figures in a counter's summary (replaced with the summary)."""

    __tablename__ = "day_end_tellers"
    branch_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    counter_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    teller: Mapped[str] = mapped_column(String(32), primary_key=True)
    sessions: Mapped[int] = mapped_column(Integer)
    open_sessions: Mapped[int] = mapped_column(Integer)
    differences: Mapped[int] = mapped_column(Integer)
    unexplained: Mapped[int] = mapped_column(Integer)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)  # businesses, fees, cards


# -- the contract's shapes --------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DayEndBusiness(_Strict):
    kind: str = Field(min_length=1, max_length=40, pattern=KIND_PATTERN,
                      description="the business, as the counter's audit log names it")
    done: Count
    not_done: Count = Field(default=0, description="refused by the central or withdrawn")


class DayEndFee(_Strict):
    method: str = Field(min_length=1, max_length=16, pattern=METHOD_PATTERN)
    collected: Count = 0
    collected_fen: Fen = 0
    refunded: Count = 0
    refunded_fen: Fen = 0


class DayEndCards(_Strict):
    handed: Count = Field(default=0, description="blank cards handed to tellers' custody")
    taken_back: Count = 0
    issued: Count = Field(default=0, description="blank cards issued (instant issuance)")
    spoiled: Count = 0
    holding: Count = Field(default=0, description="still in a teller's custody")
    received_in_batches: Count = Field(default=0, description="centrally made cards received")
    handed_out: Count = Field(default=0, description="centrally made cards handed out")


class DayEndTellerIn(_Strict):
    teller: str = Field(min_length=1, max_length=32, pattern=TELLER_PATTERN)
    sessions: int = Field(ge=0, le=100)
    open_sessions: int = Field(default=0, ge=0, le=100)
    businesses: list[DayEndBusiness] = Field(default_factory=list, max_length=MAX_KINDS)
    fees: list[DayEndFee] = Field(default_factory=list, max_length=8)
    cards: DayEndCards = Field(default_factory=DayEndCards)
    differences: Count = 0
    unexplained: Count = Field(default=0, description="differences not explained yet")


class DayEndSummaryIn(_Strict):
    made_at: dt.datetime = Field(description="when the counter made the summary (its clock); "
                                             "an older summary never replaces a newer one")
    tellers: list[DayEndTellerIn] = Field(default_factory=list, max_length=MAX_TELLERS)
    unsent: Count = Field(default=0, description="outbox messages not yet acknowledged")
    dead: Count = Field(default=0, description="of which dead letters waiting for a supervisor")


class DayEndSummaryOut(BaseModel):
    branch_code: str
    counter_id: str
    day: dt.date
    made_at: dt.datetime = Field(description="of the summary the central keeps")
    received_at: dt.datetime
    applied: bool = Field(description="false: a newer summary was already kept")
    tellers: int


class DayEndFigures(BaseModel):
    businesses: list[DayEndBusiness]
    fees: list[DayEndFee]
    cards: DayEndCards
    sessions: int
    open_sessions: int
    differences: int
    unexplained: int
    unsent: int
    dead: int


class DayEndTellerOut(DayEndTellerIn):
    model_config = ConfigDict(extra="ignore")


class CounterDayEndOut(BaseModel):
    counter_id: str
    reported: bool
    made_at: dt.datetime | None = None
    received_at: dt.datetime | None = None
    figures: DayEndFigures | None = None
    tellers: list[DayEndTellerOut] = Field(default_factory=list)


class BranchDayEndOut(BaseModel):
    branch_code: str
    day: dt.date
    totals: DayEndFigures = Field(description="the sum over the counters that reported")
    counters: list[CounterDayEndOut]
    not_reported: list[str] = Field(description="counters that called the central that day "
                                                 "and sent no day-end summary")
    still_open: list[str] = Field(description="counters reporting a session still open")
    unexplained: list[str] = Field(description="counters reporting differences unexplained")


# -- the arithmetic -----------------------------------------------------------------------------
def _utc(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), BEIJING).astimezone(dt.UTC).replace(tzinfo=None)
    return start, start + dt.timedelta(days=1)


def _naive(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo is not None else t


def _aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC)


def _check(body: DayEndSummaryIn) -> None:
    def twice(names: Iterable[str]) -> str | None:
        seen: set[str] = set()
        for n in names:
            if n in seen:
                return n
            seen.add(n)
        return None

    dup = twice(t.teller for t in body.tellers)
    for t in body.tellers:
        dup = dup or twice(b.kind for b in t.businesses) or twice(f.method for f in t.fees)
        if t.open_sessions > t.sessions or t.unexplained > t.differences:
            raise Refusal(422, "DAY_END_INCONSISTENT",
                          "日终汇总不自洽：未结束会话数不能多于会话数，未说明差异数不能多于差异数。",
                          {"teller": t.teller})
    if dup is not None:
        raise Refusal(422, "DAY_END_DUPLICATE", "日终汇总中同一柜员、业务或收费方式出现了两次。",
                      {"name": dup})
    if body.dead > body.unsent:
        raise Refusal(422, "DAY_END_INCONSISTENT", "日终汇总不自洽：转人工的待上传业务不能多于待上传业务。")


def _check_day(day: dt.date) -> None:
    today = beijing_today()
    if day < EARLIEST or day > today + dt.timedelta(days=1):
        raise Refusal(422, "DAY_INVALID", f"营业日无效：应在 {EARLIEST} 至中心当日（北京时间）之间。",
                      {"earliest": EARLIEST.isoformat(),
                       "latest": (today + dt.timedelta(days=1)).isoformat()})


def _sum(tellers: Iterable[DayEndTellerIn], unsent: int, dead: int) -> DayEndFigures:
    businesses: dict[str, list[int]] = {}
    fees: dict[str, list[int]] = {}
    cards = dict.fromkeys(CARD_FIGURES, 0)
    sessions = open_sessions = differences = unexplained = 0
    for t in tellers:
        for b in t.businesses:
            acc = businesses.setdefault(b.kind, [0, 0])
            acc[0] += b.done
            acc[1] += b.not_done
        for f in t.fees:
            acc = fees.setdefault(f.method, [0, 0, 0, 0])
            for i, v in enumerate((f.collected, f.collected_fen, f.refunded, f.refunded_fen)):
                acc[i] += v
        for name in CARD_FIGURES:
            cards[name] += getattr(t.cards, name)
        sessions += t.sessions
        open_sessions += t.open_sessions
        differences += t.differences
        unexplained += t.unexplained
    return DayEndFigures(
        businesses=[DayEndBusiness(kind=k, done=v[0], not_done=v[1]) for k, v in businesses.items()],
        fees=[DayEndFee(method=m, collected=v[0], collected_fen=v[1], refunded=v[2],
                        refunded_fen=v[3]) for m, v in fees.items()],
        cards=DayEndCards(**cards), sessions=sessions, open_sessions=open_sessions,
        differences=differences, unexplained=unexplained, unsent=unsent, dead=dead)


def _active_counters(s: Session, branch_code: str, day: dt.date) -> set[str]:
    """Counters of the branch that made a call with an idempotency key on that Beijing day."""
    start, end = _utc(day)
    rows = s.scalars(select(IdempotencyRecord.client_id).where(
        IdempotencyRecord.client_id.like(f"{branch_code}/%"),
        IdempotencyRecord.locked_at >= start, IdempotencyRecord.locked_at < end).distinct())
    counters = {r.split("/", 1)[1] for r in rows if r.startswith(f"{branch_code}/")}
    counters.discard("-")  # a branch-level certificate: no counter to name
    return counters


def sum_branch(s: Session, branch_code: str, day: dt.date) -> BranchDayEndOut:
    reports = {r.counter_id: r for r in s.scalars(select(DayEndCounter).where(
        DayEndCounter.branch_code == branch_code, DayEndCounter.day == day))}
    tellers: dict[str, list[DayEndTellerOut]] = {}
    for t in s.scalars(select(DayEndTeller).where(
            DayEndTeller.branch_code == branch_code, DayEndTeller.day == day)
            .order_by(DayEndTeller.counter_id, DayEndTeller.teller)):
        tellers.setdefault(t.counter_id, []).append(DayEndTellerOut(
            teller=t.teller, sessions=t.sessions, open_sessions=t.open_sessions,
            differences=t.differences, unexplained=t.unexplained, **t.figures))
    counters: list[CounterDayEndOut] = []
    for counter in sorted(set(reports) | _active_counters(s, branch_code, day)):
        r = reports.get(counter)
        if r is None:
            counters.append(CounterDayEndOut(counter_id=counter, reported=False))
            continue
        own = tellers.get(counter, [])
        counters.append(CounterDayEndOut(
            counter_id=counter, reported=True, made_at=_aware(r.made_at),
            received_at=_aware(r.received_at), figures=_sum(own, r.unsent, r.dead), tellers=own))
    reported = [c for c in counters if c.figures is not None]
    every = [t for c in reported for t in c.tellers]
    return BranchDayEndOut(
        branch_code=branch_code, day=day,
        totals=_sum(every, sum(c.figures.unsent for c in reported if c.figures),
                    sum(c.figures.dead for c in reported if c.figures)),
        counters=counters,
        not_reported=[c.counter_id for c in counters if not c.reported],
        still_open=[c.counter_id for c in reported if c.figures and c.figures.open_sessions],
        unexplained=[c.counter_id for c in reported if c.figures and c.figures.unexplained])


def _own_counter(ident: Identity, branch_code: str, counter_id: str,
                 own_branch: Callable[[Identity, str], None]) -> None:
    """A counter reports only its own day: the counter is the certificate's OU (or the
    loopback header), never the path alone."""
    own_branch(ident, branch_code)
    if not ident.counter_known:
        raise Refusal(403, "COUNTER_REQUIRED", "网点客户端证书未载明柜台号（OU），不能以某一柜台的身份上报日终汇总。",
                      {"caller_branch": ident.branch_code})
    if ident.counter_id != counter_id:
        raise Refusal(403, "COUNTER_FORBIDDEN", "只能上报本柜台的日终汇总。",
                      {"caller_counter": ident.counter_id})


def add_routes(v1: APIRouter, db: Any, mutate: Callable[..., JSONResponse],
               identity: Callable[[Request], Identity],
               own_branch: Callable[[Identity, str], None],
               get_branch: Callable[[Session, str], Any]) -> None:
    @v1.put("/branches/{branch_code}/day-end/{day}/counters/{counter_id}",
            response_model=DayEndSummaryOut, tags=["day-end"])
    def report_day_end(branch_code: BranchCode, day: dt.date, counter_id: CounterId,
                       body: DayEndSummaryIn, request: Request, idempotency_key: IdemKey = None,
                       x_client_id: ClientId = None) -> JSONResponse:
        """A counter's day summary for a Beijing day, by the counter itself (its verified
        identity: certificate CN and OU, or the loopback header). It replaces the summary the
        central kept for that counter and day, unless that one was made later (``applied``
        false). 403 COUNTER_REQUIRED (a certificate without a counter OU), COUNTER_FORBIDDEN
        (another counter); 422 DAY_INVALID (before 2000-01-01 or after the central's
        tomorrow), DAY_END_DUPLICATE, DAY_END_INCONSISTENT."""
        if idempotency_key:  # a missing key is answered first, as for every mutating call
            _own_counter(identity(request), branch_code, counter_id, own_branch)

        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            get_branch(s, branch_code)
            _check_day(day)
            _check(body)
            ident = identity(request)
            made_at, now = _naive(body.made_at), utcnow()
            row = s.get(DayEndCounter, (branch_code, counter_id, day), with_for_update=True)
            applied = row is None or made_at >= row.made_at
            if row is None:
                row = DayEndCounter(branch_code=branch_code, counter_id=counter_id, day=day,
                                    made_at=made_at, received_at=now, unsent=body.unsent,
                                    dead=body.dead, caller_via=ident.via)
                s.add(row)
            elif applied:
                row.made_at, row.received_at = made_at, now
                row.unsent, row.dead, row.caller_via = body.unsent, body.dead, ident.via
            if applied:
                s.execute(delete(DayEndTeller).where(
                    DayEndTeller.branch_code == branch_code, DayEndTeller.counter_id == counter_id,
                    DayEndTeller.day == day))
                for t in body.tellers:
                    s.add(DayEndTeller(
                        branch_code=branch_code, counter_id=counter_id, day=day, teller=t.teller,
                        sessions=t.sessions, open_sessions=t.open_sessions,
                        differences=t.differences, unexplained=t.unexplained,
                        figures={"businesses": [b.model_dump() for b in t.businesses],
                                 "fees": [f.model_dump() for f in t.fees],
                                 "cards": t.cards.model_dump()}))
            s.flush()
            count = len(list(s.scalars(select(DayEndTeller.teller).where(
                DayEndTeller.branch_code == branch_code, DayEndTeller.counter_id == counter_id,
                DayEndTeller.day == day))))
            out = DayEndSummaryOut(branch_code=branch_code, counter_id=counter_id, day=day,
                                   made_at=_aware(row.made_at), received_at=_aware(row.received_at),
                                   applied=applied, tellers=count)
            return 200, out.model_dump(mode="json"), f"day-end/{counter_id}/{day}"

        return mutate(request, idempotency_key, x_client_id, body, "DAY_END_SUMMARY", handler,
                      branch_code=branch_code)

    @v1.get("/branches/{branch_code}/day-end/{day}", response_model=BranchDayEndOut,
            tags=["day-end"])
    def branch_day_end(branch_code: BranchCode, day: dt.date,
                           request: Request) -> BranchDayEndOut:
        """The branch's day-end over its counters (the caller's own branch only): the sum of
        the summaries reported, each counter with its tellers, and the counters not reported
        yet, with a session still open, or with differences unexplained. 422 DAY_INVALID."""
        own_branch(identity(request), branch_code)
        _check_day(day)
        with db.read() as s:
            get_branch(s, branch_code)
            return sum_branch(s, branch_code, day)
