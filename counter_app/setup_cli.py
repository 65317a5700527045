"""`counter-app setup`: the first-run setup of a counter PC (docs/setup.md).

    counter-app setup                        the administrator's wizard (a window)
    counter-app setup --from FILE [--no-test] [--force]
                                             unattended, for IT: check FILE (a branch profile),
                                             test the central and the readers, write it

The profile goes to ``--profile PATH`` when given, else to the machine-wide profile
(``/etc/counter-app/profile.toml``, ``%ProgramData%\\counter-app\\profile.toml``).
This module also builds the live :class:`SetupProbe` (HTTP to the central, PC/SC readers) that
the Qt-free wizard and the window receive.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from counter_app.domain.errors import CounterError
from counter_app.profile import ProfileError
from counter_app.workflows.setup.paths import machine_profile_path
from counter_app.workflows.setup.wizard import (
    BranchChoice,
    CentralAnswers,
    parse_profile_text,
    preflight,
    write_profile,
)

SETUP_HOWTO_ZH = """\
本机尚未配置网点（未找到网点配置文件 {path}）。
请由网点管理员运行首次配置：
  counter-app setup                      图形配置向导（银行、网点、柜台号、中心地址与证书、
                                         读卡器和打印机，逐项检测后保存）
  counter-app setup --from 文件.toml      无人值守：检查并检测 IT 准备好的配置文件后写入
说明见 docs/setup.md；体验演示环境：counter-app demo。
No branch profile at {path}: an administrator runs `counter-app setup` (a wizard) or
`counter-app setup --from FILE` (unattended); see docs/setup.md. To try it: `counter-app demo`.
"""


class LiveProbe:
    """The setup's view of the world: the central over HTTP(S) with the given files, and the
    readers PC/SC lists."""

    def _client(self, central: CentralAnswers, client_id: str) -> Any:
        from counter_app.central.client import HttpCentralClient
        from counter_app.central.timeouts import Timeouts

        def text(path: Path | None) -> str | None:
            return str(path) if path else None

        return HttpCentralClient(central.url, timeouts=Timeouts(connect=3.0, read=8.0, health=3.0),
                                 ca_file=text(central.ca_file), client_cert=text(central.client_cert),
                                 client_key=text(central.client_key), client_id=client_id)

    def central_health(self, central: CentralAnswers, client_id: str) -> float:
        client = self._client(central, client_id)
        try:
            return float(client.health().latency_ms)
        finally:
            client.close()

    def central_branches(self, central: CentralAnswers, client_id: str,
                         bank_code: str | None) -> list[BranchChoice]:
        client = self._client(central, client_id)
        try:
            return [BranchChoice(b.code, b.name_zh, b.bank_code, b.instant_issue)
                    for b in client.branches(bank_code)]
        finally:
            client.close()

    def readers(self) -> list[str]:
        from counter_app.card.transport import list_readers

        return list_readers()


def register(sub: Any) -> None:
    setup = sub.add_parser("setup", help="first-run setup: the administrator's wizard, or --from FILE "
                                         "unattended (writes the machine-wide branch profile)")
    setup.add_argument("--from", dest="from_file", type=Path, metavar="FILE",
                       help="a branch profile (TOML) to check, test and write, without a window")
    setup.add_argument("--no-test", action="store_true",
                       help="with --from: do not contact the central or look for the readers")
    setup.add_argument("--force", action="store_true", help="replace an existing profile")
    setup.set_defaults(handler=run_setup)


def run_setup(args: argparse.Namespace) -> int:
    target: Path = args.profile or machine_profile_path()
    if args.from_file is not None:
        return run_unattended(args.from_file, target, test=not args.no_test, force=args.force)
    from counter_app.display import NO_DISPLAY_HELP, has_display

    if not has_display():
        print("首次配置向导需要图形显示；无人值守配置请用 counter-app setup --from 文件.toml（见 docs/setup.md）。\n"
              + NO_DISPLAY_HELP.format(cmd="counter-app setup"), file=sys.stderr)
        return 2
    from counter_app.ui.setup import run_setup_gui

    return 0 if run_setup_gui(LiveProbe(), target, offer=False) else 1


def _fail(lines: list[str]) -> int:
    print("首次配置未完成，未写入配置文件：", file=sys.stderr)
    for line in lines:
        print(f"  ✘ {line}", file=sys.stderr)
    return 1


def run_unattended(source: Path, target: Path, *, test: bool, force: bool) -> int:
    if target.exists() and not force:
        return _fail([f"已有网点配置文件 {target}；确认要替换时加 --force"])
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "不是 UTF-8 编码的文本" if isinstance(exc, UnicodeDecodeError) else (
            exc.strerror or type(exc).__name__)
        return _fail([f"无法读取配置文件 {source}：{reason}"])
    try:
        profile = parse_profile_text(text, source=source)
    except ProfileError as error:
        return _fail([error.message_zh])
    if profile.demo:
        return _fail(["配置文件是演示配置（mode.demo = true），不能作为网点配置写入"])
    problems, results = preflight(profile, LiveProbe(), test=test)
    if problems:
        return _fail([p.message_zh for p in problems])
    for r in results:
        print(f"  {'✔' if r.ok else '✘'} {r.title_zh}：{r.detail_zh}")
    failed = [r for r in results if not r.ok]
    if failed:
        return _fail([f"{r.title_zh}检测未通过：{r.detail_zh}" for r in failed]
                     + ["检查后重试；确需先写入（如专线尚未开通）可加 --no-test"])
    try:
        write_profile(target, text)
    except OSError as exc:
        return _fail([f"无法写入 {target}：{exc.strerror or type(exc).__name__}（需要管理员权限？）"])
    except CounterError as error:
        return _fail([error.message_zh])
    print(f"已写入网点配置文件 {target}"
          f"（{profile.branch_name} {profile.branch_code}，{profile.bank.name_zh}，{profile.kind_zh}，"
          f"柜台 {profile.counter_id}，中心 {profile.central.base_url}"
          f"{'' if test else '；未做连通检测'}）：")
    print(text, end="" if text.endswith("\n") else "\n")
    return 0
