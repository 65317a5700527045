"""Mutual TLS with the test CA: the right setup works; everything else is refused, no fallback."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from counter_app.central.client import CentralClient, HttpCentralClient, Timeouts
from counter_app.central.errors import CentralError, CentralTlsError
from counter_app.central.launcher import CentralSimHandle, start_central_sim
from counter_app.domain.errors import ConfigurationError

pytestmark = pytest.mark.central

T = Timeouts(connect=2, read=5, health=2)


def _server(tmp: Path, tls: Path, name: str) -> CentralSimHandle:
    try:
        return start_central_sim(f"sqlite:///{tmp / (name + '.db')}", tls_dir=tls,
                                 log_path=tmp / f"{name}.log")
    except Exception as exc:
        from tests.fixtures.central import _unavailable

        _unavailable(repr(exc))
        raise


@pytest.fixture(scope="module")
def tls_central(central_tls_dir: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[CentralSimHandle]:
    h = _server(tmp_path_factory.mktemp("tls-ok"), central_tls_dir, "ok")
    yield h
    h.stop()


def client(url: str, ca: Path, tls: Path, cert: str | None = "client") -> HttpCentralClient:
    kw: dict = {"ca_file": str(ca)}
    if cert:
        kw["client_cert"] = str(tls / f"{cert}.pem")
        kw["client_key"] = str(tls / f"{cert}.key")
    return HttpCentralClient(url, timeouts=T, **kw)


def change(c: HttpCentralClient, k: str) -> dict:
    from central_sim.seed import generated_id

    return c.execute("persons.data_change", {"id_number": generated_id(40),
                                             "branch_code": "ICBC-NB-0101", "client_seq": 1,
                                             "changes": {"phone": "1"}}, idempotency_key=k)


def test_mutual_tls_works(tls_central: CentralSimHandle, central_tls_dir: Path) -> None:
    assert tls_central.url.startswith("https://localhost:")
    c = CentralClient(tls_central.url, ca_file=central_tls_dir / "ca.pem",
                      client_cert=central_tls_dir / "client.pem",
                      client_key=central_tls_dir / "client.key")
    assert c.health().online
    k = str(uuid.uuid4())
    change(c, k)
    assert tls_central.effects(k)["total"] == 1


def test_wrong_ca_is_refused(tls_central: CentralSimHandle, central_tls_dir: Path) -> None:
    c = client(tls_central.url, central_tls_dir / "other-ca" / "ca.pem", central_tls_dir)
    with pytest.raises(CentralTlsError) as err:
        c.health()
    assert err.value.code == "CENTRAL_TLS_ERROR" and not err.value.retryable
    assert not c.probe().online


def test_system_trust_store_does_not_trust_the_test_ca(tls_central: CentralSimHandle,
                                                       central_tls_dir: Path) -> None:
    c = HttpCentralClient(tls_central.url, timeouts=T,
                          client_cert=str(central_tls_dir / "client.pem"),
                          client_key=str(central_tls_dir / "client.key"))
    with pytest.raises(CentralTlsError):
        c.card_status("NB0000016")


@pytest.mark.parametrize("cert", [None, "other-ca/client", "expired-client/client"],
                         ids=["missing-client-cert", "client-cert-from-other-ca",
                              "expired-client-cert"])
def test_bad_client_certificate_is_refused(tls_central: CentralSimHandle, central_tls_dir: Path,
                                           cert: str | None) -> None:
    c = client(tls_central.url, central_tls_dir / "ca.pem", central_tls_dir, cert)
    k = str(uuid.uuid4())
    with pytest.raises(CentralError) as err:
        change(c, k)
    # TLS 1.3: a refused client certificate shows only after the request went out
    assert isinstance(err.value, CentralTlsError) or err.value.code in (
        "CENTRAL_LINE_DOWN", "CENTRAL_OUTCOME_UNKNOWN")
    assert tls_central.effects(k)["total"] == 0


@pytest.mark.parametrize("variant", ["expired", "wronghost"])
def test_bad_server_certificate_is_refused(central_tls_dir: Path, tmp_path: Path,
                                           variant: str) -> None:
    srv = _server(tmp_path, central_tls_dir / variant, variant)
    try:
        c = client(srv.url, central_tls_dir / "ca.pem", central_tls_dir)
        k = str(uuid.uuid4())
        with pytest.raises(CentralTlsError):
            change(c, k)
        with pytest.raises(CentralTlsError):
            c.health()
    finally:
        srv.stop()


def test_plain_http_is_refused(tls_central: CentralSimHandle, central_tls_dir: Path) -> None:
    plain_url = tls_central.url.replace("https://", "http://")
    # TLS settings with an http:// URL: refused at construction, never silently downgraded
    with pytest.raises(ConfigurationError) as err:
        client(plain_url, central_tls_dir / "ca.pem", central_tls_dir)
    assert err.value.code == "CENTRAL_PLAIN_HTTP"
    with pytest.raises(ConfigurationError):
        HttpCentralClient("http://central.example:8443", timeouts=T)
    # a plain HTTP request to the TLS port gets no answer from the API
    k = str(uuid.uuid4())
    bare = HttpCentralClient(plain_url.replace("localhost", "127.0.0.1"), timeouts=T)
    with pytest.raises(CentralError):
        change(bare, k)
    with pytest.raises(requests.RequestException):
        requests.get(plain_url + "/health", timeout=3)
    assert tls_central.effects(k)["total"] == 0


def test_https_client_never_falls_back_to_a_plain_server(central: CentralSimHandle,
                                                         central_tls_dir: Path) -> None:
    https_to_plain = central.url.replace("http://127.0.0.1", "https://localhost")
    c = client(https_to_plain, central_tls_dir / "ca.pem", central_tls_dir)
    with pytest.raises(CentralTlsError):
        c.health()
