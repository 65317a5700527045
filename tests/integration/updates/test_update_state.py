"""What `counter-app doctor` and the support bundle say about updates: a real repository over
loopback HTTP, a real store holding the central's branch configuration, the updater's files as
the sign-out check and the start-up install leave them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from counter_app.bootstrap import open_profile_store
from counter_app.central.sync import STATE_BRANCH_CONFIG
from counter_app.doctor import FAIL, OK, WARN, check_updates, run_checks
from counter_app.profile import BranchProfile
from counter_app.support import write_bundle
from counter_app.updates import FolderSwap, UpdatePaths, apply_pending, check_and_stage
from counter_app.workflows.version_gate import MIN_VERSION_SEEN_STATE
from tests.fixtures.app import make_profile
from tests.integration.updates.conftest import FAILING, Served, make_bundle

NOW = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)


def _profile(tmp_path: Path, served: Served | None = None) -> BranchProfile:
    profile = make_profile(tmp_path / "counter", key_store="file")
    if served is not None:
        profile = dataclasses.replace(profile, updates=dataclasses.replace(
            profile.updates, repository_url=served.url, trusted_root=served.trusted_root))
    open_profile_store(profile, exclusive=True).close()
    return profile


def _central_says(profile: BranchProfile, min_version: str, seen_at: dt.datetime | None) -> None:
    with sqlite3.connect(profile.database) as conn:
        conn.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)",
                     (STATE_BRANCH_CONFIG, json.dumps({"min_version": min_version})))
        if seen_at is not None:
            conn.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)",
                         (MIN_VERSION_SEEN_STATE,
                          json.dumps({"version": min_version, "at": seen_at.isoformat()})))


def test_no_repository_and_no_minimum_is_ok(tmp_path: Path) -> None:
    check = check_updates(_profile(tmp_path), NOW)

    assert check.status == OK
    assert "未配置更新仓库" in check.detail_zh
    assert isinstance(check.value, dict) and check.value["repository_configured"] is False
    assert check.value["installed_version"] and check.value["pending"] is None


def test_a_staged_update_warns_and_a_rolled_back_one_is_reported(
        served: Served, tmp_path: Path) -> None:
    profile = _profile(tmp_path, served)
    served.add(make_bundle(tmp_path / "b", "99.0.0", FAILING), "99.0.0")
    paths = UpdatePaths(profile.updates.folder)
    before = check_updates(profile, NOW).value
    assert isinstance(before, dict) and before["last_check"] is None

    check_and_stage(paths, repository_url=served.url, trusted_root=served.trusted_root,
                    current_version="0.1.0")
    staged = check_updates(profile, NOW)

    assert staged.status == WARN and "99.0.0 已下载校验，等待下次启动时安装" in staged.detail_zh
    value = staged.value
    assert isinstance(value, dict)
    assert value["last_check"]["result"] == "staged" and value["pending"]["version"] == "99.0.0"

    install = tmp_path / "opt" / "counter-app"
    install.mkdir(parents=True)
    outcome = apply_pending(paths, database=profile.database, current_version="0.1.0",
                            program=FolderSwap(install))
    assert outcome is not None and outcome.state == "rolled_back"
    after = check_updates(profile, NOW)

    assert after.status == OK and "上次安装：99.0.0 已回滚" in after.detail_zh
    assert isinstance(after.value, dict)
    assert after.value["pending"] is None and after.value["failed_versions"] == ["99.0.0"]
    assert after.value["last_install"]["state"] == "rolled_back"


def test_the_central_minimum_warns_in_the_grace_and_fails_after_it(tmp_path: Path) -> None:
    profile = _profile(tmp_path)  # grace_days 7 (the default)

    _central_says(profile, "99.0", NOW - dt.timedelta(days=2))
    grace = check_updates(profile, NOW)
    assert grace.status == WARN and "5 天内" in grace.detail_zh
    assert isinstance(grace.value, dict) and grace.value["min_version_state"] == "grace"

    _central_says(profile, "99.0", NOW - dt.timedelta(days=7))
    blocked = check_updates(profile, NOW)
    assert blocked.status == FAIL and "宽限期已过" in blocked.detail_zh
    # and in the whole doctor run, at the real clock
    _central_says(profile, "99.0", dt.datetime.now(dt.UTC) - dt.timedelta(days=8))
    assert [c.status for c in run_checks(profile) if c.key == "updates"] == [FAIL]

    # a minimum the program has not met yet (no record of it): the grace starts now
    _central_says(profile, "98.0", None)
    assert check_updates(profile, NOW).status == WARN

    _central_says(profile, "0.0.1", NOW - dt.timedelta(days=30))
    met = check_updates(profile, NOW)
    assert met.status == OK and "中心最低版本 0.0.1：满足" in met.detail_zh


def test_the_support_bundle_holds_the_update_state_and_no_key(
        served: Served, tmp_path: Path) -> None:
    profile = _profile(tmp_path, served)
    served.add(make_bundle(tmp_path / "b", "0.2.0"), "0.2.0")
    check_and_stage(UpdatePaths(profile.updates.folder), repository_url=served.url,
                    trusted_root=served.trusted_root, current_version="0.1.0")
    bundle = tmp_path / "support.zip"
    assert profile.source is not None

    names = write_bundle(bundle, profile_path=profile.source, profile=profile,
                         state_root=tmp_path / "counter")

    assert "updates.json" in names
    with zipfile.ZipFile(bundle) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
        state = json.loads(z.read("updates.json"))
    assert state["pending"]["version"] == "0.2.0" and state["last_check"]["result"] == "staged"
    assert state["metadata"]["targets"]["version"] >= 1 and state["metadata"]["root"]["version"] == 1
    assert state["repository_url"] == served.url
    # neither the vendor's private keys nor the public keys in root.json
    key_files = list((served.work / "keys").iterdir())
    assert key_files
    for key_file in key_files:
        keyval = json.loads(key_file.read_text())["keyval"]
        for part in keyval.values():
            assert part.encode() not in everything
    root = json.loads(served.trusted_root.read_text())
    for key in root["signed"]["keys"].values():
        assert key["keyval"]["public"].encode() not in everything
    assert b"keyval" not in everything and b'"sig"' not in everything


def test_a_refused_system_install_and_an_account_outside_the_group_warn(
        served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from counter_app import update_handoff

    profile = _profile(tmp_path, served)  # no install_dir, not frozen: the system's folder
    outcome = tmp_path / "var-lib" / "update-outcome.json"
    outcome.parent.mkdir()
    outcome.write_text(json.dumps({"id": "1", "state": "refused", "version": "0.2.0",
                                   "reason": "LengthOrHashMismatchError"}))
    monkeypatch.setattr(update_handoff, "DEFAULT_OUTCOME", outcome)
    monkeypatch.setattr(update_handoff, "DEFAULT_SPOOL", tmp_path / "var-lib" / "update-spool")

    check = check_updates(profile, NOW)

    assert check.status == WARN
    assert "系统安装服务未能安装新版本：LengthOrHashMismatchError" in check.detail_zh
    assert "加入 counter-app 组" in check.detail_zh  # the spool is not there for this account

    (tmp_path / "var-lib" / "update-spool").mkdir()
    outcome.write_text(json.dumps({"id": "2", "state": "applied", "version": "0.2.0"}))
    settled = check_updates(profile, NOW)
    assert settled.status == OK and "系统安装服务：0.2.0 applied" in settled.detail_zh
