"""The day-end (日终轧账) report and its arithmetic, as pure functions over facts.

Per teller (one work session) and per branch (every session of the day in this store):

- businesses done, by type, from the audit log (a business the central refused, or that
  was withdrawn before it reached the central, is counted apart, not as done);
- fees by method: collected, refunded, net; the cash that should be in the drawer
  (opening float + cash collected − cash refunded) against the cash counted;
- cards: blank cards handed out, taken back, issued, spoiled, still held (the stock's move
  log, ``workflows.stock.reconcile``), cards received in batches and handed out;
- the outbox: nothing unsent, or the list of what is (dead letters are differences);
- differences, each with a stable key and a text: a fee due but not recorded, cash short or
  over, cards that do not add up, dead letters. Each must be explained (a text of at least
  4 characters) before the teller's session can close.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from counter_app.central.api import BranchDayEnd
from counter_app.domain.fees import COLLECT, METHOD_ZH, REFUND, FeeMethod
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.stock.record import Reconciliation, TellerLine
from counter_app.workflows.supervision.dead_letters import operation_zh

MIN_EXPLANATION_CHARS = 4

#: audit actions that record a business done at the counter → its title on the report
BUSINESS_ACTIONS: dict[str, str] = {
    "application.accepted": QT_TR_NOOP("社保卡申领"),
    "issuance.issued": QT_TR_NOOP("即时制卡"),
    "production.batch_received": QT_TR_NOOP("集中制卡批次签收"),
    "production.handed_out": QT_TR_NOOP("领卡启用"),
    "card.loss": QT_TR_NOOP("正式挂失"),
    "card.deloss": QT_TR_NOOP("解除挂失"),
    "card.replacement": QT_TR_NOOP("补卡 / 换卡"),
    "card.pin_change": QT_TR_NOOP("修改密码"),
    "card.pin_reset": QT_TR_NOOP("密码重置"),
    "certificate.issued": QT_TR_NOOP("参保证明打印"),
    "query.made": QT_TR_NOOP("社保信息查询"),
    "persons.registration": QT_TR_NOOP("职工参保登记"),
    "persons.data_change": QT_TR_NOOP("参保信息变更"),
}
#: the outbox operation of this counter's day summary for the central (workflows/day_end/branch.py)
SUMMARY_OPERATION = "day_end.summary"
#: op states of a business sent to the central that mean it was not done
NOT_DONE_STATES = frozenset({"refused", "withdrawn"})


class AuditFact(Protocol):
    @property
    def at(self) -> str: ...  # ISO UTC as the audit log keeps it
    @property
    def actor(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def detail(self) -> Mapping[str, Any]: ...


class FeeFact(Protocol):
    @property
    def receipt_no(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def business(self) -> str: ...
    @property
    def business_ref(self) -> str: ...
    @property
    def teller(self) -> str: ...
    @property
    def amount_fen(self) -> int: ...
    @property
    def method(self) -> str: ...
    @property
    def reference(self) -> str: ...


class UnsentFact(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def operation(self) -> str: ...
    @property
    def status(self) -> str: ...  # pending | sending | dead
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def attempts(self) -> int: ...
    @property
    def last_error(self) -> str: ...


@dataclass(frozen=True)
class BusinessCount:
    title_zh: str
    done: int
    not_done: int = 0  # refused by the central or withdrawn


@dataclass(frozen=True)
class FeeLine:
    method: str
    method_zh: str
    collected: int = 0
    collected_fen: int = 0
    refunded: int = 0
    refunded_fen: int = 0

    @property
    def net_fen(self) -> int:
        return self.collected_fen - self.refunded_fen


@dataclass(frozen=True)
class FeeEntry:
    receipt_no: str
    kind: str
    business: str
    amount_fen: int
    method: str
    reference: str
    teller: str


@dataclass(frozen=True)
class UnsentItem:
    id: int
    operation: str
    status: str
    created_at: str  # Beijing time, for the report
    attempts: int
    last_error: str

    @property
    def operation_zh(self) -> str:
        """The business in words (the sheet and the screen showed applications.submit)."""
        return operation_zh(self.operation)


@dataclass(frozen=True)
class Difference:
    key: str
    text_zh: str
    explanation: str = ""

    @property
    def explained(self) -> bool:
        return len(self.explanation.strip()) >= MIN_EXPLANATION_CHARS


@dataclass(frozen=True)
class CardCounts:
    handed: int = 0  # blank cards handed to the teller (领用)
    taken_back: int = 0
    issued: int = 0
    spoiled: int = 0
    holding: int = 0
    received_in_batches: int = 0  # centrally made cards received into custody
    handed_out: int = 0  # centrally made cards handed to their holders


@dataclass(frozen=True)
class BranchWide:
    """The branch's figures over all its counters, as the central sums them
    (``workflows/day_end/branch.py``); ``data`` None with ``note_zh`` saying why (the line is
    down, the central cannot say)."""

    data: BranchDayEnd | None
    note_zh: str = ""
    asked_at: str = ""  # Beijing time

    @property
    def available(self) -> bool:
        return self.data is not None


def line_down_note(why: str) -> str:
    return zh("全网点汇总暂不可用（{why}）：以下网点数据仅为本机（本柜台电脑）的记录，"
              "不含本网点其他柜台。", why=why)


@dataclass(frozen=True)
class DayEndReport:
    scope: str  # "teller" | "branch"
    day: str
    branch_code: str
    branch_name: str
    counter_id: str
    made_at: str  # Beijing time, "YYYY-MM-DD HH:MM:SS"
    teller: str = ""  # the teller (scope teller) or who made it (branch)
    session_id: int | None = None
    session_zh: str = ""
    businesses: tuple[BusinessCount, ...] = ()
    fees: tuple[FeeLine, ...] = ()
    fee_entries: tuple[FeeEntry, ...] = ()
    opening_float_fen: int = 0
    cash_expected_fen: int = 0
    cash_counted_fen: int | None = None
    cards: CardCounts = field(default_factory=CardCounts)
    blank_stock: bool = False  # the branch keeps blank stock (instant issuance)
    stock: Reconciliation | None = None  # the whole branch's blank stock (branch scope)
    unsent: tuple[UnsentItem, ...] = ()
    differences: tuple[Difference, ...] = ()
    sessions: tuple[str, ...] = ()  # branch scope: one line per work session of the day
    # branch scope: every counter of the branch through the central (None: not asked)
    branch_wide: BranchWide | None = None

    @property
    def balanced(self) -> bool:
        return not self.differences

    @property
    def unexplained(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.explained)

    @property
    def businesses_done(self) -> int:
        return sum(b.done for b in self.businesses)

    @property
    def fees_net_fen(self) -> int:
        return sum(f.net_fen for f in self.fees)


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"


# -- the arithmetic ----------------------------------------------------------------------------
def count_businesses(entries: Iterable[AuditFact], op_states: Mapping[str, str]) -> tuple[BusinessCount, ...]:
    """Done and not done per business type, in the catalogue's order of BUSINESS_ACTIONS."""
    done: Counter[str] = Counter()
    not_done: Counter[str] = Counter()
    for e in entries:
        title = BUSINESS_ACTIONS.get(e.action)
        if title is None:
            continue
        op_id = str(e.detail.get("op_id") or "")
        if op_id and op_states.get(op_id) in NOT_DONE_STATES:
            not_done[title] += 1
        else:
            done[title] += 1
    order = list(dict.fromkeys(BUSINESS_ACTIONS.values()))
    return tuple(BusinessCount(t, done[t], not_done[t]) for t in order if done[t] or not_done[t])


