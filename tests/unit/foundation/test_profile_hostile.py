"""Hostile and careless profile values: each is a Chinese error naming the key, `counter-app
--profile FILE` exits 1 without a traceback, and no other exception escapes the loader."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app import cli
from counter_app.domain.errors import ConfigurationError
from counter_app.profile import ProfileError, demo_profile_path, load_profile, parse_profile
from counter_app.profile import settings as profile_settings


def demo_raw() -> dict[str, Any]:
    return tomllib.loads(demo_profile_path().read_text(encoding="utf-8"))


def _with(section: str, name: str, value: Any) -> dict[str, Any]:
    raw = demo_raw()
    raw.setdefault(section, {})[name] = value
    return raw


@pytest.mark.parametrize(
    ("section", "name", "value"),
    [
        ("weekend_service", "open", "09:00+08:00"),
        ("weekend_service", "close", "1600"),
        ("central", "connect_timeout_s", math.inf),
        ("central", "connect_timeout_s", math.nan),
        ("central", "connect_timeout_s", -1.0),
        ("central", "read_timeout_s", 1e300),
        ("central", "base_url", "http://127.0.0.1:abc"),
        ("central", "base_url", "https://central.example:99999/"),
        ("security", "lockout_minutes", 2**63 - 1),
        ("security", "max_login_failures", 2**63 - 1),
        ("security", "idle_lock_minutes", 0),
        ("security", "idle_lock_minutes", 2**31),
        ("security", "key_file", ""),
        ("store", "database", " "),
        ("offline", "max_oldest_unsent_hours", math.inf),
    ],
)
def test_hostile_values_are_refused_naming_the_key(section: str, name: str, value: Any,
                                                   tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(_with(section, name, value), state_dir=tmp_path)
    assert info.value.key == f"{section}.{name}"
    assert f"{section}.{name}" in info.value.message_zh and "网点配置错误" in info.value.message_zh


@pytest.mark.parametrize("name", ["ca_file", "client_cert", "client_key"])
def test_missing_tls_files_are_refused_at_start(name: str, tmp_path: Path) -> None:
    raw = _with("central", "base_url", "https://central.example")
    for n in ("ca_file", "client_cert", "client_key"):
        (tmp_path / f"{n}.pem").write_text("x")
        raw["central"][n] = str(tmp_path / f"{n}.pem")
    assert parse_profile({**raw, "mode": {"demo": False}}, state_dir=tmp_path).central.ca_file
    (tmp_path / f"{name}.pem").unlink()
    with pytest.raises(ProfileError, match=f"central.{name}.*不存在") as info:
        parse_profile({**raw, "mode": {"demo": False}}, state_dir=tmp_path)
    assert info.value.key == f"central.{name}"


def test_demo_mode_needs_a_loopback_central(tmp_path: Path) -> None:
    raw = _with("central", "base_url", "https://central.example")
    raw["mode"] = {"demo": True}
    with pytest.raises(ProfileError, match="mode.demo") as info:
        parse_profile(raw, state_dir=tmp_path)
    assert info.value.key == "mode.demo"
    for url in ("http://127.0.0.1:8765", "http://localhost:9000", "http://[::1]:8765"):
        profile = parse_profile(_with("central", "base_url", url) | {"mode": {"demo": True}},
                                state_dir=tmp_path)
        assert profile.demo_accounts_allowed
    raw["mode"] = {"demo": False}
    assert not parse_profile(raw, state_dir=tmp_path).demo_accounts_allowed


def test_the_file_itself_invalid_utf8_or_a_directory(tmp_path: Path) -> None:
    bad = tmp_path / "p.toml"
    bad.write_bytes(demo_profile_path().read_bytes() + b"\n# \xff\xfe broken\n")
    with pytest.raises(ProfileError, match="UTF-8"):
        load_profile(bad, state_dir=tmp_path)
    with pytest.raises(ProfileError, match="目录"):
        load_profile(tmp_path, state_dir=tmp_path)


def _hostile_files(tmp_path: Path) -> list[Path]:
    demo_text = demo_profile_path().read_text(encoding="utf-8")
    files = {
        "utf8": demo_profile_path().read_bytes() + b"\n# \xff\n",
        "open": demo_text.replace('open = "09:00"', 'open = "09:00+08:00"').encode(),
        "inf": demo_text.replace("connect_timeout_s = 3", "connect_timeout_s = inf").encode(),
        "lockout": demo_text.replace("[security]", f"[security]\nlockout_minutes = {2**63 - 1}").encode(),
        "keyfile": demo_text.replace("[security]", '[security]\nkey_file = ""').encode(),
        "port": demo_text.replace("127.0.0.1:8765", "127.0.0.1:eighty").encode(),
        "ca": demo_text.replace('ca_file = ""', 'ca_file = "/nonexistent/ca.pem"').encode(),
    }
    paths = []
    for name, data in files.items():
        assert data != demo_profile_path().read_bytes()
        (tmp_path / f"{name}.toml").write_bytes(data)
        paths.append(tmp_path / f"{name}.toml")
    return [*paths, tmp_path]  # the last: a directory


def test_the_command_exits_1_with_the_key_and_no_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path / "home"))
    for path in _hostile_files(tmp_path):
        assert cli.main(["--profile", str(path)]) == 1, path
        err = capsys.readouterr().err
        assert "网点配置错误" in err and "Traceback" not in err, err


# -- fuzz: random TOML values for every declared key ------------------------------------------

_toml_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["", " ", "09:00", "24:00", "09:00+08:00", "http://127.0.0.1:x", "https://h:0",
                     "https://central.example", "ICBC", "sat", "\x00", "~", "~nobody/x", ".."]),
    st.datetimes(), st.dates(), st.times(),
)
_toml_values = st.recursive(
    _toml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_keys = [s.path for s in profile_settings()]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from(_keys), _toml_values, min_size=1, max_size=4))
def test_fuzz_only_profile_errors_escape(changes: dict[str, Any], tmp_path: Path) -> None:
    raw = demo_raw()
    for path, value in changes.items():
        section, name = path.split(".")
        raw.setdefault(section, {})[name] = value
    try:
        profile = parse_profile(raw, state_dir=tmp_path)
    except ProfileError as error:
        assert error.key and error.message_zh.startswith("网点配置错误")
        return
    # what passed is usable: times parse, numbers are finite and bounded
    assert profile.weekend.opens < profile.weekend.closes
    assert math.isfinite(profile.central.connect_timeout_s)
    assert 1 <= profile.security.idle_lock_minutes <= 120
    dt.timedelta(minutes=profile.security.lockout_minutes)  # no overflow


def test_loopback_is_one_notion_for_the_profile_and_the_client() -> None:
    """Demo accounts (profile) and plain HTTP (client) are allowed towards the same hosts."""
    from counter_app.central.client import HttpCentralClient
    from counter_app.domain.net import is_loopback_host
    from counter_app.profile import is_loopback_url

    for host, loopback in (("127.0.0.1", True), ("127.0.0.2", True), ("::1", True),
                           ("localhost", True), ("10.0.0.1", False), ("central.bank", False)):
        url = f"http://[{host}]:8765" if ":" in host else f"http://{host}:8765"
        assert is_loopback_host(host) is loopback and is_loopback_url(url) is loopback
        if loopback:
            HttpCentralClient(url).close()
        else:
            with pytest.raises(ConfigurationError):
                HttpCentralClient(url)


@pytest.mark.parametrize("command", [["sync", "status"], ["doctor"], ["doctor", "--json"]])
def test_a_missing_ca_file_is_named_by_sync_status_and_doctor(
        command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the case: `sync status` used to traceback on a missing CA file; branch IT's two
    # commands now name the key and exit 1
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path / "home"))
    ca = next(p for p in _hostile_files(tmp_path) if p.name == "ca.toml")
    assert cli.main(["--profile", str(ca), *command]) == 1
    out = capsys.readouterr()
    assert "central.ca_file" in out.err + out.out and "Traceback" not in out.err + out.out
