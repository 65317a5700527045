"""Issue 9: a lost or wrong data key is named, never replaced; doctor changes nothing; the
OS key store's corrupt value is a clear error; state files are owner-only."""

from __future__ import annotations

import os
import secrets
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from counter_app.bootstrap import open_profile_store
from counter_app.doctor import check_database, check_key
from counter_app.store import database
from counter_app.store.crypto import (
    DataCipher,
    DataKeyError,
    DataKeyLostError,
    DataKeyMismatchError,
    load_or_create_keyring_key,
)
from counter_app.store.database import open_store
from tests.fixtures.app import make_profile

posix_only = pytest.mark.skipif(os.name != "posix",
                                reason="POSIX modes; on Windows the state directory's ACL counts")


def _snapshot(root: Path) -> dict[str, float]:
    return {str(p.relative_to(root)): p.stat().st_mtime for p in root.rglob("*")}


def _seed(tmp_path: Path):  # a counter that has run once: a database with data and its key file
    profile = make_profile(tmp_path, key_store="file")
    store = open_profile_store(profile, exclusive=False)
    store.close()
    return profile


def test_a_lost_key_file_is_named_and_never_replaced(tmp_path: Path) -> None:
    profile = _seed(tmp_path)
    profile.security.key_file.unlink()
    with pytest.raises(DataKeyLostError) as caught:
        open_profile_store(profile, exclusive=False)
    assert caught.value.code == "DATA_KEY_LOST" and "密钥备份" in caught.value.message_zh
    assert not profile.security.key_file.exists()


def test_a_wrong_key_is_named_at_open(tmp_path: Path) -> None:
    profile = _seed(tmp_path)
    profile.security.key_file.write_bytes(secrets.token_bytes(32))
    with pytest.raises(DataKeyMismatchError) as caught:
        open_profile_store(profile, exclusive=False)
    assert caught.value.code == "DATA_KEY_MISMATCH"


def test_a_database_from_before_the_key_check_gets_one(tmp_path: Path) -> None:
    key = DataCipher(secrets.token_bytes(32))
    store = open_store(tmp_path / "c.db", key)
    store.close()
    with sqlite3.connect(tmp_path / "c.db") as conn:
        conn.execute("DELETE FROM app_state WHERE key = 'data_key_check'")
        conn.execute("INSERT INTO tellers (username, display_name, role, password_hash,"
                     " must_change_password, failed_logins, active, created_at)"
                     " VALUES ('T1', ?, 'teller', 'x', 1, 0, 1, '2026-01-01')",
                     (key.encrypt("张三".encode(), "tellers.display_name"),))
    with pytest.raises(DataKeyMismatchError):
        open_store(tmp_path / "c.db", DataCipher(secrets.token_bytes(32)))
    open_store(tmp_path / "c.db", key).close()
    with pytest.raises(DataKeyMismatchError):  # now recorded: named even without a sample row
        open_store(tmp_path / "c.db", DataCipher(secrets.token_bytes(32)))


def test_doctor_is_read_only_and_names_a_lost_key(tmp_path: Path) -> None:
    profile = _seed(tmp_path)
    profile.security.key_file.unlink()
    before = _snapshot(tmp_path)
    key = check_key(profile)
    database = check_database(profile)
    assert key.status == "fail" and "丢失" in key.detail_zh
    assert database.status == "ok"
    assert _snapshot(tmp_path) == before


def test_doctor_on_a_fresh_machine_creates_nothing(tmp_path: Path) -> None:
    profile = make_profile(tmp_path / "state", key_store="file")
    assert check_key(profile).status == "warn"
    assert check_database(profile).status == "warn"
    assert not (tmp_path / "state").exists() or not any((tmp_path / "state").iterdir())


def test_doctor_names_a_wrong_key(tmp_path: Path) -> None:
    profile = _seed(tmp_path)
    profile.security.key_file.write_bytes(secrets.token_bytes(32))
    assert check_key(profile).status == "fail"


def test_doctor_judges_the_key_file_with_the_portable_check(tmp_path: Path, monkeypatch) -> None:
    profile = _seed(tmp_path)
    from counter_app.store import crypto

    monkeypatch.setattr(crypto, "key_file_exposure", lambda path: "权限过宽（测试）")
    result = check_key(profile)
    assert result.status == "fail"


class _Store:
    def __init__(self, value: str) -> None:
        self.value = value

    def get_password(self, service: str, username: str, /) -> str | None:
        return self.value

    def set_password(self, service: str, username: str, password: str, /) -> None:
        raise AssertionError("a corrupt key must not be replaced")


@pytest.mark.parametrize("value", ["not base64 !!", "QUJD", "%%%%"])
def test_a_corrupt_key_store_value_is_a_clear_error(value: str) -> None:
    with pytest.raises(DataKeyError) as caught:
        load_or_create_keyring_key(_Store(value), "A/1")
    assert "损坏" in caught.value.message_zh


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_fresh_state_directory_is_private(tmp_path: Path) -> None:
    profile = make_profile(tmp_path / "state", key_store="file")
    store = open_profile_store(profile, exclusive=True)
    try:
        db = profile.database
        with store.write() as session:  # the WAL exists while the store is open
            session.connection().exec_driver_sql("INSERT INTO app_state VALUES ('x', 'y')")
        assert _mode(db.parent) == 0o700
        for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            assert _mode(path) == 0o600, path
    finally:
        store.close()


@posix_only
def test_an_upgrade_leaves_every_file_private(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir(mode=0o755)
    os.chmod(state, 0o755)  # as an older version left it
    path = state / "counter.db"
    cipher = DataCipher(secrets.token_bytes(32))
    open_store(path, cipher).close()
    # back to an older schema, as an older version made it (every later migration undone)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        command.downgrade(database._alembic_config(conn), "0003")
        conn.commit()
    engine.dispose()
    os.chmod(path, 0o644)
    holder = sqlite3.connect(path)  # keeps -wal/-shm on disk, 0644 as the old version made them
    holder.execute("SELECT 1 FROM app_state").fetchall()
    for suffix in ("-wal", "-shm"):
        os.chmod(state / f"counter.db{suffix}", 0o644)
    store = open_store(path, cipher)
    try:
        assert store.schema_revision() != "0003"
        backups = list(state.glob("counter.db.pre-upgrade-*.bak"))
        assert backups
        assert _mode(state) == 0o700
        for file in [path, state / "counter.db-wal", state / "counter.db-shm", *backups]:
            assert _mode(file) == 0o600, file
    finally:
        store.close()
        holder.close()
