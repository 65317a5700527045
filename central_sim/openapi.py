"""The OpenAPI document of central API v1, as served by the reference central.

``docs/api/central-v1.yaml`` is this document checked in; a test fails when the server and
the checked-in contract drift apart (regenerate with ``python -m central_sim openapi``).
"""

from __future__ import annotations

import tempfile
from typing import Any

MUTATING = ("post", "put", "patch", "delete")


def openapi_document() -> dict[str, Any]:
    from central_sim.app import create_app

    with tempfile.TemporaryDirectory() as d:
        api = create_app(f"sqlite:///{d}/openapi.db", production_step_seconds=0)
        doc = api.openapi()
        api.state.central.db.engine.dispose()
    doc["servers"] = [{"url": "https://central.example/", "description": "production (mTLS)"},
                      {"url": "http://127.0.0.1:8765/", "description": "reference central"}]
    # Every mutating call requires the key (FastAPI marks it optional because the server
    # answers a missing key with its own 400 body instead of a validation error).
    for item in doc["paths"].values():
        for method, op in item.items():
            for param in op.get("parameters", []):
                if param["name"] == "Idempotency-Key" and method in MUTATING:
                    param["required"] = True
                    param["schema"] = {"type": "string", "minLength": 1, "maxLength": 128}
    return doc
