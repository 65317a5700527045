"""``counter-app report …`` (registered by counter_app/cli.py): reports for branch IT.

    counter-app [--profile P] report day-end [--date YYYY-MM-DD] [--pdf FILE] [--csv FILE] [--branch]
        the branch's day-end (日终轧账) from this counter's store: businesses by type, fees by
        method, cash per session, cards reconciled, what is unsent, every difference with its
        explanation; printed as text, and saved as the sheet's PDF and/or CSV. With --branch,
        also the central's sum over every counter PC of the branch and the counters that have
        not reported (the line down: said plainly, the figures are this PC's only)

It only reads the store (opened shared, beside a running counter application). Exit status:
0 the day reconciles (every difference explained, or none), 3 a difference is left unexplained,
1 an error (no profile, no store), 2 a wrong command line (argparse's own, e.g. a bad --date).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from counter_app.workflows.day_end.report import DayEndReport

EXIT_RECONCILED = 0
# 1 (an error, counter_app.cli) and 2 (argparse: a wrong command line) are taken
EXIT_UNEXPLAINED = 3  # a difference is left unexplained: the day does not reconcile yet


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = subparsers.add_parser(
        "report", help="reports for branch IT (day-end 日终轧账)",
        epilog="day-end exit status: 0 reconciled, 3 a difference left unexplained, 1 error, 2 usage")
    rsub = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    day_end = rsub.add_parser("day-end", help="the branch's day-end: businesses, fees, cards, outbox")
    day_end.add_argument("--date", type=_date, default=None,
                         help="business day YYYY-MM-DD (Beijing time; default today)")
    day_end.add_argument("--pdf", type=Path, help="save the day-end sheet as PDF")
    day_end.add_argument("--csv", type=Path, help="save the figures as CSV (UTF-8)")
    day_end.add_argument("--branch", action="store_true",
                         help="add the branch-wide sums over every counter PC from the central "
                              "(with the line down, says so: the figures are this PC's only)")
    day_end.set_defaults(handler=cmd_day_end)


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应为 YYYY-MM-DD 格式的营业日（北京时间），例如 2026-11-30；收到的是 {text!r}") from None


def cmd_day_end(args: argparse.Namespace) -> int:
    from counter_app.bootstrap import central_client, day_end_context_for, open_profile_store
    from counter_app.cli import default_profile_path
    from counter_app.private_files import write_private
    from counter_app.profile import load_profile
    from counter_app.workflows.day_end import DayEndDesk
    from counter_app.workflows.day_end.documents import render_pdf, to_csv

    profile = load_profile(args.profile or default_profile_path())
    store = open_profile_store(profile, exclusive=False)
    try:
        central = (lambda: central_client(profile)) if args.branch else None
        ctx = day_end_context_for(profile, store, central=central)
        desk = DayEndDesk(ctx, "branch-it")
        report = desk.branch_report(args.date)
        if args.branch:
            report = desk.with_branch_wide(report)
    finally:
        store.close()
    print(f"日终轧账 {report.day}　网点 {report.branch_code}　柜台 {report.counter_id}　制表 {report.made_at}")
    if report.branch_wide is not None:
        _print_branch_wide(report)
        print(f"本机（柜台 {report.counter_id}）记录：")
    for line in report.sessions or ("当日无柜员会话",):
        print(f"  会话 {line}")
    print("业务笔数：" + _businesses_zh((b.title_zh, b.done, b.not_done) for b in report.businesses))
    print("工本费：" + _fees_zh(((f.method_zh, f.collected, f.collected_fen, f.refunded, f.refunded_fen)
                               for f in report.fees), report.fees_net_fen))
    c = report.cards
    print(f"卡片：空白卡领用 {c.handed}、交回 {c.taken_back}、发卡 {c.issued}、废卡 {c.spoiled}、"
          f"在保管 {c.holding}；批次签收 {c.received_in_batches}、领卡 {c.handed_out}")
    print(f"待上传中心：{len(report.unsent)} 笔" + ("" if report.unsent else "（已全部送达）"))
    for u in report.unsent:
        print(f"  #{u.id} {u.operation} {u.status} {u.created_at} 尝试 {u.attempts} {u.last_error}")
    print(f"差异：{len(report.differences)} 项" + ("（账实相符）" if not report.differences else ""))
    for d in report.differences:
        print(f"  - {d.text_zh}\n    说明：{d.explanation or '（尚未说明）'}")
    if args.pdf:
        print(f"PDF：{write_private(args.pdf, render_pdf(report, ctx.branch))}")
    if args.csv:
        print(f"CSV：{write_private(args.csv, to_csv(report).encode('utf-8-sig'))}")
    return EXIT_UNEXPLAINED if report.unexplained else EXIT_RECONCILED


def _print_branch_wide(report: DayEndReport) -> None:
    """The central's sum over the branch's counter PCs, or the plain statement that the line
    is down and the figures below are this PC's only."""
    from counter_app.workflows.day_end.documents import branch_wide_fact, method_zh
    from counter_app.workflows.day_end.report import BUSINESS_ACTIONS, yuan

    bw = report.branch_wide
    assert bw is not None
    print(branch_wide_fact(report))
    if bw.data is None:
        return
    t = bw.data.totals
    for counter in bw.data.counters:
        f = counter.figures
        print(f"  柜台 {counter.counter_id}：" + ("未上报日终汇总" if f is None else
              f"会话 {f.sessions}（未结束 {f.open_sessions}），业务 {sum(b.done for b in f.businesses)} 笔，"
              f"工本费净额 {yuan(sum(x.collected_fen - x.refunded_fen for x in f.fees))}，"
              f"差异未说明 {f.unexplained}，待上传 {f.unsent}"))
    print("全网点业务笔数：" + _businesses_zh((BUSINESS_ACTIONS.get(b.kind, b.kind), b.done, b.not_done)
                                       for b in t.businesses))
    print("全网点工本费：" + _fees_zh(((method_zh(f.method), f.collected, f.collected_fen, f.refunded,
                                    f.refunded_fen) for f in t.fees),
                                  sum(f.collected_fen - f.refunded_fen for f in t.fees)))
    cards = t.cards
    print(f"全网点卡片：空白卡领用 {cards.handed}、交回 {cards.taken_back}、发卡 {cards.issued}、"
          f"废卡 {cards.spoiled}、在保管 {cards.holding}；批次签收 {cards.received_in_batches}、"
          f"领卡 {cards.handed_out}；差异 {t.differences}（未说明 {t.unexplained}）；待上传 {t.unsent}")


def _businesses_zh(rows: Iterable[tuple[str, int, int]]) -> str:
    """(title, done, not done) per business type, on one line; 无 when there is none."""
    return "；".join(f"{title} {done}" + (f"（未受理 {not_done}）" if not_done else "")
                    for title, done, not_done in rows) or "无"


def _fees_zh(rows: Iterable[tuple[str, int, int, int, int]], net_fen: int) -> str:
    """(method, collected, collected fen, refunded, refunded fen) per method, then the net."""
    from counter_app.workflows.day_end.report import yuan

    return "；".join(f"{method} 收 {collected} 笔 {yuan(collected_fen)}，退 {refunded} 笔 {yuan(refunded_fen)}"
                    for method, collected, collected_fen, refunded, refunded_fen in rows) \
        + f"；净额 {yuan(net_fen)}"
