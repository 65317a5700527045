"""The privileged hand-off for installs the counter's account may not write (the ``.deb``'s
``/opt/counter-app``; docs/updates.md, "The platform's part").

The counter (a teller's account) puts what it has already verified into a machine-wide spool
the package creates for the tellers' group: the TUF metadata it trusts and the archive, then
``request.json``. A root-owned systemd path unit starts ``counter-app update-install``
(:func:`install_from_spool`), which trusts nothing in the spool: it runs its own TUF refresh
against its own root-only trusted metadata (initialised from ``/etc/counter-app/update-root.json``),
with the spool as the mirror, so the signatures, the versions already seen (rollback), the
expiry (freeze) and the archive's length and hashes are checked again, as root, on a copy the
tellers cannot touch. It then extracts the archive beside the program folder and swaps the
folders by two renames under a journal (an interrupted swap is finished or undone at the next
run, :func:`recover_swap`); the previous folder is kept for rollback. The outcome goes to a
root-owned, world-readable file the counter reads at its next start (:func:`collect_outcome`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import shutil
import tarfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.updates import (
    APP_NAME,
    Pending,
    UpdatePaths,
    current_version,
    find_migrations,
    queue_outcome,
)
from counter_app.workflows.version_gate import is_older, parse_version

log = logging.getLogger(__name__)

# the Debian package's layout (packaging/deb/postinst creates these)
BASE = Path("/var/lib/counter-app")
DEFAULT_SPOOL = BASE / "update-spool"  # root:counter-app 2770: the tellers write here
DEFAULT_TRUST = BASE / "update-trust"  # root 0700: the installer's own TUF metadata, its work
DEFAULT_OUTCOME = BASE / "update-outcome.json"  # root 0644: read by every teller account
DEFAULT_ROOT = Path("/etc/counter-app/update-root.json")
DEFAULT_INSTALL = Path("/opt/counter-app")

REQUEST = "request.json"
JOURNAL = "swap.json"
ROLLED_BACK = "rolled-back.json"  # in the trust folder: versions IT took off this PC
ROLLBACK_JOURNAL = "rollback.json"  # in the trust folder while update-rollback runs
ROLLBACK_COPY = ".rollback-copy"  # in the folder a rollback put back: which rollback did
SEEN = "handoff-seen.json"
MARKER = ".installed-by-update-service"
_MIRROR = "spool://"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class HandoffPaths:
    spool: Path = DEFAULT_SPOOL
    trust: Path = DEFAULT_TRUST
    outcome: Path = DEFAULT_OUTCOME
    trusted_root: Path = DEFAULT_ROOT
    install_dir: Path = DEFAULT_INSTALL

    @property
    def request(self) -> Path:
        return self.spool / REQUEST

    @property
    def new(self) -> Path:
        return self.install_dir.with_name(self.install_dir.name + ".new")

    @property
    def previous(self) -> Path:
        return self.install_dir.with_name(self.install_dir.name + ".previous")

    @property
    def journal(self) -> Path:
        return self.trust / JOURNAL


def _write_json(path: Path, data: dict[str, Any], mode: int) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as out:
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())
    os.chmod(tmp, mode)  # the umask must not narrow what other accounts may read
    os.replace(tmp, path)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# -- the counter's side (a teller's account) ----------------------------------------------------

def spool_available(spool: Path = DEFAULT_SPOOL) -> bool:
    """The package made the spool and this account is in its group."""
    return spool.is_dir() and os.access(spool, os.W_OK | os.X_OK)


def hand_off(paths: UpdatePaths, pending: Pending, spool: Path = DEFAULT_SPOOL) -> bool:
    """Put the staged update's metadata and archive into the spool, then the request (last,
    atomically: the path unit fires on it). False when there is nothing to hand over."""
    archive = paths.targets / pending.archive
    root = _read_json(paths.metadata / "root.json")
    if not archive.is_file() or root is None:
        return False
    waiting = _read_json(spool / REQUEST)
    handed = spool / "targets" / pending.archive
    if waiting and waiting.get("archive") == pending.archive and handed.is_file() \
            and handed.stat().st_size == archive.stat().st_size:
        return True  # a later sign-out: already waiting for the installer, 192 MB not copied again
    for part in ("metadata", "targets"):
        folder = spool / part
        if not folder.is_dir():
            folder.mkdir()
            os.chmod(folder, 0o2770)  # past the umask: every teller account of the group writes
    signed = root.get("signed")
    version = signed.get("version") if isinstance(signed, dict) else None
    copies = {f"metadata/{role}.json": paths.metadata / f"{role}.json"
              for role in ("timestamp", "snapshot", "targets")}
    copies[f"metadata/{version}.root.json"] = paths.metadata / "root.json"
    copies[f"targets/{pending.archive}"] = archive
    for name, source in copies.items():
        tmp = spool / f"{name}.{os.getpid()}.tmp"
        shutil.copyfile(source, tmp)
        os.chmod(tmp, 0o640)
        os.replace(tmp, spool / name)  # replaces another account's file: the directory is ours
    for old in (spool / "targets").glob(f"{APP_NAME}-*"):
        if old.name != pending.archive:
            old.unlink(missing_ok=True)
    _write_json(spool / REQUEST, {"archive": pending.archive, "version": pending.version,
                                  "from_version": pending.from_version,
                                  "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
                0o640)
    log.info("update %s handed to the system installer", pending.version)
    return True


def offer_to_system_installer(paths: UpdatePaths, spool: Path | None = None) -> bool:
    """After a check staged an update this account cannot install: hand it to the root
    service when the package made the spool for us (False: no spool, nothing staged)."""
    spool = spool or DEFAULT_SPOOL
    pending = Pending.read(paths.pending)
    if pending is None or not spool_available(spool):
        return False
    try:
        return hand_off(paths, pending, spool)
    except OSError as error:  # a full disk, a spool made for another group
        log.warning("update hand-off failed: %s", type(error).__name__)
        return False


def collect_outcome(paths: UpdatePaths, outcome_file: Path | None = None,
                    running: str | None = None) -> dict[str, Any] | None:
    """At start: the system installer's outcome, once per account — copied to the account's
    outcome file, which the store's start records in the audit log. A staged copy of a version
    the running program has reached is dropped."""
    outcome = _read_json(outcome_file or DEFAULT_OUTCOME)
    reached = [running or current_version()]
    if outcome is not None and outcome.get("state") == "applied":
        reached.append(str(outcome.get("version")))
    pending = Pending.read(paths.pending)
    if pending is not None and any(not is_older(v, pending.version) for v in reached):
        paths.pending.unlink(missing_ok=True)  # the system installed it (or a newer .deb did)
        shutil.rmtree(pending.staged_dir, ignore_errors=True)
    if outcome is None:
        return None
    seen = _read_json(paths.root / SEEN)
    if seen is not None and seen.get("id") == outcome.get("id"):
        return None
    paths.make()
    queue_outcome(paths, {**outcome, "source": "system"})  # after any still waiting
    _write_json(paths.root / SEEN, {"id": outcome.get("id")}, 0o600)
    return outcome


def handoff_state(where: HandoffPaths | None = None) -> dict[str, Any] | None:
    """For doctor and the support bundle: a request waiting in the spool, the last outcome
    (None where there is no spool: not a packaged install)."""
    where = where or HandoffPaths(spool=DEFAULT_SPOOL, outcome=DEFAULT_OUTCOME)
    if not where.spool.is_dir() and not where.outcome.exists():
        return None
    request = _read_json(where.request)
    return {"spool": str(where.spool), "writable": spool_available(where.spool),
            "request": ({k: request.get(k) for k in ("version", "from_version", "at")}
                        if request else None),
            "outcome": _read_json(where.outcome)}


# -- the installer's side (root, from the systemd service) --------------------------------------

class InstallRefused(Exception):
    """The spool's content does not verify: nothing is installed."""


