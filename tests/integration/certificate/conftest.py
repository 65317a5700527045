"""What the certificate's integration tests share: the reference central's client as counter
C01 of ICBC-NB-0101, and an audit log that keeps what it was told."""

from __future__ import annotations

import pytest

from counter_app.central.client import HttpCentralClient
from tests.fixtures.audit import Audit


@pytest.fixture
def client(central_client: HttpCentralClient) -> HttpCentralClient:
    return central_client


@pytest.fixture
def audit() -> Audit:
    return Audit()
