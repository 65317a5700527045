#!/usr/bin/env python3
"""The vendor's (or the bank IT's) side of signed updates: a TUF repository made with tufup.

    python packaging/update_repo.py init       --repo DIR [--keys DIR]
    python packaging/update_repo.py add-bundle --repo DIR [--keys DIR] BUNDLE_DIR VERSION
    python packaging/update_repo.py sign       --repo DIR [--keys DIR] [--timestamp-days N]

``DIR/repository/`` (``metadata/`` and ``targets/``) is what is published: copy it to any
static HTTP server on the branch network; the counters' ``[updates] repository_url`` points
at it. ``DIR/repository/metadata/root.json`` after ``init`` is the trusted root every counter
is installed with (``[updates] trusted_root``). The private keys (``--keys``, default
``DIR/keystore``) sign; keep them off the web server (the root key offline). The timestamp
expires after a day: ``sign`` re-signs it and must run daily (a counter refuses expired
metadata, which is what stops a freeze attack).

BUNDLE_DIR is the frozen one-folder build (``packaging/dist/counter-app``); it is archived
as ``counter-app-VERSION.tar.gz`` and listed, with its length and hashes, in the signed
targets metadata.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

APP_NAME = "counter-app"  # counter_app.updates.APP_NAME
# days before each role's signature expires (tufup's defaults, spelled out)
EXPIRATION_DAYS = {"root": 365, "targets": 30, "snapshot": 7, "timestamp": 1}


@contextlib.contextmanager
def _in(directory: Path) -> Iterator[None]:
    """tufup keeps its repository configuration in the working directory."""
    old = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(old)


def _repository(repo: Path, keys: Path | None, expiration: dict[str, int] | None = None) -> Any:
    from tufup.repo import Repository

    return Repository(app_name=APP_NAME, repo_dir=repo.resolve() / "repository",
                      keys_dir=(keys or repo / "keystore").resolve(),
                      expiration_days=dict(expiration or EXPIRATION_DAYS))


def init(repo: Path, keys: Path | None = None,
         expiration: dict[str, int] | None = None) -> Path:
    """Create keys (if missing) and the first signed root; returns the root.json to ship."""
    repo.mkdir(parents=True, exist_ok=True)
    with _in(repo):
        r = _repository(repo, keys, expiration)
        r.initialize()
        r.publish_changes(private_key_dirs=[r.keys_dir])
        if os.name == "posix":  # tufup writes the private keys with the umask's mode
            for role in EXPIRATION_DAYS:
                if (r.keys_dir / role).exists():
                    os.chmod(r.keys_dir / role, 0o600)
        return Path(r.metadata_dir) / "root.json"


def _load(repo: Path) -> Any:
    from tufup.repo import Repository

    return Repository.from_config()


def add_bundle(repo: Path, bundle: Path, version: str, keys: Path | None = None) -> Path:
    """Archive ``bundle`` as VERSION, list it in the targets metadata and publish."""
    with _in(repo):
        r = _load(repo)
        before = r.roles.get_latest_archive()
        r.add_bundle(new_bundle_dir=bundle.resolve(), new_version=version, skip_patch=True)
        after = r.roles.get_latest_archive()
        if after is None or (before is not None and after.version <= before.version):
            stray = Path(r.targets_dir) / f"{APP_NAME}-{version}.tar.gz"
            if before is None or stray.name != before.path.name:
                stray.unlink(missing_ok=True)  # archived by tufup, never listed: not published
            raise SystemExit(f"版本 {version} 不高于仓库中已有的最新版本，未添加")
        r.publish_changes(private_key_dirs=[(keys or r.keys_dir)])
        return Path(r.targets_dir) / after.path.name


def sign(repo: Path, keys: Path | None = None, *, timestamp_days: float | None = None) -> None:
    """Re-sign snapshot and timestamp with fresh expiry dates (daily)."""
    with _in(repo):
        r = _load(repo)
        # new versions even within the second of the last publication (expiry dates are in
        # whole seconds, and an unchanged role would not be signed again)
        r.roles.snapshot.signed.version += 1
        r.roles.timestamp.signed.version += 1
        r.refresh_expiration_date("snapshot")
        r.roles.set_expiration_date("timestamp", EXPIRATION_DAYS["timestamp"]
                                    if timestamp_days is None else timestamp_days)
        r.publish_changes(private_key_dirs=[(keys or r.keys_dir)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="update_repo.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("init", "add-bundle", "sign"):
        p = sub.add_parser(name)
        p.add_argument("--repo", type=Path, required=True, help="repository working directory")
        p.add_argument("--keys", type=Path, help="private keys (default REPO/keystore)")
        if name == "add-bundle":
            p.add_argument("bundle", type=Path)
            p.add_argument("version")
        if name == "sign":
            p.add_argument("--timestamp-days", type=float)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.command == "init":
        print(init(args.repo, args.keys))
    elif args.command == "add-bundle":
        print(add_bundle(args.repo, args.bundle, args.version, args.keys))
    else:
        sign(args.repo, args.keys, timestamp_days=args.timestamp_days)
    return 0


if __name__ == "__main__":
    sys.exit(main())
