"""Shared test configuration: service fixtures live in tests/fixtures/ and are loaded as plugins.

Tests that need a service (pcscd + the card emulator, or the reference central) carry the
``pcsc`` / ``central`` marker — added here from the fixtures they use, so none can miss it.
A missing service FAILS the test with the command that provides it; a run opts out only
explicitly: ``pytest -m "not pcsc and not central"`` (deselected, counted in the summary) or
``COUNTER_APP_ALLOW_SKIPS=1`` (skipped, counted in the summary).
"""

from __future__ import annotations

import pytest

pytest_plugins = ["tests.fixtures.pcsc", "tests.fixtures.central", "tests.fixtures.app",
                  "tests.fixtures.postgres", "tests.fixtures.weekend"]

# fixture name -> the marker a test using it must carry
SERVICE_FIXTURES: dict[str, str] = {
    "pcscd": "pcsc",
    "card_emulator_process": "pcsc",
    "emulator": "pcsc",
    "card_service": "pcsc",
    "central_sim": "central",
    "central": "central",
    "central_url": "central",
    "central_client": "central",
    "make_central": "central",
}
SERVICE_MARKERS = ("pcsc", "central")

_deselected: dict[str, int] = {m: 0 for m in SERVICE_MARKERS}


@pytest.hookimpl(tryfirst=True)  # before the -m filter of the mark plugin
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        have = {m.name for m in item.iter_markers()}
        for fixture in getattr(item, "fixturenames", ()):
            marker = SERVICE_FIXTURES.get(fixture)
            if marker is not None and marker not in have:
                item.add_marker(marker)
                have.add(marker)


def pytest_deselected(items: list[pytest.Item]) -> None:
    for item in items:
        for marker in SERVICE_MARKERS:
            if item.get_closest_marker(marker) is not None:
                _deselected[marker] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.fixtures.services import SKIP_PREFIX

    skipped = sum(
        1 for rep in terminalreporter.stats.get("skipped", [])
        if SKIP_PREFIX in str(getattr(rep, "longrepr", ""))
    )
    # deselections by -k or a node id are the developer's choice of tests, not an opt-out
    marked = bool(terminalreporter.config.getoption("markexpr", ""))
    parts = [f"{n} {m}" for m, n in _deselected.items() if n] if marked else []
    if not parts and not skipped:
        return
    terminalreporter.section("service tests NOT run", sep="-", yellow=True, bold=True)
    if parts:
        terminalreporter.write_line(
            "deselected by the -m opt-out: " + ", ".join(parts) + " (these never ran)")
    if skipped:
        terminalreporter.write_line(
            f"skipped for a missing service (COUNTER_APP_ALLOW_SKIPS set): {skipped}")
