"""``counter-app support-bundle FILE``: one zip IT can send to support (docs/support.md).

What goes in is a closed list (:data:`BUNDLE_FILES` plus the rotating logs); each text passes
through :func:`counter_app.logs.redact` on its way in. Left out on purpose: the database, the
data key and key files, certificates and private keys, the audit log, drafts, photos, PDFs,
the card emulator's state — anything that holds personal data or key material.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import re
import sqlite3
import sys
import tomllib
import zipfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from counter_app.logs import log_files, redact
from counter_app.private_files import open_private
from counter_app.profile import BranchProfile

BUNDLE_FILES = {
    "MANIFEST.json": "what the bundle holds, when and from which profile it was made",
    "versions.json": "counter-app, Python, the platform and the libraries that matter",
    "profile.json": "the branch profile's values, secrets replaced by [REDACTED]",
    "doctor.json": "`counter-app doctor --json` for this profile",
    "outbox.json": "the outbox towards the central: counts per state and operation only",
    "updates.json": "signed updates: metadata versions, last check, staged or handed-off "
                    "update, last install or rollback (never keys)",
}
LOGS_IN_BUNDLE = "logs/"

# Profile keys whose value is a secret or points at one (client_key) — `key_store` only names
# where the data key lives ("auto", "keyring", "file") and stays.
_SECRET_KEY = re.compile(r"(?i)(^|_)(key|password|passwd|pwd|secret|token|pin)(_|$)")
_NOT_SECRET = frozenset({"key_store"})
REDACTED = "[REDACTED]"

LIBRARIES = ("PySide6", "pyscard", "SQLAlchemy", "alembic", "cryptography", "reportlab",
             "requests", "keyring", "opencv-python-headless", "numpy", "Pillow", "argon2-cffi")


def _is_secret(name: str, value: object) -> bool:
    named = bool(_SECRET_KEY.search(name)) and name not in _NOT_SECRET and value not in ("", None)
    return named or (isinstance(value, str) and "-----BEGIN" in value)


def redact_profile(raw: dict[str, Any]) -> dict[str, Any]:
    """The profile's TOML values with every secret-named key's value, and any value that
    looks like key material (a PEM block), replaced by ``[REDACTED]``."""
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if isinstance(value, dict):
            out[name] = redact_profile(value)
        elif _is_secret(name, value):
            out[name] = REDACTED
        elif isinstance(value, str):
            out[name] = redact(value)
        else:
            out[name] = value
    return out


def versions() -> dict[str, Any]:
    from importlib import metadata

    from counter_app.cli import version

    libs: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            libs[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            libs[name] = None
    return {"counter_app": version(), "frozen": bool(getattr(sys, "frozen", False)),
            "python": sys.version.split()[0], "platform": platform.platform(),
            "machine": platform.machine(), "libraries": libs}


def outbox_summary(database: Path) -> dict[str, Any]:
    """Counts per state and per operation, the oldest unsent item's age: read from the file
    (read-only, no key needed: only unencrypted bookkeeping columns are read)."""
    if not database.is_file():
        return {"database": "missing"}
    try:
        con = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        return {"database": "unreadable", "error": type(error).__name__}
    try:
        by_status = dict(con.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status"))
        by_operation = {f"{op} {status}": n for op, status, n in con.execute(
            "SELECT operation, status, COUNT(*) FROM outbox GROUP BY operation, status")}
        oldest = con.execute("SELECT MIN(created_at) FROM outbox WHERE status = 'pending'"
                             ).fetchone()[0]
    except sqlite3.Error as error:
        return {"database": "unreadable", "error": type(error).__name__}
    finally:
        con.close()
    return {"database": "ok", "by_status": by_status, "by_operation_and_status": by_operation,
            "oldest_pending_created_at": oldest}


def doctor_report(profile: BranchProfile) -> dict[str, Any]:
    from counter_app.doctor import FAIL, run_checks

    checks = run_checks(profile)
    return {"branch": profile.branch_code, "ok": not any(c.status == FAIL for c in checks),
            "checks": [asdict(c) for c in checks]}


def update_report(folder: Path, profile: BranchProfile | None) -> dict[str, Any]:
    """The updater's state (docs/updates.md): versions and markers only — the TUF metadata
    files themselves (public keys, signatures) and the archives stay out."""
    from counter_app.update_handoff import handoff_state
    from counter_app.updates import UpdatePaths, current_version, inspect_state

    report: dict[str, Any] = {"installed_version": current_version()}
    if profile is not None:
        u = profile.updates
        report["repository_url"] = u.repository_url or None
        report["trusted_root"] = str(u.trusted_root) if u.trusted_root else None
        report["check_at_sign_out"] = u.check_at_sign_out
    return report | inspect_state(UpdatePaths(folder)) | {"handoff": handoff_state()}


def _guarded(fn: Any, *args: Any) -> Any:
    # a broken part (no pcscd, a locked database) must not cost IT the rest of the bundle
    try:
        return fn(*args)
    except Exception as error:
        return {"error": type(error).__name__, "detail": redact(str(error))}


def _json(value: Any) -> str:
    return redact(json.dumps(value, ensure_ascii=False, indent=2, default=str)) + "\n"


def write_bundle(target: Path, *, profile_path: Path, profile: BranchProfile | None,
                 state_root: Path, now: dt.datetime | None = None) -> list[str]:
    """Write the zip (owner-only) and return the names it holds, in order."""
    now = now or dt.datetime.now(dt.UTC)
    entries: dict[str, str] = {"versions.json": _json(_guarded(versions))}
    try:
        raw = tomllib.loads(profile_path.read_text(encoding="utf-8"))
        entries["profile.json"] = _json(redact_profile(raw))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        entries["profile.json"] = _json({"error": type(error).__name__, "path": str(profile_path)})
    if profile is not None:
        entries["doctor.json"] = _json(_guarded(doctor_report, profile))
        entries["outbox.json"] = _json(_guarded(outbox_summary, profile.database))
    else:
        entries["doctor.json"] = _json({"error": "the profile could not be loaded"})
        entries["outbox.json"] = _json({"error": "the profile could not be loaded"})
    folder = profile.updates.folder if profile is not None else state_root / "updates"
    entries["updates.json"] = _json(_guarded(update_report, folder, profile))
    for log in log_files(state_root):
        entries[LOGS_IN_BUNDLE + log.name] = redact(log.read_text(encoding="utf-8", errors="replace"))
    names = ["MANIFEST.json", *entries]
    manifest = {"created_at": now.isoformat(timespec="seconds"), "profile": str(profile_path),
                "files": {name: BUNDLE_FILES.get(name, "the application log (rotated)")
                          for name in names}}
    entries = {"MANIFEST.json": _json(manifest), **entries}
    target.parent.mkdir(parents=True, exist_ok=True)
    with open_private(target) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, text in entries.items():
            bundle.writestr(name, text)
    return names


def run_support_bundle(target: Path, profile_path: Path, *, demo: str | None = None) -> int:
    """The command: bundle this PC's profile (or the demo's), print what went in."""
    from counter_app.domain.errors import CounterError
    from counter_app.profile import load_profile, state_root

    profile: BranchProfile | None
    if demo:
        from counter_app.demo import demo_profile, demo_state_dir

        profile = demo_profile(demo, demo_state_dir(demo))
        profile_path = profile.source or profile_path
    else:
        try:
            profile = load_profile(profile_path)
        except CounterError as error:  # a broken profile is exactly when support is needed
            print(f"注意：网点配置无法加载（{error.code}），支持包中不含环境检查。", file=sys.stderr)
            profile = None
    names = write_bundle(target, profile_path=profile_path, profile=profile,
                         state_root=state_root())
    print(f"支持包已保存 / support bundle written: {target}")
    for name in names:
        print(f"  {name}")
    return 0
