"""The batch receipt operation (POST …/batches/{id}/receive with a BatchReceiptIn body) as
docs/api/central-v1.yaml declares it: the request validates against the declared schema, the
answer too, the differences come back with the batch, and a receipt naming an application not
on the list is refused with a declared status."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from tests.integration.central.test_openapi_contract import validate
from tests.integration.production.conftest import Branch

pytestmark = pytest.mark.central

DOC = Path(__file__).resolve().parents[3] / "docs" / "api" / "central-v1.yaml"


def _post(branch: Branch, path: str, body: dict[str, Any]) -> requests.Response:
    return requests.post(branch.central.url + path, json=body, timeout=10, headers={
        "Idempotency-Key": str(uuid.uuid4()), "X-Client-Id": f"{branch.profile.branch_code}/01"})


def test_receipt_body_and_answer_follow_the_contract(branch: Branch) -> None:
    doc = yaml.safe_load(DOC.read_text(encoding="utf-8"))
    op = doc["paths"]["/v1/branches/{branch_code}/batches/{batch_id}/receive"]["post"]
    request_schema = op["requestBody"]["content"]["application/json"]["schema"]
    a1, _ = branch.take()
    a2, _ = branch.take()
    branch.advance(2)
    batch_id = branch.client.application(a1.application_id).batch_id
    assert batch_id
    path = f"/v1/branches/{branch.profile.branch_code}/batches/{batch_id}/receive"
    bad = {"branch_code": branch.profile.branch_code, "received": ["APP-NOT-LISTED"],
           "differences": []}
    r = _post(branch, path, bad)
    assert r.status_code == 409 and r.json()["error"]["code"] == "NOT_IN_BATCH"
    assert "409" in op["responses"]
    body = {"branch_code": branch.profile.branch_code, "received": [a1.application_id],
            "differences": [{"kind": "MISSING", "application_id": a2.application_id,
                             "card_no": None},
                            {"kind": "EXTRA", "application_id": None, "card_no": "NB9999997"}]}
    validate(doc, request_schema, body)
    r = _post(branch, path, body)
    assert r.status_code == 200
    validate(doc, op["responses"]["200"]["content"]["application/json"]["schema"], r.json())
    assert r.json()["state"] == "RECEIVED"
    assert [d["kind"] for d in r.json()["differences"]] == ["MISSING", "EXTRA"]
    assert {i["application_id"]: i["state"] for i in r.json()["items"]} == {
        a1.application_id: "BRANCH_RECEIVED", a2.application_id: "SHIPPED"}
