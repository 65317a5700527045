"""A JSON value kept in ``app_state`` encrypted with the store's data key and bound to its key
(AES-GCM with ``app_state.<key>`` as the associated data): a record about a person in progress
(an issuance, a hand-out) with nothing in clear and no schema of its own."""

from __future__ import annotations

import base64
import json
from typing import Any

from counter_app.store.database import Store
from counter_app.store.models import AppState


def seal(store: Store, key: str, data: Any) -> str:
    blob = store.cipher.encrypt(json.dumps(data, ensure_ascii=False).encode(), f"app_state.{key}")
    return base64.b64encode(blob).decode("ascii")


def unseal(store: Store, key: str, value: str) -> Any:
    """The value as written; a value moved to another key fails to decrypt."""
    return json.loads(store.cipher.decrypt(base64.b64decode(value), f"app_state.{key}"))


def save_sealed(store: Store, key: str, data: Any, *, durable: bool = True) -> None:
    value = seal(store, key, data)
    with store.write(durable=durable) as s:
        row = s.get(AppState, key)
        if row is None:
            s.add(AppState(key=key, value=value))
        else:
            row.value = value


def load_sealed(store: Store, key: str) -> Any:
    """The value under ``key``; None when there is none."""
    with store.read() as s:
        row = s.get(AppState, key)
        return unseal(store, key, row.value) if row is not None else None
