"""The adapter's decoding and error mapping, without I/O (responses built in memory)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import requests

from counter_app.central import api as A
from counter_app.central.client import (
    OPERATIONS,
    CentralClient,
    HttpCentralClient,
    _build,
    split_operation,
)
from counter_app.central.errors import (
    BadResponseError,
    CentralBusy,
    CentralError,
    CentralRefusal,
    CentralServerError,
    LineDownError,
)
from counter_app.domain.errors import ConfigurationError, CounterError


def response(status: int, body: object | bytes) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r._content = body if isinstance(body, bytes) else json.dumps(body).encode()
    r.headers["Content-Type"] = "application/json"
    return r


def test_refusal_carries_the_central_code_and_message() -> None:
    with pytest.raises(CentralRefusal) as err:
        HttpCentralClient._decode(response(409, {"error": {
            "code": "WRONG_BANK", "message_zh": "须在发卡银行网点办理", "details": {"a": 1}}}))
    e = err.value
    assert (e.status, e.code, e.message_zh, e.details) == (409, "WRONG_BANK", "须在发卡银行网点办理",
                                                           {"a": 1})
    assert isinstance(e, CounterError) and not e.retryable


def test_transient_refusals_are_retryable() -> None:
    for code in ("IDEMPOTENCY_IN_PROGRESS", "BATCH_LOCKED"):
        with pytest.raises(CentralBusy) as err:
            HttpCentralClient._decode(response(409, {"error": {"code": code, "message_zh": "稍后"}}))
        assert err.value.retryable


def test_server_errors_are_retryable_even_without_a_body() -> None:
    with pytest.raises(CentralServerError) as err:
        HttpCentralClient._decode(response(502, b"<html>bad gateway</html>"))
    assert err.value.retryable and err.value.code == "HTTP_502"


@pytest.mark.parametrize("status,body", [(200, b"not json"), (404, b"<html/>"),
                                         (400, {"detail": "x"})])
def test_unexpected_bodies_are_bad_responses(status: int, body: object) -> None:
    with pytest.raises(BadResponseError) as err:
        HttpCentralClient._decode(response(status, body))
    assert err.value.code == "CENTRAL_BAD_RESPONSE"


def test_build_is_strict_about_the_contract() -> None:
    ok = {"code": "ICBC", "name_zh": "中国工商银行"}
    assert _build(A.Bank, ok) == A.Bank("ICBC", "中国工商银行")
    for bad in ({"code": "ICBC"}, {"code": 1, "name_zh": "x"}, ["list"]):
        with pytest.raises(BadResponseError):
            _build(A.Bank, bad)


def test_build_converts_dates_tuples_and_optionals() -> None:
    data = {"items": [{"seq": 3, "kind": "PRE_LOSS", "ref": "NB1", "data": {"f": "social"},
                       "created_at": "2026-01-02T03:04:05"}], "next_since": 3}
    u = _build(A.Updates, data)
    assert u.items[0].created_at == dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert isinstance(u.items, tuple) and u.next_since == 3
    with pytest.raises(BadResponseError):
        _build(A.Updates, {**data, "next_since": True})


def test_split_operation_builds_paths_from_the_payload() -> None:
    method, path, body = split_operation("cards.loss", {"card_no": "NB0000016",
                                                        "branch_code": "ICBC-NB-0101"})
    assert (method, path, body) == ("POST", "/v1/cards/NB0000016/loss",
                                    {"branch_code": "ICBC-NB-0101"})
    _, path, body = split_operation("batches.receive", {"branch_code": "B1", "batch_id": "X/1"})
    assert path == "/v1/branches/B1/batches/X%2F1/receive" and body == {}
    with pytest.raises(KeyError):
        split_operation("nope", {})
    assert all(p.startswith("/v1/") for _, p in OPERATIONS.values())


def test_plain_http_only_to_loopback_without_tls_settings() -> None:
    HttpCentralClient("http://127.0.0.1:8765").close()
    with pytest.raises(ConfigurationError):
        HttpCentralClient("http://10.1.2.3:8765")
    with pytest.raises(ConfigurationError):
        HttpCentralClient("http://127.0.0.1:8765", ca_file="/x/ca.pem")
    with pytest.raises(ConfigurationError):
        HttpCentralClient("https://central.example", client_cert="/x/c.pem")  # no key
    with pytest.raises(ConfigurationError):
        HttpCentralClient("ftp://central.example")


def test_profile_constructor_sets_explicit_timeouts() -> None:
    c = CentralClient("https://central.example:8443", connect_timeout_s=1.5, read_timeout_s=7,
                      ca_file="/etc/ca.pem", client_cert="/etc/c.pem", client_key="/etc/c.key")
    assert (c.timeouts.connect, c.timeouts.read) == (1.5, 7)
    assert c.session.verify == "/etc/ca.pem" and c.session.cert == ("/etc/c.pem", "/etc/c.key")
    assert not c.session.trust_env
    c.close()


def test_error_messages_carry_no_url_or_personal_data() -> None:
    for cls in (LineDownError, BadResponseError, CentralError):
        e = cls()
        assert "http" not in str(e) and "3302" not in str(e)
