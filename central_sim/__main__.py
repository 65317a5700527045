"""``python -m central_sim serve|make-test-ca|openapi``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import ssl
import sys
from pathlib import Path

DEFAULT_PORT = 8765


def default_db_url() -> str:
    home = os.environ.get("COUNTER_APP_HOME") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "counter-app")
    path = Path(home) / "central_sim" / "central.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="central_sim", description="Reference central system")
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("serve", help="run the HTTP(S) service")
    add_serve_arguments(s)
    c = sub.add_parser("make-test-ca", help="generate a test CA and certificates for mutual TLS")
    c.add_argument("dir", type=Path)
    c.add_argument("--branch", default="ICBC-NB-0101", help="CN of the branch client certificate")
    c.add_argument("--counter", default="C01", help="OU of the branch client certificate")
    o = sub.add_parser("openapi", help="print the OpenAPI document (YAML)")
    o.add_argument("--json", action="store_true")
    return p


def add_serve_arguments(s: argparse.ArgumentParser) -> None:
    s.add_argument("--db", help="SQLAlchemy URL (default: SQLite file under the state root)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=DEFAULT_PORT)
    s.add_argument("--tls", type=Path, metavar="DIR",
                   help="serve HTTPS with DIR/server.pem+server.key; require client certs from DIR/ca.pem")
    s.add_argument("--production-step", type=float, default=60.0, metavar="SECONDS",
                   help="production simulator step (0 = only on /_admin/production/advance)")
    s.add_argument("--access-log", nargs="?", const="-", metavar="FILE",
                   help="log one line per request (route template, status, duration; no personal "
                        "data) to FILE, or to stderr without FILE")
    s.add_argument("--log-level", default="warning")


def configure_access_log(target: str | None) -> logging.Handler | None:
    """Route ``central_sim.access`` to its own handler at INFO, whatever --log-level says
    (the default "warning" used to swallow every access line)."""
    if target is None:
        return None
    handler: logging.Handler = (logging.StreamHandler(sys.stderr) if target == "-"
                                else logging.FileHandler(target, encoding="utf-8"))
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    logger = logging.getLogger("central_sim.access")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    logger.propagate = False
    return handler


def serve(args: argparse.Namespace) -> int:
    import anyio.to_thread
    import uvicorn
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    from central_sim.app import create_app
    from central_sim.guard import is_loopback, with_peer_certificate

    if not args.tls and not is_loopback(args.host):
        # plain HTTP trusts the X-Client-Id header: only ever on this machine
        print(f"refusing to serve plain HTTP on {args.host}: use --tls DIR (mutual TLS) "
              "or a loopback address", file=sys.stderr)
        return 2
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(name)s %(message)s")
    configure_access_log(args.access_log)
    api = create_app(args.db or default_db_url(), production_step_seconds=args.production_step,
                     access_log=args.access_log is not None)
    kw: dict = {}
    if args.tls:
        d: Path = args.tls
        kw = dict(ssl_certfile=str(d / "server.pem"), ssl_keyfile=str(d / "server.key"),
                  ssl_ca_certs=str(d / "ca.pem"), ssl_cert_reqs=ssl.CERT_REQUIRED,
                  http=with_peer_certificate(AutoHTTPProtocol))
    config = uvicorn.Config(api, host=args.host, port=args.port, access_log=False,
                            log_level=args.log_level, timeout_keep_alive=30, backlog=4096,
                            timeout_graceful_shutdown=2, **kw)
    server = uvicorn.Server(config)

    async def main() -> None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = 64
        await server.serve()

    anyio.run(main)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.cmd == "serve":
        return serve(args)
    if args.cmd == "make-test-ca":
        from central_sim.tls import make_test_ca

        out = make_test_ca(args.dir, args.branch, args.counter)
        print(f"test CA and certificates written to {out}")
        return 0
    if args.cmd == "openapi":
        from central_sim.openapi import openapi_document

        doc = openapi_document()
        if args.json:
            json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        else:
            import yaml

            sys.stdout.write(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
