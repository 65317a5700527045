"""The social-security query through the reference central: a long history paged, a gap
named, a person without a card, both card functions, application progress, the summary PDF
(masked, text checked with pdftotext), and a query refused while the line is down."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import LineState, SyncStatus
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.printing import BranchInfo
from counter_app.private_files import write_private
from counter_app.workflows.queries import QueryContext, QueryDesk, QueryWorkflow, Step
from counter_app.workflows.queries.views import card_lines, month_rows
from tests.fixtures.audit import Audit

pytestmark = pytest.mark.central

LI_MING = "330203198506122017"  # ~80 months, active ICBC card
LUO_JUN = "330282198903145672"  # six months without any record 30–35 months ago
ZHANG_WEI = "330205199003011232"  # adult, no card
CHEN_JING = "330211198807152340"  # social function temporarily lost (12333)
GAO_JIE = "330203199409094565"  # ICBC card collected, not activated
BRANCH = BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True)


@pytest.fixture
def client(central: CentralSimHandle) -> Iterator[HttpCentralClient]:
    c = HttpCentralClient(central.url, timeouts=Timeouts(connect=2, read=5, health=2),
                          client_id="ICBC-NB-0101/C01")
    yield c
    c.close()


@pytest.fixture
def audit() -> Audit:
    return Audit()


def make_desk(client: HttpCentralClient, audit: Audit, **kw: Any) -> QueryDesk:
    return QueryDesk(QueryContext(BRANCH, "ICBC-NB-0101", "ICBC", "C01", "t01", client, audit,
                                  **kw))


@pytest.fixture
def desk(client: HttpCentralClient, audit: Audit) -> QueryDesk:
    return make_desk(client, audit)


def query(desk: QueryDesk, id_number: str) -> QueryWorkflow:
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": id_number})
    assert wf.next() == Step.RESULT
    assert wf.step is Step.RESULT and wf.record.result is not None
    return wf


def pdf_text(pdf: bytes, tmp: Path) -> str:
    path = tmp / "q.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          check=True, text=True).stdout


def test_tools_are_installed() -> None:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed: apt-get install poppler-utils"


def test_long_history_comes_page_by_page_without_loss(desk: QueryDesk,
                                                      client: HttpCentralClient) -> None:
    everything = client.contributions(LI_MING, months=120)
    all_months = sorted({m.year_month for m in everything.months}, reverse=True)
    assert len(all_months) > 2 * desk.ctx.page_months  # long enough to need three pages
    wf = query(desk, LI_MING)
    first = wf.record.result
    assert first is not None and wf.has_more
    assert sorted({m.year_month for m in first.months}, reverse=True) == all_months[:24]
    pages = 1
    while wf.has_more:
        wf.more_months()
        pages += 1
    result = wf.record.result
    assert result is not None and result.pages == pages == -(-len(all_months) // 24)
    assert [m.year_month for m in result.months] == [m.year_month for m in everything.months]
    assert len(result.months) == len(everything.months)  # no month twice, none lost
    rows = month_rows(result.months)
    assert [r.year_month for r in rows] == all_months and not any(r.gap_months for r in rows)
    with pytest.raises(CounterError) as err:
        wf.more_months()
    assert err.value.code == "NO_MORE_MONTHS"


def test_gap_is_named_once_the_pages_reach_it(desk: QueryDesk, tmp_path: Path) -> None:
    wf = query(desk, LUO_JUN)
    result = wf.record.result
    assert result is not None
    assert not any(r.gap_months for r in month_rows(result.months))  # the gap is older
    result = wf.all_months()
    gaps = [r for r in month_rows(result.months) if r.gap_months]
    assert len(gaps) == 1 and gaps[0].gap_months == 6
    today = dt.datetime.now(CHINA_TIME).date()  # the central dates months in Beijing time
    newest_missing = (today.year * 12 + today.month - 1) - 30
    assert gaps[0].gap_until == f"{newest_missing // 12}{newest_missing % 12 + 1:02d}"
    text = pdf_text(wf.summary_pdf("save_pdf"), tmp_path)
    assert "断缴" in text and "无缴费记录（6个月）" in text
    assert "期间共有6个月无任何缴费记录" in text
    assert "缴费记录为全部历史" in text


def test_person_without_a_card(desk: QueryDesk, tmp_path: Path) -> None:
    wf = query(desk, ZHANG_WEI)
    result = wf.record.result
    assert result is not None and result.cards == () and result.applications == ()
    assert result.months  # contributes, has simply no card
    text = pdf_text(wf.summary_pdf("print"), tmp_path)
    assert "没有社会保障卡记录" in text and "本行没有该人员的申领记录" in text
    assert ZHANG_WEI not in text and "330205********1232" in text  # masked


def test_both_functions_and_a_lapsing_temporary_loss(desk: QueryDesk) -> None:
    wf = query(desk, CHEN_JING)
    result = wf.record.result
    assert result is not None and len(result.cards) == 1
    line = card_lines(result, dt.datetime.now(dt.UTC))[0]
    assert (line.card_state_zh, line.social_zh, line.financial_zh) == ("正常使用", "临时挂失", "正常")
    assert "临时挂失至" in line.note_zh and line.bank_zh == "中国建设银行"
    lapsed = card_lines(result, dt.datetime.now(dt.UTC) + dt.timedelta(days=30))[0]
    assert lapsed.social_zh == "正常" and "临时挂失" not in lapsed.note_zh


def test_application_progress_at_the_own_bank(desk: QueryDesk) -> None:
    from counter_app.workflows.queries.views import application_lines

    wf = query(desk, GAO_JIE)
    result = wf.record.result
    assert result is not None
    (app,) = application_lines(result)
    assert app.state_zh == "领卡未激活" and app.progress == "●●●●●○"
    assert "启用" in app.next_zh
    assert result.cards[0].card_state == "PENDING_ACTIVATION"


def test_summary_is_masked_marked_on_reprint_and_audited(desk: QueryDesk, audit: Audit,
                                                         tmp_path: Path) -> None:
    wf = query(desk, LI_MING)
    first = pdf_text(wf.summary_pdf("print"), tmp_path)
    assert LI_MING not in first and "330203********2017" in first and "补打" not in first
    assert "不作为参保证明" in first and "NB0000016" in first and "更早的记录未查询" in first
    second = wf.summary_pdf("save_pdf")
    path = write_private(tmp_path / "summary.pdf", second)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "补打" in pdf_text(second, tmp_path)
    actions = [a for a, _d in audit.events]
    assert actions == ["query.made", "query.printed", "query.printed"]
    for _a, detail in audit.events:  # codes only, never the person
        assert LI_MING not in repr(detail) and "李明" not in repr(detail)


def test_unknown_person_refused_in_chinese(desk: QueryDesk) -> None:
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": "110101199003074477"})
    with pytest.raises(CounterError) as err:
        wf.next()
    assert err.value.code == "PERSON_NOT_FOUND" and "没有该身份证号码" in err.value.message_zh
    assert wf.step is Step.IDENTIFY


def test_line_down_refused_clearly(desk: QueryDesk, central: CentralSimHandle) -> None:
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING})
    central.line_down()
    try:
        with pytest.raises(CounterError) as err:
            wf.next()
    finally:
        central.line_up()
    assert err.value.code == "QUERY_NEEDS_CENTRAL"
    assert "须实时连接中心系统" in err.value.message_zh and "不能离线查询" in err.value.message_zh
    assert wf.step is Step.IDENTIFY and wf.record.result is None
    assert wf.next() == Step.RESULT  # the line is back: the same query goes through


def test_known_offline_line_refuses_without_waiting(client: HttpCentralClient,
                                                    audit: Audit) -> None:
    now = dt.datetime.now(dt.UTC)
    offline = SyncStatus(LineState.OFFLINE, None, 0, 0, None, now, now, "LINE_DOWN", now)
    desk = make_desk(client, audit, sync_status=lambda: offline)
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING})
    with pytest.raises(CounterError) as err:
        wf.next()
    assert err.value.code == "QUERY_NEEDS_CENTRAL" and wf.record.result is None
    assert audit.events == []
