"""The registration and data-change page tests' own reference central and counter."""

from tests.integration.people.conftest import (  # noqa: F401 - fixtures
    central,
    counter,
    people_central_sim,
)
