"""The `counter-app` command.

    counter-app [--profile PATH]            run the counter application
    counter-app demo [...]                  the whole product on one machine, demo data
    counter-app doctor [--json]             check this counter PC against its profile
    counter-app emulator … / card …         the card layer (counter_app/card/cli.py)
    counter-app sync … / central-sim …      the central side (counter_app/sync_cli.py)
    counter-app --version
"""

from __future__ import annotations

import argparse
import logging
import sys
from importlib import metadata
from pathlib import Path

from counter_app.display import NO_DISPLAY_HELP, has_display
from counter_app.domain.errors import CounterError
from counter_app.profile import load_profile, state_root


def version() -> str:
    try:
        return metadata.version("counter-app")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0+source"


def default_profile_path() -> Path:
    return state_root() / "profile.toml"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counter-app",
        description="社会保障卡柜面业务系统 / social security card counter application",
    )
    parser.add_argument("--version", action="version", version=f"counter-app {version()}")
    parser.add_argument("--profile", type=Path,
                        help=f"branch profile (TOML); default {default_profile_path()}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="run the demo: pcscd, reference central, emulated cards")
    demo.add_argument("--branch", choices=("instant", "central"), default="instant",
                      help="instant-issue (即办) or central-production (非即办) demo branch")
    demo.add_argument("--screenshot", type=Path, metavar="FILE",
                      help="sign in as the demo teller, save a PNG of the main window, exit")
    demo.add_argument("--screenshot-login", type=Path, metavar="FILE",
                      help="save a PNG of the login window, exit")
    demo.add_argument("--state", type=Path, help="demo state directory (default: <state>/demo)")
    demo.add_argument("--tour", type=Path, metavar="DIR",
                      help="guided tour: drive the real UI offscreen through scripted scenarios, "
                           "saving a PNG of every step and every printed PDF into DIR")
    demo.add_argument("--only", metavar="NAME", help="tour: only the scenarios of this business "
                                                     "(e.g. application) or this scenario")
    demo.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)

    doctor = sub.add_parser("doctor", help="check database, disk, central line, readers, printers")
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    doctor.add_argument("--demo", choices=("instant", "central"),
                        help="check the demo environment (its profile and state directory)")

    for module in ("counter_app.card.cli", "counter_app.sync_cli"):
        try:
            register = __import__(module, fromlist=["register"]).register
        except (ImportError, AttributeError):
            continue  # that part is not installed in this build
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command is None:
            return run_app(args)
        if args.command == "demo":
            from counter_app.demo import run_demo

            return run_demo(args)
        if args.command == "doctor":
            from counter_app.doctor import run_doctor

            return run_doctor(args.profile or default_profile_path(), as_json=args.json,
                              demo=args.demo)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 2
        return int(handler(args) or 0)
    except CounterError as error:
        print(f"错误：{error.message_zh}\n(code {error.code})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def run_app(args: argparse.Namespace) -> int:
    path = args.profile or default_profile_path()
    if not path.exists():
        print(f"未找到网点配置文件 {path}。\n请用 --profile 指定本柜台的配置文件，"
              "或运行 counter-app demo 体验演示环境。\n"
              f"No branch profile at {path}: pass --profile PATH, or try `counter-app demo`.",
              file=sys.stderr)
        return 2
    if not has_display():
        print(NO_DISPLAY_HELP.format(cmd=f"counter-app --profile {path}"), file=sys.stderr)
        return 2
    from counter_app.bootstrap import build_services
    from counter_app.ui.app import RunOptions, run_gui

    profile = load_profile(path)
    return run_gui(profile, lambda: build_services(profile),
                   RunOptions(exit_when_ready=args.exit_when_ready))


if __name__ == "__main__":
    sys.exit(main())
