"""Owner-only files: created private, and repaired when an older version left them open."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from counter_app.private_files import open_private, private_dir, private_file, write_private

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        write_private(tmp_path / "a.pdf", b"%PDF")
        private_file(tmp_path / "b.db")
        with open_private(tmp_path / "c.log", append=True) as log:
            log.write(b"x")
        private_dir(tmp_path / "d" / "e")
    finally:
        os.umask(old)
    assert [_mode(tmp_path / n) for n in ("a.pdf", "b.db", "c.log")] == [0o600] * 3
    assert _mode(tmp_path / "d" / "e") == 0o700


def test_existing_open_files_are_tightened_and_appends_keep_content(tmp_path: Path) -> None:
    log, pdf, state = tmp_path / "old.log", tmp_path / "old.pdf", tmp_path / "state"
    log.write_bytes(b"first\n")
    pdf.write_bytes(b"old")
    state.mkdir(mode=0o755)
    for path in (log, pdf):
        os.chmod(path, 0o644)
    os.chmod(state, 0o755)
    with open_private(log, append=True) as out:
        out.write(b"second\n")
    write_private(pdf, b"new")
    private_dir(state)
    assert log.read_bytes() == b"first\nsecond\n"
    assert pdf.read_bytes() == b"new"
    assert (_mode(log), _mode(pdf), _mode(state)) == (0o600, 0o600, 0o700)
