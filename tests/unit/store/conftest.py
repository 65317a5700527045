import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(secrets.token_bytes(32)), exclusive=True)
    yield s
    s.close()
