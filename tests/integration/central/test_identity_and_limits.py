"""Issue 9 (1, 2): the central authorises by the caller's identity and bounds its input.

Identity over plain HTTP on loopback comes from ``X-Client-Id: BRANCH/COUNTER``; over mutual
TLS from the client certificate (CN = branch, OU = counter). An ICBC branch must not read or
act on a CCB branch's data, nor replay its idempotency keys; every failure has the contract's
error shape, never a 500 or ``{"detail": ...}``.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from central_sim.seed import generated_id
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

ICBC = "ICBC-NB-0101"
CCB = "CCB-NB-0101"  # an instant-issue CCB branch
PHOTO = "a" * 64


class Caller:
    """Raw HTTP as one branch counter (headers or a client certificate)."""

    def __init__(self, url: str, client_id: str | None, **tls: Any) -> None:
        self.url = url
        self.http = requests.Session()
        self.http.trust_env = False
        if client_id:
            self.http.headers["X-Client-Id"] = client_id
        if tls.get("verify"):
            self.http.verify = tls["verify"]
        if tls.get("cert"):
            self.http.cert = tls["cert"]

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.http.get(self.url + path, params=params, timeout=10)

    def post(self, path: str, body: Any = None, key: str | None = None,
             **kw: Any) -> requests.Response:
        headers = {"Idempotency-Key": key or str(uuid.uuid4()), **kw.pop("headers", {})}
        return self.http.post(self.url + path, json=body, headers=headers, timeout=10, **kw)


def refused(r: requests.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error"} and body["error"]["message_zh"], body
    if code:
        assert body["error"]["code"] == code, body
    return body["error"]


@pytest.fixture
def icbc(central: CentralSimHandle) -> Iterator[Caller]:
    c = Caller(central.url, f"{ICBC}/C01")
    yield c
    c.http.close()


@pytest.fixture
def ccb(central: CentralSimHandle) -> Iterator[Caller]:
    c = Caller(central.url, f"{CCB}/C01")
    yield c
    c.http.close()


def _ccb_marked_application(ccb: Caller, n: int) -> str:
    r = ccb.post("/v1/applications", {"id_number": generated_id(n), "bank_code": "CCB",
                                       "branch_code": CCB, "making_mode": "INSTANT",
                                       "photo_sha256": PHOTO})
    assert r.status_code == 200, r.text
    aid = r.json()["application_id"]
    r = ccb.post(f"/v1/instant-issuance/{aid}/mark", {"branch_code": CCB, "blank_serial": "S1"})
    assert r.status_code == 200, r.text
    return str(aid)


# -- identity: one branch cannot act or read as another --------------------------------------------

def test_icbc_cannot_read_ccb_updates_or_batches(icbc: Caller, ccb: Caller) -> None:
    refused(icbc.get("/v1/updates", branch_code="CCB-NB-0230"), 403, "BRANCH_FORBIDDEN")
    refused(icbc.get("/v1/branches/CCB-NB-0230/batches"), 403, "BRANCH_FORBIDDEN")
    refused(icbc.post("/v1/branches/CCB-NB-0230/batches/BATCH-SEED-0002/receive"), 403,
            "BRANCH_FORBIDDEN")
    assert icbc.get("/v1/updates", branch_code=ICBC).status_code == 200
    assert icbc.get(f"/v1/branches/{ICBC}/batches").status_code == 200
    assert ccb.get("/v1/updates", branch_code=CCB).status_code == 200


def test_icbc_cannot_submit_or_act_as_ccb(icbc: Caller) -> None:
    body = {"id_number": generated_id(2711), "bank_code": "CCB", "branch_code": CCB,
            "making_mode": "FACTORY", "photo_sha256": PHOTO}
    refused(icbc.post("/v1/applications", body), 403, "BRANCH_FORBIDDEN")
    refused(icbc.post("/v1/cards/NB0000016/loss", {"branch_code": CCB}), 403, "BRANCH_FORBIDDEN")
    # de-loss and the PIN-reset authorisation in another branch's name (the finding's own cases)
    refused(icbc.post("/v1/cards/NB0000016/deloss", {"branch_code": CCB}), 403, "BRANCH_FORBIDDEN")
    refused(icbc.post("/v1/cards/NB0000016/pin-reset-authorisations",
                      {"branch_code": CCB, "function": "social"}), 403, "BRANCH_FORBIDDEN")
    refused(icbc.post("/v1/cards/NB0000016/replacement",
                      {"branch_code": CCB, "reason": "DAMAGED", "making_mode": "FACTORY"}),
            403, "BRANCH_FORBIDDEN")
    refused(icbc.post(f"/v1/persons/{generated_id(2712)}/data-changes",
                      {"branch_code": CCB, "client_seq": 1, "changes": {"phone": "1"}}),
            403, "BRANCH_FORBIDDEN")
    refused(icbc.post(f"/v1/audit/chain-heads/{CCB}/C01", {"seq": 2**62, "head_sha256": "f" * 64}),
            403, "BRANCH_FORBIDDEN")
    refused(icbc.get(f"/v1/audit/chain-heads/{CCB}/C01"), 403, "BRANCH_FORBIDDEN")
    # its own branch works
    ok = icbc.post("/v1/applications", {**body, "bank_code": "ICBC", "branch_code": ICBC})
    assert ok.status_code == 200, ok.text


def test_icbc_cannot_read_personalisation_or_cancel_ccb_work(icbc: Caller, ccb: Caller) -> None:
    aid = _ccb_marked_application(ccb, 2713)
    refused(icbc.get(f"/v1/instant-issuance/{aid}/personalisation"), 403, "APPLICATION_FORBIDDEN")
    refused(icbc.get(f"/v1/applications/{aid}"), 403, "APPLICATION_FORBIDDEN")
    # acting in its own name on CCB's application
    refused(icbc.post(f"/v1/instant-issuance/{aid}/cancel", {"branch_code": ICBC}), 403,
            "APPLICATION_FORBIDDEN")
    refused(icbc.post(f"/v1/applications/{aid}/cancel", {"branch_code": ICBC}), 403,
            "APPLICATION_FORBIDDEN")
    refused(icbc.post(f"/v1/instant-issuance/{aid}/result",
                      {"branch_code": ICBC, "blank_serial": "S1", "outcome": "SPOILED"}),
            403, "APPLICATION_FORBIDDEN")
    # or in CCB's name
    refused(icbc.post(f"/v1/instant-issuance/{aid}/cancel", {"branch_code": CCB}), 403,
            "BRANCH_FORBIDDEN")
    # the application is untouched and its own branch still works
    assert ccb.get(f"/v1/applications/{aid}").json()["state"] == "BLANK_MARKED"
    assert ccb.get(f"/v1/instant-issuance/{aid}/personalisation").status_code == 200
    assert ccb.post(f"/v1/instant-issuance/{aid}/cancel", {"branch_code": CCB}).status_code == 200


def test_a_persons_applications_are_shown_within_the_same_bank(
        central: CentralSimHandle, ccb: Caller, icbc: Caller) -> None:
    idn = generated_id(2714)
    r = ccb.post("/v1/applications", {"id_number": idn, "bank_code": "CCB", "branch_code": CCB,
                                       "making_mode": "FACTORY", "photo_sha256": PHOTO})
    aid = r.json()["application_id"]
    other_ccb = Caller(central.url, "CCB-NB-0102/C02")
    assert [a["application_id"] for a in other_ccb.get(f"/v1/persons/{idn}/applications").json()
            ] == [aid]
    assert other_ccb.get(f"/v1/applications/{aid}").status_code == 200
    assert icbc.get(f"/v1/persons/{idn}/applications").json() == []
    # eligibility still tells another bank that an application is open (the person is routed)
    el = icbc.get(f"/v1/persons/{idn}/eligibility").json()
    assert el["open_application_id"] == aid


def test_idempotency_keys_are_scoped_by_identity(icbc: Caller, ccb: Caller,
                                                 central: CentralSimHandle) -> None:
    key = str(uuid.uuid4())
    idn = generated_id(2715)
    body = {"branch_code": CCB, "client_seq": 1, "changes": {"phone": "13800000000"}}
    first = ccb.post(f"/v1/persons/{idn}/data-changes", body, key=key)
    assert first.status_code == 200
    # ICBC replaying CCB's key and body: refused, never CCB's stored answer
    refused(icbc.post(f"/v1/persons/{idn}/data-changes", body, key=key), 403, "BRANCH_FORBIDDEN")
    # the same key under ICBC's own identity is ICBC's own key: a new effect, not a replay
    mine = icbc.post(f"/v1/persons/{idn}/data-changes", {**body, "branch_code": ICBC}, key=key)
    assert mine.status_code == 200 and "Idempotent-Replayed" not in mine.headers
    assert mine.json()["operation_id"] != first.json()["operation_id"]
    again = ccb.post(f"/v1/persons/{idn}/data-changes", body, key=key)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    # a second counter of the same branch has its own key space too
    other_counter = Caller(central.url, f"{CCB}/C02")
    r = other_counter.post(f"/v1/persons/{idn}/data-changes", {**body, "client_seq": 2}, key=key)
    assert r.status_code == 200 and "Idempotent-Replayed" not in r.headers


def test_a_counter_reports_only_its_own_audit_head(icbc: Caller) -> None:
    refused(icbc.post(f"/v1/audit/chain-heads/{ICBC}/C09", {"seq": 1, "head_sha256": "a" * 64}),
            403, "COUNTER_FORBIDDEN")
    r = icbc.post(f"/v1/audit/chain-heads/{ICBC}/C01", {"seq": 1, "head_sha256": "a" * 64})
    assert r.status_code in (200, 409), r.text  # 409 if an earlier run reported further


def test_no_identity_or_a_malformed_one_is_refused(central: CentralSimHandle) -> None:
    anon = Caller(central.url, None)
    refused(anon.get("/v1/persons/330203198506122017"), 401, "CLIENT_ID_REQUIRED")
    refused(anon.post("/v1/cards/NB0000016/loss", {"branch_code": ICBC}), 401,
            "CLIENT_ID_REQUIRED")
    bad = Caller(central.url, "anonymous")
    refused(bad.get("/v1/persons/330203198506122017"), 400, "CLIENT_ID_INVALID")
    assert anon.get("/health").status_code == 200  # health needs no identity


def test_the_identity_header_is_refused_off_loopback(tmp_path: Path) -> None:
    """The header is trusted only when the server listens on loopback; plain HTTP anywhere
    else is refused at start."""
    from central_sim.errors import Refusal
    from central_sim.guard import identity_from

    scope = {"type": "http", "scheme": "http", "server": ("10.0.0.5", 8765),
             "client": ("10.0.0.9", 5000), "headers": [(b"x-client-id", b"CCB-NB-0101/C01")]}
    with pytest.raises(Refusal) as err:
        identity_from(scope)
    assert err.value.status == 403 and err.value.code == "IDENTITY_HEADER_REFUSED"
    r = subprocess.run([sys.executable, "-m", "central_sim", "serve", "--host", "0.0.0.0",
                        "--port", "1", "--db", f"sqlite:///{tmp_path / 'x.db'}"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "refusing to serve plain HTTP" in r.stderr


# -- identity over mutual TLS --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tls_pair(central_tls_dir: Path, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[CentralSimHandle, Path]]:
    from central_sim.tls import issue_client
    from counter_app.central.launcher import start_central_sim

    tmp = tmp_path_factory.mktemp("tls-identity")
    issue_client(central_tls_dir, tmp / "ccb", CCB, "C01")
    issue_client(central_tls_dir, tmp / "icbc-no-ou", ICBC, None)
    h = start_central_sim(f"sqlite:///{tmp / 'c.db'}", tls_dir=central_tls_dir,
                          production_step=0, log_path=tmp / "c.log")
    yield h, tmp
    h.stop()


def test_tls_identity_comes_from_the_certificate(tls_pair: tuple[CentralSimHandle, Path],
                                                 central_tls_dir: Path) -> None:
    h, tmp = tls_pair
    ca = str(central_tls_dir / "ca.pem")
    icbc = Caller(h.url, None, verify=ca, cert=(str(central_tls_dir / "client.pem"),
                                                 str(central_tls_dir / "client.key")))
    ccb = Caller(h.url, None, verify=ca, cert=(str(tmp / "ccb" / "client.pem"),
                                                str(tmp / "ccb" / "client.key")))
    aid = _ccb_marked_application(ccb, 2716)
    refused(icbc.get(f"/v1/instant-issuance/{aid}/personalisation"), 403, "APPLICATION_FORBIDDEN")
    refused(icbc.get("/v1/updates", branch_code=CCB), 403, "BRANCH_FORBIDDEN")
    refused(icbc.post(f"/v1/applications/{aid}/cancel", {"branch_code": CCB}), 403,
            "BRANCH_FORBIDDEN")
    # a header cannot override the certificate
    refused(icbc.get("/v1/updates", branch_code=CCB, ), 403)
    icbc.http.headers["X-Client-Id"] = f"{CCB}/C01"
    refused(icbc.get("/v1/updates", branch_code=CCB), 403, "IDENTITY_MISMATCH")
    del icbc.http.headers["X-Client-Id"]
    assert icbc.get("/v1/updates", branch_code=ICBC).status_code == 200
    # the counter is the certificate's OU: a head for another counter is refused
    refused(icbc.post(f"/v1/audit/chain-heads/{ICBC}/C02", {"seq": 1, "head_sha256": "b" * 64}),
            403, "COUNTER_FORBIDDEN")
    assert icbc.post(f"/v1/audit/chain-heads/{ICBC}/C01",
                     {"seq": 1, "head_sha256": "b" * 64}).status_code == 200


REBASE = {"seq": 1, "head_sha256": "d" * 64, "supervisor": "S01", "reason": "主管核实：测试",
          "acknowledged_at": "2026-11-30T10:00:00+08:00"}


def test_a_certificate_without_a_counter_ou_cannot_act_as_a_counter(
        tls_pair: tuple[CentralSimHandle, Path], central_tls_dir: Path) -> None:
    """A branch-level certificate (CN, no OU) is its branch, never one of its counters:
    X-Client-Id cannot choose the counter over TLS, so it can neither push a sibling's head
    to 2^62 (whose genuine reports would then be refused) nor re-base a sibling's chain."""
    h, tmp = tls_pair
    ca = str(central_tls_dir / "ca.pem")
    cert = (str(tmp / "icbc-no-ou" / "client.pem"), str(tmp / "icbc-no-ou" / "client.key"))
    sibling = Caller(h.url, None, verify=ca, cert=(str(central_tls_dir / "client.pem"),
                                                    str(central_tls_dir / "client.key")))
    genuine = sibling.post(f"/v1/audit/chain-heads/{ICBC}/C01", {"seq": 5, "head_sha256": "5" * 64})
    assert genuine.status_code == 200, genuine.text
    for header in (f"{ICBC}/C01", f"{ICBC}/C07", None):
        no_ou = Caller(h.url, header, verify=ca, cert=cert)
        for counter in ("C01", "C07"):
            e = refused(no_ou.post(f"/v1/audit/chain-heads/{ICBC}/{counter}",
                                   {"seq": 2**62, "head_sha256": "c" * 64}), 403, "COUNTER_REQUIRED")
            assert e["details"] == {"caller_branch": ICBC}
            refused(no_ou.post(f"/v1/audit/chain-heads/{ICBC}/{counter}/rebase", REBASE), 403,
                    "COUNTER_REQUIRED")
        # still its branch for branch-level work, and never another branch
        assert no_ou.get("/v1/updates", branch_code=ICBC).status_code == 200
        refused(no_ou.post(f"/v1/audit/chain-heads/{CCB}/C01",
                           {"seq": 1, "head_sha256": "c" * 64}), 403)
    # the sibling's head is untouched, nothing was created for C07, and its next report passes
    assert sibling.get(f"/v1/audit/chain-heads/{ICBC}/C01").json()["seq"] == 5
    refused(sibling.get(f"/v1/audit/chain-heads/{ICBC}/C07"), 404, "AUDIT_HEAD_UNKNOWN")
    nxt = sibling.post(f"/v1/audit/chain-heads/{ICBC}/C01", {"seq": 6, "head_sha256": "6" * 64})
    assert nxt.status_code == 200, nxt.text
    events = sibling.get(f"/v1/audit/head-events/{ICBC}").json()
    assert not [e for e in events if e["kind"] == "REBASE"]


