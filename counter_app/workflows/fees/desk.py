"""Fee collection and refund (工本费收取 / 退费): the rules.

- A fee is quoted from the branch's schedule (``domain.fees``): the profile's amounts, the
  central's replacement fee when the profile says to use it, a first card free.
- It is collected only inside the teller's open work session of today at this counter (the
  day-end reconciles it against the session); once per business (the business's key): a
  retry returns the fee already recorded, never a second one.
- Cash or a bank transfer with its reference; the fee receipt (收据) is a PDF.
- A refund needs a supervisor's authorisation (name and password through the one
  authorisation path), never the refunding teller's own (REFUND_SELF_AUTHORISED), and a
  reason; it is its own record in the refunding teller's session, so both days reconcile;
  a fee is refunded once.
Every record is written with its audit entry in one durable transaction (the store).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.fees import (
    COLLECT,
    METHOD_ZH,
    REFUND,
    FeeMethod,
    FeeQuote,
    FeeSchedule,
    NewFee,
    application_quote,
    check_payment,
    fen_zh,
    replacement_quote,
)
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.printing import BranchInfo
from counter_app.workflows.sessions.desk import MIN_REASON_CHARS, WorkSessionFacts
from counter_app.workflows.supervisor import (
    PURPOSE_REFUND,
    Authorise,
    SupervisorApproval,
    require_fields,
)


def refund_purpose(receipt_no: str) -> str:
    """The authorisation of a refund names the receipt it refunds (in person or remotely): an
    approval asked for one receipt never refunds another (APPROVAL_PURPOSE_MISMATCH)."""
    return f"{PURPOSE_REFUND}:{receipt_no}"


class FeeRefused(CounterError):
    code = "FEE_REFUSED"


class FeeRecordFacts(Protocol):
    """One fee movement (the store's ``FeeView`` has these fields)."""

    @property
    def receipt_no(self) -> str: ...
    @property
    def kind(self) -> str: ...  # collect | refund
    @property
    def business(self) -> str: ...  # e.g. replacement
    @property
    def business_ref(self) -> str: ...  # the business's key (its op_id)
    @property
    def session_id(self) -> int: ...
    @property
    def teller(self) -> str: ...
    @property
    def counter_id(self) -> str: ...
    @property
    def business_day(self) -> str: ...
    @property
    def amount_fen(self) -> int: ...
    @property
    def method(self) -> str: ...
    @property
    def reference(self) -> str: ...
    @property
    def refund_of(self) -> str: ...
    @property
    def authorised_by(self) -> str: ...
    @property
    def at(self) -> dt.datetime: ...  # naive UTC


class FeeRepository(Protocol):
    def record(self, fee: NewFee, now: dt.datetime, *, reason: str = "") -> tuple[FeeRecordFacts, bool]:
        """Write it with its audit entry (``reason``: a refund's, kept in the audit detail);
        (the record, True) — or the one already there for that business or refund, False."""
        ...

    def by_receipt(self, receipt_no: str) -> FeeRecordFacts | None: ...
    def for_business(self, business_ref: str) -> Sequence[FeeRecordFacts]: ...
    def of_session(self, session_id: int) -> Sequence[FeeRecordFacts]: ...
    def of_day(self, day: str) -> Sequence[FeeRecordFacts]: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class FeeContext:
    repo: FeeRepository
    schedule: FeeSchedule
    branch: BranchInfo
    counter_id: str
    #: the teller's open work session, today, at this counter — or None
    session_of: Callable[[str], WorkSessionFacts | None]
    #: a supervisor's authorisation of one act: (approval, purpose) → the supervisor's user
    #: name, or raises (the one authorisation path: password and one-time code, counted, audited)
    authorise: Authorise
    clock: Callable[[], dt.datetime] = _now

    def today(self) -> str:
        return self.clock().astimezone(CHINA_TIME).date().isoformat()


# printed on the fee receipt (a Chinese document)
BUSINESS_ZH = {"replacement": "社会保障卡补换卡工本费", "application": "社会保障卡申领工本费"}  # i18n: data
NO_SESSION_ZH = QT_TR_NOOP("您尚未开始今日营业（没有本柜台今日的柜员会话），不能收费或退费。"
                           "请先在“柜员会话”中开始营业。")


class FeeDesk:
    """One teller's fees at this counter."""

    def __init__(self, ctx: FeeContext, teller: str) -> None:
        self.ctx, self.teller = ctx, teller

    @property
    def schedule(self) -> FeeSchedule:
        return self.ctx.schedule

    def methods(self) -> tuple[FeeMethod, ...]:
        return self.ctx.schedule.methods

    def quote_replacement(self, reason: str, central_fen: int | None) -> FeeQuote:
        return replacement_quote(self.ctx.schedule, reason, central_fen)

    def quote_application(self, *, first_card: bool) -> FeeQuote:
        return application_quote(self.ctx.schedule, first_card=first_card)

    def check(self, method: str, reference: str) -> dict[str, str]:
        return check_payment(self.ctx.schedule, method, reference)[1]

    def _session(self) -> WorkSessionFacts:
        s = self.ctx.session_of(self.teller)
        if s is None:
            raise FeeRefused(NO_SESSION_ZH, code="FEE_NEEDS_SESSION")
        return s

    def ready(self) -> None:
        """Refuses (FEE_NEEDS_SESSION) unless a fee may be taken now: checked before the
        business itself is sent, so a business is never done with its fee impossible."""
        self._session()

    def _number(self, letter: str, now: dt.datetime) -> str:
        day = now.astimezone(CHINA_TIME).strftime("%Y%m%d")
        return f"{self.ctx.branch.code}-{day}-{self.ctx.counter_id}-{letter}{uuid.uuid4().hex[:8].upper()}"

    def collect(self, quote: FeeQuote, method: str, reference: str,
                business_ref: str) -> FeeRecordFacts | None:
        """Record the fee of one business (None when it is free). Once per business."""
        if quote.free:
            return None
        if not business_ref:
            raise ValueError("a fee belongs to a business")
        ref, errors = check_payment(self.ctx.schedule, method, reference)
        if errors:
            field, message = next(iter(errors.items()))
            raise ValidationError(field, message, code="FEE_PAYMENT_INVALID")
        session = self._session()
        now = self.ctx.clock()
        fee = NewFee(self._number("F", now), COLLECT, quote.business, business_ref, session.id,
                     self.teller, self.ctx.counter_id, session.business_day, quote.amount_fen,
                     FeeMethod(method).value, ref)
        record, _created = self.ctx.repo.record(fee, now)
        return record

    def collected_for(self, business_ref: str) -> FeeRecordFacts | None:
        return next((f for f in self.ctx.repo.for_business(business_ref) if f.kind == COLLECT), None)

    def refund(self, receipt_no: str, reason: str,
               approval: SupervisorApproval | None) -> FeeRecordFacts:
        """A supervisor-authorised refund of a collected fee, in this teller's session."""
        reason = reason.strip()
        if len(reason) < MIN_REASON_CHARS:
            raise ValidationError("reason", QT_TR_NOOP("请填写退费原因（至少4个字）。"), code="REASON_REQUIRED")
        original = self.ctx.repo.by_receipt(receipt_no.strip())
        if original is None or original.kind != COLLECT:
            raise FeeRefused(QT_TR_NOOP("没有该收费记录，请核对收据编号。"), code="FEE_UNKNOWN")
        if any(f.kind == REFUND for f in self.ctx.repo.for_business(original.business_ref)):
            raise FeeRefused(zh("收据 {receipt_no} 的费用已退还，不能重复退费。", receipt_no=original.receipt_no),
                             code="FEE_ALREADY_REFUNDED")
        session = self._session()
        who = self.ctx.authorise(require_fields(approval, what=QT_TR_NOOP("退费")),
                                 refund_purpose(original.receipt_no))
        if who == self.teller:  # four eyes: a supervisor at the counter asks another one
            raise FeeRefused(QT_TR_NOOP("不能为本人办理的退费授权，请由另一位主管授权。"),
                             code="REFUND_SELF_AUTHORISED")
        now = self.ctx.clock()
        fee = NewFee(self._number("R", now), REFUND, original.business, original.business_ref,
                     session.id, self.teller, self.ctx.counter_id, session.business_day,
                     original.amount_fen, original.method, original.reference,
                     refund_of=original.receipt_no, authorised_by=who)
        record, created = self.ctx.repo.record(fee, now, reason=reason)
        if not created:
            raise FeeRefused(zh("收据 {receipt_no} 的费用已退还，不能重复退费。", receipt_no=original.receipt_no),
                             code="FEE_ALREADY_REFUNDED")
        return record

    def session_fees(self) -> list[FeeRecordFacts]:
        s = self.ctx.session_of(self.teller)
        return list(self.ctx.repo.of_session(s.id)) if s is not None else []

    def receipt(self, receipt_no: str, *, payer_name: str = "", id_number: str = "",
                basis_zh: str = "") -> bytes:
        """The fee receipt (or the refund's) as PDF bytes."""
        from counter_app.printing.fee_receipt import FeeReceipt, render_fee_receipt

        record = self.ctx.repo.by_receipt(receipt_no)
        if record is None:
            raise FeeRefused(QT_TR_NOOP("没有该收费记录。"), code="FEE_UNKNOWN")
        at = record.at.replace(tzinfo=dt.UTC).astimezone(CHINA_TIME).replace(tzinfo=None)
        data = FeeReceipt(
            number=record.receipt_no, refund=record.kind == REFUND,
            business_zh=BUSINESS_ZH.get(record.business, record.business),
            business_ref=record.business_ref, amount_fen=record.amount_fen,
            method_zh=METHOD_ZH[FeeMethod(record.method)], reference=record.reference,
            teller=record.teller, counter_id=record.counter_id, at=at, basis_zh=basis_zh,
            payer_name=payer_name, id_number=id_number, refund_of=record.refund_of,
            authorised_by=record.authorised_by)
        return render_fee_receipt(data, self.ctx.branch)


def describe_fee(f: FeeRecordFacts) -> str:
    """One line for the screens: number, kind, amount, method (never personal data)."""
    kind = QT_TR_NOOP("退费") if f.kind == REFUND else QT_TR_NOOP("收费")
    method = METHOD_ZH[FeeMethod(f.method)]
    if f.reference:
        return zh("{receipt_no} · {kind} {amount} · {method}（凭证 {reference}）", receipt_no=f.receipt_no,
                  kind=kind, amount=fen_zh(f.amount_fen), method=method, reference=f.reference)
    return zh("{receipt_no} · {kind} {amount} · {method}", receipt_no=f.receipt_no, kind=kind,
              amount=fen_zh(f.amount_fen), method=method)
