"""The suite's own rule: a missing service fails loudly unless the run opted out."""

from __future__ import annotations

import pytest

from tests.conftest import SERVICE_FIXTURES
from tests.fixtures.services import (
    ALLOW_SKIPS_ENV,
    SKIP_PREFIX,
    service_unavailable,
    skips_allowed,
)


def test_a_missing_service_fails_with_the_command_that_starts_it(monkeypatch) -> None:
    monkeypatch.delenv(ALLOW_SKIPS_ENV, raising=False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.fail.Exception) as failed:
        service_unavailable("pcscd", "run `sudo pcscd`", "no daemon")
    text = str(failed.value)
    assert "`sudo pcscd`" in text and "no daemon" in text
    assert 'not pcsc and not central' in text and ALLOW_SKIPS_ENV in text


@pytest.mark.parametrize("value, allowed", [("1", True), ("yes", True), ("0", False), ("", False)])
def test_skips_only_when_the_run_opted_out(monkeypatch, value: str, allowed: bool) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv(ALLOW_SKIPS_ENV, value)
    assert skips_allowed() is allowed
    expected = pytest.skip.Exception if allowed else pytest.fail.Exception
    with pytest.raises(expected) as outcome:
        service_unavailable("central", "start it", "refused")
    assert (SKIP_PREFIX in str(outcome.value)) is allowed


def test_ci_never_skips_even_when_skips_are_allowed(monkeypatch) -> None:
    monkeypatch.setenv(ALLOW_SKIPS_ENV, "1")
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception):
        service_unavailable("central", "start it", "refused")


def test_service_fixtures_mark_the_tests_that_use_them(request) -> None:
    assert SERVICE_FIXTURES["emulator"] == "pcsc" and SERVICE_FIXTURES["central"] == "central"
    # this test uses none, so it must carry neither marker
    assert request.node.get_closest_marker("pcsc") is None
    assert request.node.get_closest_marker("central") is None
