"""The production pages' own reference central and branch (see tests/integration/production)."""

from tests.integration.production.conftest import branch  # noqa: F401 - fixture
