"""The branch profile: one TOML file per counter PC.

It says which branch and bank this counter belongs to, whether it issues cards on the
spot, its weekend hours, how to reach the central system, which readers, printers and
camera to use, the photo and offline limits, and where the local database lives.

Every key is declared once below with its type and default; loading validates the file
and an error names the key and the problem (in Chinese, for branch IT, with the English
key path so it can be found in the file).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.banks import PARTNER_BANKS, Bank
from counter_app.domain.errors import ConfigurationError
from counter_app.domain.schedule import WEEKDAY_CODES, WeekendService


class ProfileError(ConfigurationError):
    code = "PROFILE_INVALID"

    def __init__(self, key: str, problem_zh: str, source: str = "") -> None:
        self.key = key
        where = f"（文件 {source}）" if source else ""
        super().__init__(f"网点配置错误{where}：配置项 {key} {problem_zh}")


@dataclass(frozen=True)
class CentralSettings:
    base_url: str
    ca_file: Path | None
    client_cert: Path | None
    client_key: Path | None
    connect_timeout_s: float
    read_timeout_s: float
    health_interval_s: float


@dataclass(frozen=True)
class ReaderSettings:
    card: str
    psam: str


@dataclass(frozen=True)
class PrinterSettings:
    document: str  # empty: the system default printer
    card_face: str


@dataclass(frozen=True)
class PhotoLimits:
    width_px: int
    height_px: int
    dpi: int
    min_kb: int
    max_kb: int
    camera: str  # empty: the first camera Qt finds


@dataclass(frozen=True)
class OfflineLimits:
    max_oldest_unsent_hours: float
    max_unsent_count: int
    max_since_last_sync_hours: float
    min_free_disk_mb: int


@dataclass(frozen=True)
class SecuritySettings:
    max_login_failures: int
    lockout_minutes: int
    idle_lock_minutes: int
    key_store: str  # auto | keyring | file
    key_file: Path


@dataclass(frozen=True)
class BranchProfile:
    source: Path | None
    branch_code: str
    branch_name: str
    bank: Bank
    city_code: str
    instant_issue: bool
    counter_id: str
    weekend: WeekendService
    central: CentralSettings
    readers: ReaderSettings
    printers: PrinterSettings
    photo: PhotoLimits
    offline: OfflineLimits
    security: SecuritySettings
    database: Path
    demo: bool

    @property
    def kind_zh(self) -> str:
        return "即办网点" if self.instant_issue else "非即办网点"


# ---------------------------------------------------------------------------
# Declared keys: (section, key) -> (type name, default or REQUIRED, extra check)

REQUIRED = object()

Check = Callable[[Any], str | None]  # returns a Chinese problem description or None


def _pattern(regex: str, what_zh: str) -> Check:
    compiled = re.compile(regex)
    return lambda v: None if compiled.fullmatch(v) else f"格式不正确，应为{what_zh}"


def _positive(v: float) -> str | None:
    return None if v > 0 else "必须大于0"


def _one_of(options: tuple[str, ...]) -> Check:
    return lambda v: None if v in options else f"取值无效，应为以下之一：{', '.join(options)}"


def _time(v: str) -> str | None:
    try:
        dt.time.fromisoformat(v)
    except ValueError:
        return "应为 HH:MM 格式的时间，例如 \"09:00\""
    return None


def _days(v: list[Any]) -> str | None:
    bad = [d for d in v if d not in WEEKDAY_CODES]
    return f"包含无效的星期：{bad}，应为 {', '.join(WEEKDAY_CODES)}" if bad else None


def _url(v: str) -> str | None:
    return None if re.match(r"^https?://[^\s/]+", v) else "应为 http:// 或 https:// 开头的地址"


SCHEMA: dict[str, dict[str, tuple[type | tuple[type, ...], Any, Check | None]]] = {
    "branch": {
        "code": (str, REQUIRED, _pattern(r"[A-Z0-9-]{4,32}", "4–32位大写字母、数字或连字符")),
        "name": (str, REQUIRED, None),
        "bank": (str, REQUIRED, _one_of(tuple(PARTNER_BANKS))),
        "city_code": (str, "330200", _pattern(r"\d{6}", "6位行政区划代码")),
        "instant_issue": (bool, REQUIRED, None),
        "counter_id": (str, "01", _pattern(r"[0-9A-Za-z]{1,8}", "1–8位字母或数字")),
    },
    "weekend_service": {
        "days": (list, ["sat", "sun"], _days),
        "open": (str, "09:00", _time),
        "close": (str, "16:00", _time),
    },
    "central": {
        "base_url": (str, REQUIRED, _url),
        "ca_file": (str, "", None),
        "client_cert": (str, "", None),
        "client_key": (str, "", None),
        "connect_timeout_s": ((int, float), 3.0, _positive),
        "read_timeout_s": ((int, float), 10.0, _positive),
        "health_interval_s": ((int, float), 5.0, _positive),
    },
    "readers": {
        "card": (str, "Virtual PCD 00 00", None),
        "psam": (str, "Virtual PCD 00 01", None),
    },
    "printers": {
        "document": (str, "", None),
        "card_face": (str, "", None),
    },
    "photo": {
        "width_px": (int, 358, _positive),
        "height_px": (int, 441, _positive),
        "dpi": (int, 350, _positive),
        "min_kb": (int, 14, _positive),
        "max_kb": (int, 40, _positive),
        "camera": (str, "", None),
    },
    "offline": {
        "max_oldest_unsent_hours": ((int, float), 24.0, _positive),
        "max_unsent_count": (int, 200, _positive),
        "max_since_last_sync_hours": ((int, float), 72.0, _positive),
        "min_free_disk_mb": (int, 500, _positive),
    },
    "security": {
        "max_login_failures": (int, 5, _positive),
        "lockout_minutes": (int, 30, _positive),
        "idle_lock_minutes": (int, 10, _positive),
        "key_store": (str, "auto", _one_of(("auto", "keyring", "file"))),
        "key_file": (str, "keys/data.key", None),
    },
    "store": {
        "database": (str, "counter.db", None),
    },
    "mode": {
        "demo": (bool, False, None),
    },
}

_TYPE_ZH = {str: "文本", bool: "true/false", int: "整数", list: "列表", (int, float): "数字"}


def state_root() -> Path:
    """Where run-time state lives: $COUNTER_APP_HOME, else XDG data home."""
    if env := os.environ.get("COUNTER_APP_HOME"):
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "counter-app"


def demo_profile_path() -> Path:
    return Path(__file__).parent / "resources" / "profiles" / "demo-instant.toml"


def load_profile(path: Path, *, state_dir: Path | None = None) -> BranchProfile:
    """Read and validate a branch profile. Relative paths resolve against ``state_dir``."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ProfileError("(文件)", f"找不到配置文件 {path}", "") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError("(语法)", f"不是有效的 TOML：{exc}", str(path)) from exc
    return parse_profile(raw, source=path, state_dir=state_dir)