def test_over_tls_the_counter_comes_only_from_the_certificate() -> None:
    """The guard itself: no OU means no counter, whatever the header says; with an OU the
    OU wins; a header naming another branch is refused."""
    from central_sim.errors import Refusal
    from central_sim.guard import NO_COUNTER, PEER_CERT, identity_from

    def scope(ou: str | None, header: bytes | None) -> dict[str, Any]:
        subject = [(("commonName", ICBC),)] + ([(("organizationalUnitName", ou),)] if ou else [])
        return {"type": "http", "scheme": "https", "server": ("10.0.0.5", 8443),
                "client": ("10.0.0.9", 5000), "state": {PEER_CERT: {"subject": tuple(subject)}},
                "headers": [(b"x-client-id", header)] if header else []}

    ident = identity_from(scope(None, f"{ICBC}/C07".encode()))
    assert (ident.branch_code, ident.counter_id, ident.counter_known) == (ICBC, NO_COUNTER, False)
    assert identity_from(scope(None, None)).counter_id == NO_COUNTER
    assert identity_from(scope("C02", f"{ICBC}/C07".encode())).counter_id == "C02"
    with pytest.raises(Refusal) as err:
        identity_from(scope(None, f"{CCB}/C01".encode()))
    assert err.value.code == "IDENTITY_MISMATCH"


