"""远程授权's rules without the central: the one authorisation path consuming a remote approval
(TellerAuth with a fake verifier), and the desk (workflows/remote_approval.py) against an
in-memory central port — what is checked before anything is sent, and how the central's
answers reach the teller."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from counter_app.central.api import RemoteApproval
from counter_app.central.errors import CentralRefusal, LineDownError, OutcomeUnknownError
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.workflows import supervisor as supervisor_module
from counter_app.workflows.fees.desk import refund_purpose
from counter_app.workflows.login import LoginPolicy, LoginRefused, TellerAuth
from counter_app.workflows.remote_approval import (
    MAX_SUMMARY,
    PURPOSE_ZH,
    RemoteApprovalRefused,
    RemoteApprovals,
    RemoteGrant,
    purpose_parts,
    refund_summary,
    remote_approve_purpose,
    short_number,
)
from counter_app.workflows.stock import SPOIL_PURPOSE
from counter_app.workflows.supervisor import (
    PURPOSE_REFUND,
    PURPOSE_REMOTE_APPROVE,
    SupervisorApproval,
    dead_letter_purpose,
    require_fields,
)
from tests.unit.workflows.test_teller_auth import Clock, MemoryTellers

T = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)
RID = "ab12cd34ef56ab12cd34ef56ab12cd34"


class Verifier:
    def __init__(self, answer: RemoteGrant | CounterError) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str]] = []

    def consume(self, request_id: str, purpose: str) -> RemoteGrant:
        self.calls.append((request_id, purpose))
        if isinstance(self.answer, CounterError):
            raise self.answer
        return self.answer


@pytest.fixture
def auth(tellers: MemoryTellers, clock: Clock) -> TellerAuth:
    a = TellerAuth(tellers, LoginPolicy(max_failures=3, lockout_minutes=30), "03", clock)
    a.seed_demo_accounts()
    return a


def test_a_remote_approval_is_consumed_for_its_purpose_and_audited(
        auth: TellerAuth, tellers: MemoryTellers) -> None:
    verifier = Verifier(RemoteGrant(RID, "S0302", "C02"))
    auth.remote = verifier
    approval = require_fields(SupervisorApproval.remote(RID))  # no secrets typed here
    assert auth.authorise(approval, purpose=PURPOSE_REFUND) == "S0302"
    assert verifier.calls == [(RID, PURPOSE_REFUND)]
    assert tellers.events[-1] == ("S0302", "authorise.granted_remote", {
        "purpose": PURPOSE_REFUND, "request": RID, "counter": "C02",
        "note": "authorised remotely by S0302 at counter C02"})
    # nothing of the local accounts was touched (no password was checked, nothing counted)
    assert all(a.failed_logins == 0 for a in tellers.accounts.values())


def test_a_refused_remote_approval_is_audited_and_raised(auth: TellerAuth,
                                                         tellers: MemoryTellers) -> None:
    auth.remote = Verifier(RemoteApprovalRefused("该远程授权已经使用过。", code="APPROVAL_ALREADY_USED"))
    with pytest.raises(RemoteApprovalRefused) as refused:
        auth.authorise(SupervisorApproval.remote(RID), purpose=PURPOSE_REFUND)
    assert refused.value.code == "APPROVAL_ALREADY_USED"
    assert tellers.events[-1] == ("system", "authorise.remote_refused", {
        "purpose": PURPOSE_REFUND, "request": RID, "code": "APPROVAL_ALREADY_USED"})


def test_without_a_verifier_a_remote_approval_is_refused(auth: TellerAuth) -> None:
    with pytest.raises(LoginRefused) as refused:
        auth.authorise(SupervisorApproval.remote(RID), purpose=PURPOSE_REFUND)
    assert refused.value.code == "REMOTE_APPROVAL_UNAVAILABLE"
    assert refused.value.message_zh == "本柜台不能使用远程授权，请主管到本柜台当面授权。"


def test_an_empty_approval_without_a_request_is_still_refused_before_checking() -> None:
    with pytest.raises(ValidationError) as empty:
        require_fields(SupervisorApproval("", "", ""))
    assert empty.value.code == "SUPERVISOR_REQUIRED"
    assert repr(SupervisorApproval.remote(RID)).count(RID) == 1  # the id is no secret


# -- the desk against an in-memory central -------------------------------------------------

def row(state: str = "PENDING", **kw: Any) -> RemoteApproval:
    base: dict[str, Any] = dict(request_id=RID, branch_code="ICBC-NB-0101", counter_id="C01",
                                purpose=PURPOSE_REFUND, summary="退费", teller="T0301",
                                state=state, created_at=T, expires_at=T + dt.timedelta(minutes=10))
    base.update(kw)
    return RemoteApproval(**base)


class FakeCentral:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.fail: Exception | None = None
        self.answer = row()
        self.seen: RemoteApproval | None = None  # what a read answers (default: the answer)

    def _call(self, name: str, **kw: Any) -> RemoteApproval:
        self.calls.append((name, kw))
        if self.fail is not None:
            raise self.fail
        return self.answer

    def request_remote_approval(self, **kw: Any) -> RemoteApproval:
        return self._call("ask", **kw)

    def remote_approval(self, request_id: str) -> RemoteApproval:
        self.calls.append(("status", {"request_id": request_id}))
        return self.seen if self.seen is not None else self.answer

    def pending_remote_approvals(self) -> list[RemoteApproval]:
        return [self._call("pending")]

    def decide_remote_approval(self, request_id: str, **kw: Any) -> RemoteApproval:
        return self._call("decide", request_id=request_id, **kw)

    def consume_remote_approval(self, request_id: str, **kw: Any) -> RemoteApproval:
        return self._call("consume", request_id=request_id, **kw)

    def cancel_remote_approval(self, request_id: str, **kw: Any) -> RemoteApproval:
        return self._call("cancel", request_id=request_id, **kw)


class Desk:
    def __init__(self, central: FakeCentral | None, who: str | Exception = "S0301") -> None:
        self.authorised: list[tuple[SupervisorApproval, str]] = []
        self.audited: list[tuple[str, str, dict[str, Any]]] = []

        def authorise(approval: SupervisorApproval, purpose: str) -> str:
            self.authorised.append((approval, purpose))
            if isinstance(who, Exception):
                raise who
            return who

        self.desk = RemoteApprovals(lambda: central, authorise,
                                    audit=lambda a, act, **d: self.audited.append((a, act, d)),
                                    new_id=lambda: RID)


def test_asking_sends_the_act_with_a_fresh_key_and_a_tidy_summary() -> None:
    central = FakeCentral()
    d = Desk(central)
    d.desk.ask(PURPOSE_REFUND, "  退费\n R1  20.00元 " + "x" * 200, "T0301")
    d.desk.ask(PURPOSE_REFUND, "退费", "T0301")
    (name, sent), (_n, again) = central.calls
    assert name == "ask" and sent["request_id"] == RID and sent["purpose"] == PURPOSE_REFUND
    assert sent["summary"].startswith("退费 R1 20.00元 x") and len(sent["summary"]) == MAX_SUMMARY
    assert sent["teller"] == "T0301" and sent["valid_seconds"] == 600
    assert sent["idempotency_key"] != again["idempotency_key"]
    assert d.audited[0] == ("T0301", "remote_approval.requested",
                            {"request": RID, "purpose": PURPOSE_REFUND})
    with pytest.raises(ValidationError):
        d.desk.ask(PURPOSE_REFUND, "  \n ", "T0301")
    assert len(central.calls) == 2


def test_deciding_checks_the_supervisor_here_first() -> None:
    central = FakeCentral()
    central.seen = row()
    central.answer = row("APPROVED", supervisor="S0301", decided_counter="C02")
    d = Desk(central)
    typed = SupervisorApproval("S0301", "pw", "123456")
    d.desk.decide(RID, typed, approve=True)
    # the authorisation names the request it decides
    assert d.authorised == [(typed, f"{PURPOSE_REMOTE_APPROVE}:{RID}")]
    assert central.calls[-1][1]["supervisor"] == "S0301" and central.calls[-1][1]["approve"]
    assert d.audited[-1] == ("S0301", "remote_approval.approved",
                             {"request": RID, "purpose": PURPOSE_REFUND, "counter": "C01"})
    # a wrong password: no decision reaches the central
    wrong = Desk(central, who=LoginRefused("用户名、密码或动态验证码不正确。", code="BAD_CREDENTIALS"))
    before = [c for c in central.calls if c[0] == "decide"]
    with pytest.raises(LoginRefused):
        wrong.desk.decide(RID, typed, approve=True)
    assert [c for c in central.calls if c[0] == "decide"] == before and wrong.audited == []
    # refusing needs a reason, before any check; an approval is never itself remote
    checked = len(wrong.authorised)
    with pytest.raises(ValidationError) as no_reason:
        wrong.desk.decide(RID, typed, approve=False, reason=" 不 ")
    assert no_reason.value.code == "REASON_REQUIRED" and len(wrong.authorised) == checked
    with pytest.raises(RemoteApprovalRefused) as nested:
        d.desk.decide(RID, SupervisorApproval.remote("other-request"), approve=True)
    assert nested.value.code == "REMOTE_APPROVAL_NESTED"
    central.answer = row("REFUSED", supervisor="S0301", decided_counter="C02", reason="不符")
    d.desk.decide(RID, typed, approve=False, reason="金额不符")
    assert central.calls[-1][1]["reason"] == "金额不符" and not central.calls[-1][1]["approve"]
    assert d.audited[-1][1] == "remote_approval.refused"


def test_consuming_maps_the_centrals_answers() -> None:
    central = FakeCentral()
    d = Desk(central)
    central.answer = row("CONSUMED", supervisor="S0302", decided_counter="C02")
    assert d.desk.consume(RID, PURPOSE_REFUND) == RemoteGrant(RID, "S0302", "C02")
    assert central.calls[-1][1]["purpose"] == PURPOSE_REFUND
    central.answer = row("APPROVED", supervisor="S0302", decided_counter="C02")
    with pytest.raises(RemoteApprovalRefused) as odd:
        d.desk.consume(RID, PURPOSE_REFUND)
    assert odd.value.code == "REMOTE_APPROVAL_BAD_ANSWER"
    central.fail = CentralRefusal(409, "APPROVAL_ALREADY_USED", "该远程授权已经使用过。")
    with pytest.raises(RemoteApprovalRefused) as used:
        d.desk.consume(RID, PURPOSE_REFUND)
    assert (used.value.code, used.value.message_zh) == ("APPROVAL_ALREADY_USED", "该远程授权已经使用过。")
    for down in (LineDownError(), OutcomeUnknownError()):
        central.fail = down
        with pytest.raises(RemoteApprovalRefused) as offline:
            d.desk.consume(RID, PURPOSE_REFUND)
        assert offline.value.code == "REMOTE_APPROVAL_OFFLINE"
        assert "请主管到本柜台当面" in offline.value.message_zh
    keys = [c[1]["idempotency_key"] for c in central.calls if c[0] == "consume"]
    assert len(set(keys)) == len(keys)  # never a retried key: it would replay a use


def test_a_central_without_remote_approval_is_told_as_offline() -> None:
    d = Desk(None)
    for call in (lambda: d.desk.ask(PURPOSE_REFUND, "退费", "T0301"), lambda: d.desk.status(RID),
                 lambda: d.desk.pending(), lambda: d.desk.consume(RID, PURPOSE_REFUND),
                 lambda: d.desk.decide(RID, SupervisorApproval("S", "p", "1"), approve=True)):
        with pytest.raises(RemoteApprovalRefused) as offline:
            call()
        assert offline.value.code == "REMOTE_APPROVAL_OFFLINE"
    assert d.authorised == []  # the line is known down before the supervisor's check


def test_numbers_and_summaries() -> None:
    assert short_number(RID) == "AB12CD"
    assert refund_summary("R1 · 收费 20.00 元 · 现金", " 客户放弃 ") == "退费 R1 · 收费 20.00 元 · 现金，原因：客户放弃"


# -- security review (issue 14 item 5): purposes, self-approval, audits, withdrawal ------------

def decides(central: FakeCentral) -> list[dict[str, Any]]:
    return [kw for name, kw in central.calls if name == "decide"]


def test_a_supervisor_never_decides_their_own_request() -> None:
    central = FakeCentral()
    central.seen = row(teller="S0301")  # the supervisor asked as the act's teller
    d = Desk(central)
    for typed in ("S0301", " S0301 "):
        with pytest.raises(RemoteApprovalRefused) as own:
            d.desk.decide(RID, SupervisorApproval(typed, "pw", "123456"), approve=True)
        assert own.value.code == "APPROVAL_SELF" and "本人" in own.value.message_zh
    assert d.authorised == [] and decides(central) == []  # not even the password was checked
    # the name the check resolves is compared too (typed differently, the same account)
    resolved = Desk(central, who="S0301")
    with pytest.raises(RemoteApprovalRefused) as own:
        resolved.desk.decide(RID, SupervisorApproval("s0301", "pw", "123456"), approve=False,
                             reason="不予授权")
    assert own.value.code == "APPROVAL_SELF" and len(resolved.authorised) == 1
    assert decides(central) == []
    # another supervisor may
    central.answer = row("APPROVED", teller="S0301", supervisor="S0302", decided_counter="C02")
    other = Desk(central, who="S0302")
    assert other.desk.decide(RID, SupervisorApproval("S0302", "pw", "1"), approve=True).state == "APPROVED"


def test_what_is_no_longer_pending_is_not_decided_nor_authorised() -> None:
    central = FakeCentral()
    d = Desk(central)
    for state in ("APPROVED", "REFUSED", "EXPIRED", "CONSUMED", "WITHDRAWN"):
        central.seen = row(state)
        with pytest.raises(RemoteApprovalRefused) as late:
            d.desk.decide(RID, SupervisorApproval("S0301", "pw", "1"), approve=True)
        assert late.value.code == "APPROVAL_NOT_PENDING"
    assert d.authorised == [] and decides(central) == []


def test_a_decision_the_central_refuses_is_audited_here() -> None:
    central = FakeCentral()
    central.seen = row(purpose="teller.unlock:T0302")
    d = Desk(central)
    for failure, code in ((CentralRefusal(403, "APPROVAL_OWN_COUNTER", "不能在发起请求的柜台上远程授权。"),
                           "APPROVAL_OWN_COUNTER"),
                          (OutcomeUnknownError(), "REMOTE_APPROVAL_OFFLINE")):
        central.fail = failure
        with pytest.raises(RemoteApprovalRefused) as refused:
            d.desk.decide(RID, SupervisorApproval("S0301", "pw", "1"), approve=False,
                          reason="身份未核实")
        assert refused.value.code == code
        assert d.audited[-1] == ("S0301", "remote_approval.decision_refused", {
            "request": RID, "purpose": "teller.unlock:T0302", "counter": "C01",
            "decision": "refuse", "code": code})
    assert [a[1] for a in d.audited] == ["remote_approval.decision_refused"] * 2


def test_the_waiting_counter_audits_a_refusal_expiry_or_withdrawal_once() -> None:
    central = FakeCentral()
    d = Desk(central)
    for state in ("PENDING", "APPROVED"):
        central.seen = row(state)
        d.desk.status(RID)
    assert d.audited == []  # still going: nothing to record
    central.seen = row("REFUSED", supervisor="S0302", decided_counter="C02", reason="不符")
    d.desk.status(RID)
    d.desk.status(RID)
    central.seen = row("EXPIRED", request_id="cd" * 16)
    d.desk.status("cd" * 16)
    central.seen = row("WITHDRAWN", request_id="ef" * 16)
    d.desk.status("ef" * 16)
    assert d.audited == [
        ("T0301", "remote_approval.seen_refused",
         {"request": RID, "purpose": PURPOSE_REFUND, "supervisor": "S0302", "counter": "C02"}),
        ("T0301", "remote_approval.seen_expired", {"request": "cd" * 16, "purpose": PURPOSE_REFUND}),
        ("T0301", "remote_approval.seen_withdrawn", {"request": "ef" * 16, "purpose": PURPOSE_REFUND}),
    ]


def test_stopping_the_wait_withdraws_the_request_best_effort_and_is_audited() -> None:
    central = FakeCentral()
    d = Desk(central)
    central.answer = row("WITHDRAWN")
    assert d.desk.cancel(RID, "T0301") is True
    name, sent = central.calls[-1]
    assert name == "cancel" and sent["request_id"] == RID and sent["idempotency_key"]
    assert d.audited[-1] == ("T0301", "remote_approval.abandoned", {
        "withdrawn": True, "request": RID, "purpose": PURPOSE_REFUND, "state": "WITHDRAWN"})
    for failure, code in ((CentralRefusal(409, "APPROVAL_ALREADY_USED", "已使用。"), "APPROVAL_ALREADY_USED"),
                          (LineDownError(), "REMOTE_APPROVAL_OFFLINE")):
        central.fail = failure
        assert d.desk.cancel(RID, "T0301") is False  # never raises: the teller has moved on
        assert d.audited[-1] == ("T0301", "remote_approval.abandoned",
                                 {"withdrawn": False, "request": RID, "code": code})
    no_line = Desk(None)
    assert no_line.desk.cancel(RID, "T0301") is False
    assert no_line.audited == [("T0301", "remote_approval.abandoned", {
        "withdrawn": False, "request": RID, "code": "REMOTE_APPROVAL_OFFLINE"})]


def test_purposes_name_their_object_and_read_in_chinese() -> None:
    assert refund_purpose("ICBC-NB-0101-20261130-C01-F0A1B2C3D") == (
        "fee.refund:ICBC-NB-0101-20261130-C01-F0A1B2C3D")
    assert remote_approve_purpose(RID) == f"remote.approve:{RID}"
    assert purpose_parts("fee.refund:R-1") == ("退还收费", "R-1")
    assert purpose_parts("teller.unlock:T0302") == ("解锁柜员", "T0302")
    assert purpose_parts(dead_letter_purpose("retry", 17)) == ("异常件重新发送", "17")
    assert purpose_parts(dead_letter_purpose("discard", 3)) == ("异常件放弃", "3")
    assert purpose_parts("blank.spoil") == ("登记废卡", "")
    assert purpose_parts("new.act:X") == ("new.act", "X")  # unknown: the code itself, not hidden
    # every act a supervisor authorises has a name
    acts = {v for k, v in vars(supervisor_module).items() if k.startswith("PURPOSE_")}
    assert acts and acts | {SPOIL_PURPOSE} <= set(PURPOSE_ZH)
    assert purpose_parts(SPOIL_PURPOSE) == ("登记废卡", "")
