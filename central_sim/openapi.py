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
    doc.setdefault("components", {})["securitySchemes"] = {"branchCertificate": {
        "type": "mutualTLS",
        "description": "Production: HTTPS over the dedicated line with the branch client "
                       "certificate issued by the city's CA (CN = branch code). No plain HTTP.",
    }}
    doc["security"] = [{"branchCertificate": []}]
    schemas = doc.get("components", {}).get("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    err = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    for item in doc["paths"].values():
        for method, op in item.items():
            responses = op.setdefault("responses", {})
            # the server answers invalid requests with 400 + ErrorBody, never FastAPI's 422
            responses["400"] = {"description": "Invalid request, or Idempotency-Key missing "
                                "(IDEMPOTENCY_KEY_MISSING)", "content": err}
            responses["404"] = {"description": "Unknown person, card, application ...",
                                "content": err}
            responses["503"] = {"description": "Central unavailable (maintenance, outage)",
                                "content": err}
            if method in MUTATING:
                responses["409"] = {"description": "Business state conflict, or the same "
                                    "Idempotency-Key is still in progress "
                                    "(IDEMPOTENCY_IN_PROGRESS)", "content": err}
                responses["422"] = {"description": "Idempotency-Key reused with a different "
                                    "payload (IDEMPOTENCY_KEY_REUSED), or a business rule "
                                    "refused the change", "content": err}
                ok = responses.get("200")
                if ok is not None:
                    ok["headers"] = {"Idempotent-Replayed": {
                        "description": "true when this is the stored result of an earlier "
                        "request with the same key", "schema": {"type": "string"}}}
            else:
                responses["409"] = {"description": "Business state conflict (e.g. NOT_MARKED)",
                                    "content": err}
                responses.pop("422", None)
    # Every mutating call requires the key (FastAPI marks it optional because the server
    # answers a missing key with its own 400 body instead of a validation error).
    for item in doc["paths"].values():
        for method, op in item.items():
            for param in op.get("parameters", []):
                if param["name"] == "Idempotency-Key" and method in MUTATING:
                    param["required"] = True
                    param["schema"] = {"type": "string", "minLength": 1, "maxLength": 128}
    return doc
