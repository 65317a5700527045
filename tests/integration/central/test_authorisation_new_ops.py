"""Hostile review of the operations added after issue 9: resubmit, seal, cancel of a failed
production, e-card claims, branch statistics. Each attack runs over mutual TLS against the
reference central with the test CA: the caller is its own valid branch certificate (CN = branch,
OU = counter) and tries to act on or read another branch's data, or to slip unbounded input in.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from central_sim.seed import generated_id
from counter_app.central.launcher import CentralSimHandle

pytestmark = pytest.mark.central

ICBC = "ICBC-NB-0101"  # instant-issue, the test CA's default client certificate
ICBC2 = "ICBC-NB-0102"  # another branch of the same bank
CCB = "CCB-NB-0230"  # holds BATCH-SEED-0002 (one shipped card) in the seed
PHOTO = "a" * 64


class Branch:
    """Raw HTTPS as one branch counter, identified by its client certificate only."""

    def __init__(self, url: str, ca: Path, cert_dir: Path) -> None:
        self.url = url
        self.http = requests.Session()
        self.http.trust_env = False
        self.http.verify = str(ca)
        self.http.cert = (str(cert_dir / "client.pem"), str(cert_dir / "client.key"))

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.http.get(self.url + path, params=params, timeout=15)

    def post(self, path: str, body: Any = None, key: str | None = None) -> requests.Response:
        return self.http.post(self.url + path, json=body, timeout=15,
                              headers={"Idempotency-Key": key or str(uuid.uuid4())})


def refused(r: requests.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error"} and body["error"]["message_zh"], body
    if code:
        assert body["error"]["code"] == code, body
    return dict(body["error"])


def invalid(r: requests.Response) -> None:
    """Refused as malformed (400 INVALID_REQUEST) or beyond a limit (422), in the error shape."""
    assert r.status_code in (400, 422), (r.status_code, r.text[:300])
    refused(r, r.status_code, "INVALID_REQUEST" if r.status_code == 400 else None)


def ok(r: requests.Response) -> dict[str, Any]:
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return dict(r.json())


@pytest.fixture(scope="module")
def branches(central_tls_dir: Path, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[dict[str, Branch]]:
    from central_sim.tls import issue_client
    from counter_app.central.launcher import start_central_sim

    tmp = tmp_path_factory.mktemp("tls-new-ops")
    issue_client(central_tls_dir, tmp / "icbc2", ICBC2, "C01")
    issue_client(central_tls_dir, tmp / "ccb", CCB, "C01")
    h: CentralSimHandle = start_central_sim(f"sqlite:///{tmp / 'c.db'}", tls_dir=central_tls_dir,
                                            production_step=0, log_path=tmp / "c.log")
    ca = central_tls_dir / "ca.pem"
    callers = {ICBC: Branch(h.url, ca, central_tls_dir), ICBC2: Branch(h.url, ca, tmp / "icbc2"),
               CCB: Branch(h.url, ca, tmp / "ccb")}
    yield callers
    for c in callers.values():
        c.http.close()
    h.stop()


def _advance(b: Branch) -> None:
    ok(b.http.post(b.url + "/_admin/production/advance", timeout=15))


def _failed_application(b: Branch, branch: str, first_n: int) -> str:
    """A factory application of ``branch`` whose production failed (the reference central fails
    the ones whose id ends in 7, once)."""
    for n in range(first_n, first_n + 120):
        app = ok(b.post("/v1/applications", {
            "id_number": generated_id(n), "bank_code": branch.split("-")[0], "branch_code": branch,
            "making_mode": "FACTORY", "photo_sha256": PHOTO}))
        if app["application_id"].endswith("7"):
            _advance(b)
            _advance(b)
            got = ok(b.get(f"/v1/applications/{app['application_id']}"))
            assert got["state"] == "FAILED", got
            return str(app["application_id"])
    raise AssertionError("no application id ended in 7")


def _active_card(b: Branch, branch: str, n: int) -> str:
    aid = ok(b.post("/v1/applications", {
        "id_number": generated_id(n), "bank_code": "ICBC", "branch_code": branch,
        "making_mode": "INSTANT", "photo_sha256": PHOTO}))["application_id"]
    ok(b.post(f"/v1/instant-issuance/{aid}/mark", {"branch_code": branch, "blank_serial": "S1"}))
    ok(b.post(f"/v1/instant-issuance/{aid}/result",
              {"branch_code": branch, "blank_serial": "S1", "outcome": "SUCCESS"}))
    card_no = str(ok(b.get(f"/v1/applications/{aid}"))["card_no"])
    ok(b.post(f"/v1/cards/{card_no}/activation", {"branch_code": branch}))
    return card_no


# -- resubmit and cancel of a failed production ----------------------------------------------------

def test_another_branch_cannot_resubmit_or_cancel_a_failed_production(
        branches: dict[str, Branch]) -> None:
    owner, same_bank, other_bank = branches[ICBC2], branches[ICBC], branches[CCB]
    aid = _failed_application(owner, ICBC2, 2500)
    for op in ("resubmit", "cancel"):
        # in its own name (its certificate's branch in the body) on the other's application
        refused(same_bank.post(f"/v1/applications/{aid}/{op}", {"branch_code": ICBC}), 403,
                "APPLICATION_FORBIDDEN")
        refused(other_bank.post(f"/v1/applications/{aid}/{op}", {"branch_code": CCB}), 403,
                "APPLICATION_FORBIDDEN")
        # in the owner's name: the body's branch must be the certificate's
        refused(same_bank.post(f"/v1/applications/{aid}/{op}", {"branch_code": ICBC2}), 403,
                "BRANCH_FORBIDDEN")
    refused(other_bank.get(f"/v1/applications/{aid}"), 403, "APPLICATION_FORBIDDEN")
    # the owner's idempotency key, replayed by another branch, neither replays nor pre-claims
    key = str(uuid.uuid4())
    refused(same_bank.post(f"/v1/applications/{aid}/resubmit", {"branch_code": ICBC}, key=key),
            403, "APPLICATION_FORBIDDEN")
    assert ok(owner.get(f"/v1/applications/{aid}"))["state"] == "FAILED"
    done = ok(owner.post(f"/v1/applications/{aid}/resubmit", {"branch_code": ICBC2}, key=key))
    assert done["state"] == "DATA_ENTRY" and not done.get("failure_reason")
    replay = same_bank.post(f"/v1/applications/{aid}/resubmit", {"branch_code": ICBC2}, key=key)
    refused(replay, 403, "BRANCH_FORBIDDEN")
    assert "Idempotent-Replayed" not in replay.headers


def test_resubmit_input_is_bounded(branches: dict[str, Branch]) -> None:
    b = branches[ICBC]
    refused(b.post("/v1/applications/APP-1/resubmit", {"branch_code": ICBC, "reason": "x" * 129}),
            422)
    invalid(b.post("/v1/applications/APP-1/resubmit", {"branch_code": ICBC, "extra": 1}))
    refused(b.post(f"/v1/applications/{'A' * 41}/resubmit", {"branch_code": ICBC}), 422)


# -- sealing an uncollected card ---------------------------------------------------------------------

def _received_ccb_card(ccb: Branch) -> tuple[str, str]:
    ok(ccb.post(f"/v1/branches/{CCB}/batches/BATCH-SEED-0002/receive"))
    apps = [a for a in ok(ccb.get("/v1/updates", branch_code=CCB, since=0))["items"]
            if a.get("kind") == "APPLICATION_STATE"
            and (a.get("data") or {}).get("state") == "BRANCH_RECEIVED"]
    assert apps, "the seed's CCB batch holds one application"
    data = apps[-1]["data"]
    aid = data["application_id"]
    card_no = ok(ccb.get(f"/v1/applications/{aid}"))["card_no"]
    return str(aid), str(card_no)


def test_only_the_holding_branch_seals_and_the_list_id_is_bounded(
        branches: dict[str, Branch]) -> None:
    ccb, icbc = branches[CCB], branches[ICBC]
    aid, card_no = _received_ccb_card(ccb)
    seal = {"branch_code": ICBC, "card_no": card_no, "sealing_list_id": "SL-2026-0001"}
    refused(icbc.post(f"/v1/applications/{aid}/seal", seal), 403, "APPLICATION_FORBIDDEN")
    refused(icbc.post(f"/v1/applications/{aid}/seal", {**seal, "branch_code": CCB}), 403,
            "BRANCH_FORBIDDEN")
    own = {**seal, "branch_code": CCB}
    # the list id is an identifier printed on the branch's list, not free text: no names, ID
    # numbers or control characters travel into the central's notices through it
    for bad in ("张三 330203198506122017", "SL\n0001", "SL/../0001", "", "S" * 41):
        invalid(ccb.post(f"/v1/applications/{aid}/seal", {**own, "sealing_list_id": bad}))
    for bad_card in ("NB00000", "NB0000016X", "nb 000016"):
        invalid(ccb.post(f"/v1/applications/{aid}/seal", {**own, "card_no": bad_card}))
    sealed = ok(ccb.post(f"/v1/applications/{aid}/seal", own))
    assert sealed["card_state"] == "SEALED"
    refused(ccb.post(f"/v1/applications/{aid}/handout", {"branch_code": CCB}), 409, "CARD_SEALED")
    refused(ccb.post(f"/v1/cards/{card_no}/activation", {"branch_code": CCB}), 409)


# -- e-card claims -------------------------------------------------------------------------------------

def test_ecard_claims_are_for_the_cards_bank_and_reveal_nothing_personal(
        branches: dict[str, Branch]) -> None:
    icbc, same_bank, ccb = branches[ICBC], branches[ICBC2], branches[CCB]
    card_no = _active_card(icbc, ICBC, 2650)
    key = str(uuid.uuid4())
    refused(ccb.post(f"/v1/cards/{card_no}/ecard-claims", {"branch_code": CCB}, key=key), 403,
            "CARD_FORBIDDEN")
    refused(ccb.post(f"/v1/cards/{card_no}/ecard-claims", {"branch_code": ICBC}), 403,
            "BRANCH_FORBIDDEN")
    # the key another bank tried first is not claimed for the card's own branch, nor replayed
    claim = ok(icbc.post(f"/v1/cards/{card_no}/ecard-claims", {"branch_code": ICBC}, key=key))
    refused(ccb.post(f"/v1/cards/{card_no}/ecard-claims", {"branch_code": CCB}, key=key), 403,
            "CARD_FORBIDDEN")
    token = claim["token"]
    assert len(token) >= 22 and card_no not in token  # >= 128 random bits, URL-safe
    assert set(claim) == {"token", "claim_url", "expires_at"}
    # a branch of the same bank (a reprint elsewhere) gets the same token
    assert ok(same_bank.post(f"/v1/cards/{card_no}/ecard-claims",
                             {"branch_code": ICBC2}))["token"] == token
    # what anyone holding the token sees: the claim's state and expiry, no card number at all
    seen = ok(ccb.get(f"/v1/ecard-claims/{token}"))
    assert set(seen) == {"token", "state", "expires_at"}, seen
    assert seen["state"] == "OPEN"
    text = repr(seen)
    assert card_no not in text and "*" not in text  # not even masked
    person = ok(icbc.get(f"/v1/persons/{generated_id(2650)}"))
    assert person["name"] not in text and generated_id(2650) not in text
    # bounded token input
    refused(ccb.get(f"/v1/ecard-claims/{'x' * 65}"), 422)
    invalid(ccb.get("/v1/ecard-claims/no%20such%0Atoken"))
    refused(ccb.get(f"/v1/ecard-claims/{'A' * 24}"), 404, "ECARD_CLAIM_UNKNOWN")
    invalid(icbc.post("/v1/cards/NB%0A00001/ecard-claims", {"branch_code": ICBC}))
    # a lost card's e-card is not claimable: no new token, and the printed one says so
    ok(icbc.post(f"/v1/cards/{card_no}/loss", {"branch_code": ICBC}))
    refused(icbc.post(f"/v1/cards/{card_no}/ecard-claims", {"branch_code": ICBC}), 409,
            "CARD_IS_LOST")
    assert ok(ccb.get(f"/v1/ecard-claims/{token}"))["state"] == "CARD_NOT_ACTIVE"


# -- branch statistics --------------------------------------------------------------------------------

def test_statistics_are_the_callers_own_and_the_period_is_bounded(
        branches: dict[str, Branch]) -> None:
    icbc = branches[ICBC]
    period = {"from": "2026-11-23", "to": "2026-11-29"}
    refused(icbc.get(f"/v1/branches/{CCB}/statistics", **period), 403, "BRANCH_FORBIDDEN")
    refused(icbc.get(f"/v1/branches/{ICBC2}/statistics", **period), 403, "BRANCH_FORBIDDEN")
    assert ok(icbc.get(f"/v1/branches/{ICBC}/statistics", **period))["branch_code"] == ICBC
    # dates at the ends of the calendar are refused in the contract's shape, never a 500
    for p in ({"from": "9999-12-31", "to": "9999-12-31"}, {"from": "0001-01-01", "to": "0001-01-01"},
              {"from": "2026-11-29", "to": "2026-11-23"}, {"from": "2025-01-01", "to": "2026-11-29"}):
        e = refused(icbc.get(f"/v1/branches/{ICBC}/statistics", **p), 400)
        assert e["code"] == "PERIOD_INVALID"
