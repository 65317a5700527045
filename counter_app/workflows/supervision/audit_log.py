"""The audit log viewer (审计日志): search by teller, action, date range and free text, one
bounded page at a time, with the chain's verification state beside it.

Only what is not personal is searched and shown: the entry's number, time, actor and action
(plain columns), and from its encrypted detail only the keys listed in :data:`SHOWN_DETAIL`
(codes, numbers of sessions, purposes). Card numbers, application numbers, typed reasons and
the like stay encrypted and are not shown; a supervisor who needs them has ``doctor`` and the
support procedure.

The verification is the tamper watch's full walk (``AuditWatch.ledger.verify_full``): sound
up to entry N at time T, or the break named. A break found here also wakes the watch, whose
next round raises the blocking alarm.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP, clauses, zh
from counter_app.workflows.login import ROLE_ZH
from counter_app.workflows.sessions import yuan

CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
SYSTEM_ACTOR = "system"  # the actor of the entries the program writes itself
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200  # a page is one bounded query, whatever the caller asks
MAX_TEXT = 64

# detail keys that carry no personal data: shown; everything else stays hidden
SHOWN_DETAIL: dict[str, str] = {
    "purpose": QT_TR_NOOP("授权用途"), "role": QT_TR_NOOP("角色"), "session": QT_TR_NOOP("会话"),
    "counter": QT_TR_NOOP("柜台"), "op_id": QT_TR_NOOP("幂等键"), "operation": QT_TR_NOOP("中心操作"),
    "dead_reason": QT_TR_NOOP("中心拒绝代码"), "minutes": QT_TR_NOOP("时长"), "failures": QT_TR_NOOP("失败次数"),
    "stale": QT_TR_NOOP("跨日"), "source": QT_TR_NOOP("来源"), "first_bad_seq": QT_TR_NOOP("首个异常条目"),
    "central_seq": QT_TR_NOOP("中心链头"), "problem": QT_TR_NOOP("问题"), "outcome": QT_TR_NOOP("结果"),
    "kind": QT_TR_NOOP("类别"), "step": QT_TR_NOOP("步骤"), "day": QT_TR_NOOP("营业日"),
    "balanced": QT_TR_NOOP("平账"), "how": QT_TR_NOOP("方式"), "scope": QT_TR_NOOP("范围"),
    "refused": QT_TR_NOOP("拒绝"), "valid": QT_TR_NOOP("有效"), "tries_left": QT_TR_NOOP("剩余次数"),
    "deferred": QT_TR_NOOP("延后上传"), "document": QT_TR_NOOP("单据"), "box_id": QT_TR_NOOP("箱号"),
    "batch_id": QT_TR_NOOP("批次"), "float_fen": QT_TR_NOOP("备用金"), "custody": QT_TR_NOOP("保管空白卡"),
    "durable": QT_TR_NOOP("持久写入"),
}

# how a shown value reads: money in 元, counts with their unit, yes/no in words (a raw
# 200000 or True is not what a supervisor should have to decode)
SHOWN_FORMAT: dict[str, Callable[[Any], str]] = {
    "float_fen": lambda v: yuan(int(v)),
    "custody": lambda v: zh("{count} 张", count=v),
    "minutes": lambda v: zh("{minutes} 分钟", minutes=v),
    "failures": lambda v: zh("{count} 次", count=v),
    "tries_left": lambda v: zh("{count} 次", count=v),
}

# action names (or their first part) in the supervisor's words
ACTION_ZH: dict[str, str] = {
    "login": QT_TR_NOOP("登录"), "logout": QT_TR_NOOP("签退"), "unlock": QT_TR_NOOP("解锁屏幕"),
    "authorise": QT_TR_NOOP("主管授权"), "password_change": QT_TR_NOOP("修改密码"), "account": QT_TR_NOOP("账户"),
    "teller": QT_TR_NOOP("柜员账户"), "audit": QT_TR_NOOP("审计日志"), "session": QT_TR_NOOP("柜员会话"),
    "outbox": QT_TR_NOOP("上传队列（异常件）"), "application": QT_TR_NOOP("申领"),
    "issuance": QT_TR_NOOP("即时制卡"), "stock": QT_TR_NOOP("空白卡库存"),
    "production": QT_TR_NOOP("集中制卡 / 领卡"), "card": QT_TR_NOOP("卡片业务"),
    "certificate": QT_TR_NOOP("参保证明"), "query": QT_TR_NOOP("查询"), "registration": QT_TR_NOOP("参保登记"),
    "data_change": QT_TR_NOOP("信息变更"), "login.success": QT_TR_NOOP("登录成功"),
    "login.failure": QT_TR_NOOP("登录失败"), "login.refused_locked": QT_TR_NOOP("登录被拒（已锁定）"),
    "authorise.granted": QT_TR_NOOP("主管授权通过"), "authorise.failure": QT_TR_NOOP("主管授权失败"),
    "authorise.refused_role": QT_TR_NOOP("授权被拒（无权限角色）"),
    "authorise.refused_locked": QT_TR_NOOP("授权被拒（已锁定）"), "account.locked": QT_TR_NOOP("账户锁定"),
    "unlock.success": QT_TR_NOOP("解锁成功"), "unlock.failure": QT_TR_NOOP("解锁失败"),
    "session.opened": QT_TR_NOOP("开始营业"), "session.resumed": QT_TR_NOOP("会话继续"),
    "session.closed": QT_TR_NOOP("日终结束营业"), "session.force_closed": QT_TR_NOOP("主管强制结束会话"),
    "outbox.dead_letter_retry": QT_TR_NOOP("异常件重新上传"),
    "outbox.dead_letter_discard": QT_TR_NOOP("异常件作废"),
    "audit.break_acknowledged": QT_TR_NOOP("主管确认审计告警"), "audit.unknown_user": QT_TR_NOOP("未知用户"),
    "teller.password_changed": QT_TR_NOOP("密码已修改"), "teller.initial_password_set": QT_TR_NOOP("设置初始密码"),
    "teller.totp_enrolled": QT_TR_NOOP("绑定动态验证码"), "teller.demo_account_created": QT_TR_NOOP("创建演示账户"),
    "teller.first_admin_created": QT_TR_NOOP("创建首个管理员账户"),
    "authorise.code_replayed": QT_TR_NOOP("动态验证码重复使用"),
    "authorise.refused_not_enrolled": QT_TR_NOOP("授权被拒（未绑定动态验证码）"),
    "authorise_code.failure": QT_TR_NOOP("动态验证码错误"), "teller.created": QT_TR_NOOP("新增柜员"),
    "teller.disabled": QT_TR_NOOP("停用账户"), "teller.enabled": QT_TR_NOOP("启用账户"),
    "teller.password_reset": QT_TR_NOOP("重置密码"), "teller.totp_reenrolled": QT_TR_NOOP("重新绑定动态验证码"),
    "teller.unlocked": QT_TR_NOOP("解锁账户"),
}


def action_zh(action: str) -> str:
    if action in ACTION_ZH:
        return ACTION_ZH[action]
    head = action.split(".", 1)[0]
    return zh("{area}（{action}）", area=ACTION_ZH[head], action=action) if head in ACTION_ZH else action


class AuditRecordFacts(Protocol):
    """An audit entry as the store's search returns it (``store.audit_search.AuditRecord``)."""

    @property
    def seq(self) -> int: ...
    @property
    def at(self) -> str: ...  # ISO-8601 UTC with a trailing Z, as in the MAC
    @property
    def actor(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def detail(self) -> dict[str, Any]: ...


class AuditSearchPort(Protocol):
    def search(self, *, actor: str | None, action_prefix: str | None, at_from: str | None,
               at_before: str | None, text: str | None, text_actions: Sequence[str],
               offset: int, limit: int) -> tuple[Sequence[AuditRecordFacts], int]:
        """Newest first: one page and the number of matching entries."""
        ...

    def actors(self) -> list[str]: ...
    def actions(self) -> list[str]: ...


class ChainVerification(Protocol):
    @property
    def ok(self) -> bool: ...
    @property
    def entries(self) -> int: ...
    @property
    def first_bad_seq(self) -> int | None: ...
    @property
    def problem(self) -> str: ...
    @property
    def head(self) -> Any: ...  # .seq and .mac of the last sound entry, or None


class AlarmFacts(Protocol):
    @property
    def what_zh(self) -> str: ...


@dataclass(frozen=True)
class AuditQuery:
    teller: str = ""
    action: str = ""  # an action or the start of one ("authorise", "session.")
    since: dt.date | None = None  # Beijing dates, both inclusive
    until: dt.date | None = None
    text: str = ""
    page: int = 0
    page_size: int = PAGE_SIZE


def _date(text: str, field: str, label: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, zh("{label}格式不正确，请按 2026-11-30 的格式输入。", label=label),
                              code="DATE_FORMAT") from None


def parse_query(*, teller: str = "", action: str = "", since: str = "", until: str = "",
                text: str = "", page: int = 0, page_size: int = PAGE_SIZE) -> AuditQuery:
    """The search as typed on the screen, checked."""
    first = _date(since, "since", QT_TR_NOOP("起始日期"))
    last = _date(until, "until", QT_TR_NOOP("截止日期"))
    if first is not None and last is not None and first > last:
        raise ValidationError("until", QT_TR_NOOP("截止日期不能早于起始日期。"), code="DATE_RANGE")
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise ValidationError("text", zh("搜索内容最多 {max_chars} 个字。", max_chars=MAX_TEXT),
                              code="TEXT_TOO_LONG")
    return AuditQuery(teller=teller.strip(), action=action.strip(), since=first, until=last,
                      text=text, page=max(0, page),
                      page_size=min(max(1, page_size), MAX_PAGE_SIZE))


def _utc_mark(day: dt.date) -> str:
    """Beijing midnight of ``day`` in the log's UTC text form (compares as text)."""
    start = dt.datetime.combine(day, dt.time(), CHINA_TIME).astimezone(dt.UTC)
    return start.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime  # aware UTC
    actor: str
    action: str
    shown: tuple[tuple[str, str], ...]  # (label, value) of the non-personal detail
    hidden: int  # detail items not shown (may be personal)

    @property
    def action_zh(self) -> str:
        return action_zh(self.action)

    @property
    def actor_zh(self) -> str:
        """Who, as the viewer shows it: the program's own entries (first administrator, demo
        accounts, updates) by 系统 rather than the raw account name ``system``."""
        return QT_TR_NOOP("系统") if self.actor == SYSTEM_ACTOR else self.actor

    @property
    def local_time(self) -> str:
        return self.at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")

    @property
    def detail_zh(self) -> str:
        parts = [zh("{label}：{value}", label=label, value=value) for label, value in self.shown]
        if self.hidden:
            parts.append(zh("另有 {hidden} 项（可能含个人信息，已加密不显示）", hidden=self.hidden))
        return clauses(parts) or "—"


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def summary_zh(self) -> str:
        if not self.total:
            return QT_TR_NOOP("没有符合条件的审计记录。")
        first = self.page * self.page_size + 1
        return zh("共 {total} 条，第 {page}/{pages} 页（第 {first}–{last} 条，按时间从新到旧）",
                  total=self.total, page=self.page + 1, pages=self.pages, first=first,
                  last=first + len(self.rows) - 1)


@dataclass(frozen=True)
class ChainState:
    """The chain's verification as the viewer shows it."""

    ok: bool
    entries: int
    head_seq: int | None
    checked_at: dt.datetime
    first_bad_seq: int | None = None
    problem: str = ""
    alarm_zh: str = ""  # a break the watch holds until a supervisor acknowledges it

    @property
    def message_zh(self) -> str:
        at = self.checked_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")
        if self.ok and not self.alarm_zh:
            if self.head_seq is None:
                return zh("审计日志为空（{at} 校验）。", at=at)
            return zh("审计链完整：已校验至第 {head_seq} 条（共 {entries} 条，"
                      "{at} 完整校验）。", head_seq=self.head_seq, entries=self.entries, at=at)
        if not self.ok:
            where = (zh("自第 {seq} 条起", seq=self.first_bad_seq) if self.first_bad_seq
                     else QT_TR_NOOP("位置未能确定"))
            return zh("审计链断裂（{at} 校验）：{where}，{problem}。"
                      "请立即报告主管，本柜台将锁定业务直至主管确认。", at=at, where=where,
                      problem=self.problem)
        return zh("审计链当前校验通过（{at}），但有待主管确认的告警：{alarm}", at=at, alarm=self.alarm_zh)


def _format(key: str, value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return QT_TR_NOOP("是") if value else QT_TR_NOOP("否")
    if key == "role":
        return ROLE_ZH.get(str(value), str(value))
    fmt = SHOWN_FORMAT.get(key)
    if fmt is not None and isinstance(value, int):
        return fmt(value)
    return str(value)


def _shown(detail: dict[str, Any]) -> tuple[tuple[tuple[str, str], ...], int]:
    shown, hidden = [], 0
    for key in sorted(detail):
        value = detail[key]
        if key in SHOWN_DETAIL and isinstance(value, (str, int, float, bool)) and value != "":
            text = _format(key, value)
            shown.append((SHOWN_DETAIL[key], text if len(text) <= 80 else text[:80]))  # a Text kept whole
        else:
            hidden += 1
    return tuple(shown), hidden


def _row(r: AuditRecordFacts) -> AuditRow:
    at = dt.datetime.fromisoformat(r.at.rstrip("Z")).replace(tzinfo=dt.UTC)
    shown, hidden = _shown(r.detail if isinstance(r.detail, dict) else {})
    return AuditRow(r.seq, at, r.actor, r.action, shown, hidden)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)



class AuditLogViewer:
    """Search pages of the audit log and verify the chain."""

    def __init__(self, search: AuditSearchPort, verify: Callable[[], ChainVerification], *,
                 alarm: Callable[[], AlarmFacts | None] = lambda: None,
                 wake: Callable[[], None] = lambda: None,
                 clock: Callable[[], dt.datetime] = _now) -> None:
        self.port, self.verify, self.alarm, self.wake, self.clock = (
            search, verify, alarm, wake, clock)

    def search(self, query: AuditQuery) -> AuditPage:
        text = query.text or None
        # the free text also finds actions by their Chinese name ("授权" → authorise.*)
        text_actions: tuple[str, ...] = ()
        if text:
            text_actions = tuple(a for a in self.port.actions() if text in action_zh(a))
        rows, total = self.port.search(
            actor=query.teller or None, action_prefix=query.action or None,
            at_from=_utc_mark(query.since) if query.since else None,
            at_before=(_utc_mark(query.until + dt.timedelta(days=1)) if query.until else None),
            text=text, text_actions=text_actions,
            offset=query.page * query.page_size, limit=query.page_size)
        return AuditPage(tuple(_row(r) for r in rows), total, query.page, query.page_size)

    def choices(self) -> tuple[list[str], list[str]]:
        """The tellers and actions seen in the log (for the screen's pick lists)."""
        return self.port.actors(), self.port.actions()

    def verification(self) -> ChainState:
        """The full walk now; a break found also wakes the tamper watch."""
        result = self.verify()
        held = self.alarm()
        state = ChainState(ok=result.ok, entries=result.entries,
                           head_seq=int(result.head.seq) if result.ok and result.head else None,
                           checked_at=self.clock(), first_bad_seq=result.first_bad_seq,
                           problem=result.problem, alarm_zh=held.what_zh if held else "")
        if not result.ok:
            self.wake()  # the watch's next round raises the blocking alarm
        return state

