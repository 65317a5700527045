"""The contribution certificate (参保证明) as a wizard over its typed record.

Steps::

    identify → options → done (print; a later print is a marked reprint)

The central issues the certificate, its authorisation code and QR payload; the counter only
prints what it got. Nothing is kept in a local draft: a certificate takes a minute, the
issued one lives at the central, and a retry after a lost answer reuses the saved
idempotency key (the central then returns the same certificate, not a second one).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from counter_app.central.errors import CentralError, CentralRefusal
from counter_app.central.sync import check_new_work
from counter_app.devices.idcard import IdCardData
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.printing import mask_id_number, mask_name
from counter_app.printing.certificate import (
    CertificateData,
    CertificatePerson,
    InsuranceLine,
    MonthLine,
    render_certificate,
)
from counter_app.workflows.certificate.context import CertificateContext
from counter_app.workflows.certificate.record import (
    KIND_ZH,
    MAX_MONTHS,
    CertificateKind,
    CertificateRecord,
    Issued,
    Options,
    Step,
    insurances_of,
)
from counter_app.workflows.identity_step import Identity, read_identity, typed_identity
from counter_app.workflows.kernel import JournalEntry, StepDef, StepInvalid, Wizard
from counter_app.workflows.persons_card import CardRead, read_persons_card

STEP_TITLES_ZH: dict[Step, str] = {
    Step.IDENTIFY: QT_TR_NOOP("核验身份"),
    Step.OPTIONS: QT_TR_NOOP("证明类型与期间"),
    Step.DONE: QT_TR_NOOP("打印证明"),
}

NEEDS_CENTRAL_ZH = QT_TR_NOOP("参保证明须由中心系统实时出具（授权码和二维码由中心生成），当前无法连接中心系统，"
                              "请线路恢复后再办理；柜面不能离线出具参保证明。")


PRINT_NEEDS_CENTRAL_ZH = QT_TR_NOOP("打印参保证明须实时连接中心系统（每次打印、补打由中心登记次数，供查验人核验），"
                                    "当前无法连接中心系统，请线路恢复后再打印。")


def _check_identify(r: CertificateRecord) -> dict[str, str]:
    return {} if r.identity.id_number else {"id_number": QT_TR_NOOP("请读取或录入身份证号码。")}


def certificate_steps() -> tuple[StepDef[CertificateRecord], ...]:
    t = STEP_TITLES_ZH
    return (
        StepDef(Step.IDENTIFY, t[Step.IDENTIFY], validate=_check_identify),
        StepDef(Step.OPTIONS, t[Step.OPTIONS], forward=False,
                forward_message_zh=QT_TR_NOOP("请点击“出具参保证明”。")),
        StepDef(Step.DONE, t[Step.DONE], forward=False, forward_message_zh=QT_TR_NOOP("本笔证明已出具。")),
    )


def month_span(first: str, last: str) -> int:
    """Calendar months from ``first`` to ``last`` (YYYYMM), both included."""
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[4:]) - int(first[4:]) + 1


def _month(text: str) -> bool:
    return len(text) == 6 and text.isdigit() and 1 <= int(text[4:]) <= 12


def period_error(first: str, last: str, today: dt.date) -> str:
    """Why a chosen period cannot be certified ("" when it can): the central's limits."""
    if not (_month(first) and _month(last)):
        return QT_TR_NOOP("请选择缴费明细的起始月份和截止月份。")
    if first > last:
        return QT_TR_NOOP("起始月份不能晚于截止月份。")
    if last > f"{today.year}{today.month:02d}":
        return QT_TR_NOOP("截止月份不能晚于本月。")
    span = month_span(first, last)
    if span > MAX_MONTHS:
        return zh("缴费明细最多打印{max_months}个月，所选期间为{months}个月，请缩短期间。",
                  max_months=MAX_MONTHS, months=span)
    return ""


def check_options(kind: str, months: str, period_from: str = "", period_to: str = "",
                  today: dt.date | None = None) -> tuple[Options, dict[str, str]]:
    errors: dict[str, str] = {}
    try:
        k = CertificateKind(kind or CertificateKind.ALL.value)
    except ValueError:
        k = CertificateKind.ALL
        errors["kind"] = QT_TR_NOOP("请选择证明险种。")
    try:
        n = int(months or MAX_MONTHS)
    except ValueError:
        n = MAX_MONTHS
        errors["months"] = QT_TR_NOOP("缴费明细期间应为月数。")
    if not 1 <= n <= MAX_MONTHS:
        errors["months"] = zh("缴费明细最多打印近{max_months}个月，请选择1至{max_months}个月。",
                              max_months=MAX_MONTHS)
        n = max(1, min(n, MAX_MONTHS))
    first, last = period_from.strip(), period_to.strip()
    if first or last:  # a chosen period instead of the latest months
        problem = period_error(first, last, today or dt.date.today())
        if problem:
            errors["period"] = problem
        else:
            n = month_span(first, last)
            errors.pop("months", None)
    return Options(k, n, first, last), errors


