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
    s.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes (N > 1 needs PostgreSQL; fault injection needs 1)")
    s.add_argument("--branches", type=int, default=None, metavar="N",
                   help="outlets to seed in a new database (default and minimum 916)")
    s.add_argument("--db-pool", type=int, default=60, metavar="N",
                   help="database connections per worker process (PostgreSQL: workers × N "
                        "must stay below max_connections)")


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
    db_url = args.db or default_db_url()
    problem = _check_scale(args, db_url)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(name)s %(message)s")
    kw: dict = {}
    if args.tls:
        d: Path = args.tls
        kw = dict(ssl_certfile=str(d / "server.pem"), ssl_keyfile=str(d / "server.key"),
                  ssl_ca_certs=str(d / "ca.pem"), ssl_cert_reqs=ssl.CERT_REQUIRED,
                  http=with_peer_certificate(AutoHTTPProtocol))
    if args.workers > 1:
        return _serve_workers(args, db_url, kw)
    configure_access_log(args.access_log)
    api = create_app(db_url, production_step_seconds=args.production_step,
                     access_log=args.access_log is not None, branches=args.branches,
                     db_pool=args.db_pool)
    config = uvicorn.Config(api, host=args.host, port=args.port, access_log=False,
                            log_level=args.log_level, timeout_keep_alive=30, backlog=4096,
                            timeout_graceful_shutdown=2, **kw)
    server = uvicorn.Server(config)

    async def main() -> None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = 64
        await server.serve()

    anyio.run(main)
    return 0


def _check_scale(args: argparse.Namespace, db_url: str) -> str | None:
    from central_sim.seed import TOTAL_BRANCHES

    if args.workers < 1 or args.workers > 64:
        return "--workers must be between 1 and 64"
    if args.workers > 1 and db_url.startswith("sqlite"):
        # SQLite writes (and the one-transaction idempotency path) are serialised by a lock
        # inside one process; a second process would race it
        return "--workers > 1 needs a PostgreSQL database (--db postgresql+psycopg://…)"
    if args.branches is not None and not TOTAL_BRANCHES <= args.branches <= 20_000:
        return f"--branches must be between {TOTAL_BRANCHES} and 20000"
    if args.db_pool < 1:
        return "--db-pool must be at least 1"
    return None


def _serve_workers(args: argparse.Namespace, db_url: str, tls: dict) -> int:
    """N uvicorn workers; this parent prepares the database and runs production once."""
    import uvicorn

    from central_sim.app import Central
    from central_sim.workers import PEER_CERT_HTTP, SETTINGS_ENV, worker_settings

    central = Central(db_url, production_step_seconds=args.production_step,
                      branches=args.branches, db_pool=3)
    central.start_production()
    os.environ[SETTINGS_ENV] = worker_settings(
        db=db_url, branches=args.branches, db_pool=args.db_pool, thread_limit=64,
        access_log=args.access_log, log_level=args.log_level, workers=args.workers)
    if tls:
        tls = {**tls, "http": PEER_CERT_HTTP}
    try:
        uvicorn.run("central_sim.workers:app_from_environment", factory=True,
                    workers=args.workers, host=args.host, port=args.port, access_log=False,
                    log_level=args.log_level, timeout_keep_alive=30, backlog=4096,
                    timeout_graceful_shutdown=2,
                    # uvicorn kills a worker that misses a 5 s ping: a worker starved of CPU
                    # by a reconnecting city was killed and restarted in a loop, serving
                    # nothing; only a worker silent for a minute is hung
                    timeout_worker_healthcheck=60, **tls)
    finally:
        central.stop()
        central.db.engine.dispose()
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
