"""One open application per person holds under concurrent PostgreSQL transactions.

Found in the hostile review of the re-submit operation: ``POST /v1/applications/{id}/resubmit``
(FAILED -> DATA_ENTRY) and ``POST /v1/applications`` each checked "no other open application
for this person" and then wrote, with nothing serialising the two on PostgreSQL (several
workers, READ COMMITTED): both could pass and the person had two productions. Both now lock
the person's row first. The test holds that lock from outside and shows each request waits for
it, then that of a re-submit and a new application racing, exactly one opens.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable

import pytest
import requests
import sqlalchemy as sa

from central_sim.seed import generated_id
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.postgres

BRANCH = "ICBC-NB-0102"
HEADERS = {"X-Client-Id": f"{BRANCH}/C01"}


def _post(url: str, path: str, body: dict[str, object]) -> requests.Response:
    return requests.post(url + path, json=body, timeout=60,
                         headers={**HEADERS, "Idempotency-Key": str(uuid.uuid4())})


def _new(url: str, n: int) -> requests.Response:
    return _post(url, "/v1/applications", {
        "id_number": generated_id(n), "bank_code": "ICBC", "branch_code": BRANCH,
        "making_mode": "FACTORY", "photo_sha256": "a" * 64})


def _failed(central: CentralSimHandle, first_n: int) -> tuple[int, str]:
    for n in range(first_n, first_n + 150):
        r = _new(central.url, n)
        assert r.status_code == 200, r.text
        aid = r.json()["application_id"]
        if aid.endswith("7"):
            central.advance_production()
            central.advance_production()
            return n, str(aid)
    raise AssertionError("no application id ended in 7")


def _waits_for_the_person_lock(pg_url: str, id_number: str, call: Callable[[], int]) -> int:
    engine = sa.create_engine(pg_url)
    answer: list[int] = []
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(sa.text("SELECT 1 FROM persons WHERE id_number = :i FOR UPDATE"),
                         {"i": id_number})
            t = threading.Thread(target=lambda: answer.append(call()))
            t.start()
            time.sleep(1.5)
            assert t.is_alive() and not answer, "the request did not wait for the person's row"
        t.join(30)
        assert answer, "the request never finished"
        return answer[0]
    finally:
        engine.dispose()


def test_new_and_resubmitted_applications_serialise_on_the_person(
        pg_schema_url: str, make_central: Callable[..., CentralSimHandle]) -> None:
    central = make_central(db_url=pg_schema_url, startup_timeout=120)
    n, aid = _failed(central, 2400)
    idn = generated_id(n)
    # each opener waits while someone else holds the person
    status = _waits_for_the_person_lock(
        pg_schema_url, idn,
        lambda: _post(central.url, f"/v1/applications/{aid}/resubmit",
                      {"branch_code": BRANCH}).status_code)
    assert status == 200
    m, other = _failed(central, n + 1)
    status = _waits_for_the_person_lock(pg_schema_url, generated_id(m),
                                        lambda: _new(central.url, m).status_code)
    assert status == 200  # a failed production is not open: a new application is allowed
    # now the failed one may not come back: the person has an open application
    r = _post(central.url, f"/v1/applications/{other}/resubmit", {"branch_code": BRANCH})
    assert r.status_code == 409 and r.json()["error"]["code"] == "APPLICATION_IN_PROGRESS"
