import tomllib
from pathlib import Path

import pytest

from counter_app.profile import ProfileError, demo_profile_path, load_profile, parse_profile


def demo_raw() -> dict:
    return tomllib.loads(demo_profile_path().read_text(encoding="utf-8"))


def test_both_demo_profiles_load(tmp_path: Path) -> None:
    instant = load_profile(demo_profile_path(), state_dir=tmp_path)
    central = load_profile(demo_profile_path().with_name("demo-central.toml"), state_dir=tmp_path)
    assert instant.instant_issue and not central.instant_issue
    assert instant.bank.code == "ICBC" and central.bank.code == "CCB"
    assert instant.database == tmp_path / "counter.db"
    assert instant.security.key_file == tmp_path / "keys" / "data.key"
    assert instant.weekend.days == ("sat", "sun")


@pytest.mark.parametrize(
    ("section", "key", "value", "needle"),
    [
        ("branch", "bank", "HSBC", "branch.bank"),
        ("branch", "instant_issue", "yes", "branch.instant_issue"),
        ("branch", "city_code", "3302", "branch.city_code"),
        ("central", "base_url", "ftp://x", "central.base_url"),
        ("central", "read_timeout_s", -1, "central.read_timeout_s"),
        ("weekend_service", "days", ["sat", "holiday"], "weekend_service.days"),
        ("weekend_service", "open", "9 o'clock", "weekend_service.open"),
        ("photo", "max_kb", True, "photo.max_kb"),
        ("branch", "colour", "red", "branch.colour"),
    ],
)
def test_errors_name_the_key(section: str, key: str, value: object, needle: str, tmp_path: Path) -> None:
    raw = demo_raw()
    raw[section][key] = value
    with pytest.raises(ProfileError) as info:
        parse_profile(raw, state_dir=tmp_path)
    assert needle in info.value.message_zh
    assert info.value.key == needle


def test_missing_required_key(tmp_path: Path) -> None:
    raw = demo_raw()
    del raw["branch"]["name"]
    with pytest.raises(ProfileError, match="branch.name"):
        parse_profile(raw, state_dir=tmp_path)


def test_cross_field_rules(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["photo"]["min_kb"] = 50
    with pytest.raises(ProfileError, match="photo.min_kb"):
        parse_profile(raw, state_dir=tmp_path)
    raw = demo_raw()
    raw["central"]["client_cert"] = "branch.crt"
    with pytest.raises(ProfileError, match="central.client_key"):
        parse_profile(raw, state_dir=tmp_path)


def test_syntax_error_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "p.toml"
    bad.write_text("[branch\nname=1", encoding="utf-8")
    with pytest.raises(ProfileError, match="TOML"):
        load_profile(bad)
    with pytest.raises(ProfileError, match="找不到"):
        load_profile(tmp_path / "none.toml")
