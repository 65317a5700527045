"""The branch profile: one TOML file per counter PC.

It says which branch and bank this counter belongs to, whether it issues cards on the
spot, its weekend hours, how to reach the central system, which readers, printers and
camera to use, the photo and offline limits, and where the local database lives.

Every key is declared ONCE, as a field of the typed object it fills: its name, its type (the
annotation), its default, its check and its Chinese description (:func:`key`). Loading,
validation and ``docs/profile.md`` (:func:`profile_doc`) are all derived from those fields.
An error names the key and the problem (in Chinese, for branch IT, with the English key
path so it can be found in the file).

Regenerate the documentation with ``python -m counter_app.profile --doc > docs/profile.md``.
"""

# key() and section() return dataclasses.field(...), which ruff does not recognise in defaults
# ruff: noqa: RUF009

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import re
import sys
import tomllib
import typing
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from counter_app.assets import DEMO_INSTANT_PROFILE, asset_path
from counter_app.central.timeouts import Timeouts  # not .client: no HTTP stack at start-up
from counter_app.domain.banks import PARTNER_BANKS, Bank
from counter_app.domain.errors import ConfigurationError
from counter_app.domain.fees import FeeMethod, FeeSchedule, amount_fen, amount_problem_zh
from counter_app.domain.net import is_loopback_host
from counter_app.domain.offline import StalenessLimits
from counter_app.domain.opening_hours import OpeningHours, ServiceHours
from counter_app.domain.photo import KB, PhotoSpec
from counter_app.domain.schedule import WEEKDAY_CODES, WeekendService
from counter_app.domain.texts import QT_TR_NOOP, zh


class ProfileError(ConfigurationError):
    code = "PROFILE_INVALID"

    def __init__(self, key: str, problem_zh: str, source: str = "") -> None:
        self.key = key
        where = zh("（文件 {source}）", source=source) if source else ""
        super().__init__(zh("网点配置错误{where}：配置项 {key} {problem}", where=where, key=key,
                            problem=problem_zh))


# ---------------------------------------------------------------------------
# Checks: each returns a Chinese problem description or None, and says its rule for the docs


@dataclass(frozen=True)
class Rule:
    rule_zh: str
    test: Callable[[Any], str | None]

    def __call__(self, value: Any) -> str | None:
        return self.test(value)


def _pattern(regex: str, what_zh: str) -> Rule:
    compiled = re.compile(regex)
    return Rule(what_zh, lambda v: None if compiled.fullmatch(v)
                else zh("格式不正确，应为{what}", what=what_zh))


def _between(low: float, high: float, *, low_open: bool = False) -> Rule:
    """A number in a range: bounded above too, so a huge value (a timer interval, a lockout
    end date) cannot overflow later; NaN and infinity are refused."""
    def text(x: float) -> str:
        return str(int(x)) if x == int(x) else str(x)

    rule_zh = zh("大于{low}且不大于{high}", low=text(low), high=text(high)) if low_open else \
        zh("不小于{low}且不大于{high}", low=text(low), high=text(high))

    def test(v: float) -> str | None:
        if not math.isfinite(v):
            return zh("必须是有限的数字（{rule}）", rule=rule_zh)
        if (v <= low if low_open else v < low) or v > high:
            return zh("超出范围，必须{rule}", rule=rule_zh)
        return None

    return Rule(rule_zh, test)


POSITIVE = _between(0, 1_000_000, low_open=True)


def _one_of(options: tuple[str, ...]) -> Rule:
    listed = ", ".join(options)
    return Rule(zh("以下之一：{options}", options=listed),
                lambda v: None if v in options else zh("取值无效，应为以下之一：{options}", options=listed))


def _time(v: str) -> str | None:
    problem = QT_TR_NOOP("应为 HH:MM 格式的时间，例如 \"09:00\"（不带时区）")
    if not re.fullmatch(r"\d{2}:\d{2}", v):  # fromisoformat also takes "09:00+08:00", "0900"
        return problem
    try:
        dt.time.fromisoformat(v)
    except ValueError:
        return problem
    return None


