"""Remote supervisor approval (远程授权): a supervisor at another counter of the branch
authorises one act without taking the teller's seat (docs/supervision.md).

1. The teller's counter asks the central for an approval of one act (:meth:`RemoteApprovals.ask`:
   a request id it makes, the purpose, a short summary with personal data only masked, the
   teller); the central records the requesting counter from the verified identity.
2. A supervisor at another counter of the same branch sees the branch's pending requests
   (:meth:`pending`) and decides (:meth:`decide`): the password and one-time code are checked
   first at the supervisor's own PC, where the account lives, through the one authorisation
   path (``TellerAuth.authorise``, audited there); only then is the decision sent, with the
   supervisor's user name. The authorisation's purpose names the request
   (``remote.approve:<request_id>``); a supervisor never decides a request whose teller is
   themselves (``APPROVAL_SELF``, here and at the central); a decision the central refuses is
   audited (``remote_approval.decision_refused``).
3. The teller's counter waits (:meth:`status`) and then hands a
   :class:`~counter_app.workflows.supervisor.SupervisorApproval` carrying the request id to the
   act, which authorises as always; ``TellerAuth.authorise`` consumes the approval at the
   central (:meth:`consume`: approved, this counter, same purpose, not expired, never used
   before) and audits who approved it from which counter. A refused, expired or withdrawn
   request seen while waiting is audited once (``remote_approval.seen_refused`` …); a teller who
   stops waiting withdraws the request (:meth:`cancel`, best effort, audited
   ``remote_approval.abandoned``): withdrawn, it can be neither approved nor used.

The central is needed throughout: with the line down the teller is told to have the
supervisor authorise in person at this counter.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from counter_app.central.api import RemoteApproval, RemoteApprovalApi
from counter_app.central.errors import CentralError, CentralRefusal
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.supervisor import (
    PURPOSE_AUDIT_ACK,
    PURPOSE_FORCE_CLOSE,
    PURPOSE_PHOTO_OVERRIDE,
    PURPOSE_REFUND,
    PURPOSE_REMOTE_APPROVE,
    PURPOSE_SPOIL,
    PURPOSE_UNLOCK,
    Authorise,
    SupervisorApproval,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

#: how long a supervisor may take to decide, and the teller's counter to use the approval
VALID_SECONDS = 600
MAX_SUMMARY = 120
MIN_REASON_CHARS = 2

PENDING, APPROVED, REFUSED, EXPIRED, CONSUMED = "PENDING", "APPROVED", "REFUSED", "EXPIRED", "CONSUMED"
WITHDRAWN = "WITHDRAWN"
STATE_ZH = {PENDING: QT_TR_NOOP("等待主管处理"), APPROVED: QT_TR_NOOP("已批准"),
            REFUSED: QT_TR_NOOP("已拒绝"), EXPIRED: QT_TR_NOOP("已过期"),
            CONSUMED: QT_TR_NOOP("已使用"), WITHDRAWN: QT_TR_NOOP("已撤回")}
#: the states a waiting teller's counter audits when it sees them (the act will not happen)
_SEEN_ACTION = {REFUSED: "remote_approval.seen_refused", EXPIRED: "remote_approval.seen_expired",
                WITHDRAWN: "remote_approval.seen_withdrawn"}

#: the act the central checks (the purpose's name before ``:``), in the supervisor's words;
#: the object after ``:`` (a receipt, a teller, a dead letter) is shown as it is
PURPOSE_ZH = {
    PURPOSE_REFUND: QT_TR_NOOP("退还收费"),
    PURPOSE_UNLOCK: QT_TR_NOOP("解锁柜员"),
    PURPOSE_SPOIL: QT_TR_NOOP("登记废卡"),  # blank.spoil:<chip serial>
    PURPOSE_FORCE_CLOSE: QT_TR_NOOP("强制结束会话"),  # session.force_close:<teller>-<session>
    PURPOSE_AUDIT_ACK: QT_TR_NOOP("确认审计链异常"),
    PURPOSE_PHOTO_OVERRIDE: QT_TR_NOOP("照片人工放行"),
    PURPOSE_REMOTE_APPROVE: QT_TR_NOOP("远程授权"),
    "dead_letter_retry": QT_TR_NOOP("异常件重新发送"),
    "dead_letter_discard": QT_TR_NOOP("异常件放弃"),
}

OFFLINE_ZH = QT_TR_NOOP("与中心系统的连接中断，无法使用远程授权。请主管到本柜台当面输入账号、密码和动态验证码授权。")


class RemoteApprovalRefused(CounterError):
    code = "REMOTE_APPROVAL_REFUSED"


def short_number(request_id: str) -> str:
    """What the teller reads out and the supervisor finds in the list: the id's first 6
    characters, upper case."""
    return request_id[:6].upper()


def refund_summary(fee_zh: str, reason: str) -> str:
    """The summary of a fee refund (the fee's line: number, amount, method; nothing personal),
    in Chinese whatever the screen's language: the central keeps it as written."""
    return f"退费 {fee_zh}，原因：{reason.strip()}"  # i18n: data


def purpose_parts(purpose: str) -> tuple[str, str]:
    """The act's name in Chinese (untranslated: the screen translates it; an unknown act is
    its code as the central holds it, never hidden) and the object it names ("" when none)."""
    act, _sep, obj = purpose.partition(":")
    return PURPOSE_ZH.get(act, act), obj


def remote_approve_purpose(request_id: str) -> str:
    """The supervisor's own authorisation of a decision names the request it decides."""
    return f"{PURPOSE_REMOTE_APPROVE}:{request_id}"


def offline_error() -> RemoteApprovalRefused:
    return RemoteApprovalRefused(OFFLINE_ZH, code="REMOTE_APPROVAL_OFFLINE")


@dataclass(frozen=True)
class RemoteGrant:
    """An approval consumed for one act: who approved it, from which counter."""

    request_id: str
    supervisor: str
    counter_id: str


class RemoteApprovals:
    """The remote approval desk of one counter (both roles: asking and deciding)."""

    def __init__(self, api: Callable[[], RemoteApprovalApi | None], authorise: Authorise, *,
                 audit: Callable[..., None], new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
                 valid_seconds: int = VALID_SECONDS) -> None:
        self._api = api
        self._authorise = authorise
        self._audit = audit
        self._new_id = new_id
        self.valid_seconds = valid_seconds
        self._seen: set[tuple[str, str]] = set()  # (request, state) already audited here

    def _line(self) -> RemoteApprovalApi:
        api = self._api()
        if api is None:  # a central without the remote approval calls (a test's fake)
            raise offline_error()
        return api

    def _call(self, fn: Callable[[], T]) -> T:
        """A call to the central: its refusal in its own Chinese words, the line down (or any
        failure to get an answer) as the advice to authorise in person."""
        try:
            return fn()
        except CentralRefusal as refusal:
            raise RemoteApprovalRefused(refusal.message_zh, code=refusal.code) from None
        except CentralError as error:
            log.info("remote approval: central not reached (%s)", error.code)
            raise offline_error() from None

    # -- the teller's counter ------------------------------------------------------------

    def ask(self, purpose: str, summary: str, teller: str) -> RemoteApproval:
        """Ask the branch's supervisors for an approval of one act."""
        summary = " ".join(summary.split())[:MAX_SUMMARY]
        if not summary:
            raise ValidationError("summary", QT_TR_NOOP("请说明需要授权的操作。"), code="SUMMARY_REQUIRED")
        api = self._line()
        request_id = self._new_id()
        asked = self._call(lambda: api.request_remote_approval(
            request_id=request_id, purpose=purpose, summary=summary, teller=teller,
            valid_seconds=self.valid_seconds, idempotency_key=str(uuid.uuid4())))
        self._audit(teller, "remote_approval.requested", request=request_id, purpose=purpose)
        return asked

    def status(self, request_id: str) -> RemoteApproval:
        """The request as the central holds it; a refusal, expiry or withdrawal is audited the
        first time this counter sees it (the act asked for will not happen)."""
        api = self._line()
        seen = self._call(lambda: api.remote_approval(request_id))
        action = _SEEN_ACTION.get(seen.state)
        if action is not None and (request_id, seen.state) not in self._seen:
            self._seen.add((request_id, seen.state))
            detail: dict[str, str] = {"request": request_id, "purpose": seen.purpose}
            if seen.state == REFUSED:
                detail.update(supervisor=seen.supervisor or "", counter=seen.decided_counter or "")
            self._audit(seen.teller, action, **detail)
        return seen

    def cancel(self, request_id: str, teller: str) -> bool:
        """The teller stops waiting: the request is withdrawn at the central, so a supervisor
        can no longer approve it nor this counter use it. Best effort — the line down or a
        request already decided, used or expired is not an error here; the abandoned wait is
        audited either way. True when the central holds it withdrawn."""
        detail: dict[str, str] = {"request": request_id}
        withdrawn = False
        try:
            api = self._line()
            answer = self._call(lambda: api.cancel_remote_approval(
                request_id, idempotency_key=str(uuid.uuid4())))
            withdrawn = answer.state == WITHDRAWN
            detail.update(purpose=answer.purpose, state=answer.state)
        except RemoteApprovalRefused as refused:
            detail["code"] = refused.code
        self._audit(teller, "remote_approval.abandoned", withdrawn=withdrawn, **detail)
        return withdrawn

    def consume(self, request_id: str, purpose: str) -> RemoteGrant:
        """Use an approved request for the act it was asked for, once (the central marks it
        used; a second act, another purpose, another counter are refused there)."""
        api = self._line()
        # a fresh key: a retried key would replay the first use for a second act
        used = self._call(lambda: api.consume_remote_approval(
            request_id, purpose=purpose, idempotency_key=str(uuid.uuid4())))
        if used.state != CONSUMED or not used.supervisor or not used.decided_counter:
            raise RemoteApprovalRefused(QT_TR_NOOP("中心系统的远程授权答复不完整，请主管当面授权。"),
                                        code="REMOTE_APPROVAL_BAD_ANSWER")
        return RemoteGrant(request_id, used.supervisor, used.decided_counter)

    # -- the supervisor's counter ------------------------------------------------------------

    def pending(self) -> list[RemoteApproval]:
        """The branch's requests waiting for a decision from another counter than this one."""
        api = self._line()
        return self._call(api.pending_remote_approvals)

    def decide(self, request_id: str, approval: SupervisorApproval, *, approve: bool,
               reason: str = "") -> RemoteApproval:
        """Approve or refuse a request: the supervisor's password and code are checked here
        first (counted and audited like any authorisation, for this request), then the
        decision is sent. Never one's own request; a decision the central refuses is audited."""
        reason = reason.strip()
        if not approve and len(reason) < MIN_REASON_CHARS:
            raise ValidationError("reason", QT_TR_NOOP("拒绝远程授权须写明理由。"), code="REASON_REQUIRED")
        if approval.remote_request_id:  # an approval cannot itself be approved remotely
            raise RemoteApprovalRefused(QT_TR_NOOP("远程授权须由主管在本机输入账号、密码和动态验证码。"),
                                        code="REMOTE_APPROVAL_NESTED")
        api = self._line()
        # read first: neither a code nor a lockout count is spent on what cannot be decided
        asked = self._call(lambda: api.remote_approval(request_id))
        if asked.state != PENDING:
            raise RemoteApprovalRefused(
                QT_TR_NOOP("该远程授权请求已不在等待处理（已处理、已撤回或已过期），请刷新列表。"),
                code="APPROVAL_NOT_PENDING")
        if approval.username.strip() == asked.teller:
            raise self._self_refused()
        supervisor = self._authorise(approval, remote_approve_purpose(request_id))
        if supervisor == asked.teller:  # the name the check resolved
            raise self._self_refused()
        try:
            decided = self._call(lambda: api.decide_remote_approval(
                request_id, approve=approve, supervisor=supervisor, reason=reason,
                idempotency_key=str(uuid.uuid4())))
        except RemoteApprovalRefused as refused:
            # authorised here, not recorded there: this PC keeps what was attempted
            self._audit(supervisor, "remote_approval.decision_refused", request=request_id,
                        purpose=asked.purpose, counter=asked.counter_id,
                        decision="approve" if approve else "refuse", code=refused.code)
            raise
        self._audit(supervisor, "remote_approval.approved" if approve else "remote_approval.refused",
                    request=request_id, purpose=decided.purpose, counter=decided.counter_id)
        return decided

    @staticmethod
    def _self_refused() -> RemoteApprovalRefused:
        return RemoteApprovalRefused(
            QT_TR_NOOP("主管不能决定本人发起的远程授权请求，请由另一位主管处理。"), code="APPROVAL_SELF")
