"""The OpenAPI document of central API v1, as served by the reference central.

``docs/api/central-v1.yaml`` is this document checked in; a test fails when the server and
the checked-in contract drift apart (regenerate with ``python -m central_sim openapi``).
"""

from __future__ import annotations

import tempfile
from typing import Any

MUTATING = ("post", "put", "patch", "delete")
COUNTER_SCOPED = ("report_head", "rebase_head", "report_day_end")  # made only by that counter itself
IDENTITY_AND_LIMITS = (
    "\n\nIdentity and authorisation: every /v1 call is made as one branch counter (see the "
    "security schemes). A branch_code in a path or body must be the caller's branch (403 "
    "BRANCH_FORBIDDEN); an application is read or changed only by the branch that took it "
    "(403 APPLICATION_FORBIDDEN), except that the branches of the same bank may read it "
    "(GET /v1/applications/{id}, a person's applications list shows the caller's bank only) "
    "and hand it out; a failed production is re-submitted or cancelled, and an uncollected "
    "card sealed, only by the branch that took the application; a card is activated, and its "
    "e-card claim token issued, only at its own bank (403 CARD_FORBIDDEN); a branch reads only "
    "its own statistics; an e-card claim token resolves (any caller holding it) to the "
    "claim's state and expiry only, nothing of the card or the person; a "
    "counter reports or re-bases only its own audit chain head (403 COUNTER_FORBIDDEN; a "
    "certificate without a counter OU, 403 COUNTER_REQUIRED). Persons, cards, "
    "eligibility, contributions and reference data are readable by every branch (the person "
    "is at the counter; formal loss is accepted at any branch). Idempotency keys are scoped "
    "by the verified branch/counter. No identity: 401 CLIENT_ID_REQUIRED.\n\n"
    "Limits: request body at most 1 MiB (413 REQUEST_TOO_LARGE); strings at most their "
    "declared maxLength, integers within a signed 64-bit range (422 LIMIT_EXCEEDED); one "
    "Idempotency-Key and one X-Client-Id header (400 HEADER_DUPLICATED); other malformed "
    "requests (bad JSON or encoding, too deep, wrong types, missing fields) 400 "
    "INVALID_REQUEST; an unknown branch 404 BRANCH_UNKNOWN; a fault of the central itself 500 "
    "CENTRAL_INTERNAL_ERROR (nothing of the exception is shown; retry later under the same key). "
    "Every error, whatever the path, "
    "is an ErrorBody: {\"error\": {\"code\", \"message_zh\", \"details\"?}}."
)


#: the remote approval operations' own refusals (central_sim/approvals.py), listed in their
#: 403 and 409 descriptions beside the identity codes every operation has
_IDENTITY_403 = "IDENTITY_MISMATCH, IDENTITY_HEADER_REFUSED, CALLER_BRANCH_UNKNOWN"
REMOTE_APPROVAL_CODES: dict[str, dict[str, str]] = {
    "create_remote_approval": {
        "403": "A certificate without a counter OU (COUNTER_REQUIRED)",
        "409": "The request id is already used (APPROVAL_REQUEST_ID_TAKEN), or the same "
               "Idempotency-Key is still in progress (IDEMPOTENCY_IN_PROGRESS)"},
    "pending_remote_approvals": {
        "403": "A certificate without a counter OU (COUNTER_REQUIRED)"},
    "get_remote_approval": {
        "403": "A request of another branch (APPROVAL_OTHER_BRANCH)"},
    "decide_remote_approval": {
        "403": "Another branch's request (APPROVAL_OTHER_BRANCH), the requesting counter "
               "itself (APPROVAL_OWN_COUNTER), the supervisor is the asking teller "
               "(APPROVAL_SELF), a certificate without a counter OU (COUNTER_REQUIRED)",
        "409": "Expired (APPROVAL_EXPIRED), withdrawn by the requester (APPROVAL_WITHDRAWN), "
               "decided before (APPROVAL_ALREADY_DECIDED), or the same Idempotency-Key is "
               "still in progress (IDEMPOTENCY_IN_PROGRESS)"},
    "consume_remote_approval": {
        "403": "Another branch's request (APPROVAL_OTHER_BRANCH), not the requesting counter "
               "(APPROVAL_NOT_REQUESTER), a certificate without a counter OU (COUNTER_REQUIRED)",
        "409": "Asked for another act (APPROVAL_PURPOSE_MISMATCH), pending or refused "
               "(APPROVAL_NOT_APPROVED), withdrawn (APPROVAL_WITHDRAWN), expired "
               "(APPROVAL_EXPIRED), used before (APPROVAL_ALREADY_USED), or the same "
               "Idempotency-Key is still in progress (IDEMPOTENCY_IN_PROGRESS)"},
    "cancel_remote_approval": {
        "403": "Another branch's request (APPROVAL_OTHER_BRANCH), not the requesting counter "
               "(APPROVAL_NOT_REQUESTER), a certificate without a counter OU (COUNTER_REQUIRED)",
        "409": "Used (APPROVAL_ALREADY_USED), refused (APPROVAL_ALREADY_DECIDED), expired "
               "(APPROVAL_EXPIRED), or the same Idempotency-Key is still in progress "
               "(IDEMPOTENCY_IN_PROGRESS)"},
}


