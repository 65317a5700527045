"""A certificate for a chosen period (from–to by calendar month) instead of the latest months:
POST /v1/persons/{id}/certificates with period_from/period_to, checked against
docs/api/central-v1.yaml, the reference central's limits (both months, from not after to, to
not after the current month, at most 48 months: 422 CERTIFICATE_PERIOD_INVALID) and the
counter's workflow, which refuses the same before asking."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
import requests
import yaml

from counter_app.central.client import HttpCentralClient
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.domain.clock import CHINA_TIME
from counter_app.workflows.certificate import CertificateContext, CertificateDesk, Step
from tests.integration.certificate.test_certificate import BRANCH, LI_MING, LUO_JUN, Audit

pytestmark = pytest.mark.central

DOC = yaml.safe_load((Path(__file__).resolve().parents[3] / "docs" / "api" /
                      "central-v1.yaml").read_text(encoding="utf-8"))


def ym(months_back: int) -> str:
    today = dt.datetime.now(CHINA_TIME).date()
    n = today.year * 12 + today.month - 1 - months_back
    return f"{n // 12}{n % 12 + 1:02d}"


def test_the_contract_declares_the_period() -> None:
    body = DOC["components"]["schemas"]["CertificateIn"]["properties"]
    for name in ("period_from", "period_to"):
        pattern = next(a["pattern"] for a in body[name]["anyOf"] if a.get("type") == "string")
        assert pattern == "^[0-9]{4}(0[1-9]|1[0-2])$"
    assert "CERTIFICATE_PERIOD_INVALID" in body["period_from"]["description"]


def test_the_central_certifies_only_the_chosen_months(client: HttpCentralClient) -> None:
    first, last = ym(35), ym(24)  # twelve months, two to three years ago
    cert = client.issue_certificate(LI_MING, branch_code="ICBC-NB-0101", months=12,
                                    idempotency_key=str(uuid.uuid4()), period_from=first,
                                    period_to=last)
    months = {m["year_month"] for m in cert.content["months"]}
    assert months and min(months) >= first and max(months) <= last
    assert len(months) == 12  # 李明 paid every month then
    check = client.verify_certificate(cert.auth_code)
    assert (check.period_from, check.period_to, check.months) == (first, last, 12)
    # the latest months otherwise (no period): this month is included
    latest = client.issue_certificate(LI_MING, branch_code="ICBC-NB-0101", months=12,
                                      idempotency_key=str(uuid.uuid4()))
    assert max(m["year_month"] for m in latest.content["months"]) > last


@pytest.mark.parametrize("period", [
    {"period_from": ym(48), "period_to": ym(0)},  # 49 months
    {"period_from": ym(3), "period_to": ym(5)},  # from after to
    {"period_from": ym(2), "period_to": ym(-1)},  # next month
    {"period_from": ym(5)},  # only one of them
])
def test_the_central_refuses_a_period_beyond_its_limits(central: CentralSimHandle,
                                                        period: dict[str, str]) -> None:
    r = requests.post(f"{central.url}/v1/persons/{LI_MING}/certificates",
                      json={"branch_code": "ICBC-NB-0101", "months": 12, **period},
                      headers={"X-Client-Id": "ICBC-NB-0101/C01",
                               "Idempotency-Key": str(uuid.uuid4())}, timeout=10)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "CERTIFICATE_PERIOD_INVALID" and "48" in error["message_zh"]
    assert error["details"]["max_months"] == 48


def test_the_counter_refuses_the_same_before_asking(client: HttpCentralClient) -> None:
    audit = Audit()
    desk = CertificateDesk(CertificateContext(BRANCH, "ICBC-NB-0101", "C01", "t01", client, audit))
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": LUO_JUN})
    wf.next()
    too_long = wf.apply(Step.OPTIONS, {"kind": "PENSION", "months": "", "period_from": ym(48),
                                       "period_to": ym(0)})
    assert "最多打印48个月" in too_long["period"] and "49个月" in too_long["period"]
    assert "不能晚于" in wf.apply(Step.OPTIONS, {"kind": "PENSION", "period_from": ym(2),
                                              "period_to": ym(4)})["period"]
    assert "本月" in wf.apply(Step.OPTIONS, {"kind": "PENSION", "period_from": ym(2),
                                           "period_to": ym(-1)})["period"]
    # 罗军's gap (30–35 months ago) inside a chosen 48 months: the whole gap is certified
    assert wf.apply(Step.OPTIONS, {"kind": "PENSION", "period_from": ym(47),
                                   "period_to": ym(0)}) == {}
    assert wf.record.options.months == 48 and wf.record.options.chosen_period
    issued = wf.issue()
    months = sorted({m["year_month"] for m in issued.content["months"]})
    assert months[0] >= ym(47) and months[-1] <= ym(0)
    assert len(months) == 48 - 6  # the six months without a record are not invented
    assert audit.events[-1] == ("certificate.issued", {"auth_code": issued.auth_code,
                                                       "kind": "PENSION", "months": 48,
                                                       "id_source": "typed", "card_read": False})


def test_a_refusal_reaches_the_teller(client: HttpCentralClient) -> None:
    with pytest.raises(CentralRefusal) as refused:
        client.issue_certificate(LI_MING, branch_code="ICBC-NB-0101", months=12,
                                 idempotency_key=str(uuid.uuid4()), period_from=ym(1),
                                 period_to=ym(-2))
    assert refused.value.code == "CERTIFICATE_PERIOD_INVALID"
