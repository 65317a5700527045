"""``counter-app certificate …`` (registered by counter_app/cli.py).

    counter-app [--profile P] certificate verify CODE [--json]
        ask the central whether an authorisation code (授权码, or the QR's address) is genuine

Exit status: 0 genuine and valid, 3 genuine but expired, 1 refused (unknown code, bad format,
central unreachable: the message says which).
"""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cert = subparsers.add_parser("certificate", help="contribution certificates (参保证明)")
    csub = cert.add_subparsers(dest="certificate_command", metavar="SUBCOMMAND", required=True)
    verify = csub.add_parser("verify", help="ask the central whether an authorisation code is genuine")
    verify.add_argument("code", help="the authorisation code (授权码) or the QR code's content")
    verify.add_argument("--json", action="store_true", help="machine-readable output")
    verify.set_defaults(handler=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from counter_app.bootstrap import central_client
    from counter_app.cli import default_profile_path
    from counter_app.profile import load_profile
    from counter_app.workflows.certificate import verify_code

    profile = load_profile(args.profile or default_profile_path())
    client = central_client(profile)
    try:
        v = verify_code(client, args.code)  # a refusal is a CounterError: cli.main prints it
    finally:
        client.close()
    if args.json:
        print(json.dumps({"auth_code": v.auth_code, "valid": v.valid, "expired": v.expired,
                          "issued_at": v.issued_at.isoformat(),
                          "valid_until": v.valid_until.isoformat(),
                          "content_sha256": v.content_sha256,
                          "person_name_masked": v.person_name_masked,
                          "id_number_masked": v.id_number_masked, "kind": v.kind,
                          "period_from": v.period_from, "period_to": v.period_to,
                          "months": v.months, "prints": v.prints,
                          "last_printed_at": (v.last_printed_at.isoformat()
                                              if v.last_printed_at else None),
                          "branch_code": v.branch_code, "branch_name": v.branch_name}, ensure_ascii=False, indent=2))
    else:
        lines = v.lines_zh()
        print(lines[0][1])  # the verdict first, on its own line
        width = max(len(label) for label, _ in lines[1:])
        for label, value in lines[1:]:
            print(f"{label}{'　' * (width - len(label))}：{value}")
    return 0 if v.valid else 3
