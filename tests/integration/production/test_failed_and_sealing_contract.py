"""The operations of a failed production (re-submit, cancel) and of sealing an uncollected
card, as docs/api/central-v1.yaml declares them: request and answer validate against the
declared schemas, the refusals are declared, and the counter's client speaks them."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from counter_app.central.errors import CentralRefusal
from tests.integration.central.test_openapi_contract import validate
from tests.integration.production.conftest import Branch

pytestmark = pytest.mark.central

DOC = Path(__file__).resolve().parents[3] / "docs" / "api" / "central-v1.yaml"


def _doc() -> dict[str, Any]:
    return yaml.safe_load(DOC.read_text(encoding="utf-8"))


def _post(branch: Branch, path: str, body: dict[str, Any], key: str | None = None
          ) -> requests.Response:
    return requests.post(branch.central.url + path, json=body, timeout=10, headers={
        "Idempotency-Key": key or str(uuid.uuid4()),
        "X-Client-Id": f"{branch.profile.branch_code}/01"})


def _schemas(doc: dict[str, Any], path: str) -> tuple[dict[str, Any], dict[str, Any], set[str]]:
    op = doc["paths"][path]["post"]
    return (op["requestBody"]["content"]["application/json"]["schema"],
            op["responses"]["200"]["content"]["application/json"]["schema"],
            set(op["responses"]))


def test_a_failed_production_is_resubmitted_once_and_then_made(branch: Branch) -> None:
    doc = _doc()
    request_schema, answer_schema, statuses = _schemas(
        doc, "/v1/applications/{application_id}/resubmit")
    app, _ = branch.take(fail=True)
    path = f"/v1/applications/{app.application_id}/resubmit"
    body = {"branch_code": branch.profile.branch_code, "reason": "重新制卡"}
    validate(doc, request_schema, body)
    r = _post(branch, path, body)  # still DATA_ENTRY: nothing failed yet
    assert r.status_code == 409 and r.json()["error"]["code"] == "NOT_FAILED"
    assert "409" in statuses
    branch.advance(2)
    failed = branch.client.application(app.application_id)
    assert failed.state == "FAILED" and failed.failure_reason == "芯片个人化失败"
    key = str(uuid.uuid4())
    r = _post(branch, path, body, key)
    assert r.status_code == 200
    validate(doc, answer_schema, r.json())
    assert r.json()["state"] == "DATA_ENTRY" and r.json()["failure_reason"] is None
    again = _post(branch, path, body, key)  # the same key: the same answer, not a second one
    assert again.json() == r.json() and again.headers.get("Idempotent-Replayed") == "true"
    branch.advance(2)
    made = branch.client.application(app.application_id)
    assert made.state == "SHIPPED" and made.card_no and made.batch_id  # made this time


def test_a_failed_production_is_cancelled_and_the_person_may_apply_again(branch: Branch) -> None:
    app, _ = branch.take(fail=True)
    branch.advance(2)
    cancelled = branch.client.cancel_application(
        app.application_id, branch_code=branch.profile.branch_code, reason="制卡失败，申请人放弃",
        idempotency_key=str(uuid.uuid4()))
    assert cancelled.state == "CANCELLED"
    assert branch.client.eligibility(app.id_number, "CCB").eligible
    with pytest.raises(CentralRefusal) as refused:  # nothing left to re-submit
        branch.client.resubmit_application(app.application_id,
                                           branch_code=branch.profile.branch_code, reason="",
                                           idempotency_key=str(uuid.uuid4()))
    assert refused.value.code == "NOT_FAILED"


def test_resubmit_refused_while_the_person_has_another_open_application(branch: Branch) -> None:
    app, _ = branch.take(fail=True)
    branch.advance(2)
    other, _ = branch.take(id_number=app.id_number)  # a new application taken meanwhile
    with pytest.raises(CentralRefusal) as refused:
        branch.client.resubmit_application(app.application_id,
                                           branch_code=branch.profile.branch_code, reason="",
                                           idempotency_key=str(uuid.uuid4()))
    assert refused.value.code == "APPLICATION_IN_PROGRESS"
    assert other.state == "DATA_ENTRY"


def test_an_uncollected_card_is_sealed_and_can_no_longer_be_handed_out(branch: Branch) -> None:
    doc = _doc()
    request_schema, answer_schema, _ = _schemas(doc, "/v1/applications/{application_id}/seal")
    app, _ = branch.take()
    branch.advance(2)
    shipped = branch.client.application(app.application_id)
    assert shipped.card_no and shipped.batch_id
    path = f"/v1/applications/{app.application_id}/seal"
    body = {"branch_code": branch.profile.branch_code, "card_no": shipped.card_no,
            "sealing_list_id": "SEAL-TEST-1", "reason": "超期未领"}
    validate(doc, request_schema, body)
    r = _post(branch, path, body)  # not received at the branch yet
    assert r.status_code == 409 and r.json()["error"]["code"] == "NOT_IN_BRANCH_CUSTODY"
    branch.client.receive_batch(branch.profile.branch_code, shipped.batch_id,
                                idempotency_key=str(uuid.uuid4()))
    wrong = _post(branch, path, {**body, "card_no": "NB0000016"})
    assert wrong.status_code == 409 and wrong.json()["error"]["code"] == "CARD_NOT_OF_APPLICATION"
    key = str(uuid.uuid4())
    r = _post(branch, path, body, key)
    assert r.status_code == 200
    validate(doc, answer_schema, r.json())
    # the client reads the same answer (replayed under the same key)
    sealed = branch.client.seal_card(app.application_id, branch_code=branch.profile.branch_code,
                                     card_no=shipped.card_no, sealing_list_id="SEAL-TEST-1",
                                     reason="超期未领", idempotency_key=key)
    assert (sealed.card_state, sealed.sealing_list_id) == ("SEALED", "SEAL-TEST-1")
    assert branch.client.card_status(shipped.card_no).card_state == "SEALED"
    r = _post(branch, path, body)  # a second sealing under a new key: the card is sealed
    assert r.status_code == 409 and r.json()["error"]["code"] == "CARD_STATE_CONFLICT"
    validate(doc, doc["components"]["schemas"]["ErrorBody"], r.json())
    with pytest.raises(CentralRefusal) as refused:
        branch.client.hand_out(app.application_id, branch_code=branch.profile.branch_code,
                               idempotency_key=str(uuid.uuid4()))
    assert refused.value.code == "CARD_SEALED"
