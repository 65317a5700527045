"""The branch profile pinned exactly: each load error (missing file, a directory, not UTF-8 with
the byte position, bad TOML, unreadable) with its key, source and Chinese text; unknown sections
and keys, wrong types, missing keys; every cross-check at its edge with its key and text; where
the state lives; and what the import-time declarations (rules, keys, sections) produce.

Written against the survivors of ./scripts/mutation.sh on counter_app/profile.py.
"""

from __future__ import annotations

import dataclasses
import errno
import math
import os
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from counter_app import profile as p
from counter_app.profile import (
    POSITIVE,
    ProfileError,
    Setting,
    load_profile,
    parse_profile,
    settings,
    state_root,
)


def minimal_raw() -> dict[str, Any]:
    return {
        "branch": {"code": "ICBC-NB-0101", "name": "测试支行", "bank": "ICBC", "instant_issue": False},
        "central": {"base_url": "https://central.example/"},
    }


def refusal(raw: dict[str, Any], tmp_path: Path, source: Path | None = None) -> tuple[str, str]:
    with pytest.raises(ProfileError) as info:
        parse_profile(raw, source=source, state_dir=tmp_path)
    return info.value.key, info.value.message_zh


def msg(key: str, problem: str, source: str = "") -> str:
    where = f"（文件 {source}）" if source else ""
    return f"网点配置错误{where}：配置项 {key} {problem}"


# ---------------------------------------------------------------------------
# ProfileError


def test_profile_error_names_key_problem_and_source() -> None:
    with_source = ProfileError("central.base_url", "问题", "/etc/counter/p.toml")
    assert with_source.key == "central.base_url"
    assert with_source.code == "PROFILE_INVALID"
    assert with_source.message_zh == "网点配置错误（文件 /etc/counter/p.toml）：配置项 central.base_url 问题"
    assert str(with_source) == "[PROFILE_INVALID] " + with_source.message_zh
    bare = ProfileError("branch.code", "不对")
    assert bare.message_zh == "网点配置错误：配置项 branch.code 不对"


# ---------------------------------------------------------------------------
# load_profile: the file itself


def load_refusal(path: Path, tmp_path: Path) -> ProfileError:
    with pytest.raises(ProfileError) as info:
        load_profile(path, state_dir=tmp_path)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "none.toml"
    err = load_refusal(path, tmp_path)
    assert err.key == "(文件)"
    assert err.message_zh == f"网点配置错误：配置项 (文件) 找不到配置文件 {path}"
    assert isinstance(err.__cause__, FileNotFoundError)


def test_a_directory(tmp_path: Path) -> None:
    err = load_refusal(tmp_path, tmp_path)
    assert err.key == "(文件)"
    assert err.message_zh == f"网点配置错误：配置项 (文件) {tmp_path} 是目录，不是配置文件"
    assert isinstance(err.__cause__, OSError)


def test_not_utf8_names_the_byte_and_the_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(b'[branch]\nname = "' + "测试".encode("gbk") + b'"\n')
    err = load_refusal(path, tmp_path)
    assert err.key == "(编码)"
    assert err.message_zh == f"网点配置错误（文件 {path}）：配置项 (编码) 不是 UTF-8 编码的文本（第 17 字节附近）"
    assert isinstance(err.__cause__, UnicodeDecodeError)


def test_utf8_text_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[branch]\ncode = "ICBC-NB-0101"\nname = "测试支行"\nbank = "ICBC"\ninstant_issue = false\n'
                    '[central]\nbase_url = "https://central.example/"\n', encoding="utf-8")
    profile = load_profile(path, state_dir=tmp_path)
    assert profile.branch_name == "测试支行"
    assert profile.source == path
    assert profile.database == tmp_path / "counter.db"


def test_bad_toml_names_the_file_and_the_parser_error(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    text = "[branch\nname=1"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError) as parser:
        tomllib.loads(text)
    err = load_refusal(path, tmp_path)
    assert err.key == "(语法)"
    assert err.message_zh == f"网点配置错误（文件 {path}）：配置项 (语法) 不是有效的 TOML：{parser.value}"
    assert isinstance(err.__cause__, tomllib.TOMLDecodeError)


