"""Opening the local SQLite store: pragmas, migrations, one writer, clear errors.

- WAL journal; ``synchronous=NORMAL`` by default and ``FULL`` for a write that precedes an
  external effect (showing "done", sending to the central, writing a card, printing).
- Alembic migrations run at start; a database from an older version is backed up and upgraded,
  and put back from that backup when a migration fails (:class:`StoreUpgradeRolledBack`).
- A corrupt, locked, unreadable or full database raises a :class:`StoreError` whose message
  tells the teller what happened and what to do — never a traceback.
- All writes go through one writer lock and start with ``BEGIN IMMEDIATE``, so two writers
  never deadlock on a lock upgrade.
"""

from __future__ import annotations

import hmac
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from filelock import BaseFileLock, FileLock, Timeout
from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.private_files import private_dir, private_file
from counter_app.store.crypto import DataCipher, DataKeyMismatchError, TamperedDataError
from counter_app.store.types import ROW_KEYS, EncryptedType, attach_cipher, row_context

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000

# The newest migration. Kept here so a normal start needs no Alembic import (about half a
# second); a unit test checks it against the migration scripts.
SCHEMA_HEAD = "0010"


class StoreError(CounterError):
    code = "STORE_ERROR"


class StoreCorruptError(StoreError):
    code = "STORE_CORRUPT"


class StoreLockedError(StoreError):
    code = "STORE_LOCKED"


class StoreFullError(StoreError):
    code = "STORE_DISK_FULL"


class StoreInUseError(StoreError):
    code = "STORE_IN_USE"


class StoreUpgradeRolledBack(StoreError):
    """This program's migrations failed on an existing database, which was put back exactly
    as it was (from its pre-upgrade backup): this program cannot use it."""

    code = "STORE_UPGRADE_ROLLED_BACK"

    def __init__(self, *, backup: Path, schema_before: str, schema_target: str,
                 reason: str) -> None:
        super().__init__(
            zh("本程序的数据库升级失败（{reason}），数据库已自动恢复为升级前的状态，已办理的业务数据没有丢失。"
               "本程序版本不能使用，请联系网点技术支持恢复上一版本程序。", reason=reason))
        self.backup, self.schema_before = backup, schema_before
        self.schema_target, self.reason = schema_target, reason


_OUT_OF_SPACE = frozenset({"SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC",
                           "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_SHMSIZE"})


def translate_db_error(error: BaseException, path: Path) -> StoreError:
    """Turn a driver error into a teller-readable store error."""
    text = str(getattr(error, "orig", error)).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreCorruptError(
            zh("本地数据库文件已损坏，无法打开（{file}）。请不要删除或移动该文件，"
               "立即联系网点技术支持从备份恢复；恢复前请暂停办理业务。", file=path.name)
        )
    if "locked" in text or "busy" in text:
        return StoreLockedError(
            QT_TR_NOOP("本地数据库正被其他程序占用，暂时无法写入。请关闭本机上其他柜面程序窗口后重试；"
                       "如仍无法使用，请重启电脑。")
        )
    # A write that runs out of room is not always SQLITE_FULL: quota exceeded (EDQUOT), file
    # size limit (EFBIG) and ENOSPC at fsync come back as a write-side "disk I/O error".
    errname = str(getattr(getattr(error, "orig", error), "sqlite_errorname", ""))
    if ("disk is full" in text or "disk full" in text or "no space" in text
            or errname in _OUT_OF_SPACE):
        return StoreFullError(
            QT_TR_NOOP("本机磁盘空间已满（或磁盘无法写入），刚才的操作没有保存（已办理的数据不受影响）。"
                       "请联系网点技术支持清理磁盘后重试。")
        )
    if "unable to open" in text or "readonly" in text or "permission" in text:
        return StoreError(
            zh("无法打开或写入本地数据库（{path}）：权限不足或目录不存在。请联系网点技术支持检查配置。",
               path=path)
        )
    return StoreError(zh("本地数据库出错（{error}），操作未保存。请重试，或联系网点技术支持。",
                         error=type(error).__name__))


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option(
        "script_location", str(resources.files("counter_app.store") / "migrations")
    )
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The head according to the migration scripts (slow: imports Alembic)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    with resources.as_file(resources.files("counter_app.store") / "migrations") as where:
        cfg = Config()
        cfg.set_main_option("script_location", str(where))
        head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


class Store:
    """The local database. Use :meth:`read` for queries and :meth:`write` for changes."""

    def __init__(self, engine: Engine, cipher: DataCipher, path: Path) -> None:
        self.engine = engine
        self.cipher = cipher
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writer = threading.Lock()
        self._instance_lock: BaseFileLock | None = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        except exc.DBAPIError as error:
            raise translate_db_error(error, self.path) from error
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def write(self, *, durable: bool = False) -> Iterator[Session]:
        """One write transaction. ``durable=True`` when an external effect follows the commit."""
        with self._writer:
            session = self._sessions()
            try:
                session.connection(
                    execution_options={"counter_write": True, "counter_durable": durable}
                )
                yield session
                session.commit()
            except exc.DBAPIError as error:
                session.rollback()
                raise translate_db_error(error, self.path) from error
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    def integrity_check(self, *, quick: bool = False) -> str:
        pragma = "quick_check" if quick else "integrity_check"
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql(f"PRAGMA {pragma}").scalar())

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            has_table = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).scalar()
            if not has_table:
                return None
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    def close(self) -> None:
        self.engine.dispose()
        if self._instance_lock is not None:
            self._instance_lock.release()
            self._instance_lock = None