class CertificateWorkflow(Wizard[CertificateRecord]):
    """One person's certificate, from the identity check to the printed pages."""

    def __init__(self, ctx: CertificateContext, record: CertificateRecord | None = None, *,
                 step: str | None = None, journal: Iterable[JournalEntry] = ()) -> None:
        self.ctx = ctx
        record = record or CertificateRecord(str(uuid.uuid4()), ctx.teller,
                                             ctx.clock().isoformat())
        super().__init__(certificate_steps(), record, step=step, journal=tuple(journal),
                         clock=ctx.clock)
        self.note("started")

    def save(self) -> None:
        """Nothing to keep locally (see the module docstring): the journal stays in memory and
        the audit log records what was issued and printed."""

    @property
    def step(self) -> Step:
        return Step(self.current)

    @property
    def id_number(self) -> str:
        return self.record.identity.id_number

    def label(self) -> str:
        ident = self.record.identity
        if ident.name:
            return mask_name(ident.name)
        return mask_id_number(ident.id_number) if ident.id_number else QT_TR_NOOP("尚未识别")

    # -- identify ----------------------------------------------------------------------------
    def read_id_card(self) -> IdCardData:
        card, identity = read_identity(self.ctx.id_reader, self.ctx.today())
        self._set_identity(identity)
        return card

    def set_id_number(self, typed: str) -> str:
        identity = typed_identity(typed, self.record.identity, self.ctx.today())
        if identity != self.record.identity:
            self._set_identity(identity)
        return identity.id_number

    def _set_identity(self, identity: Identity) -> None:
        # another person: nothing issued for the previous one stays on screen (nor their card)
        same = identity.id_number == self.record.identity.id_number
        self._set(CertificateRecord(self.record.record_id, self.record.teller,
                                    self.record.started_at, identity=identity,
                                    card=self.record.card if same else None,
                                    options=self.record.options))
        self.note("identified", source=identity.source)

    def read_card(self) -> CardRead:
        """F3: the person's own social security card, checked against the identity and the
        central (blocking); optional — the ID card alone is enough."""
        return read_persons_card(self.ctx, self.id_number, "certificate", self.note,
                                 lambda card: self._set(replace(self.record, card=card)))

    # -- options ---------------------------------------------------------------------------------
    def set_options(self, kind: str, months: str, period_from: str = "",
                    period_to: str = "") -> dict[str, str]:
        options, errors = check_options(kind, months, period_from, period_to, self.ctx.today())
        if options != self.record.options:
            # another certificate: a new request, never the replay of the previous one
            self._set(replace(self.record, options=options, idempotency_key=""))
        return errors

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        step = Step(key)
        if step is Step.IDENTIFY:
            typed = values.get("id_number", "").strip()
            if typed:
                self.set_id_number(typed)
            return {}
        if step is Step.OPTIONS:
            return self.set_options(values.get("kind", ""), values.get("months", ""),
                                    values.get("period_from", ""), values.get("period_to", ""))
        return {}

    # -- issue -----------------------------------------------------------------------------------
    def issue(self) -> Issued:
        """Ask the central to issue the certificate (blocking); moves to the print step."""
        if self.step is not Step.OPTIONS:
            raise StepInvalid({"step": QT_TR_NOOP("请先核验身份并选择证明类型。")})
        if not self.id_number:
            raise StepInvalid({"id_number": QT_TR_NOOP("请先读取或录入身份证号码。")})
        if self.ctx.sync_status is not None:
            check_new_work("certificate_print", self.ctx.sync_status(), self.ctx.limits,
                           free_disk_mb=self.ctx.free_disk_mb())
        if not self.record.idempotency_key:
            self._set(replace(self.record, idempotency_key=str(uuid.uuid4())))
        opts = self.record.options
        try:
            cert = self.ctx.central.issue_certificate(
                self.id_number, branch_code=self.ctx.branch_code, months=opts.months,
                idempotency_key=self.record.idempotency_key, kind=opts.kind.value,
                period_from=opts.period_from, period_to=opts.period_to)
        except CentralRefusal:
            self.note("refused")
            raise
        except CentralError as error:
            self.note("central_unreachable", error=type(error).__name__)
            raise CounterError(NEEDS_CENTRAL_ZH, code="CERTIFICATE_NEEDS_CENTRAL") from error
        issued = Issued(cert.auth_code, cert.qr_payload, cert.issued_at.isoformat(),
                        cert.valid_until.isoformat(), cert.content_sha256, dict(cert.content))
        person = issued.content.get("person") or {}
        identity = replace(self.record.identity,
                           name=self.record.identity.name or str(person.get("name", "")))
        self._set(replace(self.record, issued=issued, identity=identity, printings=0))
        self._history.append(self.current)
        self._move(Step.DONE)
        self.note("issued", months=opts.months, kind=opts.kind.value)
        self.ctx.audit(self.ctx.teller, "certificate.issued", auth_code=cert.auth_code,
                       kind=opts.kind.value, months=opts.months, id_source=identity.source,
                       card_read=self.record.card is not None)
        return issued

    # -- print -----------------------------------------------------------------------------------
    @property
    def is_reprint_next(self) -> bool:
        return self.record.printings >= 1

    def data(self, printing: int | None = None) -> CertificateData:
        issued = self.record.issued
        if issued is None:
            raise CounterError(QT_TR_NOOP("参保证明尚未出具，不能打印。"), code="NOT_ISSUED")
        return certificate_data(self.ctx, issued, self.record.options.kind,
                                printing or max(1, self.record.printings))

    def preview_pdf(self) -> bytes:
        """What the next output will look like (not counted as a print)."""
        return render_certificate(self.data(self.record.printings + 1))

    def output_pdf(self, how: str) -> bytes:
        """The certificate for printing or saving; the second and later outputs are reprints,
        marked on every page and recorded in the audit log.

        The central counts every output first (a verifier sees how many were printed) and its
        count is the number printed on the page; the key is kept until the count is known,
        so a retry after a lost answer is not counted twice."""
        issued = self.record.issued
        if issued is None:
            raise CounterError(QT_TR_NOOP("参保证明尚未出具，不能打印。"), code="NOT_ISSUED")
        if not self.record.print_key:
            self._set(replace(self.record, print_key=str(uuid.uuid4())))
        try:
            check = self.ctx.central.record_certificate_print(
                issued.auth_code, branch_code=self.ctx.branch_code,
                idempotency_key=self.record.print_key)
        except CentralRefusal:
            self.note("print_refused")
            raise
        except CentralError as error:
            self.note("central_unreachable", error=type(error).__name__)
            raise CounterError(PRINT_NEEDS_CENTRAL_ZH, code="CERTIFICATE_NEEDS_CENTRAL") from error
        printing = max(1, check.prints)
        pdf = render_certificate(self.data(printing))
        self._set(replace(self.record, printings=printing, print_key=""))
        event = "reprinted" if printing > 1 else "printed"
        self.note(event, how=how, printing=printing)
        self.ctx.audit(self.ctx.teller, f"certificate.{event}", auth_code=issued.auth_code,
                       how=how, printing=printing)
        return pdf