@pytest.mark.skipif(sys.platform == "win32", reason="a file used as a folder is ENOTDIR on POSIX")
def test_unreadable_names_the_reason(tmp_path: Path) -> None:
    plain = tmp_path / "plain.toml"
    plain.write_text("", encoding="utf-8")
    path = plain / "p.toml"
    err = load_refusal(path, tmp_path)
    assert err.key == "(文件)"
    assert err.message_zh == f"网点配置错误：配置项 (文件) {path} 无法读取（{os.strerror(errno.ENOTDIR)}）"
    assert isinstance(err.__cause__, NotADirectoryError)


def test_unreadable_without_a_reason_names_the_error_type(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.toml"
    path.write_text("", encoding="utf-8")

    def blocked(self: Path, *args: Any, **kwargs: Any) -> str:
        raise BlockingIOError()

    monkeypatch.setattr(Path, "read_text", blocked)
    err = load_refusal(path, tmp_path)
    assert err.key == "(文件)"
    assert err.message_zh == f"网点配置错误：配置项 (文件) {path} 无法读取（BlockingIOError）"


def test_a_directory_refused_as_permission_is_still_a_directory(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows reports PermissionError (not IsADirectoryError) when a directory is opened
    def denied(self: Path, *args: Any, **kwargs: Any) -> str:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "read_text", denied)
    err = load_refusal(tmp_path, tmp_path)
    assert err.key == "(文件)"
    assert err.message_zh == f"网点配置错误：配置项 (文件) {tmp_path} 是目录，不是配置文件"
    file = tmp_path / "p.toml"
    file.write_text("", encoding="utf-8")
    err = load_refusal(file, tmp_path)
    assert err.message_zh == f"网点配置错误：配置项 (文件) {file} 无法读取（Permission denied）"


# ---------------------------------------------------------------------------
# state_root and parse_profile


def test_state_root_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert state_root() == tmp_path / "home"
    monkeypatch.setenv("COUNTER_APP_HOME", "")
    assert state_root() == tmp_path / "xdg" / "counter-app"
    monkeypatch.delenv("COUNTER_APP_HOME")
    assert state_root() == tmp_path / "xdg" / "counter-app"
    monkeypatch.setenv("XDG_DATA_HOME", "")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "user"))
    assert state_root() == tmp_path / "user" / ".local" / "share" / "counter-app"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert state_root() == tmp_path / "user" / ".local" / "share" / "counter-app"


def test_parse_profile_without_state_dir_uses_the_state_root(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path / "home"))
    profile = parse_profile(minimal_raw())
    assert profile.database == tmp_path / "home" / "counter.db"
    assert profile.security.key_file == tmp_path / "home" / "keys" / "data.key"
    assert profile.source is None


