"""The issuance tests' own reference central and counters (see tests/integration/issuance)."""

from tests.integration.issuance.conftest import (  # noqa: F401 - fixtures
    central,
    issuance_central_sim,
)