# -- input limits -------------------------------------------------------------------------------------

def test_body_size_is_limited(icbc: Caller) -> None:
    big = {"branch_code": ICBC, "client_seq": 1, "changes": {"address": "x" * (2 * 1024 * 1024)}}
    e = refused(icbc.post(f"/v1/persons/{generated_id(2717)}/data-changes", big), 413,
                "REQUEST_TOO_LARGE")
    assert e["details"]["max_bytes"] == 1024 * 1024

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked, counted as it arrives
        yield b'{"branch_code": "ICBC-NB-0101", "client_seq": 1, "changes": {"address": "'
        for _ in range(40):
            yield b"y" * 65536
        yield b'"}}'

    r = icbc.http.post(f"{icbc.url}/v1/persons/{generated_id(2717)}/data-changes", data=chunks(),
                       headers={"Idempotency-Key": str(uuid.uuid4()),
                                "Content-Type": "application/json"}, timeout=10)
    refused(r, 413, "REQUEST_TOO_LARGE")


@pytest.mark.parametrize(("field", "value"), [
    ("client_seq", 2**63), ("client_seq", 10**30), ("client_seq", -1),
])
def test_integers_beyond_64_bits_are_422(icbc: Caller, field: str, value: int) -> None:
    body = {"branch_code": ICBC, "client_seq": 1, "changes": {"phone": "1"}, field: value}
    refused(icbc.post(f"/v1/persons/{generated_id(2718)}/data-changes", body), 422,
            "LIMIT_EXCEEDED")


