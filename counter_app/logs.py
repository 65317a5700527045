"""Where the application's log goes: stderr, and rotating files in the state directory.

``<state root>/logs/counter-app.log`` (and ``.1`` … ``.5``), at most about 6 MB in all, owner-only
(0600 in a 0700 directory; on Windows the state directory's ACL). The code logs codes and
counts, never personal data or PINs (docs/CONVENTIONS.md); every line is also passed through
:func:`redact` before it is written, so that an ID number or a PIN that reaches a log call by
mistake — inside an exception message, a traceback, a ``key=value`` dump — is masked, not kept.
``counter-app support-bundle`` (support.py) collects these files.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from io import TextIOWrapper
from pathlib import Path

from counter_app.private_files import private_dir, private_file

LOG_FILE = "counter-app.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Mainland resident ID numbers: 18 characters (17 digits and a digit or X) and the old 15 digits.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
# A secret named in the text: pin=123456, "new_pin": "123456", password: x, 密码：x …
_NAMED_SECRET = re.compile(  # i18n: data (a pattern, never shown)
    r"""(?ix)
    (?P<name>\b(?:[a-z0-9]+_)*(?:pin|password|passwd|pwd|secret|token)(?:_[a-z0-9]+)*\b|密码|口令)
    (?P<sep>["']?\s*[:=：]\s*["']?)
    (?P<value>[^\s"',;}\])]+)
    """
)
# A PIN-sized run of digits right after a PIN word in free text ("PIN 123456", "密码123456").
_PIN_AFTER_WORD = re.compile(r"(?i)(\bpin\b|密码|口令)(\D{0,12}?)(\d{4,12})")  # i18n: data

ID_MASK = "[ID-NUMBER]"
SECRET_MASK = "[REDACTED]"


def redact(text: str) -> str:
    """``text`` with ID numbers and named secrets (PINs, passwords, tokens) masked."""
    text = _ID_NUMBER.sub(ID_MASK, text)
    text = _NAMED_SECRET.sub(lambda m: m["name"] + m["sep"] + SECRET_MASK, text)
    return _PIN_AFTER_WORD.sub(lambda m: m[1] + m[2] + SECRET_MASK, text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks: the message, its arguments, the traceback and the stack."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A size-bounded rotating log whose files only this account can read."""

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()


def log_dir(state_root: Path) -> Path:
    return state_root / "logs"


def log_files(state_root: Path) -> list[Path]:
    """The current log and its backups that exist, newest first."""
    base = log_dir(state_root) / LOG_FILE
    names = [base] + [base.with_name(f"{LOG_FILE}.{n}") for n in range(1, BACKUPS + 1)]
    return [p for p in names if p.is_file()]


def configure_logging(state_root: Path | None, *, verbose: bool = False,
                      max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> Path | None:
    """stderr (warnings; everything with ``verbose``) and, when ``state_root`` is given and
    writable, the rotating file (INFO and up; DEBUG with ``verbose``). Returns the log file,
    or None without one. Calling it again replaces the file handler it installed before."""
    root = logging.getLogger()
    if not root.handlers:
        console = logging.StreamHandler()
        console.setLevel(logging.DEBUG if verbose else logging.WARNING)
        console.setFormatter(RedactingFormatter(FORMAT))
        root.addHandler(console)
    stop_file_logging()
    file_level = logging.DEBUG if verbose else logging.INFO
    # the root level lets the file's records through; the console keeps its own level
    if root.level == logging.NOTSET or root.level > file_level:
        root.setLevel(file_level)
    if state_root is None:
        return None
    path = log_dir(state_root) / LOG_FILE
    try:
        private_dir(path.parent)
        handler = PrivateRotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                             encoding="utf-8")
    except OSError as error:  # a read-only or full state directory must not stop the program
        print(f"log file {path} unavailable: {type(error).__name__}", file=sys.stderr)
        return None
    handler.setLevel(file_level)
    handler.setFormatter(RedactingFormatter(FORMAT))
    root.addHandler(handler)
    return path


def stop_file_logging() -> None:
    """Detach and close the rotating file (the end of ``counter-app``; in-process callers such
    as tests then leave no handler behind)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, PrivateRotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()
