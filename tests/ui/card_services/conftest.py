"""The card services tests' own reference central and counter (tests/integration/card_services)."""

from tests.integration.card_services.conftest import (  # noqa: F401 - fixtures
    central,
    counter,
    services_central_sim,
)
