"""The local store on real SQLite files: encryption at rest, migrations, pragmas, clear errors."""

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.store.crypto import DataCipher, DataKeyError, TamperedDataError, load_or_create_key_file
from counter_app.store.database import (
    StoreCorruptError,
    StoreInUseError,
    StoreLockedError,
    head_revision,
    open_store,
    translate_db_error,
)
from counter_app.store.models import AuditEntry, OutboxMessage, Teller
from counter_app.store.tellers import add_teller


def test_fresh_database_is_at_head_in_wal(store) -> None:
    assert store.schema_revision() == head_revision()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert store.integrity_check() == "ok"
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_personal_data_is_not_in_the_file(store, tmp_path: Path) -> None:
    with store.write() as s:
        add_teller(s, "T1", "欧阳娜娜", "teller", None, must_change_password=True)
        s.add(OutboxMessage(op_id="op-1", operation="applications.submit", ordering_key="k",
                            payload={"id_number": "330203198506122017", "name": "李明"}))
    with store.read() as s:
        assert s.query(Teller).one().display_name == "欧阳娜娜"
        assert s.query(OutboxMessage).one().payload["id_number"] == "330203198506122017"
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("counter.db*") if p.is_file())
    assert "欧阳娜娜".encode() not in raw
    assert b"330203198506122017" not in raw
    assert "李明".encode() not in raw


def test_flipped_byte_in_an_encrypted_value_is_detected(store) -> None:
    with store.write() as s:
        add_teller(s, "T1", "张三", "teller", None, must_change_password=True)
    with sqlite3.connect(store.path) as raw:
        blob = bytearray(raw.execute("SELECT display_name FROM tellers").fetchone()[0])
        blob[-1] ^= 0x01
        raw.execute("UPDATE tellers SET display_name=?", (bytes(blob),))
    with store.read() as s, pytest.raises(TamperedDataError):
        s.query(Teller).one()


def test_ciphertext_moved_to_another_column_does_not_decrypt(cipher: DataCipher) -> None:
    sealed = cipher.encrypt(b"330203198506122017", "outbox.payload")
    assert cipher.decrypt(sealed, "outbox.payload") == b"330203198506122017"
    with pytest.raises(TamperedDataError):
        cipher.decrypt(sealed, "tellers.display_name")


def test_older_database_is_backed_up_and_upgraded(tmp_path: Path, cipher: DataCipher) -> None:
    """A database left by version 0001 of the schema keeps its data after the upgrade."""
    from alembic import command

    from counter_app.store import database

    path = tmp_path / "old.db"
    s = open_store(path, cipher)
    s.close()
    path.unlink()
    for extra in tmp_path.glob("old.db-*"):
        extra.unlink()
    # build a 0001-era database by hand through the same migrations
    s = database.Store.__new__(database.Store)
    engine = database.create_engine(f"sqlite:///{path}")
    database.attach_cipher(engine.dialect, cipher)
    database._install_sqlite_behaviour(engine)
    with engine.connect() as conn:
        command.upgrade(database._alembic_config(conn.execution_options(counter_write=True)), "0001")
        conn.commit()
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO tellers (username, display_name, role, must_change_password, "
                          "failed_logins, active, created_at) VALUES ('old', :n, 'teller', 0, 0, 1, "
                          "'2025-01-01 00:00:00')"), {"n": cipher.encrypt("旧柜员".encode(), "tellers.display_name")})
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    engine.dispose()

    upgraded = open_store(path, cipher)
    try:
        assert upgraded.schema_revision() == head_revision()
        with upgraded.read() as session:
            assert session.query(Teller).one().display_name == "旧柜员"
            assert session.query(OutboxMessage).count() == 0  # table added by 0002
        assert (tmp_path / "old.db.pre-upgrade-0001.bak").exists()
    finally:
        upgraded.close()


def test_corrupt_file_gives_a_clear_message(tmp_path: Path, cipher: DataCipher) -> None:
    path = tmp_path / "counter.db"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreCorruptError) as info:
        open_store(path, cipher)
    assert "损坏" in info.value.message_zh and "不要删除" in info.value.message_zh