class AlreadyInstalled(Exception):
    """A second request for the version in place (a later sign-out before the restart)."""


def _fetcher(spool: Path) -> Any:
    from tuf.api.exceptions import DownloadHTTPError
    from tuf.ngclient import FetcherInterface

    class SpoolFetcher(FetcherInterface):
        """python-tuf's downloads served from the spool: two fixed folders, plain files
        only (a link planted by a teller is not followed)."""

        def _fetch(self, url: str) -> Iterator[bytes]:
            parts = url.removeprefix(_MIRROR).split("/") if url.startswith(_MIRROR) else []
            if len(parts) != 2 or parts[0] not in ("metadata", "targets") \
                    or parts[1] in ("", ".", ".."):
                raise DownloadHTTPError(f"not in the spool: {url}", 404)
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
            try:
                fd = os.open(spool / parts[0] / parts[1], flags)
            except FileNotFoundError as error:
                raise DownloadHTTPError(f"not in the spool: {url}", 404) from error
            return _chunks(fd)

    return SpoolFetcher()


def _chunks(fd: int) -> Iterator[bytes]:
    with os.fdopen(fd, "rb") as f:
        while chunk := f.read(_CHUNK):
            yield chunk


@dataclass(frozen=True)
class InstallOutcome:
    id: str
    state: str  # "applied" | "refused" | "failed" | "recovered" (a swap cut short put right);
    # not written: "nothing" | "deferred" | "current" (that version is already in place)
    version: str | None
    from_version: str
    at: str
    message_zh: str
    reason: str | None = None
    previous_dir: str | None = None


