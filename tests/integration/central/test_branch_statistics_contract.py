"""GET /v1/branches/{branch_code}/statistics: the reference central's counts of a branch's
businesses, the counter's client against it and against docs/api/central-v1.yaml, and the
statistics desk showing them beside the local figures."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
import yaml

from central_sim.seed import generated_id
from counter_app.central.api import ApplicationRequest
from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.domain.clock import CHINA_TIME
from counter_app.printing import BranchInfo
from counter_app.store.crypto import DataCipher
from counter_app.store.database import open_store
from counter_app.store.statistics import SqlStatistics
from counter_app.workflows.statistics import StatisticsContext, StatisticsDesk

pytestmark = pytest.mark.central

DOC = yaml.safe_load((Path(__file__).resolve().parents[3] / "docs" / "api" /
                      "central-v1.yaml").read_text(encoding="utf-8"))
KINDS = ["applications", "replacements", "instant_issuances", "certificates", "batch_receipts"]


@pytest.fixture
def fresh(make_central: Callable[..., CentralSimHandle]) -> CentralSimHandle:
    return make_central()


@pytest.fixture
def client(fresh: CentralSimHandle) -> Iterator[HttpCentralClient]:
    c = HttpCentralClient(fresh.url, timeouts=Timeouts(connect=2, read=10, health=2),
                          client_id="ICBC-NB-0101/C01")
    yield c
    c.close()


def today() -> dt.date:
    return dt.datetime.now(CHINA_TIME).date()


def submit(client: HttpCentralClient, start: int) -> None:
    n = start
    while not client.eligibility(generated_id(n), "ICBC").eligible:
        n += 1
    client.submit_application(ApplicationRequest(
        id_number=generated_id(n), bank_code="ICBC", branch_code="ICBC-NB-0101",
        making_mode="FACTORY", photo_sha256="ab" * 32, collection="BRANCH"),  # type: ignore[arg-type]
        idempotency_key=str(uuid.uuid4()))


def test_the_contract_declares_the_operation() -> None:
    op = DOC["paths"]["/v1/branches/{branch_code}/statistics"]["get"]
    assert {p["name"]: p["required"] for p in op["parameters"]} == {
        "branch_code": True, "from": True, "to": True}
    schema = DOC["components"]["schemas"]["BranchStatisticsOut"]
    assert set(schema["required"]) == {"branch_code", "date_from", "date_to", "items"}


def test_counts_follow_the_branch_businesses(client: HttpCentralClient, fresh: CentralSimHandle,
                                             tmp_path: Path) -> None:
    day = today()
    empty = client.branch_statistics("ICBC-NB-0101", day, day)
    assert [k for k, _n in empty.by_business] == KINDS
    before = dict(empty.by_business)
    submit(client, 2100)
    submit(client, 2200)
    after = client.branch_statistics("ICBC-NB-0101", day - dt.timedelta(days=6), day)
    assert dict(after.by_business)["applications"] == before["applications"] + 2
    assert after.date_from == day - dt.timedelta(days=6) and after.date_to == day
    yesterday = client.branch_statistics("ICBC-NB-0101", day - dt.timedelta(days=1),
                                         day - dt.timedelta(days=1))
    assert yesterday.total == 0  # today's applications are not yesterday's

    # the statistics desk shows them beside this counter's own figures
    store = open_store(tmp_path / "counter.db", DataCipher(os.urandom(32)))
    try:
        desk = StatisticsDesk(StatisticsContext(
            BranchInfo("ICBC-NB-0101", "工商银行宁波鼓楼支行", "中国工商银行", True), "T0301",
            SqlStatistics(store), central_totals=client.branch_statistics))
        figures = desk.figures(7)
        assert figures.central is not None and figures.central_note_zh == ""
        assert dict(figures.central.by_business)["applications"] == before["applications"] + 2
        assert figures.total == 0  # nothing finished at this counter
    finally:
        store.close()


def test_refusals(client: HttpCentralClient, fresh: CentralSimHandle) -> None:
    day = today()
    with pytest.raises(CentralRefusal) as period:
        client.branch_statistics("ICBC-NB-0101", day, day - dt.timedelta(days=1))
    assert period.value.code == "PERIOD_INVALID"
    with pytest.raises(CentralRefusal) as too_long:
        client.branch_statistics("ICBC-NB-0101", day - dt.timedelta(days=366), day)
    assert too_long.value.code == "PERIOD_INVALID"
    client.branch_statistics("ICBC-NB-0101", day - dt.timedelta(days=365), day)  # 366 days: fine
    other = requests.get(f"{fresh.url}/v1/branches/ICBC-NB-0101/statistics",
                         params={"from": day.isoformat(), "to": day.isoformat()},
                         headers={"X-Client-Id": "CCB-NB-0230/V01"}, timeout=10)
    assert other.status_code == 403
    assert other.json()["error"]["code"] == "BRANCH_FORBIDDEN"