def _install_sqlite_behaviour(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        durable = options.get("counter_durable", False)
        conn.exec_driver_sql(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("counter_write") else "BEGIN")


def _take_instance_lock(path: Path) -> BaseFileLock:
    # An OS lock (flock on POSIX, msvcrt on Windows): it goes away with the process, so a
    # crashed counter never leaves the database locked. Not thread-local: the shell may close
    # the store from another thread than the one that opened it.
    lock = FileLock(path.with_name(path.name + ".lock"), thread_local=False)
    try:
        lock.acquire(blocking=False)
    except Timeout as error:
        raise StoreInUseError(
            QT_TR_NOOP("本机已有一个柜面程序正在使用该数据库。请切换到已打开的窗口，不要重复启动。")
        ) from error
    return lock


KEY_CHECK_STATE = "data_key_check"
# the files beside the database that hold its data: SQLite gives -wal/-shm the database's mode
_COMPANIONS = ("-wal", "-shm", "-journal")


def tighten_file_modes(path: Path) -> None:
    """Owner-only modes for the database, its -wal/-shm and its pre-upgrade backups (POSIX);
    also repairs what an older version left 0644."""
    if os.name != "posix":
        return
    for file in [path, *(path.with_name(path.name + s) for s in _COMPANIONS),
                 *path.parent.glob(f"{path.name}.pre-upgrade-*.bak")]:
        if file.exists():
            os.chmod(file, 0o600)


def _backup(engine: Engine, path: Path, revision: str | None) -> Path:
    target = path.with_name(f"{path.name}.pre-upgrade-{revision or 'none'}.bak")
    private_file(target)  # holds the same personal data as the database
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        with sqlite3.connect(target) as dest:
            raw.backup(dest)
    return target


def open_store(path: Path, cipher: DataCipher, *, exclusive: bool = False) -> Store:
    """Open (creating if needed) and migrate the store at ``path``.

    ``exclusive`` takes a per-database instance lock: the counter application holds it so a
    second copy on the same PC cannot write the same database; read-only tools do not.
    """
    try:
        private_dir(path.parent)
        private_file(path)  # before SQLite creates -wal/-shm, which copy its mode
    except OSError as error:
        raise translate_db_error(error, path) from error
    instance_lock = _take_instance_lock(path) if exclusive else None
    engine = create_engine(f"sqlite:///{path}", future=True)
    attach_cipher(engine.dialect, cipher)
    _install_sqlite_behaviour(engine)
    store = Store(engine, cipher, path)
    store._instance_lock = instance_lock
    try:
        _check_and_migrate(store)
    except exc.DBAPIError as error:
        store.close()
        raise translate_db_error(error, path) from error
    except CounterError:
        store.close()
        raise
    tighten_file_modes(path)
    return store


def _check_and_migrate(store: Store) -> None:
    existed = store.path.exists() and store.path.stat().st_size > 0
    if existed:
        result = store.integrity_check(quick=True)
        if result != "ok":
            raise translate_db_error(sqlite3.DatabaseError("database disk image is malformed"),
                                     store.path)
    current = store.schema_revision()
    if current != SCHEMA_HEAD:
        _migrate(store, existed, current)
    _check_key(store)
    _bind_rows(store)


def _check_key(store: Store) -> None:
    """Name a wrong or lost key at open instead of a DATA_TAMPERED later: the database keeps a
    MAC of a constant under its key. A database from before the check gets one once its key
    has opened a stored value."""
    expected = store.cipher.key_check()
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT value FROM app_state WHERE key = ?",
                                      (KEY_CHECK_STATE,)).scalar()
    if stored is not None:
        if not hmac.compare_digest(str(stored), expected):
            raise DataKeyMismatchError()
        return
    with store.engine.connect() as conn:
        sample = conn.exec_driver_sql("SELECT username, display_name FROM tellers LIMIT 1").first()
    if sample is not None:
        username, blob = sample
        for context in (row_context("tellers.display_name", username), "tellers.display_name"):
            try:
                store.cipher.decrypt(blob, context)
                break
            except TamperedDataError:
                continue
        else:
            raise DataKeyMismatchError()
    with store.engine.connect() as conn:
        conn = conn.execution_options(counter_write=True, counter_durable=True)
        conn.exec_driver_sql("INSERT OR IGNORE INTO app_state (key, value) VALUES (?, ?)",
                             (KEY_CHECK_STATE, expected))
        conn.commit()


