"""The running counter's tamper watch against the reference central: the head is reported on
start and after a sign-out, a chain shorter than the central's head raises the alarm, the alarm
survives a restart, a supervisor's acknowledgement is audited and lets the counter go on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from counter_app.bootstrap import Services, build_services
from counter_app.store.audit import ACK_ACTION, CHECKPOINT_STATE, verify_audit_chain
from counter_app.store.models import AuditEntry
from counter_app.workflows.login import DEMO_ACCOUNTS, LoginRefused
from tests.fixtures.app import wait_until
from tests.fixtures.otp import approval
from tests.integration.store.test_audit_tamper import ENTRIES, counter_profile, grow, tamper

TELLER, SUPERVISOR = DEMO_ACCOUNTS[0], DEMO_ACCOUNTS[1]


def central_head(services: Services) -> tuple[int, str] | None:
    from counter_app.central.errors import CentralRefusal

    p = services.profile
    try:
        head = services.central.audit_head(p.branch_code, p.counter_id)
    except CentralRefusal:
        return None
    return head.seq, head.head_sha256


def local_head(services: Services) -> tuple[int, str]:
    with services.store.read() as s:
        last = s.query(AuditEntry).order_by(AuditEntry.seq.desc()).first()
        assert last is not None
        return last.seq, last.mac


def authorise(services: Services):
    return lambda typed: services.auth.authorise(typed, purpose="audit_break_ack")


def test_the_head_is_reported_at_start_and_after_each_sign_out(tmp_path: Path, central) -> None:
    services = build_services(counter_profile(tmp_path, central.url))
    watch = services.audit_watch
    watch.interval_s = 3600.0  # only a sign-out may cause the second report
    try:
        services.start_sync()
        wait_until(lambda: central_head(services) == local_head(services))
        before = central_head(services)
        signed_in = services.auth.sign_in(TELLER[0], TELLER[3])
        services.auth.sign_out(signed_in, "logout")
        assert local_head(services)[0] > before[0]  # the sign-in and sign-out are audited
        watch.signed_out()  # what the main window calls after signing out
        wait_until(lambda: central_head(services) == local_head(services))
        assert watch.last_round is not None and watch.last_round.outcome == "reported"
    finally:
        services.close()


def test_a_chain_shorter_than_the_central_head_raises_the_alarm_until_a_supervisor_acknowledges(
        tmp_path: Path, central) -> None:
    profile = counter_profile(tmp_path, central.url)
    services = build_services(profile)
    try:
        grow(services, ENTRIES)
        assert services.audit_watch.run_round().outcome == "reported"
    finally:
        services.close()
    tamper(profile.database, "DELETE FROM audit_log WHERE seq > 12")
    with sqlite3.connect(profile.database) as conn:  # so that nothing local can tell
        conn.execute("DELETE FROM app_state WHERE key = ?", (CHECKPOINT_STATE,))

    services = build_services(profile)
    try:
        assert services.audit_watch.alarm is None
        services.start_sync()
        wait_until(lambda: services.audit_watch.alarm is not None)
        alarm = services.audit_watch.alarm
        assert alarm.source == "central_head" and alarm.central_seq == ENTRIES
        assert "业务已暂停" in alarm.message_zh and "主管" in alarm.message_zh
    finally:
        services.close()

    services = build_services(profile)  # the alarm survives a restart
    try:
        watch = services.audit_watch
        assert watch.alarm is not None and watch.alarm.central_seq == ENTRIES
        assert watch.run_round().outcome == "broken"  # and nothing is reported meanwhile
        assert central_head(services)[0] == ENTRIES

        # a teller cannot acknowledge it, nor a supervisor without a reason
        try:
            watch.acknowledge(authorise(services), approval(TELLER[0], TELLER[3], "123456"),
                              "核实无误，继续营业")
        except LoginRefused as refused:
            assert refused.code == "NOT_AUTHORISED"
        else:
            raise AssertionError("a teller acknowledged the alarm")
        assert watch.alarm is not None
        try:
            watch.acknowledge(authorise(services), approval(SUPERVISOR[0]), "好")
        except Exception as error:
            assert getattr(error, "code", "") == "REASON_REQUIRED"
        assert watch.alarm is not None

        reason = "已电话报告中心，保留证据后继续营业"
        assert watch.acknowledge(authorise(services), approval(SUPERVISOR[0]),
                                 reason) == SUPERVISOR[0]
        assert watch.alarm is None
        with services.store.read() as s:
            ack = s.query(AuditEntry).filter(AuditEntry.action == ACK_ACTION).one()
            assert ack.actor == SUPERVISOR[0]
            assert ack.detail["reason"] == reason and ack.detail["source"] == "central_head"
            assert ack.detail["central_seq"] == ENTRIES
            assert verify_audit_chain(s, services.store.cipher).ok  # re-based on the acknowledgement
        # the re-base goes to the central: the acknowledgement entry is its new reference,
        # below the head it held, and the re-base is kept there as evidence …
        acked = local_head(services)
        assert acked[0] < ENTRIES
        round_ = watch.run_round()
        assert (round_.outcome, round_.rebased) == ("up_to_date", 1)
        assert central_head(services) == acked and watch.rebase_pending == 0
        p = services.profile
        events = services.central.audit_head_events(p.branch_code, p.counter_id)
        assert [e.kind for e in events] == ["REBASE"]
        rebase = events[0]
        assert (rebase.seq, rebase.head_sha256) == acked
        assert (rebase.previous_seq, rebase.broken_seq) == (ENTRIES, ENTRIES)
        assert rebase.supervisor == SUPERVISOR[0] and rebase.reason == reason
        assert rebase.caller == f"{p.branch_code}/{p.counter_id}" and rebase.first_bad_seq == 13
        # … and the ordinary reports continue from it, without waiting to pass the old head
        # (here a different head at the old head's very seq: a fork without the re-base)
        grow(services, acked[0] + 1)
        assert local_head(services)[0] <= ENTRIES
        assert watch.run_round().outcome == "reported"
        assert central_head(services) == local_head(services)
        assert watch.run_round().rebased == 0  # sent once
    finally:
        services.close()

    services = build_services(profile)  # acknowledged: a restart starts clean
    try:
        assert services.audit_watch.alarm is None
    finally:
        services.close()


def test_a_line_down_is_reported_later_never_dropped(tmp_path: Path, central) -> None:
    services = build_services(counter_profile(tmp_path, central.url))
    try:
        central.line_down()
        try:
            round_ = services.audit_watch.run_round()
        finally:
            central.line_up()
        assert round_.outcome == "line_down" and services.audit_watch.alarm is None
        assert services.audit_watch.run_round().outcome == "reported"
        assert central_head(services) == local_head(services)
    finally:
        services.close()


def test_a_rebase_acknowledged_while_the_line_is_down_is_sent_later(tmp_path: Path, central) -> None:
    from counter_app.doctor import WARN, check_audit

    profile = counter_profile(tmp_path, central.url)
    services = build_services(profile)
    try:
        grow(services, ENTRIES)
        assert services.audit_watch.run_round().outcome == "reported"
    finally:
        services.close()
    tamper(profile.database, "DELETE FROM audit_log WHERE seq > 12")
    with sqlite3.connect(profile.database) as conn:
        conn.execute("DELETE FROM app_state WHERE key = ?", (CHECKPOINT_STATE,))

    services = build_services(profile)
    try:
        watch = services.audit_watch
        assert watch.run_round().outcome == "broken" and watch.alarm is not None
        central.line_down()
        try:
            reason = "专线中断，已电话报告中心后继续营业"
            watch.acknowledge(authorise(services), approval(SUPERVISOR[0]), reason)
            # business goes on at once; the re-base is owed, visible, and not lost
            assert watch.alarm is None and watch.rebase_pending == 1
            round_ = watch.run_round()
            assert (round_.outcome, round_.rebased) == ("line_down", 0)
            assert watch.rebase_pending == 1
        finally:
            central.line_up()
    finally:
        services.close()
    assert central_head_of(central, profile)[0] == ENTRIES  # the central has not heard yet
    check = check_audit(profile)
    assert isinstance(check.value, dict) and check.value["rebase_pending"] == 1
    assert check.status == WARN and "未上报中心" in check.detail_zh

    services = build_services(profile)  # the pending re-base survives a restart
    try:
        watch = services.audit_watch
        assert watch.alarm is None and watch.rebase_pending == 1
        round_ = watch.run_round()
        assert round_.rebased == 1 and round_.outcome in ("up_to_date", "reported")
        assert watch.rebase_pending == 0
        assert central_head(services) == local_head(services)
        p = services.profile
        [event] = services.central.audit_head_events(p.branch_code, p.counter_id)
        assert (event.kind, event.supervisor, event.reason) == ("REBASE", SUPERVISOR[0], reason)
        assert event.previous_seq == ENTRIES
        # the acknowledgement could not fetch the central's head: the break as found is sent
        assert event.broken_seq == ENTRIES and event.broken_head_sha256 is None
        assert event.first_bad_seq == 13
    finally:
        services.close()
    assert check_audit(profile).status == "ok"


def central_head_of(central, profile) -> tuple[int, str]:
    from counter_app.central.client import HttpCentralClient

    client = HttpCentralClient(central.url, client_id=f"{profile.branch_code}/{profile.counter_id}")
    head = client.audit_head(profile.branch_code, profile.counter_id)
    return head.seq, head.head_sha256
