"""The counter's own start and sign-out paths: bootstrap checks at sign-out (Services),
installs at the next start (build_services) and records the outcome in the audit log."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.bootstrap import build_services
from counter_app.central.sync import AUDIT_BREAK_STATE
from counter_app.profile import UpdateSettings
from counter_app.store.database import head_revision
from counter_app.store.models import AuditEntry
from counter_app.store.upgrade import schema_revision
from counter_app.updates import UpdateInstalled, current_version
from tests.fixtures.app import make_profile
from tests.integration.updates.conftest import FAILING, WORKING, Served, make_bundle

NEW = "99.0.0"  # above whatever the installed version is


def _profile(tmp_path: Path, served: Served):
    install = tmp_path / "program" / "counter-app"
    install.mkdir(parents=True)
    (install / "counter-app").write_text("the running program\n")
    profile = make_profile(tmp_path / "counter")
    updates = UpdateSettings(repository_url=served.url, trusted_root=served.trusted_root,
                             folder=tmp_path / "counter" / "updates", install_dir=install,
                             check_at_sign_out=True, grace_days=7)
    return dataclasses.replace(profile, updates=updates), install


def _stage(profile) -> None:
    services = build_services(profile)
    try:
        result = services.check_for_update()
        assert result is not None and (result.state, result.version) == ("staged", NEW)
    finally:
        services.store.close()


def test_a_failed_migration_at_start_keeps_the_old_version_and_is_audited(
        served: Served, tmp_path: Path) -> None:
    served.add(make_bundle(tmp_path / "bundle", NEW, FAILING), NEW)
    profile, install = _profile(tmp_path, served)
    _stage(profile)

    services = build_services(profile)  # the next start
    try:
        assert services.update_notice is not None and "数据库升级失败" in services.update_notice
        assert current_version() in services.update_notice
        assert (install / "counter-app").read_text() == "the running program\n"
        assert services.store.schema_revision() == head_revision()
        with services.store.read() as s:
            entry = s.scalars(select(AuditEntry).where(
                AuditEntry.action == "update.rolled_back")).one()
            actor, detail = entry.actor, dict(entry.detail)
        assert actor == "system" and detail["version"] == NEW
        assert detail["from_version"] == current_version() and detail["reason"] == "RuntimeError"
        assert (profile.database.parent / detail["backup"]).is_file()
        # the restored log still verifies from its checkpoint: no tamper alarm at this start
        assert services.sync.repo.get_state(AUDIT_BREAK_STATE) is None
    finally:
        services.store.close()
    # recorded once: a later start adds no second entry and says nothing
    again = build_services(profile)
    try:
        assert again.update_notice is None
        with again.store.read() as s:
            assert len(s.scalars(select(AuditEntry).where(
                AuditEntry.action.like("update.%"))).all()) == 1
    finally:
        again.store.close()


def test_an_installed_update_stops_the_previous_program_from_opening_the_store(
        served: Served, tmp_path: Path) -> None:
    served.add(make_bundle(tmp_path / "bundle", NEW, WORKING), NEW)
    profile, install = _profile(tmp_path, served)
    _stage(profile)

    with pytest.raises(UpdateInstalled, match="重新启动"):
        build_services(profile)

    assert (install / "counter-app").read_text() == f"stand-in program {NEW}\n"
    assert schema_revision(profile.database) == "9001"
    assert profile.updates.folder.joinpath("last-update.json").is_file()  # for the new version


def test_no_update_configured_means_no_check(make_services) -> None:
    services = make_services(session=False)
    assert services.profile.updates.repository_url == ""
    assert services.check_for_update() is None


def test_a_frozen_program_restarts_into_the_installed_version(
        served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import sys

    served.add(make_bundle(tmp_path / "bundle", NEW, WORKING), NEW)
    profile, install = _profile(tmp_path, served)
    _stage(profile)
    execs: list[tuple[str, list[str]]] = []

    def execv(path: str | os.PathLike[str], args: list[str]) -> None:
        execs.append((str(path), args))
        raise SystemExit(0)  # exec never returns

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(install / "counter-app"))
    monkeypatch.setattr(sys, "argv", ["counter-app", "--profile", "p.toml"])
    monkeypatch.setattr(os, "execv", execv)

    with pytest.raises(SystemExit):
        build_services(profile)

    assert execs == [(str(install / "counter-app"), [str(install / "counter-app"), "--profile", "p.toml"])]
    assert (install / "counter-app").read_text() == f"stand-in program {NEW}\n"
