"""The day-end report as the printed sheet (PDF) and as CSV for branch IT.

The CSV has one row per figure: ``section, item, value, detail`` — a spreadsheet sums it
without knowing the layout. No personal data: tellers' user names, receipt numbers,
amounts, operations, and the teller's explanations (written by the teller for the report).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from counter_app.central.api import BranchDayEnd, DayEndFee
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.fees import METHOD_ZH, REFUND, FeeMethod
from counter_app.printing import BranchInfo
from counter_app.printing.day_end import DayEndSheet, Table, render_day_end
from counter_app.workflows.day_end.report import BUSINESS_ACTIONS, DayEndReport, yuan

KIND_ZH = {"collect": "收费", "refund": "退费"}
BUSINESS_ZH = {"replacement": "补换卡工本费", "application": "申领工本费"}


def sheet_number(report: DayEndReport) -> str:
    day = report.day.replace("-", "")
    who = report.teller if report.scope == "teller" else "ALL"
    return f"{report.branch_code}-{day}-{report.counter_id}-RZ-{who}"


def _card_rows(report: DayEndReport) -> tuple[tuple[str, ...], ...]:
    c = report.cards
    rows: list[tuple[str, ...]] = []
    if report.blank_stock:
        balance = c.handed - (c.taken_back + c.issued + c.spoiled + c.holding)
        rows += [("空白卡领用", str(c.handed)), ("空白卡交回", str(c.taken_back)),
                 ("即时制卡发卡", str(c.issued)), ("废卡", str(c.spoiled)),
                 ("在保管（当日领用）", str(c.holding)),
                 ("领用 − 交回 − 发卡 − 废卡 − 在保管", str(balance))]
    rows += [("批次签收入库（集中制卡）", str(c.received_in_batches)),
             ("领卡启用交付", str(c.handed_out))]
    if report.stock is not None:
        s = report.stock
        rows += [("全网点：入库登记", str(s.received)), ("全网点：网点库存", str(s.in_stock)),
                 ("全网点：柜员保管", str(s.in_custody)), ("全网点：已发卡", str(s.issued)),
                 ("全网点：废卡", str(s.spoiled))]
    return tuple(rows)


def method_zh(method: str) -> str:
    try:
        return METHOD_ZH[FeeMethod(method)]
    except ValueError:
        return method


def _net(fees: tuple[DayEndFee, ...]) -> int:
    return sum(f.collected_fen - f.refunded_fen for f in fees)


def _beijing(t: object) -> str:
    import datetime as dt

    return t.astimezone(CHINA_TIME).strftime("%H:%M:%S") if isinstance(t, dt.datetime) else "—"


def branch_wide_fact(report: DayEndReport) -> str:
    """The line under the title that says where the branch-wide figures come from."""
    bw = report.branch_wide
    if bw is None:
        return ""
    if bw.data is None:
        return bw.note_zh
    d = bw.data
    reported = sum(1 for c in d.counters if c.reported)
    line = f"全网点汇总：中心系统 {bw.asked_at}，已上报柜台 {reported}/{len(d.counters)}"
    if d.not_reported:
        line += f"；未上报：{'、'.join(d.not_reported)}"
    if d.still_open:
        line += f"；仍有会话未结束：{'、'.join(d.still_open)}"
    if d.unexplained:
        line += f"；差异未说明：{'、'.join(d.unexplained)}"
    return line


def branch_wide_tables(data: BranchDayEnd) -> list[Table]:
    """The central's sum over the branch's counters (each counter's latest summary)."""
    counters = Table(
        "全网点各柜台（中心汇总）",
        ("柜台", "日终汇总", "会话 / 未结束", "业务办结", "工本费净额", "差异未说明", "待上传"),
        (20.0, 40.0, 26.0, 22.0, 28.0, 22.0, 22.0),
        tuple((c.counter_id, f"已上报 {_beijing(c.made_at)}" if c.reported else "未上报",
               f"{c.figures.sessions} / {c.figures.open_sessions}" if c.figures else "—",
               str(sum(b.done for b in c.figures.businesses)) if c.figures else "—",
               yuan(_net(c.figures.fees)) if c.figures else "—",
               str(c.figures.unexplained) if c.figures else "—",
               str(c.figures.unsent) if c.figures else "—") for c in data.counters),
        empty_zh="中心系统尚无本网点当日的柜台记录。",
        bad_rows=frozenset(i for i, c in enumerate(data.counters)
                           if c.figures is None or c.figures.open_sessions or c.figures.unexplained))
    t = data.totals
    businesses = Table("全网点业务笔数（中心汇总）", ("业务", "办结", "未受理 / 撤回"), (110.0, 35.0, 35.0),
                       tuple((BUSINESS_ACTIONS.get(b.kind, b.kind), str(b.done), str(b.not_done))
                             for b in t.businesses)
                       + ((("合计", str(sum(b.done for b in t.businesses)),
                            str(sum(b.not_done for b in t.businesses))),) if t.businesses else ()),
                       empty_zh="已上报柜台当日无业务。")
    fees = Table("全网点工本费（中心汇总）", ("收费方式", "收费笔数", "收费金额", "退费笔数", "退费金额", "净额"),
                 (40.0, 25.0, 32.0, 25.0, 28.0, 30.0),
                 (*((method_zh(f.method), str(f.collected), yuan(f.collected_fen), str(f.refunded),
                     yuan(f.refunded_fen), yuan(f.collected_fen - f.refunded_fen)) for f in t.fees),
                  ("合计", "", "", "", "", yuan(_net(t.fees)))))
    c = t.cards
    cards = Table("全网点卡片（中心汇总）", ("项目", "张数"), (140.0, 40.0),
                  (("空白卡领用", str(c.handed)), ("空白卡交回", str(c.taken_back)),
                   ("即时制卡发卡", str(c.issued)), ("废卡", str(c.spoiled)),
                   ("在保管", str(c.holding)), ("批次签收入库（集中制卡）", str(c.received_in_batches)),
                   ("领卡启用交付", str(c.handed_out)),
                   ("差异（其中未说明）", f"{t.differences}（{t.unexplained}）"),
                   ("待上传中心（其中转人工）", f"{t.unsent}（{t.dead}）")))
    return [counters, businesses, fees, cards]


def to_sheet(report: DayEndReport, branch: BranchInfo) -> DayEndSheet:
    teller = report.scope == "teller"
    title = "柜员日终轧账单" if teller else "网点日终轧账单"
    facts = [f"营业日 {report.day}　范围 {'柜员 ' + report.teller if teller else '全网点（本机记录）'}"
             f"　柜台 {report.counter_id}　制表时间 {report.made_at}",
             report.session_zh]
    if report.branch_wide is not None:
        facts.append(branch_wide_fact(report))
    businesses = Table("业务笔数", ("业务", "办结", "未受理 / 撤回"), (110.0, 35.0, 35.0),
                       tuple((b.title_zh, str(b.done), str(b.not_done)) for b in report.businesses)
                       + ((("合计", str(report.businesses_done),
                            str(sum(b.not_done for b in report.businesses))),)
                          if report.businesses else ()),
                       empty_zh="当日无业务。")
    fees = Table("工本费（按收费方式）", ("收费方式", "收费笔数", "收费金额", "退费笔数", "退费金额", "净额"),
                 (40.0, 25.0, 32.0, 25.0, 28.0, 30.0),
                 (*((f.method_zh, str(f.collected), yuan(f.collected_fen), str(f.refunded),
                     yuan(f.refunded_fen), yuan(f.net_fen)) for f in report.fees),
                  ("合计", "", "", "", "", yuan(report.fees_net_fen))))
    counted = "未清点" if report.cash_counted_fen is None else yuan(report.cash_counted_fen)
    cash_bad = report.cash_counted_fen is not None and report.cash_counted_fen != report.cash_expected_fen
    cash = Table("现金", ("项目", "金额"), (110.0, 70.0),
                 (("备用金", yuan(report.opening_float_fen)),
                  ("现金应有（备用金 + 现金收费 − 现金退费）", yuan(report.cash_expected_fen)),
                  ("现金实点", counted)), bad_rows=frozenset({2}) if cash_bad else frozenset())
    entries = Table("收费明细", ("收据编号", "类别", "项目", "金额", "方式", "凭证号", "柜员"),
                    (58.0, 12.0, 28.0, 20.0, 12.0, 30.0, 20.0),  # the receipt number whole
                    tuple((e.receipt_no, KIND_ZH.get(e.kind, e.kind), BUSINESS_ZH.get(e.business, e.business),
                           ("-" if e.kind == REFUND else "") + yuan(e.amount_fen),
                           METHOD_ZH[FeeMethod(e.method)], e.reference or "—", e.teller)
                          for e in report.fee_entries), empty_zh="当日无收费。")
    cards = Table("卡片", ("项目", "张数"), (140.0, 40.0), _card_rows(report))
    unsent = Table("待上传中心的业务", ("序号", "业务", "状态", "受理时间", "尝试", "最近错误"),
                   (16.0, 44.0, 20.0, 40.0, 16.0, 44.0),
                   tuple((str(u.id), u.operation_zh, {"dead": "转人工", "sending": "发送中"}.get(u.status, "待发送"),
                          u.created_at, str(u.attempts), u.last_error or "—") for u in report.unsent),
                   empty_zh="无：本机业务已全部送达中心。",
                   bad_rows=frozenset(i for i, u in enumerate(report.unsent) if u.status == "dead"))
    tables = [businesses, fees, cash, entries, cards, unsent]
    if report.sessions:
        tables.insert(0, Table("当日柜员会话", ("会话",), (180.0,),
                               tuple((line,) for line in report.sessions)))
    if report.branch_wide is not None and report.branch_wide.data is not None:
        tables[0:0] = branch_wide_tables(report.branch_wide.data)  # the branch first, then this PC
    return DayEndSheet(sheet_number(report), branch, title, tuple(facts), tuple(tables),
                       tuple((d.text_zh, d.explanation) for d in report.differences))


def render_pdf(report: DayEndReport, branch: BranchInfo) -> bytes:
    return render_day_end(to_sheet(report, branch))


def to_csv(report: DayEndReport) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["section", "item", "value", "detail"])
    w.writerow(["report", "scope", report.scope, report.teller])
    w.writerow(["report", "day", report.day, report.made_at])
    w.writerow(["report", "branch", report.branch_code, report.counter_id])
    for line in report.sessions:
        w.writerow(["session", "", "", line])
    for b in report.businesses:
        w.writerow(["business", b.title_zh, b.done, f"not_done={b.not_done}"])
    for f in report.fees:
        w.writerow(["fee_collected", f.method, f.collected_fen, f"count={f.collected}"])
        w.writerow(["fee_refunded", f.method, f.refunded_fen, f"count={f.refunded}"])
    w.writerow(["fee_net", "all", report.fees_net_fen, "fen"])
    for e in report.fee_entries:
        w.writerow(["fee_entry", e.receipt_no, e.amount_fen if e.kind != REFUND else -e.amount_fen,
                    f"{e.kind};{e.business};{e.method};{e.reference};{e.teller}"])
    w.writerow(["cash", "opening_float", report.opening_float_fen, "fen"])
    w.writerow(["cash", "expected", report.cash_expected_fen, "fen"])
    w.writerow(["cash", "counted", "" if report.cash_counted_fen is None else report.cash_counted_fen, "fen"])
    c = report.cards
    for name in ("handed", "taken_back", "issued", "spoiled", "holding", "received_in_batches", "handed_out"):
        w.writerow(["cards", name, getattr(c, name), ""])
    if report.stock is not None:
        s = report.stock
        for name in ("received", "in_stock", "in_custody", "issued", "spoiled"):
            w.writerow(["stock", name, getattr(s, name), ""])
    w.writerow(["outbox", "unsent", len(report.unsent), ""])
    for u in report.unsent:
        w.writerow(["outbox_item", u.id, u.status, f"{u.operation};{u.created_at};{u.attempts};{u.last_error}"])
    _branch_wide_csv(w, report)
    w.writerow(["differences", "count", len(report.differences), ""])
    for d in report.differences:
        w.writerow(["difference", d.key, d.text_zh, d.explanation])
    return out.getvalue()


