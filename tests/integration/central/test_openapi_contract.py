"""docs/api/central-v1.yaml is checked against the running server.

1. The checked-in document equals what the server generates (no drift).
2. Every operation in the document is called on the live server; each answer's status is
   declared for that operation and its body validates against the declared schema.
3. Every mutating operation requires Idempotency-Key and answers 400 without it.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "api" / "central-v1.yaml"
MUTATING = {"post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return yaml.safe_load(DOC_PATH.read_text(encoding="utf-8"))


def test_checked_in_document_matches_the_server(doc: dict[str, Any]) -> None:
    generated = subprocess.run([sys.executable, "-m", "central_sim", "openapi"], check=True,
                               capture_output=True, timeout=120).stdout.decode()
    assert yaml.safe_load(generated) == doc, (
        "docs/api/central-v1.yaml is stale: regenerate with "
        "`python -m central_sim openapi > docs/api/central-v1.yaml`")


def test_contract_covers_the_issue(doc: dict[str, Any]) -> None:
    ops = {op["operationId"] for item in doc["paths"].values() for op in item.values()}
    needed = {
        "get_person", "get_eligibility", "get_card", "submit_application", "cancel_application",
        "get_application", "mark_blank", "personalisation", "issuance_result", "cancel_issuance",
        "list_batches", "receive_batch", "formal_loss", "deloss", "replacement", "activation",
        "pin_reset", "get_contributions", "issue_certificate", "verify_certificate", "banks",
        "branches", "branch_config", "get_head", "report_head", "rebase_head", "head_events",
        "updates", "health", "get_employer", "contribution_bounds", "register",
        "ecard_claim", "ecard_claim_check", "create_remote_approval", "pending_remote_approvals",
        "get_remote_approval", "decide_remote_approval", "consume_remote_approval",
        "report_day_end", "branch_day_end",
        "cancel_remote_approval",
    }
    assert needed <= ops


# -- a small JSON-schema check for the subset FastAPI emits ---------------------------------------

def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = doc["components"]["schemas"][name]
    return schema


def validate(doc: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$") -> None:
    schema = _resolve(doc, schema)
    if "anyOf" in schema:
        errors = []
        for alt in schema["anyOf"]:
            try:
                validate(doc, alt, value, where)
                return
            except AssertionError as e:
                errors.append(str(e))
        raise AssertionError(f"{where}: no alternative matched: {errors}")
    if "const" in schema:
        assert value == schema["const"], f"{where}: {value!r} != const"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in enum"
    t = schema.get("type")
    if t == "object":
        assert isinstance(value, dict), f"{where}: object expected"
        for req in schema.get("required", []):
            assert req in value, f"{where}: missing required {req}"
        props = schema.get("properties", {})
        for k, v in value.items():
            if k in props:
                validate(doc, props[k], v, f"{where}.{k}")
            else:
                assert schema.get("additionalProperties", True) is not False, f"{where}.{k}"
    elif t == "array":
        assert isinstance(value, list), f"{where}: array expected"
        for i, v in enumerate(value):
            validate(doc, schema.get("items", {}), v, f"{where}[{i}]")
    elif t == "string":
        assert isinstance(value, str), f"{where}: string expected"
        fmt = schema.get("format")
        if fmt == "date-time":
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        elif fmt == "date":
            dt.date.fromisoformat(value)
    elif t == "integer":
        assert isinstance(value, int) and not isinstance(value, bool), f"{where}: integer"
    elif t == "number":
        assert isinstance(value, int | float) and not isinstance(value, bool), f"{where}: number"
    elif t == "boolean":
        assert isinstance(value, bool), f"{where}: boolean expected"
    elif t == "null":
        assert value is None, f"{where}: null expected"


def _match(doc: dict[str, Any], method: str, path: str) -> tuple[str, dict[str, Any]]:
    for template, item in doc["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method in item:
            return template, item[method]
    raise AssertionError(f"{method.upper()} {path} is not in the contract")


class Recorder:
    def __init__(self, central: CentralSimHandle, doc: dict[str, Any]) -> None:
        self.url = central.url
        self.doc = doc
        self.seen: set[tuple[str, str]] = set()
        self.http = requests.Session()
        self.http.headers["X-Client-Id"] = "ICBC-NB-0101/contract"

    def call(self, method: str, path: str, body: dict | None = None,
             params: dict | None = None, key: bool = True, branch: str | None = None) -> Any:
        headers = {"Idempotency-Key": str(uuid.uuid4())} if method in MUTATING and key else {}
        if branch:  # the central checks every branch_code against the caller's identity
            headers["X-Client-Id"] = f"{branch}/contract"
        r = self.http.request(method.upper(), self.url + path, json=body, params=params,
                              headers=headers, timeout=10)
        template, op = _match(self.doc, method, path)
        self.seen.add((method, template))
        declared = op["responses"]
        assert str(r.status_code) in declared, (
            f"{method.upper()} {template} answered {r.status_code}, not declared")
        schema = declared[str(r.status_code)].get("content", {}).get(
            "application/json", {}).get("schema")
        data = r.json()
        if schema:
            validate(self.doc, schema, data)
        return data


def test_live_answers_conform(central: CentralSimHandle, doc: dict[str, Any]) -> None:
    from central_sim.seed import DEMO_PEOPLE, generated_id

    rec = Recorder(central, doc)
    li = "330203198506122017"
    gao_jie = next(p.id_number for p in DEMO_PEOPLE if p.name == "高洁")
    rec.call("get", "/health")
    rec.call("get", f"/v1/persons/{li}")
    rec.call("get", "/v1/persons/110101199001011237")  # 404 with ErrorBody
    rec.call("get", f"/v1/persons/{li}/eligibility", params={"bank_code": "ICBC"})
    rec.call("get", f"/v1/persons/{li}/cards")
    rec.call("get", f"/v1/persons/{gao_jie}/applications")
    rec.call("post", f"/v1/persons/{generated_id(30)}/data-changes",
             {"branch_code": "ICBC-NB-0101", "client_seq": 1, "changes": {"phone": "1"}})
    # registration and data change with proof (central_sim/people.py)
    from central_sim.people import credit_code_with_check
    employer = credit_code_with_check("91330206MA2H00101")
    rec.call("get", f"/v1/employers/{employer}")
    rec.call("get", f"/v1/employers/{employer[:17]}0")  # 422 CREDIT_CODE_INVALID
    rec.call("get", "/v1/contribution-bounds")
    rec.call("post", f"/v1/persons/{generated_id(33)}/data-changes", {
        "branch_code": "ICBC-NB-0101", "client_seq": 2, "changes": {"birth_date": "1990-01-01"},
        "proof": {"records": ["本人户口簿"]}})
    rec.call("post", f"/v1/persons/{generated_id(33)}/data-changes", {
        "branch_code": "ICBC-NB-0101", "client_seq": 3, "changes": {"name": "改名"}})  # 422
    reg = {"branch_code": "ICBC-NB-0101", "kind": "EMPLOYEE", "credit_code": employer,
           "insurances": ["PENSION"], "base_fen": 500000, "start_month": "202601", "name": "新人"}
    rec.call("post", "/v1/persons/330203200003030014/registrations", reg)
    rec.call("post", "/v1/persons/330203200003030014/registrations",
             {**reg, "base_fen": 100})  # 422 BASE_OUT_OF_RANGE, the bounds in details
    rec.call("get", "/v1/cards/NB0000016")
    rec.call("post", "/v1/cards/NB0000016/loss", {"branch_code": "ICBC-NB-0101"}, key=False)  # 400
    idn = generated_id(31)
    app = rec.call("post", "/v1/applications", {
        "id_number": idn, "bank_code": "ICBC", "branch_code": "ICBC-NB-0101",
        "making_mode": "INSTANT", "photo_sha256": "c" * 64})
    aid = app["application_id"]
    rec.call("get", f"/v1/applications/{aid}")
    rec.call("get", f"/v1/instant-issuance/{aid}/personalisation")  # 409 NOT_MARKED
    mark = rec.call("post", f"/v1/instant-issuance/{aid}/mark",
                    {"branch_code": "ICBC-NB-0101", "blank_serial": "S1"})
    rec.call("get", f"/v1/instant-issuance/{aid}/personalisation")
    rec.call("post", f"/v1/instant-issuance/{aid}/cancel", {"branch_code": "ICBC-NB-0101"})
    rec.call("post", f"/v1/instant-issuance/{aid}/mark",
             {"branch_code": "ICBC-NB-0101", "blank_serial": "S2"})
    rec.call("post", f"/v1/instant-issuance/{aid}/result",
             {"branch_code": "ICBC-NB-0101", "blank_serial": "S2", "outcome": "SUCCESS"})
    card_no = rec.call("get", f"/v1/applications/{aid}")["card_no"]
    assert card_no != mark["card_no"]
    rec.call("post", f"/v1/cards/{card_no}/ecard-claims",
             {"branch_code": "ICBC-NB-0101"})  # 409 CARD_NOT_ACTIVE: not activated yet
    rec.call("post", f"/v1/cards/{card_no}/activation", {"branch_code": "ICBC-NB-0101"})
    claim = rec.call("post", f"/v1/cards/{card_no}/ecard-claims", {"branch_code": "ICBC-NB-0101"})
    rec.call("get", f"/v1/ecard-claims/{claim['token']}")
    rec.call("get", "/v1/ecard-claims/unknown-token-0000")  # 404 ECARD_CLAIM_UNKNOWN
    # the chip's PIN blocked: 应用锁定 at the central (no PIN sent), then the reset unlocks it
    rec.call("post", f"/v1/cards/{card_no}/pin-lock", {"branch_code": "ICBC-NB-0101", "function": "social"})
    rec.call("post", f"/v1/cards/{card_no}/pin-reset-authorisations",
             {"branch_code": "ICBC-NB-0101", "function": "social"})
    rec.call("post", f"/v1/cards/{card_no}/loss", {"branch_code": "ICBC-NB-0101"})
    rec.call("post", f"/v1/cards/{card_no}/deloss", {"branch_code": "ICBC-NB-0101"})
    rec.call("post", f"/v1/cards/{card_no}/replacement", {
        "branch_code": "ICBC-NB-0101", "reason": "DAMAGED", "making_mode": "FACTORY",
        "photo_sha256": "d" * 64})
    app2 = rec.call("post", "/v1/applications", {
        "id_number": generated_id(32), "bank_code": "ICBC", "branch_code": "ICBC-NB-0102",
        "making_mode": "FACTORY", "photo_sha256": "e" * 64}, branch="ICBC-NB-0102")
    rec.call("post", f"/v1/applications/{app2['application_id']}/cancel",
             {"branch_code": "ICBC-NB-0102", "reason": "客户放弃"}, branch="ICBC-NB-0102")
    rec.call("post", f"/v1/applications/{app2['application_id']}/handout",
             {"branch_code": "ICBC-NB-0102"}, branch="ICBC-NB-0102")  # 409: cancelled
    rec.call("post", f"/v1/applications/{app2['application_id']}/resubmit",
             {"branch_code": "ICBC-NB-0102"}, branch="ICBC-NB-0102")  # 409 NOT_FAILED
    rec.call("post", f"/v1/applications/{app2['application_id']}/seal",
             {"branch_code": "ICBC-NB-0102", "card_no": "NB0000016", "sealing_list_id": "S1"},
             branch="ICBC-NB-0102")  # 409 CARD_NOT_OF_APPLICATION
    batches = rec.call("get", "/v1/branches/ICBC-NB-0102/batches", branch="ICBC-NB-0102")
    rec.call("post", f"/v1/branches/ICBC-NB-0102/batches/{batches[0]['batch_id']}/receive"
             if batches else "/v1/branches/ICBC-NB-0102/batches/NOPE/receive",
             branch="ICBC-NB-0102")
    # a branch acting as another: 403 in the contract's shape
    rec.call("get", "/v1/branches/CCB-NB-0230/batches")
    rec.call("get", "/v1/branches/CCB-NB-0230/statistics",
             params={"from": "2026-11-23", "to": "2026-11-29"})
    rec.call("get", f"/v1/persons/{li}/contributions", params={"months": 6})
    cert = rec.call("post", f"/v1/persons/{li}/certificates", {"branch_code": "ICBC-NB-0101"})
    rec.call("get", f"/v1/certificates/{cert['auth_code']}")
    rec.call("post", f"/v1/certificates/{cert['auth_code']}/prints",
             {"branch_code": "ICBC-NB-0101"})
    rec.call("get", "/v1/reference/banks")
    rec.call("get", "/v1/reference/branches", params={"bank_code": "NBCB"})
    rec.call("get", "/v1/reference/branches/ICBC-NB-0101")
    rec.call("get", "/v1/reference/branches/ICBC-NB-0101/config")
    rec.call("post", "/v1/audit/chain-heads/ICBC-NB-0101/contract",
             {"seq": 1, "head_sha256": "f" * 64})
    rec.call("get", "/v1/audit/chain-heads/ICBC-NB-0101/contract")
    rec.call("post", "/v1/audit/chain-heads/ICBC-NB-0101/contract", {
        "seq": 0, "head_sha256": "0" * 64})  # 409 AUDIT_HEAD_REGRESSION, kept as evidence
    rec.call("post", "/v1/audit/chain-heads/ICBC-NB-0101/contract/rebase", {
        "seq": 1, "head_sha256": "e" * 64, "supervisor": "S0301", "reason": "核实后重置链头",
        "acknowledged_at": "2026-01-05T09:30:00Z", "broken_seq": 1, "broken_head_sha256": "f" * 64,
        "first_bad_seq": 1, "problem": "末尾条目缺失"})
    rec.call("post", "/v1/audit/chain-heads/ICBC-NB-0101/other/rebase", {
        "seq": 1, "head_sha256": "e" * 64, "supervisor": "S0301", "reason": "核实后重置链头",
        "acknowledged_at": "2026-01-05T09:30:00Z"})  # 403: only the counter itself
    rec.call("get", "/v1/audit/head-events/ICBC-NB-0101", params={"counter_id": "contract"})
    rec.call("get", "/v1/updates", params={"branch_code": "ICBC-NB-0101", "since": 0})
    rec.call("get", "/v1/updates", params={"branch_code": "ICBC-NB-0101", "since": -1})  # 422
    rec.call("get", "/v1/updates", params={"branch_code": "ICBC-NB-0101", "since": 2**63})
    # remote supervisor approval: asked at one counter, decided at another, used once
    ra = uuid.uuid4().hex
    rec.call("post", "/v1/remote-approvals", {"request_id": ra, "purpose": "fee.refund",
                                              "summary": "退费 20.00元", "teller": "T0301"})
    rec.call("get", "/v1/remote-approvals")
    rec.call("get", f"/v1/remote-approvals/{ra}")
    rec.call("post", f"/v1/remote-approvals/{ra}/decision",
             {"decision": "APPROVE", "supervisor": "S0301"})  # 403 APPROVAL_OWN_COUNTER
    rec.http.headers["X-Client-Id"] = "ICBC-NB-0101/contract2"
    rec.call("post", f"/v1/remote-approvals/{ra}/decision",
             {"decision": "APPROVE", "supervisor": "S0301"})
    rec.http.headers["X-Client-Id"] = "ICBC-NB-0101/contract"
    rec.call("post", f"/v1/remote-approvals/{ra}/consume", {"purpose": "fee.refund"})
    rec.call("post", f"/v1/remote-approvals/{ra}/consume",
             {"purpose": "fee.refund"})  # 409 APPROVAL_ALREADY_USED
    rec.call("post", f"/v1/remote-approvals/{ra}/cancel")  # 409 APPROVAL_ALREADY_USED
    withdrawn = uuid.uuid4().hex
    rec.call("post", "/v1/remote-approvals", {"request_id": withdrawn, "purpose": "fee.refund",
                                              "summary": "退费 20.00元", "teller": "T0301"})
    rec.call("post", f"/v1/remote-approvals/{withdrawn}/cancel")
    # the branch-wide day-end: a counter's day summary (a re-send replaces it), the branch's sum
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date().isoformat()
    summary = {"made_at": dt.datetime.now(dt.UTC).isoformat(), "unsent": 0, "tellers": [{
        "teller": "T0301", "sessions": 1, "businesses": [{"kind": "card.replacement", "done": 1}],
        "fees": [{"method": "cash", "collected": 1, "collected_fen": 2000}]}]}
    rec.call("put", f"/v1/branches/ICBC-NB-0101/day-end/{today}/counters/contract", summary)
    rec.call("put", f"/v1/branches/ICBC-NB-0101/day-end/{today}/counters/other",
             summary)  # 403 COUNTER_FORBIDDEN: only the counter itself
    rec.call("put", "/v1/branches/ICBC-NB-0101/day-end/1999-12-31/counters/contract",
             summary)  # 422 DAY_INVALID
    rec.call("get", f"/v1/branches/ICBC-NB-0101/day-end/{today}")
    rec.call("get", f"/v1/branches/CCB-NB-0230/day-end/{today}")  # 403 BRANCH_FORBIDDEN
    every = {(m, p) for p, item in doc["paths"].items() for m in item}
    assert every - rec.seen == set(), "operations in the contract never exercised"


def test_every_mutating_operation_requires_the_key(central: CentralSimHandle,
                                                   doc: dict[str, Any]) -> None:
    for template, item in doc["paths"].items():
        for method, op in item.items():
            if method not in MUTATING:
                continue
            params = {p["name"]: p for p in op.get("parameters", [])}
            assert params["Idempotency-Key"]["required"] is True, template
            path = re.sub(r"\{[^}]+\}", "X", template)
            r = requests.request(method.upper(), central.url + path, json={}, timeout=10,
                                 headers={"X-Client-Id": "ICBC-NB-0101/contract"})
            assert r.status_code == 400, template
            assert r.json()["error"]["code"] == "IDEMPOTENCY_KEY_MISSING", template
