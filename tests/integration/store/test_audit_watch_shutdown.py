"""The counter's last audit head report at shutdown (``Services.close``), against the reference
central: the entries written since the last scheduled report reach the central before the PC
goes off, so cutting them while it is off is caught at the next start; and a dead line does not
hold up the exit."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from counter_app.bootstrap import build_services
from counter_app.store.audit import CHECKPOINT_STATE
from counter_app.workflows.audit_watch import FINAL_ROUND_S
from tests.fixtures.app import wait_until
from tests.integration.store.test_audit_tamper import counter_profile, grow, tamper
from tests.integration.store.test_audit_watch_central import central_head, central_head_of, local_head


def file_head(path: Path) -> tuple[int, str]:
    with sqlite3.connect(path) as conn:
        seq, mac = conn.execute("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return int(seq), str(mac)


def test_closing_reports_the_entries_written_since_the_last_report(tmp_path: Path, central) -> None:
    profile = counter_profile(tmp_path, central.url)
    services = build_services(profile)
    try:
        services.audit_watch.interval_s = 3600.0  # no scheduled round after the first
        services.start_sync()
        wait_until(lambda: central_head(services) == local_head(services))
        reported = local_head(services)[0]
        grow(services, reported + 5)  # the day's last business, after the last report
        assert central_head(services)[0] == reported
    finally:
        services.close()
    assert central_head_of(central, profile) == file_head(profile.database)
    assert central_head_of(central, profile)[0] == reported + 5

    # cut while the PC is off, the checkpoint removed too so that nothing local can tell:
    # the central's head (reported at shutdown) is no longer in the chain
    tamper(profile.database, f"DELETE FROM audit_log WHERE seq > {reported}")
    with sqlite3.connect(profile.database) as conn:
        conn.execute("DELETE FROM app_state WHERE key = ?", (CHECKPOINT_STATE,))
    services = build_services(profile)
    try:
        assert services.audit_watch.run_round().outcome == "broken"
        alarm = services.audit_watch.alarm
        assert alarm is not None and alarm.source == "central_head"
        assert alarm.central_seq == reported + 5 and alarm.first_bad_seq == reported + 1
    finally:
        services.close()


def test_closing_with_the_line_down_does_not_wait_for_it(tmp_path: Path, central) -> None:
    profile = counter_profile(tmp_path, central.url)
    services = build_services(profile)
    try:
        services.audit_watch.interval_s = 3600.0
        services.start_sync()
        wait_until(lambda: central_head(services) == local_head(services))
        reported = local_head(services)
        grow(services, reported[0] + 3)
        central.line_down()
        started = time.monotonic()
        services.close()
        took = time.monotonic() - started
    finally:
        central.line_up()
    assert took < FINAL_ROUND_S + 10.0, took  # the sync worker's own stop included
    assert services.audit_watch.last_round is not None
    assert services.audit_watch.last_round.outcome == "line_down"
    assert central_head_of(central, profile) == reported  # nothing pretended