def _days(v: list[Any]) -> str | None:
    bad = [d for d in v if d not in WEEKDAY_CODES]
    return zh("包含无效的星期：{bad}，应为 {codes}", bad=bad, codes=", ".join(WEEKDAY_CODES)) \
        if bad else None


TIME = Rule(QT_TR_NOOP("HH:MM 格式的时间"), _time)
DAYS = Rule(zh("星期代码：{codes}", codes=", ".join(WEEKDAY_CODES)), _days)
def _url(v: str) -> str | None:
    problem = QT_TR_NOOP("应为 http:// 或 https:// 开头的地址，例如 \"https://central.example:8443\"")
    if not re.match(r"^https?://[^\s/]+", v) or any(c.isspace() or ord(c) < 32 for c in v):
        return problem
    try:
        parts = urllib.parse.urlsplit(v)
        port = parts.port  # a non-numeric or out-of-range port raises here
    except ValueError:
        return QT_TR_NOOP("端口号无效，应为 1–65535 的数字")
    if not parts.hostname:
        return problem
    if port == 0:
        return QT_TR_NOOP("端口号无效，应为 1–65535 的数字")
    return None


URL = Rule(QT_TR_NOOP("http:// 或 https:// 开头的地址"), _url)


def is_loopback_url(url: str) -> bool:
    """True when ``url`` points at this machine (the demo's reference central)."""
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return False
    return is_loopback_host(host)


def _path_text(v: str) -> str | None:
    if not v.strip():
        return QT_TR_NOOP("不能为空")
    if "\x00" in v:
        return QT_TR_NOOP("包含无效字符")
    return None


def _optional_path_text(v: str) -> str | None:
    return QT_TR_NOOP("包含无效字符") if "\x00" in v else None


PATH = Rule(QT_TR_NOOP("非空路径"), _path_text)
OPTIONAL_PATH = Rule(QT_TR_NOOP("路径，可为空"), _optional_path_text)


# ---------------------------------------------------------------------------
# The declaration helpers

REQUIRED: Any = dataclasses.MISSING


def key(default: Any = REQUIRED, *, doc: str, check: Rule | None = None, toml: str | None = None,
        parse: Callable[[Any], Any] | None = None) -> Any:
    """One profile key. ``toml`` is its dotted path when the field is not inside a section
    object; ``parse`` turns the checked TOML text into the field's type (a bank code into a
    :class:`Bank`)."""
    metadata = {"doc_zh": doc, "check": check, "toml": toml, "parse": parse}
    return field(default=default, metadata=metadata)


def section(keys: type | None = None, *, toml: str | None = None,
            build: Callable[[Any], Any] | None = None) -> Any:
    """A ``[section]`` of the file, read into ``keys`` (default: the field's own type) and
    optionally turned by ``build`` into the object the field holds."""
    return field(metadata={"section": keys, "toml": toml, "build": build})


# ---------------------------------------------------------------------------
# The sections


@dataclass(frozen=True)
class _WeekdayKeys:
    days: tuple[str, ...] = key(("mon", "tue", "wed", "thu", "fri"), doc="工作日办理社保卡业务的日子",
                                check=DAYS)
    open: str = key("09:00", doc="工作日开始办理的时间（北京时间）", check=TIME)
    close: str = key("17:00", doc="工作日停止办理的时间（北京时间）；此后开始新业务需确认，已开始的业务可办完",
                     check=TIME)

    def cross_check(self) -> tuple[str, str] | None:
        if dt.time.fromisoformat(self.open) >= dt.time.fromisoformat(self.close):
            return "weekday_service.open", QT_TR_NOOP("必须早于 weekday_service.close")
        return None

    def service(self) -> ServiceHours:
        return ServiceHours(days=self.days, opens=dt.time.fromisoformat(self.open),
                            closes=dt.time.fromisoformat(self.close))


