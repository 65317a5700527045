"""Start the reference central (``python -m central_sim serve``) as a subprocess.

counter_app never imports central_sim; the demo command and the test fixtures spawn it.
:class:`CentralSimHandle` also drives the central's loopback-only fault-injection channel.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import urllib3

from counter_app.domain.errors import ConfigurationError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.frozen import module_command


class CentralSimStartError(ConfigurationError):
    code = "CENTRAL_SIM_START"
    message_zh = QT_TR_NOOP("参考中心系统未能启动，请查看日志。")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@dataclass
class CentralSimHandle:
    """A running central_sim process. ``url`` is the API base URL."""

    process: subprocess.Popen[bytes]
    host: str
    port: int
    db_url: str
    tls_dir: Path | None
    log_path: Path | None
    _admin: requests.Session = field(default_factory=requests.Session, repr=False)

    @property
    def url(self) -> str:
        scheme = "https" if self.tls_dir else "http"
        host = "localhost" if self.tls_dir else self.host
        return f"{scheme}://{host}:{self.port}"

    @property
    def admin_url(self) -> str:
        return self.url

    # -- fault injection (loopback admin channel) ------------------------------------------------
    def _admin_request(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        kw.setdefault("timeout", 10)
        if self.tls_dir:
            # The loopback control channel must also reach deliberately broken servers
            # (expired or wrong-host certificates in TLS tests), so it does not verify the
            # server; it is never used for API calls.
            kw.setdefault("verify", False)
            cert_dir = self.tls_dir if (self.tls_dir / "client.pem").exists() else (
                self.tls_dir.parent)
            kw.setdefault("cert", (str(cert_dir / "client.pem"), str(cert_dir / "client.key")))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
            resp = self._admin.request(method, self.admin_url + path, **kw)
        resp.raise_for_status()
        return _json_object(resp.json())

    def set_faults(self, **values: Any) -> dict[str, Any]:
        """e.g. ``set_faults(latency_ms=200, error_rate=0.1, drop_next=1, outage=True)``."""
        return _json_object(self._admin_request("PUT", "/_admin/faults", json=values)["config"])

    def clear_faults(self) -> None:
        self._admin_request("DELETE", "/_admin/faults")

    def faults(self) -> dict[str, Any]:
        return self._admin_request("GET", "/_admin/faults")

    def line_down(self, mode: str = "reset") -> None:
        self.set_faults(outage=True, outage_mode=mode)

    def line_up(self) -> None:
        self.set_faults(outage=False, outage_windows=[])

    def advance_production(self) -> dict[str, int]:
        moved = self._admin_request("POST", "/_admin/production/advance")
        return {state: int(count) for state, count in moved.items()}

    def pre_loss(self, card_no: str, function: str = "social", channel: str = "12333") -> dict[str, Any]:
        return self._admin_request("POST", "/_admin/pre-loss",
                                   json={"card_no": card_no, "function": function,
                                         "channel": channel})

    def lock_batch(self, batch_id: str, seconds: float = 30) -> None:
        self._admin_request("POST", f"/_admin/batches/{batch_id}/lock",
                            params={"seconds": seconds})

    def effects(self, key_prefix: str = "") -> dict[str, Any]:
        """Committed central effects grouped by Idempotency-Key (proves exactly-once)."""
        return self._admin_request("GET", "/_admin/effects", params={"key_prefix": key_prefix})

    def idempotency(self, key: str) -> list[dict[str, Any]]:
        """The central's records for an Idempotency-Key (state IN_PROGRESS / DONE)."""
        return _json_objects(self._admin_request("GET", f"/_admin/idempotency/{key}")["records"])

    def operations(self, subject: str = "") -> list[dict[str, Any]]:
        return _json_objects(self._admin_request("GET", "/_admin/operations",
                                                 params={"subject": subject})["operations"])

    def reset_data(self) -> None:
        self._admin_request("POST", "/_admin/reset-data", timeout=60)

    # -- lifecycle -----------------------------------------------------------------------------
    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 10) -> int | None:
        self._admin.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode

    def log_tail(self, chars: int = 4000) -> str:
        if self.log_path and self.log_path.exists():
            return self.log_path.read_text(errors="replace")[-chars:]
        return ""

    def __enter__(self) -> CentralSimHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _json_object(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("the reference central answered with something other than a JSON object")
    return value


def _json_objects(value: object) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise TypeError("the reference central answered with something other than a JSON array")
    return [_json_object(item) for item in value]


def start_central_sim(
    db_url: str,
    port: int | None = None,
    *,
    host: str = "127.0.0.1",
    tls_dir: str | Path | None = None,
    production_step: float = 60.0,
    log_path: str | Path | None = None,
    startup_timeout: float = 30.0,
    python: str | None = None,
    extra_args: list[str] | None = None,
) -> CentralSimHandle:
    """Spawn ``python -m central_sim serve`` and wait until ``/health`` answers.

    ``port=None`` picks a free loopback port. ``production_step`` seconds per production
    step (applications move DATA_ENTRY → IN_PRODUCTION → SHIPPED over time); 0 = only on
    :meth:`CentralSimHandle.advance_production` (tests). Raises :class:`CentralSimStartError` (with the
    process's log tail) when it does not come up in ``startup_timeout`` seconds.
    """
    port = port or free_port(host)
    cmd = [*module_command("central_sim", python), "serve", "--db", db_url,
           "--host", host, "--port", str(port), "--production-step", str(production_step)]
    tls = Path(tls_dir) if tls_dir else None
    if tls:
        cmd += ["--tls", str(tls)]
    cmd += extra_args or []
    log_file = Path(log_path) if log_path else None
    out = open(log_file, "ab") if log_file else subprocess.DEVNULL  # noqa: SIM115
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "") if env.get(
        "PYTHONPATH") else root
    try:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
    finally:
        if not isinstance(out, int):
            out.close()
    handle = CentralSimHandle(process=proc, host=host, port=port, db_url=db_url, tls_dir=tls,
                              log_path=log_file)
    deadline = time.monotonic() + startup_timeout
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise CentralSimStartError(
                    zh("参考中心系统启动失败（退出码 {exit_code}）。", exit_code=proc.returncode),
                    code="CENTRAL_SIM_START")
            try:
                handle._admin_request("GET", "/health", timeout=1)
                return handle
            except requests.RequestException:
                time.sleep(0.05)
        raise CentralSimStartError(QT_TR_NOOP("参考中心系统启动超时。"), code="CENTRAL_SIM_START")
    except BaseException:
        handle.stop()  # never leave a half-started central behind
        raise
