"""Process killed mid-write (issue 9 item 10, the nearest a test gets to a power cut): every
write the store reported as committed survives, and the database is intact afterwards.

A SIGKILL leaves the OS page cache alone, so this checks SQLite's atomicity and our use of
transactions, not the disk's cache flushing (that is the synchronous=FULL setting for durable
writes)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from counter_app.store.applications import ApplicationStore
from counter_app.store.audit import verify_audit_chain
from counter_app.store.crypto import DataCipher
from counter_app.store.database import open_store

ROOT = Path(__file__).resolve().parents[3]


def _child(store_path: str, key_hex: str) -> None:
    store = open_store(Path(store_path), DataCipher(bytes.fromhex(key_hex)), exclusive=True)
    apps = ApplicationStore(store)
    for n in range(100_000):
        draft_id = f"kill-{n:05d}"
        apps.save_draft(draft_id, teller="T001", step="photo", photo=os.urandom(20_000),
                        data={"label": draft_id}, id_number=None)
        apps.audit("T001", "application.draft_saved", draft_id=draft_id)
        print(draft_id, flush=True)  # only after both commits returned


def test_killed_mid_write_loses_nothing_committed(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "counter.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from tests.integration.store.test_killed_mid_write "
         "import _child; _child(*sys.argv[1:])", str(path), key.hex()],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    reported = []
    for line in proc.stdout:
        reported.append(line.strip())
        if len(reported) == 40:
            break
    proc.kill()  # mid-way through the next write
    proc.wait(timeout=30)
    reported += [line.strip() for line in proc.stdout if line.strip()]

    store = open_store(path, DataCipher(key), exclusive=True)
    try:
        assert store.integrity_check() == "ok"
        apps = ApplicationStore(store)
        for draft_id in reported:
            draft = apps.load_draft(draft_id)
            assert draft is not None and draft.photo is not None and len(draft.photo) == 20_000
        with store.read() as s:
            chain = verify_audit_chain(s, store.cipher)
        assert chain.ok and chain.entries >= len(reported), chain
        apps.save_draft("after", teller="T001", step="photo", photo=None, data={}, id_number=None)
        assert apps.load_draft("after") is not None
    finally:
        store.close()
