"""Fees and the day-end (日终轧账) over a real SQLite store, through the bootstrap's desks: a day
that reconciles, a difference that blocks the close until explained, a fee refused without a
session, a refund refused without the supervisor's authorisation, the branch report and its
PDF/CSV, and ``counter-app report day-end`` on the same store."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from counter_app.bootstrap import Fakes, Services, build_services
from counter_app.domain.errors import ValidationError
from counter_app.domain.fees import FeeQuote
from counter_app.store.card_operations import CardOperationStore
from counter_app.store.models import AuditEntry
from counter_app.workflows.day_end import DayEndRefused
from counter_app.workflows.fees import FeeRefused
from counter_app.workflows.login import LoginRefused
from counter_app.workflows.sessions.desk import SessionRefused
from counter_app.workflows.supervisor import SupervisorApproval
from tests.fixtures.app import FakeCentral, make_profile
from tests.fixtures.otp import SUPERVISOR, approval, fresh_code

ROOT = Path(__file__).resolve().parents[3]
TELLER = "T0301"
LI_MING = "330203198506122017"
FEE = FeeQuote("replacement", 2000, "本网点配置的补换卡工本费标准")


def build(tmp_path: Path, kind: str = "instant") -> Services:
    return build_services(make_profile(tmp_path, kind),
                          fakes=Fakes(central=FakeCentral(), no_presence=True))


def replacement_done(services: Services, *, fee_fen: int = 2000, refused: bool = False) -> str:
    """A replacement as the workflow writes it: outbox message and audit entry, then the
    central's answer (accepted, or refused with its code)."""
    ops = CardOperationStore(services.store)
    op_id = str(uuid.uuid4())
    now = dt.datetime.now(dt.UTC)
    ops.begin(op_id=op_id, operation="cards.replacement", id_number=LI_MING,
              payload={"card_no": "NB0000016"}, actor=TELLER, action="card.replacement",
              detail={"op_id": op_id, "reason": "lost", "fee_fen": fee_fen}, hold_s=0, now=now)
    if refused:
        ops.refused(op_id, "WRONG_BANK", now)
    else:
        ops.sent(op_id, {"application_id": "A1"}, now)
    return op_id


def actions(services: Services) -> list[str]:
    with services.store.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def test_a_day_that_reconciles_closes_with_its_sheet(tmp_path: Path) -> None:
    services = build(tmp_path)
    services.session_desk(TELLER).open("2,000")
    fees, day_end = services.fee_desk(TELLER), services.day_end_desk(TELLER)
    cash_op = replacement_done(services)
    cash = fees.collect(FEE, "cash", "", cash_op)
    transfer_op = replacement_done(services)
    transfer = fees.collect(FEE, "transfer", " tx-2026 1130 ", transfer_op)
    assert cash is not None and transfer is not None and transfer.reference == "TX-20261130"
    assert fees.collect(FEE, "cash", "", cash_op) == cash  # a retry records nothing new
    replacement_done(services, fee_fen=0)  # an expired card exchanged free: nothing due

    report = day_end.teller_report()
    by_method = {f.method: f for f in report.fees}
    assert (by_method["cash"].collected, by_method["cash"].collected_fen) == (1, 2000)
    assert (by_method["transfer"].collected, by_method["transfer"].collected_fen) == (1, 2000)
    assert [(b.title_zh, b.done) for b in report.businesses] == [("补卡 / 换卡", 3)]
    assert report.cash_expected_fen == 202000  # float 2,000 + cash fee 20; the transfer is not cash
    assert [d.key for d in report.differences] == ["cash_uncounted"]  # cash moved: count it
    assert day_end.count_cash("2020") == 202000
    report = day_end.teller_report()
    assert report.balanced and report.cash_counted_fen == 202000

    closed, final = day_end.close()
    assert closed.close_kind == "closed" and final.session_id == closed.id
    assert not services.session_desk(TELLER).ready()
    assert {"fee.collected", "day_end.counted", "day_end.closed"} <= set(actions(services))
    pdf = tmp_path / "day-end.pdf"
    pdf.write_bytes(day_end.pdf(final))
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages).replace("\n", "")
    assert "柜员日终轧账单" in text and "账实相符" in text and "¥2,020.00" in text
    assert LI_MING not in text
    csv_text = day_end.csv(final)
    assert "fee_collected,cash,2000,count=1" in csv_text and "differences,count,0," in csv_text

    branch = services.day_end_desk(TELLER).branch_report(final.day)
    assert branch.scope == "branch" and branch.fees_net_fen == 4000 and len(branch.sessions) == 1
    assert branch.businesses_done == 3 and branch.stock is not None and branch.stock.received == 0
    services.close()