def fee_lines(fees: Iterable[FeeFact]) -> tuple[FeeLine, ...]:
    """Per method: collected and refunded counts and amounts (every method the schedule
    knows is listed, so a zero is printed, not left out)."""
    lines = {m.value: FeeLine(m.value, METHOD_ZH[m]) for m in FeeMethod}
    for f in fees:
        line = lines[f.method]
        if f.kind == COLLECT:
            line = FeeLine(line.method, line.method_zh, line.collected + 1,
                           line.collected_fen + f.amount_fen, line.refunded, line.refunded_fen)
        elif f.kind == REFUND:
            line = FeeLine(line.method, line.method_zh, line.collected, line.collected_fen,
                           line.refunded + 1, line.refunded_fen + f.amount_fen)
        else:
            raise ValueError(f"unknown fee kind {f.kind!r}")
        lines[f.method] = line
    return tuple(lines.values())


def cash_expected(opening_float_fen: int, lines: Iterable[FeeLine]) -> int:
    cash = next((line for line in lines if line.method == FeeMethod.CASH.value), None)
    return opening_float_fen + (cash.net_fen if cash is not None else 0)


def fee_differences(entries: Iterable[AuditFact], fees: Iterable[FeeFact],
                    op_states: Mapping[str, str]) -> list[Difference]:
    """A business that was due a fee (its audit entry says ``fee_fen``) and was done, with
    no fee collected for it — or a fee whose business was not done and not refunded."""
    collected = {f.business_ref for f in fees if f.kind == COLLECT}
    refunded = {f.business_ref for f in fees if f.kind == REFUND}
    out: list[Difference] = []
    due_refs: set[str] = set()
    for e in entries:
        due = int(e.detail.get("fee_fen") or 0)
        op_id = str(e.detail.get("op_id") or "")
        if e.action not in BUSINESS_ACTIONS or not op_id or due <= 0:
            continue
        due_refs.add(op_id)
        if op_states.get(op_id) in NOT_DONE_STATES:
            continue
        if op_id not in collected:
            out.append(Difference(
                f"fee_missing:{op_id}",
                zh("{business}（业务编号 {business_no}）应收工本费 {amount}，没有收费记录。",
                   business=BUSINESS_ACTIONS[e.action], business_no=op_id[:8].upper(), amount=yuan(due))))
    for f in fees:
        if (f.kind == COLLECT and op_states.get(f.business_ref) in NOT_DONE_STATES
                and f.business_ref not in refunded):
            out.append(Difference(
                f"fee_not_done:{f.business_ref}",
                zh("收据 {receipt_no} 收取 {amount}，但该业务未被中心受理，且未退费。",
                   receipt_no=f.receipt_no, amount=yuan(f.amount_fen))))
    return out


