"""Column types that encrypt personal data, so every table that holds it gets it for free.

The cipher is attached to the engine's dialect when the store opens the database, so
several stores (tests, tools) can live in one process with different keys.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import LargeBinary
from sqlalchemy.engine import Dialect
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


class _Encrypted(TypeDecorator[Any]):
    impl = LargeBinary
    cache_ok = True

    def __init__(self, context: str) -> None:
        # context: a stable name such as "person.id_number", authenticated with the value
        super().__init__()
        self.context = context

    def _to_bytes(self, value: Any) -> bytes:
        raise NotImplementedError

    def _from_bytes(self, raw: bytes) -> Any:
        raise NotImplementedError

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return cipher_of(dialect).encrypt(self._to_bytes(value), self.context)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return self._from_bytes(cipher_of(dialect).decrypt(value, self.context))


class EncryptedText(_Encrypted):
    def _to_bytes(self, value: str) -> bytes:
        return value.encode("utf-8")

    def _from_bytes(self, raw: bytes) -> str:
        return raw.decode("utf-8")


class EncryptedBytes(_Encrypted):
    def _to_bytes(self, value: bytes) -> bytes:
        return bytes(value)

    def _from_bytes(self, raw: bytes) -> bytes:
        return raw


class EncryptedJSON(_Encrypted):
    def _to_bytes(self, value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def _from_bytes(self, raw: bytes) -> Any:
        return json.loads(raw)
