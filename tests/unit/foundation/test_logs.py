"""The application log: redaction of ID numbers and PINs, rotation, owner-only files."""

from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.domain.errors import ValidationError
from counter_app.logs import (
    ID_MASK,
    LOG_FILE,
    SECRET_MASK,
    PrivateRotatingFileHandler,
    configure_logging,
    log_files,
    redact,
    stop_file_logging,
)

ID_CANARY = "330203198506122017"
PIN_CANARY = "731946"


@pytest.fixture(autouse=True)
def no_file_handler_left() -> Iterator[None]:
    level = logging.getLogger().level
    yield
    stop_file_logging()
    logging.getLogger().setLevel(level)


@pytest.mark.parametrize("text", [
    f"applicant {ID_CANARY} accepted",
    "old ID 330203850612201 here",
    "ID 33020319850612201X ends in X",
    "ID 33020319850612201x lower-case x",
    f"(id_number='{ID_CANARY}')",
])
def test_id_numbers_are_masked(text: str) -> None:
    out = redact(text)
    assert ID_MASK in out
    assert not re.search(r"\d{15}", out)


@pytest.mark.parametrize("text", [
    f"pin={PIN_CANARY}", f"new_pin: {PIN_CANARY}", f'{{"pin": "{PIN_CANARY}"}}',
    f"PIN {PIN_CANARY} refused", f"密码：{PIN_CANARY}", f"old password='{PIN_CANARY}'",
    f"密码重置 {PIN_CANARY}", f"token={PIN_CANARY}abc",
])
def test_named_secrets_are_masked(text: str) -> None:
    out = redact(text)
    assert PIN_CANARY not in out
    assert SECRET_MASK in out


@pytest.mark.parametrize("text", [
    "outbox message 12 (applications.submit) dead-lettered: HTTP_409",
    "central line: online -> offline", "slot card: card connected on port 35963",
    "password check failed", "shipping=3 mapping: 4", "store upgrade 0003 -> 0004",
    "card tries left 3", "elapsed 1234567890123456789 ns",
])
def test_ordinary_lines_are_left_alone(text: str) -> None:
    assert redact(text) == text


def test_the_file_gets_neither_canary_whatever_path_it_takes(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    assert path == tmp_path / "logs" / LOG_FILE
    log = logging.getLogger("counter_app.test")
    log.info("applicant %s", ID_CANARY)                    # as an argument
    log.warning(f"PIN {PIN_CANARY} wrong")                  # formatted into the message
    log.info("request %s", {"id_number": ID_CANARY, "pin": PIN_CANARY})  # a dict dump
    try:
        try:
            raise ValueError(f"pin={PIN_CANARY}")
        except ValueError as inner:
            raise ValidationError("id_number", f"身份证号 {ID_CANARY} 校验位错误") from inner
    except ValidationError:
        log.exception("start-up failed")                    # traceback with a chained cause
    log.error("with stack", stack_info=True, extra={"pin": PIN_CANARY})
    stop_file_logging()
    text = path.read_text(encoding="utf-8")
    assert "start-up failed" in text and "Traceback" in text  # the records did arrive
    assert text.count(ID_MASK) >= 3 and SECRET_MASK in text
    assert ID_CANARY not in text and PIN_CANARY not in text


def test_console_is_redacted_too(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])  # as in a fresh process
    configure_logging(None)
    console = root.handlers[0]
    try:
        logging.getLogger("counter_app.test").warning("pin=%s for %s", PIN_CANARY, ID_CANARY)
    finally:
        root.removeHandler(console)
    err = capsys.readouterr().err
    assert "pin=[REDACTED]" in err and ID_MASK in err and PIN_CANARY not in err


def test_rotation_is_bounded_and_files_are_owner_only(tmp_path: Path) -> None:
    path = configure_logging(tmp_path, max_bytes=2_000, backups=2)
    assert path is not None
    log = logging.getLogger("counter_app.test")
    for n in range(200):
        log.info("line %04d %s", n, "x" * 40)
    stop_file_logging()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2"]
    assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
    assert "line 0199" in path.read_text()  # the newest line is in the current file
    assert [p.name for p in log_files(tmp_path)] == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2"]
    if os.name == "posix":
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        for p in path.parent.iterdir():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


def test_configuring_again_replaces_the_file_handler(tmp_path: Path) -> None:
    configure_logging(tmp_path / "a")
    configure_logging(tmp_path / "b")
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, PrivateRotatingFileHandler)]
    assert [Path(h.baseFilename).parent.parent for h in handlers] == [tmp_path / "b"]
    stop_file_logging()
    assert not any(isinstance(h, PrivateRotatingFileHandler) for h in logging.getLogger().handlers)


def test_a_state_root_that_is_a_file_does_not_stop_the_program(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("not a directory")
    assert configure_logging(blocker) is None
