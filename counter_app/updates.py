"""Signed updates (tufup / TUF): found and staged at sign-out, installed at the next start.

At sign-out (:func:`check_and_stage`, on a worker; it never blocks the teller): the TUF
client refreshes root → timestamp → snapshot → targets from the update repository and
refuses anything signed by the wrong keys, older than what it has already seen (rollback),
expired (freeze) or inconsistent with the snapshot (mix-and-match). A newer archive of this
application is downloaded, checked against the length and hashes in the signed targets
metadata, extracted into the private state directory and marked pending.

At the next start (:func:`apply_pending`, before the store is opened): the database is
backed up with SQLite's backup API next to itself (owner-only), the program folder is handed
to the new version (:class:`ProgramFolder`), the new version's own migration scripts run,
and if they fail the backup is put back and the previous program kept. The outcome is kept
in a file until the store is open and the audit log can record it (:func:`read_outcome`).

A new version put in place by a root installer (a ``.deb``) migrates the database itself, at
its first start; when that fails the store puts its backup back and :func:`rolled_back_at_open`
keeps the outcome for the previous program's audit log and stops this version for good (IT
puts the previous program back: ``counter-app update-rollback``, :mod:`counter_app.update_handoff`).

Swapping the program folder is the platform's part: :class:`FolderSwap` renames folders the
running account may write (a per-user or portable install, the tests); a ``.deb`` under
``/opt`` or an MSI under Program Files need elevation (see docs/updates.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
import os
import shutil
import tarfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.private_files import private_dir, write_private
from counter_app.store.upgrade import (
    MigrationFailed,
    backup_database,
    migrate_with_scripts,
    restore_database,
    schema_revision,
)
from counter_app.workflows.version_gate import is_older, parse_version

log = logging.getLogger(__name__)

APP_NAME = "counter-app"
PENDING = "pending.json"
OUTCOME = "last-update.json"
LAST_CHECK = "last-check.json"
LAST_INSTALL = "last-install.json"  # a lasting copy of the outcome, for doctor and support
METADATA_ROLES = ("root", "timestamp", "snapshot", "targets")
# where a one-folder bundle keeps the migration scripts (PyInstaller's layout, then a plain tree)
MIGRATION_DIRS = ("_internal/counter_app/store/migrations", "counter_app/store/migrations")


class UpdateError(CounterError):
    """The update check could not be completed (line, repository down): try again later."""

    code = "UPDATE_CHECK_FAILED"


class UpdateRefused(UpdateError):
    """The repository answered with something TUF refuses: wrong signature, an older
    version than already seen, expired metadata, a target whose hash does not match."""

    code = "UPDATE_REFUSED"


class UpdateInstalled(CounterError):
    """A new version is in place: this (previous) program may not open the store."""

    code = "UPDATE_INSTALLED"


class UpdateUnusable(CounterError):
    """This program is a new version whose migrations failed on the teller's database: the
    database was restored, and this version must not serve (IT puts the previous one back)."""

    code = "UPDATE_ROLLED_BACK_AT_START"


@dataclass(frozen=True)
class UpdatePaths:
    """The updater's files under the state directory (private: 0700)."""

    root: Path

    @property
    def metadata(self) -> Path:
        return self.root / "metadata"

    @property
    def targets(self) -> Path:
        return self.root / "targets"

    @property
    def staged(self) -> Path:
        return self.root / "staged"

    @property
    def pending(self) -> Path:
        return self.root / PENDING

    @property
    def outcome(self) -> Path:
        return self.root / OUTCOME

    @property
    def last_check(self) -> Path:
        return self.root / LAST_CHECK

    def make(self) -> None:
        for d in (self.root, self.metadata, self.targets, self.staged):
            private_dir(d)


@functools.cache
def current_version() -> str:
    """The running program's version (the installed distribution's; asked often by the
    version gate, and fixed for the life of the process)."""
    from importlib import metadata

    try:
        return metadata.version("counter-app")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+source"


# -- sign-out: check, download, verify, stage ---------------------------------------------------

