"""The branch-wide day-end through the reference central: two counter PCs of one branch (two
loopback identities, two SQLite stores), each a business with its fee and its teller's close;
the branch report of either shows both counters summed, a re-sent summary is not counted
twice, a counter that worked today and has not reported is named, and with the line down the
report says plainly that its figures are this PC's only (screen text, PDF and CSV)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from counter_app.bootstrap import Fakes, Services, build_services
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.domain.fees import FeeQuote
from counter_app.store.card_operations import CardOperationStore
from counter_app.workflows.day_end.branch import OPERATION
from tests.fixtures.app import make_profile

pytestmark = pytest.mark.central

ROOT = Path(__file__).resolve().parents[3]
BRANCH = "ICBC-NB-0101"
FEE = FeeQuote("replacement", 2000, "本网点配置的补换卡工本费标准")


def counter(tmp_path: Path, url: str, branch: str, counter_id: str) -> Services:
    profile = make_profile(tmp_path / counter_id)
    client = HttpCentralClient(url, timeouts=Timeouts(connect=1, read=5, health=1),
                               client_id=f"{branch}/{counter_id}")
    return build_services(dataclasses.replace(profile, branch_code=branch, counter_id=counter_id),
                          fakes=Fakes(central=client, no_presence=True))


@pytest.fixture(params=[BRANCH])
def two(request: pytest.FixtureRequest, tmp_path: Path,
        central: CentralSimHandle) -> Iterator[tuple[Services, Services]]:
    """Two counter PCs of one branch; each test its own branch (the module's central is
    shared by its tests, and the branch's day sums every counter of it)."""
    suffix = uuid.uuid4().hex[:4].upper()
    a = counter(tmp_path, central.url, request.param, f"A{suffix}")
    b = counter(tmp_path, central.url, request.param, f"B{suffix}")
    yield a, b
    for s in (a, b):
        s.close()


def business_with_fee(services: Services, teller: str, method: str, reference: str = "") -> None:
    """A replacement accepted by the central as the workflow records it, and its fee."""
    services.session_desk(teller).open("100")
    op_id, now = str(uuid.uuid4()), dt.datetime.now(dt.UTC)
    ops = CardOperationStore(services.store)
    ops.begin(op_id=op_id, operation="cards.replacement", id_number="330203198506122017",
              payload={"card_no": "NB0000016"}, actor=teller, action="card.replacement",
              detail={"op_id": op_id, "reason": "lost", "fee_fen": 2000}, hold_s=0, now=now)
    ops.sent(op_id, {"application_id": "A1"}, now)
    assert services.fee_desk(teller).collect(FEE, method, reference, op_id) is not None


def sent(services: Services) -> None:
    """The outbox drained to the central (the day summary among it)."""
    report = services.sync.drain()
    assert report.dead == 0 and report.stopped_by is None, report
    assert not [u for u in services.day_end_context().repo.unsent() if u.operation == OPERATION]


def test_two_counters_summed_by_the_central(two: tuple[Services, Services], central: CentralSimHandle,
                                            tmp_path: Path) -> None:
    a, b = two
    business_with_fee(a, "T0301", "cash")
    business_with_fee(b, "T0302", "transfer", "TX20261130")
    # counter B called the central today (its audit head): the central knows it worked today
    b.central.report_audit_head(BRANCH, b.profile.counter_id, seq=1, head_sha256="b" * 64,
                                idempotency_key=str(uuid.uuid4()))

    # A closes its teller's day: the summary goes through A's outbox
    day_end_a = a.day_end_desk("T0301")
    assert day_end_a.count_cash("120") == 12000
    closed, _final = day_end_a.close()
    day = closed.business_day
    assert [u.operation for u in a.day_end_context().repo.unsent()] == [OPERATION]
    sent(a)

    report = day_end_a.with_branch_wide(day_end_a.branch_report(day))
    bw = report.branch_wide
    assert bw is not None and bw.data is not None, bw
    counters = {c.counter_id: c for c in bw.data.counters}
    assert counters[a.profile.counter_id].reported
    assert not counters[b.profile.counter_id].reported
    assert bw.data.not_reported == (b.profile.counter_id,)  # worked today, no summary yet
    teller = counters[a.profile.counter_id].tellers[0]
    assert (teller.teller, teller.sessions, teller.open_sessions) == ("T0301", 1, 0)
    assert [(x.kind, x.done) for x in teller.businesses] == [("card.replacement", 1)]
    assert [(f.method, f.collected, f.collected_fen) for f in teller.fees] == [("cash", 1, 2000)]

    # B's teller closes through 柜员会话 (the session desk, not the day-end page): sent too
    b.session_desk("T0302").close()
    sent(b)
    report = a.day_end_desk("T0301").with_branch_wide(a.day_end_desk("T0301").branch_report(day))
    assert report.branch_wide is not None and report.branch_wide.data is not None
    totals = report.branch_wide.data.totals
    assert report.branch_wide.data.not_reported == ()
    assert [(x.kind, x.done) for x in totals.businesses] == [("card.replacement", 2)]
    assert sorted((f.method, f.collected, f.collected_fen) for f in totals.fees) == [
        ("cash", 1, 2000), ("transfer", 1, 2000)]
    assert (totals.sessions, totals.open_sessions) == (2, 0)
    # this PC's own figures stay this PC's: one business, the cash fee
    assert report.businesses_done == 1 and report.fees_net_fen == 2000

    # a re-send (A's summary of the day again) replaces A's, never adds to it
    assert a.day_end_desk("T0301").publish(day) is not None
    sent(a)
    again = b.day_end_desk("T0302").with_branch_wide(b.day_end_desk("T0302").branch_report(day))
    assert again.branch_wide is not None and again.branch_wide.data is not None
    assert [(x.kind, x.done) for x in again.branch_wide.data.totals.businesses] == [
        ("card.replacement", 2)]
    assert sum(f.collected_fen for f in again.branch_wide.data.totals.fees) == 4000

    # the sheet and the CSV carry the branch-wide part
    pdf = tmp_path / "branch.pdf"
    pdf.write_bytes(b.day_end_desk("T0302").pdf(again))
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages).replace("\n", "")
    assert "全网点各柜台（中心汇总）" in text and a.profile.counter_id in text
    assert "已上报柜台 2/2" in text
    csv_text = b.day_end_desk("T0302").csv(again)
    assert "branch_business,card.replacement,2,not_done=0" in csv_text
    assert "branch_fee_net,all,4000,fen" in csv_text
    assert f"branch_counter,{a.profile.counter_id},reported," in csv_text

    # the line down: the branch figures are said to be this PC's only
    central.line_down()
    try:
        down = a.day_end_desk("T0301").with_branch_wide(a.day_end_desk("T0301").branch_report(day))
    finally:
        central.line_up()
    assert down.branch_wide is not None and down.branch_wide.data is None
    assert "仅为本机" in down.branch_wide.note_zh and "专线中断" in down.branch_wide.note_zh
    assert "branch_wide,available,0," in a.day_end_desk("T0301").csv(down)
    text = "".join(p.extract_text() for p in PdfReader(
        _write(tmp_path / "down.pdf", a.day_end_desk("T0301").pdf(down))).pages).replace("\n", "")
    assert "仅为本机" in text and "全网点各柜台" not in text


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_summary_is_refused_for_another_counter(two: tuple[Services, Services]) -> None:
    """The counter comes from the verified identity: A cannot report B's day."""
    from counter_app.central.errors import CentralRefusal

    a, b = two
    with pytest.raises(CentralRefusal) as refused:
        a.central.execute(OPERATION, {"branch_code": BRANCH, "day": "2026-11-30",
                                      "counter_id": b.profile.counter_id,
                                      "made_at": "2026-11-30T08:00:00+00:00", "tellers": []},
                          idempotency_key=str(uuid.uuid4()))
    assert refused.value.code == "COUNTER_FORBIDDEN"