def test_integer_bounds_in_heads_and_updates(icbc: Caller) -> None:
    refused(icbc.post(f"/v1/audit/chain-heads/{ICBC}/C01", {"seq": 2**63, "head_sha256": "a" * 64}),
            422, "LIMIT_EXCEEDED")
    refused(icbc.get("/v1/updates", branch_code=ICBC, since=2**63), 422, "LIMIT_EXCEEDED")
    assert icbc.get("/v1/updates", branch_code=ICBC, since=2**63 - 1).json()["items"] == []
    r = icbc.post(f"/v1/persons/{generated_id(2719)}/data-changes",
                  {"branch_code": ICBC, "client_seq": 2**63 - 1, "changes": {"phone": "1"}})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("changes", [
    {"phone": "1" * 21}, {"address": "x" * 257}, {"k" * 33: "v"},
])
def test_strings_are_bounded_by_the_column_sizes(icbc: Caller, changes: dict[str, str]) -> None:
    refused(icbc.post(f"/v1/persons/{generated_id(2720)}/data-changes",
                      {"branch_code": ICBC, "client_seq": 1, "changes": changes}),
            422, "LIMIT_EXCEEDED")


def test_long_strings_in_bodies_and_paths(icbc: Caller) -> None:
    refused(icbc.post("/v1/applications", {
        "id_number": generated_id(2721), "bank_code": "ICBC", "branch_code": ICBC,
        "making_mode": "FACTORY", "collection": "EMS", "ems_address": "路" * 257,
        "photo_sha256": PHOTO}), 422, "LIMIT_EXCEEDED")
    refused(icbc.get("/v1/persons/" + "3" * 5000), 422, "LIMIT_EXCEEDED")
    refused(icbc.get("/v1/updates", branch_code="X" * 17), 422, "LIMIT_EXCEEDED")


