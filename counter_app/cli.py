"""The `counter-app` command.

    counter-app [--profile PATH]            run the counter application
    counter-app demo [...]                  the whole product on one machine, demo data
    counter-app doctor [--json]             check this counter PC against its profile
    counter-app support-bundle FILE         a redacted zip for support (support.py)
    counter-app emulator … / card …         the card layer (counter_app/card/cli.py)
    counter-app sync … / central-sim …      the central side (counter_app/sync_cli.py)
    counter-app certificate verify CODE     is a 参保证明 genuine (counter_app/certificate_cli.py)
    counter-app setup [--from FILE]         first-run setup: the machine-wide profile (counter_app/setup_cli.py)
    counter-app --version
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from counter_app.display import NO_DISPLAY_HELP, has_display
from counter_app.domain.errors import CounterError
from counter_app.logs import configure_logging, stop_file_logging
from counter_app.profile import BranchProfile, load_profile, state_root

# Commands registered by other parts (their modules are only imported when one is asked for,
# so starting the application does not load the card layer or the sync code).
PLUGIN_COMMANDS = {"counter_app.card.cli": ("emulator", "card"),
                   "counter_app.sync_cli": ("sync", "central-sim"),
                   "counter_app.certificate_cli": ("certificate",),
                   "counter_app.setup_cli": ("setup",),
                   "counter_app.report_cli": ("report",),
                   "counter_app.update_handoff": ("update-install", "update-rollback")}
BUILTIN_COMMANDS = ("demo", "doctor", "support-bundle")


def version() -> str:
    from importlib import metadata  # slow to import; only for --version

    try:
        return metadata.version("counter-app")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0+source"


def default_profile_path() -> Path:
    """This account's profile when it has one (or when $COUNTER_APP_HOME says where state is),
    else the machine-wide profile the first-run setup writes."""
    own = state_root() / "profile.toml"
    if own.exists() or os.environ.get("COUNTER_APP_HOME"):
        return own
    from counter_app.workflows.setup.paths import machine_profile_path

    machine = machine_profile_path()
    return machine if machine.exists() else own


class _VersionAction(argparse.Action):
    """--version, with the version looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        print(f"counter-app {version()}")
        parser.exit()


def plugins_needed(argv: Sequence[str]) -> list[str]:
    """The plugin modules the command line needs: the one owning its command, all of them for
    the top-level help or an unknown command (so the error lists every command)."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            return list(PLUGIN_COMMANDS)
        if token == "--profile":
            next(tokens, None)
            continue
        if token.startswith("-"):
            continue
        if token in BUILTIN_COMMANDS:
            return []
        owners = [m for m, names in PLUGIN_COMMANDS.items() if token in names]
        return owners or list(PLUGIN_COMMANDS)
    return []


def build_parser(plugins: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line; ``plugins``: the plugin modules to register (default: all)."""
    parser = argparse.ArgumentParser(
        prog="counter-app",
        description="社会保障卡柜面业务系统 / social security card counter application",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
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
    demo.add_argument("--language", choices=("zh_CN", "en"),
                      help="UI language for this run (default: the demo profile's, Chinese)")
    demo.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)

    doctor = sub.add_parser("doctor", help="check database, disk, central line, readers, printers")
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    doctor.add_argument("--demo", choices=("instant", "central"),
                        help="check the demo environment (its profile and state directory)")

    bundle = sub.add_parser("support-bundle", help="write a redacted zip for support: profile "
                            "without secrets, logs, doctor, versions, outbox counts (docs/support.md)")
    bundle.add_argument("file", type=Path, metavar="FILE", help="the zip to write")
    bundle.add_argument("--demo", choices=("instant", "central"),
                        help="bundle the demo environment (its profile and state directory)")

    for module in PLUGIN_COMMANDS if plugins is None else plugins:
        try:
            register = __import__(module, fromlist=["register"]).register
        except (ImportError, AttributeError):
            continue  # that part is not installed in this build
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(plugins_needed(argv))
    args = parser.parse_args(argv)
    # stderr as before, plus the rotating, redacted log in the state directory (logs.py)
    configure_logging(state_root(), verbose=args.verbose)
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
        if args.command == "support-bundle":
            from counter_app.support import run_support_bundle

            return run_support_bundle(args.file, args.profile or default_profile_path(),
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
    finally:
        stop_file_logging()


def run_app(args: argparse.Namespace) -> int:
    path = args.profile or default_profile_path()
    if not path.exists():
        return run_without_profile(args, path)
    profile = load_profile(path)  # a bad profile is exit 1 (ProfileError), display or not
    if not has_display():
        print(NO_DISPLAY_HELP.format(cmd=f"counter-app --profile {path}"), file=sys.stderr)
        return 2
    from counter_app.ui.i18n import set_language

    set_language(profile.language)  # before the UI modules: some build their labels at import
    from counter_app.ui.app import RunOptions, run_gui

    return run_gui(profile, lambda: open_services(profile),
                   RunOptions(exit_when_ready=args.exit_when_ready))


def run_without_profile(args: argparse.Namespace, path: Path) -> int:
    """No profile yet: say how the first-run setup makes one; with a screen, offer its wizard
    (writing to ``--profile`` when given, else the machine-wide profile) and start on the
    profile it wrote."""
    from counter_app.setup_cli import SETUP_HOWTO_ZH, LiveProbe

    print(SETUP_HOWTO_ZH.format(path=path), file=sys.stderr)
    if not has_display() or args.exit_when_ready:
        return 2
    from counter_app.ui.setup import run_setup_gui
    from counter_app.workflows.setup.paths import machine_profile_path

    written = run_setup_gui(LiveProbe(), args.profile or machine_profile_path(), offer=True)
    if written is None:
        return 2
    args.profile = written
    return run_app(args)


def open_services(profile: BranchProfile) -> Any:
    """Runs on a worker once the login window shows: the store, SQLAlchemy and the rest."""
    from counter_app.bootstrap import build_services

    return build_services(profile)


if __name__ == "__main__":
    sys.exit(main())
