"""Column types that encrypt personal data, so every table that holds it gets it for free.

The cipher is attached to the engine's dialect when the store opens the database, so
several stores (tests, tools) can live in one process with different keys.

Each value is bound (AES-GCM associated data) to its table and column and, for the tables in
:data:`ROW_KEYS`, to its row: the row's immutable natural key, known before the INSERT (an
autoincrement id is not). So a ciphertext copied to another row does not decrypt. A column type
sees only its value, so row-bound values are sealed and opened by ORM events that see the
whole row; such columns are written and read through ORM entities only. ``audit_log`` is not
row-bound here: its entries cannot be rewritten (triggers) and its MAC chain already binds
each detail to its sequence number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, event
from sqlalchemy import inspect as orm_inspect
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Mapper, attributes
from sqlalchemy.types import TypeDecorator

from counter_app.store.crypto import DataCipher

_CIPHER_ATTR = "counter_app_cipher"


def attach_cipher(dialect: Dialect, cipher: DataCipher) -> None:
    setattr(dialect, _CIPHER_ATTR, cipher)


def cipher_of(dialect: Dialect) -> DataCipher:
    cipher = getattr(dialect, _CIPHER_ATTR, None)
    if not isinstance(cipher, DataCipher):
        raise RuntimeError("database opened without a data cipher")
    return cipher


# table -> the column whose value names the row (unique, set at insert, never changed)
ROW_KEYS = {
    "tellers": "username",
    "outbox": "op_id",
    "application_drafts": "draft_id",
    "card_applications": "draft_id",
    "central_notices": "seq",
    "blank_cards": "chip_serial",
    "production_items": "application_id",
    "production_batches": "batch_id",
    # no natural key: close_reason is only ever written by the closing UPDATE, when the id
    # exists (sealing refuses a row whose key is still unknown)
    "work_sessions": "id",
}


def row_context(context: str, row_key: object) -> str:
    """Associated data of a row-bound value: "table.column" and the row's key."""
    return f"{context}#{row_key}"


@dataclass(frozen=True)
class Sealed:
    """A row-bound value as stored: opened (or sealed) by the ORM events below."""

    blob: bytes
    cipher: DataCipher | None = None


class EncryptedType(TypeDecorator[Any]):
    impl = LargeBinary
    cache_ok = True

    def __init__(self, context: str) -> None:
        # context: a stable name such as "person.id_number", authenticated with the value
        super().__init__()
        self.context = context
        self.row_bound = context.split(".")[0] in ROW_KEYS

    def _to_bytes(self, value: Any) -> bytes:
        raise NotImplementedError

    def _from_bytes(self, raw: bytes) -> Any:
        raise NotImplementedError

    def seal(self, value: Any, cipher: DataCipher, row_key: object) -> Sealed:
        return Sealed(cipher.encrypt(self._to_bytes(value), row_context(self.context, row_key)))

    def open(self, sealed: Sealed, row_key: object) -> Any:
        assert sealed.cipher is not None
        return self._from_bytes(sealed.cipher.decrypt(sealed.blob, row_context(self.context, row_key)))

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, Sealed):
            return value.blob
        if self.row_bound:  # a Core statement would bypass the row binding
            raise RuntimeError(f"{self.context} is row-bound: write it through its ORM entity")
        return cipher_of(dialect).encrypt(self._to_bytes(value), self.context)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if self.row_bound:
            return Sealed(value, cipher_of(dialect))
        return self._from_bytes(cipher_of(dialect).decrypt(value, self.context))


class EncryptedText(EncryptedType):
    def _to_bytes(self, value: str) -> bytes:
        return value.encode("utf-8")

    def _from_bytes(self, raw: bytes) -> str:
        return raw.decode("utf-8")


class EncryptedBytes(EncryptedType):
    def _to_bytes(self, value: bytes) -> bytes:
        return bytes(value)

    def _from_bytes(self, raw: bytes) -> bytes:
        return raw


class EncryptedJSON(EncryptedType):
    def _to_bytes(self, value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def _from_bytes(self, raw: bytes) -> Any:
        return json.loads(raw)


# -- row binding: ORM events see the whole row ------------------------------------------

def _bound_columns(mapper: Mapper[Any]) -> list[tuple[str, EncryptedType, str]]:
    """(attribute, type, row-key attribute) of the row-bound columns of a mapped class."""
    table = getattr(mapper.local_table, "name", "")
    if table not in ROW_KEYS:
        return []
    key_attr = mapper.get_property_by_column(mapper.local_table.c[ROW_KEYS[table]]).key
    return [(mapper.get_property_by_column(col).key, col.type, key_attr)
            for col in mapper.local_table.columns
            if isinstance(col.type, EncryptedType) and col.type.row_bound]


def _seal_changes(mapper: Mapper[Any], connection: Connection, target: Any, *, insert: bool) -> None:
    bound = _bound_columns(mapper)
    if not bound:
        return
    cipher = cipher_of(connection.dialect)
    state = orm_inspect(target)
    plain: dict[str, Any] = state.info.setdefault("counter_plain", {})
    for attr, kind, key_attr in bound:
        value = getattr(target, attr)
        if value is None or isinstance(value, Sealed):
            continue
        if not insert and not state.attrs[attr].history.has_changes():
            continue
        row_key = getattr(target, key_attr)
        if row_key is None:
            raise RuntimeError(f"{kind.context} is row-bound: its row key is unknown before the INSERT")
        plain[attr] = value
        setattr(target, attr, kind.seal(value, cipher, row_key))


def _restore_plain(_mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    for attr, value in orm_inspect(target).info.pop("counter_plain", {}).items():
        attributes.set_committed_value(target, attr, value)


def _open_sealed(target: Any, *_args: Any) -> None:
    mapper = orm_inspect(target).mapper
    for attr, kind, key_attr in _bound_columns(mapper):
        value = target.__dict__.get(attr)
        if isinstance(value, Sealed):
            attributes.set_committed_value(target, attr, kind.open(value, target.__dict__[key_attr]))


event.listen(Mapper, "before_insert", lambda m, c, t: _seal_changes(m, c, t, insert=True))
event.listen(Mapper, "before_update", lambda m, c, t: _seal_changes(m, c, t, insert=False))
event.listen(Mapper, "after_insert", _restore_plain)
event.listen(Mapper, "after_update", _restore_plain)
event.listen(Mapper, "load", _open_sealed)
event.listen(Mapper, "refresh", _open_sealed)