def _branch_wide_csv(w: Any, report: DayEndReport) -> None:
    """The central's branch-wide sum (``branch_*`` sections), or why it is absent."""
    bw = report.branch_wide
    if bw is None:
        return
    w.writerow(["branch_wide", "available", 1 if bw.data is not None else 0, bw.note_zh or bw.asked_at])
    if bw.data is None:
        return
    t = bw.data.totals
    for c in bw.data.counters:
        f = c.figures
        w.writerow(["branch_counter", c.counter_id, "reported" if c.reported else "not_reported",
                    "" if f is None else f"sessions={f.sessions};open={f.open_sessions};"
                    f"differences={f.differences};unexplained={f.unexplained};unsent={f.unsent};dead={f.dead}"])
    for b in t.businesses:
        w.writerow(["branch_business", b.kind, b.done, f"not_done={b.not_done}"])
    for fee in t.fees:
        w.writerow(["branch_fee_collected", fee.method, fee.collected_fen, f"count={fee.collected}"])
        w.writerow(["branch_fee_refunded", fee.method, fee.refunded_fen, f"count={fee.refunded}"])
    w.writerow(["branch_fee_net", "all", _net(t.fees), "fen"])
    for name in ("handed", "taken_back", "issued", "spoiled", "holding", "received_in_batches", "handed_out"):
        w.writerow(["branch_cards", name, getattr(t.cards, name), ""])
    w.writerow(["branch_differences", "count", t.differences, f"unexplained={t.unexplained}"])
    w.writerow(["branch_outbox", "unsent", t.unsent, f"dead={t.dead}"])
