"""Fixtures for every unit test."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from counter_app.workflows import login
from tests.unit.workflows.test_teller_auth import Clock, MemoryTellers

# argon2id at its lowest cost: the unit tests hash and verify passwords by the hundred (and
# mutation testing runs them per mutant); the stored hashes carry their own parameters, so
# verifying works whatever made them. The production parameters are pinned by
# tests/unit/workflows/test_teller_auth.py::test_the_production_hasher_keeps_the_library_parameters.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
_PRODUCTION_HASHER = login._hasher  # as the module made it, before any test replaced it


@pytest.fixture
def production_hasher() -> PasswordHasher:
    return _PRODUCTION_HASHER


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(login, "_hasher", FAST_HASHER)
    login._dummy_hash.cache_clear()


@pytest.fixture
def tellers() -> MemoryTellers:
    """The in-memory teller accounts, sessions and audit trail (the port of workflows/login.py)."""
    return MemoryTellers()


@pytest.fixture
def clock() -> Clock:
    """A settable clock for the sign-in rules (naive UTC, at T0 of test_teller_auth.py)."""
    return Clock()
