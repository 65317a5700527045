"""``central_sim serve --access-log``: one line per request, route template only (issue 9)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest

from central_sim.__main__ import build_parser, configure_access_log
from central_sim.app import create_app

ID = "330203198506122017"
CARD = "NB0000016"
WHO = {"X-Client-Id": "ICBC-NB-0101/C01"}


def _get(app: Any, path: str) -> int:
    """Drive the ASGI app in-process (no HTTP client library needed)."""
    status: list[int] = []

    async def run() -> None:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
                 "root_path": "", "query_string": b"", "server": ("127.0.0.1", 8765),
                 "client": ("127.0.0.1", 50000),
                 "headers": [(k.lower().encode(), v.encode()) for k, v in WHO.items()]}

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])

        await app(scope, receive, send)

    anyio.run(run)
    return status[0]


LINE = re.compile(r"^\S+ \S+ (GET|POST) (\S+) (\d{3}|-) \d+\.\dms$")


@pytest.fixture
def access_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "access.log"
    # the default --log-level is "warning": the access lines must not depend on it
    logging.getLogger().setLevel(logging.WARNING)
    handler = configure_access_log(str(path))
    assert handler is not None
    try:
        yield path
    finally:
        logger = logging.getLogger("central_sim.access")
        logger.removeHandler(handler)
        logger.propagate = True
        logger.setLevel(logging.NOTSET)
        handler.close()


def test_access_log_option_takes_an_optional_file() -> None:
    parser = build_parser()
    assert parser.parse_args(["serve"]).access_log is None
    assert parser.parse_args(["serve", "--access-log"]).access_log == "-"
    assert parser.parse_args(["serve", "--access-log", "--log-level", "info"]).access_log == "-"
    assert parser.parse_args(["serve", "--access-log", "a.log"]).access_log == "a.log"


def test_one_line_per_request_with_route_template(tmp_path: Path, access_file: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'c.db'}", production_step_seconds=0, access_log=True)
    for path in (f"/v1/persons/{ID}", f"/v1/persons/{ID}/cards", f"/v1/cards/{CARD}",
                 f"/v1/no-such/{ID}"):
        _get(app, path)
    lines = access_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4, lines
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    got = [(m.group(1), m.group(2)) for m in parsed if m]
    assert got == [("GET", "/v1/persons/{id_number}"), ("GET", "/v1/persons/{id_number}/cards"),
                   ("GET", "/v1/cards/{card_no}"), ("GET", "<unrouted>")]
    assert [m.group(3) for m in parsed if m][3] == "404"
    text = access_file.read_text(encoding="utf-8")
    assert ID not in text and CARD not in text


def test_no_access_log_without_the_option(tmp_path: Path, access_file: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'c.db'}", production_step_seconds=0)
    assert _get(app, f"/v1/persons/{ID}") in (200, 404)
    assert access_file.read_text(encoding="utf-8") == ""
