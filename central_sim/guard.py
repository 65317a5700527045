"""Who is calling, and what a request may carry: identity and input limits.

Identity (``scope["state"]["identity"]``, a :class:`Identity`):

- over mutual TLS, from the verified client certificate only: CN = branch code, the first
  OU = counter id. A certificate without an OU is a branch-level identity: its counter is
  unknown (:data:`NO_COUNTER`), whatever ``X-Client-Id`` says (the header may only repeat the
  certificate's branch), so it cannot act as any one counter (the audit chain heads answer
  403 ``COUNTER_REQUIRED``);
- over plain HTTP (the loopback reference central for the demo and tests), from the header
  ``X-Client-Id: BRANCH/COUNTER`` — accepted only when both the server socket and the peer
  are loopback addresses (serving plain HTTP elsewhere is refused at start, see ``__main__``).

Limits: request bodies of at most :data:`MAX_BODY_BYTES` (413), one ``Idempotency-Key`` and
one ``X-Client-Id`` header (400). Every refusal uses the contract's error shape.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import re
from dataclasses import dataclass
from typing import Any

from central_sim.errors import Refusal

MAX_BODY_BYTES = 1024 * 1024
MAX_INT = 2**63 - 1
BRANCH_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,15}$")
COUNTER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
PEER_CERT = "tls_peer_cert"
SINGLE_HEADERS = (b"idempotency-key", b"x-client-id")
NO_COUNTER = "-"  # a certificate without an OU: the branch is known, the counter is not


@dataclass(frozen=True)
class Identity:
    branch_code: str
    counter_id: str
    via: str  # "certificate" | "header"

    @property
    def counter_known(self) -> bool:
        return self.counter_id != NO_COUNTER

    @property
    def client_key(self) -> str:
        """Scope of idempotency keys: the verified branch and counter."""
        return f"{self.branch_code}/{self.counter_id}"


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_client_id(value: str) -> tuple[str, str] | None:
    branch, sep, counter = value.partition("/")
    if not sep or not BRANCH_RE.match(branch) or not COUNTER_RE.match(counter):
        return None
    return branch, counter


def _cert_field(cert: dict[str, Any], name: str) -> str | None:
    for rdn in cert.get("subject", ()):
        for key, value in rdn:
            if key == name:
                return str(value)
    return None


def identity_from(scope: dict[str, Any]) -> Identity:
    """The caller's identity, or a Refusal (401/403) saying why there is none."""
    headers = [v for k, v in scope.get("headers", ()) if k == b"x-client-id"]
    header = headers[0].decode("latin-1") if headers else ""
    claimed = parse_client_id(header) if header else None
    if header and claimed is None:
        raise Refusal(400, "CLIENT_ID_INVALID", "X-Client-Id 格式应为“网点编号/柜台号”。")
    cert = scope.get("state", {}).get(PEER_CERT)
    if scope.get("scheme") == "https":
        if not cert:
            raise Refusal(401, "CLIENT_CERT_REQUIRED", "未提供网点客户端证书。")
        branch = _cert_field(cert, "commonName") or ""
        if not BRANCH_RE.match(branch):
            raise Refusal(403, "CLIENT_CERT_INVALID", "网点客户端证书的 CN 不是有效的网点编号。")
        counter = _cert_field(cert, "organizationalUnitName")
        if claimed is not None and claimed[0] != branch:
            raise Refusal(403, "IDENTITY_MISMATCH", "X-Client-Id 与网点客户端证书不一致。")
        if counter is not None and not COUNTER_RE.match(counter):
            raise Refusal(403, "CLIENT_CERT_INVALID", "网点客户端证书的 OU 不是有效的柜台号。")
        # the header never chooses the counter over TLS: a branch-level certificate could
        # otherwise report (or re-base) any sibling counter's audit chain head
        return Identity(branch, counter or NO_COUNTER, "certificate")
    server = scope.get("server") or (None, None)
    client = scope.get("client") or (None, None)
    if not (is_loopback(server[0]) and is_loopback(client[0])):
        # the header is only trusted on this machine: elsewhere only a certificate counts
        raise Refusal(403, "IDENTITY_HEADER_REFUSED", "非本机连接必须使用网点客户端证书（双向 TLS）。")
    if claimed is None:
        raise Refusal(401, "CLIENT_ID_REQUIRED", "请求缺少网点身份（X-Client-Id：网点编号/柜台号）。")
    return Identity(claimed[0], claimed[1], "header")


def _body_json(status: int, body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    data = json.dumps(body, ensure_ascii=False).encode()
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"),
                         (b"content-length", str(len(data)).encode())]}
    return start, {"type": "http.response.body", "body": data}


async def send_refusal(send: Any, refusal: Refusal) -> None:
    start, body = _body_json(refusal.status, refusal.body())
    await send(start)
    await send(body)


TOO_LARGE = Refusal(413, "REQUEST_TOO_LARGE", "请求内容过大（上限 1 MiB）。",
                    {"max_bytes": MAX_BODY_BYTES})


class GuardMiddleware:
    """Pure ASGI: header checks, identity, and the body size limit (the body is read here,
    at most MAX_BODY_BYTES, so an oversized or endless body never reaches the app)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        try:
            for name in SINGLE_HEADERS:
                if sum(1 for k, _ in scope.get("headers", ()) if k == name) > 1:
                    raise Refusal(400, "HEADER_DUPLICATED",
                                  f"请求头 {name.decode()} 重复出现，中心系统拒绝处理。")
            scope.setdefault("state", {})["identity"] = identity_from(scope)
            length = [v for k, v in scope.get("headers", ()) if k == b"content-length"]
            if length and (not length[0].isdigit() or int(length[0]) > MAX_BODY_BYTES):
                raise TOO_LARGE
            chunks: list[bytes] = []
            size = 0
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise TOO_LARGE
                chunks.append(chunk)
                more = message.get("more_body", False)
        except Refusal as refusal:
            await send_refusal(send, refusal)
            return
        body = b"".join(chunks)
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            # after the body, behave like a connection that stays open until the answer
            message: dict[str, Any] = await receive()
            return message

        await self.app(scope, replay, send)


def with_peer_certificate(base: type[asyncio.Protocol]) -> type[asyncio.Protocol]:
    """A uvicorn HTTP protocol that puts the verified client certificate of the TLS
    connection into every request's ``scope["state"]`` (uvicorn copies ``app_state``)."""

    class PeerCertProtocol(base):  # type: ignore[valid-type, misc]
        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(transport)
            cert = transport.get_extra_info("peercert")
            if cert:
                self.app_state = {**self.app_state, PEER_CERT: cert}

    return PeerCertProtocol
