"""``counter-app emulator …`` and ``counter-app card …`` (registered by counter_app/cli.py).

Each subcommand sets ``handler(args) -> int`` with ``set_defaults``. Errors are
CounterErrors, printed in Chinese by the top-level command.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from counter_app.card.emulator.control import CONTROL_PORT, EmulatorControl
from counter_app.card.ssse import ReadMode
from counter_app.card.transport import CARD_READER, DEFAULT_TIMEOUT, PSAM_READER
from counter_app.domain.card import CardData

SEX_ZH = {"1": "男", "2": "女"}


def default_emulator_state() -> Path:
    """<state root>/emulator (state root per docs/CONVENTIONS.md)."""
    if env := os.environ.get("COUNTER_APP_HOME"):
        return Path(env) / "emulator"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "counter-app" / "emulator"


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("date as YYYY-MM-DD") from exc


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    emu = subparsers.add_parser("emulator", help="software social security card + PSAM on vpcd")
    esub = emu.add_subparsers(dest="emulator_command", metavar="SUBCOMMAND", required=True)

    serve = esub.add_parser("serve", help="run the PSAM (slot 1) and card (slot 0) emulator")
    serve.add_argument("--state", type=Path, default=None,
                       help="state directory (default: <state root>/emulator)")
    serve.add_argument("--control-port", type=int, default=CONTROL_PORT)
    serve.add_argument("--vpcd-host", default="127.0.0.1")
    serve.add_argument("--card-port", type=int, default=35963)
    serve.add_argument("--psam-port", type=int, default=35964)
    serve.add_argument("--no-pcscd", action="store_true", help="do not start pcscd if missing")
    serve.set_defaults(handler=cmd_serve)

    new = esub.add_parser("new-card", help="create a personalised card file")
    new.add_argument("--id", required=True, dest="id_number", help="citizen ID number")
    new.add_argument("--name", required=True)
    new.add_argument("--card-number", help="9-character card number (default: derived)")
    new.add_argument("--city", default="330200", help="issuing city code (default 330200)")
    new.add_argument("--nation", default="01")
    new.add_argument("--birthplace", help="6-digit region (default: from the ID)")
    new.add_argument("--issue-date", type=_date, help="YYYY-MM-DD (default today)")
    new.add_argument("--years", type=int, default=10, help="validity in years")
    new.add_argument("--spec-version", default="3.00", help="3.00 = SM4; 2.00/1.00 = 3DES")
    new.add_argument("--pin", default="123456")
    new.add_argument("--pin-tries", type=int, default=6, help="wrong PINs before the PIN locks")
    new.add_argument("--photo", type=Path, help="JPEG for the chip photo (EF08)")
    new.add_argument("--not-activated", action="store_true",
                     help="fresh from central production: functions activated at hand-out")
    new.add_argument("--key-seed", default="test", help=argparse.SUPPRESS)
    new.add_argument("--out", type=Path, required=True)
    new.set_defaults(handler=cmd_new_card)

    blank = esub.add_parser("new-blank", help="create a blank (unpersonalised) card file")
    blank.add_argument("--city", default="330200")
    blank.add_argument("--algo", choices=("sm4", "3des"), default="sm4")
    blank.add_argument("--pin", default="123456")
    blank.add_argument("--pin-tries", type=int, default=6)
    blank.add_argument("--key-seed", default="test", help=argparse.SUPPRESS)
    blank.add_argument("--out", type=Path, required=True)
    blank.set_defaults(handler=cmd_new_blank)

    for name, helptext in (("insert", "insert a card file into slot 0"),
                           ("remove", "remove the card from slot 0"),
                           ("tear-after", "drop the card after N more APDUs"),
                           ("status", "show what the emulator holds")):
        p = esub.add_parser(name, help=helptext)
        p.add_argument("--control-port", type=int, default=CONTROL_PORT)
        if name == "insert":
            p.add_argument("file", type=Path)
        if name == "tear-after":
            p.add_argument("n", type=int)
            p.add_argument("--lose-response", action="store_true",
                           help="execute the N-th APDU but never send its answer")
        p.set_defaults(handler=cmd_control)

    card = subparsers.add_parser("card", help="read the social security card")
    csub = card.add_subparsers(dest="card_command", metavar="SUBCOMMAND", required=True)
    read = csub.add_parser("read", help="read EF05 and EF06 of the card in the card slot")
    read.add_argument("--json", action="store_true")
    read.add_argument("--reader", default=CARD_READER, help=f"default: {CARD_READER!r}")
    read.add_argument("--psam-reader", default=PSAM_READER)
    read.add_argument("--city", default="330200")
    read.add_argument("--mode", choices=[m.value for m in ReadMode], default="sfi",
                      help="READ RECORD addressing: sfi, number (after SELECT), tag")
    read.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    read.set_defaults(handler=cmd_card_read)


# --- handlers ----------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    from counter_app.card.emulator.server import EmulatorServer
    from counter_app.card.pcscd import ensure_pcscd_running

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.no_pcscd:
        ensure_pcscd_running()
    state = args.state or default_emulator_state()
    server = EmulatorServer(state, vpcd_host=args.vpcd_host, card_port=args.card_port,
                            psam_port=args.psam_port, control_port=args.control_port)
    server.start()
    print(f"emulator ready: state {state}, control 127.0.0.1:{args.control_port}", flush=True)
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: threading.Thread(target=server.stop, daemon=True).start())
    server.stopped.wait()
    return 0


def cmd_new_card(args: argparse.Namespace) -> int:
    from counter_app.card.emulator.card import EmulatedCard
    from counter_app.card.emulator.factory import card_data_for, new_personalised

    data = card_data_for(
        args.id_number, args.name, card_number=args.card_number, city_code=args.city,
        nation=args.nation, birthplace=args.birthplace, issue_date=args.issue_date,
        years=args.years, spec_version=args.spec_version,
    )
    photo = args.photo.read_bytes() if args.photo else None
    state = new_personalised(data, city_code=args.city, pin=args.pin, seed=args.key_seed,
                             photo=photo, pin_tries=args.pin_tries,
                             activated=not args.not_activated)
    EmulatedCard(state, args.out).save()
    print(f"card {data.card_number} written to {args.out}")
    return 0


def cmd_new_blank(args: argparse.Namespace) -> int:
    from counter_app.card.emulator.card import EmulatedCard
    from counter_app.card.emulator.factory import new_blank

    state = new_blank(city_code=args.city, algo=args.algo, seed=args.key_seed, pin=args.pin,
                      pin_tries=args.pin_tries)
    EmulatedCard(state, args.out).save()
    print(f"blank card (ATR {state.atr.hex().upper()}) written to {args.out}")
    return 0


def cmd_control(args: argparse.Namespace) -> int:
    control = EmulatorControl(port=args.control_port)
    command = args.emulator_command
    if command == "insert":
        if not args.file.exists():
            print(f"错误：卡文件 {args.file} 不存在。", file=sys.stderr)
            return 1
        # A swap: let pcscd see the slot empty first, so no one reads the old card's state as
        # the new card's, then wait until the new card is seen.
        from counter_app.card.emulator.card import EmulatedCard
        from counter_app.card.presence import wait_for_presence
        from counter_app.card.transport import CARD_READER

        control.remove()
        wait_for_presence(CARD_READER, card_present=False, timeout=10)
        control.insert(args.file)
        atr = EmulatedCard.load(args.file).atr.hex()
        if not wait_for_presence(CARD_READER, card_present=True, atr_hex=atr, timeout=10):
            print("警告：卡已插入模拟器，但读卡服务（pcscd）尚未识别到该卡。", file=sys.stderr)
            return 1
    elif command == "remove":
        control.remove()
    elif command == "tear-after":
        control.tear_after(args.n, lose_response=args.lose_response)
    else:
        print(json.dumps(control.status(), ensure_ascii=False))
    return 0


def card_json(data: CardData) -> dict[str, object]:
    return data.to_dict()


def cmd_card_read(args: argparse.Namespace) -> int:
    from counter_app.card.service import CardConfig, CardService

    service = CardService(CardConfig(card_reader=args.reader, psam_reader=args.psam_reader,
                                     city_code=args.city, timeout=args.timeout))
    data = service.read_card(ReadMode(args.mode))
    if args.json:
        print(json.dumps(card_json(data), ensure_ascii=False, indent=2))
        return 0
    rows = [
        ("卡号", data.card_number), ("卡识别码", data.card_id_code),
        ("卡的类别", data.card_type), ("规范版本", data.spec_version),
        ("初始化机构编号", data.issuer_org), ("发卡日期", data.issue_date.isoformat()),
        ("卡有效期", data.expiry_date.isoformat()), ("社会保障号码", data.id_number),
        ("姓名", data.name), ("性别", SEX_ZH.get(data.sex, data.sex)), ("民族", data.nation),
        ("出生地", data.birthplace), ("出生日期", data.birth_date.isoformat()),
    ]
    for label, value in rows:
        print(f"{label}：{value}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Standalone entry (python -m counter_app.card …) with the same error printing."""
    from counter_app.domain.errors import CounterError

    parser = argparse.ArgumentParser(prog="counter-app")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CounterError as error:
        print(f"错误：{error.message_zh}\n(code {error.code})", file=sys.stderr)
        return 1
