"""GET /v1/certificates/{auth_code} says what a certificate certifies, masked, and
POST /v1/certificates/{auth_code}/prints counts its prints — the reference central against
docs/api/central-v1.yaml and the counter's client and workflow against both."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from counter_app.central import api as A
from counter_app.central.client import HttpCentralClient
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.domain.errors import CounterError
from counter_app.printing import mask_id_number, mask_name
from counter_app.workflows.certificate import CertificateDesk
from tests.integration.certificate.test_certificate import (
    BRANCH,
    LI_MING,
    LUO_JUN,
    Audit,
    issue,
    pdf_text,
)

pytestmark = pytest.mark.central

DOC = yaml.safe_load((Path(__file__).resolve().parents[3] / "docs" / "api" /
                      "central-v1.yaml").read_text(encoding="utf-8"))
CHECK = DOC["components"]["schemas"]["CertificateCheck"]


@pytest.fixture
def desk(client: HttpCentralClient) -> CertificateDesk:
    from counter_app.workflows.certificate import CertificateContext

    return CertificateDesk(CertificateContext(BRANCH, "ICBC-NB-0101", "C01", "t01", client,
                                              Audit()))


def raw_check(central: CentralSimHandle, code: str) -> dict[str, Any]:
    """The answer as any other caller gets it: a counter of another bank."""
    r = requests.get(f"{central.url}/v1/certificates/{code}",
                     headers={"X-Client-Id": "CCB-NB-0230/V01"}, timeout=10)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def test_contract_declares_what_a_verifier_needs() -> None:
    needed = {"person_name_masked", "id_number_masked", "kind", "period_from", "period_to",
              "months", "prints", "last_printed_at", "issued_at", "valid_until", "valid",
              "expired", "branch_code"}
    assert needed <= set(CHECK["required"])
    assert set(CHECK["properties"]["kind"]["enum"]) == {"ALL", "PENSION", "UNEMPLOYMENT",
                                                        "WORK_INJURY"}
    # the client reads exactly the declared fields, all guaranteed
    assert {f.name for f in dataclasses.fields(A.CertificateCheck)} == set(CHECK["properties"])
    prints = DOC["paths"]["/v1/certificates/{auth_code}/prints"]["post"]
    params = {p["name"]: p for p in prints["parameters"]}
    assert params["Idempotency-Key"]["required"] is True
    assert prints["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/CertificateCheck")


def test_verification_names_the_person_masked_and_counts_prints(
        central: CentralSimHandle, client: HttpCentralClient, desk: CertificateDesk,
        tmp_path: Path) -> None:
    wf = issue(desk, LI_MING, kind="PENSION", months="12")
    issued = wf.record.issued
    assert issued is not None
    person = client.get_person(LI_MING)
    fresh = raw_check(central, issued.auth_code)
    assert fresh["prints"] == 0 and fresh["last_printed_at"] is None
    first = pdf_text(wf.output_pdf("print"), tmp_path)
    second = pdf_text(wf.output_pdf("print"), tmp_path)
    assert all("补打" not in p for p in first)
    assert all("补打件（第2次打印）" in p for p in second)  # the central's count, on the page
    data = raw_check(central, issued.auth_code)
    # the central masks: a verifier is anyone holding the code
    assert data["person_name_masked"] == mask_name(person.name) == "李*"
    assert data["id_number_masked"] == mask_id_number(LI_MING) == "330203********2017"
    body = str(data)
    assert LI_MING not in body and person.name not in body
    pension = sorted(m["year_month"] for m in issued.content["months"]
                     if m["insurance"] == "PENSION")
    assert data["kind"] == "PENSION" and data["months"] == len(pension) == 12
    assert (data["period_from"], data["period_to"]) == (pension[0], pension[-1])
    assert data["prints"] == 2 and data["last_printed_at"] is not None
    assert data["branch_code"] == "ICBC-NB-0101"
    assert data["branch_name"] == client.branch("ICBC-NB-0101").name_zh != ""
    v = desk.verify(issued.auth_code)
    assert (v.person_name_masked, v.kind_zh, v.prints) == ("李*", "养老保险", 2)
    assert v.period_zh.endswith("（12个月）") and "原件及补打1次" in v.prints_zh
    assert [label for label, _ in v.lines_zh()][:5] == ["核验结论", "授权码", "姓名", "证件号码",
                                                        "证明险种"]


def test_a_retried_print_is_counted_once(central: CentralSimHandle, client: HttpCentralClient,
                                        desk: CertificateDesk) -> None:
    wf = issue(desk, LUO_JUN, months="6")
    issued = wf.record.issued
    assert issued is not None
    key = str(uuid.uuid4())
    once = client.record_certificate_print(issued.auth_code, branch_code="ICBC-NB-0101",
                                           idempotency_key=key)
    again = client.record_certificate_print(issued.auth_code, branch_code="ICBC-NB-0101",
                                            idempotency_key=key)
    assert once.prints == again.prints == 1
    assert raw_check(central, issued.auth_code)["prints"] == 1
    assert raw_check(central, issued.auth_code)["kind"] == "ALL"


def test_printing_an_unknown_code_is_refused(client: HttpCentralClient) -> None:
    with pytest.raises(CentralRefusal) as err:
        client.record_certificate_print("00000000DEADBEEF", branch_code="ICBC-NB-0101",
                                        idempotency_key=str(uuid.uuid4()))
    assert err.value.status == 404 and err.value.code == "CERTIFICATE_UNKNOWN"


def test_line_down_at_print_time_prints_nothing(central: CentralSimHandle,
                                               desk: CertificateDesk) -> None:
    wf = issue(desk, LI_MING, months="6")
    central.line_down()
    try:
        with pytest.raises(CounterError) as err:
            wf.output_pdf("print")
        assert err.value.code == "CERTIFICATE_NEEDS_CENTRAL" and "登记次数" in err.value.message_zh
        assert wf.record.printings == 0 and wf.record.print_key  # kept for the retry
    finally:
        central.line_up()
    wf.output_pdf("print")
    assert wf.record.printings == 1 and not wf.record.print_key
