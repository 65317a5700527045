"""The running counter: while an audit break awaits a supervisor, the workflows themselves
refuse new work (not only the screen's red panel); after the acknowledgement work goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.bootstrap import build_services
from counter_app.central.sync import NewWorkRefused
from counter_app.workflows.application.eligibility import ApplicationBlocked
from counter_app.workflows.login import DEMO_ACCOUNTS
from tests.fixtures.app import open_demo_session
from tests.fixtures.otp import approval
from tests.integration.store.test_audit_tamper import counter_profile

TELLER, SUPERVISOR = DEMO_ACCOUNTS[0], DEMO_ACCOUNTS[1]
ZHANG_WEI = "330205199003011232"


def test_new_work_is_refused_until_a_supervisor_acknowledges(tmp_path: Path, central) -> None:
    services = build_services(counter_profile(tmp_path, central.url))
    try:
        open_demo_session(services, TELLER[0])  # the day is open: only the break stops work
        watch = services.audit_watch
        assert services.sync.status().audit_break is False
        watch.ledger.record_break({"source": "verify", "problem": "条目内容与校验码不符（被修改）",
                                   "first_bad_seq": 3})
        assert services.sync.status().audit_break is True

        wf = services.application_desk(TELLER[0]).new()
        wf.set_id_number(ZHANG_WEI)
        wf.next()
        with pytest.raises(NewWorkRefused) as refused:
            wf.check_eligibility()
        assert refused.value.code == "AUDIT_CHAIN_BROKEN" and "主管" in refused.value.message_zh
        assert wf.record.eligibility is None  # the central was not asked

        watch.acknowledge(
            lambda typed: services.auth.authorise(typed, purpose="audit_break_ack"),
            approval(SUPERVISOR[0]), "已核实，保留证据后继续营业")
        assert services.sync.status().audit_break is False
        try:
            assert wf.check_eligibility() is not None
        except ApplicationBlocked as blocked:  # the central's answer, not the break
            assert blocked.code != "AUDIT_CHAIN_BROKEN"
    finally:
        services.close()
