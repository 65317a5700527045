"""Opening the local SQLite store: pragmas, migrations, one writer, clear errors.

- WAL journal; ``synchronous=NORMAL`` by default and ``FULL`` for a write that precedes an
  external effect (showing "done", sending to the central, writing a card, printing).
- Alembic migrations run at start; a database from an older version is backed up and upgraded.
- A corrupt, locked, unreadable or full database raises a :class:`StoreError` whose message
  tells the teller what happened and what to do — never a traceback.
- All writes go through one writer lock and start with ``BEGIN IMMEDIATE``, so two writers
  never deadlock on a lock upgrade.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from filelock import BaseFileLock, FileLock, Timeout
from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from counter_app.domain.errors import CounterError
from counter_app.store.crypto import DataCipher
from counter_app.store.types import attach_cipher

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000

# The newest migration. Kept here so a normal start needs no Alembic import (about half a
# second); a unit test checks it against the migration scripts.
SCHEMA_HEAD = "0004"


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


def translate_db_error(error: BaseException, path: Path) -> StoreError:
    """Turn a driver error into a teller-readable store error."""
    text = str(getattr(error, "orig", error)).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreCorruptError(
            f"本地数据库文件已损坏，无法打开（{path.name}）。请不要删除或移动该文件，"
            "立即联系网点技术支持从备份恢复；恢复前请暂停办理业务。"
        )
    if "locked" in text or "busy" in text:
        return StoreLockedError(
            "本地数据库正被其他程序占用，暂时无法写入。请关闭本机上其他柜面程序窗口后重试；"
            "如仍无法使用，请重启电脑。"
        )
    if "disk is full" in text or "disk full" in text or "no space" in text:
        return StoreFullError(
            "本机磁盘空间已满，刚才的操作没有保存（已办理的数据不受影响）。"
            "请联系网点技术支持清理磁盘后重试。"
        )
    if "unable to open" in text or "readonly" in text or "permission" in text:
        return StoreError(
            f"无法打开或写入本地数据库（{path}）：权限不足或目录不存在。请联系网点技术支持检查配置。"
        )
    return StoreError(f"本地数据库出错（{type(error).__name__}），操作未保存。请重试，或联系网点技术支持。")


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
            "本机已有一个柜面程序正在使用该数据库。请切换到已打开的窗口，不要重复启动。"
        ) from error
    return lock


def _backup(engine: Engine, path: Path, revision: str | None) -> Path:
    target = path.with_name(f"{path.name}.pre-upgrade-{revision or 'none'}.bak")
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
        path.parent.mkdir(parents=True, exist_ok=True)
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
    except StoreError:
        store.close()
        raise
    if os.name == "posix":
        os.chmod(path, 0o600)
    return store


def _check_and_migrate(store: Store) -> None:
    existed = store.path.exists() and store.path.stat().st_size > 0
    if existed:
        result = store.integrity_check(quick=True)
        if result != "ok":
            raise translate_db_error(sqlite3.DatabaseError("database disk image is malformed"),
                                     store.path)
    current = store.schema_revision()
    if current == SCHEMA_HEAD:
        return
    from alembic import command

    head = head_revision()
    if existed and current is not None:
        backup = _backup(store.engine, store.path, current)
        log.info("store upgrade %s -> %s, backup at %s", current, head, backup.name)
    with store.engine.connect() as conn:
        conn = conn.execution_options(counter_write=True, counter_durable=True)
        command.upgrade(_alembic_config(conn), "head")
        conn.commit()
