"""The supervision workflows over a real SQLite store and the real sign-in rules: dead letters
decided (reason, authorisation, audit; the same desk ``sync resolve`` uses), the audit log
searched page by page with personal detail hidden, the chain's state and its break, open
sessions and a force-close."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.store.audit import append_audit
from counter_app.store.models import AuditEntry, OutboxMessage
from counter_app.workflows.login import LoginRefused
from counter_app.workflows.sessions.desk import CHINA_TIME
from counter_app.workflows.supervision import (
    DeadLetterRefused,
    SessionSupervision,
    can_supervise,
    parse_query,
)
from counter_app.workflows.supervision.audit_log import _utc_mark
from counter_app.workflows.supervision.sessions import duration_zh
from tests.unit.supervision.helpers import (
    ADMIN,
    SUPERVISOR,
    TELLER,
    approval,
    dead_letters,
    tamper,
)


def audit_of(services, action: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with services.store.read() as s:
        rows = s.query(AuditEntry).filter(AuditEntry.action == action).all()
        for r in rows:
            s.expunge(r)
        return rows


def status_of(services, item_id: int) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    with services.store.read() as s:
        m = s.get(OutboxMessage, item_id)
        return m.status, m.attempts


def test_dead_letters_are_listed_with_what_they_are(make_services) -> None:
    services = make_services()
    ids = dead_letters(services, ("persons.data_change", "CHANGE_NEEDS_PROOF"),
                       ("cards.loss", "SOMETHING_NEW"))
    letters = services.dead_letter_desk().list()
    assert [d.id for d in letters] == ids
    first, second = letters
    assert first.operation_zh == "参保信息变更" and first.code == "CHANGE_NEEDS_PROOF"
    assert "证明" in first.message_zh and first.attempts == 1
    assert second.operation_zh == "挂失"
    assert "SOMETHING_NEW" in second.message_zh  # an unknown code is named, not hidden
    row = first.to_dict()
    assert row["reason"] == "CHANGE_NEEDS_PROOF" and "NB0000016" not in str(row)


def test_a_dead_letter_decision_needs_a_reason_and_a_supervisor(make_services) -> None:
    services = make_services()
    retry_id, discard_id = dead_letters(services, ("persons.data_change", "CHANGE_NEEDS_PROOF"),
                                        ("cards.loss", "CARD_IS_LOST"))
    desk = services.dead_letter_desk()

    with pytest.raises(ValidationError) as short:
        desk.decide(retry_id, "retry", approval(), " 补齐证 ")  # 3 characters once trimmed
    assert short.value.code == "REASON_REQUIRED"
    with pytest.raises(ValidationError):
        desk.decide(retry_id, "delete", approval(), "申请人已补齐证明")
    assert audit_of(services, "authorise.granted") == []  # refused before any authorisation

    with pytest.raises(LoginRefused):
        desk.decide(retry_id, "retry", approval(password="not-the-password-1"), "申请人已补齐证明")
    with pytest.raises(LoginRefused) as teller:
        desk.decide(retry_id, "retry", approval(TELLER), "申请人已补齐证明")
    assert teller.value.code == "NOT_AUTHORISED"
    assert status_of(services, retry_id) == ("dead", 1)

    done = desk.decide(retry_id, "retry", approval(), "  申请人已补齐证明  ")
    assert done.supervisor == SUPERVISOR and "重新上传" in done.message_zh
    assert status_of(services, retry_id) == ("pending", 0)  # sent again under its own key
    gone = desk.decide(discard_id, "discard", approval(ADMIN), "卡片已由中心挂失，无需再报")
    assert gone.supervisor == ADMIN and status_of(services, discard_id)[0] == "discarded"

    with pytest.raises(DeadLetterRefused) as again:
        desk.decide(retry_id, "discard", approval(ahead=1), "重复操作测试")
    assert again.value.code == "NOT_A_DEAD_LETTER"
    [retried] = audit_of(services, "outbox.dead_letter_retry")
    assert retried.actor == SUPERVISOR and retried.detail["reason"] == "申请人已补齐证明"
    [discarded] = audit_of(services, "outbox.dead_letter_discard")
    assert discarded.actor == ADMIN and discarded.detail["dead_reason"] == "CARD_IS_LOST"
    purposes = {e.detail["purpose"] for e in audit_of(services, "authorise.granted")}
    assert purposes == {f"dead_letter_retry:{retry_id}", f"dead_letter_discard:{discard_id}"}
    assert services.dead_letter_desk().list() == []


def _grow(services, n: int) -> None:  # type: ignore[no-untyped-def]
    with services.store.write() as s:
        for i in range(n):
            actor = ("T0302", "S0301")[i % 2]
            action = ("login.success", "authorise.granted")[i % 2]
            append_audit(s, services.store.cipher, actor, action, session=i,
                         card_no="NB0000016", purpose="test")


def test_audit_search_filters_pages_and_hides_personal_detail(make_services) -> None:
    services = make_services()
    _grow(services, 120)
    viewer = services.audit_log_viewer()
    everything = viewer.search(parse_query())
    assert everything.total >= 120 and len(everything.rows) == 50
    seqs = [r.seq for r in everything.rows]
    assert seqs == sorted(seqs, reverse=True)  # newest first

    mine = viewer.search(parse_query(teller="T0302"))
    assert mine.total == 60 and mine.pages == 2
    last = viewer.search(parse_query(teller="T0302", page=1))
    assert len(last.rows) == 10 and {r.actor for r in last.rows} == {"T0302"}
    assert not set(r.seq for r in last.rows) & set(r.seq for r in mine.rows)

    row = mine.rows[0]
    assert "NB0000016" not in row.detail_zh and "已加密不显示" in row.detail_zh
    assert dict(row.shown)["会话"].isdigit()
    assert ("授权用途", "test") in row.shown

    # an action's start; the Chinese name in the free text; the entry's number
    assert viewer.search(parse_query(action="authorise")).total >= 60
    by_word = viewer.search(parse_query(text="授权"))
    assert by_word.total >= 60 and all(r.action.startswith("authorise") for r in by_word.rows)
    assert viewer.search(parse_query(text="T0302")).total == 60
    assert [r.seq for r in viewer.search(parse_query(text=str(row.seq))).rows] == [row.seq]
    # personal data is not searchable: it is encrypted in the detail
    assert viewer.search(parse_query(text="NB0000016")).total == 0

    today = dt.datetime.now(CHINA_TIME).date()
    day = today.isoformat()
    assert viewer.search(parse_query(since=day, until=day)).total == everything.total
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    assert viewer.search(parse_query(until=yesterday)).total == 0
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    assert viewer.search(parse_query(since=tomorrow)).total == 0
    actors, actions = viewer.choices()
    assert "T0302" in actors and "authorise.granted" in actions


def test_a_query_is_checked_and_bounded() -> None:
    with pytest.raises(ValidationError) as bad:
        parse_query(since="2026/11/01")
    assert bad.value.code == "DATE_FORMAT"
    with pytest.raises(ValidationError) as backwards:
        parse_query(since="2026-11-02", until="2026-11-01")
    assert backwards.value.code == "DATE_RANGE"
    assert parse_query(since="2026-11-01", until="2026-11-01").until == dt.date(2026, 11, 1)
    assert parse_query(page_size=10_000).page_size == 200 and parse_query(page=-3).page == 0
    # Beijing midnight is 16:00 UTC the day before, in the log's text form
    assert _utc_mark(dt.date(2026, 11, 30)) == "2026-11-29T16:00:00.000000Z"


def test_the_chain_state_names_the_head_or_the_break(make_services) -> None:
    services = make_services()
    _grow(services, 8)
    woken = []
    viewer = services.audit_log_viewer()
    viewer.wake = lambda: woken.append(True)
    state = viewer.verification()
    with services.store.read() as s:
        top = s.query(AuditEntry).order_by(AuditEntry.seq.desc()).first().seq
    assert state.ok and state.head_seq == top and f"已校验至第 {top} 条" in state.message_zh
    assert woken == []

    tamper(services.store.path, 5)
    broken = viewer.verification()
    assert not broken.ok and broken.first_bad_seq == 5
    assert "自第 5 条起" in broken.message_zh and "被修改" in broken.message_zh
    assert woken == [True]  # the watch's next round raises the blocking alarm


def test_open_sessions_and_a_force_close(make_services) -> None:
    services = make_services()  # T0301's day is open
    desk = services.session_desk(SUPERVISOR)
    opened = desk.open_sessions()[0].opened_at.replace(tzinfo=dt.UTC)
    later = opened + dt.timedelta(hours=3, minutes=7)
    supervision = SessionSupervision(desk, clock=lambda: later)
    [open_one] = supervision.open_sessions()
    assert open_one.teller == TELLER and open_one.open_for_zh == "3 小时 7 分钟"
    assert not open_one.stale and open_one.counter_id == services.profile.counter_id

    with pytest.raises(ValidationError):
        supervision.force_close(open_one.id, approval(), "忘")
    with pytest.raises(LoginRefused):
        supervision.force_close(open_one.id, approval(password="wrong-password-1"), "电脑故障未日终")
    assert len(supervision.open_sessions()) == 1
    closed = supervision.force_close(open_one.id, approval(), "电脑故障未日终")
    assert closed.closed_by == SUPERVISOR and closed.close_kind == "force_closed"
    assert supervision.open_sessions() == []
    [entry] = audit_of(services, "session.force_closed")
    assert entry.actor == SUPERVISOR


def test_durations_and_who_sees_the_page() -> None:
    assert duration_zh(59) == "0 分钟" and duration_zh(60) == "1 分钟"
    assert duration_zh(3600) == "1 小时 0 分钟" and duration_zh(26 * 3600) == "1 天 2 小时"
    assert [r for r in ("teller", "supervisor", "admin", "duty_supervisor") if can_supervise(r)] == [
        "supervisor", "admin", "duty_supervisor"]