def test_malformed_bodies_have_the_contract_shape(icbc: Caller) -> None:
    path = f"{icbc.url}/v1/persons/{generated_id(2722)}/data-changes"
    headers = {"Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"}
    for data in (b'{"branch_code": "\xff\xfe", "client_seq": 1, "changes": {}}',  # not UTF-8
                 b"[" * 100_000 + b"]" * 100_000,  # deep nesting
                 b'{"a": ' * 5000 + b"1" + b"}" * 5000,
                 b"{not json"):
        r = icbc.http.post(path, data=data, headers=headers, timeout=10)
        refused(r, 400)
    refused(icbc.http.get(icbc.url + "/v1/no-such-thing", timeout=10), 404, "NOT_FOUND")
    refused(icbc.http.delete(icbc.url + "/v1/reference/banks", timeout=10), 405,
            "METHOD_NOT_ALLOWED")


def test_duplicate_idempotency_key_headers_are_refused(icbc: Caller) -> None:
    # requests merges a dict; send the raw header twice through a list of tuples
    import http.client
    from urllib.parse import urlsplit

    u = urlsplit(icbc.url)
    conn = http.client.HTTPConnection(u.hostname or "", u.port, timeout=10)
    body = b'{"branch_code": "ICBC-NB-0101", "client_seq": 1, "changes": {"phone": "1"}}'
    conn.putrequest("POST", f"/v1/persons/{generated_id(2723)}/data-changes")
    for k, v in (("Idempotency-Key", "k-one"), ("Idempotency-Key", "k-two"),
                 ("X-Client-Id", f"{ICBC}/C01"), ("Content-Type", "application/json"),
                 ("Content-Length", str(len(body)))):
        conn.putheader(k, v)
    conn.endheaders(body)
    resp = conn.getresponse()
    import json

    data = json.loads(resp.read())
    conn.close()
    assert resp.status == 400 and data["error"]["code"] == "HEADER_DUPLICATED"


def test_unknown_branch_is_404(icbc: Caller, central: CentralSimHandle) -> None:
    refused(icbc.get("/v1/reference/branches/NOPE-NB-9999"), 404, "BRANCH_UNKNOWN")
    ghost = Caller(central.url, "NOPE-NB-9999/C01")
    refused(ghost.post(f"/v1/persons/{generated_id(2724)}/data-changes",
                       {"branch_code": "NOPE-NB-9999", "client_seq": 1, "changes": {}}),
            404, "BRANCH_UNKNOWN")