def certificate_data(ctx: CertificateContext, issued: Issued, kind: CertificateKind,
                     printing: int) -> CertificateData:
    """The printed document from what the central issued (and only from that)."""
    c: dict[str, Any] = issued.content
    p = c.get("person") or {}
    summary = tuple(InsuranceLine(str(s["insurance"]), str(s["status"]),
                                  str(s.get("employer_name") or ""),
                                  str(s.get("employer_credit_code") or ""),
                                  int(s.get("months_paid") or 0))
                    for s in c.get("summary") or [])
    months = tuple(MonthLine(str(m["year_month"]), str(m["employer_no"]), str(m["insurance"]),
                             str(m["place"]), int(m["base_fen"]), int(m["personal_fen"]),
                             bool(m["paid"]))
                   for m in c.get("months") or [])
    return CertificateData(
        title=str(c.get("title") or "浙江省社会保险参保证明（个人专用）"),  # i18n: data (the printed form's)
        person=CertificatePerson(str(p.get("name", "")), str(p.get("social_security_no", "")),
                                 str(p.get("id_type", "居民身份证")), str(p.get("id_number", "")),  # i18n: data
                                 str(p.get("sex", ""))),
        summary=summary, months=months, insurances=insurances_of(kind), kind_zh=KIND_ZH[kind],
        auth_code=issued.auth_code, qr_payload=issued.qr_payload,
        issued_at=_beijing(issued.issued_at), valid_until=_beijing(issued.valid_until),
        printed_at=ctx.clock().astimezone(CHINA_TIME).replace(tzinfo=None),
        branch=ctx.branch, printing=printing)


def _beijing(iso: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(iso)
    aware = t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)
    return aware.astimezone(CHINA_TIME).replace(tzinfo=None)
