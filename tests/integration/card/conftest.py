"""Integration tests of the card layer go through pyscard → pcscd → vpcd → emulator."""

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "integration/card" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.pcsc)
