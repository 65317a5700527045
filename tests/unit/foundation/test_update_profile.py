"""The [updates] section of the branch profile: off by default, checked at start."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from counter_app.profile import ProfileError, demo_profile_path, parse_profile


def _raw(**updates: object) -> dict:
    raw = tomllib.loads(demo_profile_path().read_text(encoding="utf-8"))
    raw["updates"] = dict(updates)
    return raw


def test_updates_are_off_unless_a_repository_is_named(tmp_path: Path) -> None:
    profile = parse_profile(_raw(), state_dir=tmp_path)
    u = profile.updates
    assert u.repository_url == "" and u.trusted_root is None and u.install_dir is None
    assert u.folder == tmp_path / "updates" and u.check_at_sign_out and u.grace_days == 7


def test_a_configured_repository(tmp_path: Path) -> None:
    root = tmp_path / "update-root.json"
    root.write_text("{}")
    u = parse_profile(_raw(repository_url="http://updates.branch.lan/counter/",
                           trusted_root=str(root), grace_days=0), state_dir=tmp_path).updates
    assert u.repository_url == "http://updates.branch.lan/counter" and u.trusted_root == root
    assert u.grace_days == 0


@pytest.mark.parametrize(("values", "key", "needle"), [
    ({"repository_url": "http://u.lan"}, "updates.trusted_root", "必须配置"),
    ({"repository_url": "http://u.lan", "trusted_root": "missing.json"}, "updates.trusted_root",
     "不存在"),
    ({"repository_url": "ftp://u.lan"}, "updates.repository_url", "http"),
    ({"grace_days": -1}, "updates.grace_days", "超出范围"),
    ({"grace_days": 366}, "updates.grace_days", "超出范围"),
    ({"check_at_sign_out": "yes"}, "updates.check_at_sign_out", "类型错误"),
])
def test_errors_name_the_update_key(values: dict, key: str, needle: str, tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(_raw(**values), state_dir=tmp_path)
    assert info.value.key == key and needle in info.value.message_zh
