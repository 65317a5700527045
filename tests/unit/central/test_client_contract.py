"""The client side against docs/api/central-v1.yaml: paths, request and response shapes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from counter_app.central import api as A
from counter_app.central import people_api as P
from counter_app.central.client import OPERATIONS

DOC = yaml.safe_load((Path(__file__).resolve().parents[3] / "docs" / "api" /
                      "central-v1.yaml").read_text(encoding="utf-8"))
SCHEMAS = DOC["components"]["schemas"]

RESPONSES = {
    A.Person: "PersonOut", A.Eligibility: "EligibilityOut", A.Reason: "Reason",
    A.CardStatus: "CardOut", A.Application: "ApplicationOut", A.MarkResult: "MarkOut",
    A.PersonalisationData: "PersonalisationOut", A.Batch: "BatchOut", A.BatchItem: "BatchItem",
    A.PinResetAuthorisation: "PinResetOut", A.Contributions: "ContributionsOut",
    A.InsuranceSummary: "InsuranceSummary", A.ContributionMonth: "ContributionMonth",
    A.Certificate: "CertificateOut", A.CertificateCheck: "CertificateCheck", A.Bank: "BankOut",
    A.Branch: "BranchOut", A.BranchConfig: "BranchConfigOut", A.AuditHead: "AuditHeadOut",
    A.OperationAck: "DataChangeOut", A.UpdateItem: "UpdateItem", A.Updates: "UpdatesOut",
    # registration and data change (central/people_api.py)
    P.Employer: "EmployerOut", P.Bounds: "BoundsOut", P.BoundsKind: "BoundsKindOut",
    P.RegistrationResult: "RegistrationOut", P.DataChangeResult: "DataChangeOut",
}
REQUESTS = {A.ApplicationRequest: "ApplicationIn", A.ReplacementRequest: "ReplacementIn",
            P.RegistrationRequest: "RegistrationIn", P.DataChangeProof: "DataChangeProof"}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_outbox_operation_is_a_mutating_call_of_the_contract(name: str) -> None:
    method, template = OPERATIONS[name]
    assert template in DOC["paths"], template
    op = DOC["paths"][template][method.lower()]
    params = {p["name"]: p for p in op.get("parameters", [])}
    assert params["Idempotency-Key"]["required"] is True
    assert set(re.findall(r"\{(\w+)\}", template)) <= set(params)


@pytest.mark.parametrize("cls", list(RESPONSES), ids=lambda c: c.__name__)
def test_response_dataclasses_read_only_what_the_contract_guarantees(cls: type) -> None:
    schema = SCHEMAS[RESPONSES[cls]]
    required = set(schema.get("required", []))
    for f in dataclasses.fields(cls):
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            assert f.name in required, f"{cls.__name__}.{f.name} not guaranteed by the contract"
        else:
            assert f.name in schema["properties"], f"{cls.__name__}.{f.name} unknown"


@pytest.mark.parametrize("cls", list(REQUESTS), ids=lambda c: c.__name__)
def test_request_dataclasses_send_what_the_contract_accepts(cls: type) -> None:
    schema = SCHEMAS[REQUESTS[cls]]
    names = {f.name for f in dataclasses.fields(cls)}
    assert names <= set(schema["properties"])
    assert set(schema.get("required", [])) <= names