def openapi_document() -> dict[str, Any]:
    from central_sim.app import create_app

    with tempfile.TemporaryDirectory() as d:
        api = create_app(f"sqlite:///{d}/openapi.db", production_step_seconds=0)
        doc = api.openapi()
        api.state.central.db.engine.dispose()
    doc["servers"] = [{"url": "https://central.example/", "description": "production (mTLS)"},
                      {"url": "http://127.0.0.1:8765/", "description": "reference central"}]
    doc.setdefault("components", {})["securitySchemes"] = {
        "branchCertificate": {
            "type": "mutualTLS",
            "description": "Production: HTTPS over the dedicated line with the branch client "
                           "certificate issued by the city's CA. The caller's identity is taken "
                           "from the verified certificate: subject CN = branch code (e.g. "
                           "ICBC-NB-0101), subject OU = counter id (e.g. C01). The counter "
                           "comes only from the certificate: without an OU it is unknown and "
                           "X-Client-Id cannot supply it (the header may only repeat the "
                           "certificate's branch), so such a branch-level certificate cannot "
                           "report or re-base an audit chain head (403 COUNTER_REQUIRED). "
                           "No plain HTTP.",
        },
        "loopbackClientId": {
            "type": "apiKey", "in": "header", "name": "X-Client-Id",
            "description": "Reference central on loopback without TLS (demo, tests) only: "
                           "BRANCH/COUNTER, e.g. ICBC-NB-0101/C01. Refused (403 "
                           "IDENTITY_HEADER_REFUSED) unless server and caller are both "
                           "loopback; the central refuses to serve plain HTTP elsewhere.",
        },
    }
    doc["security"] = [{"branchCertificate": []}, {"loopbackClientId": []}]
    doc["info"]["description"] += IDENTITY_AND_LIMITS
    from central_sim.guard import MAX_BODY_BYTES, MAX_INT

    doc["x-limits"] = {"max_body_bytes": MAX_BODY_BYTES, "max_integer": MAX_INT,
                       "max_idempotency_key_length": 128}
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
            if op.get("operationId") == "health":
                responses["404"] = {"description": "Not found", "content": err}
                responses["503"] = {"description": "Central unavailable", "content": err}
                for code in ("401", "403", "409", "413", "422"):
                    responses.pop(code, None)
                op["security"] = []  # health answers anyone who reaches the line
                continue
            responses["401"] = {"description": "No caller identity (CLIENT_ID_REQUIRED, "
                                "CLIENT_CERT_REQUIRED)", "content": err}
            responses["403"] = {"description": "The caller may not act on or read this "
                                "(BRANCH_FORBIDDEN, APPLICATION_FORBIDDEN, CARD_FORBIDDEN, "
                                "COUNTER_FORBIDDEN, IDENTITY_MISMATCH, "
                                "IDENTITY_HEADER_REFUSED, CALLER_BRANCH_UNKNOWN)",
                                "content": err}
            if op.get("operationId") in COUNTER_SCOPED:
                responses["403"] = {"description": "Not this counter itself: another branch "
                                    "(BRANCH_FORBIDDEN), another counter (COUNTER_FORBIDDEN), "
                                    "a certificate without a counter OU (COUNTER_REQUIRED), "
                                    "IDENTITY_MISMATCH, IDENTITY_HEADER_REFUSED",
                                    "content": err}
            responses["413"] = {"description": "Request body over 1 MiB (REQUEST_TOO_LARGE)",
                                "content": err}
            responses["404"] = {"description": "Unknown person, card, application, branch "
                                "(BRANCH_UNKNOWN) ...", "content": err}
            responses["503"] = {"description": "Central unavailable (maintenance, outage)",
                                "content": err}
            if method in MUTATING:
                responses["409"] = {"description": "Business state conflict, or the same "
                                    "Idempotency-Key is still in progress "
                                    "(IDEMPOTENCY_IN_PROGRESS)", "content": err}
                responses["422"] = {"description": "Idempotency-Key reused with a different "
                                    "payload (IDEMPOTENCY_KEY_REUSED), a value beyond a "
                                    "declared limit (LIMIT_EXCEEDED), or a business rule "
                                    "refused the change", "content": err}
                ok = responses.get("200")
                if ok is not None:
                    ok["headers"] = {"Idempotent-Replayed": {
                        "description": "true when this is the stored result of an earlier "
                        "request with the same key", "schema": {"type": "string"}}}
            else:
                responses["409"] = {"description": "Business state conflict (e.g. NOT_MARKED)",
                                    "content": err}
                responses["422"] = {"description": "A path or query value beyond a declared "
                                    "limit (LIMIT_EXCEEDED)", "content": err}
            own = REMOTE_APPROVAL_CODES.get(str(op.get("operationId")), {})
            if "403" in own:
                responses["403"] = {"description": f"{own['403']}; {_IDENTITY_403}",
                                    "content": err}
            if "409" in own:
                responses["409"] = {"description": own["409"], "content": err}
    # Every mutating call requires the key (FastAPI marks it optional because the server
    # answers a missing key with its own 400 body instead of a validation error).
    for item in doc["paths"].values():
        for method, op in item.items():
            for param in op.get("parameters", []):
                if param["name"] == "Idempotency-Key" and method in MUTATING:
                    param["required"] = True
                    param["schema"] = {"type": "string", "minLength": 1, "maxLength": 128}
    _exact_integer_bounds(doc)
    return doc


def _exact_integer_bounds(node: Any) -> None:
    """FastAPI writes integer bounds as floats (2**63 - 1 becomes 9.223372036854776e18, which
    is 2**63): write them as the exact integers the server checks."""
    from central_sim.guard import MAX_INT

    if isinstance(node, dict):
        if node.get("type") == "integer":
            for bound in ("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"):
                v = node.get(bound)
                if isinstance(v, float):
                    node[bound] = MAX_INT if v >= MAX_INT else int(v)
        for v in node.values():
            _exact_integer_bounds(v)
    elif isinstance(node, list):
        for v in node:
            _exact_integer_bounds(v)
