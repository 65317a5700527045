"""The reference central on PostgreSQL: old 32-bit columns widened at start, several worker
processes sharing one database with exactly-once effects. Runs with CENTRAL_TEST_PG_URL
(see tests/fixtures/postgres.py); deselected and counted in the summary otherwise."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from central_sim.db import WIDENED_COLUMNS, Base, Database, widen_integer_columns
from central_sim.seed import generated_id
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.postgres


def column_types(url: str) -> dict[str, str]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema()")).all()
    engine.dispose()
    return dict(rows)


def make_old_database(url: str) -> None:
    """The tables as created before the contract bounded integers at 2^63-1."""
    engine = sa.create_engine(url)
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        for table, column in WIDENED_COLUMNS:
            conn.execute(sa.text(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE INTEGER"))
    engine.dispose()


def test_old_columns_are_widened_once(pg_schema_url: str) -> None:
    make_old_database(pg_schema_url)
    assert column_types(pg_schema_url)["generic_operations.seq_in_subject"] == "integer"
    db = Database(pg_schema_url)
    try:
        assert sorted(db.create_all()) == ["audit_heads.seq", "generic_operations.seq_in_subject"]
        assert db.create_all() == []  # idempotent: a second start changes nothing
        assert widen_integer_columns(db.engine) == []
    finally:
        db.engine.dispose()
    types = column_types(pg_schema_url)
    assert types["audit_heads.seq"] == types["generic_operations.seq_in_subject"] == "bigint"


def test_central_started_on_an_old_database_takes_a_64_bit_client_seq(
        pg_schema_url: str, make_central: Callable[..., CentralSimHandle]) -> None:
    make_old_database(pg_schema_url)
    central = make_central(db_url=pg_schema_url, startup_timeout=120)
    idn = generated_id(7)
    r = requests.post(f"{central.url}/v1/persons/{idn}/data-changes",
                      json={"branch_code": "ICBC-NB-0101", "client_seq": 2**40,
                            "changes": {"phone": "13800000007"}},
                      headers={"Idempotency-Key": str(uuid.uuid4()),
                               "X-Client-Id": "ICBC-NB-0101/C01"}, timeout=30)
    assert r.status_code == 200, r.text
    assert central.operations(subject=idn)[-1]["seq"] == 2**40


def test_several_workers_apply_each_key_once(
        pg_schema_url: str, make_central: Callable[..., CentralSimHandle],
        tmp_path: Path) -> None:
    central = make_central(db_url=pg_schema_url, startup_timeout=180,
                           extra_args=["--workers", "2", "--branches", "1485", "--db-pool", "8"])
    keys = [str(uuid.uuid4()) for _ in range(12)]
    answers: list[int] = []
    lock = threading.Lock()

    def send(n: int, key: str) -> None:
        # a new connection per call: the kernel spreads them over both workers
        for _ in range(3):  # the same key three times, as a counter retrying would
            r = requests.post(
                f"{central.url}/v1/persons/{generated_id(n)}/data-changes",
                json={"branch_code": "ICBC-NB-0313", "client_seq": 1,
                      "changes": {"phone": f"139{n:08d}"}},
                headers={"Idempotency-Key": key, "X-Client-Id": "ICBC-NB-0313/C02",
                         "Connection": "close"}, timeout=60)
            with lock:
                answers.append(r.status_code)

    threads = [threading.Thread(target=send, args=(n, k)) for n, k in enumerate(keys)
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # ICBC-NB-0313 is outlet 1,485 (beyond the 916 of the default seed): it exists
    assert set(answers) <= {200, 409} and answers.count(200) >= len(keys)
    effects = central.effects()
    assert effects["keys"] == len(keys) and effects["duplicated"] == []
    assert effects["total"] == len(keys)
    # fault state would live in one worker of two: refused, not half-applied
    r = requests.put(f"{central.url}/_admin/faults", json={"error_rate": 1.0}, timeout=10)
    assert r.status_code == 409 and r.json()["error"]["code"] == "FAULTS_NEED_ONE_WORKER"