def test_damaged_pages_are_found_by_the_integrity_check(tmp_path: Path, cipher: DataCipher) -> None:
    path = tmp_path / "counter.db"
    s = open_store(path, cipher)
    with s.write() as session:
        for i in range(300):
            add_teller(session, f"T{i}", "柜员" * 20, "teller", None, must_change_password=True)
    with s.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):
        data[offset + 8: offset + 40] = b"\xff" * 32  # smash page headers and cell pointers
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorruptError):
        open_store(path, cipher)


def test_locked_database_gives_a_clear_message(store) -> None:
    other = sqlite3.connect(store.path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        store.engine.dispose()
        with pytest.raises(StoreLockedError) as info, store.write() as s:
            s.add(Teller(username="x", display_name="x", role="teller", must_change_password=True,
                         failed_logins=0, active=True))
        assert "占用" in info.value.message_zh
    finally:
        other.rollback()
        other.close()


def test_second_instance_on_the_same_database_is_refused(store, cipher: DataCipher) -> None:
    with pytest.raises(StoreInUseError):
        open_store(store.path, cipher, exclusive=True)
    reader = open_store(store.path, cipher)  # tools that only read may open it
    reader.close()


def test_disk_full_is_translated(tmp_path: Path) -> None:
    error = sqlite3.OperationalError("database or disk is full")
    assert translate_db_error(error, tmp_path / "x.db").code == "STORE_DISK_FULL"


def test_writes_begin_immediate_and_durable_writes_sync_full(store) -> None:
    seen: list[str] = []
    with store.engine.connect() as probe:
        raw = probe.connection.dbapi_connection
    from sqlalchemy import event

    @event.listens_for(store.engine, "before_cursor_execute")
    def record(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        seen.append(statement)

    with store.write(durable=True) as s:
        s.add(AuditEntry(seq=99, at="x", actor="a", action="b", detail={}, prev_mac="0", mac="0"))
    with store.write() as s:
        s.execute(text("SELECT 1"))
    assert raw is not None
    assert seen.index("PRAGMA synchronous=FULL") < seen.index("BEGIN IMMEDIATE")
    assert "PRAGMA synchronous=NORMAL" in seen[seen.index("BEGIN IMMEDIATE") + 1:]


def test_key_file_is_created_private_and_refused_when_readable_by_others(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "data.key"
    key = load_or_create_key_file(path)
    assert len(key) == 32 and load_or_create_key_file(path) == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    os.chmod(path, 0o644)
    with pytest.raises(DataKeyError, match="chmod 600"):
        load_or_create_key_file(path)


class MemoryKeyring:
    """A real keyring backend class (keyring's API), kept in memory for the test."""

    def __init__(self) -> None:
        import keyring.backend

        class Backend(keyring.backend.KeyringBackend):
            priority = 10

            def __init__(self) -> None:
                super().__init__()
                self.data: dict[tuple[str, str], str] = {}

            def get_password(self, service, username):  # type: ignore[no-untyped-def]
                return self.data.get((service, username))

            def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
                self.data[(service, username)] = password

            def delete_password(self, service, username):  # type: ignore[no-untyped-def]
                self.data.pop((service, username), None)

        self.backend = Backend()


def test_key_goes_to_the_os_key_store_when_there_is_one(tmp_path: Path) -> None:
    import keyring

    from counter_app.store.crypto import load_data_key

    previous = keyring.get_keyring()
    memory = MemoryKeyring().backend
    keyring.set_keyring(memory)
    try:
        key, where = load_data_key("auto", tmp_path / "data.key", "B1/01:db")
        assert where == "keyring" and not (tmp_path / "data.key").exists()
        assert load_data_key("auto", tmp_path / "data.key", "B1/01:db") == (key, "keyring")
        assert load_data_key("keyring", tmp_path / "x.key", "B1/02:db")[0] != key  # one key per store
        file_key, where = load_data_key("file", tmp_path / "data.key", "B1/01:db")
        assert where == "file" and file_key != key
    finally:
        keyring.set_keyring(previous)


def test_without_an_os_key_store_auto_uses_the_file_and_keyring_mode_refuses(tmp_path: Path) -> None:
    import keyring
    from keyring.backends import fail

    from counter_app.store.crypto import load_data_key

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert load_data_key("auto", tmp_path / "data.key", "a")[1] == "file"
        with pytest.raises(DataKeyError, match="系统密钥库"):
            load_data_key("keyring", tmp_path / "other.key", "a")
    finally:
        keyring.set_keyring(previous)
