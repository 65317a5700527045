"""The social-security query (社保信息查询) as a wizard over its typed record.

Steps::

    identify → result (more months page by page; print the summary)

Read-only: the central answers now or the query is refused with the reason (the counter
keeps no copy of anyone's history to show offline). Nothing is kept in a draft either:
the audit log records that a query was made and printed, never what it showed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from counter_app.central import api as A
from counter_app.central.errors import CentralError, CentralRefusal
from counter_app.central.sync import NewWorkRefused, check_new_work
from counter_app.devices.idcard import IdCardData
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import mask_name
from counter_app.workflows.identity_step import (
    Identity,
    identity_errors,
    read_identity,
    typed_identity,
)
from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid, Wizard
from counter_app.workflows.persons_card import CardRead, read_persons_card
from counter_app.workflows.queries.context import QueryContext
from counter_app.workflows.queries.record import (
    ApplicationInfo,
    CardInfo,
    InsuranceStatus,
    MonthRecord,
    PersonInfo,
    QueryRecord,
    QueryResult,
    Step,
)

T = TypeVar("T")

STEP_TITLES_ZH: dict[Step, str] = {Step.IDENTIFY: QT_TR_NOOP("核验身份"), Step.RESULT: QT_TR_NOOP("查询结果")}

NEEDS_CENTRAL_ZH = QT_TR_NOOP("社保信息查询须实时连接中心系统，当前无法连接中心系统（专线中断或中心停机），"
                              "请线路恢复后再查询；柜面不保存参保和缴费信息，不能离线查询。")


def query_steps() -> tuple[StepDef[QueryRecord], ...]:
    t = STEP_TITLES_ZH
    return (
        StepDef(Step.IDENTIFY, t[Step.IDENTIFY], validate=lambda r: identity_errors(r.identity)),
        StepDef(Step.RESULT, t[Step.RESULT], forward=False,
                forward_message_zh=QT_TR_NOOP("查询已完成，可打印查询结果或办理下一位。")),
    )


def _iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def _months(c: A.Contributions) -> tuple[MonthRecord, ...]:
    return tuple(MonthRecord(m.year_month, m.employer_no, m.insurance, m.place, m.base_fen,
                             m.personal_fen, m.paid) for m in c.months)


def _card(c: A.CardStatus) -> CardInfo:
    return CardInfo(c.card_no, c.bank_code, c.card_state, c.social_state, c.financial_state,
                    c.damaged, _iso(c.issued_on), _iso(c.expires_on), _iso(c.temp_loss_until),
                    c.replacement_applied)


def _application(a: A.Application) -> ApplicationInfo:
    return ApplicationInfo(a.application_id, a.kind, a.state, a.state_zh, a.making_mode,
                           a.collection, a.bank_code, a.branch_code, a.card_no or "",
                           a.batch_id or "", a.ems_tracking_no or "", a.failure_reason or "",
                           _iso(a.created_at), _iso(a.updated_at))


class QueryWorkflow(Wizard[QueryRecord]):
    """One person's query, from the identity check to the printed summary."""

    def __init__(self, ctx: QueryContext, record: QueryRecord | None = None, *,
                 step: str | None = None, journal: Iterable[JournalEntry] = ()) -> None:
        self.ctx = ctx
        record = record or QueryRecord(str(uuid.uuid4()), ctx.teller, ctx.clock().isoformat())
        super().__init__(query_steps(), record, step=step, journal=tuple(journal),
                         clock=ctx.clock)
        self.note("started")

    def save(self) -> None:
        """Nothing to keep (see the module docstring)."""

    @property
    def step(self) -> Step:
        return Step(self.current)

    @property
    def id_number(self) -> str:
        return self.record.identity.id_number

    @property
    def reference(self) -> str:
        """The query's number on the printed summary (from its record id; nothing personal)."""
        return "CX" + self.record.record_id.replace("-", "")[:12].upper()

    def label(self) -> str:
        name = self.record.identity.name
        return mask_name(name) if name else QT_TR_NOOP("（尚未识别）")

    # -- identify ----------------------------------------------------------------------------
    def read_id_card(self) -> IdCardData:
        card, identity = read_identity(self.ctx.id_reader, self.ctx.today())
        self._identify(identity)
        return card

    def set_id_number(self, typed: str) -> str:
        identity = typed_identity(typed, self.record.identity, self.ctx.today())
        if identity != self.record.identity:
            self._identify(identity)
        return identity.id_number

    def _identify(self, identity: Identity) -> None:
        # another person: nothing queried for the previous one stays on screen (nor their card)
        same = identity.id_number == self.record.identity.id_number
        self._set(QueryRecord(self.record.record_id, self.record.teller,
                              self.record.started_at, identity=identity,
                              card=self.record.card if same else None))
        self.note("identified", source=identity.source)

    def read_card(self) -> CardRead:
        """F3: the person's own social security card, checked against the identity and the
        central (blocking); optional — the ID card alone is enough."""
        return read_persons_card(self.ctx, self.id_number, "query", self.note,
                                 lambda card: self._set(replace(self.record, card=card)))

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        if Step(key) is Step.IDENTIFY:
            typed = values.get("id_number", "").strip()
            if typed:
                self.set_id_number(typed)
        return {}

    def next(self) -> str:
        """Leaving the identity step is the query itself."""
        if self.step is Step.IDENTIFY:
            self.query()
            return self.current
        return super().next()

    # -- the query ---------------------------------------------------------------------------
    def _ask(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except CentralRefusal as refusal:
            self.note("refused", code=refusal.code)
            if refusal.code == "PERSON_NOT_FOUND" or refusal.status == 404:
                raise CounterError(QT_TR_NOOP("中心系统中没有该身份证号码的参保人员记录，请核对号码；"
                                              "如确未参保，可办理参保登记。"), code="PERSON_NOT_FOUND") from refusal
            raise
        except CentralError as error:
            self.note("central_unreachable", error=type(error).__name__)
            raise CounterError(NEEDS_CENTRAL_ZH, code="QUERY_NEEDS_CENTRAL") from error

    def query(self) -> QueryResult:
        """Ask the central for everything the person may see (blocking); moves to the result."""
        if self.step is not Step.IDENTIFY:
            raise StepInvalid({"step": QT_TR_NOOP("请先核验身份。")})
        errors = identity_errors(self.record.identity)
        if errors:
            raise StepInvalid(errors)
        if self.ctx.sync_status is not None:
            try:
                check_new_work("contribution_query", self.ctx.sync_status(), self.ctx.limits,
                               free_disk_mb=self.ctx.free_disk_mb())
            except NewWorkRefused as refused:
                if refused.code != "CENTRAL_REQUIRED_OFFLINE":
                    raise
                self.note("refused_offline")
                raise CounterError(NEEDS_CENTRAL_ZH, code="QUERY_NEEDS_CENTRAL") from refused
        central, idn = self.ctx.central, self.id_number
        person = self._ask(lambda: central.get_person(idn))
        contributions = self._ask(lambda: central.contributions(
            idn, limit=self.ctx.page_months))
        cards = self._ask(lambda: central.person_cards(idn))
        applications = self._ask(lambda: central.person_applications(idn))
        eligibility = self._ask(lambda: central.eligibility(idn, self.ctx.bank_code))
        mine = {a.application_id for a in applications}
        elsewhere = eligibility.open_application_id or ""
        result = QueryResult(
            queried_at=self.ctx.clock().isoformat(),
            person=PersonInfo(person.name, person.sex, person.birth_date.isoformat(),
                              person.social_security_no, person.household_region,
                              person.local_household),
            insurances=tuple(InsuranceStatus(s.insurance, s.status, s.employer_name or "",
                                             s.employer_credit_code or "", s.months_paid)
                             for s in contributions.summary),
            months=_months(contributions), next_cursor=contributions.next_cursor or "", pages=1,
            cards=tuple(_card(c) for c in cards),
            applications=tuple(_application(a) for a in applications),
            open_application_elsewhere="" if elsewhere in mine else elsewhere)
        identity = replace(self.record.identity, name=self.record.identity.name or person.name)
        self._set(replace(self.record, identity=identity, result=result, printings=0))
        self._history.append(self.current)
        self._move(Step.RESULT)
        self.note("queried", months=len(result.months), more=bool(result.next_cursor))
        self.ctx.audit(self.ctx.teller, "query.made", source=identity.source,
                       reference=self.reference, card_read=self.record.card is not None)
        return result

    @property
    def has_more(self) -> bool:
        result = self.record.result
        return result is not None and bool(result.next_cursor)

    def more_months(self) -> QueryResult:
        """The next, older page of the contribution history (blocking)."""
        result = self.record.result
        if result is None or not result.next_cursor:
            raise CounterError(QT_TR_NOOP("缴费记录已全部显示。"), code="NO_MORE_MONTHS")
        cursor = result.next_cursor
        page = self._ask(lambda: self.ctx.central.contributions(
            self.id_number, limit=self.ctx.page_months, cursor=cursor))
        known = {(m.year_month, m.insurance) for m in result.months}
        months = result.months + tuple(m for m in _months(page)
                                       if (m.year_month, m.insurance) not in known)
        result = replace(result, months=months, next_cursor=page.next_cursor or "",
                         pages=result.pages + 1)
        self._set(replace(self.record, result=result))
        self.note("more_months", pages=result.pages, more=bool(result.next_cursor))
        return result

    def all_months(self) -> QueryResult:
        """Every remaining page (for a summary covering the whole history)."""
        result = self.record.result
        while result is not None and result.next_cursor:
            result = self.more_months()
        assert result is not None
        return result

    # -- the printed summary ---------------------------------------------------------------
    def summary_pdf(self, how: str) -> bytes:
        """The summary as PDF (printed or saved); the second and later outputs are marked."""
        from counter_app.workflows.queries.summary import render_query_summary

        if self.record.result is None:
            raise CounterError(QT_TR_NOOP("尚未查询，不能打印。"), code="NOT_QUERIED")
        printing = self.record.printings + 1
        pdf = render_query_summary(self.ctx, self.record, self.reference, printing,
                                   self.ctx.clock().astimezone(CHINA_TIME).replace(tzinfo=None))
        self._set(replace(self.record, printings=printing))
        self.note("printed", how=how, printing=printing)
        self.ctx.audit(self.ctx.teller, "query.printed", reference=self.reference, how=how,
                       printing=printing)
        return pdf

    def preview_pdf(self) -> bytes:
        from counter_app.workflows.queries.summary import render_query_summary

        if self.record.result is None:
            raise CounterError(QT_TR_NOOP("尚未查询，不能预览。"), code="NOT_QUERIED")
        return render_query_summary(self.ctx, self.record, self.reference,
                                    self.record.printings + 1,
                                    self.ctx.clock().astimezone(CHINA_TIME).replace(tzinfo=None))