def _verified_archive(where: HandoffPaths, archive_name: str, installed: str) -> tuple[Path, str]:
    """TUF refresh with the installer's own trust, the spool as mirror; the archive copied
    into the root-only work folder and checked there. Returns the copy and its version."""
    from tuf.api import exceptions as tuf_errors
    from tuf.ngclient import Updater
    from tufup.common import TargetMeta

    metadata, work = where.trust / "metadata", where.trust / "work"
    for d in (where.trust, metadata, work):
        d.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not (metadata / "root.json").exists():
        if not where.trusted_root.is_file():
            raise InstallRefused(f"no trusted root at {where.trusted_root}")
        shutil.copyfile(where.trusted_root, metadata / "root.json")
    if "/" in archive_name or archive_name in ("", ".", ".."):
        raise InstallRefused("bad archive name in the request")
    updater = Updater(str(metadata), f"{_MIRROR}metadata/", str(work), f"{_MIRROR}targets/",
                      fetcher=_fetcher(where.spool))
    try:
        updater.refresh()
        info = updater.get_targetinfo(archive_name)
        if info is None:
            raise InstallRefused("the archive is not in the signed targets")
        meta = TargetMeta(info.path)
        if meta.name != APP_NAME or not meta.is_archive or meta.version is None:
            raise InstallRefused("the signed target is not a program archive")
        version = str(meta.version)
        if version == installed or str(parse_version(installed)) == version:
            raise AlreadyInstalled(version)
        if version in _rolled_back_versions(where):
            raise InstallRefused(f"version {version} was rolled back by IT on this PC "
                                 f"(remove it from {where.trust / ROLLED_BACK} to allow it)")
        if not is_older(installed, version):
            raise InstallRefused(f"version {version} is not newer than {installed}")
        for old in work.iterdir():
            old.unlink()
        copy = Path(updater.download_target(info))  # length and hashes checked on our copy
    except tuf_errors.RepositoryError as error:
        raise InstallRefused(f"{type(error).__name__}: {error}") from error
    except tuf_errors.DownloadError as error:
        raise InstallRefused(f"missing from the spool: {type(error).__name__}") from error
    return copy, version


def _swap(where: HandoffPaths, version: str) -> None:
    """new folder + two renames under a journal: an interruption is put right by recover_swap."""
    shutil.rmtree(where.previous, ignore_errors=True)
    _write_json(where.journal, {"version": version, "state": "swapping"}, 0o600)
    where.install_dir.rename(where.previous)
    where.new.rename(where.install_dir)
    where.journal.unlink()


def recover_swap(where: HandoffPaths) -> str | None:
    """A swap cut short (power loss, a killed service): the new folder was complete and
    verified before the journal was written, so a swap half-done is finished; one not
    started is dropped. Returns what was done."""
    journal = _read_json(where.journal)
    if journal is None:
        if where.new.exists() and where.install_dir.is_dir():
            shutil.rmtree(where.new, ignore_errors=True)  # an extraction cut short
        return None
    if not where.install_dir.exists() and where.new.is_dir():
        where.new.rename(where.install_dir)
        done = "finished"
    elif not where.install_dir.exists() and where.previous.is_dir():
        where.previous.rename(where.install_dir)
        done = "undone"
    else:  # the program folder is there: the swap was done (new gone) or not begun
        done = "undone" if where.new.exists() else "finished"
        shutil.rmtree(where.new, ignore_errors=True)
    where.journal.unlink()
    log.warning("update install: an interrupted swap was %s", done)
    return done


