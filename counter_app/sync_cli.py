"""``counter-app sync …`` and ``counter-app central-sim …`` (registered by counter_app/cli.py).

    counter-app [--profile P] sync status [--json]   line state, outbox depth, oldest item age,
                                                      dead letters, last success, staleness verdict
    counter-app [--profile P] sync now [--json]      drain the outbox and pull updates once
    counter-app [--profile P] sync dead-letters [--json]
    counter-app [--profile P] sync resolve ID retry|discard --supervisor USER --reason TEXT
    counter-app central-sim serve [--db URL] [--port N] [--host H] [--tls DIR]
    counter-app central-sim make-test-ca DIR

``central-sim`` runs ``python -m central_sim`` as a subprocess: the application never
imports the reference central.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.central.errors import CentralError
from counter_app.central.sync import (
    LINE_STATE_ZH,
    NewWorkRefused,
    StalenessLimits,
    SyncStatus,
    SyncWorker,
    check_new_work,
)
from counter_app.frozen import module_command

if TYPE_CHECKING:  # the services load only for the commands that need them
    from counter_app.bootstrap import Services


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = subparsers.add_parser("sync", help="outbox and central synchronisation")
    ssub = sync.add_subparsers(dest="sync_command", metavar="SUBCOMMAND", required=True)
    status = ssub.add_parser("status", help="line state, outbox depth, dead letters, last sync")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=cmd_status)
    now = ssub.add_parser("now", help="send the outbox and pull updates now")
    now.add_argument("--json", action="store_true", help="machine-readable output")
    now.set_defaults(handler=cmd_now)
    dead = ssub.add_parser("dead-letters", help="operations the central refused for good")
    dead.add_argument("--json", action="store_true", help="machine-readable output")
    dead.set_defaults(handler=cmd_dead_letters)
    resolve = ssub.add_parser("resolve", help="a supervisor decides a dead letter: retry or discard")
    resolve.add_argument("id", type=int, help="the dead letter's number (#) from `sync dead-letters`")
    resolve.add_argument("decision", choices=("retry", "discard"))
    resolve.add_argument("--supervisor", required=True, help="the authorising supervisor's user name")
    resolve.add_argument("--reason", required=True, help="why (recorded in the audit log)")
    resolve.add_argument("--password-stdin", action="store_true",
                         help="read the supervisor's password (and, without --otp, the one-time "
                              "code on the next line) from standard input (no prompt)")
    resolve.add_argument("--otp", default=None, metavar="CODE",
                         help="the supervisor's 6-digit one-time code (authenticator app), when "
                              "the profile requires a second factor")
    resolve.set_defaults(handler=cmd_resolve)

    sim = subparsers.add_parser("central-sim", help="the reference central system (subprocess)")
    simsub = sim.add_subparsers(dest="central_sim_command", metavar="SUBCOMMAND", required=True)
    serve = simsub.add_parser("serve", help="run the reference central over HTTP(S)")
    serve.add_argument("--db", help="SQLAlchemy URL (default: SQLite under the state root)")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--tls", type=Path, metavar="DIR", help="mutual TLS with the CA in DIR")
    serve.add_argument("--production-step", type=float, default=60.0, metavar="SECONDS")
    serve.add_argument("--access-log", action="store_true")
    serve.set_defaults(handler=cmd_central_sim_serve)
    ca = simsub.add_parser("make-test-ca", help="generate a test CA and certificates")
    ca.add_argument("dir", type=Path)
    ca.add_argument("--branch", default="ICBC-NB-0101")
    ca.set_defaults(handler=cmd_central_sim_make_ca)


# -- central-sim ----------------------------------------------------------------------------------

def central_sim_command(args: argparse.Namespace) -> list[str]:
    cmd = [*module_command("central_sim"), "serve", "--host", args.host,
           "--port", str(args.port), "--production-step", str(args.production_step)]
    if args.db:
        cmd += ["--db", args.db]
    if args.tls:
        cmd += ["--tls", str(args.tls)]
    if args.access_log:
        cmd.append("--access-log")
    return cmd


def cmd_central_sim_serve(args: argparse.Namespace) -> int:
    proc = subprocess.Popen(central_sim_command(args))

    def forward(signum: int, _frame: object) -> None:
        proc.send_signal(signum)  # stopping this command stops the central with it

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait(10)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def cmd_central_sim_make_ca(args: argparse.Namespace) -> int:
    return subprocess.call([*module_command("central_sim"), "make-test-ca", str(args.dir),
                            "--branch", args.branch])


# -- sync -------------------------------------------------------------------------------------------

def _services(args: argparse.Namespace, *, exclusive: bool) -> tuple[Any, Any, Any]:
    from counter_app.bootstrap import central_client, open_profile_store
    from counter_app.cli import default_profile_path
    from counter_app.profile import load_profile
    from counter_app.store.outbox_repo import StoreOutboxRepository

    profile = load_profile(args.profile or default_profile_path())
    store = open_profile_store(profile, exclusive=exclusive)
    return profile, store, (StoreOutboxRepository(store), central_client(profile))


def _limits(profile: Any) -> StalenessLimits:
    o = profile.offline
    return StalenessLimits(max_oldest_unsent_hours=o.max_oldest_unsent_hours,
                           max_unsent_count=o.max_unsent_count,
                           max_since_last_sync_hours=o.max_since_last_sync_hours,
                           min_free_disk_mb=o.min_free_disk_mb)


def deferrable_verdict(status: SyncStatus, limits: StalenessLimits,
                       free_disk_mb: float) -> dict[str, str]:
    try:
        check_new_work("application_factory", status, limits, free_disk_mb=free_disk_mb,
                       now=status.checked_at)
    except NewWorkRefused as refused:
        return {"new_deferrable_work": "refused", "code": refused.code,
                "message_zh": refused.message_zh}
    return {"new_deferrable_work": "allowed"}


def _report(profile: Any, store: Any, worker: SyncWorker) -> dict[str, Any]:
    status = worker.status()
    free_mb = shutil.disk_usage(store.path.parent).free / 2**20
    out = status.to_dict()
    out.update(deferrable_verdict(status, _limits(profile), free_mb))
    out["branch_code"] = profile.branch_code
    return out


def _print_human(d: dict[str, Any]) -> None:
    from counter_app.central.sync import LineState

    age = d["oldest_unsent_age_s"]
    latency = f"{d['latency_ms']:.0f} ms" if d["latency_ms"] is not None else "—"
    print(f"中心线路：{LINE_STATE_ZH[LineState(d['line_state'])]}（{d['line_state']}，延迟 {latency}）")
    print(f"待上传：{d['outbox_depth']} 笔    异常件（待主管处理）：{d['dead_letters']} 笔")
    print("最早待上传：" + ("无" if age is None else f"{age / 3600:.1f} 小时前"))
    print(f"最近一次成功同步：{_local(d['last_success_at'])}    最近拉取：{_local(d['last_pull_at'])}")
    if d.get("last_error_code"):
        print(f"最近错误代码：{d['last_error_code']}")
    if d["line_state"] == LineState.PAUSED.value:
        from counter_app.central.errors import CentralConfigError

        print(f"暂停原因：{CentralConfigError.message_zh}")
    if d.get("new_deferrable_work") == "refused":
        print(f"新的暂存业务：暂停受理（{d['code']}）{d['message_zh']}")
    else:
        print("新的暂存业务：可受理")


def _local(iso: str | None) -> str:
    if not iso:
        return "从未"
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def cmd_status(args: argparse.Namespace) -> int:
    profile, store, (_repo, client) = _services(args, exclusive=False)
    try:
        from counter_app.bootstrap import make_sync_worker

        worker = make_sync_worker(profile, store, client)
        worker.probe()
        d = _report(profile, store, worker)
    finally:
        client.close()
        store.close()
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=2))
    else:
        _print_human(d)
    return 0


def cmd_now(args: argparse.Namespace) -> int:
    profile, store, (_repo, client) = _services(args, exclusive=True)
    try:
        from counter_app.bootstrap import make_sync_worker

        worker = make_sync_worker(profile, store, client)
        report = worker.drain()
        pulled: int | None = None
        pull_error = None
        if report.stopped_by is None:
            try:
                pulled = worker.pull()
            except CentralError as exc:
                pull_error = exc.code
        d = _report(profile, store, worker)
        d["drain"] = {"sent": report.sent, "retried": report.retried, "dead": report.dead,
                      "stopped_by": report.stopped_by, "errors": report.errors}
        d["pulled"] = pulled
        d["pull_error"] = pull_error
    finally:
        client.close()
        store.close()
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=2))
    else:
        r = d["drain"]
        print(f"本次上传：成功 {r['sent']} 笔，待重试 {r['retried']} 笔，转异常件 {r['dead']} 笔")
        if r["stopped_by"]:
            print(f"同步中断：{r['stopped_by']}（线路恢复后自动继续）")
        if pulled is not None:
            print(f"从中心拉取更新：{pulled} 条")
        _print_human(d)
    return 0 if d["drain"]["stopped_by"] is None else 1


def _supervision(args: argparse.Namespace) -> Services:
    """The composition root's services: the same dead-letter desk and supervisor check as the
    supervision screen (bootstrap.Services.dead_letter_desk); nothing is built twice."""
    from counter_app.bootstrap import build_services
    from counter_app.cli import default_profile_path
    from counter_app.profile import load_profile

    return build_services(load_profile(args.profile or default_profile_path()), exclusive=False)


def cmd_dead_letters(args: argparse.Namespace) -> int:
    services = _supervision(args)
    try:
        dead = services.dead_letter_desk().list()
    finally:
        services.close()
    if args.json:
        print(json.dumps([d.to_dict() for d in dead], ensure_ascii=False, indent=2))
    elif not dead:
        print("没有异常件。")
    else:
        print("异常件（中心拒绝，需主管决定重发或作废，系统不会自动删除）：")
        for d in dead:
            print(f"  #{d.id} {d.operation_zh}（{d.operation}） 中心拒绝 {d.code or '—'}：{d.message_zh} "
                  f"尝试 {d.attempts} 次 入队 {_local(d.created_at.isoformat())}")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    """Supervisor decision on a dead letter, through the supervision workflow (the reason and
    the authorisation checked, the decision audited)."""
    import getpass

    from counter_app.domain.errors import CounterError
    from counter_app.workflows.supervision import SupervisorCredentials, check_reason

    try:
        reason = check_reason(args.reason)
    except CounterError as refused:
        print(f"错误：{refused.message_zh}", file=sys.stderr)
        return 2
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
        otp = args.otp if args.otp is not None else sys.stdin.readline().strip()
    else:
        password = getpass.getpass(f"主管 {args.supervisor} 的密码：")
        otp = args.otp or ""
    services = _supervision(args)
    try:
        from counter_app.workflows.login import LoginRefused
        from counter_app.workflows.supervision import DeadLetterRefused

        if not otp and not args.password_stdin and services.profile.security.supervisor_second_factor:
            otp = getpass.getpass("动态验证码（身份验证器上的6位数字）：")
        desk = services.dead_letter_desk()
        try:
            done = desk.decide(args.id, args.decision,
                               SupervisorCredentials(args.supervisor, password, otp), reason)
        except LoginRefused as refused:
            print(f"未授权：{refused.message_zh}", file=sys.stderr)
            return 1
        except DeadLetterRefused as refused:
            print(f"错误：{refused.message_zh}请先用 sync dead-letters 查看。", file=sys.stderr)
            return 1
    finally:
        services.close()
    print(done.message_zh)
    return 0
