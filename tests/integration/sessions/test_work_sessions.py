"""Work sessions (柜员会话) over a real SQLite store, through the desk and the bootstrap:
one per teller and per counter, found again after a restart, closed at day end, force-closed
by a supervisor with a reason, every step audited; businesses refused without one."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.bootstrap import Services, build_services
from counter_app.central.sync import LineState, NewWorkRefused, SyncStatus, check_new_work
from counter_app.domain.businesses import needs_session
from counter_app.domain.errors import ValidationError
from counter_app.domain.offline import StalenessLimits
from counter_app.store.models import AuditEntry
from counter_app.workflows.login import LoginRefused
from counter_app.workflows.sessions import SessionDesk, parse_yuan
from counter_app.workflows.sessions.desk import SessionRefused
from counter_app.workflows.supervisor import SupervisorApproval
from tests.fixtures.app import FakeCentral, make_profile
from tests.fixtures.otp import approval


def build(tmp_path: Path, kind: str = "instant") -> Services:
    from counter_app.bootstrap import Fakes

    return build_services(make_profile(tmp_path, kind), fakes=Fakes(central=FakeCentral(),
                                                                    no_presence=True))


def actions(services: Services) -> list[str]:
    with services.store.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def status(session_open: bool | None) -> SyncStatus:
    now = dt.datetime.now(dt.UTC)
    return SyncStatus(LineState.ONLINE, 5.0, 0, 0, None, now, now, None, now,
                      session_open=session_open)


def test_a_session_opens_survives_a_restart_and_closes(tmp_path: Path) -> None:
    services = build(tmp_path)
    desk = services.session_desk("T0301")
    assert not desk.ready() and desk.state().summary_zh == "未开始营业"
    made = desk.open("2,000.50")
    assert made.opening_float_fen == 200050 and made.counter_id == services.profile.counter_id
    assert made.custody_at_open == 0  # an instant branch: the teller holds no blank yet
    assert desk.ready()
    with pytest.raises(SessionRefused) as again:
        desk.open("0")
    assert again.value.code == "SESSION_ALREADY_OPEN"
    services.close()

    restarted = build(tmp_path)  # the same database: the day goes on
    desk = restarted.session_desk("T0301")
    state = desk.resume()
    assert state.ready and state.session is not None and state.session.id == made.id
    closed = desk.close()
    assert closed.close_kind == "closed" and closed.closed_by == "T0301"
    assert not desk.ready()
    log = actions(restarted)
    assert log.index("session.opened") < log.index("session.resumed") < log.index("session.closed")
    restarted.close()


def test_one_open_session_per_counter_and_a_supervisor_force_closes_it(tmp_path: Path) -> None:
    services = build(tmp_path)
    teller = services.session_desk("T0301")
    teller.open("0")
    colleague = services.session_desk("S0301")
    with pytest.raises(SessionRefused) as taken:
        colleague.open("100")
    assert taken.value.code == "COUNTER_TAKEN" and "T0301" in taken.value.message_zh
    own = teller.state().session
    assert own is not None
    session_id = own.id

    with pytest.raises(ValidationError):  # a reason is required
        colleague.force_close(session_id, SupervisorApproval("S0301", "Super@2026", "123456"), "  ")
    with pytest.raises(LoginRefused):  # a wrong password is refused, the session stays open
        colleague.force_close(session_id, SupervisorApproval("S0301", "wrong-password-1", "123456"), "柜员已下班未日终")
    with pytest.raises(LoginRefused) as role:  # a teller cannot authorise it
        colleague.force_close(session_id, SupervisorApproval("T0301", "Teller@2026", "123456"), "柜员已下班未日终")
    assert role.value.code == "NOT_AUTHORISED"
    assert teller.ready()

    closed = colleague.force_close(session_id, approval(), "柜员已下班未日终")
    assert (closed.close_kind, closed.closed_by, closed.close_reason) == (
        "force_closed", "S0301", "柜员已下班未日终")
    assert not teller.ready()
    assert colleague.open("100").teller == "S0301"  # the counter is free again
    assert "session.force_closed" in actions(services)
    assert "authorise.granted" in actions(services)
    services.close()


def test_closing_with_blanks_still_held_needs_a_note(tmp_path: Path) -> None:
    services = build(tmp_path)
    desk = services.session_desk("T0301")
    desk.open("0")
    held = SessionDesk(replace(desk.ctx, custody=lambda _t: 3), "T0301")
    with pytest.raises(ValidationError) as note:
        held.close("")
    assert note.value.code == "CUSTODY_NOT_RETURNED" and "3 张" in note.value.message_zh
    closed = held.close("已交主管保险柜")
    assert closed.custody_at_close == 3
    services.close()


def test_a_session_of_an_earlier_day_is_not_today_s(tmp_path: Path) -> None:
    services = build(tmp_path)
    base = services.session_desk("T0301")
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    old = SessionDesk(replace(base.ctx, clock=lambda: yesterday), "T0301")
    old.open("0")
    assert old.ready() and not base.ready()
    state = base.state()
    assert state.stale and "未日终" in state.summary_zh
    with pytest.raises(SessionRefused) as stale:
        base.open("0")
    assert stale.value.code == "SESSION_STALE"
    base.close()  # the teller ends yesterday's session, then opens today's
    assert base.open("0").business_day == base.ctx.today()
    services.close()


@pytest.mark.parametrize(("text", "fen"), [("0", 0), ("2000", 200000), ("¥1,234.5", 123450),
                                           ("300 元", 30000)])
def test_opening_float_in_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "-1", "1.234", "abc", "1000000.01"])
def test_opening_float_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_yuan(text)


def test_businesses_are_refused_without_a_session(tmp_path: Path) -> None:
    limits = StalenessLimits()
    assert needs_session("formal_loss") and needs_session("loss") and needs_session(None)
    assert not needs_session("contribution_query") and not needs_session("queries")
    with pytest.raises(NewWorkRefused) as refused:
        check_new_work("formal_loss", status(False), limits, free_disk_mb=1e6)
    assert refused.value.code == "SESSION_REQUIRED" and "柜员会话" in refused.value.message_zh
    check_new_work("contribution_query", status(False), limits, free_disk_mb=1e6)
    check_new_work("formal_loss", status(True), limits, free_disk_mb=1e6)
    check_new_work("formal_loss", status(None), limits, free_disk_mb=1e6)  # not known: unchecked

    services = build(tmp_path)
    admitted = services.status_for("T0301")
    assert admitted().session_open is False
    with pytest.raises(NewWorkRefused):
        check_new_work("formal_loss", admitted(), limits, free_disk_mb=1e6)
    services.session_desk("T0301").open("0")
    assert admitted().session_open is True
    assert services.status_for("S0301")().session_open is False  # the session is the teller's
    services.close()
