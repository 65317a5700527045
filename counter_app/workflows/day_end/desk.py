"""Day-end (日终轧账): the teller's report for the work session, the branch's for a day, the
explanations of differences, the cash count, and the close of the session behind the gate.

The explanations and the cash count are audit entries (``day_end.explained``,
``day_end.counted``): append-only, MAC-chained, encrypted detail — a teller's free text may
name a person. The latest entry per difference counts. :meth:`DayEndDesk.unexplained` is
the gate ``SessionDesk.close`` asks before a session may close.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from counter_app.domain.blank_stock import CardPlace
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, clauses, zh
from counter_app.printing import BranchInfo
from counter_app.workflows.day_end import report as r
from counter_app.workflows.day_end.branch import OPERATION, SummaryOutbox, ask_central, summary_payload
from counter_app.workflows.day_end.report import (
    MIN_EXPLANATION_CHARS,
    AuditFact,
    DayEndReport,
    Difference,
    UnsentFact,
    UnsentItem,
)
from counter_app.workflows.fees.desk import FeeRepository
from counter_app.workflows.sessions.desk import SessionDesk, WorkSessionFacts, parse_yuan
from counter_app.workflows.stock.context import MoveFacts
from counter_app.workflows.stock.reconcile import reconcile

CLOSE_KIND_ZH = {"closed": QT_TR_NOOP("日终结束"), "force_closed": QT_TR_NOOP("主管强制结束")}
CUSTODY_KEY = "custody_held"  # explained by the session's close note too
EXPLAINED = "day_end.explained"
COUNTED = "day_end.counted"


class DayEndRefused(CounterError):
    code = "DAY_END_REFUSED"


class DayEndRepository(Protocol):
    def audit_between(self, start: dt.datetime, end: dt.datetime, *, actor: str | None = None,
                      actions: Sequence[str] | None = None) -> Sequence[AuditFact]:
        """Audit entries with ``start <= at < end`` (naive UTC), oldest first."""
        ...

    def op_states(self, op_ids: Sequence[str]) -> Mapping[str, str]:
        """accepted | refused | withdrawn | pending | dead, per op_id found in the outbox."""
        ...

    def unsent(self) -> Sequence[UnsentFact]: ...
    def sessions_of_day(self, day: str) -> Sequence[WorkSessionFacts]: ...
    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


class StockFacts(Protocol):
    def cards(self) -> list[CardPlace]: ...
    def moves(self, day: str | None = None) -> Sequence[MoveFacts]: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def day_bounds(day: str) -> tuple[dt.datetime, dt.datetime]:
    """The Beijing business day as naive UTC [start, end)."""
    start = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), CHINA_TIME)
    return (start.astimezone(dt.UTC).replace(tzinfo=None),
            (start + dt.timedelta(days=1)).astimezone(dt.UTC).replace(tzinfo=None))


def _naive(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


def _local(t: dt.datetime) -> str:
    return t.replace(tzinfo=dt.UTC).astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class DayEndContext:
    repo: DayEndRepository
    fees: FeeRepository
    branch: BranchInfo
    counter_id: str
    stock: StockFacts | None = None  # None: no blank stock at this branch
    clock: Callable[[], dt.datetime] = _now
    # where this counter's day summary is queued for the central (None: not sent)
    outbox: SummaryOutbox | None = None
    # the central client, built on first use (an ``api.DayEndApi``; None: not asked)
    central: Callable[[], object] | None = None

    def today(self) -> str:
        return self.clock().astimezone(CHINA_TIME).date().isoformat()

    def made_at(self) -> str:
        return self.clock().astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


class DayEndDesk:
    """One teller's day-end at this counter; the branch's report for branch IT and supervisors."""

    def __init__(self, ctx: DayEndContext, teller: str, sessions: SessionDesk | None = None) -> None:
        self.ctx, self.teller, self.sessions = ctx, teller, sessions

    # -- reading ---------------------------------------------------------------------------------
    def own_session(self) -> WorkSessionFacts | None:
        if self.sessions is None:
            return None
        return self.sessions.state().session

    def notes(self, session: WorkSessionFacts) -> tuple[dict[str, str], int | None]:
        """The explanations (latest per key) and the latest cash count of a session."""
        end = _naive(self.ctx.clock()) + dt.timedelta(seconds=1)
        notes: dict[str, str] = {}
        counted: int | None = None
        for e in self.ctx.repo.audit_between(_naive(session.opened_at), end,
                                             actions=(EXPLAINED, COUNTED)):
            if e.detail.get("session") != session.id:
                continue
            if e.action == EXPLAINED:
                notes[str(e.detail.get("key"))] = str(e.detail.get("text") or "")
            else:
                counted = int(e.detail.get("cash_fen") or 0)
        return notes, counted

    def _stock(self, day: str, teller: str = "") -> Any:
        if self.ctx.stock is None:
            return None
        return reconcile(day=day, at=self.ctx.made_at(), branch_code=self.ctx.branch.code,
                         cards=self.ctx.stock.cards(), moves_all=list(self.ctx.stock.moves()),
                         scope_teller=teller)

    def _unsent(self) -> tuple[UnsentItem, ...]:
        return tuple(UnsentItem(u.id, u.operation, u.status, _local(u.created_at), u.attempts,
                                u.last_error) for u in self.ctx.repo.unsent())

    def teller_report(self, session: WorkSessionFacts | None = None) -> DayEndReport:
        s = session or self.own_session()
        if s is None:
            raise DayEndRefused(QT_TR_NOOP("您没有未结束的会话：日终轧账针对本人当日的柜员会话。"
                                           "已结束的会话可在下方查看全网点当日轧账。"), code="NO_SESSION")
        # the session's own span: a teller who closed and opened again the same day has two
        start = _naive(s.opened_at)
        end = (_naive(s.closed_at) if s.closed_at is not None else _naive(self.ctx.clock())) \
            + dt.timedelta(seconds=1)
        entries = list(self.ctx.repo.audit_between(start, end, actor=s.teller))
        fees = list(self.ctx.fees.of_session(s.id))
        op_ids = [str(e.detail.get("op_id")) for e in entries if e.detail.get("op_id")]
        states = self.ctx.repo.op_states(op_ids + [f.business_ref for f in fees])
        lines = r.fee_lines(fees)
        expected = r.cash_expected(s.opening_float_fen, lines)
        notes, counted = self.notes(s)
        stock = self._stock(s.business_day, s.teller)
        line = stock.tellers[0] if stock is not None and stock.tellers else None
        stock_texts = [t for t in (stock.differences if stock is not None else ())
                       if t.startswith(f"柜员 {s.teller}：")]  # i18n: data (the stock's own lines)
        unsent = self._unsent()
        diffs = (r.fee_differences(entries, fees, states) + r.cash_differences(expected, counted, lines)
                 + r.card_differences(s.teller, line, entries, stock_texts)
                 + r.outbox_differences(unsent))
        if line is not None and line.holding:
            diffs.append(Difference(CUSTODY_KEY, zh("您名下仍有 {holding} 张今日领用的空白卡未交回"
                                                    "（请先在“空白卡库存”交回，或说明原因）。",
                                                    holding=line.holding)))
        state = (QT_TR_NOOP("营业中") if s.closed_at is None
                 else zh("已结束（{close_kind}）",
                         close_kind=CLOSE_KIND_ZH.get(s.close_kind or "", s.close_kind or "")))
        return DayEndReport(
            scope="teller", day=s.business_day, branch_code=self.ctx.branch.code,
            branch_name=self.ctx.branch.name, counter_id=s.counter_id, made_at=self.ctx.made_at(),
            teller=s.teller, session_id=s.id,
            session_zh=zh("会话 #{session_id} · 柜台 {counter_id} · {opened_at} 开始 · {state}", session_id=s.id,
                          counter_id=s.counter_id, opened_at=_local(_naive(s.opened_at)), state=state),
            businesses=r.count_businesses(entries, states), fees=lines,
            fee_entries=tuple(r.FeeEntry(f.receipt_no, f.kind, f.business, f.amount_fen, f.method,
                                         f.reference, f.teller) for f in fees),
            opening_float_fen=s.opening_float_fen, cash_expected_fen=expected,
            cash_counted_fen=counted, cards=r.card_counts(line, entries),
            blank_stock=self.ctx.stock is not None, unsent=unsent,
            differences=r.with_explanations(diffs, notes))

    def branch_report(self, day: str | None = None) -> DayEndReport:
        """Every teller's work in this store on ``day`` (default today), the whole blank stock."""
        day = day or self.ctx.today()
        dt.date.fromisoformat(day)  # a bad date is refused before anything is read
        start, end = day_bounds(day)
        entries = list(self.ctx.repo.audit_between(start, end))
        fees = list(self.ctx.fees.of_day(day))
        op_ids = [str(e.detail.get("op_id")) for e in entries if e.detail.get("op_id")]
        states = self.ctx.repo.op_states(op_ids + [f.business_ref for f in fees])
        lines = r.fee_lines(fees)
        sessions = list(self.ctx.repo.sessions_of_day(day))
        notes: dict[str, str] = {}
        session_lines: list[str] = []
        cash_diffs: list[Difference] = []
        floats, counted_total, all_counted = 0, 0, bool(sessions)
        for s in sessions:
            own_notes, counted = self.notes(s)
            notes.update(own_notes)
            floats += s.opening_float_fen
            own_lines = r.fee_lines(self.ctx.fees.of_session(s.id))
            cash = r.cash_expected(s.opening_float_fen, own_lines)
            # each session's drawer on its own: one short and one over do not cancel out
            cash_diffs += [Difference(f"{d.key}:{s.id}", zh("柜员 {teller}（会话 #{session_id}）：{difference}",
                                                            teller=s.teller, session_id=s.id,
                                                            difference=d.text_zh),
                                      own_notes.get(d.key, ""))
                           for d in r.cash_differences(cash, counted, own_lines)]
            all_counted = all_counted and counted is not None
            counted_total += counted or 0
            state = (QT_TR_NOOP("营业中") if s.closed_at is None else
                     zh("{closed_at} {close_kind}", closed_at=_local(_naive(s.closed_at)),
                        close_kind=CLOSE_KIND_ZH.get(s.close_kind or "", s.close_kind or "")))
            session_lines.append(zh(
                "#{session_id} 柜员 {teller} 柜台 {counter_id} · {opened_at} 开始 · {state} · "
                "现金应有 {expected}，实点 {counted}", session_id=s.id, teller=s.teller,
                counter_id=s.counter_id, opened_at=_local(_naive(s.opened_at)), state=state,
                expected=r.yuan(cash), counted=QT_TR_NOOP("未清点") if counted is None else r.yuan(counted)))
        stock = self._stock(day)
        unsent = self._unsent()
        diffs = (r.fee_differences(entries, fees, states) + cash_diffs
                 + [Difference(f"stock:{i}", t) for i, t in enumerate(stock.differences if stock else ())]
                 + r.outbox_differences(unsent))
        issued_total = sum(1 for e in entries if e.action == "issuance.issued")
        cards = r.card_counts(None, entries)
        if stock is not None:
            cards = replace(cards, handed=sum(t.handed for t in stock.tellers),
                            taken_back=sum(t.taken_back for t in stock.tellers),
                            issued=sum(t.issued for t in stock.tellers),
                            spoiled=sum(t.spoiled for t in stock.tellers),
                            holding=sum(t.holding for t in stock.tellers))
            if issued_total != cards.issued:
                diffs.append(Difference("issued", zh("即时制卡业务 {businesses} 笔，而空白卡登记发卡 {issued} 张，"
                                                     "相差 {difference} 张。", businesses=issued_total,
                                                     issued=cards.issued, difference=issued_total - cards.issued)))
        return DayEndReport(
            scope="branch", day=day, branch_code=self.ctx.branch.code,
            branch_name=self.ctx.branch.name, counter_id=self.ctx.counter_id,
            made_at=self.ctx.made_at(), teller=self.teller,
            session_zh=zh("当日柜员会话 {count} 个", count=len(sessions)),
            businesses=r.count_businesses(entries, states),
            fees=lines, fee_entries=tuple(r.FeeEntry(f.receipt_no, f.kind, f.business, f.amount_fen,
                                                     f.method, f.reference, f.teller) for f in fees),
            opening_float_fen=floats, cash_expected_fen=r.cash_expected(floats, lines),
            cash_counted_fen=counted_total if all_counted else None, cards=cards,
            blank_stock=self.ctx.stock is not None, stock=stock, unsent=unsent,
            differences=r.with_explanations(diffs, notes), sessions=tuple(session_lines))

    def with_branch_wide(self, report: DayEndReport) -> DayEndReport:
        """The branch report with the central's sum over every counter of the branch (or the
        plain statement that the line is down and the figures are this PC's only)."""
        return replace(report, branch_wide=ask_central(self.ctx.central, report.branch_code,
                                                       report.day, self.ctx.clock))

    def publish(self, day: str) -> str | None:
        """Queue this counter's summary of ``day`` for the central (every teller's sessions
        of the day in this store); the op_id, or None when there is no outbox. A later
        summary replaces an earlier one at the central."""
        if self.ctx.outbox is None:
            return None
        reports = [(s, self.teller_report(s)) for s in self.ctx.repo.sessions_of_day(day)]
        unsent = [u.status for u in self.ctx.repo.unsent() if u.operation != OPERATION]
        payload = summary_payload(branch_code=self.ctx.branch.code, counter_id=self.ctx.counter_id,
                                  day=day, made_at=self.ctx.clock(), reports=reports, unsent=unsent)
        # an ordering key of its own: a summary the central refused holds back nothing (the
        # next one replaces it); the central keeps the latest made (made_at), whatever the order
        return self.ctx.outbox.enqueue(OPERATION, f"day-end:{day}:{uuid.uuid4().hex}", payload)

    def pdf(self, report: DayEndReport) -> bytes:
        return report_pdf(report, self.ctx.branch)

    def csv(self, report: DayEndReport) -> str:
        from counter_app.workflows.day_end.documents import to_csv

        return to_csv(report)

    def record_output(self, report: DayEndReport, how: str) -> None:
        self.ctx.repo.audit(self.teller, "day_end.printed", scope=report.scope, day=report.day,
                            session=report.session_id or 0, how=how)

    # -- the teller's acts -------------------------------------------------------------------------
    def _open_session(self) -> WorkSessionFacts:
        s = self.own_session()
        if s is None:
            raise DayEndRefused(QT_TR_NOOP("您没有未结束的会话（可能已日终结束或被主管强制结束）；请点“重新汇总”"
                                           "查看，需要继续营业请在“柜员会话”开始营业。"), code="NO_SESSION")
        return s

    def count_cash(self, text: str) -> int:
        """The cash in the drawer, counted (yuan as typed); audited."""
        s = self._open_session()
        try:
            fen = parse_yuan(text, QT_TR_NOOP("现金"))
        except ValidationError as exc:
            raise ValidationError("cash", exc.message_zh, code=exc.code) from None
        self.ctx.repo.audit(self.teller, COUNTED, session=s.id, cash_fen=fen)
        return fen

    def explain(self, key: str, text: str) -> None:
        s = self._open_session()
        text = text.strip()
        if len(text) < MIN_EXPLANATION_CHARS:
            raise ValidationError(key, QT_TR_NOOP("请说明差异原因（至少4个字）。"), code="EXPLANATION_REQUIRED")
        self.ctx.repo.audit(self.teller, EXPLAINED, session=s.id, key=key, text=text)

    def unexplained(self, session: WorkSessionFacts, close_note: str = "") -> tuple[Difference, ...]:
        """The gate of ``SessionDesk.close``: differences not explained yet (the close note
        explains blank cards still held, as the session page has always asked)."""
        report = self.teller_report(session)
        left = []
        for d in report.unexplained:
            if d.key == CUSTODY_KEY and len(close_note.strip()) >= MIN_EXPLANATION_CHARS:
                continue
            left.append(d)
        return tuple(left)

    def close(self) -> tuple[WorkSessionFacts, DayEndReport]:
        """Close the own session once every difference is explained; the final report."""
        if self.sessions is None:
            raise DayEndRefused(QT_TR_NOOP("本机未提供柜员会话。"), code="NO_SESSION")
        s = self._open_session()
        report = self.teller_report(s)
        left = report.unexplained
        if left:
            raise DayEndRefused(unexplained_zh(left), code="DAY_END_UNEXPLAINED")
        custody_note = next((d.explanation for d in report.differences if d.key == CUSTODY_KEY), "")
        closed = self.sessions.close(custody_note)
        self.ctx.repo.audit(self.teller, "day_end.closed", session=s.id,
                            differences=len(report.differences),
                            businesses=report.businesses_done, fees_net_fen=report.fees_net_fen)
        return closed, replace(self.teller_report(closed), made_at=self.ctx.made_at())


def unexplained_zh(left: Sequence[Difference]) -> str:
    return zh("日终轧账有 {count} 项差异尚未说明，不能结束营业：{differences}"
              "请在“日终轧账”中逐项说明原因（至少4个字）后再结束。", count=len(left),
              differences=clauses([d.text_zh for d in left], 3))


def report_pdf(report: DayEndReport, branch: BranchInfo) -> bytes:
    from counter_app.workflows.day_end.documents import render_pdf

    return render_pdf(report, branch)
