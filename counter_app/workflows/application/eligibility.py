"""May this person apply? The central's answer, or the offline rules when the line is down.

A person with a card or an application on file is routed to the business that fits
(one card per person); with the line down the local record is checked for an application
already taken here and the staleness rules decide whether deferrable work may start.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from counter_app.central.api import CardStatus
from counter_app.central.errors import LINE_ERRORS, CentralError, CentralRefusal
from counter_app.central.sync import (
    LineState,
    NewWorkRefused,
    SyncStatus,
    check_audit,
    check_new_work,
)
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, clauses, zh
from counter_app.workflows.application.context import ApplicationContext
from counter_app.workflows.application.record import (
    ApplicationRecord,
    Blocked,
    Eligibility,
    MakingMode,
    ReasonNote,
)
from counter_app.workflows.application_rules import (
    NATIONS,
    Route,
    route_for_application,
    route_for_card,
)

# the business key of deferrable central production in the business catalogue
DEFERRABLE_BUSINESS = "application_factory"


class ApplicationBlocked(CounterError):
    """The person may not apply (not entitled, or routed to another business)."""

    code = "APPLICATION_BLOCKED"

    def __init__(self, message_zh: str, *, code: str = "APPLICATION_BLOCKED",
                 route: Route | None = None) -> None:
        self.route = route
        super().__init__(message_zh, code=code)


@dataclass(frozen=True)
class EligibilityOutcome:
    """The record with the answer in it, what to journal, and the error to raise (if any)
    once the record is saved."""

    record: ApplicationRecord
    journal: dict[str, Any]
    error: Exception | None = None


def offline_status(ctx: ApplicationContext) -> SyncStatus:
    if ctx.sync_status is not None:
        return replace(ctx.sync_status(), line_state=LineState.OFFLINE)
    now = ctx.clock()
    return SyncStatus(LineState.OFFLINE, None, 0, 0, None, now, None, None, now)


def check_deferrable(ctx: ApplicationContext) -> None:
    """Raise NewWorkRefused when queued work may not be taken now (staleness, disk)."""
    check_new_work(DEFERRABLE_BUSINESS, offline_status(ctx), ctx.limits,
                   free_disk_mb=ctx.free_disk_mb(), now=ctx.clock())


def _blocked(record: ApplicationRecord, el: Eligibility, message: str, code: str,
             journal: dict[str, object], route: Route | None = None) -> EligibilityOutcome:
    el = replace(el, blocked=Blocked(code, message, route))
    return EligibilityOutcome(replace(record, eligibility=el), {**journal, "blocked": code},
                              ApplicationBlocked(message, code=code, route=route))


def nation_name(nation: str) -> str:
    """The central may send a code ("01") or a name; the form wants the name."""
    if nation.isdigit():
        index = int(nation) - 1
        return NATIONS[index] if 0 <= index < 56 else ""
    return nation if nation.endswith("族") or nation in NATIONS else nation + "族"  # i18n: data


def check(ctx: ApplicationContext, record: ApplicationRecord, minor: bool) -> EligibilityOutcome:
    """Ask the central (blocking)."""
    if ctx.sync_status is not None:  # an unacknowledged audit break stops every new case
        try:
            check_audit(ctx.sync_status())
        except NewWorkRefused as refused:
            return EligibilityOutcome(record, {"refused": refused.code}, refused)
    number = record.identity.id_number
    checked_at = ctx.clock().isoformat()
    try:
        el = ctx.central.eligibility(number, ctx.bank_code)
        person = ctx.central.get_person(number)
    except LINE_ERRORS as exc:
        return _offline(ctx, record, minor, exc, checked_at)
    except CentralRefusal as exc:
        if exc.code == "PERSON_NOT_FOUND":
            message = QT_TR_NOOP("中心系统没有该身份证号码的人员登记，不能申领。请核对号码；"
                                 "首次在宁波参保的人员须先办理参保登记。")
            return _blocked(record, Eligibility(checked_at), message, "PERSON_NOT_FOUND",
                            {"online": True})
        raise
    household = (QT_TR_NOOP("本市户籍") if person.local_household
                 else QT_TR_NOOP("非本市户籍（享受本市人社服务）"))
    result = Eligibility(
        checked_at=checked_at, online=True, eligible=el.eligible, needs_guardian=el.needs_guardian,
        local=person.local_household, household=household,
        registered_guardian=bool(person.guardian_id_number),
        reasons=tuple(ReasonNote(r.code, r.message_zh) for r in el.reasons))
    applicant = replace(record.applicant, household=household)
    # the central's register fills what a typed identity lacks (the teller checks it)
    if person.name and not applicant.name:
        applicant = replace(applicant, name=person.name)
    if person.nation and not applicant.nation:
        applicant = replace(applicant, nation=nation_name(person.nation))
    record = replace(record, eligibility=result, applicant=applicant)
    codes = [r.code for r in el.reasons]
    journal: dict[str, object] = {"online": True, "eligible": el.eligible, "reasons": codes}
    messages = {r.code: r.message_zh for r in el.reasons}
    if "NOT_ENTITLED" in codes:
        return _blocked(record, result, zh("{reason}如已在宁波参保或办理居住证，请核实后再来办理。",
                                           reason=messages["NOT_ENTITLED"]), "NOT_ENTITLED", journal)
    if "ALREADY_HAS_CARD" in codes:
        route = _route_card(ctx.central.person_cards(number))
        return _blocked(record, result, route.message_zh, "ALREADY_HAS_CARD", journal, route)
    if "APPLICATION_IN_PROGRESS" in codes:
        apps = [a for a in ctx.central.person_applications(number)
                if a.application_id == el.open_application_id]
        route = (route_for_application(apps[0].state_zh, apps[0].state) if apps else
                 route_for_application(QT_TR_NOOP("进行中"), "DATA_ENTRY"))
        return _blocked(record, result, route.message_zh, "APPLICATION_IN_PROGRESS", journal, route)
    if not el.eligible:
        return _blocked(record, result, clauses(list(messages.values())), codes[0] if codes else "",
                        journal)
    return EligibilityOutcome(record, journal)


def _route_card(cards: list[CardStatus]) -> Route:
    usable = [c for c in cards if c.card_state in ("ACTIVE", "PENDING_ACTIVATION", "SEALED")]
    card = usable[-1] if usable else cards[-1]
    masked = card.card_no[:2] + "****" + card.card_no[-3:]
    return route_for_card(card.card_state, card.social_state, card.financial_state,
                          card.damaged, masked)


def _offline(ctx: ApplicationContext, record: ApplicationRecord, minor: bool, exc: CentralError,
             checked_at: str) -> EligibilityOutcome:
    local = ctx.store.latest_application_for(record.identity.id_number)
    if local is not None:
        return _blocked(record, Eligibility(checked_at, online=False),
                        zh("本柜台已受理过该申请人的申领（{application_no}），不能重复申领。",
                           application_no=local.application_no),
                        "APPLICATION_IN_PROGRESS", {"online": False},
                        Route("central_production", QT_TR_NOOP("集中制卡"),
                              QT_TR_NOOP("请在“集中制卡”中查询进度。")))
    try:
        check_deferrable(ctx)
    except CounterError as refused:
        return EligibilityOutcome(record, {"online": False, "refused": refused.code}, refused)
    note = (QT_TR_NOOP("专线中断，暂时无法向中心核验资格。本笔申领可先受理、暂存待上传，线路恢复后自动提交，"
                       "中心核验不通过时将电话通知申请人。本网点暂不能即时制卡，本笔改为集中制卡（网点领取或EMS邮寄）。")
            if ctx.instant_issue else
            QT_TR_NOOP("专线中断，暂时无法向中心核验资格。本笔申领可先受理、暂存待上传，线路恢复后自动提交，"
                       "中心核验不通过时将电话通知申请人。"))
    household = record.applicant.household or QT_TR_NOOP("待中心核验")
    result = Eligibility(checked_at=checked_at, online=False, eligible=True, needs_guardian=minor,
                         local=True, household=household, line_error=exc.code,
                         making_mode=MakingMode.FACTORY, notice=note)
    record = replace(record, eligibility=result,
                     applicant=replace(record.applicant, household=household))
    return EligibilityOutcome(record, {"online": False, "error": exc.code})