@dataclass(frozen=True)
class CheckResult:
    state: str  # "current": nothing newer; "staged": a newer version waits for the next start;
    # "busy": another check is still running
    version: str | None
    message_zh: str


@dataclass(frozen=True)
class Pending:
    version: str
    from_version: str
    archive: str
    sha256: str
    staged_dir: str
    staged_at: str

    @classmethod
    def read(cls, path: Path) -> Pending | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**{f.name: str(data[f.name]) for f in dataclasses.fields(cls)})
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError):
            log.warning("update: unreadable pending marker ignored")
            return None


def _refused(error: BaseException) -> UpdateRefused:
    from tuf.api import exceptions as tuf_errors

    what = {
        tuf_errors.ExpiredMetadataError: QT_TR_NOOP("更新仓库的签名元数据已过期"),
        tuf_errors.BadVersionNumberError: QT_TR_NOOP("更新仓库提供的元数据版本不一致或比本机已见过的更旧"
                                                     "（可能是回滚或混用攻击）"),
        tuf_errors.LengthOrHashMismatchError: QT_TR_NOOP("下载的内容与签名不符（可能被篡改）"),
        tuf_errors.UnsignedMetadataError: QT_TR_NOOP("更新仓库的签名无效"),
    }
    text = next((why for cls, why in what.items() if isinstance(error, cls)), QT_TR_NOOP("更新仓库的元数据未通过校验"))
    return UpdateRefused(zh("{problem}，已拒绝本次更新；当前版本照常使用。请通知网点技术支持。", problem=text))


def _client(paths: UpdatePaths, repository_url: str, current_version: str) -> Any:
    from tufup.client import Client

    base = repository_url.rstrip("/")
    return Client(app_name=APP_NAME, app_install_dir=paths.staged, current_version=current_version,
                  metadata_dir=paths.metadata, metadata_base_url=f"{base}/metadata/",
                  target_dir=paths.targets, target_base_url=f"{base}/targets/",
                  extract_dir=paths.staged)


def _trust_root(paths: UpdatePaths, trusted_root: Path) -> None:
    """The first root.json comes with the installation; later ones only through TUF's
    signed root rotation (the client replaces it in the metadata directory)."""
    local = paths.metadata / "root.json"
    if not local.exists():
        if not trusted_root.is_file():
            raise UpdateError(zh("找不到更新仓库的根证书文件（updates.trusted_root：{path}），"
                                 "无法检查更新。请联系网点技术支持。", path=trusted_root))
        write_private(local, trusted_root.read_bytes())


def _safe_extract(archive: Path, into: Path) -> None:
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(into, filter="data")  # no absolute paths, "..", devices or links out


_checking = threading.Lock()  # one check at a time: sign-outs can follow each other quickly


def check_and_stage(paths: UpdatePaths, *, repository_url: str, trusted_root: Path,
                    current_version: str) -> CheckResult:
    """Look for a newer signed version and stage it. Raises :class:`UpdateRefused` when TUF
    refuses what the repository served, :class:`UpdateError` when it cannot be reached.
    A check still running (an earlier sign-out's download) makes this one ``busy``."""
    if not _checking.acquire(blocking=False):
        return CheckResult("busy", None, QT_TR_NOOP("上一次更新检查尚未结束。"))
    try:
        result = _check_and_stage(paths, repository_url, trusted_root, current_version)
    except UpdateError as error:
        _record_check(paths, error.code, None, error.message_zh)
        raise
    else:
        _record_check(paths, result.state, result.version, result.message_zh)
        return result
    finally:
        _checking.release()


def _record_check(paths: UpdatePaths, result: str, version: str | None, message_zh: str) -> None:
    """When the last check ran and what it found, for `doctor` and the support bundle."""
    try:
        private_dir(paths.root)
        _write_json(paths.last_check, {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                                       "result": result, "version": version,
                                       "message_zh": message_zh})
    except OSError as error:  # a full disk must not turn a good check into a failed one
        log.warning("update: last check not recorded: %s", type(error).__name__)


