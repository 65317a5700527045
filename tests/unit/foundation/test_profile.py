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


def minimal_raw() -> dict:
    return {
        "branch": {"code": "ICBC-NB-0101", "name": "测试支行", "bank": "ICBC", "instant_issue": False},
        "central": {"base_url": "https://central.example/"},
    }


def test_defaults_come_from_the_one_declaration(tmp_path: Path) -> None:
    from counter_app.central.client import Timeouts
    from counter_app.central.sync import StalenessLimits as SyncLimits
    from counter_app.domain.offline import StalenessLimits
    from counter_app.domain.photo import KB, PhotoSpec

    profile = parse_profile(minimal_raw(), state_dir=tmp_path)
    assert SyncLimits is StalenessLimits  # one type, still importable from the sync module
    assert type(profile.offline) is StalenessLimits and profile.offline == StalenessLimits()
    assert profile.photo.spec == PhotoSpec() and profile.photo.camera == ""
    assert profile.photo.spec.file_size_max_bytes == 40 * KB
    assert profile.central.connect_timeout_s == Timeouts().connect
    assert profile.central.base_url == "https://central.example"
    assert profile.central.ca_file is None
    assert profile.database == tmp_path / "counter.db" and profile.demo is False
    assert profile.weekend.describe_zh() == "周六、周日 09:00–16:00"
    assert profile.counter_id == "01" and profile.kind_zh == "非即办网点"


def test_photo_section_yields_the_spec(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["photo"].update(width_px=390, min_kb=20, max_kb=60, camera="USB Camera")
    photo = parse_profile(raw, state_dir=tmp_path).photo
    assert photo.spec.width_px == 390 and photo.spec.height_px == 441
    assert (photo.spec.file_size_min_bytes, photo.spec.file_size_max_bytes) == (20 * 1024, 60 * 1024)
    assert photo.camera == "USB Camera"


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("max_unsent_count", 0, "必须大于0"),
        ("max_oldest_unsent_hours", "24", "类型错误，应为数字"),
        ("min_free_disk_mb", 1.5, "类型错误，应为整数"),
    ],
)
def test_offline_limits_are_checked(key: str, value: object, problem: str, tmp_path: Path) -> None:
    raw = demo_raw()
    raw["offline"][key] = value
    with pytest.raises(ProfileError) as info:
        parse_profile(raw, state_dir=tmp_path)
    assert info.value.key == f"offline.{key}"
    assert problem in info.value.message_zh


def test_offline_section_is_the_domain_type(tmp_path: Path) -> None:
    raw = demo_raw()
    raw["offline"] = {"max_oldest_unsent_hours": 12, "max_unsent_count": 30}
    offline = parse_profile(raw, state_dir=tmp_path).offline
    assert offline.max_oldest_unsent_hours == 12.0 and isinstance(offline.max_oldest_unsent_hours, float)
    assert offline.max_unsent_count == 30 and offline.min_free_disk_mb == 500


def test_every_key_is_documented_and_every_demo_key_is_declared() -> None:
    from counter_app.profile import settings

    declared = {s.path for s in settings()}
    assert len(declared) == len(settings())
    assert all(s.doc_zh for s in settings())
    for path in demo_profile_path().parent.glob("*.toml"):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        given = {f"{section}.{key}" for section, keys in raw.items() for key in keys}
        assert given <= declared, path.name


def test_docs_profile_md_is_current() -> None:
    from counter_app.profile import profile_doc

    doc = Path(__file__).parents[3] / "docs" / "profile.md"
    assert doc.read_text(encoding="utf-8") == profile_doc(), (
        "docs/profile.md is stale: run python -m counter_app.profile --doc > docs/profile.md")
    for line in ("| `base_url` | 文本 | （必填） |", "| `max_unsent_count` | 整数 | `200` |",
                 "| `key_file` | 路径（文本） | `\"keys/data.key\"` |"):
        assert line in doc.read_text(encoding="utf-8")