def test_absolute_paths_stay_and_home_expands(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["store"] = {"database": str(tmp_path / "elsewhere" / "c.db")}
    raw["security"] = {"key_file": "~/k.key"}
    profile = parse_profile(raw, state_dir=tmp_path / "state")
    assert profile.database == tmp_path / "elsewhere" / "c.db"
    assert profile.security.key_file == Path(os.path.expanduser("~/k.key"))


def test_refusals_carry_the_source(tmp_path: Path) -> None:
    source = tmp_path / "p.toml"
    raw = minimal_raw()
    raw["branch"]["colour"] = "red"
    assert refusal(raw, tmp_path, source) == ("branch.colour", msg("branch.colour", "不是已知的配置项（可能拼写错误）",
                                                                   str(source)))
    raw = minimal_raw()
    raw["weekday_service"] = {"open": "18:00"}  # a section's cross-check
    assert refusal(raw, tmp_path, source) == ("weekday_service.open", msg(
        "weekday_service.open", "必须早于 weekday_service.close", str(source)))
    raw = minimal_raw()
    raw["mode"] = {"demo": True}  # the profile's own cross-check
    assert refusal(raw, tmp_path, source)[1] == msg(
        "mode.demo", "为 true 时中心系统必须是本机回环地址（演示环境）；生产网点请删除此项或设为 false", str(source))
    del raw["branch"]["name"]
    assert refusal(raw, tmp_path, source) == ("branch.name", msg("branch.name", "缺失，必须配置", str(source)))
    raw = minimal_raw()
    raw["branch"]["counter_id"] = 3
    assert refusal(raw, tmp_path, source) == ("branch.counter_id", msg("branch.counter_id", "类型错误，应为文本",
                                                                       str(source)))
    raw["branch"]["counter_id"] = "0-1"
    assert refusal(raw, tmp_path, source) == ("branch.counter_id", msg(
        "branch.counter_id", "格式不正确，应为1–8位字母或数字", str(source)))
    # without a source the message says no file
    assert refusal(raw, tmp_path) == ("branch.counter_id", msg("branch.counter_id", "格式不正确，应为1–8位字母或数字"))


# ---------------------------------------------------------------------------
# _Reader: unknown sections and keys, types


def test_unknown_sections_and_keys_first_in_order(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["zeta"] = {}
    raw["alpha"] = {}
    assert refusal(raw, tmp_path) == ("alpha", msg("alpha", "不是已知的配置段（可能拼写错误）"))
    source = tmp_path / "p.toml"
    assert refusal(raw, tmp_path, source)[1] == msg("alpha", "不是已知的配置段（可能拼写错误）", str(source))
    raw = minimal_raw()
    raw["central"]["zz"] = 1
    raw["central"]["aa"] = 1
    assert refusal(raw, tmp_path) == ("central.aa", msg("central.aa", "不是已知的配置项（可能拼写错误）"))
    raw = minimal_raw()
    raw["ui"] = "en"
    assert refusal(raw, tmp_path) == ("ui", msg("ui", "应为一个配置段 [section]"))
    assert refusal(raw, tmp_path, source)[1] == msg("ui", "应为一个配置段 [section]", str(source))
    raw = minimal_raw()
    raw["ui"] = {"language": "en"}  # a section not in the minimal file, but known
    raw["mode"] = {"demo": False}
    raw["store"] = {"database": "x.db"}
    assert parse_profile(raw, state_dir=tmp_path).language == "en"


@pytest.mark.parametrize(
    ("section", "name", "value", "kind"),
    [
        ("branch", "name", 1, "文本"),
        ("branch", "instant_issue", 1, "true/false"),
        ("security", "max_login_failures", 2.5, "整数"),
        ("security", "max_login_failures", True, "整数"),
        ("weekend_service", "days", "sat", "列表"),
        ("central", "read_timeout_s", "10", "数字"),
        ("central", "read_timeout_s", False, "数字"),
        ("store", "database", 1, "文本"),
    ],
)
def test_wrong_types(section: str, name: str, value: object, kind: str, tmp_path: Path) -> None:
    raw = minimal_raw()
    raw.setdefault(section, {})[name] = value
    path = f"{section}.{name}"
    assert refusal(raw, tmp_path) == (path, msg(path, f"类型错误，应为{kind}"))


def test_numbers_accept_ints_for_floats(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["central"]["read_timeout_s"] = 600
    profile = parse_profile(raw, state_dir=tmp_path)
    assert profile.central.read_timeout_s == 600.0 and type(profile.central.read_timeout_s) is float
    raw["central"]["read_timeout_s"] = 600.5
    assert refusal(raw, tmp_path) == ("central.read_timeout_s", msg(
        "central.read_timeout_s", "超出范围，必须大于0且不大于600"))


def test_photo_and_fee_sections_are_built_from_every_key(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["photo"] = {"width_px": 300, "height_px": 400, "dpi": 250, "min_kb": 10, "max_kb": 50, "camera": "c"}
    raw["fees"] = {"replacement": "1.00", "expired_exchange": "2.00", "application": "3.00",
                   "first_card_free": False, "use_central": False, "methods": ["transfer"]}
    profile = parse_profile(raw, state_dir=tmp_path)
    spec = profile.photo.spec
    assert (spec.width_px, spec.height_px, spec.dpi) == (300, 400, 250)
    assert (spec.file_size_min_bytes, spec.file_size_max_bytes) == (10 * 1024, 50 * 1024)
    assert profile.photo.camera == "c"
    fees = profile.fees
    assert (fees.replacement_fen, fees.expired_exchange_fen, fees.application_fen) == (100, 200, 300)
    assert fees.first_card_free is False and fees.use_central is False
    assert [m.value for m in fees.methods] == ["transfer"]


# ---------------------------------------------------------------------------
# Cross-checks at their edges


def test_opening_times_must_be_in_order(tmp_path: Path) -> None:
    for section_name in ("weekday_service", "weekend_service"):
        raw = minimal_raw()
        raw[section_name] = {"open": "10:00", "close": "10:00"}
        key = f"{section_name}.open"
        assert refusal(raw, tmp_path) == (key, msg(key, f"必须早于 {section_name}.close"))
        raw[section_name] = {"open": "10:01", "close": "10:00"}
        assert refusal(raw, tmp_path)[0] == key
        raw[section_name] = {"open": "09:59", "close": "10:00"}
        assert parse_profile(raw, state_dir=tmp_path) is not None


def test_weekday_and_weekend_hours_are_read(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["weekday_service"] = {"days": ["mon"], "open": "08:30", "close": "12:00"}
    raw["weekend_service"] = {"days": ["sun"], "open": "10:00", "close": "11:00"}
    profile = parse_profile(raw, state_dir=tmp_path)
    assert profile.weekdays.days == ("mon",)
    assert (str(profile.weekdays.opens), str(profile.weekdays.closes)) == ("08:30:00", "12:00:00")
    assert profile.weekend.days == ("sun",)
    assert (str(profile.weekend.opens), str(profile.weekend.closes)) == ("10:00:00", "11:00:00")


def test_photo_min_may_equal_max(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["photo"] = {"min_kb": 40, "max_kb": 40}
    assert parse_profile(raw, state_dir=tmp_path).photo.spec.file_size_min_bytes == 40 * 1024
    raw["photo"] = {"min_kb": 41, "max_kb": 40}
    assert refusal(raw, tmp_path) == ("photo.min_kb", msg("photo.min_kb", "不能大于 photo.max_kb"))


def test_central_tls_files(tmp_path: Path) -> None:
    existing = tmp_path / "a.pem"
    existing.write_text("x", encoding="utf-8")
    for given in ("client_cert", "client_key"):
        raw = minimal_raw()
        raw["central"][given] = str(existing)
        assert refusal(raw, tmp_path) == ("central.client_key", msg("central.client_key",
                                                                    "必须与 central.client_cert 同时配置"))
    for name in ("ca_file", "client_cert", "client_key"):
        raw = minimal_raw()
        raw["central"].update(ca_file=str(existing), client_cert=str(existing), client_key=str(existing))
        raw["central"][name] = str(tmp_path / "gone.pem")
        key = f"central.{name}"
        assert refusal(raw, tmp_path) == (key, msg(key, f"指向的文件不存在或不是文件：{tmp_path / 'gone.pem'}"))
        raw["central"][name] = str(tmp_path)  # a directory is not a file
        assert refusal(raw, tmp_path) == (key, msg(key, f"指向的文件不存在或不是文件：{tmp_path}"))
    raw = minimal_raw()
    raw["central"].update(ca_file=str(existing), client_cert=str(existing), client_key=str(existing))
    central = parse_profile(raw, state_dir=tmp_path).central
    assert (central.ca_file, central.client_cert, central.client_key) == (existing, existing, existing)


def test_update_trust_root(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["updates"] = {"repository_url": "http://updates.example/"}
    assert refusal(raw, tmp_path) == ("updates.trusted_root", msg(
        "updates.trusted_root", "配置了 updates.repository_url 时必须配置"))
    raw["updates"]["trusted_root"] = "root.json"
    assert refusal(raw, tmp_path) == ("updates.trusted_root", msg(
        "updates.trusted_root", f"指向的文件不存在或不是文件：{tmp_path / 'root.json'}"))
    (tmp_path / "root.json").write_text("{}", encoding="utf-8")
    updates = parse_profile(raw, state_dir=tmp_path).updates
    assert updates.repository_url == "http://updates.example"
    assert updates.trusted_root == tmp_path / "root.json"
    raw["updates"] = {"trusted_root": "other.json"}  # a root without a repository is still checked
    assert refusal(raw, tmp_path)[0] == "updates.trusted_root"


def test_days_overlap_and_demo(tmp_path: Path) -> None:
    raw = minimal_raw()
    raw["weekday_service"] = {"days": ["sat", "mon", "fri"]}
    raw["weekend_service"] = {"days": ["sun", "sat", "fri"]}
    assert refusal(raw, tmp_path) == ("weekend_service.days", msg(
        "weekend_service.days", "与 weekday_service.days 重复：['fri', 'sat']（每天只能有一种营业时间）"))
    raw = minimal_raw()
    raw["mode"] = {"demo": True}
    assert refusal(raw, tmp_path) == ("mode.demo", msg(
        "mode.demo", "为 true 时中心系统必须是本机回环地址（演示环境）；生产网点请删除此项或设为 false"))
    raw["central"]["base_url"] = "http://127.0.0.1:8765"
    profile = parse_profile(raw, state_dir=tmp_path)
    assert profile.demo is True and profile.demo_accounts_allowed is True


# ---------------------------------------------------------------------------
# The checks called directly


def test_url_check() -> None:
    bad = "应为 http:// 或 https:// 开头的地址，例如 \"https://central.example:8443\""
    port = "端口号无效，应为 1–65535 的数字"
    assert p._url("https://central.example:1") is None
    assert p._url("http://central.example:65535/x") is None
    assert p._url("https://central.example:0") == port
    assert p._url("https://central.example:65536") == port
    assert p._url("https://central.example:x") == port
    assert p._url("ftp://central.example") == bad
    assert p._url("https://central.example/a b") == bad
    assert p._url("https://central.example/a\x01b") == bad
    assert p._url("https://:80") == bad
    assert p._optional_url("") is None
    assert p._optional_url("x") == bad


def test_loopback_url() -> None:
    assert p.is_loopback_url("http://127.0.0.1:8765") is True
    assert p.is_loopback_url("http://[::1]:80") is True
    assert p.is_loopback_url("http://[::1") is False  # urlsplit raises
    assert p.is_loopback_url("central.example") is False
    assert p.is_loopback_url("") is False


def test_time_days_methods_and_path_checks() -> None:
    time_problem = "应为 HH:MM 格式的时间，例如 \"09:00\"（不带时区）"
    assert p._time("23:59") is None
    assert p._time("24:00") == time_problem
    assert p._time("0900") == time_problem
    assert p._days(["mon", "sun"]) is None
    assert p._days([]) is None
    assert p._days(["mon", "holiday", "x"]) == \
        "包含无效的星期：['holiday', 'x']，应为 mon, tue, wed, thu, fri, sat, sun"
    assert p._methods(["cash"]) is None
    assert p._methods([]) == "不能为空，至少保留一种收费方式"
    assert p._methods(["cash", "card", "cheque"]) == "包含无效的收费方式：['card', 'cheque']，应为 cash, transfer"
    assert p._path_text("a") is None
    assert p._path_text("  ") == "不能为空"
    assert p._path_text("a\x00b") == "包含无效字符"
    assert p._optional_path_text("") is None
    assert p._optional_path_text("a") is None
    assert p._optional_path_text("a\x00") == "包含无效字符"


# ---------------------------------------------------------------------------
# The import-time declarations: what they produce (their mutants are switched on only after the
# module was imported, so this pins the result rather than killing them)


def by_path() -> dict[str, Setting]:
    return {s.path: s for s in settings()}


def test_declared_rules_texts_and_edges() -> None:
    assert POSITIVE.rule_zh == "大于0且不大于1000000"
    assert POSITIVE(0) == "超出范围，必须大于0且不大于1000000"
    assert POSITIVE(1) is None
    assert POSITIVE(1_000_000) is None
    assert POSITIVE(1_000_000.5) == "超出范围，必须大于0且不大于1000000"
    assert POSITIVE(math.nan) == "必须是有限的数字（大于0且不大于1000000）"
    assert POSITIVE(math.inf) == "必须是有限的数字（大于0且不大于1000000）"
    s = by_path()
    closed = s["central.audit_head_minutes"].check
    assert closed is not None and closed.rule_zh == "不小于1且不大于1440"
    assert closed(1) is None and closed(1440) is None
    assert closed(0) == closed(1441) == "超出范围，必须不小于1且不大于1440"
    grace = s["updates.grace_days"].check
    assert grace is not None and grace(0) is None and grace(-1) == "超出范围，必须不小于0且不大于365"
    store = s["security.key_store"].check
    assert store is not None and store.rule_zh == "以下之一：auto, keyring, file"
    assert store("file") is None and store("files") == "取值无效，应为以下之一：auto, keyring, file"
    code = s["branch.code"].check
    assert code is not None and code.rule_zh == "4–32位大写字母、数字或连字符"
    assert code("A-01") is None and code("A" * 32) is None
    assert code("A-1") == code("A" * 33) == code("abcd") == "格式不正确，应为4–32位大写字母、数字或连字符"
    city = s["branch.city_code"].check
    assert city is not None and city("330200") is None and city("3302001") == "格式不正确，应为6位行政区划代码"
    assert p.DAYS.rule_zh == "星期代码：mon, tue, wed, thu, fri, sat, sun"
    assert p.METHODS.rule_zh == "收费方式：cash, transfer"
    assert p.TIME.rule_zh == "HH:MM 格式的时间"
    # the factories called now (a mutant of them is live here)
    half = p._between(0.5, 2, low_open=True)
    assert half.rule_zh == "大于0.5且不大于2"
    assert half(0.5) == "超出范围，必须大于0.5且不大于2" and half(2) is None and half(0.6) is None
    assert half(2.1) == "超出范围，必须大于0.5且不大于2"
    assert half(-math.inf) == "必须是有限的数字（大于0.5且不大于2）"
    assert p._between(1.0, 2.0).rule_zh == "不小于1且不大于2"  # whole floats read as integers
    shut = p._between(1, 3)
    assert shut.rule_zh == "不小于1且不大于3" and shut(1) is None and shut(3) is None
    assert shut(0.9) == shut(3.1) == "超出范围，必须不小于1且不大于3"
    one = p._one_of(("a", "b"))
    assert one.rule_zh == "以下之一：a, b" and one("b") is None and one("c") == "取值无效，应为以下之一：a, b"
    pat = p._pattern(r"\d{2}", "两位数字")
    assert pat.rule_zh == "两位数字" and pat("12") is None and pat("123") == "格式不正确，应为两位数字"


def test_key_and_section_declare_their_metadata() -> None:
    def parse(v: Any) -> Any:
        return v

    f = p.key(3, doc="说明", check=POSITIVE, toml="a.b", parse=parse)
    assert f.default == 3
    assert dict(f.metadata) == {"doc_zh": "说明", "check": POSITIVE, "toml": "a.b", "parse": parse}
    required = p.key(doc="必填")
    assert required.default is dataclasses.MISSING
    assert dict(required.metadata) == {"doc_zh": "必填", "check": None, "toml": None, "parse": None}
    g = p.section(dict, toml="x", build=parse)
    assert dict(g.metadata) == {"section": dict, "toml": "x", "build": parse}
    assert dict(p.section().metadata) == {"section": None, "toml": None, "build": None}
    s = by_path()
    assert s["branch.bank"].default is p.REQUIRED and s["branch.city_code"].default == "330200"
    assert s["ui.language"].doc_zh == "界面语言：zh_CN（简体中文，默认）或 en（English）；重新启动后生效"
    assert list(dict.fromkeys(x.split(".")[0] for x in s)) == [
        "branch", "weekday_service", "weekend_service", "central", "readers", "printers", "devices", "photo", "offline",
        "security", "updates", "fees", "ui", "store", "mode"]


def test_doc_types_and_escapes() -> None:
    s = by_path()
    assert p._type_zh(s["store.database"]) == "路径（文本）"
    assert p._type_zh(s["central.ca_file"]) == "路径（文本）"
    assert p._type_zh(s["branch.instant_issue"]) == "true/false"
    odd = dataclasses.replace(s["branch.name"], hint=dict)
    assert p._type_zh(odd) == "文本"
    doc = p.profile_doc()
    assert doc.count("\n## [branch]\n") == 1
    assert "| `code` | 文本 | （必填） | 网点代码。取值：4–32位大写字母、数字或连字符 |" in doc