@dataclass(frozen=True)
class _WeekendKeys:
    days: tuple[str, ...] = key(("sat", "sun"), doc="周末办理社保卡业务的日子，空列表表示周末不营业", check=DAYS)
    open: str = key("09:00", doc="周末开始办理的时间", check=TIME)
    close: str = key("16:00", doc="周末停止办理的时间", check=TIME)

    def cross_check(self) -> tuple[str, str] | None:
        if dt.time.fromisoformat(self.open) >= dt.time.fromisoformat(self.close):
            return "weekend_service.open", QT_TR_NOOP("必须早于 weekend_service.close")
        return None

    def service(self) -> WeekendService:
        return WeekendService(days=self.days, opens=dt.time.fromisoformat(self.open),
                              closes=dt.time.fromisoformat(self.close))


@dataclass(frozen=True)
class CentralSettings:
    base_url: str = key(doc="中心系统地址（生产环境为专线上的 https 地址）", check=URL,
                        parse=lambda v: v.rstrip("/"))
    ca_file: Path | None = key(None, doc="校验中心证书用的 CA 证书文件（须存在）；空：使用系统信任的证书",
                               check=OPTIONAL_PATH)
    client_cert: Path | None = key(None, doc="双向 TLS 的本机客户端证书文件（须存在）；空：不使用客户端证书",
                                   check=OPTIONAL_PATH)
    client_key: Path | None = key(None, doc="客户端证书的私钥文件（须存在），须与 client_cert 同时配置",
                                  check=OPTIONAL_PATH)
    connect_timeout_s: float = key(Timeouts.connect, doc="连接中心的超时（秒）",
                                   check=_between(0, 300, low_open=True))
    read_timeout_s: float = key(10.0, doc="等待中心应答的超时（秒）", check=_between(0, 600, low_open=True))
    health_interval_s: float = key(5.0, doc="状态栏探测中心线路的间隔（秒）",
                                   check=_between(0, 3600, low_open=True))
    audit_head_minutes: int = key(15, doc="向中心上报本机审计链头（上报前完整校验审计日志）的间隔（分钟）；"
                                         "专线中断时恢复后再报，签退后也会上报",
                                  check=_between(1, 1440))

    def cross_check(self) -> tuple[str, str] | None:
        if bool(self.client_cert) != bool(self.client_key):
            return "central.client_key", QT_TR_NOOP("必须与 central.client_cert 同时配置")
        # TLS material is checked at start: a missing file is a configuration error here,
        # not a send failure (which would dead-letter the outbox) later
        for name in ("ca_file", "client_cert", "client_key"):
            path: Path | None = getattr(self, name)
            if path is not None and not path.is_file():
                return f"central.{name}", zh("指向的文件不存在或不是文件：{path}", path=path)
        return None


@dataclass(frozen=True)
class ReaderSettings:
    card: str = key("Virtual PCD 00 00", doc="放客户社保卡的读卡器名称")
    psam: str = key("Virtual PCD 00 01", doc="放网点 PSAM 卡的读卡器名称")


def _card_face_printer(v: str) -> str | None:
    if any(ord(c) < 32 for c in v):
        return QT_TR_NOOP("包含无效字符")
    if len(v) > 200:
        return QT_TR_NOOP("过长（不超过200个字符）")
    if v.startswith("pdf:") and not v[4:].strip():
        return QT_TR_NOOP("“pdf:”后应写卡面PDF存放的文件夹，例如 \"pdf:card-faces\"")
    if v != v.strip():
        return QT_TR_NOOP("打印机名称前后不能有空格")
    return None


CARD_FACE_PRINTER = Rule(QT_TR_NOOP("空、\"pdf:文件夹\"或系统打印机名称"), _card_face_printer)


def _pin_pad(v: str) -> str | None:
    if v in ("", "demo"):
        return None
    return QT_TR_NOOP("本机没有该密码键盘的驱动；可用取值：\"\"（无密码键盘，持卡人在遮盖输入框中输入）"
                      "或 \"demo\"（演示密码键盘，仅演示模式）")


PIN_PAD = Rule(QT_TR_NOOP("\"\" 或 \"demo\""), _pin_pad)


