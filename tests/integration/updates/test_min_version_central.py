"""The central's minimum version (branch config ``min_version``, docs/api/central-v1.yaml):
served by the reference central, read by the client, pulled by the sync worker, judged by
the counter's gate."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from central_sim.db import Base, Database
from counter_app.central.client import HttpCentralClient
from counter_app.central.launcher import CentralSimHandle

BRANCH = "ICBC-NB-0101"  # the demo instant profile's branch


def _set_minimum(central: CentralSimHandle, value: str | None) -> None:
    engine = create_engine(central.db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("update branch_config set min_version = :v where branch_code = :b"),
                         {"v": value, "b": BRANCH})
    finally:
        engine.dispose()


@pytest.mark.central
def test_minimum_version_travels_from_the_central_to_the_counter_gate(
        central: CentralSimHandle, central_client: HttpCentralClient, make_services) -> None:
    assert central_client.branch_config(BRANCH).min_version is None  # the seed sets none
    _set_minimum(central, "99.0")
    try:
        assert central_client.branch_config(BRANCH).min_version == "99.0"
        services = make_services(central=central_client, session=False)
        assert services.version_gate().state == "ok"  # not pulled yet
        services.sync.pull()
        verdict = services.version_gate()
        assert verdict.state == "grace" and verdict.required == "99.0"
        assert "99.0" in verdict.message_zh
    finally:
        _set_minimum(central, None)


def test_a_central_database_from_before_the_column_gains_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old-central.db'}"
    engine = create_engine(url)
    Base.metadata.create_all(engine)
    with engine.begin() as conn:  # as an older version made it
        conn.exec_driver_sql("ALTER TABLE branch_config DROP COLUMN min_version")
    assert "min_version" not in {c["name"] for c in inspect(engine).get_columns("branch_config")}
    engine.dispose()

    db = Database(url)
    db.create_all()

    assert "min_version" in {c["name"] for c in inspect(db.engine).get_columns("branch_config")}
    db.engine.dispose()
