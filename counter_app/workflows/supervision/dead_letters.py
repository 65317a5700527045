"""The dead-letter queue (异常件): operations the central refused for good, and a
supervisor's decision on each — send it again under its original idempotency key, or
discard it (the row is kept, never sent). Nothing is ever deleted.

The rules live here, used by both the supervision screen and ``counter-app sync
dead-letters`` / ``sync resolve``. The outbox is behind :class:`DeadLetterPort` (the store's
``StoreOutboxRepository``), which writes the decision and its audit entry in one transaction.

The outbox keeps only the central's refusal *code* for a dead letter (its message may name
the person, and the outbox's status columns are not encrypted): the Chinese explanation is
this module's reading of the code.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.supervision.approval import (
    Authorise,
    SupervisorCredentials,
    check_reason,
)
from counter_app.workflows.supervisor import dead_letter_purpose

OPERATION_ZH: dict[str, str] = {
    "applications.submit": QT_TR_NOOP("社保卡申领提交"),
    "applications.cancel": QT_TR_NOOP("撤销申领"),
    "applications.handout": QT_TR_NOOP("领卡登记"),
    "instant_issuance.mark": QT_TR_NOOP("即时制卡占用空白卡"),
    "instant_issuance.result": QT_TR_NOOP("即时制卡结果上报"),
    "instant_issuance.cancel": QT_TR_NOOP("撤销即时制卡"),
    "cards.loss": QT_TR_NOOP("挂失"),
    "cards.deloss": QT_TR_NOOP("解挂"),
    "cards.replacement": QT_TR_NOOP("补换卡"),
    "cards.activation": QT_TR_NOOP("卡片启用"),
    "cards.pin_reset": QT_TR_NOOP("密码重置授权"),
    "cards.pin_lock": QT_TR_NOOP("密码锁定上报"),
    "batches.receive": QT_TR_NOOP("制卡批次签收"),
    "persons.data_change": QT_TR_NOOP("参保信息变更"),
    "persons.registration": QT_TR_NOOP("职工参保登记"),
    "persons.certificate": QT_TR_NOOP("参保证明出具"),
    "audit.head": QT_TR_NOOP("审计链头上报"),
    "day_end.summary": QT_TR_NOOP("日终汇总上报"),  # workflows/day_end/branch.py
}

# the central's stable refusal codes (docs/api/central-v1.yaml) and the counter's own
REFUSAL_ZH: dict[str, str] = {
    "CHANGE_NEEDS_PROOF": QT_TR_NOOP("变更该项信息需要证明材料，中心未收到证明"),
    "CHANGE_VALUE_INVALID": QT_TR_NOOP("变更后的信息格式或取值不被中心接受"),
    "CHANGE_FIELD_UNKNOWN": QT_TR_NOOP("中心不认识要变更的信息项"),
    "CARD_IS_LOST": QT_TR_NOOP("该卡已挂失"),
    "CARD_NOT_ACTIVE": QT_TR_NOOP("该卡不是正常使用状态"),
    "CARD_NOT_IN_USE": QT_TR_NOOP("该卡不在使用中"),
    "NOT_LOST": QT_TR_NOOP("该卡未挂失，不能解挂"),
    "NEED_FORMAL_LOSS": QT_TR_NOOP("须先办理正式挂失"),
    "WRONG_BANK": QT_TR_NOOP("该卡不是本行发行的卡"),
    "WRONG_BRANCH": QT_TR_NOOP("不是本网点的业务"),
    "REPLACEMENT_APPLIED": QT_TR_NOOP("已申请过补换卡"),
    "SAME_NUMBER_NOT_ALLOWED": QT_TR_NOOP("不允许同号换卡"),
    "ALREADY_IN_PRODUCTION": QT_TR_NOOP("已在制卡中"),
    "ALREADY_IN_BATCH": QT_TR_NOOP("已在制卡批次中"),
    "ALREADY_REGISTERED": QT_TR_NOOP("已参保登记"),
    "APPLICATION_FORBIDDEN": QT_TR_NOOP("无权办理该申领"),
    "BATCH_ALREADY_RECEIVED": QT_TR_NOOP("该批次已签收"),
    "NOT_IN_BATCH": QT_TR_NOOP("不在该批次中"),
    "NOT_MARKED": QT_TR_NOOP("空白卡未被占用登记"),
    "NOT_INSTANT": QT_TR_NOOP("不是即时制卡业务"),
    "BRANCH_NOT_INSTANT": QT_TR_NOOP("本网点不是即办网点"),
    "BLANK_CARD_MARKED": QT_TR_NOOP("该空白卡已被占用"),
    "BLANK_SERIAL_MISMATCH": QT_TR_NOOP("空白卡序列号不符"),
    "GUARDIAN_REQUIRED": QT_TR_NOOP("未成年人须有监护人"),
    "GUARDIAN_MISMATCH": QT_TR_NOOP("监护人信息不符"),
    "ID_NUMBER_INVALID": QT_TR_NOOP("身份证号码不正确"),
    "ID_NUMBER_IN_USE": QT_TR_NOOP("身份证号码已被使用"),
    "IDENTITY_MISMATCH": QT_TR_NOOP("身份信息不符"),
    "NAME_REQUIRED": QT_TR_NOOP("缺少姓名"),
    "BASE_OUT_OF_RANGE": QT_TR_NOOP("缴费基数超出中心核定范围"),
    "INSURANCE_NOT_ALLOWED": QT_TR_NOOP("不符合参保条件"),
    "EMPLOYER_NOT_FOUND": QT_TR_NOOP("查无此单位"),
    "EMPLOYER_CANCELLED": QT_TR_NOOP("单位已注销"),
    "CREDIT_CODE_INVALID": QT_TR_NOOP("统一社会信用代码不正确"),
    "CREDIT_CODE_REQUIRED": QT_TR_NOOP("缺少统一社会信用代码"),
    "CREDIT_CODE_NOT_ALLOWED": QT_TR_NOOP("该参保身份不应填写统一社会信用代码"),
    "CERTIFICATE_EXPIRED": QT_TR_NOOP("证明已过期"),
    "CERTIFICATE_UNKNOWN": QT_TR_NOOP("查无此证明"),
    "CARD_FORBIDDEN": QT_TR_NOOP("无权办理该卡的业务"),
    "COUNTER_FORBIDDEN": QT_TR_NOOP("本柜台无权办理"),
    "BRANCH_FORBIDDEN": QT_TR_NOOP("本网点无权办理"),
    "INVALID_REQUEST": QT_TR_NOOP("请求内容不符合接口规范"),
    "IDEMPOTENCY_KEY_REUSED": QT_TR_NOOP("同一幂等键被用于不同的内容"),
    "LIMIT_EXCEEDED": QT_TR_NOOP("超出中心允许的数量"),
    "REQUEST_TOO_LARGE": QT_TR_NOOP("请求内容过大"),
    "CENTRAL_BAD_RESPONSE": QT_TR_NOOP("中心多次返回格式不正确的数据"),
    "CLIENT_CANNOT_SEND": QT_TR_NOOP("本机无法组成该请求（程序或数据问题，请联系技术支持）"),
}

DECISION_ZH = {"retry": QT_TR_NOOP("重新上传"), "discard": QT_TR_NOOP("作废")}


class Decision(enum.StrEnum):
    RETRY = "retry"
    DISCARD = "discard"


class DeadLetterRefused(CounterError):
    code = "DEAD_LETTER_REFUSED"


class DeadLetterFacts(Protocol):
    """A dead letter as the outbox keeps it (the store's ``DeadLetterRecord``)."""

    @property
    def id(self) -> int: ...
    @property
    def op_id(self) -> str: ...
    @property
    def operation(self) -> str: ...
    @property
    def reason(self) -> str: ...  # the refusal code
    @property
    def attempts(self) -> int: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def last_attempt_at(self) -> dt.datetime | None: ...


class DeadLetterPort(Protocol):
    def dead_letters(self) -> Sequence[DeadLetterFacts]: ...
    def resolve_dead_letter(self, item_id: int, decision: str, supervisor: str,
                            now: dt.datetime, reason: str = "") -> None: ...


def operation_zh(operation: str) -> str:
    return OPERATION_ZH.get(operation, zh("其他业务（{operation}）", operation=operation))


def refusal_zh(code: str) -> str:
    if not code:
        return QT_TR_NOOP("中心拒绝（未记录原因代码）")
    return REFUSAL_ZH.get(code, zh("中心拒绝（代码 {code}，请按代码查阅中心接口说明）", code=code))


@dataclass(frozen=True)
class DeadLetter:
    """One dead letter as the supervisor sees it: no payload (it holds personal data)."""

    id: int
    op_id: str
    operation: str
    code: str
    attempts: int
    created_at: dt.datetime
    last_attempt_at: dt.datetime | None

    @property
    def operation_zh(self) -> str:
        return operation_zh(self.operation)

    @property
    def message_zh(self) -> str:
        return refusal_zh(self.code)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "op_id": self.op_id, "operation": self.operation,
                "operation_zh": self.operation_zh, "reason": self.code,
                "message_zh": self.message_zh, "attempts": self.attempts,
                "created_at": self.created_at.isoformat(),
                "last_attempt_at": (self.last_attempt_at.isoformat()
                                    if self.last_attempt_at else None)}


