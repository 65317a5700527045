"""The query wizard headless, on a fake central through the same port: identity rules, the
paged history (a gap across a page boundary, a page repeating a month), a lapsed temporary
loss, applications at another bank, and every way the central can be missing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from counter_app.central import api as A
from counter_app.central.errors import CentralRefusal, LineDownError
from counter_app.central.sync import LineState, SyncStatus
from counter_app.devices.idcard import DEMO_ID_CARDS, SimulatedIdCardReader
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.printing import BranchInfo
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.queries import QueryContext, QueryWorkflow, Step
from counter_app.workflows.queries.views import card_lines, month_rows, progress

LI_MING = "330203198506122017"
NOW = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)


def _month(ym: str, ins: str = "PENSION") -> A.ContributionMonth:
    return A.ContributionMonth(ym, "E0000001", ins, "330200", 500000, 40000, True)


class FakeCentral:
    """Pages of months with a record, newest first, as the contract describes them."""

    def __init__(self, months: list[str], *, repeat_boundary: bool = False) -> None:
        self.months = sorted(months, reverse=True)
        self.repeat_boundary = repeat_boundary
        self.calls: list[tuple[str, Any]] = []
        self.down = False
        self.cards: list[A.CardStatus] = []
        self.apps: list[A.Application] = []
        self.open_elsewhere: str | None = None

    def _call(self, name: str, arg: Any = None) -> None:
        self.calls.append((name, arg))
        if self.down:
            raise LineDownError()

    def get_person(self, id_number: str) -> A.Person:
        self._call("person")
        if id_number != LI_MING:
            raise CentralRefusal(404, "PERSON_NOT_FOUND", "无此人")
        return A.Person(LI_MING, "李明", "1", "01", dt.date(1985, 6, 12), "330203", True, False,
                        False, None, LI_MING)

    def contributions(self, id_number: str, months: int = 48, *, limit: int | None = None,
                      cursor: str | None = None) -> A.Contributions:
        self._call("contributions", cursor)
        assert limit is not None
        older = [m for m in self.months if cursor is None or m < cursor]
        page = older[:limit]
        if self.repeat_boundary and cursor is not None:
            page = [cursor, *page]  # a central that repeats the boundary month
        nxt = page[-1] if len(older) > limit else None
        summary = (A.InsuranceSummary("PENSION", "CONTRIBUTING", "某公司", "91330200X", 10),)
        return A.Contributions(id_number, summary, tuple(_month(m) for m in page), nxt)

    def person_cards(self, id_number: str) -> list[A.CardStatus]:
        self._call("cards")
        return self.cards

    def person_applications(self, id_number: str) -> list[A.Application]:
        self._call("applications")
        return self.apps

    def eligibility(self, id_number: str, bank_code: str | None = None) -> A.Eligibility:
        self._call("eligibility", bank_code)
        return A.Eligibility(id_number, False, False, None, self.open_elsewhere, ())


class Audit:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, actor: str, action: str, /, **detail: Any) -> None:
        self.events.append((action, detail))


def make(central: FakeCentral, **kw: Any) -> tuple[QueryWorkflow, Audit]:
    audit = Audit()
    ctx = QueryContext(BranchInfo("ICBC-NB-0101", "营业部", "中国工商银行", True), "ICBC-NB-0101",
                       "ICBC", "C01", "t01", central, audit,
                       clock=lambda: NOW, page_months=kw.pop("page_months", 3), **kw)
    return QueryWorkflow(ctx), audit


def query(wf: QueryWorkflow, id_number: str = LI_MING) -> None:
    wf.apply(Step.IDENTIFY, {"id_number": id_number})
    wf.next()


def test_nothing_typed_is_refused_before_asking_the_central() -> None:
    central = FakeCentral(["202601"])
    wf, _ = make(central)
    with pytest.raises(StepInvalid) as err:
        wf.next()
    assert "id_number" in err.value.errors and central.calls == []


def test_a_mistyped_number_is_refused_by_its_check_digit() -> None:
    wf, _ = make(FakeCentral(["202601"]))
    with pytest.raises(ValidationError) as err:
        wf.apply(Step.IDENTIFY, {"id_number": "330203198506122018"})
    assert err.value.code == "ID_CHECKSUM"


def test_an_expired_id_card_on_the_reader_is_refused() -> None:
    card = dataclasses.replace(DEMO_ID_CARDS[LI_MING], valid_until=dt.date(2026, 3, 9))
    wf, _ = make(FakeCentral(["202601"]), id_reader=SimulatedIdCardReader(card))
    with pytest.raises(ValidationError) as err:
        wf.read_id_card()
    assert err.value.code == "IDCARD_EXPIRED" and wf.id_number == ""


def test_card_read_then_same_number_typed_stays_read() -> None:
    wf, _ = make(FakeCentral(["202601"]), id_reader=SimulatedIdCardReader(DEMO_ID_CARDS[LI_MING]))
    wf.read_id_card()
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING.lower()})
    assert wf.record.identity.source == "reader" and wf.record.identity.name == "李明"


def test_gap_across_a_page_boundary_appears_when_the_older_page_arrives() -> None:
    # records for 2026-01..2025-11 and 2025-06..2025-04: four months missing in between
    central = FakeCentral(["202601", "202512", "202511", "202506", "202505", "202504"])
    wf, _ = make(central)
    query(wf)
    result = wf.record.result
    assert result is not None and result.next_cursor == "202511"
    assert not any(r.gap_months for r in month_rows(result.months))
    result = wf.more_months()
    gaps = [r for r in month_rows(result.months) if r.gap_months]
    assert [(g.year_month, g.gap_until, g.gap_months) for g in gaps] == [("202507", "202510", 4)]
    assert result.next_cursor == "" and not wf.has_more
    assert gaps[0].label_zh == "2025年07月至2025年10月"


def test_gap_of_one_month_across_a_year_end() -> None:
    rows = month_rows(tuple(_month_record(m) for m in ("202601", "202511")))
    assert [(r.year_month, r.gap_months, r.label_zh) for r in rows if r.gap_months] == [
        ("202512", 1, "2025年12月")]


def _month_record(ym: str) -> Any:
    from counter_app.workflows.queries.record import MonthRecord

    return MonthRecord(ym, "E1", "PENSION", "330200", 1, 1, True)


def test_a_page_that_repeats_a_month_adds_it_once() -> None:
    central = FakeCentral(["202601", "202512", "202511", "202510", "202509"], repeat_boundary=True)
    wf, _ = make(central)
    query(wf)
    result = wf.all_months()
    yms = [m.year_month for m in result.months]
    assert yms == ["202601", "202512", "202511", "202510", "202509"]


def test_lapsed_temporary_loss_reads_as_normal_and_both_functions_shown() -> None:
    central = FakeCentral(["202601"])
    central.cards = [A.CardStatus("NB0000016", LI_MING, "ICBC", "ACTIVE", "TEMP_LOST", "LOCKED",
                                  False, dt.date(2024, 3, 1), dt.date(2034, 3, 1),
                                  NOW - dt.timedelta(hours=1), False, None)]
    wf, _ = make(central)
    query(wf)
    assert wf.record.result is not None
    (line,) = card_lines(wf.record.result, NOW)
    assert (line.social_zh, line.financial_zh) == ("正常", "应用锁定")


def test_applications_at_another_bank_are_named_not_shown() -> None:
    central = FakeCentral(["202601"])
    central.open_elsewhere = "APP-OTHER"
    wf, _ = make(central)
    query(wf)
    assert wf.record.result is not None
    assert wf.record.result.open_application_elsewhere == "APP-OTHER"
    assert ("eligibility", "ICBC") in central.calls


@pytest.mark.parametrize(("state", "collection", "dots"), [
    ("DATA_ENTRY", "BRANCH", 1), ("IN_PRODUCTION", "BRANCH", 2), ("SHIPPED", "BRANCH", 3),
    ("SHIPPED", "EMS", 4), ("BRANCH_RECEIVED", "BRANCH", 4), ("ACTIVATED", "BRANCH", 6),
    ("BLANK_MARKED", "BRANCH", 2), ("FAILED", "BRANCH", 0)])
def test_progress_along_the_production_ladder(state: str, collection: str, dots: int) -> None:
    from counter_app.workflows.queries.record import ApplicationInfo

    app = ApplicationInfo("A1", "NEW", state, "", "FACTORY", collection, "ICBC", "ICBC-NB-0101")
    assert progress(app).count("●") == dots


def test_unknown_person_is_said_in_chinese() -> None:
    wf, _ = make(FakeCentral([]))
    with pytest.raises(CounterError) as err:
        query(wf, "330205199003011232")
    assert err.value.code == "PERSON_NOT_FOUND" and wf.step is Step.IDENTIFY


def test_line_down_mid_query_refuses_and_keeps_nothing() -> None:
    central = FakeCentral(["202601"])
    central.down = True
    wf, audit = make(central)
    with pytest.raises(CounterError) as err:
        query(wf)
    assert err.value.code == "QUERY_NEEDS_CENTRAL" and "不能离线查询" in err.value.message_zh
    assert wf.record.result is None and audit.events == []


def test_line_down_while_paging_keeps_what_was_shown() -> None:
    central = FakeCentral(["202601", "202512", "202511", "202510"])
    wf, _ = make(central)
    query(wf)
    central.down = True
    with pytest.raises(CounterError) as err:
        wf.more_months()
    assert err.value.code == "QUERY_NEEDS_CENTRAL"
    assert wf.record.result is not None and len(wf.record.result.months) == 3 and wf.has_more


@pytest.mark.parametrize("state", [LineState.OFFLINE, LineState.PAUSED])
def test_known_offline_refuses_without_calling(state: LineState) -> None:
    central = FakeCentral(["202601"])
    status = SyncStatus(state, None, 0, 0, None, NOW, NOW, None, NOW)
    wf, _ = make(central, sync_status=lambda: status)
    with pytest.raises(CounterError) as err:
        query(wf)
    assert err.value.code == "QUERY_NEEDS_CENTRAL" and central.calls == []


def test_degraded_line_still_asks() -> None:
    central = FakeCentral(["202601"])
    status = SyncStatus(LineState.DEGRADED, 900.0, 0, 0, None, NOW, NOW, None, NOW)
    wf, _ = make(central, sync_status=lambda: status)
    query(wf)
    assert wf.step is Step.RESULT