def _check_and_stage(paths: UpdatePaths, repository_url: str, trusted_root: Path,
                     current_version: str) -> CheckResult:
    from tuf.api import exceptions as tuf_errors
    from tufup.common import TargetMeta

    paths.make()
    _trust_root(paths, trusted_root)
    client = _client(paths, repository_url, current_version)
    try:
        client.refresh()  # tufup's check_for_updates would log a refusal and carry on
    except tuf_errors.RepositoryError as error:
        log.warning("update metadata refused: %s", type(error).__name__)
        raise _refused(error) from error
    except (tuf_errors.DownloadError, OSError) as error:
        log.info("update repository unreachable: %s", type(error).__name__)
        raise UpdateError(QT_TR_NOOP("无法连接更新仓库，稍后签退时会再次检查；当前版本照常使用。")) from error
    current = parse_version(current_version)
    newer = [m for m in client.trusted_target_metas
             if m.name == APP_NAME and m.is_archive and m.version is not None
             and not m.version.is_prerelease and (current is None or m.version > current)
             and not (paths.root / f"failed-{m.version}.json").exists()]  # not again: IT decides
    if not newer:
        return CheckResult("current", None, QT_TR_NOOP("已是最新版本。"))
    meta: TargetMeta = max(newer, key=lambda m: m.version)
    version = str(meta.version)
    pending = Pending.read(paths.pending)
    if pending is not None and pending.version == version and Path(pending.staged_dir).is_dir():
        return CheckResult("staged", version, zh("新版本 {version} 已下载，将在下次启动时安装。",
                                                 version=version))
    info = client.get_targetinfo(meta)
    if info is None:  # listed but not in the signed targets: never fetched
        raise UpdateRefused(QT_TR_NOOP("更新包不在签名的目标清单中，已拒绝本次更新。"))
    _drop_other_versions(paths, version, Path(info.path).name)
    try:
        archive = Path(client.find_cached_target(info) or client.download_target(info))
    except tuf_errors.RepositoryError as error:
        log.warning("update target refused: %s", type(error).__name__)
        raise _refused(error) from error
    except (tuf_errors.DownloadError, OSError) as error:
        raise UpdateError(QT_TR_NOOP("下载更新包中断，稍后签退时会再次检查；当前版本照常使用。")) from error
    staged = paths.staged / version
    partial = paths.staged / f"{version}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    private_dir(partial)
    try:
        _safe_extract(archive, partial)
        if find_migrations(partial) is None:
            raise UpdateRefused(QT_TR_NOOP("更新包中没有数据库升级脚本，不是完整的程序包，已拒绝。"))
    except (tarfile.TarError, OSError) as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise UpdateRefused(QT_TR_NOOP("更新包无法解开，已拒绝本次更新。")) from error
    except UpdateRefused:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    shutil.rmtree(staged, ignore_errors=True)
    partial.rename(staged)
    marker = Pending(version=version, from_version=current_version, archive=archive.name,
                     sha256=str(info.hashes.get("sha256", "")), staged_dir=str(staged),
                     staged_at=dt.datetime.now(dt.UTC).isoformat())
    _write_json(paths.pending, dataclasses.asdict(marker))
    log.info("update %s staged (from %s)", version, current_version)
    return CheckResult("staged", version, zh("新版本 {version} 已下载并校验，将在下次启动时安装。",
                                             version=version))