def test_a_difference_blocks_the_close_until_explained(tmp_path: Path) -> None:
    services = build(tmp_path)
    sessions = services.session_desk(TELLER)
    sessions.open("0")
    day_end = services.day_end_desk(TELLER)
    op_id = replacement_done(services)  # done at the central, its fee never recorded
    replacement_done(services, refused=True)  # refused: no fee due, counted as not done

    report = day_end.teller_report()
    assert [(b.title_zh, b.done, b.not_done) for b in report.businesses] == [("补卡 / 换卡", 1, 1)]
    assert [d.key for d in report.differences] == [f"fee_missing:{op_id}"]
    assert "应收工本费 ¥20.00" in report.differences[0].text_zh
    with pytest.raises(DayEndRefused) as refused:
        day_end.close()
    assert refused.value.code == "DAY_END_UNEXPLAINED"
    with pytest.raises(SessionRefused) as plain:  # the session page's close meets the same gate
        sessions.close("")
    assert plain.value.code == "DAY_END_UNEXPLAINED" and "没有收费记录" in plain.value.message_zh
    assert sessions.ready()

    with pytest.raises(ValidationError):
        day_end.explain(f"fee_missing:{op_id}", "漏收")  # 2 characters: not an explanation
    day_end.explain(f"fee_missing:{op_id}", "持卡人为低保对象，经主管同意免收工本费")
    report = day_end.teller_report()
    assert report.differences[0].explained and not report.unexplained
    closed, final = day_end.close()
    assert closed.closed_at is not None
    assert final.differences[0].explanation.startswith("持卡人为低保对象")
    services.close()


def test_cash_short_is_a_difference_named_with_the_amount(tmp_path: Path) -> None:
    services = build(tmp_path)
    services.session_desk(TELLER).open("100")
    services.fee_desk(TELLER).collect(FEE, "cash", "", replacement_done(services))
    day_end = services.day_end_desk(TELLER)
    day_end.count_cash("119.50")
    report = day_end.teller_report()
    assert [d.key for d in report.differences] == ["cash"]
    assert "短款 ¥0.50" in report.differences[0].text_zh and "实点 ¥119.50" in report.differences[0].text_zh
    day_end.count_cash("120")  # counted again: the latest count holds
    assert day_end.teller_report().balanced
    services.close()


def test_no_fee_without_a_session(tmp_path: Path) -> None:
    services = build(tmp_path)
    fees = services.fee_desk(TELLER)
    with pytest.raises(FeeRefused) as refused:
        fees.collect(FEE, "cash", "", str(uuid.uuid4()))
    assert refused.value.code == "FEE_NEEDS_SESSION"
    with pytest.raises(FeeRefused):
        fees.ready()
    assert "fee.collected" not in actions(services)
    services.close()


