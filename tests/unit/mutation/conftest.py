"""Fixtures shared by the tests written against mutants."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest


@pytest.fixture
def beijing_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's local zone set to UTC+8, so local time and UTC differ (a mutant that
    reads the local clock or zone where UTC is meant is invisible on a UTC machine)."""
    if not hasattr(time, "tzset"):
        pytest.skip("the local zone can be switched only where time.tzset exists")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
