"""The database side of installing an update: a consistent backup, the new version's
migrations, and putting the backup back when they fail.

Kept apart from :mod:`counter_app.store.database` because it runs before the store is
opened (no data key, no instance lock held yet) and against migration scripts that are
not this program's own: those of the staged new version.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import zh
from counter_app.private_files import private_file

log = logging.getLogger(__name__)


class MigrationFailed(CounterError):
    code = "UPDATE_MIGRATION_FAILED"


def backup_database(db: Path, target: Path) -> Path:
    """Copy ``db`` to ``target`` through SQLite's online backup API: a consistent copy that
    includes what is still in the WAL, written to a file only this account can read."""
    target.unlink(missing_ok=True)
    private_file(target)  # the copy holds the same personal data as the database
    src = sqlite3.connect(db)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    return target


def restore_database(backup: Path, db: Path) -> None:
    """Put ``backup`` back into ``db`` page by page (the backup API again, so SQLite keeps
    the WAL and the -shm consistent instead of us overwriting files under it)."""
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(db)
        try:
            src.backup(dest)
            dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dest.close()
    finally:
        src.close()


def schema_revision(db: Path) -> str | None:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' "
                           "AND name='alembic_version'").fetchone()
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has else None
        return str(row[0]) if row else None
    finally:
        conn.close()


def migrate_with_scripts(db: Path, scripts: Path) -> str | None:
    """Upgrade ``db`` to the head of the migration scripts in ``scripts`` (the staged new
    version's ``counter_app/store/migrations``), in one transaction; returns the new head.
    Raises :class:`MigrationFailed` whatever went wrong inside a migration."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db}", future=True)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            cfg = Config()
            cfg.set_main_option("script_location", str(scripts))
            cfg.attributes["connection"] = conn
            try:
                command.upgrade(cfg, "head")
                conn.commit()
            except Exception as error:
                conn.rollback()
                log.error("update migration failed: %s", type(error).__name__)
                raise MigrationFailed(
                    zh("新版本的数据库升级失败（{error}）", error=type(error).__name__)) from error
    finally:
        engine.dispose()
    return schema_revision(db)
