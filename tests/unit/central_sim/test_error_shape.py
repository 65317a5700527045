"""A bug in the reference central still answers in the contract's error shape (issue 9: plain-text
500s and FastAPI's ``{"detail": …}`` were findings), never a traceback or framework text.

The app is called as ASGI directly (no HTTP client library needed): one GET, the response
collected from the messages it sends.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any

from central_sim.app import create_app


async def _get(app: Any, path: str) -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
             "root_path": "", "headers": [(b"host", b"127.0.0.1"),
                                          (b"x-client-id", b"ICBC-NB-0101/C01")],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8765)}
    # Starlette re-raises after the 500 handler answered; the answer is what counts
    with contextlib.suppress(RuntimeError):
        await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return int(start["status"]), body


def test_an_unexpected_exception_is_a_500_in_the_contract_shape(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'central.db'}")

    @app.get("/v1/_boom")  # a route that fails the way a bug would
    def boom() -> None:
        raise RuntimeError("secret internal detail 330203198506122017")

    status, raw = asyncio.run(_get(app, "/v1/_boom"))
    assert status == 500
    body = json.loads(raw)
    assert body["error"]["code"] == "CENTRAL_INTERNAL_ERROR"
    assert body["error"]["message_zh"] == "中心系统内部错误，请稍后重试。"
    assert "detail" not in body and b"secret" not in raw and b"3302031985" not in raw
