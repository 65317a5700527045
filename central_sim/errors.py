"""Refusals the central returns: HTTP status + stable code + Chinese message."""

from __future__ import annotations

from typing import Any


class Refusal(Exception):
    """A business or protocol refusal. Rendered as ``{"error": {"code", "message_zh"}}``."""

    def __init__(
        self, status: int, code: str, message_zh: str, details: dict[str, Any] | None = None
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message_zh = message_zh
        self.details = details or {}

    def body(self) -> dict[str, Any]:
        err: dict[str, Any] = {"code": self.code, "message_zh": self.message_zh}
        if self.details:
            err["details"] = self.details
        return {"error": err}


def not_found(what_zh: str, code: str = "NOT_FOUND") -> Refusal:
    return Refusal(404, code, f"中心系统中未找到{what_zh}。")
