"""The store fixture of the application integration tests (a real SQLite file in tmp_path)."""

from tests.integration.application.conftest import store  # noqa: F401 - a fixture
