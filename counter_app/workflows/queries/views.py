"""What a query result says in the teller's words: the same rows on screen and on paper.

Pure functions over the typed record: insurance status per type, the contribution months
(with the months that have no record at all named as gaps), each card's state for both
functions, each application's progress.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.domain.banks import PARTNER_BANKS
from counter_app.domain.card_states import (
    CARD_STATE_NAMES_ZH,
    FUNCTION_STATE_NAMES_ZH,
    CardState,
    FunctionState,
    effective_function_state,
)
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.texts import QT_TR_NOOP, clauses, zh
from counter_app.workflows.queries.record import (
    ApplicationInfo,
    InsuranceStatus,
    MonthRecord,
    QueryResult,
)

INSURANCES = ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")
INSURANCE_ZH = {"PENSION": QT_TR_NOOP("养老保险"), "UNEMPLOYMENT": QT_TR_NOOP("失业保险"),
                "WORK_INJURY": QT_TR_NOOP("工伤保险")}
STATUS_ZH = {"CONTRIBUTING": QT_TR_NOOP("参保缴费"), "SUSPENDED": QT_TR_NOOP("暂停缴费"), "NONE": QT_TR_NOOP("未参保")}
PLACE_ZH = {"330200": QT_TR_NOOP("宁波市")}
KIND_ZH = {"NEW": QT_TR_NOOP("首次申领"), "REPLACEMENT_LOST": QT_TR_NOOP("遗失补卡"),
           "REPLACEMENT_DAMAGED": QT_TR_NOOP("损坏换卡")}
MAKING_ZH = {"INSTANT": QT_TR_NOOP("即时制卡"), "FACTORY": QT_TR_NOOP("集中制卡")}
COLLECTION_ZH = {"BRANCH": QT_TR_NOOP("网点领取"), "EMS": QT_TR_NOOP("EMS邮寄"), "EMPLOYER": QT_TR_NOOP("单位代领")}
# the production ladder the teller reads the progress on (instant issuance skips the middle)
LADDER = ("DATA_ENTRY", "IN_PRODUCTION", "SHIPPED", "BRANCH_RECEIVED", "ISSUED_NOT_ACTIVATED",
          "ACTIVATED")
NEXT_ZH = {
    "DATA_ENTRY": QT_TR_NOOP("申请已受理，等待中心制卡。"),
    "BLANK_MARKED": QT_TR_NOOP("即时制卡进行中（已分配空白卡）。"),
    "PERSONALISED": QT_TR_NOOP("即时制卡已完成，待发卡。"),
    "IN_PRODUCTION": QT_TR_NOOP("中心制卡中，制成后发往领卡网点或邮寄。"),
    "SHIPPED": QT_TR_NOOP("卡片已发出：网点领取的待网点签收后通知领卡；EMS邮寄的请查收邮件。"),
    "BRANCH_RECEIVED": QT_TR_NOOP("卡片已到领卡网点，请持身份证到网点领卡。"),
    "ISSUED_NOT_ACTIVATED": QT_TR_NOOP("卡片已领取但未启用，请到发卡银行网点办理启用。"),
    "ACTIVATED": QT_TR_NOOP("已完成，卡片已启用。"),
    "FAILED": QT_TR_NOOP("制卡失败，请按失败原因重新申领或补正材料。"),
    "CANCELLED": QT_TR_NOOP("申请已撤销。"),
}


def bank_zh(code: str) -> str:
    bank = PARTNER_BANKS.get(code)
    return bank.name_zh if bank else code


def ym_zh(ym: str) -> str:
    return zh("{year}年{month}月", year=ym[:4], month=ym[4:])


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def _ym_index(ym: str) -> int:
    return int(ym[:4]) * 12 + int(ym[4:]) - 1


def _ym_of(index: int) -> str:
    return f"{index // 12}{index % 12 + 1:02d}"


@dataclass(frozen=True)
class InsuranceLine:
    insurance_zh: str
    status_zh: str
    employer: str  # name and credit code, or "—"
    months_paid: int


def insurance_lines(result: QueryResult) -> list[InsuranceLine]:
    """One line per insurance type, in the fixed order, a missing type as 未参保."""
    by_type: dict[str, InsuranceStatus] = {i.insurance: i for i in result.insurances}
    lines = []
    for ins in INSURANCES:
        s = by_type.get(ins)
        if s is None or s.status == "NONE":
            lines.append(InsuranceLine(INSURANCE_ZH[ins], STATUS_ZH["NONE"], "—", 0))
            continue
        employer = s.employer_name or "—"
        if s.employer_credit_code:
            employer = zh("{employer}（统一社会信用代码 {credit_code}）", employer=employer,
                          credit_code=s.employer_credit_code)
        lines.append(InsuranceLine(INSURANCE_ZH[ins], STATUS_ZH.get(s.status, s.status), employer,
                                   s.months_paid))
    return lines


@dataclass(frozen=True)
class MonthRow:
    """A month with records, or a run of months without any (``gap_months`` > 0)."""

    year_month: str
    employer_no: str = ""
    cells: tuple[tuple[str, str, str], ...] = ()  # per insurance: (base, personal, 已缴/未缴/—)
    gap_months: int = 0
    gap_until: str = ""  # the newest month of the gap (year_month is its oldest)

    @property
    def label_zh(self) -> str:
        if not self.gap_months:
            return ym_zh(self.year_month)
        if self.gap_months == 1:
            return ym_zh(self.year_month)
        return zh("{first}至{last}", first=ym_zh(self.year_month), last=ym_zh(self.gap_until))


def month_rows(months: tuple[MonthRecord, ...]) -> list[MonthRow]:
    """Newest first; the months between two records that have no record at all become one
    gap row (断缴), so a teller sees a gap even where the central sends nothing."""
    by_month: dict[str, dict[str, MonthRecord]] = {}
    for m in months:
        by_month.setdefault(m.year_month, {})[m.insurance] = m
    rows: list[MonthRow] = []
    newer: int | None = None
    for ym in sorted(by_month, reverse=True):
        here = _ym_index(ym)
        if newer is not None and newer - here > 1:
            rows.append(MonthRow(_ym_of(here + 1), gap_months=newer - here - 1,
                                 gap_until=_ym_of(newer - 1)))
        cells_by = by_month[ym]
        first = next(iter(cells_by.values()))
        cells = []
        for ins in INSURANCES:
            c = cells_by.get(ins)
            if c is None:
                cells.append(("—", "—", "—"))
            else:
                cells.append((yuan(c.base_fen), yuan(c.personal_fen),
                              QT_TR_NOOP("已缴") if c.paid else QT_TR_NOOP("未缴")))
        rows.append(MonthRow(ym, first.employer_no, tuple(cells)))
        newer = here
    return rows


def gap_months_total(months: tuple[MonthRecord, ...]) -> int:
    return sum(r.gap_months for r in month_rows(months))


@dataclass(frozen=True)
class CardLine:
    card_no: str
    bank_zh: str
    card_state_zh: str
    social_zh: str
    financial_zh: str
    dates_zh: str
    note_zh: str


def _date(iso: str) -> str:
    return iso[:10] if iso else "—"


def _aware(iso: str) -> dt.datetime | None:
    if not iso:
        return None
    t = dt.datetime.fromisoformat(iso)
    return t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)


def card_lines(result: QueryResult, now: dt.datetime) -> list[CardLine]:
    """Each card the person holds or held, newest first, both functions as they hold now (a
    lapsed temporary loss reads as normal)."""
    lines = []
    for c in sorted(result.cards, key=lambda c: c.issued_on, reverse=True):
        until = _aware(c.temp_loss_until)
        notes: list[str] = []
        try:
            card_zh = CARD_STATE_NAMES_ZH[CardState(c.card_state)]
        except ValueError:
            card_zh = c.card_state
        states = []
        for raw in (c.social_state, c.financial_state):
            try:
                state = effective_function_state(raw, until, now)
                states.append(FUNCTION_STATE_NAMES_ZH[state])
                if state is FunctionState.TEMP_LOST and until is not None:
                    notes.append(zh("临时挂失至{until}，逾期未转正式挂失自动解除",
                                    until=f"{until.astimezone(CHINA_TIME):%Y-%m-%d %H:%M}"))
            except ValueError:
                states.append(raw)
        if c.damaged:
            notes.append(QT_TR_NOOP("卡片损坏，可办理换卡"))
        if c.replacement_applied:
            notes.append(QT_TR_NOOP("已申请补换卡"))
        lines.append(CardLine(c.card_no, bank_zh(c.bank_code), card_zh, states[0], states[1],
                              zh("{issued} 至 {expires}", issued=_date(c.issued_on), expires=_date(c.expires_on)),
                              clauses(list(dict.fromkeys(notes)))))
    return lines


@dataclass(frozen=True)
class ApplicationLine:
    application_id: str
    kind_zh: str
    how_zh: str  # making mode and collection
    where_zh: str  # bank and branch
    state_zh: str
    progress: str  # e.g. "●●●○○○" along the ladder
    next_zh: str
    applied_on: str


def application_lines(result: QueryResult) -> list[ApplicationLine]:
    lines = []
    for a in sorted(result.applications, key=lambda a: a.created_at, reverse=True):
        lines.append(ApplicationLine(
            a.application_id, KIND_ZH.get(a.kind, a.kind),
            zh("{making}，{collection}", making=MAKING_ZH.get(a.making_mode, a.making_mode),
               collection=COLLECTION_ZH.get(a.collection, a.collection)),
            zh("{bank} {branch}", bank=bank_zh(a.bank_code), branch=a.branch_code),
            a.state_zh or a.state, progress(a),
            next_step_zh(a), _date(a.created_at)))
    return lines


def progress(a: ApplicationInfo) -> str:
    """Where the application stands on the production ladder (filled dots)."""
    if a.state in ("FAILED", "CANCELLED"):
        return ""
    # instant issuance (a blank reserved, the chip written) stands at "being made"
    instant = {"BLANK_MARKED": 2, "PERSONALISED": 2}
    done = instant.get(a.state, LADDER.index(a.state) + 1 if a.state in LADDER else 0)
    if a.collection == "EMS" and a.state == "SHIPPED":
        done = LADDER.index("BRANCH_RECEIVED") + 1  # EMS skips the branch
    return "●" * done + "○" * (len(LADDER) - done)


def next_step_zh(a: ApplicationInfo) -> str:
    text = NEXT_ZH.get(a.state, "")
    if a.state == "FAILED" and a.failure_reason:
        text = zh("制卡失败（{reason}），请重新申领或补正材料。", reason=a.failure_reason)
    if a.state == "SHIPPED" and a.ems_tracking_no:
        text = zh("已交EMS寄出，邮件号 {tracking_no}，请查收。", tracking_no=a.ems_tracking_no)
    elif a.state == "SHIPPED" and a.batch_id:
        text = zh("已随批次 {batch_id} 发往网点 {branch_code}，待网点签收后领卡。",
                  batch_id=a.batch_id, branch_code=a.branch_code)
    return text
