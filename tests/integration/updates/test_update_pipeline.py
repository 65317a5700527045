"""Signed updates end to end: a repository made with packaging/update_repo.py, served over
real loopback HTTP, checked by the counter's TUF client, staged, then installed at the
next start with the database backed up, migrated, and rolled back when the migration fails."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from counter_app.store.crypto import DataCipher
from counter_app.store.database import head_revision, open_store
from counter_app.store.upgrade import schema_revision
from counter_app.updates import (
    FolderSwap,
    Pending,
    UpdateError,
    UpdatePaths,
    UpdateRefused,
    apply_pending,
    check_and_stage,
)
from tests.integration.updates.conftest import FAILING, WORKING, Served, make_bundle


def _program(tmp_path: Path, version: str = "0.1.0") -> Path:
    install = tmp_path / "opt" / "counter-app"
    install.mkdir(parents=True)
    (install / "counter-app").write_text(f"stand-in program {version}\n")
    return install


def _check(served: Served, paths: UpdatePaths, current: str = "0.1.0"):
    return check_and_stage(paths, repository_url=served.url, trusted_root=served.trusted_root,
                           current_version=current)


def _tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_published_update_is_found_verified_staged_and_applied(
        served: Served, tmp_path: Path, counter_db: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0", WORKING), "0.2.0")
    paths = UpdatePaths(tmp_path / "state" / "updates")

    result = _check(served, paths)

    assert (result.state, result.version) == ("staged", "0.2.0")
    pending = Pending.read(paths.pending)
    assert pending is not None and pending.version == "0.2.0" and pending.from_version == "0.1.0"
    staged = Path(pending.staged_dir)
    assert (staged / "counter-app").read_text() == "stand-in program 0.2.0\n"
    # a second sign-out finds it already staged and downloads nothing again
    assert _check(served, paths).state == "staged"

    install = _program(tmp_path)
    old_head = head_revision()
    outcome = apply_pending(paths, database=counter_db, current_version="0.1.0",
                            program=FolderSwap(install))

    assert outcome is not None and outcome.state == "applied" and outcome.restart_needed
    assert (install / "counter-app").read_text() == "stand-in program 0.2.0\n"
    assert (install.with_name("counter-app.previous") / "counter-app").read_text() == \
        "stand-in program 0.1.0\n"
    assert schema_revision(counter_db) == "9001" and "update_probe" in _tables(counter_db)
    backup = counter_db.with_name(outcome.backup or "")
    assert backup.is_file() and schema_revision(backup) == old_head
    assert "update_probe" not in _tables(backup)
    if os.name == "posix":
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert not paths.pending.exists()
    recorded = json.loads(paths.outcome.read_text(encoding="utf-8"))
    assert recorded["state"] == "applied" and recorded["version"] == "0.2.0"
    # the backup is a whole database: the teller rows are in it
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM tellers").fetchone()[0] == 1


def test_failed_migration_restores_the_database_and_keeps_the_program(
        served: Served, tmp_path: Path, counter_db: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0", FAILING), "0.2.0")
    paths = UpdatePaths(tmp_path / "state" / "updates")
    assert _check(served, paths).state == "staged"
    install = _program(tmp_path)
    head = head_revision()
    with sqlite3.connect(counter_db) as conn:
        before = conn.execute("SELECT seq, mac FROM audit_log ORDER BY seq").fetchall()

    outcome = apply_pending(paths, database=counter_db, current_version="0.1.0",
                            program=FolderSwap(install))

    assert outcome is not None and outcome.state == "rolled_back" and not outcome.restart_needed
    assert outcome.reason == "RuntimeError"
    assert "数据库升级失败" in outcome.message_zh and "0.1.0" in outcome.message_zh
    assert (install / "counter-app").read_text() == "stand-in program 0.1.0\n"
    assert not install.with_name("counter-app.previous").exists()
    assert schema_revision(counter_db) == head and "update_probe" not in _tables(counter_db)
    with sqlite3.connect(counter_db) as conn:
        assert conn.execute("SELECT seq, mac FROM audit_log ORDER BY seq").fetchall() == before
    # the current version opens it as before, with its key and its data
    store = open_store(counter_db, DataCipher(b"k" * 32))
    try:
        assert store.integrity_check() == "ok" and store.schema_revision() == head
    finally:
        store.close()
    assert not paths.pending.exists()
    assert json.loads((paths.root / "failed-0.2.0.json").read_text())["reason"] == "RuntimeError"
    # nothing pending any more: the next start does nothing
    assert apply_pending(paths, database=counter_db, current_version="0.1.0",
                         program=FolderSwap(install)) is None


def test_tampered_target_is_refused(served: Served, tmp_path: Path) -> None:
    archive = served.add(make_bundle(tmp_path / "b020", "0.2.0"), "0.2.0")
    served_copy = served.published / "targets" / archive.name
    data = bytearray(served_copy.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same length, one byte changed
    served_copy.write_bytes(bytes(data))
    paths = UpdatePaths(tmp_path / "state" / "updates")

    with pytest.raises(UpdateRefused, match="与签名不符"):
        _check(served, paths)

    assert not paths.pending.exists() and not any(paths.staged.iterdir())


def test_metadata_rolled_back_to_an_older_version_is_refused(served: Served, tmp_path: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0"), "0.2.0")
    old = tmp_path / "old-metadata"
    shutil.copytree(served.published / "metadata", old)
    served.add(make_bundle(tmp_path / "b030", "0.3.0"), "0.3.0")
    paths = UpdatePaths(tmp_path / "state" / "updates")
    assert _check(served, paths).version == "0.3.0"
    assert [d.name for d in paths.staged.iterdir()] == ["0.3.0"]
    # an attacker (or a stale mirror) serves the earlier, validly signed metadata again
    shutil.rmtree(served.published / "metadata")
    shutil.copytree(old, served.published / "metadata")

    with pytest.raises(UpdateRefused, match="更旧"):
        _check(served, paths)


def test_mix_and_match_of_targets_and_snapshot_is_refused(served: Served, tmp_path: Path) -> None:
    meta = served.published / "metadata"
    first_targets = (meta / "targets.json").read_bytes()
    served.add(make_bundle(tmp_path / "b020", "0.2.0"), "0.2.0")
    (meta / "targets.json").write_bytes(first_targets)  # new snapshot, old targets

    with pytest.raises(UpdateRefused):
        _check(served, UpdatePaths(tmp_path / "state" / "updates"))


def test_expired_timestamp_is_refused(served: Served, tmp_path: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0"), "0.2.0")
    served.sign(timestamp_days=-1)  # a frozen mirror keeps serving yesterday's timestamp

    paths = UpdatePaths(tmp_path / "state" / "updates")
    with pytest.raises(UpdateRefused, match="过期"):
        _check(served, paths)
    assert not paths.pending.exists()
    served.sign()  # the daily re-signing: fresh again
    assert _check(served, paths).state == "staged"


def test_signature_by_another_key_is_refused(served: Served, tmp_path: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0"), "0.2.0")
    other = Served(tmp_path / "other-vendor")  # its own keys, its own root
    try:
        with pytest.raises(UpdateRefused, match="签名无效"):
            check_and_stage(UpdatePaths(tmp_path / "state" / "updates"), repository_url=served.url,
                            trusted_root=other.trusted_root, current_version="0.1.0")
    finally:
        other.close()


def test_an_older_or_equal_version_is_never_installed(served: Served, tmp_path: Path,
                                                      counter_db: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0"), "0.2.0")
    paths = UpdatePaths(tmp_path / "state" / "updates")

    for current in ("0.2.0", "0.3.0"):
        assert _check(served, paths, current=current).state == "current"
    assert not paths.pending.exists()
    # a marker staged under 0.1.0 met by a program that is already 0.2.0: discarded
    assert _check(served, paths, current="0.1.0").state == "staged"
    install = _program(tmp_path, "0.2.0")
    outcome = apply_pending(paths, database=counter_db, current_version="0.2.0",
                            program=FolderSwap(install))
    assert outcome is not None and outcome.state == "discarded"
    assert (install / "counter-app").read_text() == "stand-in program 0.2.0\n"
    assert schema_revision(counter_db) == head_revision()


def test_repository_down_is_an_error_not_a_refusal(tmp_path: Path, served: Served) -> None:
    url = served.url
    served.close()
    with pytest.raises(UpdateError) as caught:
        check_and_stage(UpdatePaths(tmp_path / "u"), repository_url=url,
                        trusted_root=served.trusted_root, current_version="0.1.0")
    assert not isinstance(caught.value, UpdateRefused)
    assert "无法连接更新仓库" in str(caught.value)


def test_the_repository_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    tool = [sys.executable, str(Path(__file__).resolve().parents[3] / "packaging" / "update_repo.py")]
    repo, keys = tmp_path / "repo", tmp_path / "keys"

    def run(*args: str) -> str:
        return subprocess.run([*tool, *args], check=True, capture_output=True, text=True,
                              timeout=120).stdout.strip()

    root = Path(run("init", "--repo", str(repo), "--keys", str(keys)))
    assert root == (repo / "repository" / "metadata" / "root.json").resolve() and root.is_file()
    if os.name == "posix":  # the private keys are the vendor's alone
        assert stat.S_IMODE((keys / "root").stat().st_mode) == 0o600
    assert not (repo / "repository" / "keys").exists()  # nothing secret is published
    archive = Path(run("add-bundle", "--repo", str(repo), "--keys", str(keys),
                       str(make_bundle(tmp_path / "b", "0.2.0")), "0.2.0"))
    assert archive.name == "counter-app-0.2.0.tar.gz" and archive.is_file()
    before = json.loads((repo / "repository" / "metadata" / "timestamp.json").read_text())
    run("sign", "--repo", str(repo), "--keys", str(keys))
    after = json.loads((repo / "repository" / "metadata" / "timestamp.json").read_text())
    assert after["signed"]["version"] == before["signed"]["version"] + 1
    # an older bundle than the newest is refused
    older = subprocess.run([*tool, "add-bundle", "--repo", str(repo), "--keys", str(keys),
                            str(make_bundle(tmp_path / "old", "0.1.0")), "0.1.0"],
                           capture_output=True, text=True, timeout=120)
    assert older.returncode != 0 and "不高于" in older.stderr
    assert sorted(p.name for p in (repo / "repository" / "targets").iterdir()) == [archive.name]


def test_nothing_is_installed_while_the_database_is_in_use(served: Served, tmp_path: Path,
                                                          counter_db: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0", WORKING), "0.2.0")
    paths = UpdatePaths(tmp_path / "state" / "updates")
    assert _check(served, paths).state == "staged"
    install = _program(tmp_path)
    running = open_store(counter_db, DataCipher(b"k" * 32), exclusive=True)  # a counter still open
    try:
        assert apply_pending(paths, database=counter_db, current_version="0.1.0",
                             program=FolderSwap(install)) is None
        assert paths.pending.exists() and schema_revision(counter_db) == head_revision()
        assert (install / "counter-app").read_text() == "stand-in program 0.1.0\n"
    finally:
        running.close()
    outcome = apply_pending(paths, database=counter_db, current_version="0.1.0",
                            program=FolderSwap(install))
    assert outcome is not None and outcome.state == "applied"


def test_a_newer_version_supersedes_the_one_staged_earlier(served: Served, tmp_path: Path) -> None:
    served.add(make_bundle(tmp_path / "b020", "0.2.0"), "0.2.0")
    paths = UpdatePaths(tmp_path / "state" / "updates")
    assert _check(served, paths).version == "0.2.0"
    served.add(make_bundle(tmp_path / "b030", "0.3.0"), "0.3.0")

    assert _check(served, paths).version == "0.3.0"

    assert [d.name for d in paths.staged.iterdir()] == ["0.3.0"]
    assert [f.name for f in paths.targets.iterdir()] == ["counter-app-0.3.0.tar.gz"]
    pending = Pending.read(paths.pending)
    assert pending is not None and pending.version == "0.3.0"


def test_a_check_while_another_runs_is_busy_not_doubled(served: Served, tmp_path: Path) -> None:
    import threading

    import counter_app.updates as updates

    served.add(make_bundle(tmp_path / "b020", "0.2.0"), "0.2.0")
    paths = UpdatePaths(tmp_path / "state" / "updates")
    holder = threading.Thread(target=updates._checking.acquire)  # an earlier sign-out's check
    holder.start()
    holder.join()
    try:
        assert _check(served, paths).state == "busy"
        assert not paths.pending.exists()
    finally:
        updates._checking.release()
    assert _check(served, paths).state == "staged"