@dataclass(frozen=True)
class Resolution:
    item_id: int
    decision: Decision
    supervisor: str

    @property
    def message_zh(self) -> str:
        if self.decision is Decision.RETRY:
            return zh("异常件 #{item_id} 已改为重新上传（使用原幂等键，不会重复办理）。授权主管：{supervisor}",
                      item_id=self.item_id, supervisor=self.supervisor)
        return zh("异常件 #{item_id} 已作废（记录保留，不再上传）。授权主管：{supervisor}",
                  item_id=self.item_id, supervisor=self.supervisor)


def parse_decision(text: str) -> Decision:
    try:
        return Decision(text)
    except ValueError:
        raise ValidationError("decision", QT_TR_NOOP("请选择“重新上传”或“作废”。"), code="DECISION_REQUIRED") from None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DeadLetterDesk:
    """List dead letters; decide one with a supervisor's authorisation and a reason."""

    def __init__(self, port: DeadLetterPort, authorise: Authorise,
                 clock: Callable[[], dt.datetime] = _now) -> None:
        self.port, self.authorise, self.clock = port, authorise, clock

    def list(self) -> list[DeadLetter]:
        """Oldest first (the order the central refused them in)."""
        return [DeadLetter(d.id, d.op_id, d.operation, d.reason, d.attempts, d.created_at,
                           d.last_attempt_at) for d in self.port.dead_letters()]

    def decide(self, item_id: int, decision: str | Decision, credentials: SupervisorCredentials,
               reason: str) -> Resolution:
        """Checked in this order: the decision, the reason, that it is still a dead letter
        (no authorisation spent on one already decided), the supervisor, then the change
        and its audit entry in one transaction."""
        chosen = parse_decision(str(decision))
        why = check_reason(reason)
        if not any(d.id == item_id for d in self.port.dead_letters()):
            raise self._gone(item_id)
        supervisor = self.authorise(credentials, dead_letter_purpose(chosen.value, item_id))
        try:
            self.port.resolve_dead_letter(item_id, chosen.value, supervisor, self.clock(),
                                          reason=why)
        except LookupError:  # decided meanwhile at another counter or by the command
            raise self._gone(item_id) from None
        return Resolution(item_id, chosen, supervisor)

    @staticmethod
    def _gone(item_id: int) -> DeadLetterRefused:
        return DeadLetterRefused(zh("#{item_id} 不是待处理的异常件（可能已被处理）。", item_id=item_id),
                                 code="NOT_A_DEAD_LETTER")