def parse_profile(
    raw: dict[str, Any], *, source: Path | None = None, state_dir: Path | None = None
) -> BranchProfile:
    src = str(source or "")
    values = _validate(raw, src)
    root = state_dir or state_root()

    def local_path(text: str) -> Path:
        p = Path(os.path.expanduser(text))
        return p if p.is_absolute() else root / p

    def optional_path(text: str) -> Path | None:
        return local_path(text) if text else None

    b, w, c = values["branch"], values["weekend_service"], values["central"]
    ph, off, sec = values["photo"], values["offline"], values["security"]
    if ph["min_kb"] > ph["max_kb"]:
        raise ProfileError("photo.min_kb", "不能大于 photo.max_kb", src)
    if dt.time.fromisoformat(w["open"]) >= dt.time.fromisoformat(w["close"]):
        raise ProfileError("weekend_service.open", "必须早于 weekend_service.close", src)
    if bool(c["client_cert"]) != bool(c["client_key"]):
        raise ProfileError("central.client_key", "必须与 central.client_cert 同时配置", src)
    return BranchProfile(
        source=source,
        branch_code=b["code"],
        branch_name=b["name"],
        bank=PARTNER_BANKS[b["bank"]],
        city_code=b["city_code"],
        instant_issue=b["instant_issue"],
        counter_id=b["counter_id"],
        weekend=WeekendService(
            days=tuple(w["days"]),
            opens=dt.time.fromisoformat(w["open"]),
            closes=dt.time.fromisoformat(w["close"]),
        ),
        central=CentralSettings(
            base_url=c["base_url"].rstrip("/"),
            ca_file=optional_path(c["ca_file"]),
            client_cert=optional_path(c["client_cert"]),
            client_key=optional_path(c["client_key"]),
            connect_timeout_s=float(c["connect_timeout_s"]),
            read_timeout_s=float(c["read_timeout_s"]),
            health_interval_s=float(c["health_interval_s"]),
        ),
        readers=ReaderSettings(**values["readers"]),
        printers=PrinterSettings(**values["printers"]),
        photo=PhotoLimits(**ph),
        offline=OfflineLimits(
            max_oldest_unsent_hours=float(off["max_oldest_unsent_hours"]),
            max_unsent_count=off["max_unsent_count"],
            max_since_last_sync_hours=float(off["max_since_last_sync_hours"]),
            min_free_disk_mb=off["min_free_disk_mb"],
        ),
        security=SecuritySettings(
            max_login_failures=sec["max_login_failures"],
            lockout_minutes=sec["lockout_minutes"],
            idle_lock_minutes=sec["idle_lock_minutes"],
            key_store=sec["key_store"],
            key_file=local_path(sec["key_file"]),
        ),
        database=local_path(values["store"]["database"]),
        demo=values["mode"]["demo"],
    )


def _validate(raw: dict[str, Any], src: str) -> dict[str, dict[str, Any]]:
    unknown_sections = set(raw) - set(SCHEMA)
    if unknown_sections:
        raise ProfileError(sorted(unknown_sections)[0], "不是已知的配置段（可能拼写错误）", src)
    out: dict[str, dict[str, Any]] = {}
    for section, keys in SCHEMA.items():
        given = raw.get(section, {})
        if not isinstance(given, dict):
            raise ProfileError(section, "应为一个配置段 [section]", src)
        unknown = set(given) - set(keys)
        if unknown:
            raise ProfileError(f"{section}.{sorted(unknown)[0]}", "不是已知的配置项（可能拼写错误）", src)
        out[section] = {}
        for key, (kind, default, check) in keys.items():
            name = f"{section}.{key}"
            if key not in given:
                if default is REQUIRED:
                    raise ProfileError(name, "缺失，必须配置", src)
                out[section][key] = default
                continue
            value = given[key]
            # bool is an int in Python; refuse it where a number is expected
            wrong_bool = isinstance(value, bool) and kind is not bool
            if wrong_bool or not isinstance(value, kind):
                raise ProfileError(name, f"类型错误，应为{_TYPE_ZH.get(kind, str(kind))}", src)
            if check and (problem := check(value)):
                raise ProfileError(name, problem, src)
            out[section][key] = value
    return out