@dataclass(frozen=True)
class PrinterSettings:
    document: str = key("", doc="打印申请表和回执的打印机；空：系统默认打印机")
    card_face: str = key("", check=CARD_FACE_PRINTER,
                         doc="卡面打印机（即办网点）：空：卡面写成PDF存入状态目录下的 card-faces 文件夹"
                             "（本机无卡面打印机）；"
                             "\"pdf:文件夹\"：卡面PDF存入该文件夹（相对路径在状态目录下）；其他：系统打印机名称"
                             "（须与系统中的名称完全一致，经与单据相同的打印路径按CR80卡面尺寸打印；找不到该打印机时转人工补印）")


@dataclass(frozen=True)
class DeviceSettings:
    pin_pad: str = key("", check=PIN_PAD,
                       doc="密码键盘：空：本柜台无密码键盘，设置密码时由持卡人在遮盖输入框中输入（柜员看不到）；"
                           "\"demo\"：演示密码键盘（按键由演示或测试提供，仅演示模式）")


@dataclass(frozen=True)
class PhotoSettings:
    spec: PhotoSpec
    camera: str  # empty: the first camera Qt finds


_SPEC = PhotoSpec()  # the photo defaults are PhotoSpec's (GA 461), not repeated here


@dataclass(frozen=True)
class _PhotoKeys:
    width_px: int = key(_SPEC.width_px, doc="证件照宽度（像素）", check=POSITIVE)
    height_px: int = key(_SPEC.height_px, doc="证件照高度（像素）", check=POSITIVE)
    dpi: int = key(_SPEC.dpi, doc="证件照分辨率（dpi）", check=POSITIVE)
    min_kb: int = key(_SPEC.file_size_min_bytes // KB, doc="照片文件大小下限（KB），各市规定不同", check=POSITIVE)
    max_kb: int = key(_SPEC.file_size_max_bytes // KB, doc="照片文件大小上限（KB），各市规定不同", check=POSITIVE)
    camera: str = key("", doc="拍照用的摄像头名称；空：使用找到的第一个摄像头")

    def cross_check(self) -> tuple[str, str] | None:
        if self.min_kb > self.max_kb:
            return "photo.min_kb", QT_TR_NOOP("不能大于 photo.max_kb")
        return None

    def settings(self) -> PhotoSettings:
        spec = dataclasses.replace(_SPEC, width_px=self.width_px, height_px=self.height_px, dpi=self.dpi,
                                   file_size_min_bytes=self.min_kb * KB, file_size_max_bytes=self.max_kb * KB)
        return PhotoSettings(spec=spec, camera=self.camera)


AMOUNT = Rule(QT_TR_NOOP("以元为单位的金额（最多两位小数），免收填 \"0\""), amount_problem_zh)


def _methods(v: list[Any]) -> str | None:
    known = [m.value for m in FeeMethod]
    if not v:
        return QT_TR_NOOP("不能为空，至少保留一种收费方式")
    bad = [m for m in v if m not in known]
    return zh("包含无效的收费方式：{bad}，应为 {methods}", bad=bad, methods=", ".join(known)) \
        if bad else None


METHODS = Rule(zh("收费方式：{methods}", methods=", ".join(m.value for m in FeeMethod)), _methods)


@dataclass(frozen=True)
class _FeeKeys:
    replacement: str = key("20.00", check=AMOUNT,
                           doc="遗失补卡、损坏换卡的工本费（元）；use_central 为 true 且中心下发了标准时以中心为准")
    expired_exchange: str = key("20.00", doc="到期换卡的工本费（元），0 表示免收", check=AMOUNT)
    application: str = key("20.00", doc="非首次申领（如注销后重新申领）的工本费（元）", check=AMOUNT)
    first_card_free: bool = key(True, doc="true：首次申领社会保障卡免收工本费")
    use_central: bool = key(True, doc="true：补换卡工本费以中心核定的本网点标准为准（专线中断时用本配置）")
    methods: tuple[str, ...] = key(("cash", "transfer"), check=METHODS,
                                   doc="受理的收费方式：cash 现金，transfer 转账（须录入转账凭证号）")

    def schedule(self) -> FeeSchedule:
        return FeeSchedule(replacement_fen=amount_fen(self.replacement),
                           expired_exchange_fen=amount_fen(self.expired_exchange),
                           application_fen=amount_fen(self.application),
                           first_card_free=self.first_card_free, use_central=self.use_central,
                           methods=tuple(FeeMethod(m) for m in self.methods))


@dataclass(frozen=True)
class SecuritySettings:
    max_login_failures: int = key(5, doc="柜员连续登录失败多少次后锁定账号", check=_between(1, 100))
    lockout_minutes: int = key(30, doc="账号锁定的分钟数", check=_between(1, 10_080))
    idle_lock_minutes: int = key(10, doc="无操作多少分钟后锁屏", check=_between(1, 120))
    supervisor_second_factor: bool = key(
        True, doc="true：主管授权敏感操作（废卡、退费、异常件处理、解锁柜员等）须输入密码和"
                  "身份验证器的6位动态验证码；false：只须密码（不建议）")
    key_store: str = key("auto", doc="数据密钥存放处：auto 有系统密钥库则用之，否则用 key_file；"
                                     "keyring 系统密钥库；file 密钥文件",
                         check=_one_of(("auto", "keyring", "file")))
    key_file: Path = key(Path("keys/data.key"), doc="数据密钥文件（相对路径在状态目录下）", check=PATH)


def _optional_url(v: str) -> str | None:
    return _url(v) if v else None


@dataclass(frozen=True)
class UpdateSettings:
    """Signed updates (docs/updates.md): checked at sign-out, installed at the next start."""

    repository_url: str = key("", doc="更新仓库地址（其下 metadata/ 为签名元数据，targets/ 为更新包）；"
                                      "空：不检查更新。内容由签名保证，可用 http",
                              check=Rule(QT_TR_NOOP("空，或 http:// / https:// 开头的地址"), _optional_url),
                              parse=lambda v: v.rstrip("/"))
    trusted_root: Path | None = key(None, doc="随安装下发的更新仓库根元数据 root.json（信任起点，须存在）",
                                    check=OPTIONAL_PATH)
    folder: Path = key(Path("updates"), doc="更新的下载、校验与暂存目录（相对路径在状态目录下）", check=PATH)
    install_dir: Path | None = key(None, doc="升级时替换的程序目录；空：正在运行的安装目录"
                                             "（该目录本账户不可写时交由安装包升级，见 docs/updates.md）",
                                   check=OPTIONAL_PATH)
    check_at_sign_out: bool = key(True, doc="签退时在后台检查并下载更新（不影响柜员操作）")
    grace_days: int = key(7, doc="本机版本低于中心要求的最低版本后，仍可受理新业务的宽限天数；"
                                 "过期后只能办完已开始的业务", check=_between(0, 365))

    def cross_check(self) -> tuple[str, str] | None:
        if self.repository_url and self.trusted_root is None:
            return "updates.trusted_root", QT_TR_NOOP("配置了 updates.repository_url 时必须配置")
        if self.trusted_root is not None and not self.trusted_root.is_file():
            return "updates.trusted_root", zh("指向的文件不存在或不是文件：{path}",
                                              path=self.trusted_root)
        return None


@dataclass(frozen=True, kw_only=True)
class BranchProfile:
    branch_code: str = key(toml="branch.code", doc="网点代码",
                           check=_pattern(r"[A-Z0-9-]{4,32}", QT_TR_NOOP("4–32位大写字母、数字或连字符")))
    branch_name: str = key(toml="branch.name", doc="网点名称，打印在申请表和回执上")
    bank: Bank = key(toml="branch.bank", doc="网点所属的合作银行代码", check=_one_of(tuple(PARTNER_BANKS)),
                     parse=PARTNER_BANKS.__getitem__)
    city_code: str = key("330200", toml="branch.city_code", doc="网点所在城市的行政区划代码",
                         check=_pattern(r"\d{6}", QT_TR_NOOP("6位行政区划代码")))
    instant_issue: bool = key(toml="branch.instant_issue", doc="true：即办网点（当场制卡）；false：非即办网点")
    counter_id: str = key("01", toml="branch.counter_id", doc="本机柜台号",
                          check=_pattern(r"[0-9A-Za-z]{1,8}", QT_TR_NOOP("1–8位字母或数字")))
    weekdays: ServiceHours = section(_WeekdayKeys, toml="weekday_service", build=_WeekdayKeys.service)
    weekend: WeekendService = section(_WeekendKeys, toml="weekend_service", build=_WeekendKeys.service)
    central: CentralSettings = section()
    readers: ReaderSettings = section()
    printers: PrinterSettings = section()
    devices: DeviceSettings = section()
    photo: PhotoSettings = section(_PhotoKeys, build=_PhotoKeys.settings)
    offline: StalenessLimits = section()
    security: SecuritySettings = section()
    updates: UpdateSettings = section()
    fees: FeeSchedule = section(_FeeKeys, build=_FeeKeys.schedule)
    language: str = key("zh_CN", toml="ui.language", check=_one_of(("zh_CN", "en")),
                        doc="界面语言：zh_CN（简体中文，默认）或 en（English）；重新启动后生效")
    database: Path = key(Path("counter.db"), toml="store.database", doc="本机数据库文件（相对路径在状态目录下）",
                         check=PATH)
    demo: bool = key(False, toml="mode.demo",
                     doc="true：演示模式（演示柜员账号、模拟设备），仅允许与本机回环地址上的中心系统一起使用")
    source: Path | None = None  # the file it was read from; not a key

    @property
    def kind_zh(self) -> str:
        return QT_TR_NOOP("即办网点") if self.instant_issue else QT_TR_NOOP("非即办网点")

    @property
    def opening_hours(self) -> OpeningHours:
        return OpeningHours(self.weekdays, self.weekend)

    @property
    def demo_accounts_allowed(self) -> bool:
        """Demo accounts and their password hint: only in demo mode against this machine."""
        return self.demo and is_loopback_url(self.central.base_url)

    def cross_check(self) -> tuple[str, str] | None:
        if both := sorted(set(self.weekdays.days) & set(self.weekend.days)):
            return "weekend_service.days", zh("与 weekday_service.days 重复：{both}（每天只能有一种营业时间）",
                                              both=both)
        if self.demo and not is_loopback_url(self.central.base_url):
            return "mode.demo", QT_TR_NOOP("为 true 时中心系统必须是本机回环地址（演示环境）；"
                                           "生产网点请删除此项或设为 false")
        if self.devices.pin_pad == "demo" and not self.demo:  # nobody would key it: PINs time out
            return "devices.pin_pad", QT_TR_NOOP("\"demo\" 仅用于演示模式（mode.demo = true）；"
                                                 "无密码键盘的柜台请留空")
        return None


# ---------------------------------------------------------------------------
# What the declaration says, flattened: one Setting per key, in file order


@dataclass(frozen=True)
class Setting:
    path: str  # "central.base_url"
    hint: Any  # the field's type
    default: Any  # REQUIRED when the key must be given
    check: Rule | None
    parse: Callable[[Any], Any] | None
    doc_zh: str

    @property
    def raw_type(self) -> type | tuple[type, ...]:
        """What the TOML value must be."""
        return _RAW_TYPES.get(self.hint, str)


_RAW_TYPES: dict[Any, type | tuple[type, ...]] = {
    bool: bool, int: int, float: (int, float), str: str, Path: str, Path | None: str, tuple[str, ...]: list,
}
_TYPE_ZH = {str: QT_TR_NOOP("文本"), bool: "true/false", int: QT_TR_NOOP("整数"), list: QT_TR_NOOP("列表"),
            (int, float): QT_TR_NOOP("数字")}


def _key_fields(cls: type, section_name: str | None) -> Iterator[tuple[dataclasses.Field[Any], Any, Any]]:
    """(field, type, Setting or (section name, keys class)) for each declared field of ``cls``."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        md = f.metadata
        if "section" in md:
            yield f, hints[f.name], (md["toml"] or f.name, md["section"] or hints[f.name])
        elif "doc_zh" in md:
            path = md.get("toml") or f"{section_name}.{f.name}"
            check = md.get("check") or (POSITIVE if md.get("positive") else None)
            yield f, hints[f.name], Setting(path, hints[f.name], f.default, check, md.get("parse"), md["doc_zh"])


def settings() -> list[Setting]:
    """Every key of the profile, in the order of the documentation."""
    found: list[Setting] = []
    for _f, _hint, what in _key_fields(BranchProfile, None):
        if isinstance(what, Setting):
            found.append(what)
        else:
            found.extend(s for _g, _h, s in _key_fields(what[1], what[0]))
    order = list(dict.fromkeys(s.path.split(".")[0] for s in found))
    return sorted(found, key=lambda s: order.index(s.path.split(".")[0]))


# ---------------------------------------------------------------------------
# Loading


def state_root() -> Path:
    """Where run-time state lives: $COUNTER_APP_HOME, else XDG data home."""
    if env := os.environ.get("COUNTER_APP_HOME"):
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "counter-app"


def demo_profile_path() -> Path:
    return asset_path(DEMO_INSTANT_PROFILE)


def load_profile(path: Path, *, state_dir: Path | None = None) -> BranchProfile:
    """Read and validate a branch profile. Relative paths resolve against ``state_dir``."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ProfileError(QT_TR_NOOP("(文件)"), zh("找不到配置文件 {path}", path=path), "") from exc
    except IsADirectoryError as exc:
        raise ProfileError(QT_TR_NOOP("(文件)"), zh("{path} 是目录，不是配置文件", path=path), "") from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(QT_TR_NOOP("(编码)"), zh("不是 UTF-8 编码的文本（第 {start} 字节附近）",
                                                   start=exc.start), str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(QT_TR_NOOP("(语法)"), zh("不是有效的 TOML：{exc}", exc=exc), str(path)) from exc
    except OSError as exc:  # permission denied, a device, … (Windows says PermissionError for a directory)
        problem = zh("{path} 是目录，不是配置文件", path=path) if path.is_dir() else \
            zh("{path} 无法读取（{reason}）", path=path, reason=exc.strerror or type(exc).__name__)
        raise ProfileError(QT_TR_NOOP("(文件)"), problem, "") from exc
    return parse_profile(raw, source=path, state_dir=state_dir)


def parse_profile(
    raw: dict[str, Any], *, source: Path | None = None, state_dir: Path | None = None
) -> BranchProfile:
    reader = _Reader(raw, str(source or ""), state_dir or state_root())
    reader.refuse_unknown()
    profile = reader.build(BranchProfile, None, source=source)
    if problem := profile.cross_check():
        raise ProfileError(problem[0], problem[1], reader.src)
    return profile


_T = TypeVar("_T")


class _Reader:
    def __init__(self, raw: dict[str, Any], src: str, root: Path) -> None:
        self.raw, self.src, self.root = raw, src, root

    def refuse_unknown(self) -> None:
        known: dict[str, set[str]] = {}
        for s in settings():
            section_name, name = s.path.split(".")
            known.setdefault(section_name, set()).add(name)
        unknown_sections = set(self.raw) - set(known)
        if unknown_sections:
            raise ProfileError(sorted(unknown_sections)[0], QT_TR_NOOP("不是已知的配置段（可能拼写错误）"), self.src)
        for section_name, names in known.items():
            given = self.raw.get(section_name, {})
            if not isinstance(given, dict):
                raise ProfileError(section_name, QT_TR_NOOP("应为一个配置段 [section]"), self.src)
            unknown = set(given) - names
            if unknown:
                raise ProfileError(f"{section_name}.{sorted(unknown)[0]}",
                                   QT_TR_NOOP("不是已知的配置项（可能拼写错误）"), self.src)

    def build(self, cls: type[_T], section_name: str | None, **extra: Any) -> _T:
        kwargs: dict[str, Any] = dict(extra)
        for f, _hint, what in _key_fields(cls, section_name):
            if isinstance(what, Setting):
                kwargs[f.name] = self.value(what)
                continue
            name, keys = what
            obj = self.build(keys, name)
            if (cross := getattr(obj, "cross_check", None)) and (problem := cross()):
                raise ProfileError(problem[0], problem[1], self.src)
            build = f.metadata["build"]
            kwargs[f.name] = build(obj) if build else obj
        return cls(**kwargs)

    def value(self, s: Setting) -> Any:
        section_name, name = s.path.split(".")
        given = self.raw.get(section_name, {})
        if name in given:
            value = given[name]
            kind = s.raw_type
            # bool is an int in Python; refuse it where a number is expected
            if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
                raise ProfileError(s.path, zh("类型错误，应为{kind}", kind=_TYPE_ZH.get(kind, str(kind))),
                                   self.src)
            if s.check and (problem := s.check(value)):
                raise ProfileError(s.path, problem, self.src)
        elif s.default is REQUIRED:
            raise ProfileError(s.path, QT_TR_NOOP("缺失，必须配置"), self.src)
        else:
            value = s.default
        value = self.convert(s.hint, value)
        return s.parse(value) if s.parse else value

    def convert(self, hint: Any, value: Any) -> Any:
        if hint is float:
            return float(value)
        if hint == tuple[str, ...]:
            return tuple(value)
        if hint == Path or (hint == Path | None and value):
            path = Path(os.path.expanduser(str(value)))
            return path if path.is_absolute() else self.root / path
        if hint == Path | None:
            return None
        return value


# ---------------------------------------------------------------------------
# Documentation


def _toml_literal(value: Any) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path):
        return f'"{value.as_posix()}"'  # the same text on Windows
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_literal(v) for v in value) + "]"
    return str(value)


def _type_zh(s: Setting) -> str:
    if s.hint == Path or s.hint == Path | None:
        return "路径（文本）"  # i18n: data
    return _TYPE_ZH.get(s.raw_type, "文本")  # i18n: data


def profile_doc() -> str:
    """``docs/profile.md``, generated from the declaration."""
    lines = [  # i18n: data (docs/profile.md is Chinese)
        "# 网点配置文件（branch profile）",
        "",
        "<!-- 本文件由 `python -m counter_app.profile --doc > docs/profile.md` 生成，请勿手工修改。 -->",
        "",
        "每台柜面电脑一个 TOML 文件，说明本机所属网点和银行、是否即办、周末营业时间、中心系统地址、"
        "读卡器、打印机、摄像头、照片与离线限制以及本机数据库位置。"
        "首次配置请用 `counter-app setup`（见 docs/setup.md）；示例见源码的 `resources/profiles/demo-instant.toml`。"
        "启动时逐项校验，出错时提示配置项的完整名称（如 `central.base_url`）和问题。"
        "相对路径放在状态目录下（`$COUNTER_APP_HOME`，否则 `$XDG_DATA_HOME/counter-app`）。",
    ]
    current = ""
    for s in settings():
        section_name, name = s.path.split(".")
        if section_name != current:
            current = section_name
            lines += ["", f"## [{section_name}]", "",  # i18n: data
                      "| 配置项 | 类型 | 默认值 | 说明 |", "| --- | --- | --- | --- |"]
        default = "（必填）" if s.default is REQUIRED else f"`{_toml_literal(s.default)}`"  # i18n: data
        doc = (s.doc_zh + (f"。取值：{s.check.rule_zh}" if s.check else "")).replace("|", r"\|")  # i18n: data
        lines.append(f"| `{name}` | {_type_zh(s)} | {default} | {doc} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] != ["--doc"]:
        sys.exit("usage: python -m counter_app.profile --doc > docs/profile.md")
    sys.stdout.buffer.write(profile_doc().encode("utf-8"))  # UTF-8 and \n on Windows too
