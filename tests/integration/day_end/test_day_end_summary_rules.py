"""The reference central's rules for a counter's day summary (central_sim/day_end.py), over
HTTP: a re-send replaces, an older summary arriving late is not applied, a replayed key
changes nothing; bounded inputs at their limit and one past it; the branch only its own."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
import requests

from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

BEIJING = dt.timezone(dt.timedelta(hours=8))
BRANCH = "ICBC-NB-0103"  # no other test of this module's central reports its day


def today() -> dt.date:
    return dt.datetime.now(BEIJING).date()


def put(central: CentralSimHandle, counter: str, body: dict[str, Any], *, day: dt.date | None = None,
        key: str | None = None, caller: str | None = None) -> requests.Response:
    return requests.put(
        f"{central.url}/v1/branches/{BRANCH}/day-end/{(day or today()).isoformat()}/counters/{counter}",
        json=body, timeout=10,
        headers={"X-Client-Id": f"{BRANCH}/{caller or counter}", "Idempotency-Key": key or str(uuid.uuid4())})


def branch(central: CentralSimHandle, code: str = BRANCH) -> requests.Response:
    return requests.get(f"{central.url}/v1/branches/{code}/day-end/{today().isoformat()}", timeout=10,
                        headers={"X-Client-Id": f"{BRANCH}/R1"})


def summary(done: int, *, at: dt.datetime, **teller: Any) -> dict[str, Any]:
    return {"made_at": at.isoformat(), "unsent": 0, "tellers": [{
        "teller": "T0301", "sessions": 1, "businesses": [{"kind": "card.replacement", "done": done}],
        "fees": [{"method": "cash", "collected": done, "collected_fen": 2000 * done}], **teller}]}


def done_of(central: CentralSimHandle, counter: str) -> int:
    data = branch(central).json()
    c = next(c for c in data["counters"] if c["counter_id"] == counter)
    return sum(b["done"] for b in c["figures"]["businesses"])


def test_a_resend_replaces_and_a_late_older_one_is_not_applied(central: CentralSimHandle) -> None:
    counter = "S" + uuid.uuid4().hex[:6].upper()
    t0 = dt.datetime.now(dt.UTC)
    first = put(central, counter, summary(1, at=t0))
    assert first.status_code == 200 and first.json()["applied"] is True
    newer = put(central, counter, summary(3, at=t0 + dt.timedelta(minutes=5)))
    assert newer.json()["applied"] is True and done_of(central, counter) == 3  # replaced, not 1 + 3
    late = put(central, counter, summary(2, at=t0 + dt.timedelta(minutes=1)))  # made before the kept one
    assert late.status_code == 200 and late.json()["applied"] is False
    assert done_of(central, counter) == 3
    key = str(uuid.uuid4())
    again = summary(4, at=t0 + dt.timedelta(minutes=9))
    assert put(central, counter, again, key=key).json()["applied"] is True
    replay = put(central, counter, again, key=key)
    assert replay.headers.get("Idempotent-Replayed") == "true" and done_of(central, counter) == 4


def test_bounded_inputs(central: CentralSimHandle) -> None:
    counter = "L" + uuid.uuid4().hex[:6].upper()
    at = dt.datetime.now(dt.UTC)
    assert put(central, counter, summary(1_000_000, at=at)).status_code == 200
    past = put(central, counter, summary(1_000_001, at=at))
    assert past.status_code == 422 and past.json()["error"]["code"] == "LIMIT_EXCEEDED"
    tellers = [{"teller": f"T{i:04d}", "sessions": 1} for i in range(101)]
    assert put(central, counter, {"made_at": at.isoformat(), "tellers": tellers[:100]}).status_code == 200
    assert put(central, counter, {"made_at": at.isoformat(), "tellers": tellers}).status_code == 422
    twice = put(central, counter, {"made_at": at.isoformat(), "tellers": tellers[:1] * 2})
    assert twice.status_code == 422 and twice.json()["error"]["code"] == "DAY_END_DUPLICATE"
    odd = put(central, counter, summary(1, at=at, open_sessions=2))
    assert odd.status_code == 422 and odd.json()["error"]["code"] == "DAY_END_INCONSISTENT"
    assert put(central, counter, summary(1, at=at), day=today() + dt.timedelta(days=1)).status_code == 200
    late = put(central, counter, summary(1, at=at), day=today() + dt.timedelta(days=2))
    assert late.status_code == 422 and late.json()["error"]["code"] == "DAY_INVALID"


def test_only_the_counter_itself_and_only_the_own_branch(central: CentralSimHandle) -> None:
    other = put(central, "C01", summary(1, at=dt.datetime.now(dt.UTC)), caller="C02")
    assert other.status_code == 403 and other.json()["error"]["code"] == "COUNTER_FORBIDDEN"
    foreign = branch(central, "CCB-NB-0230")
    assert foreign.status_code == 403 and foreign.json()["error"]["code"] == "BRANCH_FORBIDDEN"
