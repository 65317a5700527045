"""The reference central system: FastAPI application for central API v1."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import logging
import secrets
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from central_sim import approvals, day_end, ecard, people, statistics
from central_sim import schemas as M
from central_sim import states as S
from central_sim.db import (
    Application,
    AuditHead,
    AuditHeadEvent,
    Bank,
    Batch,
    Branch,
    BranchConfig,
    Card,
    Certificate,
    CertificatePrint,
    Contribution,
    Database,
    Effect,
    Employer,
    GenericOperation,
    IdempotencyRecord,
    Notice,
    Person,
    PinResetAuthorisation,
    beijing_today,
    ten_years_on,
    utcnow,
)
from central_sim.errors import Refusal, not_found
from central_sim.faults import FaultMiddleware, FaultState
from central_sim.guard import MAX_INT, GuardMiddleware, Identity
from central_sim.idempotency import Idempotency
from central_sim.seed import TOTAL_BRANCHES, card_id_code, card_no_with_check, seed

VERSION = "1.0.0"
API = "v1"
log = logging.getLogger("central_sim")

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": M.ErrorBody} for code in (400, 401, 403, 404, 409, 413, 422, 503)
}
IdemKey = Annotated[str | None, Header(alias="Idempotency-Key", description="Required on every mutating call")]
ClientId = Annotated[str | None, Header(
    alias="X-Client-Id", max_length=49,
    description="BRANCH/COUNTER. The caller's identity on the loopback reference central "
                "without TLS (refused on any other interface); over mutual TLS the certificate "
                "decides (CN = branch, OU = counter) and a header naming another branch is 403")]
# Path parameters, bounded by the database column they are looked up in.
IdNumber = Annotated[str, Path(max_length=18)]
CardNo = Annotated[str, Path(max_length=9)]
AppId = Annotated[str, Path(max_length=40)]
BranchCode = Annotated[str, Path(max_length=16)]
CounterId = Annotated[str, Path(max_length=32)]
BatchId = Annotated[str, Path(max_length=40)]
AuthCode = Annotated[str, Path(max_length=24)]
# Pydantic error types that mean "well-formed but beyond a declared limit": 422, not 400.
LIMIT_ERRORS = {"string_too_long", "too_long", "less_than_equal", "less_than",
                "greater_than", "greater_than_equal"}


def identity(request: Request) -> Identity:
    ident = request.scope.get("state", {}).get("identity")
    if not isinstance(ident, Identity):  # the guard middleware sets it on every /v1 request
        raise Refusal(401, "CLIENT_ID_REQUIRED", "请求缺少网点身份。")
    return ident


def own_branch(ident: Identity, branch_code: str) -> None:
    """A branch acts and reads only as itself: the code in a path or body must be the caller's."""
    if branch_code != ident.branch_code:
        raise Refusal(403, "BRANCH_FORBIDDEN", "只能以本网点身份办理或查询本网点的业务。",
                      {"caller_branch": ident.branch_code})


def own_counter(ident: Identity, counter_id: str,
                message_zh: str = "只能上报本柜台的审计链头。") -> None:
    """A counter-scoped call (the audit chain heads) is made only by that counter itself, known
    from the certificate's OU or the loopback header: a branch-level certificate is refused."""
    if not ident.counter_known:
        raise Refusal(403, "COUNTER_REQUIRED",
                      "网点客户端证书未载明柜台号（OU），不能以某一柜台的身份上报或重置审计链头。",
                      {"caller_branch": ident.branch_code})
    if ident.counter_id != counter_id:
        raise Refusal(403, "COUNTER_FORBIDDEN", message_zh, {"caller_counter": ident.counter_id})


def caller_bank(s: Session, ident: Identity) -> str:
    b = s.get(Branch, ident.branch_code)
    if b is None:
        raise Refusal(403, "CALLER_BRANCH_UNKNOWN", "调用方网点不在中心系统的网点名录中。")
    return b.bank_code


def own_application(ident: Identity, app: Application) -> None:
    if app.branch_code != ident.branch_code:
        raise Refusal(403, "APPLICATION_FORBIDDEN", "该申领不属于本网点，不能办理或查询。")


CARD_NO_LOCK = 0x63617264  # pg advisory lock id ("card"): card numbers across worker processes


def central_is_sqlite(s: Session) -> bool:
    return s.get_bind().dialect.name == "sqlite"


