"""eligibility.check: what each way out records beyond the error (the time of the check, the
route kept on the record, who the central was asked about), against the survivors of
./scripts/mutation.sh on workflows/application/eligibility.py."""

from __future__ import annotations

import dataclasses
import datetime as dt

from counter_app.central.errors import CentralRefusal, LineDownError
from counter_app.central.sync import NewWorkRefused
from counter_app.domain.applications import StoredApplication
from counter_app.workflows.application import eligibility as E
from counter_app.workflows.application_rules import Route
from tests.unit.mutation.test_eligibility_check import (
    ID,
    NOW,
    A,
    LocalStore,
    ScriptedCentral,
    app,
    card,
    context,
    record,
    synced,
)

IN_PRODUCTION = Route("central_production", "集中制卡", "请在“集中制卡”中查询进度。")


class AskedCentral(ScriptedCentral):
    """Also remembers whose cards and applications were asked for."""

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.about: list[tuple[str, str]] = []

    def person_cards(self, id_number: str) -> list[A.CardStatus]:
        self.about.append(("cards", id_number))
        return super().person_cards(id_number)

    def person_applications(self, id_number: str) -> list[A.Application]:
        self.about.append(("applications", id_number))
        return super().person_applications(id_number)


def test_an_audit_break_refuses_before_the_central_is_asked() -> None:
    central = ScriptedCentral()
    status = dataclasses.replace(synced(dt.timedelta(minutes=1)), audit_break=True)
    rec = record()
    out = E.check(context(central, status=status), rec, minor=False)
    assert isinstance(out.error, NewWorkRefused) and out.error.code == "AUDIT_CHAIN_BROKEN"
    assert out.journal == {"refused": "AUDIT_CHAIN_BROKEN"}
    assert out.record is rec and central.asked == []


def test_line_down_with_a_local_application_keeps_the_time_and_the_route() -> None:
    stored = StoredApplication("B-0001", "D0", "pending_sync", "op", "factory", "branch_pickup", None,
                               None, {"id_number": ID}, None, NOW.isoformat())
    out = E.check(context(ScriptedCentral(fail=LineDownError()), store=LocalStore(stored)), record(), False)
    el = out.record.eligibility
    assert el is not None and el.checked_at == NOW.isoformat() and el.online is False
    assert el.blocked is not None and el.blocked.route == IN_PRODUCTION
    assert isinstance(out.error, E.ApplicationBlocked) and out.error.route == IN_PRODUCTION


def test_line_down_acceptance_keeps_the_time_of_the_check() -> None:
    out = E.check(context(ScriptedCentral(fail=LineDownError()), status=synced(dt.timedelta(hours=1))),
                  record(), minor=False)
    assert out.record.eligibility is not None and out.record.eligibility.checked_at == NOW.isoformat()


def test_a_person_not_found_keeps_the_time_of_the_check() -> None:
    central = ScriptedCentral(fail=CentralRefusal(404, "PERSON_NOT_FOUND", "无此人"))
    el = E.check(context(central), record(), minor=False).record.eligibility
    assert el is not None and el.checked_at == NOW.isoformat()
    assert el.blocked is not None and el.blocked.code == "PERSON_NOT_FOUND" and el.blocked.route is None


def test_the_central_is_asked_about_this_persons_cards_and_applications() -> None:
    has_card = AskedCentral(eligible=False, reasons=(A.Reason("ALREADY_HAS_CARD", "已有卡。"),),
                            cards=[card("NB0000016", "ACTIVE")])
    E.check(context(has_card), record(), minor=False)
    applying = AskedCentral(eligible=False, open_application_id="APP-2",
                            reasons=(A.Reason("APPLICATION_IN_PROGRESS", "有申领。"),),
                            applications=[app("APP-2", "SHIPPED", "已发运")])
    E.check(context(applying), record(), minor=False)
    assert has_card.about == [("cards", ID)] and applying.about == [("applications", ID)]


def test_only_cancelled_cards_route_by_the_newest_of_three() -> None:
    central = ScriptedCentral(eligible=False, reasons=(A.Reason("ALREADY_HAS_CARD", "已有卡。"),),
                              cards=[card("NB0000011", "CANCELLED"), card("NB0000022", "CANCELLED"),
                                     card("NB0000033", "CANCELLED")])
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked) and out.error.route is not None
    assert "NB****033" in out.error.route.message_zh


def _route(c: A.CardStatus) -> Route:
    central = ScriptedCentral(eligible=False, reasons=(A.Reason("ALREADY_HAS_CARD", "已有卡。"),),
                              cards=[c])
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked) and out.error.route is not None
    return out.error.route


def test_the_route_follows_the_cards_state_each_function_and_damage() -> None:
    assert _route(card("NB0000016", "SEALED")).business == "handout"
    lost_financial = dataclasses.replace(card("NB0000016", "ACTIVE"), financial_state="LOST")
    assert _route(lost_financial).business == "replacement"
    assert "已挂失" in _route(lost_financial).message_zh
    assert _route(card("NB0000016", "ACTIVE", social="LOST")).business == "replacement"
    damaged = _route(card("NB0000016", "ACTIVE", damaged=True))
    assert damaged.business == "replacement" and "已损坏" in damaged.message_zh
    assert _route(card("NB0000016", "ACTIVE")).business == "card_services"


def test_an_application_the_central_does_not_list_is_routed_to_central_production() -> None:
    central = ScriptedCentral(eligible=False, open_application_id="APP-9",
                              reasons=(A.Reason("APPLICATION_IN_PROGRESS", "有申领。"),),
                              applications=[app("APP-2", "SHIPPED", "已发运")])
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked)
    assert out.error.route == Route("central_production", "集中制卡",
                                    "该申请人已有进行中的申领（进行中），不能重复申领；可在“集中制卡”中查询进度。")


class MinorCentral(ScriptedCentral):
    """The central says the applicant needs a guardian."""

    def eligibility(self, id_number: str, bank_code: str | None = None) -> A.Eligibility:
        el = super().eligibility(id_number, bank_code)
        return dataclasses.replace(el, needs_guardian=True)


def test_the_centrals_guardian_rule_is_kept_on_the_record() -> None:
    el = E.check(context(MinorCentral()), record(), minor=True).record.eligibility
    assert el is not None and el.needs_guardian is True


def test_a_nation_ending_in_zu_is_kept_even_if_not_listed() -> None:
    # the register may hold a recognised group's own name (e.g. 穿青人 written 穿青族)
    assert E.nation_name("穿青族") == "穿青族"
    assert E.nation_name("回") == "回族" and E.nation_name("回族") == "回族"


def test_a_blocked_application_has_a_code_by_default() -> None:
    assert E.ApplicationBlocked("不能申领。").code == "APPLICATION_BLOCKED"
