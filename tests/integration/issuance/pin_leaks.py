"""Where a holder's PIN must never be found after an issuance: the raw database file, every
column of every table read back through the store (the encrypted columns decrypted), the
issuance records as IssuanceStore loads them, the outbox payloads and answers, the audit
details, the personalisation journal, and what was logged (the captured records and the
rotating log file)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import inspect, select

from counter_app.store.issuance import IssuanceStore
from counter_app.store.models import AuditEntry, Base, OutboxMessage
from tests.integration.issuance.conftest import BRANCH, Counter


def _text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def assert_pin_nowhere(pin: str, counter: Counter, tmp: Path, *, applications: list[str],
                       records: list[logging.LogRecord], log_file: Path | None) -> dict[str, int]:
    """Fails naming the place the PIN was found; returns how much was looked at (so a check
    that read nothing cannot pass unnoticed)."""
    seen = {"rows": 0, "issuance": 0, "outbox": 0, "audit": 0, "journals": 0, "log_records": 0}
    assert pin.encode() not in (tmp / "counter.db").read_bytes(), "raw counter.db"
    with counter.store.read() as s:
        for mapper in Base.registry.mappers:  # every column, the encrypted ones decrypted
            cls = mapper.class_
            for row in s.scalars(select(cls)):
                values = {c.key: getattr(row, c.key) for c in inspect(cls).column_attrs}
                assert pin not in _text(values), f"{cls.__tablename__} row"
                seen["rows"] += 1
        for msg in s.scalars(select(OutboxMessage)):
            assert pin not in _text([msg.payload, msg.response, msg.last_error, msg.dead_reason]), \
                f"outbox {msg.operation}"
            seen["outbox"] += 1
        for entry in s.scalars(select(AuditEntry)):
            assert pin not in _text(entry.detail), f"audit {entry.action}"
            seen["audit"] += 1
    store = IssuanceStore(counter.store, BRANCH)
    for number in applications:
        loaded = store.load(number)
        assert loaded is not None, number
        assert pin not in _text(loaded), f"issuance record {number}"
        seen["issuance"] += 1
    for path in sorted((tmp / "perso-journal").glob("*")):
        assert pin.encode() not in path.read_bytes(), f"journal file {path.name}"
        seen["journals"] += 1
    for record in records:
        text = record.getMessage() + _text(record.args) + _text(record.__dict__.get("extra"))
        assert pin not in text, f"log record {record.name}"
        seen["log_records"] += 1
    if log_file is not None:
        assert pin not in log_file.read_text(encoding="utf-8"), "log file"
    return seen
