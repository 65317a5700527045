"""The fee page tests' own reference central and counters (see tests/integration/card_loss)."""

from tests.integration.card_loss.conftest import (  # noqa: F401 - fixtures
    central,
    counters,
    loss_central_sim,
)