def running_from(*folders: Path) -> list[int]:
    """Processes whose program file lies in one of ``folders`` (Linux /proc): a running
    counter would load the new version's modules into the old process after a swap."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    roots = [str(f.resolve()) + os.sep for f in folders if f.exists()]
    found: list[int] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():  # the installer itself
            continue
        try:
            exe = os.readlink(entry / "exe")
        except PermissionError:  # another account's process, seen without privileges: argv[0]
            try:
                exe = (entry / "cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
            except OSError:
                continue
        except OSError:  # gone, or a kernel thread
            continue
        if any(exe.startswith(root) for root in roots):
            found.append(int(entry.name))
    return found


def _marked_version(where: HandoffPaths) -> str | None:
    marker = _read_json(where.install_dir / MARKER)
    return str(marker["version"]) if marker and "version" in marker else None


def program_version(folder: Path) -> str | None:
    """The version of the program in ``folder``: the update service's marker, else the
    package metadata the frozen build carries (``_internal/counter_app….dist-info``)."""
    marker = _read_json(folder / MARKER)
    if marker and "version" in marker:
        return str(marker["version"])
    for meta in sorted(folder.glob("_internal/counter_app*-info/*")):
        if meta.name in ("METADATA", "PKG-INFO"):
            for line in meta.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.startswith("Version:"):
                    return line.removeprefix("Version:").strip()
    return None


def _rolled_back_versions(where: HandoffPaths) -> list[str]:
    data = _read_json(where.trust / ROLLED_BACK)
    versions = data.get("versions") if data else None
    return [str(v) for v in versions] if isinstance(versions, list) else []


def install_from_spool(where: HandoffPaths, *, installed: str,
                       now: dt.datetime | None = None) -> InstallOutcome:
    """What the root service runs: recover, verify, extract, swap, write the outcome."""
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.isoformat(timespec="seconds")
    recovered = recover_swap(where)
    if where.request.exists() and (where.trust / ROLLBACK_JOURNAL).exists():
        log.warning("update install deferred: a rollback was cut short (run update-rollback)")
        return InstallOutcome(f"{stamp}-deferred", "deferred", None, installed, stamp,
                              QT_TR_NOOP("上次程序回退未完成，请网点技术支持再次运行 "
                                         "counter-app update-rollback。"))
    if where.request.exists() and (busy := running_from(where.install_dir, where.previous)):
        # left for the timer's next run or the next boot, when no counter runs
        log.info("update install deferred: the program is running (%d processes)", len(busy))
        return InstallOutcome(f"{stamp}-deferred", "deferred", None, installed, stamp,
                              QT_TR_NOOP("柜面程序正在运行，稍后安装。"))
    request = _read_json(where.request)
    where.request.unlink(missing_ok=True)  # consumed: a bad one must not re-trigger the unit
    if request is None:
        if not recovered:
            return InstallOutcome(f"{stamp}-none", "nothing", None, installed, stamp,
                                  QT_TR_NOOP("没有待安装的更新。"))
        outcome = InstallOutcome(f"{stamp}-recovered", "recovered", _marked_version(where),
                                 installed, stamp,
                                 QT_TR_NOOP("上次被中断的程序更新已由系统安装服务处理完毕。"),
                                 reason=f"swap {recovered}")
        _write_json(where.outcome, asdict(outcome), 0o644)
        return outcome
    if recovered == "finished":  # the folder now holds the version that swap put in place
        marked = _marked_version(where)
        installed = marked if marked and is_older(installed, marked) else installed
    archive_name = str(request.get("archive", ""))
    version: str | None = None
    try:
        copy, version = _verified_archive(where, archive_name, installed)
        shutil.rmtree(where.new, ignore_errors=True)
        where.new.mkdir(mode=0o755)
        with tarfile.open(copy, "r:gz") as tar:
            tar.extractall(where.new, filter="data")
        if find_migrations(where.new) is None or not (where.new / APP_NAME).is_file():
            raise InstallRefused("the archive is not a complete program folder")
        copy.unlink()
        # tells the package's preinst that dpkg's file list no longer describes this folder
        _write_json(where.new / MARKER, {"version": version, "at": stamp}, 0o644)
        _swap(where, version)
    except AlreadyInstalled as done:
        log.info("update install: %s is already in place", done)
        _clear_targets(where)
        return InstallOutcome(f"{stamp}-current", "current", str(done), installed, stamp,
                              QT_TR_NOOP("该版本已安装。"))
    except InstallRefused as error:
        shutil.rmtree(where.new, ignore_errors=True)
        outcome = InstallOutcome(f"{stamp}-{version or 'refused'}", "refused", version, installed,
                                 stamp, QT_TR_NOOP("系统安装服务校验更新包未通过，已拒绝安装；当前版本照常使用。"
                                                   "请通知网点技术支持。"), reason=str(error))
        log.error("update install refused: %s", error)
    except (OSError, tarfile.TarError) as error:
        shutil.rmtree(where.new, ignore_errors=True)
        outcome = InstallOutcome(f"{stamp}-{version}", "failed", version, installed, stamp,
                                 QT_TR_NOOP("系统安装服务安装新版本失败，当前版本照常使用。请通知网点技术支持。"),
                                 reason=type(error).__name__)
        log.error("update install failed: %s", type(error).__name__)
    else:
        outcome = InstallOutcome(f"{stamp}-{version}", "applied", version, installed, stamp,
                                 zh("系统安装服务已安装新版本 {version}（原版本 {installed}），"
                                    "数据库将在启动时备份并升级。", version=version, installed=installed),
                                 previous_dir=str(where.previous))
        log.info("update %s installed by the system service", version)
    _write_json(where.outcome, asdict(outcome), 0o644)
    _clear_targets(where)
    return outcome


def _clear_targets(where: HandoffPaths) -> None:
    for left in (where.spool / "targets").glob("*"):  # the archive has been used (or refused)
        if left.is_file() or left.is_symlink():
            left.unlink(missing_ok=True)


# -- IT's rollback (root, by hand) ---------------------------------------------------------------

class RollbackRefused(Exception):
    """Nothing to roll back to, or a counter program is running: nothing was changed."""


def rollback_program(where: HandoffPaths, *, now: dt.datetime | None = None) -> InstallOutcome:
    """Put the kept previous program back in place of the current one: a copy of the kept
    folder becomes the "new" folder and the install's own journaled swap puts it in place, so
    a power cut inside the swap is put right by :func:`recover_swap` as for an install. A
    rollback journal (``rollback.json``) around the whole lets a run cut anywhere be finished by
    running the command again. The version taken off is deleted and refused by the installer
    from now on; the outcome (``rolled_back``) is written for the counters to record in their
    audit log at their next start.

    Run by IT as root, never on a teller's request: the spool is writable by every teller
    account, and a downgrade a teller could trigger would be a way to bring back an old,
    vulnerable version."""
    now = now or dt.datetime.now(dt.UTC)
    where.trust.mkdir(mode=0o700, parents=True, exist_ok=True)
    journal = _read_json(where.trust / ROLLBACK_JOURNAL)
    recovered = recover_swap(where)
    if busy := running_from(where.install_dir, where.previous):
        raise RollbackRefused(zh("柜面程序正在运行（{count} 个进程），请先关闭本机所有柜面程序"
                                 "（必要时让柜员退出登录）再回退。", count=len(busy)))
    if journal is None:
        if not (where.previous / APP_NAME).is_file():
            raise RollbackRefused(zh("没有保留的上一版本程序（{previous}），无法回退；"
                                     "请安装上一版本的安装包（.deb）。", previous=where.previous))
        journal = {"id": now.isoformat(timespec="seconds"),
                   "taken_off": program_version(where.install_dir),
                   "back": program_version(where.previous)}
        _write_json(where.trust / ROLLBACK_JOURNAL, journal, 0o600)
    taken_off = journal.get("taken_off")
    back = journal.get("back")
    if taken_off:  # refused by the installer from the start: a request for it now is refused
        blocked = sorted({*_rolled_back_versions(where), str(taken_off)})
        _write_json(where.trust / ROLLED_BACK, {"versions": blocked}, 0o600)
    copied = _read_json(where.install_dir / ROLLBACK_COPY)
    if copied is None or copied.get("id") != journal["id"]:  # the swap has not happened yet
        if not (where.previous / APP_NAME).is_file():
            raise RollbackRefused(zh("没有保留的上一版本程序（{previous}），无法回退。",
                                     previous=where.previous))
        shutil.rmtree(where.new, ignore_errors=True)
        # a copy, not a rename: the kept folder stays as it is until the swap's own journal
        # is written, and a copy cut short is an unfinished ".new" that recover_swap drops
        shutil.copytree(where.previous, where.new, symlinks=True)
        _write_json(where.new / ROLLBACK_COPY, {"id": journal["id"]}, 0o644)
        _swap(where, str(back or "previous"))
    if where.previous.exists():  # the version taken off goes
        shutil.rmtree(where.new, ignore_errors=True)
        where.previous.rename(where.new)
        shutil.rmtree(where.new, ignore_errors=True)
    stamp = now.isoformat(timespec="seconds")
    outcome = InstallOutcome(
        f"{journal['id']}-rollback-{taken_off}", "rolled_back", str(back) if back else None,
        str(taken_off or "?"), stamp,
        zh("网点技术支持已恢复上一版本程序{version}（撤下版本 {taken_off}），可以照常办理业务。",
           version=" " + str(back) if back else "", taken_off=taken_off or "?"),
        reason="update-rollback" + (f"; swap {recovered}" if recovered else ""))
    _write_json(where.outcome, asdict(outcome), 0o644)
    (where.trust / ROLLBACK_JOURNAL).unlink()
    log.warning("update rollback: %s taken off, %s back in place", taken_off, back)
    return outcome


def register(subparsers: Any) -> None:
    cmd = subparsers.add_parser(
        "update-install", help="(root, from the systemd service) install the update a counter "
        "put in the spool, after verifying it again (docs/updates.md)")
    cmd.add_argument("--spool", type=Path, default=DEFAULT_SPOOL)
    cmd.add_argument("--trust-dir", type=Path, default=DEFAULT_TRUST)
    cmd.add_argument("--outcome", type=Path, default=DEFAULT_OUTCOME)
    cmd.add_argument("--trusted-root", type=Path, default=DEFAULT_ROOT)
    cmd.add_argument("--install-dir", type=Path, default=DEFAULT_INSTALL)
    cmd.set_defaults(handler=_run)
    back = subparsers.add_parser(
        "update-rollback", help="(root, by IT) put the kept previous program folder back, when "
        "a new version cannot use the database (docs/updates.md)")
    back.add_argument("--trust-dir", type=Path, default=DEFAULT_TRUST)
    back.add_argument("--outcome", type=Path, default=DEFAULT_OUTCOME)
    back.add_argument("--install-dir", type=Path, default=DEFAULT_INSTALL)
    back.set_defaults(handler=_run_rollback)


def _run(args: argparse.Namespace) -> int:
    where = HandoffPaths(args.spool, args.trust_dir, args.outcome, args.trusted_root,
                         args.install_dir)
    outcome = install_from_spool(where, installed=current_version())
    print(json.dumps(asdict(outcome), ensure_ascii=False))
    return 0 if outcome.state in ("applied", "recovered", "nothing", "deferred", "current") else 1


def _run_rollback(args: argparse.Namespace) -> int:
    import sys

    where = HandoffPaths(trust=args.trust_dir, outcome=args.outcome, install_dir=args.install_dir)
    try:
        outcome = rollback_program(where)
    except RollbackRefused as refused:
        print(f"counter-app update-rollback：{refused}", file=sys.stderr)  # i18n: data (command line)
        return 1
    except OSError as error:  # not root, or the disk: the journal lets a later run finish
        print(f"counter-app update-rollback：回退未完成（{type(error).__name__}：{error}）；"  # i18n: data
              "请以管理员（root）身份重新运行。", file=sys.stderr)  # command line output, Chinese by design
        return 1
    print(json.dumps(asdict(outcome), ensure_ascii=False))
    return 0
