"""Owner-only files and directories for everything that holds personal data or keys.

POSIX modes are set at creation (never world-readable, not even between create and chmod)
and repaired when an older version left them open. On Windows the state directory's ACL is
what protects the files, so these are plain creates there.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


def private_dir(path: Path) -> None:
    """Create ``path`` 0700, and tighten one an older version made 0755. A directory this
    account does not own (e.g. a shared parent) or the home directory is left alone."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "posix" or path == Path.home():
        return
    st = path.stat()
    if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077:
        os.chmod(path, 0o700)


def private_file(path: Path) -> None:
    """Create ``path`` empty and 0600 if missing; make an existing one 0600."""
    if os.name != "posix":
        return
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)


def open_private(path: Path, *, append: bool = False) -> BinaryIO:
    """A binary file opened for writing (truncated, or appended to) that only this account
    can read; an existing file keeps its old mode on open, hence the chmod."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    flags |= os.O_APPEND if append else os.O_TRUNC
    fd = os.open(path, flags, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    return os.fdopen(fd, "ab" if append else "wb")


def write_private(path: Path, data: bytes) -> Path:
    with open_private(path) as out:
        out.write(data)
    return path


def replace_private(path: Path, data: bytes) -> Path:
    """Write ``path`` atomically: a private temporary file beside it, flushed to disk, then
    renamed over it, so a crash leaves the old file or the new one, never a part."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open_private(temp) as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path
