"""eligibility.check against a scripted central: what the record, the journal and the error say
for each answer (entitled, not found, not entitled, card on file, application in progress, line
down with and without a local application, staleness refusal)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from counter_app.central import api as A
from counter_app.central.errors import CentralRefusal, LineDownError
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus
from counter_app.domain.applications import StoredApplication
from counter_app.printing import BranchInfo
from counter_app.workflows.application import eligibility as E
from counter_app.workflows.application.context import ApplicationContext
from counter_app.workflows.application.record import ApplicationRecord, Identity, MakingMode

NOW = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
ID = "330205199003011232"
GUARDIAN = "330203198506122017"


def card(card_no: str, state: str, *, social: str = "NORMAL", damaged: bool = False) -> A.CardStatus:
    return A.CardStatus(card_no, ID, "ICBC", state, social, "NORMAL", damaged, None, None, None, False, None)


def app(app_id: str, state: str, state_zh: str) -> A.Application:
    return A.Application(app_id, ID, "NEW", state, state_zh, "factory", "branch_pickup", "ICBC",
                         "NB01", None, None, None, None, None, 0, NOW, NOW)


@dataclass
class ScriptedCentral:
    eligible: bool = True
    reasons: tuple[A.Reason, ...] = ()
    open_application_id: str | None = None
    name: str = "张伟"
    nation: str = "01"
    local: bool = True
    guardian: str | None = None
    cards: list[A.CardStatus] = field(default_factory=list)
    applications: list[A.Application] = field(default_factory=list)
    fail: Exception | None = None
    asked: list[tuple[str, str | None]] = field(default_factory=list)

    def eligibility(self, id_number: str, bank_code: str | None = None) -> A.Eligibility:
        self.asked.append((id_number, bank_code))
        if self.fail is not None:
            raise self.fail
        return A.Eligibility(id_number, self.eligible, False, None, self.open_application_id, self.reasons)

    def get_person(self, id_number: str) -> A.Person:
        return A.Person(id_number, self.name, "1", self.nation, dt.date(1990, 3, 1), "330205",
                        self.local, True, False, self.guardian, id_number)

    def person_cards(self, id_number: str) -> list[A.CardStatus]:
        return self.cards

    def person_applications(self, id_number: str) -> list[A.Application]:
        return self.applications


@dataclass
class LocalStore:
    latest: StoredApplication | None = None

    def latest_application_for(self, id_number: str) -> StoredApplication | None:
        return self.latest if id_number == ID else None


def context(central: ScriptedCentral, *, store: LocalStore | None = None, instant: bool = False,
            status: SyncStatus | None = None, free_disk_mb: float = 1e9) -> ApplicationContext:
    branch = BranchInfo("NB01", "宁波海曙支行", "中国工商银行", instant_issue=instant)
    return ApplicationContext(
        branch=branch, branch_code="NB01", bank_code="ICBC", counter_id="C01", teller="T1",
        central=central, store=store or LocalStore(),
        sync_status=(lambda: status) if status is not None else None,
        free_disk_mb=lambda: free_disk_mb, clock=lambda: NOW)


def record(**identity: Any) -> ApplicationRecord:
    return ApplicationRecord("D1", "T1", NOW.isoformat(), identity=Identity(id_number=ID, **identity))


def test_entitled_person_gets_the_register_filled_in() -> None:
    central = ScriptedCentral(guardian=GUARDIAN)
    out = E.check(context(central), record(), minor=False)
    assert out.error is None
    assert central.asked == [(ID, "ICBC")]
    el = out.record.eligibility
    assert el is not None
    assert (el.checked_at, el.online, el.eligible, el.local, el.registered_guardian) == (
        NOW.isoformat(), True, True, True, True)
    assert el.household == "本市户籍" == out.record.applicant.household
    assert (out.record.applicant.name, out.record.applicant.nation) == ("张伟", "汉族")
    assert out.journal == {"online": True, "eligible": True, "reasons": []}


def test_non_local_household_and_typed_values_are_kept() -> None:
    central = ScriptedCentral(local=False, name="李四", nation="02")
    rec = record()
    rec = ApplicationRecord(rec.draft_id, rec.teller, rec.started_at, identity=rec.identity,
                            applicant=type(rec.applicant)(name="王五", nation="回族"))
    out = E.check(context(central), rec, minor=False)
    el = out.record.eligibility
    assert el is not None and not el.local and not el.registered_guardian
    assert el.household == "非本市户籍（享受本市人社服务）"
    assert (out.record.applicant.name, out.record.applicant.nation) == ("王五", "回族")


def test_person_not_found_is_blocked_with_what_to_do() -> None:
    central = ScriptedCentral(fail=CentralRefusal(404, "PERSON_NOT_FOUND", "无此人"))
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked)
    assert out.error.code == "PERSON_NOT_FOUND" and out.error.route is None
    assert out.error.message_zh == ("中心系统没有该身份证号码的人员登记，不能申领。请核对号码；"
                                    "首次在宁波参保的人员须先办理参保登记。")
    assert out.journal == {"online": True, "blocked": "PERSON_NOT_FOUND"}
    el = out.record.eligibility
    assert el is not None and el.blocked is not None and el.blocked.code == "PERSON_NOT_FOUND"
    assert el.blocked.message == out.error.message_zh


def test_other_refusals_reach_the_caller() -> None:
    central = ScriptedCentral(fail=CentralRefusal(400, "BAD_ID", "号码错误"))
    with pytest.raises(CentralRefusal):
        E.check(context(central), record(), minor=False)


def test_not_entitled_says_what_to_check() -> None:
    central = ScriptedCentral(eligible=False, reasons=(A.Reason("NOT_ENTITLED", "未在本市参保。"),))
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked) and out.error.code == "NOT_ENTITLED"
    assert out.error.message_zh == "未在本市参保。如已在宁波参保或办理居住证，请核实后再来办理。"
    assert out.journal == {"online": True, "eligible": False, "reasons": ["NOT_ENTITLED"],
                           "blocked": "NOT_ENTITLED"}
    el = out.record.eligibility
    assert el is not None and [(r.code, r.message) for r in el.reasons] == [("NOT_ENTITLED", "未在本市参保。")]


def test_a_card_on_file_routes_by_the_usable_card_with_a_masked_number() -> None:
    central = ScriptedCentral(eligible=False, reasons=(A.Reason("ALREADY_HAS_CARD", "已有卡。"),),
                              cards=[card("NB0000016", "ACTIVE"), card("NB0000099", "CANCELLED")])
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked) and out.error.code == "ALREADY_HAS_CARD"
    route = out.error.route
    assert route is not None and route.message_zh == out.error.message_zh
    assert "NB****016" in route.message_zh and "099" not in route.message_zh


@pytest.mark.parametrize("state", ["PENDING_ACTIVATION", "SEALED"])
def test_a_card_not_yet_active_still_counts_as_usable(state: str) -> None:
    central = ScriptedCentral(eligible=False, reasons=(A.Reason("ALREADY_HAS_CARD", "已有卡。"),),
                              cards=[card("NB0000016", state), card("NB0000099", "CANCELLED")])
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked)
    assert out.error.route is not None and "NB****016" in out.error.route.message_zh


def test_only_cancelled_cards_route_by_the_last_one() -> None:
    central = ScriptedCentral(eligible=False, reasons=(A.Reason("ALREADY_HAS_CARD", "已有卡。"),),
                              cards=[card("NB0000016", "CANCELLED"), card("NB0000099", "CANCELLED")])
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked)
    assert out.error.route is not None and "NB****099" in out.error.route.message_zh


def test_an_application_in_progress_routes_by_its_state() -> None:
    central = ScriptedCentral(eligible=False, open_application_id="APP-2",
                              reasons=(A.Reason("APPLICATION_IN_PROGRESS", "有申领。"),),
                              applications=[app("APP-1", "DATA_ENTRY", "数据录入"),
                                            app("APP-2", "SHIPPED", "已发运")])
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked) and out.error.code == "APPLICATION_IN_PROGRESS"
    assert out.error.route is not None and out.error.route.business == "handout"
    assert "已发运" in out.error.message_zh


def test_an_application_the_central_does_not_list_is_in_progress() -> None:
    central = ScriptedCentral(eligible=False, open_application_id="APP-9",
                              reasons=(A.Reason("APPLICATION_IN_PROGRESS", "有申领。"),),
                              applications=[app("APP-2", "SHIPPED", "已发运")])
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked)
    assert out.error.route is not None and out.error.route.business != "handout"
    assert "进行中" in out.error.message_zh


def test_other_reasons_are_joined_and_the_first_code_blocks() -> None:
    central = ScriptedCentral(eligible=False, reasons=(A.Reason("A1", "第一条。"), A.Reason("B2", "第二条。")))
    out = E.check(context(central), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked)
    assert (out.error.code, out.error.message_zh) == ("A1", "第一条。；第二条。")


def test_not_eligible_without_a_reason_still_blocks() -> None:
    out = E.check(context(ScriptedCentral(eligible=False)), record(), minor=False)
    assert isinstance(out.error, E.ApplicationBlocked) and out.error.code == ""


def synced(ago: dt.timedelta) -> SyncStatus:
    return SyncStatus(LineState.ONLINE, 5.0, 0, 0, None, NOW - ago, None, None, NOW)


@pytest.mark.parametrize("instant", [False, True])
@pytest.mark.parametrize("minor", [False, True])
def test_line_down_accepts_for_central_production_with_a_notice(instant: bool, minor: bool) -> None:
    central = ScriptedCentral(fail=LineDownError())
    out = E.check(context(central, instant=instant, status=synced(dt.timedelta(hours=1))), record(), minor)
    assert out.error is None
    assert out.journal == {"online": False, "error": "CENTRAL_LINE_DOWN"}
    el = out.record.eligibility
    assert el is not None
    assert (el.online, el.eligible, el.needs_guardian, el.local, el.line_error, el.making_mode) == (
        False, True, minor, True, "CENTRAL_LINE_DOWN", MakingMode.FACTORY)
    assert el.household == "待中心核验" == out.record.applicant.household
    base = ("专线中断，暂时无法向中心核验资格。本笔申领可先受理、暂存待上传，线路恢复后自动提交，"
            "中心核验不通过时将电话通知申请人。")
    extra = "本网点暂不能即时制卡，本笔改为集中制卡（网点领取或EMS邮寄）。" if instant else ""
    assert el.notice == base + extra


def test_line_down_with_a_local_application_is_blocked() -> None:
    stored = StoredApplication("B-0001", "D0", "pending_sync", "op", "factory", "branch_pickup", None, None,
                               {"id_number": ID}, None, NOW.isoformat())
    out = E.check(context(ScriptedCentral(fail=LineDownError()), store=LocalStore(stored)), record(), False)
    assert isinstance(out.error, E.ApplicationBlocked) and out.error.code == "APPLICATION_IN_PROGRESS"
    assert out.error.message_zh == "本柜台已受理过该申请人的申领（B-0001），不能重复申领。"
    assert out.error.route is not None and out.error.route.business == "central_production"
    assert out.journal == {"online": False, "blocked": "APPLICATION_IN_PROGRESS"}
    assert out.record.eligibility is not None and not out.record.eligibility.online


def test_line_down_and_too_long_without_sync_refuses_new_work() -> None:
    ctx = context(ScriptedCentral(fail=LineDownError()), status=synced(dt.timedelta(hours=73)))
    out = E.check(ctx, record(), minor=False)
    assert isinstance(out.error, NewWorkRefused)
    assert out.journal == {"online": False, "refused": out.error.code}
    assert out.record.eligibility is None


def test_offline_status_without_a_sync_view_counts_as_just_synced() -> None:
    ctx = context(ScriptedCentral())
    status = E.offline_status(ctx)
    assert status.line_state is LineState.OFFLINE
    assert (status.last_success_at, status.checked_at, status.outbox_depth, status.dead_letters) == (
        NOW, NOW, 0, 0)
    assert (status.latency_ms, status.oldest_unsent_age_s, status.last_pull_at, status.last_error_code) == (
        None, None, None, None)
    E.check_deferrable(ctx)


def test_offline_status_keeps_the_sync_view_but_marks_the_line_down() -> None:
    ctx = context(ScriptedCentral(), status=synced(dt.timedelta(hours=1)))
    status = E.offline_status(ctx)
    assert status.line_state is LineState.OFFLINE and status.last_success_at == NOW - dt.timedelta(hours=1)
    E.check_deferrable(ctx)  # synced an hour ago: deferrable work may start
    with pytest.raises(NewWorkRefused) as err:
        E.check_deferrable(context(ScriptedCentral(), status=synced(dt.timedelta(hours=1)), free_disk_mb=1))
    assert err.value.code == "LOW_DISK"


@pytest.mark.parametrize(
    ("nation", "name"),
    [("01", "汉族"), ("1", "汉族"), ("56", E.NATIONS[55]), ("57", ""), ("00", ""),
     ("汉族", "汉族"), ("回", "回族"), ("穿青人", "穿青人族"), (E.NATIONS[3], E.NATIONS[3])],
)
def test_nation_from_a_code_or_a_name(nation: str, name: str) -> None:
    assert E.nation_name(nation) == name