@pytest.mark.parametrize("two", ["ICBC-NB-0102"], indirect=True)
def test_report_command_with_the_branch_option(two: tuple[Services, Services], central: CentralSimHandle,
                                               tmp_path: Path) -> None:
    """``counter-app report day-end --branch``: this PC's day and the branch's through the
    central, the counter not reported named; with the line down said plainly."""
    a, b = two
    business_with_fee(a, "T0301", "cash")
    b.central.report_audit_head(b.profile.branch_code, b.profile.counter_id, seq=1, head_sha256="c" * 64,
                                idempotency_key=str(uuid.uuid4()))
    assert a.day_end_desk("T0301").count_cash("120") == 12000
    day = a.day_end_desk("T0301").close()[0].business_day
    sent(a)
    state = tmp_path / a.profile.counter_id
    demo = make_profile(state).source
    assert demo is not None
    text = demo.read_text(encoding="utf-8")
    text = text.replace('counter_id = "03"', f'counter_id = "{a.profile.counter_id}"')
    text = text.replace('code = "ICBC-NB-0101"', f'code = "{a.profile.branch_code}"')
    text = text.replace('base_url = "http://127.0.0.1:8765"', f'base_url = "{central.url}"')
    profile = state / "profile.toml"
    profile.write_text(text, encoding="utf-8")
    env = dict(os.environ, COUNTER_APP_HOME=str(state), QT_QPA_PLATFORM="offscreen")
    csv_file = tmp_path / "branch.csv"
    command = [sys.executable, "-m", "counter_app.cli", "--profile", str(profile), "report", "day-end",
               "--date", day, "--branch"]
    done = subprocess.run([*command, "--csv", str(csv_file)], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "已上报柜台 1/2" in done.stdout and f"未上报：{b.profile.counter_id}" in done.stdout
    assert f"柜台 {b.profile.counter_id}：未上报日终汇总" in done.stdout
    assert "全网点业务笔数：补卡 / 换卡 1" in done.stdout and "全网点工本费：现金 收 1 笔 ¥20.00" in done.stdout
    assert f"本机（柜台 {a.profile.counter_id}）记录：" in done.stdout
    assert "branch_fee_net,all,2000,fen" in csv_file.read_text("utf-8-sig")

    central.line_down()
    try:
        down = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    finally:
        central.line_up()
    assert down.returncode == 0, down.stderr
    assert "全网点汇总暂不可用（与中心系统的专线中断）" in down.stdout and "仅为本机" in down.stdout
    assert "工本费：现金 收 1 笔 ¥20.00" in down.stdout  # this PC's own figures all the same
