"""The fixture's contract: real subprocess, free port, temp DB, FAIL under CI when unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.central.launcher import (
    CentralSimHandle,
    CentralSimStartError,
    free_port,
    start_central_sim,
)
from tests.fixtures.central import _unavailable

pytestmark = pytest.mark.central


def test_fixture_runs_a_real_process_on_loopback(central: CentralSimHandle) -> None:
    assert central.alive() and central.url.startswith("http://127.0.0.1:")
    assert central.db_url.startswith("sqlite:///") and Path(central.db_url[10:]).exists()


def test_unavailable_fails_unless_the_run_opts_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    monkeypatch.setenv("COUNTER_APP_ALLOW_SKIPS", "1")
    with pytest.raises(pytest.fail.Exception):  # CI never skips
        _unavailable("test")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):  # a developer who opted out
        _unavailable("test")
    monkeypatch.delenv("COUNTER_APP_ALLOW_SKIPS")
    with pytest.raises(pytest.fail.Exception):  # nobody opted out: a missing central fails
        _unavailable("test")


def test_start_failure_is_reported_with_a_code(tmp_path: Path) -> None:
    busy = free_port()
    with pytest.raises(CentralSimStartError) as err:  # a database URL that cannot work
        start_central_sim("nosuchdriver://x", busy, startup_timeout=20)
    assert err.value.code == "CENTRAL_SIM_START"


def test_stop_ends_the_process_and_data_persists(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    h = start_central_sim(db)
    h.pre_loss("NB0000016")
    assert h.stop() is not None and not h.alive()
    h2 = start_central_sim(db)  # same file: state survives a restart, no reseed
    try:
        import requests

        card = requests.get(h2.url + "/v1/cards/NB0000016", timeout=5,
                            headers={"X-Client-Id": "ICBC-NB-0101/C01"}).json()
        assert card["social_state"] == "TEMP_LOST"
    finally:
        h2.stop()


def test_make_test_ca_command_writes_every_variant(central_tls_dir: Path) -> None:
    for rel in ("ca.pem", "server.pem", "server.key", "client.pem", "client.key",
                "expired/server.pem", "wronghost/server.pem", "other-ca/ca.pem",
                "other-ca/client.pem", "expired-client/client.pem"):
        assert (central_tls_dir / rel).exists(), rel
    assert oct((central_tls_dir / "client.key").stat().st_mode & 0o777) == "0o600"


def test_serve_help_lists_the_options() -> None:
    out = subprocess.run([sys.executable, "-m", "central_sim", "serve", "--help"],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    for opt in ("--db", "--port", "--host", "--tls"):
        assert opt in out


def test_access_log_carries_no_personal_data(tmp_path: Path) -> None:
    import requests

    log = tmp_path / "central.log"
    h = start_central_sim(f"sqlite:///{tmp_path / 'c.db'}", log_path=log,
                          extra_args=["--access-log", "--log-level", "info"])
    try:
        who = {"X-Client-Id": "ICBC-NB-0101/C01"}
        requests.get(h.url + "/v1/persons/330203198506122017", timeout=5, headers=who)
        requests.get(h.url + "/v1/cards/NB0000016", timeout=5, headers=who)
        requests.get(h.url + "/v1/persons/330203198506122017/cards", timeout=5, headers=who)
    finally:
        h.stop()
    text = log.read_text(errors="replace")
    assert "GET /v1/persons/{id_number} " in text and "GET /v1/cards/{card_no} " in text
    assert "330203198506122017" not in text and "NB0000016" not in text
    assert "李明" not in text


def test_central_url_fixture(central_url: str, central: CentralSimHandle) -> None:
    assert central_url == central.url