def _drop_other_versions(paths: UpdatePaths, version: str, archive: str) -> None:
    """A newer version supersedes what an earlier sign-out staged: the disk holds one."""
    for entry in paths.staged.iterdir():
        if entry.is_dir() and entry.name != version:
            shutil.rmtree(entry, ignore_errors=True)
    for entry in paths.targets.glob(f"{APP_NAME}-*"):
        if entry.name != archive:
            entry.unlink(missing_ok=True)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    write_private(tmp, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    os.replace(tmp, path)  # a crash leaves the old marker or the new one, never half of one


def find_migrations(bundle: Path) -> Path | None:
    for rel in MIGRATION_DIRS:
        where = bundle / rel
        if (where / "env.py").is_file():
            return where
    return None


# -- next start: back up, hand over, migrate, roll back -----------------------------------------

class ProgramFolder(Protocol):
    """The platform's part: put the staged folder in place of the running program's, and
    put the previous one back when the database cannot follow."""

    def install(self, staged: Path) -> Path: ...
    def restore(self) -> None: ...


class FolderSwap:
    """Rename-based swap for an install folder this account may write: the running program's
    files stay open (POSIX keeps them by inode), the previous folder is kept beside it."""

    def __init__(self, install_dir: Path) -> None:
        self.install_dir = install_dir
        self.previous = install_dir.with_name(install_dir.name + ".previous")
        self._swapped = False

    def install(self, staged: Path) -> Path:
        shutil.rmtree(self.previous, ignore_errors=True)
        self.install_dir.rename(self.previous)
        try:
            staged.rename(self.install_dir)
        except OSError:
            self.previous.rename(self.install_dir)
            raise
        self._swapped = True
        return self.install_dir

    def restore(self) -> None:
        if not self._swapped:
            return
        failed = self.install_dir.with_name(self.install_dir.name + ".failed")
        shutil.rmtree(failed, ignore_errors=True)
        self.install_dir.rename(failed)
        self.previous.rename(self.install_dir)
        self._swapped = False


@dataclass(frozen=True)
class ApplyOutcome:
    state: str  # "applied" | "rolled_back" | "discarded"
    version: str
    from_version: str
    message_zh: str
    backup: str | None = None
    schema_before: str | None = None
    schema_after: str | None = None
    reason: str | None = None

    @property
    def restart_needed(self) -> bool:
        """The new program is in place: this (old) process must not open the store."""
        return self.state == "applied"


def _rolled_back_text(version: str, current: str) -> str:
    return zh("新版本 {version} 的数据库升级失败，已恢复升级前的数据库，继续使用当前版本 {current}。"
              "已办理的业务数据不受影响。请通知网点技术支持处理后再升级。", version=version, current=current)


def apply_pending(paths: UpdatePaths, *, database: Path, current_version: str,
                  program: ProgramFolder,
                  migrate: Callable[[Path, Path], str | None] = migrate_with_scripts,
                  now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
                  ) -> ApplyOutcome | None:
    """Install a staged update, if one is pending. Never raises for a failed migration: the
    database is restored from its backup and the previous program kept (``rolled_back``).
    Runs under the store's instance lock: a counter still running on this database (or a
    second start) leaves the update pending."""
    if not paths.pending.exists():
        return None
    from filelock import FileLock, Timeout

    lock = FileLock(database.with_name(database.name + ".lock"), thread_local=False)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        log.warning("update pending, but the database is in use: left for the next start")
        return None
    try:
        return _apply_locked(paths, database, current_version, program, migrate, now)
    finally:
        lock.release()


def _apply_locked(paths: UpdatePaths, database: Path, current_version: str,
                  program: ProgramFolder, migrate: Callable[[Path, Path], str | None],
                  now: Callable[[], dt.datetime]) -> ApplyOutcome | None:
    pending = Pending.read(paths.pending)
    if pending is None:
        return None
    staged = Path(pending.staged_dir)
    if not is_older(current_version, pending.version) or not staged.is_dir():
        # already running it (or newer), or the staged folder is gone: nothing to install
        paths.pending.unlink(missing_ok=True)
        outcome = ApplyOutcome("discarded", pending.version, current_version,
                               zh("待安装的版本 {version} 不再需要安装，已丢弃。", version=pending.version))
        queue_outcome(paths, dataclasses.asdict(outcome))
        return outcome
    scripts = find_migrations(staged)
    stamp = now().strftime("%Y%m%dT%H%M%SZ")
    backup = database.with_name(f"{database.name}.pre-update-{pending.version}-{stamp}.bak")
    existed = database.exists() and database.stat().st_size > 0
    before = schema_revision(database) if existed else None
    if existed:
        backup_database(database, backup)
        log.info("update %s: database backed up to %s", pending.version, backup.name)
    installed = False
    try:
        if scripts is None:
            raise MigrationFailed(QT_TR_NOOP("更新包中没有数据库升级脚本"))
        program.install(staged)
        installed = True
        new_scripts = find_migrations(_installed_dir(program, staged)) or scripts
        after = migrate(database, new_scripts) if existed else None
    except (MigrationFailed, OSError) as error:
        reason = type(error.__cause__ or error).__name__
        if existed:
            restore_database(backup, database)
        if installed:
            program.restore()
        paths.pending.unlink(missing_ok=True)
        failed = paths.root / f"failed-{pending.version}.json"
        _write_json(failed, dataclasses.asdict(pending) | {"reason": reason})
        outcome = ApplyOutcome("rolled_back", pending.version, current_version,
                               _rolled_back_text(pending.version, current_version),
                               backup=backup.name if existed else None, schema_before=before,
                               schema_after=schema_revision(database) if existed else None,
                               reason=reason)
        log.error("update %s rolled back: %s", pending.version, reason)
    else:
        paths.pending.unlink(missing_ok=True)
        outcome = ApplyOutcome("applied", pending.version, current_version,
                               zh("已安装新版本 {version}（原版本 {previous}），数据库已备份并升级。",
                                  version=pending.version, previous=current_version),
                               backup=backup.name if existed else None, schema_before=before,
                               schema_after=after)
        log.info("update %s applied (schema %s -> %s)", pending.version, before, after)
    queue_outcome(paths, dataclasses.asdict(outcome))
    _write_json(paths.root / LAST_INSTALL, dataclasses.asdict(outcome) | {
        "at": now().isoformat(timespec="seconds")})
    return outcome


def _installed_dir(program: ProgramFolder, staged: Path) -> Path:
    where = getattr(program, "install_dir", None)
    return where if isinstance(where, Path) and where.is_dir() else staged


def queue_outcome(paths: UpdatePaths, data: dict[str, Any]) -> Path:
    """Keep an outcome until the store is open and the audit log records it. Several can wait
    (the root installer's install, this program's failed migration, IT's rollback): the oldest
    in ``last-update.json`` (what earlier versions read), later ones in ``last-update.N.json``.
    One with the ``id`` of a waiting one replaces it (a program started again adds no entry)."""
    private_dir(paths.root)
    waiting = read_outcomes(paths)
    for path, old in waiting:
        if data.get("id") is not None and old.get("id") == data.get("id"):
            _write_json(path, data)
            return path
    numbers = [_outcome_number(p) for p, _ in waiting]
    target = paths.outcome if not waiting else paths.root / f"last-update.{max(numbers) + 1}.json"
    _write_json(target, data)
    return target


def _outcome_number(path: Path) -> int:
    middle = path.name[len("last-update."):-len(".json")]
    return int(middle) if middle.isdigit() else 0


def read_outcomes(paths: UpdatePaths) -> list[tuple[Path, dict[str, Any]]]:
    """The outcomes waiting for the audit log, oldest first; the caller removes each file
    once its entry is committed."""
    files = [paths.outcome] if paths.outcome.exists() else []
    files += sorted((p for p in paths.root.glob("last-update.*.json")
                     if p.name[len("last-update."):-len(".json")].isdigit()),
                    key=_outcome_number)
    out: list[tuple[Path, dict[str, Any]]] = []
    for path in files:
        data = _read_json(path)
        if data is None:
            log.warning("update: unreadable outcome file dropped")
            path.unlink(missing_ok=True)
            continue
        out.append((path, data))
    return out


def _unusable_text(version: str) -> str:
    return zh("本机柜面程序新版本 {version} 启动时数据库升级失败。数据库已自动恢复为升级前的状态，"
              "已办理的业务数据没有丢失。此版本的柜面程序不能使用，请暂停办理业务，立即通知网点技术支持"
              "恢复上一版本程序（管理员运行 counter-app update-rollback）。", version=version)


def rolled_back_at_open(paths: UpdatePaths, *, version: str, backup: str, schema_before: str,
                        schema_after: str | None, reason: str,
                        now: dt.datetime | None = None) -> UpdateUnusable:
    """This program (``version``) could not migrate the database, which the store put back
    from its backup: keep the outcome for the audit log (the previous program records it
    when IT has put it back), for doctor and the support bundle, and mark this version as
    unusable on this account. Returns the error the teller reads."""
    at = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    waiting = [o for _, o in read_outcomes(paths)]
    from_version = next((o.get("from_version") for o in waiting
                         if o.get("state") == "applied" and o.get("version") == version), None)
    outcome = {"id": f"open-{version}", "state": "rolled_back", "stage": "open",
               "version": version, "from_version": from_version,
               "message_zh": zh("新版本 {version} 启动时数据库升级失败，数据库已自动恢复为升级前的状态，"
                                "已办理的业务数据不受影响。", version=version),
               "backup": backup, "schema_before": schema_before, "schema_after": schema_after,
               "reason": reason}
    try:
        queue_outcome(paths, outcome)
        _write_json(paths.root / LAST_INSTALL, outcome | {"at": at})
        _write_json(paths.root / f"failed-{version}.json",
                    {"version": version, "stage": "open", "reason": reason, "backup": backup,
                     "at": at})
    except OSError as error:  # a full disk: the teller must still learn what happened
        log.error("update: rollback at start not recorded: %s", type(error).__name__)
    log.error("update %s unusable: its migration failed at start, database restored", version)
    return UpdateUnusable(_unusable_text(version))


def unusable_version(paths: UpdatePaths, running: str | None = None) -> UpdateUnusable | None:
    """The error to stop at when this program's version already failed to migrate the
    database here: it does not touch the database again."""
    if not any(paths.root.glob("failed-*.json")):
        return None  # the usual start: the version is not even looked up
    running = running or current_version()
    failed = _read_json(paths.root / f"failed-{running}.json")
    if failed is None or failed.get("stage") != "open":
        return None
    return UpdateUnusable(_unusable_text(running))


def read_outcome(paths: UpdatePaths) -> dict[str, Any] | None:
    """The last install's outcome, for the audit log; the caller removes the file once the
    entry is committed (a crash in between records it at the next start instead)."""
    try:
        data = json.loads(paths.outcome.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:
        log.warning("update: unreadable outcome file dropped")
        paths.outcome.unlink(missing_ok=True)
        return None
    return data if isinstance(data, dict) else None


# -- what doctor and the support bundle report (read-only) --------------------------------------

def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def metadata_versions(paths: UpdatePaths) -> dict[str, dict[str, Any] | None]:
    """Version and expiry of each trusted TUF role on this PC — never the keys or signatures
    the files also hold."""
    out: dict[str, dict[str, Any] | None] = {}
    for role in METADATA_ROLES:
        data = _read_json(paths.metadata / f"{role}.json")
        signed = data.get("signed") if data else None
        out[role] = ({"version": signed.get("version"), "expires": signed.get("expires")}
                     if isinstance(signed, dict) else None)
    return out


def inspect_state(paths: UpdatePaths) -> dict[str, Any]:
    """The updater's state from its files: the last check, a staged update waiting for the
    next start, the last install or rollback, earlier failed versions, the metadata versions."""
    pending = Pending.read(paths.pending)
    last = _read_json(paths.root / LAST_INSTALL) or _read_json(paths.outcome)
    return {
        "folder": str(paths.root),
        "last_check": _read_json(paths.last_check),
        "pending": dataclasses.asdict(pending) if pending is not None else None,
        "last_install": last,
        "failed_versions": sorted(p.name[len("failed-"):-len(".json")]
                                  for p in paths.root.glob("failed-*.json")),
        "metadata": metadata_versions(paths),
    }