ROW_BINDING_STATE = "row_bound_encryption"


def _bind_rows(store: Store) -> None:
    """Once per database: re-encrypt values written before the row binding (associated data
    "table.column") under "table.column#row key". It needs the data key, which migrations do
    not have, so it runs here after them, in one transaction, recorded in app_state."""
    from counter_app.store.models import Base

    with store.engine.connect() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM app_state WHERE key = ?", (ROW_BINDING_STATE,)).scalar():
            return
    cipher = store.cipher
    with store.engine.connect() as conn:
        conn = conn.execution_options(counter_write=True, counter_durable=True)
        for table, key_column in ROW_KEYS.items():
            columns = [c.name for c in Base.metadata.tables[table].columns
                       if isinstance(c.type, EncryptedType)]
            names = ", ".join(columns)
            rows = conn.exec_driver_sql(f"SELECT rowid, {key_column}, {names} FROM {table}").all()
            for rowid, row_key, *blobs in rows:
                for column, blob in zip(columns, blobs, strict=True):
                    if blob is None:
                        continue
                    old, new = f"{table}.{column}", row_context(f"{table}.{column}", row_key)
                    sealed = cipher.encrypt(cipher.decrypt(blob, old), new)
                    conn.exec_driver_sql(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                                         (sealed, rowid))
        conn.exec_driver_sql("INSERT INTO app_state (key, value) VALUES (?, '1')", (ROW_BINDING_STATE,))
        conn.commit()
    log.info("store: encrypted values bound to their rows")


def _migrate(store: Store, existed: bool, current: str | None) -> None:
    from alembic import command

    head = head_revision()
    if not existed or current is None:
        with store.engine.connect() as conn:
            conn = conn.execution_options(counter_write=True, counter_durable=True)
            command.upgrade(_alembic_config(conn), "head")
            conn.commit()
        return
    backup = _backup(store.engine, store.path, current)
    log.info("store upgrade %s -> %s, backup at %s", current, head, backup.name)
    try:
        with store.engine.connect() as conn:
            conn = conn.execution_options(counter_write=True, counter_durable=True)
            command.upgrade(_alembic_config(conn), "head")
            conn.commit()
    except Exception as error:
        # a migration may have committed part of its work (Alembic's autocommit blocks, a
        # script that commits): the backup, not the rollback, is what the teller's data was
        reason = type(error).__name__
        log.error("store upgrade %s -> %s failed (%s): restoring %s", current, head, reason,
                  backup.name)
        _restore_backup(store, backup, current)
        raise StoreUpgradeRolledBack(backup=backup, schema_before=current, schema_target=head,
                                     reason=reason) from error


def _restore_backup(store: Store, backup: Path, revision: str) -> None:
    """Put the pre-upgrade backup back (SQLite's backup API, as the install path does) and
    check it reads as that revision; the instance lock is still held."""
    from counter_app.store.upgrade import restore_database, schema_revision

    store.engine.dispose()  # no pooled connection of the failed upgrade stays open
    try:
        restore_database(backup, store.path)
        restored = schema_revision(store.path)
    except (sqlite3.Error, OSError) as error:
        log.error("store: restoring the pre-upgrade backup failed: %s", type(error).__name__)
        raise StoreError(
            zh("本程序的数据库升级失败，自动恢复备份也未成功。请不要再启动柜面程序，立即联系网点技术支持"
               "用备份文件 {backup} 恢复数据库。", backup=backup.name)) from error
    if restored != revision:
        raise StoreError(
            zh("本程序的数据库升级失败，恢复备份后的数据库版本不符（{restored}）。请不要再启动柜面程序，"
               "立即联系网点技术支持用备份文件 {backup} 恢复数据库。", restored=restored, backup=backup.name))
    log.info("store: pre-upgrade backup %s restored (schema %s)", backup.name, revision)


@dataclass(frozen=True)
class StoreInspection:
    """What `doctor` learns of a database without changing it."""

    integrity: str
    revision: str | None
    key_matches: bool | None  # None: no key given, or no check value stored yet


def inspect_store(path: Path, cipher: DataCipher | None) -> StoreInspection:
    """Read-only look at an existing database: integrity, schema revision, whether ``cipher``
    is its key. Never creates, migrates or writes (SQLite's -wal/-shm go away on close)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error as error:
        raise translate_db_error(error, path) from error
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0])

        def scalar(sql: str, *args: str) -> Any:
            exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                                  (sql.split(" FROM ")[1].split()[0],)).fetchone()
            row = conn.execute(sql, args).fetchone() if exists else None
            return row[0] if row else None

        revision = scalar("SELECT version_num FROM alembic_version")
        stored = scalar("SELECT value FROM app_state WHERE key = ?", KEY_CHECK_STATE)
    except sqlite3.Error as error:
        raise translate_db_error(error, path) from error
    finally:
        conn.close()
    matches = None if cipher is None or stored is None else \
        hmac.compare_digest(str(stored), cipher.key_check())
    return StoreInspection(integrity, revision, matches)
