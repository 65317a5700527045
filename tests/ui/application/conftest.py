"""The application tests' own reference central and store (see tests/integration/application)."""

from tests.integration.application.conftest import (  # noqa: F401 - fixtures
    app_central_sim,
    central,
    store,
)
