"""A packaged install (.deb) whose new version cannot migrate the teller's database: the new
program restores the database from its pre-upgrade backup at its first start, tells the
teller and serves nothing; IT puts the previous program back with `counter-app
update-rollback`; the previous program records it all in the audit log at its next start.

Run with temporary folders in place of /opt and /var/lib/counter-app. The new version is a
real program: a copy of this source tree plus two migrations (one that commits part of its
work, one that fails), delivered through the signed repository and the root installer, and
started as its own process with the copy first on its path and its own version metadata."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app import update_handoff, updates
from counter_app.bootstrap import build_services, update_paths
from counter_app.doctor import FAIL, check_updates
from counter_app.profile import BranchProfile, load_profile
from counter_app.store.models import AuditEntry
from counter_app.update_handoff import (
    JOURNAL,
    ROLLBACK_JOURNAL,
    HandoffPaths,
    RollbackRefused,
    install_from_spool,
    offer_to_system_installer,
    rollback_program,
)
from counter_app.updates import UpdatePaths, check_and_stage, current_version, inspect_state
from tests.integration.updates.conftest import ROOT, Served

NEW = "99.0.0"
OLD_PROGRAM = f"stand-in program {current_version()}\n"

# the new version's migrations: the first commits part of its work (as an Alembic autocommit
# block does), the second fails; only the backup can undo the first
COMMITS = '''"""New version, step 1 (test payload only)."""
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE update_probe (id INTEGER PRIMARY KEY)")
    op.execute("INSERT INTO update_probe (id) VALUES (1)")
    op.execute("UPDATE app_state SET value = 'changed' WHERE key = 'data_key_check'")
    op.get_bind().commit()
'''
FAILS = '''"""New version, step 2 (test payload only)."""
from alembic import op

revision = "9002"
down_revision = "9001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM update_probe")
    raise RuntimeError("simulated failure in the new version's migration")
'''


def _new_program(where: Path, version: str) -> Path:
    """A one-folder program of ``version``: this source tree under _internal/ (where the
    frozen build keeps it), with its migrations on top and its own package metadata."""
    from counter_app.store.database import SCHEMA_HEAD

    lib = where / "_internal"
    package = lib / "counter_app"
    shutil.copytree(ROOT / "counter_app", package,
                    ignore=shutil.ignore_patterns("__pycache__", "resources"))
    shutil.copytree(ROOT / "resources", package / "resources",
                    ignore=shutil.ignore_patterns("__pycache__"))
    versions = package / "store" / "migrations" / "versions"
    (versions / "9001_new_step.py").write_text(COMMITS.format(head=SCHEMA_HEAD))
    (versions / "9002_new_failing.py").write_text(FAILS)
    database_py = package / "store" / "database.py"
    text = database_py.read_text(encoding="utf-8")
    assert f'SCHEMA_HEAD = "{SCHEMA_HEAD}"' in text
    database_py.write_text(text.replace(f'SCHEMA_HEAD = "{SCHEMA_HEAD}"', 'SCHEMA_HEAD = "9002"'),
                           encoding="utf-8")
    meta = lib / f"counter_app-{version}.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text(f"Metadata-Version: 2.1\nName: counter-app\nVersion: {version}\n")
    (where / "counter-app").write_text(f"stand-in program {version}\n")
    return where


@dataclasses.dataclass
class Pc:
    machine: HandoffPaths
    profile: BranchProfile
    profile_file: Path
    state: Path


@pytest.fixture
def pc(tmp_path: Path, served: Served, monkeypatch: pytest.MonkeyPatch) -> Pc:
    base = tmp_path / "var-lib"
    (base / "update-spool").mkdir(parents=True)
    install = tmp_path / "opt" / "counter-app"
    install.mkdir(parents=True)
    (install / "counter-app").write_text(OLD_PROGRAM)
    meta = install / "_internal" / "counter_app.egg-info"  # as in the frozen build
    meta.mkdir(parents=True)
    (meta / "PKG-INFO").write_text(f"Metadata-Version: 2.1\nName: counter-app\n"
                                   f"Version: {current_version()}\n")
    machine = HandoffPaths(spool=base / "update-spool", trust=base / "update-trust",
                           outcome=base / "update-outcome.json", trusted_root=served.trusted_root,
                           install_dir=install)
    monkeypatch.setattr(update_handoff, "DEFAULT_SPOOL", machine.spool)
    monkeypatch.setattr(update_handoff, "DEFAULT_OUTCOME", machine.outcome)
    state = tmp_path / "teller-home"
    text = (ROOT / "resources" / "profiles" / "demo-instant.toml").read_text(encoding="utf-8")
    text = text.replace('key_store = "auto"', 'key_store = "file"')
    assert 'key_store = "file"' in text and "[updates]" not in text
    text += (f'\n[updates]\nrepository_url = "{served.url}"\n'
             f'trusted_root = "{served.trusted_root.as_posix()}"\n'
             f'folder = "{(state / "updates").as_posix()}"\n')
    profile_file = tmp_path / "profile.toml"
    profile_file.write_text(text, encoding="utf-8")
    return Pc(machine, load_profile(profile_file, state_dir=state), profile_file, state)


def _start_program(pc: Pc, lib: Path) -> subprocess.CompletedProcess[str]:
    """`counter-app --profile P` of the program whose code is in ``lib``, with the machine's
    outcome file where the test keeps it (as the in-process tests patch it)."""
    launcher = ("import pathlib, sys\n"
                "import counter_app.update_handoff as h\n"
                "h.DEFAULT_OUTCOME = pathlib.Path(sys.argv[1])\n"
                "h.DEFAULT_SPOOL = pathlib.Path(sys.argv[2])\n"
                "from counter_app.cli import main\n"
                "sys.exit(main(sys.argv[3:]))\n")
    env = {**os.environ, "COUNTER_APP_HOME": str(pc.state), "PYTHONPATH": str(lib),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", launcher, str(pc.machine.outcome), str(pc.machine.spool),
         "--profile", str(pc.profile_file), "--exit-when-ready"],
        env=env, capture_output=True, text=True, timeout=180, cwd=pc.state.parent)


def _dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _query(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _update_entries(profile: BranchProfile) -> Iterator[tuple[str, str, dict[str, object]]]:
    services = build_services(profile)
    try:
        with services.store.read() as s:
            rows = s.scalars(select(AuditEntry).where(AuditEntry.action.like("update.%"))
                             .order_by(AuditEntry.seq)).all()
            entries = [(e.action, e.actor, dict(e.detail)) for e in rows]
    finally:
        services.store.close()
    yield from entries


def test_a_new_version_that_cannot_migrate_restores_the_database_and_it_rolls_the_program_back(
        served: Served, tmp_path: Path, pc: Pc) -> None:
    # the teller's database, made by the running (old) program
    services = build_services(pc.profile)
    services.store.close()
    db = pc.profile.database
    before = _dump(db)
    audit_before = _query(db, "SELECT * FROM audit_log ORDER BY seq")
    key_check = _query(db, "SELECT value FROM app_state WHERE key = 'data_key_check'")
    revision = _query(db, "SELECT version_num FROM alembic_version")
    assert audit_before and key_check and revision

    # the new version, signed, handed off at sign-out and installed by the root service
    served.add(_new_program(tmp_path / "bundle", NEW), NEW)
    paths = update_paths(pc.profile)
    assert check_and_stage(paths, repository_url=served.url, trusted_root=served.trusted_root,
                           current_version=current_version()).state == "staged"
    assert offer_to_system_installer(paths, pc.machine.spool)
    assert install_from_spool(pc.machine, installed=current_version()).state == "applied"
    installed = pc.machine.install_dir
    assert (installed / "counter-app").read_text() == f"stand-in program {NEW}\n"

    # its first start: the migration fails, the database is put back, the teller is told
    first = _start_program(pc, installed / "_internal")
    assert first.returncode == 1, first.stderr
    told = first.stderr
    for words in (f"新版本 {NEW}", "数据库升级失败", "数据库已自动恢复为升级前的状态", "没有丢失",
                  "不能使用", "counter-app update-rollback"):
        assert words in told, told
    assert _dump(db) == before  # revision, audit rows, key check: all as before
    assert _query(db, "SELECT * FROM audit_log ORDER BY seq") == audit_before
    assert _query(db, "SELECT value FROM app_state WHERE key = 'data_key_check'") == key_check
    assert _query(db, "SELECT version_num FROM alembic_version") == revision
    assert (db.parent / f"{db.name}.pre-upgrade-{revision[0][0]}.bak").is_file()
    state = inspect_state(paths)
    assert state["last_install"]["state"] == "rolled_back"
    assert state["last_install"]["stage"] == "open" and state["failed_versions"] == [NEW]
    # what doctor shows: from the previous program a rolled-back install, from the new one a
    # failure naming the command
    assert check_updates(pc.profile).value["last_install"]["version"] == NEW
    with pytest.MonkeyPatch.context() as m:
        m.setattr(updates, "current_version", lambda: NEW)
        seen_by_new = check_updates(pc.profile)
    assert seen_by_new.status == FAIL and "update-rollback" in seen_by_new.detail_zh

    # started again: it stops at once and does not touch the database
    mtime = db.stat().st_mtime_ns
    again = _start_program(pc, installed / "_internal")
    assert again.returncode == 1 and "counter-app update-rollback" in again.stderr
    assert db.stat().st_mtime_ns == mtime and _dump(db) == before

    # IT puts the previous program back (the command, as root would run it)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COUNTER_APP_HOME": str(pc.machine.trust)}
    done = subprocess.run(
        [sys.executable, "-m", "counter_app", "update-rollback",
         "--trust-dir", str(pc.machine.trust), "--outcome", str(pc.machine.outcome),
         "--install-dir", str(installed)],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout.strip().splitlines()[-1])
    assert (printed["state"], printed["from_version"]) == ("rolled_back", NEW)
    assert (installed / "counter-app").read_text() == OLD_PROGRAM
    assert not pc.machine.previous.exists() and not pc.machine.new.exists()
    assert not (pc.machine.trust / JOURNAL).exists()
    assert not (pc.machine.trust / ROLLBACK_JOURNAL).exists()

    # the previous program's next start records all of it, in order, once
    entries = list(_update_entries(pc.profile))
    assert [(a, actor) for a, actor, _ in entries] == [
        ("update.applied", "system"), ("update.rolled_back", "system"),
        ("update.rolled_back", "system")]
    applied, at_open, by_it = (d for _, _, d in entries)
    assert applied["version"] == NEW
    assert (at_open["version"], at_open["from_version"]) == (NEW, current_version())
    assert at_open["reason"] == "RuntimeError"
    assert at_open["schema_before"] == at_open["schema_after"] == revision[0][0]
    assert at_open["backup"] == f"{db.name}.pre-upgrade-{revision[0][0]}.bak"
    assert (by_it["version"], by_it["from_version"]) == (current_version(), NEW)
    assert by_it["reason"] == "update-rollback"
    assert list(_update_entries(pc.profile)) == entries  # a later start adds nothing

    # the failed version is not fetched again at sign-out, nor installed by the service
    assert check_and_stage(paths, repository_url=served.url, trusted_root=served.trusted_root,
                           current_version=current_version()).state == "current"
    assert json.loads((pc.machine.trust / "rolled-back.json").read_text())["versions"] == [NEW]


def test_the_previous_program_tells_the_teller_once(pc: Pc, tmp_path: Path) -> None:
    """The restored database, IT's rollback: the previous program's notice names both."""
    services = build_services(pc.profile)
    services.store.close()
    paths = update_paths(pc.profile)
    from counter_app.updates import rolled_back_at_open

    error = rolled_back_at_open(paths, version=NEW, backup="counter.db.pre-upgrade-0010.bak",
                                schema_before="0010", schema_after="0010", reason="RuntimeError")
    assert error.code == "UPDATE_ROLLED_BACK_AT_START" and "update-rollback" in error.message_zh
    _kept_previous(pc.machine)
    rollback_program(pc.machine)

    services = build_services(pc.profile)
    try:
        notice = services.update_notice
    finally:
        services.store.close()
    assert notice is not None
    assert "数据库已自动恢复为升级前的状态" in notice and "已恢复上一版本程序" in notice
    again = build_services(pc.profile)
    try:
        assert again.update_notice is None
    finally:
        again.store.close()


def _kept_previous(machine: HandoffPaths) -> None:
    """The folders as the root installer leaves them: the new version in place (with the
    service's marker), the old one kept beside it."""
    machine.install_dir.rename(machine.previous)
    machine.install_dir.mkdir()
    (machine.install_dir / "counter-app").write_text(f"stand-in program {NEW}\n")
    (machine.install_dir / update_handoff.MARKER).write_text(json.dumps({"version": NEW}))


def test_rollback_is_refused_without_a_kept_previous_program(pc: Pc, tmp_path: Path) -> None:
    with pytest.raises(RollbackRefused, match="没有保留的上一版本程序"):
        rollback_program(pc.machine)
    assert (pc.machine.install_dir / "counter-app").read_text() == OLD_PROGRAM
    assert not pc.machine.outcome.exists()

    env = {**os.environ, "PYTHONPATH": str(ROOT), "COUNTER_APP_HOME": str(pc.machine.trust)}
    done = subprocess.run(
        [sys.executable, "-m", "counter_app", "update-rollback", "--trust-dir",
         str(pc.machine.trust), "--outcome", str(pc.machine.outcome), "--install-dir",
         str(pc.machine.install_dir)],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1 and "没有保留的上一版本程序" in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_rollback_is_refused_while_a_counter_program_runs(pc: Pc) -> None:
    _kept_previous(pc.machine)
    sleep = shutil.which("sleep")
    assert sleep is not None
    sleeper = pc.machine.install_dir / "sleeper"
    shutil.copy2(sleep, sleeper)
    proc = subprocess.Popen([str(sleeper), "60"])
    try:
        with pytest.raises(RollbackRefused, match="柜面程序正在运行"):
            rollback_program(pc.machine)
        assert (pc.machine.install_dir / "counter-app").read_text() == f"stand-in program {NEW}\n"
        assert (pc.machine.previous / "counter-app").read_text() == OLD_PROGRAM
        assert not pc.machine.outcome.exists()
    finally:
        proc.kill()
        proc.wait()
    assert rollback_program(pc.machine).state == "rolled_back"
    assert (pc.machine.install_dir / "counter-app").read_text() == OLD_PROGRAM


class _PowerCut(BaseException):
    """Nothing after it runs, as when the power goes."""


def test_a_rollback_cut_between_the_renames_is_put_right(
        pc: Pc, monkeypatch: pytest.MonkeyPatch) -> None:
    machine = pc.machine
    _kept_previous(machine)
    real_rename = Path.rename

    def rename(self: Path, target: str | os.PathLike[str]) -> Path:
        if self == machine.new and Path(target) == machine.install_dir:
            raise _PowerCut  # the program folder has gone to ….previous; the copy is not in place
        return real_rename(self, target)

    with monkeypatch.context() as m:
        m.setattr(Path, "rename", rename)
        with pytest.raises(_PowerCut):
            rollback_program(machine)
    assert not machine.install_dir.exists()  # between the renames
    assert (machine.trust / JOURNAL).exists() and (machine.trust / ROLLBACK_JOURNAL).exists()
    # meanwhile the root service (timer) finishes the swap as for an install, but installs
    # nothing over a half-done rollback
    machine.request.write_text(json.dumps({"archive": f"counter-app-{NEW}.tar.gz"}))
    assert install_from_spool(machine, installed=NEW).state == "deferred"
    assert machine.request.exists()
    assert (machine.install_dir / "counter-app").read_text() == OLD_PROGRAM
    assert (machine.trust / ROLLBACK_JOURNAL).exists() and not machine.outcome.exists()

    outcome = rollback_program(machine)  # IT runs the command again

    assert (outcome.state, outcome.from_version) == ("rolled_back", NEW)
    assert (machine.install_dir / "counter-app").read_text() == OLD_PROGRAM
    assert not machine.previous.exists() and not machine.new.exists()
    assert not (machine.trust / JOURNAL).exists() and not (machine.trust / ROLLBACK_JOURNAL).exists()
    assert json.loads(machine.outcome.read_text())["state"] == "rolled_back"
    # nothing kept to roll back to any more: a second run is refused
    with pytest.raises(RollbackRefused):
        rollback_program(machine)


def test_a_rollback_cut_between_the_renames_is_finished_by_running_it_again(
        pc: Pc, monkeypatch: pytest.MonkeyPatch) -> None:
    machine = pc.machine
    _kept_previous(machine)
    real_rename = Path.rename

    def rename(self: Path, target: str | os.PathLike[str]) -> Path:
        if self == machine.new and Path(target) == machine.install_dir:
            raise _PowerCut
        return real_rename(self, target)

    with monkeypatch.context() as m:
        m.setattr(Path, "rename", rename)
        with pytest.raises(_PowerCut):
            rollback_program(machine)

    outcome = rollback_program(machine)

    assert outcome.reason == "update-rollback; swap finished"
    assert (machine.install_dir / "counter-app").read_text() == OLD_PROGRAM
    assert not machine.previous.exists() and not machine.new.exists()


def test_the_service_refuses_a_version_it_rolled_back(
        served: Served, tmp_path: Path, pc: Pc) -> None:
    from tests.integration.updates.conftest import WORKING, make_bundle

    _kept_previous(pc.machine)
    rollback_program(pc.machine)
    served.add(make_bundle(tmp_path / "bundle", NEW, WORKING), NEW)
    paths = UpdatePaths(tmp_path / "other-teller" / "updates")  # an account that never failed
    check_and_stage(paths, repository_url=served.url, trusted_root=served.trusted_root,
                    current_version=current_version())
    assert offer_to_system_installer(paths, pc.machine.spool)

    outcome = install_from_spool(pc.machine, installed=current_version())

    assert outcome.state == "refused" and "rolled back by IT" in (outcome.reason or "")
    assert (pc.machine.install_dir / "counter-app").read_text() == OLD_PROGRAM


def test_outcomes_wait_in_order_and_one_started_again_is_not_doubled(tmp_path: Path) -> None:
    from counter_app.updates import queue_outcome, read_outcomes

    paths = UpdatePaths(tmp_path / "updates")
    first = queue_outcome(paths, {"id": "a", "state": "applied"})
    second = queue_outcome(paths, {"id": "open-9", "state": "rolled_back", "reason": "X"})
    again = queue_outcome(paths, {"id": "open-9", "state": "rolled_back", "reason": "Y"})
    third = queue_outcome(paths, {"id": "b", "state": "rolled_back"})

    assert first == paths.outcome and second == again != third
    assert [(o["id"], o.get("reason")) for _, o in read_outcomes(paths)] == [
        ("a", None), ("open-9", "Y"), ("b", None)]
    first.unlink()  # recorded; a later one still goes after those waiting
    queue_outcome(paths, {"id": "c"})
    assert [o["id"] for _, o in read_outcomes(paths)] == ["open-9", "b", "c"]
