"""The teller's work session (柜员会话): the rules.

A session is the teller's business day at one counter: opened after sign-in with the opening
float (备用金) and, at an instant-issue branch, the blank cards already in the teller's
custody; closed at day end. It lives in the store, not in the window, so an idle lock, a
sign-out or a restart of the application finds it again. One teller has at most one open
session, and one counter hosts at most one; a session left open (a teller gone home, a PC
that died) is force-closed by a supervisor with a reason. Every step is audited.

A business that needs a session (``domain.businesses.needs_session``) is refused without
one by ``central.sync.check_audit``; :meth:`SessionDesk.ready` is what the status given to
the businesses says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, clauses, zh
from counter_app.workflows.supervisor import (
    PURPOSE_FORCE_CLOSE,
    Authorise,
    SupervisorApproval,
)

CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
MAX_FLOAT_FEN = 100_000_000  # ¥1,000,000: beyond that it is a typing error
MIN_REASON_CHARS = 4


class SessionRefused(CounterError):
    code = "SESSION_REFUSED"


def force_close_purpose(teller: str, session_id: int) -> str:
    """The authorisation of a force-close names the session (``session.force_close:T0302-17``:
    the teller for the supervisor to read, the number for the store): an approval asked for
    one session, in person or remotely, never closes another."""
    return f"{PURPOSE_FORCE_CLOSE}:{teller}-{session_id}"


class WorkSessionFacts(Protocol):
    """A work session (the store's ``WorkSessionView`` has these fields)."""

    @property
    def id(self) -> int: ...
    @property
    def teller(self) -> str: ...
    @property
    def counter_id(self) -> str: ...
    @property
    def business_day(self) -> str: ...
    @property
    def opened_at(self) -> dt.datetime: ...
    @property
    def opening_float_fen(self) -> int: ...
    @property
    def custody_at_open(self) -> int | None: ...
    @property
    def closed_at(self) -> dt.datetime | None: ...
    @property
    def closed_by(self) -> str | None: ...
    @property
    def close_kind(self) -> str | None: ...
    @property
    def close_reason(self) -> str | None: ...
    @property
    def custody_at_close(self) -> int | None: ...


class WorkSessionRepository(Protocol):
    def open_of_teller(self, teller: str) -> WorkSessionFacts | None: ...
    def open_at_counter(self, counter_id: str) -> WorkSessionFacts | None: ...
    def open(self, teller: str, counter_id: str, business_day: str, opening_float_fen: int,
             custody: int | None) -> tuple[WorkSessionFacts, bool]: ...
    def close(self, session_id: int, by: str, kind: str, reason: str,
              custody: int | None) -> WorkSessionFacts | None: ...
    def open_sessions(self) -> Sequence[WorkSessionFacts]: ...
    def recent(self, limit: int = 50) -> Sequence[WorkSessionFacts]: ...
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _no_custody(_teller: str) -> int | None:
    return None


def _nothing_to_explain(_session: WorkSessionFacts, _note: str) -> Sequence[str]:
    return ()


@dataclass(frozen=True)
class SessionContext:
    repo: WorkSessionRepository
    counter_id: str
    #: a supervisor's authorisation of one act: (approval, purpose) → the user name, or
    #: raises (the one authorisation path, workflows.login.TellerAuth.authorise)
    authorise: Authorise
    #: blank cards in a teller's custody today; None at a branch without blank stock
    custody: Callable[[str], int | None] = _no_custody
    clock: Callable[[], dt.datetime] = _now
    #: the day-end's gate: the texts of differences not explained yet (given the close note);
    #: the session does not close while any is left (workflows.day_end)
    close_check: Callable[[WorkSessionFacts, str], Sequence[str]] = _nothing_to_explain

    def today(self) -> str:
        return self.clock().astimezone(CHINA_TIME).date().isoformat()


def parse_yuan(text: str, what: str = QT_TR_NOOP("备用金")) -> int:
    """An amount typed in yuan (``2000``, ``2,000.50``, ``¥300``) as fen; ``what`` names the
    amount in the messages (the opening float, the cash counted at day end)."""
    cleaned = re.sub(r"[,，\s¥￥元]", "", text)  # i18n: data
    if not cleaned:
        raise ValidationError("float", zh("请输入{what}金额（没有{what}请输入 0）。", what=what),
                              code="FLOAT_EMPTY")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError("float", zh("{what}金额格式不正确，请输入数字，例如 2000 或 2000.50。", what=what),
                              code="FLOAT_FORMAT") from None
    if amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("float", zh("{what}金额不能为负数，最多两位小数。", what=what),
                              code="FLOAT_FORMAT")
    fen = int(amount * 100)
    if fen > MAX_FLOAT_FEN:
        raise ValidationError("float", zh("{what}金额超过 1,000,000 元，请核对。", what=what),
                              code="FLOAT_TOO_LARGE")
    return fen


def yuan(fen: int) -> str:
    return f"¥{fen // 100:,}.{fen % 100:02d}"


@dataclass(frozen=True)
class SessionState:
    """What the teller's session screen and the status bar show."""

    session: WorkSessionFacts | None  # the teller's open session (perhaps of an earlier day)
    today: str
    counter_taken_by: WorkSessionFacts | None  # another teller's open session at this counter
    custody: int | None  # blank cards in the teller's custody now

    @property
    def ready(self) -> bool:
        return self.session is not None and self.session.business_day == self.today

    @property
    def stale(self) -> bool:
        """Open since an earlier business day: it must be closed before a new one opens."""
        return self.session is not None and self.session.business_day != self.today

    @property
    def summary_zh(self) -> str:
        s = self.session
        if s is None:
            return QT_TR_NOOP("未开始营业")
        if self.stale:
            return zh("{business_day} 的会话未日终", business_day=s.business_day)
        return zh("营业中（备用金 {opening_float}）", opening_float=yuan(s.opening_float_fen))


class SessionDesk:
    """One teller's work session at this counter, and a supervisor's force-close."""

    def __init__(self, ctx: SessionContext, teller: str) -> None:
        self.ctx, self.teller = ctx, teller

    def state(self) -> SessionState:
        own = self.ctx.repo.open_of_teller(self.teller)
        here = self.ctx.repo.open_at_counter(self.ctx.counter_id)
        other = here if here is not None and here.teller != self.teller else None
        return SessionState(own, self.ctx.today(), other, self.ctx.custody(self.teller))

    def ready(self) -> bool:
        """Whether the teller may do businesses that need a session (the status's flag)."""
        s = self.ctx.repo.open_of_teller(self.teller)
        return s is not None and s.business_day == self.ctx.today() and (
            s.counter_id == self.ctx.counter_id)

    def resume(self) -> SessionState:
        """At sign-in: the state, with a session found open audited as resumed (a restart,
        a sign-out for lunch: the day goes on)."""
        state = self.state()
        if state.session is not None:
            self.ctx.repo.audit(self.teller, "session.resumed", session=state.session.id,
                                counter=self.ctx.counter_id, stale=int(state.stale))
        return state

    def open(self, float_text: str) -> WorkSessionFacts:
        fen = parse_yuan(float_text)
        state = self.state()
        if state.session is not None:
            s = state.session
            if s.counter_id != self.ctx.counter_id:
                raise SessionRefused(
                    zh("您在柜台 {counter_id} 的会话（{business_day}）尚未结束，请先在该柜台日终，"
                       "或请主管强制结束后再在本柜台开始营业。", counter_id=s.counter_id,
                       business_day=s.business_day), code="SESSION_OPEN_ELSEWHERE")
            if state.stale:
                raise SessionRefused(zh("您 {business_day} 的会话尚未日终，请先结束该会话再开始今日营业。",
                                        business_day=s.business_day), code="SESSION_STALE")
            raise SessionRefused(QT_TR_NOOP("您今日已开始营业。"), code="SESSION_ALREADY_OPEN")
        if state.counter_taken_by is not None:
            raise self._counter_taken(state.counter_taken_by)
        made, created = self.ctx.repo.open(self.teller, self.ctx.counter_id, self.ctx.today(),
                                           fen, state.custody)
        if not created:  # another window opened one between the two reads
            if made.teller != self.teller:
                raise self._counter_taken(made)
            raise SessionRefused(QT_TR_NOOP("您已有一个未结束的会话。"), code="SESSION_ALREADY_OPEN")
        return made

    @staticmethod
    def _counter_taken(other: WorkSessionFacts) -> SessionRefused:
        return SessionRefused(
            zh("本柜台已有柜员 {teller} 的会话（{business_day} 开始）尚未结束。"
               "请该柜员签到后日终结束，或请主管强制结束后再开始营业。", teller=other.teller,
               business_day=other.business_day), code="COUNTER_TAKEN")

    def close(self, note: str = "") -> WorkSessionFacts:
        """Day end: the teller closes the own session. Blank cards still in custody must be
        explained (they are handed back at 空白卡库存 → 交回 first, normally)."""
        state = self.state()
        if state.session is None:
            raise SessionRefused(QT_TR_NOOP("您没有未结束的会话（可能已日终结束或被主管强制结束），无需再结束。"),
                                 code="NO_SESSION")
        note = note.strip()
        if state.custody and len(note) < MIN_REASON_CHARS:
            raise ValidationError(
                "note", zh("您名下仍有 {custody} 张空白卡未交回。请先在“空白卡库存”交回，"
                           "或在说明中写明原因（至少4个字）后再结束营业。", custody=state.custody),
                code="CUSTODY_NOT_RETURNED")
        left = list(self.ctx.close_check(state.session, note))
        if left:
            raise SessionRefused(
                zh("日终轧账有 {count} 项差异尚未说明，不能结束营业：{differences}"
                   "请在“日终轧账”中逐项说明原因后再结束。", count=len(left),
                   differences=clauses(left, 3)), code="DAY_END_UNEXPLAINED")
        closed = self.ctx.repo.close(state.session.id, self.teller, "closed", note, state.custody)
        if closed is None:
            raise SessionRefused(QT_TR_NOOP("该会话已被结束（可能已由主管强制结束）。"),
                                 code="SESSION_GONE")
        return closed

    # -- supervisor ---------------------------------------------------------------------------
    def open_sessions(self) -> list[WorkSessionFacts]:
        return list(self.ctx.repo.open_sessions())

    def recent(self, limit: int = 50) -> list[WorkSessionFacts]:
        return list(self.ctx.repo.recent(limit))

    def force_close(self, session_id: int, supervisor: SupervisorApproval,
                    reason: str) -> WorkSessionFacts:
        """A session left open, closed by a supervisor (password and one-time code) with a
        reason."""
        reason = reason.strip()
        if len(reason) < MIN_REASON_CHARS:
            raise ValidationError("reason", QT_TR_NOOP("请填写强制结束的原因（至少4个字）。"),
                                  code="REASON_REQUIRED")
        target = next((s for s in self.ctx.repo.open_sessions() if s.id == session_id), None)
        if target is None:
            raise SessionRefused(QT_TR_NOOP("该会话已结束，无需强制结束。"), code="SESSION_GONE")
        who = self.ctx.authorise(supervisor, force_close_purpose(target.teller, target.id))
        closed = self.ctx.repo.close(session_id, who, "force_closed", reason,
                                     self.ctx.custody(target.teller))
        if closed is None:
            raise SessionRefused(QT_TR_NOOP("该会话已结束，无需强制结束。"), code="SESSION_GONE")
        return closed
