"""Disk full mid-write (issue 9 item 10): the store says so in Chinese, loses nothing it had
committed, stays intact and works again once space is back.

The child process caps its own file size with RLIMIT_FSIZE (SIGXFSZ ignored, so writes fail
with EFBIG instead of killing it): the nearest portable stand-in for a full disk.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import TextClause, text

from counter_app.store.applications import ApplicationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import StoreFullError, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="RLIMIT_FSIZE/SIGXFSZ (module resource) are POSIX-only")

ROOT = Path(__file__).resolve().parents[3]
PHOTO = bytes(range(256)) * 64  # 16 KiB: a few drafts fill the cap quickly


def _workload(store_path: Path, key: bytes, prefix: str, rounds: int,
              done: list[str] | None = None) -> list[str]:
    """Save drafts, audit entries and outbox messages; return the draft ids fully committed."""
    done = [] if done is None else done
    store = open_store(store_path, DataCipher(key), exclusive=True)
    apps, outbox = ApplicationStore(store), StoreOutboxRepository(store)
    try:
        for n in range(rounds):
            draft_id = f"{prefix}-{n:04d}"
            apps.save_draft(draft_id, teller="T001", step="photo",
                            data={"label": f"draft {n}", "pad": "x" * 2000},
                            photo=PHOTO + n.to_bytes(4, "big"), id_number=None)
            apps.audit("T001", "application.draft_saved", draft_id=draft_id)
            outbox.enqueue("applications.submit", f"k{n % 7}",
                           {"draft": draft_id, "pad": "y" * 3000})
            done.append(draft_id)
    finally:
        store.close()
    return done


def _child(store_path: str, key_hex: str, limit: str, out: str) -> None:
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))
    result: dict[str, object] = {"committed": []}
    committed: list[str] = []
    try:
        _workload(Path(store_path), bytes.fromhex(key_hex), "full", 10_000, committed)
    except Exception as error:  # the test inspects whatever was raised
        result["error_type"] = type(error).__name__
        result["error_code"] = getattr(error, "code", None)
        result["message"] = str(error)
        cause = error.__cause__
        result["cause"] = repr(getattr(cause, "orig", cause))
    result["committed"] = committed
    # the result file is written after lifting the cap (the soft limit may be raised to hard)
    Path(out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def _count(store_path: Path, key: bytes) -> tuple[int, int, int, str]:
    store = open_store(store_path, DataCipher(key), exclusive=True)
    try:
        with store.read() as s:
            drafts = s.execute(_sql("application_drafts")).scalar_one()
            audit = s.execute(_sql("audit_log")).scalar_one()
            outbox = s.execute(_sql("outbox")).scalar_one()
        return drafts, audit, outbox, store.integrity_check()
    finally:
        store.close()


def _sql(table: str) -> TextClause:
    return text(f"SELECT count(*) FROM {table}")


@pytest.mark.parametrize("headroom", [48 * 1024, 200 * 1024, 700 * 1024])
def test_disk_full_mid_write(tmp_path: Path, headroom: int) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "counter.db"
    before = _workload(path, key, "seed", 3)
    drafts0, audit0, outbox0, ok0 = _count(path, key)
    assert (drafts0, outbox0, ok0) == (3, 3, "ok")
    biggest = max(p.stat().st_size for p in tmp_path.iterdir() if p.is_file())
    out = tmp_path / "result.json"
    proc = subprocess.run(
        [sys.executable, "-c",
         "import sys; from tests.integration.store.test_disk_full import _child; "
         "_child(*sys.argv[1:])", str(path), key.hex(), str(biggest + headroom), str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result.get("error_type") == StoreFullError.__name__, result
    assert result["error_code"] == "STORE_DISK_FULL"
    assert "磁盘空间已满" in result["message"] and "清理磁盘" in result["message"]

    drafts1, audit1, outbox1, ok1 = _count(path, key)
    assert ok1 == "ok"
    # everything committed before the failure survives; the failed round may have left its
    # earlier single-transaction steps (draft, audit) but never a torn row
    assert drafts1 >= drafts0 + len(result["committed"])
    assert outbox1 >= outbox0 + len(result["committed"])
    assert audit1 >= audit0 + len(result["committed"])
    store = open_store(path, DataCipher(key), exclusive=True)
    try:
        apps = ApplicationStore(store)
        for draft_id in before + result["committed"]:
            loaded = apps.load_draft(draft_id)
            assert loaded is not None and loaded.photo is not None, draft_id
    finally:
        store.close()

    # space is back: writing works again
    again = _workload(path, key, "again", 3)
    drafts2, _, outbox2, ok2 = _count(path, key)
    assert len(again) == 3 and drafts2 == drafts1 + 3 and outbox2 == outbox1 + 3 and ok2 == "ok"
