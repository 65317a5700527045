"""Issue 9: an encrypted value is bound to its table, column and row, so a ciphertext moved to
another row (two tellers' names swapped) is detected; older databases are migrated once."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.store.crypto import DataCipher, TamperedDataError
from counter_app.store.database import ROW_BINDING_STATE, open_store
from counter_app.store.models import Base, CentralNotice, OutboxMessage, Teller
from counter_app.store.types import ROW_KEYS, EncryptedType, row_context


def _swap(path: Path, table: str, column: str, key_column: str, a: object, b: object) -> None:
    with sqlite3.connect(path) as conn:
        blob_a = conn.execute(f"SELECT {column} FROM {table} WHERE {key_column} = ?", (a,)).fetchone()[0]
        blob_b = conn.execute(f"SELECT {column} FROM {table} WHERE {key_column} = ?", (b,)).fetchone()[0]
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key_column} = ?", (blob_b, a))
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key_column} = ?", (blob_a, b))


def test_swapping_two_tellers_names_is_detected(tmp_path: Path, cipher: DataCipher) -> None:
    path = tmp_path / "c.db"
    store = open_store(path, cipher)
    with store.write() as s:
        s.add_all([Teller(username="T1", display_name="张三", role="teller"),
                   Teller(username="T2", display_name="李四", role="teller")])
    with store.read() as s:  # round trip, and the plain value stays on the written object
        assert {t.username: t.display_name for t in s.scalars(select(Teller))} == {"T1": "张三", "T2": "李四"}
    _swap(path, "tellers", "display_name", "username", "T1", "T2")
    for name in ("T1", "T2"):
        with pytest.raises(TamperedDataError), store.read() as s:
            s.scalars(select(Teller).where(Teller.username == name)).one()
    store.close()


def test_an_update_is_sealed_to_the_row_too(tmp_path: Path, cipher: DataCipher) -> None:
    path = tmp_path / "c.db"
    store = open_store(path, cipher)
    with store.write() as s:
        s.add_all([OutboxMessage(op_id="op-1", operation="x", ordering_key="k", payload={"a": 1}),
                   OutboxMessage(op_id="op-2", operation="x", ordering_key="k", payload={"a": 2})])
    with store.write() as s:
        msg = s.scalars(select(OutboxMessage).where(OutboxMessage.op_id == "op-1")).one()
        msg.response = {"ok": True}
        assert msg.response == {"ok": True}
    with store.read() as s:
        assert s.scalars(select(OutboxMessage).where(OutboxMessage.op_id == "op-1")).one().response == {"ok": True}
    _swap(path, "outbox", "payload", "op_id", "op-1", "op-2")
    with pytest.raises(TamperedDataError), store.read() as s:
        list(s.scalars(select(OutboxMessage)))
    store.close()


def test_notices_keyed_by_their_sequence(tmp_path: Path, cipher: DataCipher) -> None:
    path = tmp_path / "c.db"
    store = open_store(path, cipher)
    with store.write() as s:
        s.add_all([CentralNotice(seq=1, kind="k", ref="NB1", data={}),
                   CentralNotice(seq=2, kind="k", ref="NB2", data={})])
    _swap(path, "central_notices", "ref", "seq", 1, 2)
    with pytest.raises(TamperedDataError), store.read() as s:
        list(s.scalars(select(CentralNotice)))
    store.close()


def test_every_table_with_personal_data_is_row_bound_or_mac_chained() -> None:
    encrypted = {t.name for t in Base.metadata.tables.values()
                 if any(isinstance(c.type, EncryptedType) for c in t.columns)}
    assert encrypted == set(ROW_KEYS) | {"audit_log"}
    for table, key in ROW_KEYS.items():  # the row key is unique: two rows never share it
        column = Base.metadata.tables[table].c[key]
        assert column.unique or column.primary_key, (table, key)


def test_values_written_before_the_binding_are_migrated_once(tmp_path: Path) -> None:
    cipher = DataCipher(secrets.token_bytes(32))
    path = tmp_path / "c.db"
    open_store(path, cipher).close()
    with sqlite3.connect(path) as conn:  # as an older version left it
        conn.execute("DELETE FROM app_state WHERE key = ?", (ROW_BINDING_STATE,))
        for name, shown in (("T1", "张三"), ("T2", "李四")):
            conn.execute("INSERT INTO tellers (username, display_name, role, must_change_password,"
                         " failed_logins, active, created_at) VALUES (?, ?, 'teller', 0, 0, 1, '2025-01-01')",
                         (name, cipher.encrypt(shown.encode(), "tellers.display_name")))
    store = open_store(path, cipher)
    with store.read() as s:
        assert {t.username: t.display_name for t in s.scalars(select(Teller))} == {"T1": "张三", "T2": "李四"}
    store.close()
    with sqlite3.connect(path) as conn:
        blob = conn.execute("SELECT display_name FROM tellers WHERE username = 'T1'").fetchone()[0]
    assert cipher.decrypt(blob, row_context("tellers.display_name", "T1")) == "张三".encode()
    with pytest.raises(TamperedDataError):
        cipher.decrypt(blob, "tellers.display_name")
    open_store(path, cipher).close()  # recorded: a second open does not re-encrypt (nor fail)
