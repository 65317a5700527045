"""A local TLS-material problem pauses the outbox instead of dead-lettering (issue 9).

The real HTTP client points at a CA / client certificate / key file that is missing or is not
TLS material; the real SQLite outbox (tmp_path) holds the messages. The check happens before
any connection is opened, so no central is needed: the URL is a closed loopback port.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.errors import CentralConfigError, is_line_error, nothing_sent
from counter_app.central.sync import LINE_STATE_ZH, LineState, SyncPolicy, SyncWorker
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository, add_outbox_message

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
URL = "https://127.0.0.1:9"  # discard port: nothing listens; never reached in these tests


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[StoreOutboxRepository]:
    s: Store = open_store(tmp_path / "counter.db", DataCipher(secrets.token_bytes(32)),
                          exclusive=True)
    yield StoreOutboxRepository(s)
    s.close()


def add(repo: StoreOutboxRepository, person: str) -> str:
    with repo.store.write() as s:
        return add_outbox_message(s, "persons.data_change", person,
                                  {"id_number": "330203198506122017", "branch_code": "X",
                                   "client_seq": 1, "changes": {"phone": "1"}}, now=T0)


def client(tmp_path: Path, **files: str) -> HttpCentralClient:
    return HttpCentralClient(URL, timeouts=Timeouts(connect=0.5, read=0.5, health=0.5),
                             **{k: str(tmp_path / v) for k, v in files.items()})


def worker(repo: StoreOutboxRepository, c: HttpCentralClient) -> SyncWorker:
    return SyncWorker(repo, c, branch_code="ICBC-NB-0101", clock=lambda: T0,
                      rng=random.Random(1), policy=SyncPolicy())


def test_a_missing_ca_file_pauses_the_outbox_and_dead_letters_nothing(
        repo: StoreOutboxRepository, tmp_path: Path) -> None:
    ops = [add(repo, p) for p in ("A", "B", "A")]
    c = client(tmp_path, ca_file="missing-ca.pem")
    w = worker(repo, c)
    for _ in range(20):  # a day of cycles changes nothing
        report = w.drain()
        assert report.dead == 0 and report.stopped_by == "CENTRAL_CONFIG_ERROR"
        w.cycle()
    assert {repo.status_of(o) for o in ops} == {"pending"}
    assert repo.dead_letters() == []
    # nothing was counted against the messages: they go as soon as the file is fixed
    assert all(r.attempts == 0 for r in repo.next_batch(T0, 10))
    status = w.status()
    assert status.line_state is LineState.PAUSED and status.dead_letters == 0
    assert status.last_error_code == "CENTRAL_CONFIG_ERROR" and status.outbox_depth == 3
    assert "证书" in LINE_STATE_ZH[LineState.PAUSED]
    c.close()


def test_probe_never_raises_and_names_the_configuration(tmp_path: Path) -> None:
    c = client(tmp_path, ca_file="missing-ca.pem")
    result = c.probe()
    assert not result.online and result.error_code == "CENTRAL_CONFIG_ERROR"
    assert result.message_zh and "技术支持" in result.message_zh
    with pytest.raises(CentralConfigError):
        c.health()
    c.close()


@pytest.mark.parametrize("broken", ["ca", "cert", "key"])
def test_every_unusable_tls_file_is_a_configuration_error(tmp_path: Path, broken: str) -> None:
    (tmp_path / "garbage.pem").write_text("not a certificate\n")
    files = {"ca_file": "missing-ca.pem", "client_cert": "missing.pem",
             "client_key": "missing.key"}
    if broken == "ca":
        files = {"ca_file": "garbage.pem"}  # present but not TLS material
    elif broken == "cert":
        files = {"client_cert": "garbage.pem", "client_key": "garbage.pem"}
    c = client(tmp_path, **files)
    with pytest.raises(CentralConfigError) as err:
        c.execute("persons.data_change", {"id_number": "1", "branch_code": "X", "client_seq": 1,
                                          "changes": {}}, idempotency_key="k")
    exc = err.value
    assert not exc.retryable and is_line_error(exc) and nothing_sent(exc)
    c.close()


def test_the_worker_probe_pauses_and_says_why(repo: StoreOutboxRepository,
                                              tmp_path: Path) -> None:
    add(repo, "A")
    c = client(tmp_path, client_cert="gone.pem", client_key="gone.key")
    w = worker(repo, c)
    assert w.probe() is LineState.PAUSED
    assert w.cycle().stopped_by == "CENTRAL_CONFIG_ERROR"
    assert w.status().last_error_code == "CENTRAL_CONFIG_ERROR"
    assert repo.dead_letters() == []
    c.close()


def test_doctor_names_an_unusable_ca_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # the file exists (so the profile loads) but is not a certificate: `doctor` names the
    # configuration, not "line down", and says nothing is lost
    from counter_app import cli
    from counter_app.profile import demo_profile_path

    (tmp_path / "ca.pem").write_text("not a certificate\n")
    text = (demo_profile_path().read_text(encoding="utf-8")
            .replace('base_url = "http://127.0.0.1:8765"', f'base_url = "{URL}"')
            .replace('ca_file = ""', f'ca_file = "{tmp_path / "ca.pem"}"')
            .replace("demo = true", "demo = false"))
    assert f'ca_file = "{tmp_path / "ca.pem"}"' in text and "demo = false" in text
    (tmp_path / "p.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path / "home"))
    assert cli.main(["--profile", str(tmp_path / "p.toml"), "doctor"]) == 1
    line = next(x for x in capsys.readouterr().out.splitlines() if "中心专线" in x)
    assert "✘" in line and "证书配置有误" in line and "不会丢失" in line, line