class Central:
    """State shared by the routes: database, idempotency, faults, production simulator."""

    def __init__(self, db_url: str, *, production_step_seconds: float = 60.0,
                 branches: int | None = None, db_pool: int = 60) -> None:
        # db_pool connections per process: a third kept open, the rest on demand
        self.db = Database(db_url, pool_size=max(1, db_pool // 3),
                           max_overflow=max(0, db_pool - max(1, db_pool // 3)))
        self.branches = branches or TOTAL_BRANCHES
        widened = self.db.create_all()
        if widened:
            log.warning("widened 32-bit columns to BIGINT: %s", ", ".join(widened))
        with self.db.read() as s:
            empty = s.execute(select(func.count()).select_from(Bank)).scalar_one() == 0
        if empty:
            with self.db.write() as s:
                seed(s, self.branches)
        self.faults = FaultState()
        self.idem = Idempotency(self.db)
        self.idem.hold_seconds = lambda: self.faults.config.hold_ms / 1000
        self.production_step_seconds = production_step_seconds
        self.workers = 1  # processes serving this database (fault injection needs one)
        self._stop = threading.Event()
        self._card_seq_lock = threading.Lock()

    def reset_data(self) -> None:
        self.db.drop_all()
        self.db.create_all()
        with self.db.write() as s:
            seed(s, self.branches)

    # -- production simulator --------------------------------------------------------------
    def start_production(self) -> None:
        if self.production_step_seconds <= 0:
            return
        t = threading.Thread(target=self._production_loop, name="production", daemon=True)
        t.start()

    def stop(self) -> None:
        self._stop.set()

    def _production_loop(self) -> None:
        while not self._stop.wait(self.production_step_seconds):
            try:
                self.advance_production(min_age_seconds=self.production_step_seconds)
            except Exception:  # keep simulating; the next tick retries
                log.exception("production step failed")

    def advance_production(self, min_age_seconds: float = 0.0) -> dict[str, int]:
        """One production step: DATA_ENTRY → IN_PRODUCTION → SHIPPED (batch or EMS) / FAILED."""
        moved = {"to_production": 0, "shipped": 0, "failed": 0, "batches": 0}
        cutoff = utcnow() - dt.timedelta(seconds=min_age_seconds)
        with self.db.write() as s:
            for app in s.scalars(select(Application).where(
                    Application.state == S.IN_PRODUCTION, Application.updated_at <= cutoff)):
                if app.application_id.endswith("7") and not _failed_before(s, app):
                    # 1 id in 16 (10 random hex digits) fails, once: a re-submitted production succeeds
                    app.failure_reason = "芯片个人化失败"
                    _set_app_state(s, app, S.FAILED)
                    moved["failed"] += 1
                    continue
                app.card_no = app.card_no or self.new_card(s, app)
                moved["shipped"] += 1
                if app.collection == "EMS":
                    app.ems_tracking_no = f"EA{secrets.randbelow(10**9):09d}CN"
                    _set_app_state(s, app, S.SHIPPED)
                    continue
                batch = s.scalars(select(Batch).where(
                    Batch.branch_code == app.branch_code, Batch.state == "OPEN")).first()
                if batch is None:
                    batch = Batch(batch_id=f"BATCH-{secrets.token_hex(6).upper()}",
                                  branch_code=app.branch_code, state="OPEN")
                    s.add(batch)
                    s.flush()
                app.batch_id = batch.batch_id
                # the notice carries the card, batch or EMS number: the branch tracks from it
                _set_app_state(s, app, S.SHIPPED)
            for batch in s.scalars(select(Batch).where(Batch.state == "OPEN")):
                batch.state = "SHIPPED"
                moved["batches"] += 1
                count = s.scalar(select(func.count()).select_from(Application)
                                 .where(Application.batch_id == batch.batch_id))
                s.add(Notice(kind="BATCH_SHIPPED", branch_code=batch.branch_code,
                             ref=batch.batch_id, data={"batch_id": batch.batch_id, "count": count}))
            for app in s.scalars(select(Application).where(
                    Application.state == S.DATA_ENTRY, Application.making_mode == "FACTORY",
                    Application.updated_at <= cutoff)):
                _set_app_state(s, app, S.IN_PRODUCTION)
                moved["to_production"] += 1
        return moved

    def new_card(self, s: Session, app: Application) -> str:
        """Allocate a card number and create the card (PENDING_ACTIVATION).

        Numbers are allocated by counting: the thread lock serialises one process, and on
        PostgreSQL (several worker processes, READ COMMITTED) a transaction-level advisory
        lock serialises the workers until the allocating transaction ends, so the next count
        sees the card just made instead of colliding with it (a 500 before)."""
        with self._card_seq_lock:
            if not central_is_sqlite(s):
                s.execute(select(func.pg_advisory_xact_lock(CARD_NO_LOCK)))
            n = (s.scalar(select(func.count()).select_from(Card)) or 0) + 100
            while True:
                no = card_no_with_check(f"NC{n:06d}")
                if s.get(Card, no) is None:
                    break
                n += 1
            person = s.get(Person, app.id_number)
            assert person is not None
            today = beijing_today()
            account = None
            if app.kind == "EXCHANGE_SAME_NUMBER" and app.old_card_no:
                old = s.get(Card, app.old_card_no)
                account = old.bank_account_no if old else None
            s.add(Card(
                card_no=no, id_number=app.id_number, card_id_code=card_id_code(no),
                bank_code=app.bank_code,
                bank_account_no=account or ("6222" + hashlib.sha256(no.encode()).hexdigest()[:15]
                                            .translate(str.maketrans("abcdef", "123456"))),
                issued_on=today, expires_on=ten_years_on(today),
                card_state=S.PENDING, application_id=app.application_id,
            ))
            s.flush()
            return no


def _set_app_state(s: Session, app: Application, target: str) -> None:
    S.check_application(app.state, target)
    app.state = target
    app.updated_at = utcnow()
    data: dict[str, Any] = {"application_id": app.application_id, "state": target}
    # what the branch shows besides the state (tracking: card, batch, EMS number, the reason)
    for key in ("card_no", "batch_id", "ems_tracking_no", "failure_reason"):
        if getattr(app, key, None):
            data[key] = getattr(app, key)
    s.add(Notice(kind="APPLICATION_STATE", branch_code=app.branch_code, ref=app.application_id,
                 data=data))


def _failed_before(s: Session, app: Application) -> bool:
    """Whether this application's production failed once already (its notices say so)."""
    return any(n.data.get("state") == S.FAILED for n in s.scalars(select(Notice).where(
        Notice.kind == "APPLICATION_STATE", Notice.ref == app.application_id)))


def _is_minor(p: Person, today: dt.date | None = None) -> bool:
    d = today or beijing_today()
    b = p.birth_date
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day)) < 18


CERTIFICATE_MAX_MONTHS = 48  # calendar months a certificate's chosen period may span


def certificate_period(first: str | None, last: str | None,
                       now: dt.datetime) -> tuple[str, str] | None:
    """A certificate's chosen period (both months or neither): within the central's limits."""
    if first is None and last is None:
        return None
    china = now + dt.timedelta(hours=8)  # ``now`` is naive UTC; months are Beijing's
    current = f"{china.year}{china.month:02d}"
    span = (0 if first is None or last is None else
            (int(last[:4]) - int(first[:4])) * 12 + int(last[4:]) - int(first[4:]) + 1)
    if first is None or last is None or span < 1 or span > CERTIFICATE_MAX_MONTHS or last > current:
        raise Refusal(422, "CERTIFICATE_PERIOD_INVALID",
                      f"证明期间须同时给出起止月份，起始不晚于截止，截止不晚于本月（{current}），"
                      f"且不超过{CERTIFICATE_MAX_MONTHS}个月。",
                      {"max_months": CERTIFICATE_MAX_MONTHS, "latest": current})
    return first, last


def person_out(p: Person) -> M.PersonOut:
    return M.PersonOut(
        id_number=p.id_number, name=p.name, sex=p.sex, nation=p.nation, birth_date=p.birth_date,  # type: ignore[arg-type]
        household_region=p.household_region, local_household=p.local_household,
        nonlocal_entitled=p.nonlocal_entitled, minor=_is_minor(p),
        guardian_id_number=p.guardian_id_number, social_security_no=p.social_security_no,
    )


def card_out(c: Card) -> M.CardOut:
    return M.CardOut(
        card_no=c.card_no, id_number=c.id_number, bank_code=c.bank_code, card_state=c.card_state,
        social_state=c.social_state, financial_state=c.financial_state, damaged=c.damaged,
        issued_on=c.issued_on, expires_on=c.expires_on, temp_loss_until=c.temp_loss_until,
        replacement_applied=c.replaced_by_application is not None, application_id=c.application_id,
    )


def app_out(a: Application) -> M.ApplicationOut:
    return M.ApplicationOut(
        application_id=a.application_id, id_number=a.id_number, kind=a.kind, state=a.state,
        state_zh=S.STATE_NAMES_ZH.get(a.state, a.state), making_mode=a.making_mode,
        collection=a.collection, bank_code=a.bank_code, branch_code=a.branch_code,
        card_no=a.card_no, old_card_no=a.old_card_no, batch_id=a.batch_id,
        ems_tracking_no=a.ems_tracking_no, failure_reason=a.failure_reason, fee_fen=a.fee_fen,
        created_at=a.created_at, updated_at=a.updated_at,
    )


def mask_name(name: str) -> str:
    """张三丰 → 张*丰, 李明 → 李* (the counter's printing rule: first and, from three
    characters, last kept) — what a verifier may see of a certificate's person."""
    value = name.strip()
    if len(value) <= 1:
        return value
    return value[0] + "*" * (len(value) - 2) + value[-1] if len(value) > 2 else value[0] + "*"


def mask_id_number(number: str) -> str:
    """330203198506122017 → 330203********2017 (region code and last 4 kept)."""
    value = number.strip().upper()
    if len(value) > 10:
        return value[:6] + "*" * (len(value) - 10) + value[-4:]
    return "*" * max(0, len(value) - 4) + value[-4:]


def _dump(m: BaseModel) -> dict[str, Any]:
    return m.model_dump(mode="json")


def _get_person(s: Session, id_number: str, lock: bool = False) -> Person:
    """``lock``: hold the person's row to the end of the transaction, so that two requests
    that may each open an application for the person (a new one, a re-submitted failed one)
    check "one open application per person" one after the other (PostgreSQL workers)."""
    p = s.get(Person, id_number, with_for_update=lock)
    if p is None:
        raise not_found("该身份证号码的参保人员", "PERSON_NOT_FOUND")
    return p


def _get_card(s: Session, card_no: str, lock: bool = False) -> Card:
    c = s.get(Card, card_no, with_for_update=lock)
    if c is None:
        raise not_found("该社保卡", "CARD_NOT_FOUND")
    return c


def _get_branch(s: Session, code: str) -> Branch:
    b = s.get(Branch, code)
    if b is None:
        raise Refusal(404, "BRANCH_UNKNOWN", "网点编号不存在，请检查网点配置。")
    return b


def _get_app(s: Session, app_id: str, lock: bool = False) -> Application:
    a = s.get(Application, app_id, with_for_update=lock)
    if a is None:
        raise not_found("该申领记录", "APPLICATION_NOT_FOUND")
    return a


OPEN_APP_STATES = (S.DATA_ENTRY, S.IN_PRODUCTION, S.SHIPPED, S.BRANCH_RECEIVED, S.MARKED,
                   S.PERSONALISED, S.ISSUED_NOT_ACTIVATED)


def eligibility(s: Session, p: Person, bank_code: str | None) -> M.EligibilityOut:
    reasons: list[M.Reason] = []
    if not p.local_household and not p.nonlocal_entitled:
        reasons.append(M.Reason(code="NOT_ENTITLED",
                                message_zh="非宁波户籍且未在宁波参保，不符合申领条件。"))
    active = s.scalars(select(Card).where(
        Card.id_number == p.id_number, Card.card_state.in_([S.ACTIVE, S.PENDING, S.SEALED]))).first()
    if active is not None:
        reasons.append(M.Reason(code="ALREADY_HAS_CARD",
                                message_zh=f"已有社保卡（{active.card_no}），一人一卡，请办理补换卡。"))
    open_app = s.scalars(select(Application).where(
        Application.id_number == p.id_number, Application.state.in_(OPEN_APP_STATES))).first()
    if open_app is not None:
        reasons.append(M.Reason(code="APPLICATION_IN_PROGRESS",
                                message_zh=f"已有进行中的申领（{S.STATE_NAMES_ZH[open_app.state]}），不能重复申领。"))
    if bank_code is not None and s.get(Bank, bank_code) is None:
        reasons.append(M.Reason(code="BANK_UNKNOWN", message_zh="所选银行不是合作银行。"))
    return M.EligibilityOut(
        id_number=p.id_number, eligible=not reasons, needs_guardian=_is_minor(p),
        active_card_no=active.card_no if active else None,
        open_application_id=open_app.application_id if open_app else None, reasons=reasons,
    )


def _new_app_id() -> str:
    return f"APP-{utcnow():%Y%m%d}-{secrets.token_hex(5).upper()}"


def create_app(db_url: str, *, production_step_seconds: float = 60.0,
               access_log: bool = False, admin: bool = True, branches: int | None = None,
               db_pool: int = 60, thread_limit: int | None = None,
               workers: int = 1) -> FastAPI:
    central = Central(db_url, production_step_seconds=production_step_seconds,
                      branches=branches, db_pool=db_pool)
    central.workers = workers

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if thread_limit:  # sync routes run in anyio's pool; its size is per event loop
            import anyio.to_thread

            anyio.to_thread.current_default_thread_limiter().total_tokens = thread_limit
        central.start_production()
        yield
        central.stop()

    api = FastAPI(
        lifespan=lifespan,
        generate_unique_id_function=lambda route: route.name,
        title="宁波社保卡中心系统 API (reference central)",
        version=VERSION,
        description=(
            "Central API v1 between bank counters and the city's social security card platform. "
            "Every mutating call requires an Idempotency-Key: a replay returns the stored result "
            "(errors included), a concurrent duplicate gets 409, a reused key with a different "
            "payload 422, a missing key 400. Errors carry a stable code and a Chinese message."
        ),
        responses=ERRORS,
    )
    api.state.central = central
    v1 = APIRouter(prefix="/v1")

    @api.exception_handler(Refusal)
    async def _refusal(_req: Request, exc: Refusal) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @api.exception_handler(RequestValidationError)
    async def _invalid(req: Request, exc: RequestValidationError) -> JSONResponse:
        if req.method in ("POST", "PUT", "PATCH", "DELETE") and not req.headers.get(
                "Idempotency-Key"):
            missing = Refusal(400, "IDEMPOTENCY_KEY_MISSING",
                              "请求缺少幂等键（Idempotency-Key），中心系统拒绝处理。")
            return JSONResponse(missing.body(), status_code=400)
        errors = exc.errors()
        fields = [".".join(str(p) for p in e.get("loc", ())) for e in errors]
        if errors and all(e.get("type") in LIMIT_ERRORS for e in errors):
            body = Refusal(422, "LIMIT_EXCEEDED", "请求中的数值或文本超出允许范围。",
                           {"fields": fields}).body()
            return JSONResponse(body, status_code=422)
        body = Refusal(400, "INVALID_REQUEST", "请求内容格式不正确。", {"fields": fields}).body()
        return JSONResponse(body, status_code=400)

    @api.exception_handler(StarletteHTTPException)
    async def _http_error(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Starlette's own answers (bad body encoding, unknown path, wrong method) in the
        # contract's shape, never {"detail": ...}
        codes = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "REQUEST_TOO_LARGE"}
        code = codes.get(exc.status_code, "INVALID_REQUEST")
        body = Refusal(exc.status_code, code, "请求无法处理：" + (
            "地址不存在。" if exc.status_code == 404 else "请求格式不正确。")).body()
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    @api.exception_handler(Exception)
    async def _unexpected(_req: Request, _exc: Exception) -> JSONResponse:
        # a bug still answers in the contract's shape (5xx: the counter retries)
        body = Refusal(500, "CENTRAL_INTERNAL_ERROR", "中心系统内部错误，请稍后重试。").body()
        return JSONResponse(body, status_code=500)

    @api.exception_handler(RecursionError)
    async def _too_deep(_req: Request, _exc: RecursionError) -> JSONResponse:
        body = Refusal(400, "INVALID_REQUEST", "请求内容嵌套过深。").body()
        return JSONResponse(body, status_code=400)

    def mutate(request: Request, key: str | None, client: str | None, payload: BaseModel | None,
               operation: str, handler: Any, branch_code: str | None = None,
               counter_id: str | None = None) -> JSONResponse:
        del client  # the header was read by the guard; only the verified identity counts
        ident = identity(request)
        if not key:  # the same answer as before any identity check: the request is incomplete
            raise Refusal(400, "IDEMPOTENCY_KEY_MISSING",
                          "请求缺少幂等键（Idempotency-Key），中心系统拒绝处理。")
        for code in (branch_code, getattr(payload, "branch_code", None)):
            if code is not None:
                own_branch(ident, code)
        if counter_id is not None:
            own_counter(ident, counter_id)
        status, body, replayed = central.idem.run(
            key=key, client_id=ident.client_key, method=request.method,
            path=request.url.path, payload=_dump(payload) if payload is not None else {},
            operation=operation, handler=handler,
        )
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        return JSONResponse(body, status_code=status, headers=headers)

    # -- health -------------------------------------------------------------------------------
    @api.get("/health", response_model=M.Health, tags=["health"])
    def health() -> M.Health:
        return M.Health(status="ok", server_time=dt.datetime.now(dt.UTC), version=VERSION, api=API)

    # -- persons ------------------------------------------------------------------------------
    @v1.get("/persons/{id_number}", response_model=M.PersonOut, tags=["persons"])
    def get_person(id_number: IdNumber) -> M.PersonOut:
        with central.db.read() as s:
            return person_out(_get_person(s, id_number))

    @v1.get("/persons/{id_number}/eligibility", response_model=M.EligibilityOut, tags=["persons"])
    def get_eligibility(id_number: IdNumber,
                        bank_code: Annotated[str | None, Query(max_length=16)] = None
                        ) -> M.EligibilityOut:
        with central.db.read() as s:
            return eligibility(s, _get_person(s, id_number), bank_code)

    @v1.get("/persons/{id_number}/cards", response_model=list[M.CardOut], tags=["cards"])
    def person_cards(id_number: IdNumber) -> list[M.CardOut]:
        with central.db.read() as s:
            _get_person(s, id_number)
            return [card_out(c) for c in s.scalars(
                select(Card).where(Card.id_number == id_number).order_by(Card.issued_on))]

    @v1.get("/persons/{id_number}/applications", response_model=list[M.ApplicationOut],
            tags=["applications"])
    def person_apps(id_number: IdNumber, request: Request) -> list[M.ApplicationOut]:
        """Only the applications made at the caller's own bank (any of its branches): other
        banks' applications are theirs; eligibility still names an open one elsewhere."""
        with central.db.read() as s:
            bank = caller_bank(s, identity(request))
            _get_person(s, id_number)
            return [app_out(a) for a in s.scalars(
                select(Application).where(Application.id_number == id_number,
                                          Application.bank_code == bank)
                .order_by(Application.created_at))]

    @v1.post("/persons/{id_number}/data-changes", response_model=people.DataChangeOut,
             tags=["persons"])
    def data_change(id_number: IdNumber, body: M.DataChangeIn, request: Request,
                    idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        """Phone, address, education, marital status without proof; work-start and birth
        date with the records named (proof.records); name, ID number and sex with the ID card
        read and a police or court paper (proof.id_card_read, paper_kind, paper_no)."""
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            _get_person(s, id_number)
            _get_branch(s, body.branch_code)
            people.check_proof(body.changes, body.proof)  # central_sim/people.py: proof levels
            op_id = f"OP-{secrets.token_hex(8).upper()}"
            p = s.get(Person, id_number, with_for_update=True)
            assert p is not None
            new_card, new_id = people.apply_data_change(s, p, body.changes, body.proof)
            now = utcnow()
            s.add(GenericOperation(operation_id=op_id, kind="DATA_CHANGE",
                                   branch_code=body.branch_code, subject_ref=id_number,
                                   payload={"fields": sorted(body.changes)},
                                   seq_in_subject=body.client_seq, received_at=now))
            return 200, _dump(people.DataChangeOut(
                operation_id=op_id, received_at=now, fields=sorted(body.changes),
                new_card_required=new_card, new_id_number=new_id)), op_id

        return mutate(request, idempotency_key, x_client_id, body, "DATA_CHANGE", handler)

    # -- cards --------------------------------------------------------------------------------
    @v1.get("/cards/{card_no}", response_model=M.CardOut, tags=["cards"])
    def get_card(card_no: CardNo) -> M.CardOut:
        with central.db.read() as s:
            return card_out(_get_card(s, card_no))

    def _same_bank(branch: Branch, card: Card, what_zh: str) -> None:
        if branch.bank_code != card.bank_code:
            raise Refusal(409, "WRONG_BANK",
                          f"{what_zh}须在发卡银行网点办理：该卡属于{card.bank_code}，本网点属于{branch.bank_code}。",
                          {"card_bank": card.bank_code, "branch_bank": branch.bank_code})

    @v1.post("/cards/{card_no}/loss", response_model=M.CardOut, tags=["cards"])
    def formal_loss(card_no: CardNo, body: M.LossIn, request: Request,
                    idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            _get_branch(s, body.branch_code)
            c = _get_card(s, card_no, lock=True)
            S.check_in_use(c.card_state, "挂失")
            for f in dict.fromkeys(body.functions):
                attr = f"{f}_state"
                S.check_function(f, getattr(c, attr), S.LOST)
                setattr(c, attr, S.LOST)
            c.temp_loss_until = None
            c.updated_at = utcnow()
            return 200, _dump(card_out(c)), card_no

        return mutate(request, idempotency_key, x_client_id, body, "FORMAL_LOSS", handler)

    @v1.post("/cards/{card_no}/deloss", response_model=M.CardOut, tags=["cards"])
    def deloss(card_no: CardNo, body: M.LossIn, request: Request,
               idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            branch = _get_branch(s, body.branch_code)
            c = _get_card(s, card_no, lock=True)
            if c.replaced_by_application is not None:
                raise Refusal(409, "REPLACEMENT_APPLIED", "该卡已申请补卡，正式挂失不可撤销，不能解挂。")
            _same_bank(branch, c, "解挂")
            S.check_in_use(c.card_state, "解挂")  # a sealed, voided or cancelled card stays so
            for f in dict.fromkeys(body.functions):
                attr = f"{f}_state"
                if getattr(c, attr) not in (S.LOST, S.TEMP_LOST):
                    raise Refusal(409, "NOT_LOST", "该卡此功能未挂失，无需解挂。",
                                  {"function": f, "state": getattr(c, attr)})
                S.check_function(f, getattr(c, attr), S.NORMAL)
                setattr(c, attr, S.NORMAL)
            c.temp_loss_until = None
            c.updated_at = utcnow()
            return 200, _dump(card_out(c)), card_no

        return mutate(request, idempotency_key, x_client_id, body, "DELOSS", handler)

    def _photo_on_file(s: Session, c: Card) -> str:
        """No new photo sent: the photo of the card being replaced ("" when none on file)."""
        made = s.get(Application, c.application_id) if c.application_id else None
        return made.photo_sha256 if made is not None else ""

    @v1.post("/cards/{card_no}/replacement", response_model=M.ApplicationOut, tags=["cards"])
    def replacement(card_no: CardNo, body: M.ReplacementIn, request: Request,
                    idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            branch = _get_branch(s, body.branch_code)
            c = _get_card(s, card_no, lock=True)
            _same_bank(branch, c, "补换卡")
            if c.replaced_by_application is not None:
                raise Refusal(409, "REPLACEMENT_APPLIED", "该卡已办理过补换卡。")
            S.check_card(c.card_state, S.CANCELLED)  # the table first (a voided or closed card)
            if body.reason == "LOST" and S.LOST not in (c.social_state, c.financial_state):
                raise Refusal(409, "NEED_FORMAL_LOSS", "补领挂失卡前须先办理正式挂失。")
            if body.reason == "DAMAGED" and S.LOST in (c.social_state, c.financial_state):
                raise Refusal(409, "CARD_IS_LOST", "该卡已正式挂失，请按挂失补卡办理。")
            # same-number exchange keeps the bank account: for a lost card too (Ningbo), only
            # at a branch that offers it
            if body.same_number and not branch.same_number_exchange:
                raise Refusal(409, "SAME_NUMBER_NOT_ALLOWED",
                              "本网点未开通同号换卡，请选择换发新卡号，或到开通同号换卡的网点办理。")
            if body.making_mode == "INSTANT" and not branch.instant_issue:
                raise Refusal(409, "BRANCH_NOT_INSTANT", "本网点不是即办网点，只能集中制卡。")
            cfg = s.get(BranchConfig, branch.code)
            kind = ("EXCHANGE_SAME_NUMBER" if body.same_number else
                    "REPLACEMENT_LOST" if body.reason == "LOST" else "EXCHANGE_DAMAGED")
            app = Application(
                application_id=_new_app_id(), id_number=c.id_number, bank_code=c.bank_code,
                branch_code=branch.code, kind=kind, making_mode=body.making_mode,
                collection=body.collection, ems_address=body.ems_address,
                photo_sha256=body.photo_sha256 or _photo_on_file(s, c), old_card_no=c.card_no,
                state=S.DATA_ENTRY, fee_fen=cfg.replacement_fee_fen if cfg else 0,
            )
            s.add(app)
            c.replaced_by_application = app.application_id
            c.card_state = S.CANCELLED  # the old card number is cancelled
            c.updated_at = utcnow()
            s.flush()
            return 200, _dump(app_out(app)), app.application_id

        return mutate(request, idempotency_key, x_client_id, body, "REPLACEMENT", handler)

    @v1.post("/cards/{card_no}/activation", response_model=M.CardOut, tags=["cards"])
    def activation(card_no: CardNo, body: M.BranchAction, request: Request,
                   idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            branch = _get_branch(s, body.branch_code)
            c = _get_card(s, card_no, lock=True)
            if c.bank_code != branch.bank_code:
                raise Refusal(403, "CARD_FORBIDDEN", "该卡不是本行发行的卡，不能在本网点启用。")
            S.check_card(c.card_state, S.ACTIVE)
            c.card_state = S.ACTIVE
            c.updated_at = utcnow()
            if c.application_id:
                app = s.get(Application, c.application_id)
                if app is not None and app.state != S.ACTIVATED:
                    _set_app_state(s, app, S.ACTIVATED)
            return 200, _dump(card_out(c)), card_no

        return mutate(request, idempotency_key, x_client_id, body, "ACTIVATION", handler)

    @v1.post("/cards/{card_no}/pin-reset-authorisations", response_model=M.PinResetOut,
             tags=["cards"])
    def pin_reset(card_no: CardNo, body: M.PinResetIn, request: Request,
                  idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            branch = _get_branch(s, body.branch_code)
            c = _get_card(s, card_no, lock=True)
            S.check_pin_card(c.card_state)
            if body.function == "financial":
                _same_bank(branch, c, "银行密码重置")
            attr = f"{body.function}_state"
            if getattr(c, attr) in (S.LOST, S.TEMP_LOST):
                raise Refusal(409, "CARD_IS_LOST", "该卡已挂失，请先解挂再重置密码。",
                              {"function": body.function, "state": getattr(c, attr)})
            if getattr(c, attr) == S.LOCKED:
                S.check_function(body.function, S.LOCKED, S.NORMAL)
                setattr(c, attr, S.NORMAL)
            now = utcnow()
            auth = PinResetAuthorisation(
                authorisation_id=f"PRA-{secrets.token_hex(8).upper()}", card_no=card_no,
                branch_code=branch.code, function=body.function, created_at=now,
                valid_until=now + dt.timedelta(minutes=10))
            s.add(auth)
            out = M.PinResetOut(authorisation_id=auth.authorisation_id, card_no=card_no,
                                function=body.function, valid_until=auth.valid_until)
            return 200, _dump(out), auth.authorisation_id

        return mutate(request, idempotency_key, x_client_id, body, "PIN_RESET_AUTH", handler)

    @v1.post("/cards/{card_no}/pin-lock", response_model=M.CardOut, tags=["cards"])
    def pin_lock(card_no: CardNo, body: M.PinLockIn, request: Request,
                 idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        """A counter reports that the chip answered "PIN blocked" (wrong PIN tries): the
        function goes to 应用锁定 (LOCKED) per the state table; reporting a locked function
        again changes nothing (200). No PIN is sent. Refusals: a card awaiting activation has
        no PIN (409 CARD_NOT_ACTIVE); a sealed, voided or cancelled card 409 CARD_NOT_IN_USE; a
        lost function 409 FUNCTION_STATE_CONFLICT; the financial function only at the card's
        own bank (409 WRONG_BANK). A PIN reset authorisation returns it to NORMAL."""
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            branch = _get_branch(s, body.branch_code)
            c = _get_card(s, card_no, lock=True)
            if c.card_state == S.PENDING:
                raise Refusal(409, "CARD_NOT_ACTIVE", "该卡尚未启用（领卡未激活），尚无密码，不能锁定。",
                              {"card_state": c.card_state})
            S.check_in_use(c.card_state, "锁定密码")
            if body.function == "financial":
                _same_bank(branch, c, "银行密码锁定")
            attr = f"{body.function}_state"
            if getattr(c, attr) != S.LOCKED:
                S.check_function(body.function, getattr(c, attr), S.LOCKED)
                setattr(c, attr, S.LOCKED)
                c.updated_at = utcnow()
            return 200, _dump(card_out(c)), card_no

        return mutate(request, idempotency_key, x_client_id, body, "PIN_LOCK", handler)

    # -- applications ---------------------------------------------------------------------------
    @v1.post("/applications", response_model=M.ApplicationOut, tags=["applications"])
    def submit_application(body: M.ApplicationIn, request: Request,
                           idempotency_key: IdemKey = None,
                           x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            branch = _get_branch(s, body.branch_code)
            p = _get_person(s, body.id_number, lock=True)
            if branch.bank_code != body.bank_code:
                raise Refusal(409, "WRONG_BANK", "在银行网点申领时，所选银行须为本网点所属银行。")
            if body.making_mode == "INSTANT" and not branch.instant_issue:
                raise Refusal(409, "BRANCH_NOT_INSTANT", "本网点不是即办网点，只能集中制卡。")
            if body.collection == "EMS" and not body.ems_address:
                raise Refusal(400, "EMS_ADDRESS_MISSING", "选择邮寄到家时须填写邮寄地址。")
            el = eligibility(s, p, body.bank_code)
            if not el.eligible:
                first = el.reasons[0]
                raise Refusal(409, first.code, first.message_zh)
            if _is_minor(p):
                if body.guardian_id_number is None:
                    raise Refusal(409, "GUARDIAN_REQUIRED", "未成年人申领须由监护人携带监护关系证明办理。")
                if p.guardian_id_number != body.guardian_id_number:
                    raise Refusal(409, "GUARDIAN_MISMATCH", "监护人与中心登记的监护关系不符，请核对户口本。")
            app = Application(
                application_id=_new_app_id(), id_number=p.id_number,
                guardian_id_number=body.guardian_id_number, bank_code=body.bank_code,
                branch_code=branch.code, kind="NEW", making_mode=body.making_mode,
                collection=body.collection, ems_address=body.ems_address,
                photo_sha256=body.photo_sha256, state=S.DATA_ENTRY, fee_fen=0,
            )
            s.add(app)
            s.flush()
            return 200, _dump(app_out(app)), app.application_id

        return mutate(request, idempotency_key, x_client_id, body, "APPLICATION", handler)

    @v1.get("/applications/{application_id}", response_model=M.ApplicationOut, tags=["applications"])
    def get_application(application_id: AppId, request: Request) -> M.ApplicationOut:
        with central.db.read() as s:
            bank = caller_bank(s, identity(request))
            app = _get_app(s, application_id)
            if app.bank_code != bank:  # the other branches of the same bank may follow it
                raise Refusal(403, "APPLICATION_FORBIDDEN", "该申领不是本行网点受理的，不能查询。")
            return app_out(app)

    @v1.post("/applications/{application_id}/cancel", response_model=M.ApplicationOut,
             tags=["applications"])
    def cancel_application(application_id: AppId, body: M.CancelIn, request: Request,
                           idempotency_key: IdemKey = None,
                           x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            app = _get_app(s, application_id, lock=True)
            own_application(ident, app)
            if app.state in (S.IN_PRODUCTION,):
                raise Refusal(409, "ALREADY_IN_PRODUCTION", "该申领已进入制卡环节，不能撤销。")
            if app.state in (S.SHIPPED, S.BRANCH_RECEIVED) and app.batch_id:
                raise Refusal(409, "ALREADY_IN_BATCH", "该卡已在制卡批次中，不能撤销。")
            if app.state == S.MARKED:
                raise Refusal(409, "BLANK_CARD_MARKED", "该申领已分配空白卡，请先撤销即时制卡。")
            # a cancelled replacement does not un-cancel the old card: formal loss is final
            _set_app_state(s, app, S.APP_CANCELLED)
            return 200, _dump(app_out(app)), application_id

        ident = identity(request)
        return mutate(request, idempotency_key, x_client_id, body, "APPLICATION_CANCEL", handler)

    @v1.post("/applications/{application_id}/resubmit", response_model=M.ApplicationOut,
             tags=["applications"])
    def resubmit_application(application_id: AppId, body: M.ResubmitIn, request: Request,
                             idempotency_key: IdemKey = None,
                             x_client_id: ClientId = None) -> JSONResponse:
        """A failed production (制卡失败) goes back to production on the same application: the
        person's data and photo are the central's already; the reason is cleared."""
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            app = _get_app(s, application_id, lock=True)
            own_application(ident, app)
            if app.state != S.FAILED:
                raise Refusal(409, "NOT_FAILED",
                              f"申领当前状态为“{S.STATE_NAMES_ZH.get(app.state, app.state)}”，"
                              "只有制卡失败的申领可以重新制卡。")
            _get_person(s, app.id_number, lock=True)  # as a new application does
            other = s.scalars(select(Application).where(
                Application.id_number == app.id_number,
                Application.application_id != app.application_id,
                Application.state.in_(OPEN_APP_STATES))).first()
            if other is not None:
                raise Refusal(409, "APPLICATION_IN_PROGRESS",
                              "该人员已有其他进行中的申领，不能重新制卡；请撤销本申领。",
                              {"open_application_id": other.application_id})
            app.failure_reason = None
            _set_app_state(s, app, S.DATA_ENTRY)
            return 200, _dump(app_out(app)), application_id

        ident = identity(request)
        return mutate(request, idempotency_key, x_client_id, body, "APPLICATION_RESUBMIT", handler)

    @v1.post("/applications/{application_id}/seal", response_model=M.SealOut,
             tags=["applications"])
    def seal_card(application_id: AppId, body: M.SealIn, request: Request,
                  idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        """An uncollected card returned by the branch that received it is sealed (封存): it
        can no longer be handed out or activated at a branch."""
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            app = _get_app(s, application_id, lock=True)
            own_application(ident, app)
            if app.card_no != body.card_no:
                raise Refusal(409, "CARD_NOT_OF_APPLICATION", "卡号与该申领制作的卡不一致。")
            if app.state != S.BRANCH_RECEIVED:
                raise Refusal(409, "NOT_IN_BRANCH_CUSTODY",
                              f"申领当前状态为“{S.STATE_NAMES_ZH.get(app.state, app.state)}”，"
                              "只有网点签收未领取的卡可以退回封存。")
            card = _get_card(s, body.card_no, lock=True)
            S.check_card(card.card_state, S.SEALED)
            card.card_state = S.SEALED
            card.updated_at = utcnow()
            s.add(Notice(kind="CARD_SEALED", branch_code=app.branch_code, ref=app.application_id,
                         data={"application_id": app.application_id, "card_no": card.card_no,
                               "sealing_list_id": body.sealing_list_id}))
            out = M.SealOut(application_id=app.application_id, card_no=card.card_no,
                            card_state=card.card_state, sealing_list_id=body.sealing_list_id,
                            sealed_at=card.updated_at)
            return 200, _dump(out), application_id

        ident = identity(request)
        return mutate(request, idempotency_key, x_client_id, body, "CARD_SEAL", handler)

    @v1.post("/applications/{application_id}/handout", response_model=M.ApplicationOut,
             tags=["applications"])
    def handout(application_id: AppId, body: M.BranchAction, request: Request,
                idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            app = _get_app(s, application_id, lock=True)
            if app.bank_code != _get_branch(s, body.branch_code).bank_code:
                raise Refusal(403, "APPLICATION_FORBIDDEN", "该申领不是本行网点受理的，不能发卡。")
            if app.branch_code != body.branch_code and app.collection == "BRANCH":
                raise Refusal(409, "WRONG_BRANCH", "该卡不在本网点领取。")
            made = s.get(Card, app.card_no) if app.card_no else None
            if made is not None and made.card_state == S.SEALED:
                raise Refusal(409, "CARD_SEALED",  # the counter's table says the same (card_states)
                              "该卡超期未领，已退回中心封存，网点不能发放或启用：启封由中心办理，"
                              "请持卡人联系中心启封，卡片退回网点后再办理领卡启用。",
                              {"card_state": made.card_state})
            lost = {S.LOST, S.TEMP_LOST}
            if made is not None and lost & {made.social_state, made.financial_state}:
                raise Refusal(409, "CARD_IS_LOST",
                              "该卡在领取前已挂失，不能发放：请持卡人办理补卡（挂失补领）。")
            _set_app_state(s, app, S.ISSUED_NOT_ACTIVATED)
            return 200, _dump(app_out(app)), application_id

        return mutate(request, idempotency_key, x_client_id, body, "HANDOUT", handler)

    # -- instant issuance ---------------------------------------------------------------------
    @v1.post("/instant-issuance/{application_id}/mark", response_model=M.MarkOut,
             tags=["instant-issuance"])
    def mark_blank(application_id: AppId, body: M.MarkIn, request: Request,
                   idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            branch = _get_branch(s, body.branch_code)
            app = _get_app(s, application_id, lock=True)
            if app.making_mode != "INSTANT" or not branch.instant_issue:
                raise Refusal(409, "NOT_INSTANT", "该申领不是即时制卡，或本网点不是即办网点。")
            own_application(ident, app)
            _set_app_state(s, app, S.MARKED)
            app.blank_serial = body.blank_serial
            app.card_no = central.new_card(s, app)
            out = M.MarkOut(application_id=application_id, card_no=app.card_no,
                            blank_serial=body.blank_serial, state=app.state)
            return 200, _dump(out), application_id

        ident = identity(request)
        return mutate(request, idempotency_key, x_client_id, body, "INSTANT_MARK", handler)

    @v1.get("/instant-issuance/{application_id}/personalisation",
            response_model=M.PersonalisationOut, tags=["instant-issuance"])
    def personalisation(application_id: AppId, request: Request) -> M.PersonalisationOut:
        with central.db.read() as s:
            app = _get_app(s, application_id)
            own_application(identity(request), app)
            if app.state != S.MARKED or not app.card_no:
                raise Refusal(409, "NOT_MARKED", "该申领尚未分配空白卡，不能获取制卡数据。")
            c = _get_card(s, app.card_no)
            p = _get_person(s, app.id_number)
            assert c.issued_on and c.expires_on
            return M.PersonalisationOut(
                application_id=application_id, card_no=c.card_no, card_id_code=c.card_id_code,
                id_number=p.id_number, name=p.name, sex=p.sex, nation=p.nation,
                birth_date=p.birth_date, city_code="330200", issued_on=c.issued_on,
                expires_on=c.expires_on, bank_code=c.bank_code, bank_account_no=c.bank_account_no,
                spec_version=c.spec_version, algorithm=c.algorithm, photo_sha256=app.photo_sha256,
            )

    @v1.post("/instant-issuance/{application_id}/result", response_model=M.ApplicationOut,
             tags=["instant-issuance"])
    def issuance_result(application_id: AppId, body: M.IssuanceResultIn, request: Request,
                        idempotency_key: IdemKey = None,
                        x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            app = _get_app(s, application_id, lock=True)
            own_application(ident, app)
            if app.blank_serial != body.blank_serial:
                raise Refusal(409, "BLANK_SERIAL_MISMATCH", "上报的空白卡序号与分配的不一致。")
            if body.outcome == "SUCCESS":
                _set_app_state(s, app, S.PERSONALISED)
            else:  # spoiled blank: void the card number, the application may mark a new blank
                if app.card_no:
                    c = _get_card(s, app.card_no, lock=True)
                    S.check_card(c.card_state, S.VOID)
                    c.card_state = S.VOID
                _set_app_state(s, app, S.DATA_ENTRY)
                app.card_no = None
                app.blank_serial = None
            return 200, _dump(app_out(app)), application_id

        ident = identity(request)
        return mutate(request, idempotency_key, x_client_id, body, "INSTANT_RESULT", handler)

    @v1.post("/instant-issuance/{application_id}/cancel", response_model=M.ApplicationOut,
             tags=["instant-issuance"])
    def cancel_issuance(application_id: AppId, body: M.CancelIn, request: Request,
                        idempotency_key: IdemKey = None,
                        x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            app = _get_app(s, application_id, lock=True)
            own_application(ident, app)
            if app.state != S.MARKED:
                raise Refusal(409, "NOT_MARKED", "该申领没有待撤销的即时制卡。")
            if app.card_no:
                c = _get_card(s, app.card_no, lock=True)
                S.check_card(c.card_state, S.VOID)
                c.card_state = S.VOID
            _set_app_state(s, app, S.DATA_ENTRY)
            app.card_no = None
            app.blank_serial = None
            return 200, _dump(app_out(app)), application_id

        ident = identity(request)
        return mutate(request, idempotency_key, x_client_id, body, "INSTANT_CANCEL", handler)

    # -- production batches -------------------------------------------------------------------
    def batch_out(s: Session, b: Batch) -> M.BatchOut:
        items = [M.BatchItem(application_id=a.application_id, card_no=a.card_no,
                             id_number=a.id_number, state=a.state)
                 for a in s.scalars(select(Application).where(Application.batch_id == b.batch_id))]
        differences = [M.BatchDifference(**d) for n in s.scalars(select(Notice).where(
            Notice.kind == "BATCH_DIFFERENCES", Notice.ref == b.batch_id))
            for d in n.data.get("differences", [])]
        return M.BatchOut(batch_id=b.batch_id, branch_code=b.branch_code, state=b.state,  # type: ignore[arg-type]
                          created_at=b.created_at, received_at=b.received_at, items=items,
                          differences=differences)

    @v1.get("/branches/{branch_code}/batches", response_model=list[M.BatchOut], tags=["batches"])
    def list_batches(branch_code: BranchCode, request: Request,
                     state: Annotated[str | None, Query(pattern="^(SHIPPED|RECEIVED)$")] = None,
                     ) -> list[M.BatchOut]:
        own_branch(identity(request), branch_code)
        with central.db.read() as s:
            _get_branch(s, branch_code)
            q = select(Batch).where(Batch.branch_code == branch_code, Batch.state != "OPEN")
            if state:
                q = q.where(Batch.state == state)
            return [batch_out(s, b) for b in s.scalars(q.order_by(Batch.created_at))]

    @v1.post("/branches/{branch_code}/batches/{batch_id}/receive", response_model=M.BatchOut,
             tags=["batches"])
    def receive_batch(branch_code: BranchCode, batch_id: BatchId, request: Request,
                      body: M.BatchReceiptIn | None = None,
                      idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        # without a body every card on the list is received (the earlier contract); with a
        # receipt only the listed applications are, and the differences are kept with the batch
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            b = s.get(Batch, batch_id, with_for_update=True)
            if b is None or b.branch_code != branch_code or b.state == "OPEN":
                raise not_found("该网点的制卡批次", "BATCH_NOT_FOUND")
            if b.locked_until and b.locked_until > utcnow():
                raise Refusal(409, "BATCH_LOCKED", "制卡批次正被中心锁定处理，请稍后重试。")
            if b.state == "RECEIVED":
                raise Refusal(409, "BATCH_ALREADY_RECEIVED", "该批次已签收。")
            listed = {a.application_id: a for a in s.scalars(
                select(Application).where(Application.batch_id == batch_id))}
            if body is not None:
                unknown = sorted(set(body.received) - set(listed))
                if unknown:
                    raise Refusal(409, "NOT_IN_BATCH", "签收的申领不在该批次清单中。",
                                  {"application_ids": unknown})
            take = set(listed) if body is None else set(body.received)
            b.state = "RECEIVED"
            b.received_at = utcnow()
            for app_id, a in listed.items():
                if a.state == S.SHIPPED and app_id in take:
                    _set_app_state(s, a, S.BRANCH_RECEIVED)
            if body is not None and body.differences:
                s.add(Notice(kind="BATCH_DIFFERENCES", branch_code=branch_code, ref=batch_id,
                             data={"batch_id": batch_id,
                                   "differences": [d.model_dump() for d in body.differences]}))
            s.flush()
            return 200, _dump(batch_out(s, b)), batch_id

        if body is not None and body.branch_code != branch_code:
            raise Refusal(400, "INVALID_REQUEST", "签收单的网点与路径中的网点不一致。")
        return mutate(request, idempotency_key, x_client_id, body, "BATCH_RECEIVE", handler,
                      branch_code=branch_code)

    # -- contributions and certificates ---------------------------------------------------------
    def contributions(s: Session, id_number: str, months: int, *, limit: int | None = None,
                      cursor: str | None = None,
                      period: tuple[str, str] | None = None) -> M.ContributionsOut:
        """The summary over the whole history and the detail of the latest ``months`` months
        with a record; or, paged (``limit``), ``limit`` such months older than ``cursor``; or
        the months with a record within ``period`` (first and last YYYYMM)."""
        _get_person(s, id_number)
        rows = list(s.scalars(select(Contribution).where(Contribution.id_number == id_number)
                              .order_by(Contribution.year_month.desc(), Contribution.insurance)))
        all_yms = sorted({r.year_month for r in rows}, reverse=True)
        next_cursor = None
        if period is not None:
            yms = [ym for ym in all_yms if period[0] <= ym <= period[1]]
        elif limit is None:
            yms = all_yms[:months]
        else:
            older = [ym for ym in all_yms if cursor is None or ym < cursor]
            yms = older[:limit]
            next_cursor = yms[-1] if len(older) > limit else None
        detail = [r for r in rows if r.year_month in set(yms)]
        employers = {e.employer_no: e for e in s.scalars(select(Employer))}
        registered = list(s.scalars(select(people.Registration).where(
            people.Registration.id_number == id_number, people.Registration.active.is_(True))
            .order_by(people.Registration.created_at.desc())))
        summary = []
        for ins in ("PENSION", "UNEMPLOYMENT", "WORK_INJURY"):
            mine = [r for r in rows if r.insurance == ins]
            latest = mine[0] if mine else None
            paid_recent = any(r.paid for r in mine[:3])
            emp = employers.get(latest.employer_no) if latest else None
            # a registration from its start month on names the employer now (no month paid
            # yet under it): the employer a 单位代领 is checked against
            reg = next((r for r in registered if ins in r.insurances and r.employer_no), None)
            if reg is not None and (latest is None or reg.start_month >= latest.year_month):
                emp = employers.get(reg.employer_no or "") or emp
            summary.append(M.InsuranceSummary(
                insurance=ins,
                status="NONE" if not mine else ("CONTRIBUTING" if paid_recent else "SUSPENDED"),
                employer_name=emp.name_zh if emp else None,
                employer_credit_code=emp.credit_code if emp else None,
                months_paid=sum(1 for r in mine if r.paid)))
        return M.ContributionsOut(
            id_number=id_number, summary=summary,
            months=[M.ContributionMonth(year_month=r.year_month, employer_no=r.employer_no,
                                        insurance=r.insurance, place=r.place, base_fen=r.base_fen,
                                        personal_fen=r.personal_fen, paid=r.paid) for r in detail],
            next_cursor=next_cursor)

    @v1.get("/persons/{id_number}/contributions", response_model=M.ContributionsOut,
            tags=["contributions"])
    def get_contributions(
        id_number: IdNumber,
        months: Annotated[int, Query(ge=1, le=120)] = 48,
        limit: Annotated[int | None, Query(
            ge=1, le=120, description="Page through the whole history: at most this many "
            "months with a record per page, newest first (months is then ignored); the answer's "
            "next_cursor fetches the next, older page.")] = None,
        cursor: Annotated[str | None, Query(
            pattern=r"^[0-9]{6}$", description="next_cursor of the previous page (only with "
            "limit): the page holds the months before it.")] = None,
    ) -> M.ContributionsOut:
        if cursor is not None and limit is None:
            raise Refusal(400, "INVALID_REQUEST", "cursor 只能与 limit 一起使用。")
        with central.db.read() as s:
            return contributions(s, id_number, months, limit=limit, cursor=cursor)

    @v1.post("/persons/{id_number}/certificates", response_model=M.CertificateOut,
             tags=["contributions"])
    def issue_certificate(id_number: IdNumber, body: M.CertificateIn, request: Request,
                          idempotency_key: IdemKey = None,
                          x_client_id: ClientId = None) -> JSONResponse:
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            _get_branch(s, body.branch_code)
            p = _get_person(s, id_number)
            period = certificate_period(body.period_from, body.period_to, utcnow())
            content = {
                "title": "浙江省社会保险参保证明（个人专用）",
                "person": {"name": p.name, "social_security_no": p.social_security_no,
                           "id_type": "居民身份证", "id_number": p.id_number, "sex": p.sex},
                **_dump(contributions(s, id_number, body.months, period=period)),
                "kind": body.kind,
            }
            content.pop("id_number", None)
            content.pop("next_cursor", None)  # a certificate is never paged
            digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False,
                                               default=str).encode()).hexdigest()
            now = utcnow()
            code = secrets.token_hex(8).upper()
            cert = Certificate(auth_code=code, id_number=id_number, branch_code=body.branch_code,
                               issued_at=now, valid_until=now + dt.timedelta(days=90),
                               content_sha256=digest, content=content)
            s.add(cert)
            out = M.CertificateOut(
                auth_code=code, qr_payload=f"https://si.ningbo.example/verify?code={code}",
                issued_at=now, valid_until=cert.valid_until, content_sha256=digest, content=content)
            return 200, _dump(out), code

        return mutate(request, idempotency_key, x_client_id, body, "CERTIFICATE", handler)

    def certificate_check(s: Session, c: Certificate) -> M.CertificateCheck:
        content: dict[str, Any] = c.content or {}
        person = content.get("person") or {}
        kind = content.get("kind") or "ALL"
        types = {"PENSION", "UNEMPLOYMENT", "WORK_INJURY"} if kind == "ALL" else {kind}
        yms = sorted({m["year_month"] for m in content.get("months") or []
                      if m.get("insurance") in types})
        prints = list(s.scalars(select(CertificatePrint.printed_at)
                                .where(CertificatePrint.auth_code == c.auth_code)))
        expired = c.valid_until < utcnow()
        branch = s.get(Branch, c.branch_code)
        return M.CertificateCheck(
            auth_code=c.auth_code, valid=not expired, expired=expired, issued_at=c.issued_at,
            valid_until=c.valid_until, content_sha256=c.content_sha256,
            person_name_masked=mask_name(str(person.get("name") or "")),
            id_number_masked=mask_id_number(c.id_number), kind=kind,
            period_from=yms[0] if yms else None, period_to=yms[-1] if yms else None,
            months=len(yms), prints=len(prints), last_printed_at=max(prints, default=None),
            branch_code=c.branch_code, branch_name=branch.name_zh if branch else "")

    def known_certificate(s: Session, auth_code: str) -> Certificate:
        c = s.get(Certificate, auth_code.upper())
        if c is None:
            raise Refusal(404, "CERTIFICATE_UNKNOWN", "授权码不存在：该参保证明不是中心系统出具的。")
        return c

    @v1.get("/certificates/{auth_code}", response_model=M.CertificateCheck, tags=["contributions"])
    def verify_certificate(auth_code: AuthCode) -> M.CertificateCheck:
        """Anyone holding the code may ask: the person comes back masked only."""
        with central.db.read() as s:
            return certificate_check(s, known_certificate(s, auth_code))

    @v1.post("/certificates/{auth_code}/prints", response_model=M.CertificateCheck,
             tags=["contributions"])
    def record_certificate_print(auth_code: AuthCode, body: M.CertificatePrintIn,
                                 request: Request, idempotency_key: IdemKey = None,
                                 x_client_id: ClientId = None) -> JSONResponse:
        """Count a print before the counter hands out the page (the number is printed on it)."""
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            _get_branch(s, body.branch_code)
            c = known_certificate(s, auth_code)
            if c.valid_until < utcnow():
                raise Refusal(409, "CERTIFICATE_EXPIRED",
                              "该参保证明已过有效期，不能补打，请重新出具。")
            s.add(CertificatePrint(auth_code=c.auth_code, branch_code=body.branch_code,
                                   printed_at=utcnow()))
            s.flush()
            return 200, _dump(certificate_check(s, c)), c.auth_code

        return mutate(request, idempotency_key, x_client_id, body, "CERTIFICATE_PRINT", handler)

    # -- reference data -----------------------------------------------------------------------
    @v1.get("/reference/banks", response_model=list[M.BankOut], tags=["reference"])
    def banks() -> list[M.BankOut]:
        with central.db.read() as s:
            return [M.BankOut(code=b.code, name_zh=b.name_zh) for b in s.scalars(select(Bank))]

    def branch_out(b: Branch) -> M.BranchOut:
        return M.BranchOut(code=b.code, bank_code=b.bank_code, name_zh=b.name_zh,
                           district=b.district, instant_issue=b.instant_issue,
                           weekend_open=b.weekend_open, same_number_exchange=b.same_number_exchange)

    @v1.get("/reference/branches", response_model=list[M.BranchOut], tags=["reference"])
    def branches(bank_code: Annotated[str | None, Query(max_length=16)] = None
                 ) -> list[M.BranchOut]:
        with central.db.read() as s:
            q = select(Branch).order_by(Branch.code)
            if bank_code:
                q = q.where(Branch.bank_code == bank_code)
            return [branch_out(b) for b in s.scalars(q)]

    @v1.get("/reference/branches/{branch_code}", response_model=M.BranchOut, tags=["reference"])
    def branch(branch_code: BranchCode) -> M.BranchOut:
        with central.db.read() as s:
            return branch_out(_get_branch(s, branch_code))

    @v1.get("/reference/branches/{branch_code}/config", response_model=M.BranchConfigOut,
            tags=["reference"])
    def branch_config(branch_code: BranchCode) -> M.BranchConfigOut:
        with central.db.read() as s:
            _get_branch(s, branch_code)
            c = s.get(BranchConfig, branch_code)
            assert c is not None
            return M.BranchConfigOut(
                branch_code=branch_code, replacement_fee_fen=c.replacement_fee_fen,
                temp_loss_valid_days=c.temp_loss_valid_days,
                social_pin_retries=c.social_pin_retries,
                bank_pin_retries_per_day=c.bank_pin_retries_per_day,
                card_validity_years=c.card_validity_years,
                uncollected_keep_months=c.uncollected_keep_months, photo_max_kb=c.photo_max_kb,
                min_version=c.min_version)

    # -- audit chain head ---------------------------------------------------------------------
    def head_out(h: AuditHead) -> M.AuditHeadOut:
        return M.AuditHeadOut(branch_code=h.branch_code, counter_id=h.counter_id, seq=h.seq,
                              head_sha256=h.head_sha256, reported_at=h.reported_at)

    @v1.get("/audit/chain-heads/{branch_code}/{counter_id}", response_model=M.AuditHeadOut,
            tags=["audit"])
    def get_head(branch_code: BranchCode, counter_id: CounterId,
                 request: Request) -> M.AuditHeadOut:
        own_branch(identity(request), branch_code)
        with central.db.read() as s:
            h = s.get(AuditHead, (branch_code, counter_id))
            if h is None:
                raise not_found("该柜台的审计链头", "AUDIT_HEAD_UNKNOWN")
            return head_out(h)

    @v1.post("/audit/chain-heads/{branch_code}/{counter_id}", response_model=M.AuditHeadOut,
             tags=["audit"])
    def report_head(branch_code: BranchCode, counter_id: CounterId, body: M.AuditHeadIn, request: Request,
                    idempotency_key: IdemKey = None, x_client_id: ClientId = None) -> JSONResponse:
        """A counter reports the head (seq and MAC) of its own audit chain. Only the counter
        itself may: its verified identity is the certificate's CN and OU over mutual TLS (the
        header never chooses the counter there), or the loopback header. A certificate without
        a counter OU is 403 COUNTER_REQUIRED, another counter 403 COUNTER_FORBIDDEN, another
        branch 403 BRANCH_FORBIDDEN. A head going backwards is 409 AUDIT_HEAD_REGRESSION, a
        different head at the same seq 409 AUDIT_HEAD_FORK; both are kept as evidence."""
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            _get_branch(s, branch_code)
            h = s.get(AuditHead, (branch_code, counter_id), with_for_update=True)
            if h is not None and body.seq < h.seq:
                raise Refusal(409, "AUDIT_HEAD_REGRESSION",
                              "上报的审计链头早于中心已记录的链头：本地审计日志可能被截断。",
                              {"central_seq": h.seq})
            if h is not None and body.seq == h.seq and body.head_sha256 != h.head_sha256:
                raise Refusal(409, "AUDIT_HEAD_FORK", "同一序号的审计链头与中心记录不一致：审计日志可能被篡改。")
            if h is None:
                h = AuditHead(branch_code=branch_code, counter_id=counter_id, seq=body.seq,
                              head_sha256=body.head_sha256, reported_at=utcnow())
                s.add(h)
            else:
                h.seq, h.head_sha256, h.reported_at = body.seq, body.head_sha256, utcnow()
            return 200, _dump(head_out(h)), f"{branch_code}/{counter_id}/{body.seq}"

        try:
            return mutate(request, idempotency_key, x_client_id, body, "AUDIT_HEAD", handler,
                          branch_code=branch_code, counter_id=counter_id)
        except Refusal as refusal:
            # the refusal rolled the handler back: the evidence is kept in its own transaction
            # (a replay of the same key answers from the stored refusal, so it is kept once)
            kind = REFUSED_KINDS.get(refusal.code)
            if kind is not None:
                keep_refusal(identity(request), branch_code, counter_id, body, kind)
            raise

    REFUSED_KINDS = {"AUDIT_HEAD_REGRESSION": "REFUSED_REGRESSION",
                     "AUDIT_HEAD_FORK": "REFUSED_FORK"}

    def keep_refusal(ident: Identity, branch_code: str, counter_id: str, body: M.AuditHeadIn,
                     kind: str) -> None:
        with central.db.write() as s:
            h = s.get(AuditHead, (branch_code, counter_id))
            s.add(AuditHeadEvent(
                branch_code=branch_code, counter_id=counter_id, kind=kind, at=utcnow(),
                caller=ident.client_key, caller_via=ident.via, seq=body.seq,
                head_sha256=body.head_sha256, previous_seq=h.seq if h else None,
                previous_head_sha256=h.head_sha256 if h else None))

    @v1.post("/audit/chain-heads/{branch_code}/{counter_id}/rebase",
             response_model=M.AuditHeadOut, tags=["audit"])
    def rebase_head(branch_code: BranchCode, counter_id: CounterId, body: M.AuditRebaseIn,
                    request: Request, idempotency_key: IdemKey = None,
                    x_client_id: ClientId = None) -> JSONResponse:
        """After a supervisor acknowledged a break at the counter: its chain is re-based on
        the acknowledgement entry, which becomes the reference (a lower seq is accepted here,
        only here). The central keeps the re-base, with the head it replaces, as evidence.
        Only the counter itself, by its verified identity (certificate CN and OU, or the
        loopback header), may re-base its chain: a certificate without a counter OU is 403
        COUNTER_REQUIRED, another counter 403 COUNTER_FORBIDDEN."""
        ident = identity(request)
        if idempotency_key:  # a missing key is answered first, as for every mutating call
            own_branch(ident, branch_code)
            own_counter(ident, counter_id, "只有该柜台本身可以重置其审计链头（须以该柜台的身份调用）。")

        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            _get_branch(s, branch_code)
            h = s.get(AuditHead, (branch_code, counter_id), with_for_update=True)
            previous = (h.seq, h.head_sha256) if h is not None else (None, None)
            now = utcnow()
            if h is None:
                h = AuditHead(branch_code=branch_code, counter_id=counter_id, seq=body.seq,
                              head_sha256=body.head_sha256, reported_at=now)
                s.add(h)
            else:
                h.seq, h.head_sha256, h.reported_at = body.seq, body.head_sha256, now
            acked = body.acknowledged_at
            if acked.tzinfo is not None:
                acked = acked.astimezone(dt.UTC).replace(tzinfo=None)
            s.add(AuditHeadEvent(
                branch_code=branch_code, counter_id=counter_id, kind="REBASE", at=now,
                caller=ident.client_key, caller_via=ident.via, seq=body.seq,
                head_sha256=body.head_sha256, previous_seq=previous[0],
                previous_head_sha256=previous[1], supervisor=body.supervisor,
                reason=body.reason, broken_seq=body.broken_seq,
                broken_head_sha256=body.broken_head_sha256, first_bad_seq=body.first_bad_seq,
                problem=body.problem, acknowledged_at=acked))
            return 200, _dump(head_out(h)), f"rebase/{counter_id}/{body.seq}"

        return mutate(request, idempotency_key, x_client_id, body, "AUDIT_REBASE", handler,
                      branch_code=branch_code, counter_id=counter_id)

    @v1.get("/audit/head-events/{branch_code}", response_model=list[M.AuditHeadEventOut],
            tags=["audit"])
    def head_events(branch_code: BranchCode, request: Request,
                    counter_id: Annotated[str | None, Query(max_length=32)] = None,
                    since: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
                    limit: Annotated[int, Query(ge=1, le=500)] = 100
                    ) -> list[M.AuditHeadEventOut]:
        """The evidence kept about the chain heads of the caller's own branch (re-bases and
        refused heads), oldest first; ``since`` the last ``event_id`` seen."""
        own_branch(identity(request), branch_code)
        with central.db.read() as s:
            q = select(AuditHeadEvent).where(AuditHeadEvent.branch_code == branch_code,
                                             AuditHeadEvent.event_id > since)
            if counter_id is not None:
                q = q.where(AuditHeadEvent.counter_id == counter_id)
            rows = s.scalars(q.order_by(AuditHeadEvent.event_id).limit(limit))
            return [M.AuditHeadEventOut(
                event_id=e.event_id, branch_code=e.branch_code, counter_id=e.counter_id,
                kind=e.kind, at=e.at, caller=e.caller, caller_via=e.caller_via, seq=e.seq,
                head_sha256=e.head_sha256, previous_seq=e.previous_seq,
                previous_head_sha256=e.previous_head_sha256, supervisor=e.supervisor,
                reason=e.reason, broken_seq=e.broken_seq, broken_head_sha256=e.broken_head_sha256,
                first_bad_seq=e.first_bad_seq, problem=e.problem,
                acknowledged_at=e.acknowledged_at) for e in rows]

    # -- updates the branch pulls ---------------------------------------------------------------
    @v1.get("/updates", response_model=M.UpdatesOut, tags=["updates"])
    def updates(request: Request, branch_code: Annotated[str, Query(max_length=16)],
                since: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> M.UpdatesOut:
        own_branch(identity(request), branch_code)
        with central.db.read() as s:
            b = _get_branch(s, branch_code)
            q = (select(Notice).where(Notice.seq > since)
                 .where((Notice.branch_code == branch_code)
                        | ((Notice.branch_code.is_(None))
                           & ((Notice.bank_code.is_(None)) | (Notice.bank_code == b.bank_code))))
                 .order_by(Notice.seq).limit(limit))
            items = [M.UpdateItem(seq=n.seq, kind=n.kind, ref=n.ref, data=n.data,
                                  created_at=n.created_at) for n in s.scalars(q)]
            return M.UpdatesOut(items=items, next_since=items[-1].seq if items else since)

    # registration and employers: central_sim/people.py
    people.add_routes(v1, central.db, mutate, _get_branch)
    # branch statistics (the counter's 网点统计): central_sim/statistics.py
    statistics.add_routes(v1, central.db, _get_branch,
                          lambda request, code: own_branch(identity(request), code))
    # electronic card claim tokens for the receipts' QR: central_sim/ecard.py
    ecard.add_routes(v1, central.db, mutate, _get_branch, _get_card)
    # remote supervisor approval between the counters of a branch: central_sim/approvals.py
    approvals.add_routes(v1, central.db, mutate, identity)
    # the branch-wide day-end over its counters' summaries: central_sim/day_end.py
    day_end.add_routes(v1, central.db, mutate, identity, own_branch, _get_branch)
    api.include_router(v1)
    if admin:
        _admin_routes(api, central)

    api.add_middleware(GuardMiddleware)  # inside the faults: those act on the raw connection
    api.add_middleware(FaultMiddleware, faults=central.faults)
    if access_log:
        api.add_middleware(AccessLogMiddleware)  # outermost: injected faults get a line too
    return api


_access_logger = logging.getLogger("central_sim.access")


class AccessLogMiddleware:
    """One line per request: method, route template (never the raw path, which carries ID
    and card numbers), status and duration."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: list[int] = []

        async def recording_send(message: dict) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            # the router stores the matched route in the shared scope; unmatched paths
            # (404, or faults answered before routing) are not echoed back
            route = scope.get("route")
            template = getattr(route, "path", None) or "<unrouted>"
            _access_logger.info("%s %s %s %.1fms", scope["method"], template,
                            status[0] if status else "-", (time.perf_counter() - started) * 1000)


NO_CONFIG_TEMP_LOSS_DAYS = 7  # only for a branch without a config row (db.BranchConfig's default)


def _admin_routes(api: FastAPI, central: Central) -> None:
    """Test control channel: loopback only, not part of the API contract."""
    admin = APIRouter(prefix="/_admin", include_in_schema=False)

    def loopback_only(request: Request) -> None:
        host = request.client.host if request.client else ""
        try:
            ok = ipaddress.ip_address(host).is_loopback
        except ValueError:
            ok = False
        if not ok:
            raise Refusal(403, "ADMIN_LOOPBACK_ONLY", "管理接口只允许本机访问。")

    @admin.get("/faults")
    def get_faults(request: Request) -> dict[str, Any]:
        loopback_only(request)
        return {"config": asdict(central.faults.config), "counters": central.faults.counters}

    @admin.put("/faults")
    def put_faults(request: Request, values: dict[str, Any]) -> dict[str, Any]:
        loopback_only(request)
        if central.workers > 1:  # fault state lives in one process: it would hit 1/N calls
            raise Refusal(409, "FAULTS_NEED_ONE_WORKER",
                          "故障注入只在单进程（--workers 1）的参考中心可用。")
        try:
            cfg = central.faults.set(values)
        except (ValueError, TypeError) as exc:
            raise Refusal(400, "FAULTS_INVALID", "故障注入参数错误。", {"error": str(exc)}) from exc
        return {"config": asdict(cfg)}

    @admin.delete("/faults")
    def clear_faults(request: Request) -> dict[str, Any]:
        loopback_only(request)
        central.faults.reset()
        return {"ok": True}

    @admin.post("/production/advance")
    def advance(request: Request) -> dict[str, int]:
        loopback_only(request)
        return central.advance_production(0)

    def _temp_loss_days(s: Session, c: Card, branch_code: Any) -> int:
        """A pre-loss's validity is configuration (temp_loss_valid_days): the branch named,
        else the branch that made the card, else the card bank's first branch."""
        code = str(branch_code) if branch_code else None
        if code is None and c.application_id:
            made = s.get(Application, c.application_id)
            code = made.branch_code if made is not None else None
        if code is None:
            code = s.scalar(select(Branch.code).where(Branch.bank_code == c.bank_code)
                            .order_by(Branch.code).limit(1))
        cfg = s.get(BranchConfig, code) if code else None
        return cfg.temp_loss_valid_days if cfg is not None else NO_CONFIG_TEMP_LOSS_DAYS

    @admin.post("/pre-loss")
    def pre_loss(request: Request, values: dict[str, Any]) -> dict[str, Any]:
        """Simulate a pre-loss by phone (12333) or the bank's line."""
        loopback_only(request)
        card_no, function = values["card_no"], values.get("function", "social")
        with central.db.write() as s:
            c = _get_card(s, card_no, lock=True)
            attr = f"{function}_state"
            S.check_function(function, getattr(c, attr), S.TEMP_LOST)
            setattr(c, attr, S.TEMP_LOST)
            days = _temp_loss_days(s, c, values.get("branch_code"))
            c.temp_loss_until = utcnow() + dt.timedelta(days=days)
            s.add(Notice(kind="PRE_LOSS", bank_code=c.bank_code, ref=card_no,
                         data={"card_no": card_no, "function": function,
                               "channel": values.get("channel", "12333")}))
            return _dump(card_out(c))

    @admin.post("/batches/{batch_id}/lock")
    def lock_batch(request: Request, batch_id: str, seconds: float = 30) -> dict[str, Any]:
        loopback_only(request)
        with central.db.write() as s:
            b = s.get(Batch, batch_id)
            if b is None:
                raise not_found("批次")
            b.locked_until = utcnow() + dt.timedelta(seconds=seconds)
        return {"ok": True}

    @admin.get("/effects")
    def effects(request: Request, key_prefix: str = "") -> dict[str, Any]:
        loopback_only(request)
        with central.db.read() as s:
            q = select(Effect.idempotency_key, func.count()).group_by(Effect.idempotency_key)
            if key_prefix:
                q = q.where(Effect.idempotency_key.startswith(key_prefix))
            counts = {k: n for k, n in s.execute(q)}
        return {"total": sum(counts.values()), "keys": len(counts),
                "duplicated": sorted(k for k, n in counts.items() if n > 1), "counts": counts}

    @admin.get("/idempotency/{key}")
    def idempotency_state(request: Request, key: str) -> dict[str, Any]:
        loopback_only(request)
        with central.db.read() as s:
            rows = [{"client_id": r.client_id, "state": r.state, "status": r.status_code}
                    for r in s.scalars(select(IdempotencyRecord)
                                       .where(IdempotencyRecord.key == key))]
        return {"records": rows}

    @admin.get("/operations")
    def operations(request: Request, subject: str = "") -> dict[str, Any]:
        """Deferred operations in arrival order, to check per-person ordering."""
        loopback_only(request)
        with central.db.read() as s:
            q = select(GenericOperation).order_by(GenericOperation.received_at)
            if subject:
                q = q.where(GenericOperation.subject_ref == subject)
            rows = [{"subject": o.subject_ref, "seq": o.seq_in_subject, "kind": o.kind}
                    for o in s.scalars(q)]
        return {"operations": rows}

    @admin.post("/reset-data")
    def reset_data(request: Request) -> dict[str, Any]:
        loopback_only(request)
        central.reset_data()
        central.faults.reset()
        return {"ok": True}

    api.include_router(admin)
