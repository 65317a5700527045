"""Shared test configuration: service fixtures live in tests/fixtures/ and are loaded as plugins."""

pytest_plugins = ["tests.fixtures.pcsc", "tests.fixtures.central", "tests.fixtures.app"]
