"""Client for the emulator's JSON-lines control interface (tests, demo, CLI)."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

from counter_app.card.errors import CardError

CONTROL_PORT = 35970


class EmulatorControlError(CardError):
    code = "EMULATOR_CONTROL"
    message_zh = "无法连接社保卡模拟器的控制接口，请先运行“counter-app emulator serve”。"


class EmulatorControl:
    def __init__(self, host: str = "127.0.0.1", port: int = CONTROL_PORT,
                 timeout: float = 5.0) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout

    def request(self, cmd: str, **args: Any) -> dict[str, Any]:
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout) as sock:
                sock.sendall(json.dumps({"cmd": cmd, **args}).encode() + b"\n")
                with sock.makefile("rb") as fh:
                    line = fh.readline()
        except OSError as exc:
            raise EmulatorControlError() from exc
        if not line:
            raise EmulatorControlError()
        reply: dict[str, Any] = json.loads(line)
        if not reply.get("ok"):
            raise EmulatorControlError(f"模拟器拒绝了命令：{reply.get('error')}")
        return reply

    def status(self) -> dict[str, Any]:
        return self.request("status")

    def insert(self, card_file: Path | str) -> None:
        self.request("insert", file=str(Path(card_file).resolve()))

    def remove(self) -> None:
        self.request("remove")

    def tear_after(self, n: int, *, lose_response: bool = False) -> None:
        self.request("tear_after", n=n, lose_response=lose_response)

    def stall_after(self, n: int) -> None:
        self.request("stall_after", n=n)

    def stats(self) -> dict[str, Any]:
        return self.request("stats")

    def reset_stats(self) -> None:
        self.request("reset_stats")

    def shutdown(self) -> None:
        self.request("shutdown")

    def alive(self) -> bool:
        try:
            self.status()
        except EmulatorControlError:
            return False
        return True