def test_a_refund_needs_the_supervisor(tmp_path: Path) -> None:
    services = build(tmp_path)
    services.session_desk(TELLER).open("0")
    fees = services.fee_desk(TELLER)
    fee = fees.collect(FEE, "cash", "", replacement_done(services))
    assert fee is not None
    with pytest.raises(ValidationError) as nobody:
        fees.refund(fee.receipt_no, "中心未受理退费", None)
    assert nobody.value.code == "SUPERVISOR_REQUIRED"
    with pytest.raises(LoginRefused):  # the teller cannot authorise her own refund
        fees.refund(fee.receipt_no, "中心未受理退费", SupervisorApproval(TELLER, "Teller@2026", fresh_code()))
    with pytest.raises(LoginRefused):  # the supervisor's password without a valid code
        fees.refund(fee.receipt_no, "中心未受理退费", approval(otp="000000"))
    assert "fee.refunded" not in actions(services)

    refund = fees.refund(fee.receipt_no, "中心未受理退费", approval())
    assert refund.kind == "refund" and refund.refund_of == fee.receipt_no
    assert refund.authorised_by == SUPERVISOR and refund.amount_fen == 2000
    with pytest.raises(FeeRefused) as again:
        fees.refund(fee.receipt_no, "再次退费测试", approval())
    assert again.value.code == "FEE_ALREADY_REFUNDED"
    report = services.day_end_desk(TELLER).teller_report()
    cash = next(f for f in report.fees if f.method == "cash")
    assert (cash.collected_fen, cash.refunded_fen, cash.net_fen) == (2000, 2000, 0)
    assert report.cash_expected_fen == 0
    pdf = fees.receipt(refund.receipt_no)
    assert "退费凭证" in "".join(p.extract_text() for p in PdfReader(_file(tmp_path, pdf)).pages)
    services.close()


def _file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(data)
    return path


def test_report_command_reads_the_branch_day(tmp_path: Path) -> None:
    state = tmp_path / "instant"
    services = build(state)
    services.session_desk(TELLER).open("0")
    op_id = replacement_done(services)
    services.fee_desk(TELLER).collect(FEE, "transfer", "TX123456", op_id)
    day = services.day_end_desk(TELLER).branch_report().day
    services.close()
    profile = make_profile(state)
    assert profile.source is not None
    pdf, csv_file = tmp_path / "branch.pdf", tmp_path / "branch.csv"
    env = dict(os.environ, COUNTER_APP_HOME=str(state), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "counter_app.cli", "--profile", str(profile.source), "report", "day-end"]
    done = subprocess.run([*command, "--date", day, "--pdf", str(pdf), "--csv", str(csv_file)],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"日终轧账 {day}" in done.stdout and "转账 收 1 笔 ¥20.00" in done.stdout
    assert "差异：0 项（账实相符）" in done.stdout
    assert pdf.read_bytes().startswith(b"%PDF") and "fee_net,all,2000,fen" in csv_file.read_text("utf-8-sig")
    bad = subprocess.run([*command, "--date", "2026-13-01"], cwd=ROOT, capture_output=True, text=True,
                         env=env, timeout=120)
    assert bad.returncode == 2 and "日期应为 YYYY-MM-DD" in bad.stderr and "2026-13-01" in bad.stderr


def test_report_command_exits_3_while_a_difference_is_unexplained(tmp_path: Path) -> None:
    """A fee due and not recorded: exit 3 (not argparse's 2) until explained, then 0."""
    state = tmp_path / "instant"
    services = build(state)
    services.session_desk(TELLER).open("0")
    op_id = replacement_done(services)  # done, its fee of ¥20 never recorded
    day = services.day_end_desk(TELLER).branch_report().day
    profile = make_profile(state)
    assert profile.source is not None
    env = dict(os.environ, COUNTER_APP_HOME=str(state), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "counter_app.cli", "--profile", str(profile.source), "report",
               "day-end", "--date", day]
    left = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert left.returncode == 3, left.stderr
    assert "差异：1 项" in left.stdout and "（尚未说明）" in left.stdout
    services.day_end_desk(TELLER).explain(f"fee_missing:{op_id}", "持卡人为低保对象，经主管同意免收")
    services.close()
    explained = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert explained.returncode == 0, explained.stderr
    assert "说明：持卡人为低保对象" in explained.stdout