def cash_differences(expected_fen: int, counted_fen: int | None, lines: Iterable[FeeLine]) -> list[Difference]:
    cash = next((line for line in lines if line.method == FeeMethod.CASH.value), None)
    moved = cash is not None and (cash.collected or cash.refunded)
    if counted_fen is None:
        if not moved:
            return []
        return [Difference("cash_uncounted",
                           zh("本会话有现金收费或退费，现金应有 {expected}（含备用金），尚未清点现金。",
                              expected=yuan(expected_fen)))]
    if counted_fen == expected_fen:
        return []
    diff = counted_fen - expected_fen
    if diff > 0:
        return [Difference("cash", zh("现金应有 {expected}（备用金加现金收费减退费），实点 {counted}，"
                                      "长款 {difference}。", expected=yuan(expected_fen), counted=yuan(counted_fen),
                                      difference=yuan(diff)))]
    return [Difference("cash", zh("现金应有 {expected}（备用金加现金收费减退费），实点 {counted}，"
                                  "短款 {difference}。", expected=yuan(expected_fen), counted=yuan(counted_fen),
                                  difference=yuan(-diff)))]


def card_counts(line: TellerLine | None, entries: Iterable[AuditFact]) -> CardCounts:
    received = handed_out = 0
    for e in entries:
        if e.action == "production.batch_received":
            received += int(e.detail.get("received") or 0)
        elif e.action == "production.handed_out":
            handed_out += 1
    if line is None:
        return CardCounts(received_in_batches=received, handed_out=handed_out)
    return CardCounts(line.handed, line.taken_back, line.issued, line.spoiled, line.holding,
                      received, handed_out)


def card_differences(teller: str, line: TellerLine | None, entries: Iterable[AuditFact],
                     stock_texts: Sequence[str]) -> list[Difference]:
    """The stock reconciliation's own differences for this teller (book, earlier days), and
    cards issued by the issuance business against blank cards moved to issued."""
    out = [Difference(f"stock:{i}", text) for i, text in enumerate(stock_texts)]
    if line is None:
        return out
    issued = sum(1 for e in entries if e.action == "issuance.issued")
    if issued != line.issued:
        out.append(Difference("issued", zh("柜员 {teller}：即时制卡业务 {businesses} 笔，而空白卡登记发卡 {issued} 张，"
                                           "相差 {difference} 张。", teller=teller, businesses=issued,
                                           issued=line.issued, difference=issued - line.issued)))
    return out


def outbox_differences(unsent: Iterable[UnsentItem]) -> list[Difference]:
    """Dead letters of businesses. A day summary that died is listed, not a difference: the
    next close sends the whole day again, and the teller's close must not wait on it."""
    return [Difference(f"dead:{u.id}", zh("待上传业务 #{outbox_id}（{operation}）中心拒收或多次失败，已转人工处理"
                                          "（{error}），须由主管决定重发或作废。", outbox_id=u.id,
                                          operation=u.operation_zh, error=u.last_error or QT_TR_NOOP("无错误码")))
            for u in unsent if u.status == "dead" and u.operation != SUMMARY_OPERATION]


def with_explanations(differences: Iterable[Difference], notes: Mapping[str, str]) -> tuple[Difference, ...]:
    return tuple(Difference(d.key, d.text_zh, notes.get(d.key, d.explanation)) for d in differences)
