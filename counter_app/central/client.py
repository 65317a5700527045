"""requests adapter for the central API port.

One :class:`requests.Session` per client, explicit (connect, read) timeouts on every call,
TLS verified against the configured CA with the branch client certificate, no automatic
retries (the outbox owns retrying, always with the same Idempotency-Key), and no fallback
from HTTPS to HTTP. Errors are typed (see :mod:`counter_app.central.errors`) and carry no
URL or personal data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import ssl
import time
import types
import typing
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar
from urllib.parse import quote, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from counter_app.central import api as A
from counter_app.central import people_api as P
from counter_app.central.errors import (
    TRANSIENT_CODES,
    BadResponseError,
    CentralBusy,
    CentralConfigError,
    CentralError,
    CentralRefusal,
    CentralServerError,
    CentralTimeoutError,
    CentralTlsError,
    LineDownError,
    OutcomeUnknownError,
)
from counter_app.central.timeouts import Timeouts
from counter_app.domain.errors import ConfigurationError
from counter_app.domain.net import is_loopback_host
from counter_app.domain.statistics import CentralTotals
from counter_app.domain.texts import QT_TR_NOOP

log = logging.getLogger(__name__)
if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")  # the port's answers are dataclasses (see _build)




# operation name -> (method, path template); path parameters are taken from the payload.
OPERATIONS: dict[str, tuple[str, str]] = {
    "applications.submit": ("POST", "/v1/applications"),
    "applications.cancel": ("POST", "/v1/applications/{application_id}/cancel"),
    "applications.handout": ("POST", "/v1/applications/{application_id}/handout"),
    "applications.resubmit": ("POST", "/v1/applications/{application_id}/resubmit"),
    "applications.seal": ("POST", "/v1/applications/{application_id}/seal"),
    "instant_issuance.mark": ("POST", "/v1/instant-issuance/{application_id}/mark"),
    "instant_issuance.result": ("POST", "/v1/instant-issuance/{application_id}/result"),
    "instant_issuance.cancel": ("POST", "/v1/instant-issuance/{application_id}/cancel"),
    "cards.loss": ("POST", "/v1/cards/{card_no}/loss"),
    "cards.deloss": ("POST", "/v1/cards/{card_no}/deloss"),
    "cards.replacement": ("POST", "/v1/cards/{card_no}/replacement"),
    "cards.activation": ("POST", "/v1/cards/{card_no}/activation"),
    "cards.pin_reset": ("POST", "/v1/cards/{card_no}/pin-reset-authorisations"),
    "cards.pin_lock": ("POST", "/v1/cards/{card_no}/pin-lock"),
    "batches.receive": ("POST", "/v1/branches/{branch_code}/batches/{batch_id}/receive"),
    "persons.data_change": ("POST", "/v1/persons/{id_number}/data-changes"),
    "persons.registration": ("POST", "/v1/persons/{id_number}/registrations"),
    "persons.certificate": ("POST", "/v1/persons/{id_number}/certificates"),
    "audit.head": ("POST", "/v1/audit/chain-heads/{branch_code}/{counter_id}"),
    # a counter's day summary: a re-send replaces it at the central (workflows/day_end/branch.py)
    "day_end.summary": ("PUT", "/v1/branches/{branch_code}/day-end/{day}/counters/{counter_id}"),
}


def split_operation(operation: str, payload: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """(method, path, body) for an outbox operation; raises KeyError for unknown names."""
    method, template = OPERATIONS[operation]
    body = dict(payload)
    params = {}
    for name in _path_names(template):
        value = str(body.pop(name))
        params[name] = quote(value, safe="")
    if operation == "batches.receive":
        # a receipt names its branch in the body too; the earlier shape: no body at all
        body = {**body, "branch_code": payload["branch_code"]} if "received" in body else {}
    return method, template.format(**params), body


def _path_names(template: str) -> list[str]:
    return [part.split("}")[0] for part in template.split("{")[1:]]


class HttpCentralClient:
    """Implements :class:`counter_app.central.api.CentralApi` over HTTP(S)."""

    def __init__(
        self,
        base_url: str,
        *,
        timeouts: Timeouts | None = None,
        ca_file: str | None = None,
        client_cert: str | None = None,
        client_key: str | None = None,
        client_id: str | None = None,
        allow_plain_http: bool = False,
        pool_size: int = 4,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(QT_TR_NOOP("中心系统地址配置错误（应为 https://主机:端口）。"),
                                     code="CENTRAL_URL_INVALID")
        loopback = is_loopback_host(parts.hostname)
        if parts.scheme == "http" and (ca_file or client_cert or not (allow_plain_http or loopback)):
            # Never fall back to plain HTTP: TLS settings with an http:// URL are a config error;
            # plain HTTP is only for the reference central on this machine (demo, tests).
            raise ConfigurationError(
                QT_TR_NOOP("中心系统地址必须使用 https，并配置证书；仅测试环境可明确允许 http。"),
                code="CENTRAL_PLAIN_HTTP")
        if bool(client_cert) != bool(client_key):
            raise ConfigurationError(QT_TR_NOOP("网点客户端证书与私钥须同时配置。"),
                                     code="CENTRAL_CERT_CONFIG")
        self.base_url = base_url.rstrip("/")
        self.timeouts = timeouts or Timeouts()
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies from the environment on the dedicated line
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=pool_size, max_retries=0)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.session.verify = ca_file if ca_file else True
        if client_cert and client_key:
            self.session.cert = (client_cert, client_key)
        self._tls_files = (ca_file, client_cert, client_key)
        self._tls_checked: object = None  # the files' stat signature when last found usable
        self.session.headers.update({"Accept": "application/json",
                                     "User-Agent": "counter-app/central-v1"})
        if client_id:
            self.session.headers["X-Client-Id"] = client_id

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> HttpCentralClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transport ------------------------------------------------------------------------------
    def request(self, method: str, path: str, *, body: dict[str, Any] | None = None,
                params: dict[str, Any] | None = None, idempotency_key: str | None = None,
                timeout: tuple[float, float] | None = None) -> Any:
        """One HTTP exchange; returns the decoded JSON body or raises a typed error."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        self._check_tls_material()
        try:
            resp = self.session.request(
                method, self.base_url + path, json=body, params=params, headers=headers,
                timeout=timeout or (self.timeouts.connect, self.timeouts.read),
                allow_redirects=False,
            )
        except requests.exceptions.SSLError:
            raise CentralTlsError() from None
        except requests.exceptions.ConnectTimeout:
            # no connection was made: nothing reached the central
            raise LineDownError(
                QT_TR_NOOP("连接中心系统超时（专线中断或中心停机），可暂存业务待恢复后上传。")) from None
        except requests.exceptions.ReadTimeout:
            raise CentralTimeoutError(phase="read") from None
        except requests.exceptions.ConnectionError as exc:
            if _is_tls_failure(exc):
                raise CentralTlsError() from None
            if _never_connected(exc) or not idempotency_key:
                # refused, unreachable, DNS: nothing sent; and a query that broke off
                # changed nothing at the central either
                raise LineDownError() from None
            raise OutcomeUnknownError() from None  # sent, answer lost: may be committed
        except requests.exceptions.ChunkedEncodingError:
            if not idempotency_key:
                raise LineDownError() from None
            raise OutcomeUnknownError() from None
        except requests.exceptions.RequestException:
            if not idempotency_key:
                raise LineDownError() from None
            raise OutcomeUnknownError() from None
        except OSError:
            # requests raises a plain OSError for a CA/certificate path it cannot use
            # (files that vanished after the check above): local configuration, not the line
            raise CentralConfigError() from None
        return self._decode(resp)

    def _check_tls_material(self) -> None:
        """Raise CentralConfigError when a configured CA, certificate or key file is missing,
        unreadable or not TLS material. Checked again only when a file changes (stat), so a
        fixed or rotated file takes effect at the next send without a restart."""
        ca_file, cert, key = self._tls_files
        paths = [p for p in (ca_file, cert, key) if p]
        if not paths:
            return
        try:
            signature = tuple((st.st_mtime_ns, st.st_size, st.st_ino)
                              for st in (os.stat(p) for p in paths))
        except OSError:
            self._tls_checked = None
            raise CentralConfigError() from None
        if signature == self._tls_checked:
            return
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
        try:
            if ca_file:
                context.load_verify_locations(cafile=ca_file)
            if cert and key:
                context.load_cert_chain(cert, key)
        except (OSError, ValueError):  # ssl.SSLError is an OSError
            raise CentralConfigError() from None
        self._tls_checked = signature

    @staticmethod
    def _decode(resp: requests.Response) -> Any:
        try:
            data = resp.json()
        except ValueError:
            data = None
        if 200 <= resp.status_code < 300:
            if data is None:
                raise BadResponseError()
            return data
        err = data.get("error") if isinstance(data, dict) else None
        code = err.get("code") if isinstance(err, dict) else None
        message = err.get("message_zh") if isinstance(err, dict) else None
        details = err.get("details") if isinstance(err, dict) else None
        if resp.status_code >= 500:
            raise CentralServerError(resp.status_code, code or f"HTTP_{resp.status_code}",
                                     message or QT_TR_NOOP("中心系统暂时无法处理，请稍后重试。"), details)
        if not code or not message:
            raise BadResponseError()
        cls = CentralBusy if code in TRANSIENT_CODES else CentralRefusal
        raise cls(resp.status_code, code, message, details)

    def _get(self, path: str, cls: type[T], params: dict[str, Any] | None = None) -> T:
        return _build(cls, self.request("GET", path, params=params))

    def _get_list(self, path: str, cls: type[T], params: dict[str, Any] | None = None) -> list[T]:
        data = self.request("GET", path, params=params)
        if not isinstance(data, list):
            raise BadResponseError()
        return [_build(cls, item) for item in data]

    def _post(self, path: str, cls: type[T], body: dict[str, Any] | None, key: str) -> T:
        if not key:
            raise ValueError("mutating calls need an idempotency key")
        return _build(cls, self.request("POST", path, body=body, idempotency_key=key))

    # -- health ---------------------------------------------------------------------------------
    def health(self) -> A.HealthResult:
        """Probe ``/health`` with the short health timeout.

        Returns the result (with measured latency) when the central answers; raises the typed
        :class:`CentralError` (line down, timeout, TLS, bad response, 5xx) when it does not,
        with ``latency_ms`` set on the exception. Use :meth:`probe` for a never-raising probe.
        """
        checked = dt.datetime.now(dt.UTC)
        started = time.perf_counter()
        try:
            data = self.request("GET", "/health",
                                timeout=(self.timeouts.connect, self.timeouts.health))
            if not isinstance(data, dict) or data.get("status") != "ok":
                raise BadResponseError()
            try:
                server_time = _parse_datetime(data.get("server_time"))
            except ValueError:
                raise BadResponseError() from None
        except CentralError as exc:
            exc.latency_ms = (time.perf_counter() - started) * 1000
            raise
        return A.HealthResult(online=True, latency_ms=(time.perf_counter() - started) * 1000,
                              checked_at=checked, server_time=server_time,
                              version=str(data.get("version")))

    def probe(self) -> A.HealthResult:
        """Like :meth:`health` but never raises: offline results carry the error code."""
        checked = dt.datetime.now(dt.UTC)
        try:
            return self.health()
        except CentralError as exc:
            return A.HealthResult(online=False, latency_ms=exc.latency_ms or 0.0,
                                  checked_at=checked, error_code=exc.code,
                                  message_zh=exc.message_zh)
        except Exception as exc:  # an unforeseen failure still reads as "offline", never a crash
            log.warning("central probe failed: %s", type(exc).__name__)
            fallback = CentralError()
            return A.HealthResult(online=False, latency_ms=0.0, checked_at=checked,
                                  error_code=fallback.code, message_zh=fallback.message_zh)

    # -- persons ------------------------------------------------------------------------------
    def get_person(self, id_number: str) -> A.Person:
        return self._get(f"/v1/persons/{_q(id_number)}", A.Person)

    def eligibility(self, id_number: str, bank_code: str | None = None) -> A.Eligibility:
        params = {"bank_code": bank_code} if bank_code else None
        return self._get(f"/v1/persons/{_q(id_number)}/eligibility", A.Eligibility, params)

    def person_cards(self, id_number: str) -> list[A.CardStatus]:
        return self._get_list(f"/v1/persons/{_q(id_number)}/cards", A.CardStatus)

    def person_applications(self, id_number: str) -> list[A.Application]:
        return self._get_list(f"/v1/persons/{_q(id_number)}/applications", A.Application)

    def submit_data_change(self, id_number: str, *, branch_code: str, client_seq: int,
                           changes: dict[str, str], idempotency_key: str) -> A.OperationAck:
        return self._post(f"/v1/persons/{_q(id_number)}/data-changes", A.OperationAck,
                          {"branch_code": branch_code, "client_seq": client_seq,
                           "changes": changes}, idempotency_key)

    # -- cards ----------------------------------------------------------------------------------
    # -- registration and data change (central/people_api.py) -----------------------------
    def employer(self, credit_code: str) -> P.Employer:
        return self._get(f"/v1/employers/{_q(credit_code)}", P.Employer)

    def contribution_bounds(self) -> P.Bounds:
        return self._get("/v1/contribution-bounds", P.Bounds)

    def register_person(self, id_number: str, request: P.RegistrationRequest, *,
                        idempotency_key: str) -> P.RegistrationResult:
        body = P.registration_payload(id_number, request)
        body.pop("id_number")
        return self._post(f"/v1/persons/{_q(id_number)}/registrations", P.RegistrationResult,
                          body, idempotency_key)

    def change_person_data(self, id_number: str, *, branch_code: str, client_seq: int,
                           changes: dict[str, str], proof: P.DataChangeProof | None,
                           idempotency_key: str) -> P.DataChangeResult:
        body = P.data_change_payload(id_number, branch_code=branch_code, client_seq=client_seq,
                                     changes=changes, proof=proof)
        body.pop("id_number")
        return self._post(f"/v1/persons/{_q(id_number)}/data-changes", P.DataChangeResult,
                          body, idempotency_key)

    def card_status(self, card_no: str) -> A.CardStatus:
        return self._get(f"/v1/cards/{_q(card_no)}", A.CardStatus)

    def formal_loss(self, card_no: str, *, branch_code: str, functions: list[A.Function],
                    idempotency_key: str) -> A.CardStatus:
        return self._post(f"/v1/cards/{_q(card_no)}/loss", A.CardStatus,
                          {"branch_code": branch_code, "functions": list(functions)},
                          idempotency_key)

    def deloss(self, card_no: str, *, branch_code: str, functions: list[A.Function],
               idempotency_key: str) -> A.CardStatus:
        return self._post(f"/v1/cards/{_q(card_no)}/deloss", A.CardStatus,
                          {"branch_code": branch_code, "functions": list(functions)},
                          idempotency_key)

    def replacement(self, card_no: str, request: A.ReplacementRequest, *,
                    idempotency_key: str) -> A.Application:
        return self._post(f"/v1/cards/{_q(card_no)}/replacement", A.Application,
                          dataclasses.asdict(request), idempotency_key)

    def activate(self, card_no: str, *, branch_code: str, idempotency_key: str) -> A.CardStatus:
        return self._post(f"/v1/cards/{_q(card_no)}/activation", A.CardStatus,
                          {"branch_code": branch_code}, idempotency_key)

    def ecard_claim(self, card_no: str, *, branch_code: str,
                    idempotency_key: str) -> A.ECardClaim:
        """The activated card's electronic card claim token (the same one while valid)."""
        return self._post(f"/v1/cards/{_q(card_no)}/ecard-claims", A.ECardClaim,
                          {"branch_code": branch_code}, idempotency_key)

    def authorise_pin_reset(self, card_no: str, *, branch_code: str, function: A.Function,
                            idempotency_key: str) -> A.PinResetAuthorisation:
        return self._post(f"/v1/cards/{_q(card_no)}/pin-reset-authorisations",
                          A.PinResetAuthorisation,
                          {"branch_code": branch_code, "function": function}, idempotency_key)

    def report_pin_lock(self, card_no: str, *, branch_code: str, function: A.Function,
                        idempotency_key: str) -> A.CardStatus:
        return self._post(f"/v1/cards/{_q(card_no)}/pin-lock", A.CardStatus,
                          {"branch_code": branch_code, "function": function}, idempotency_key)

    # -- remote supervisor approval (api.RemoteApprovalApi) ---------------------------------------
    def request_remote_approval(self, *, request_id: str, purpose: str, summary: str,
                                teller: str, valid_seconds: int,
                                idempotency_key: str) -> A.RemoteApproval:
        return self._post("/v1/remote-approvals", A.RemoteApproval,
                          {"request_id": request_id, "purpose": purpose, "summary": summary,
                           "teller": teller, "valid_seconds": valid_seconds}, idempotency_key)

    def remote_approval(self, request_id: str) -> A.RemoteApproval:
        return self._get(f"/v1/remote-approvals/{_q(request_id)}", A.RemoteApproval)

    def pending_remote_approvals(self) -> list[A.RemoteApproval]:
        return self._get_list("/v1/remote-approvals", A.RemoteApproval)

    def decide_remote_approval(self, request_id: str, *, approve: bool, supervisor: str,
                               reason: str, idempotency_key: str) -> A.RemoteApproval:
        return self._post(f"/v1/remote-approvals/{_q(request_id)}/decision", A.RemoteApproval,
                          {"decision": "APPROVE" if approve else "REFUSE",
                           "supervisor": supervisor, "reason": reason}, idempotency_key)

    def consume_remote_approval(self, request_id: str, *, purpose: str,
                                idempotency_key: str) -> A.RemoteApproval:
        return self._post(f"/v1/remote-approvals/{_q(request_id)}/consume", A.RemoteApproval,
                          {"purpose": purpose}, idempotency_key)

    def cancel_remote_approval(self, request_id: str, *,
                               idempotency_key: str) -> A.RemoteApproval:
        return self._post(f"/v1/remote-approvals/{_q(request_id)}/cancel", A.RemoteApproval,
                          None, idempotency_key)

    # -- applications ---------------------------------------------------------------------------
    def submit_application(self, request: A.ApplicationRequest, *,
                           idempotency_key: str) -> A.Application:
        return self._post("/v1/applications", A.Application, dataclasses.asdict(request),
                          idempotency_key)

    def application(self, application_id: str) -> A.Application:
        return self._get(f"/v1/applications/{_q(application_id)}", A.Application)

    def cancel_application(self, application_id: str, *, branch_code: str, reason: str,
                           idempotency_key: str) -> A.Application:
        return self._post(f"/v1/applications/{_q(application_id)}/cancel", A.Application,
                          {"branch_code": branch_code, "reason": reason}, idempotency_key)

    def hand_out(self, application_id: str, *, branch_code: str,
                 idempotency_key: str) -> A.Application:
        return self._post(f"/v1/applications/{_q(application_id)}/handout", A.Application,
                          {"branch_code": branch_code}, idempotency_key)

    def resubmit_application(self, application_id: str, *, branch_code: str, reason: str,
                             idempotency_key: str) -> A.Application:
        return self._post(f"/v1/applications/{_q(application_id)}/resubmit", A.Application,
                          {"branch_code": branch_code, "reason": reason}, idempotency_key)

    def seal_card(self, application_id: str, *, branch_code: str, card_no: str,
                  sealing_list_id: str, reason: str, idempotency_key: str) -> A.SealResult:
        return self._post(f"/v1/applications/{_q(application_id)}/seal", A.SealResult,
                          A.seal_body(branch_code, card_no, sealing_list_id, reason),
                          idempotency_key)

    # -- instant issuance -------------------------------------------------------------------------
    def mark_blank(self, application_id: str, *, branch_code: str, blank_serial: str,
                   idempotency_key: str) -> A.MarkResult:
        return self._post(f"/v1/instant-issuance/{_q(application_id)}/mark", A.MarkResult,
                          {"branch_code": branch_code, "blank_serial": blank_serial},
                          idempotency_key)

    def personalisation_data(self, application_id: str) -> A.PersonalisationData:
        return self._get(f"/v1/instant-issuance/{_q(application_id)}/personalisation",
                         A.PersonalisationData)

    def report_issuance(self, application_id: str, *, branch_code: str, blank_serial: str,
                        outcome: Literal["SUCCESS", "SPOILED"], reason: str,
                        idempotency_key: str) -> A.Application:
        return self._post(f"/v1/instant-issuance/{_q(application_id)}/result", A.Application,
                          {"branch_code": branch_code, "blank_serial": blank_serial,
                           "outcome": outcome, "reason": reason}, idempotency_key)

    def cancel_issuance(self, application_id: str, *, branch_code: str, reason: str,
                        idempotency_key: str) -> A.Application:
        return self._post(f"/v1/instant-issuance/{_q(application_id)}/cancel", A.Application,
                          {"branch_code": branch_code, "reason": reason}, idempotency_key)

    # -- batches ----------------------------------------------------------------------------------
    def batches(self, branch_code: str, state: str | None = None) -> list[A.Batch]:
        params = {"state": state} if state else None
        return self._get_list(f"/v1/branches/{_q(branch_code)}/batches", A.Batch, params)

    def receive_batch(self, branch_code: str, batch_id: str, *, idempotency_key: str,
                      received: Sequence[str] | None = None,
                      differences: Sequence[A.BatchDifference] = ()) -> A.Batch:
        """``received`` None: the whole list (no receipt); else the receipt with differences."""
        body = None if received is None else A.batch_receipt_body(branch_code, received,
                                                                   differences)
        return self._post(f"/v1/branches/{_q(branch_code)}/batches/{_q(batch_id)}/receive",
                          A.Batch, body, idempotency_key)

    # -- contributions and certificates -------------------------------------------------------
    def contributions(self, id_number: str, months: int = 48, *, limit: int | None = None,
                      cursor: str | None = None) -> A.Contributions:
        params: dict[str, Any] = {"months": months}
        if limit is not None:
            params["limit"] = limit
            if cursor is not None:
                params["cursor"] = cursor
        return self._get(f"/v1/persons/{_q(id_number)}/contributions", A.Contributions, params)

    def issue_certificate(self, id_number: str, *, branch_code: str, months: int,
                          idempotency_key: str, kind: str = "ALL", period_from: str = "",
                          period_to: str = "") -> A.Certificate:
        body: dict[str, Any] = {"branch_code": branch_code, "months": months, "kind": kind}
        if period_from or period_to:  # the latest months otherwise (older centrals)
            body.update(period_from=period_from, period_to=period_to)
        return self._post(f"/v1/persons/{_q(id_number)}/certificates", A.Certificate, body,
                          idempotency_key)

    def verify_certificate(self, auth_code: str) -> A.CertificateCheck:
        return self._get(f"/v1/certificates/{_q(auth_code)}", A.CertificateCheck)

    def record_certificate_print(self, auth_code: str, *, branch_code: str,
                                 idempotency_key: str) -> A.CertificateCheck:
        return self._post(f"/v1/certificates/{_q(auth_code)}/prints", A.CertificateCheck,
                          {"branch_code": branch_code}, idempotency_key)

    # -- reference data ---------------------------------------------------------------------------
    def banks(self) -> list[A.Bank]:
        return self._get_list("/v1/reference/banks", A.Bank)

    def branches(self, bank_code: str | None = None) -> list[A.Branch]:
        params = {"bank_code": bank_code} if bank_code else None
        return self._get_list("/v1/reference/branches", A.Branch, params)

    def branch(self, branch_code: str) -> A.Branch:
        return self._get(f"/v1/reference/branches/{_q(branch_code)}", A.Branch)

    def branch_config(self, branch_code: str) -> A.BranchConfig:
        return self._get(f"/v1/reference/branches/{_q(branch_code)}/config", A.BranchConfig)

    def branch_statistics(self, branch_code: str, date_from: dt.date,
                          date_to: dt.date) -> CentralTotals:
        """The central's count of the branch's businesses over Beijing days (网点统计)."""
        data = self.request("GET", f"/v1/branches/{_q(branch_code)}/statistics",
                            params={"from": date_from.isoformat(), "to": date_to.isoformat()})
        try:
            items = tuple((str(i["kind"]), int(i["count"])) for i in data["items"])
            return CentralTotals(str(data["branch_code"]), dt.date.fromisoformat(data["date_from"]),
                                 dt.date.fromisoformat(data["date_to"]), items)
        except (KeyError, TypeError, ValueError) as exc:
            raise BadResponseError() from exc

    def branch_day_end(self, branch_code: str, day: dt.date) -> A.BranchDayEnd:
        """The branch's day-end over its counters' summaries (api.DayEndApi)."""
        return self._get(f"/v1/branches/{_q(branch_code)}/day-end/{day.isoformat()}",
                         A.BranchDayEnd)

    # -- audit ------------------------------------------------------------------------------------
    def audit_head(self, branch_code: str, counter_id: str) -> A.AuditHead:
        return self._get(f"/v1/audit/chain-heads/{_q(branch_code)}/{_q(counter_id)}",
                         A.AuditHead)

    def report_audit_head(self, branch_code: str, counter_id: str, *, seq: int,
                          head_sha256: str, idempotency_key: str) -> A.AuditHead:
        return self._post(f"/v1/audit/chain-heads/{_q(branch_code)}/{_q(counter_id)}",
                          A.AuditHead, {"seq": seq, "head_sha256": head_sha256},
                          idempotency_key)

    def rebase_audit_head(self, branch_code: str, counter_id: str, rebase: A.AuditRebase, *,
                          idempotency_key: str) -> A.AuditHead:
        body = dataclasses.asdict(rebase)
        body["acknowledged_at"] = rebase.acknowledged_at.isoformat()
        return self._post(f"/v1/audit/chain-heads/{_q(branch_code)}/{_q(counter_id)}/rebase",
                          A.AuditHead, body, idempotency_key)

    def audit_head_events(self, branch_code: str, counter_id: str | None = None,
                          since: int = 0, limit: int = 100) -> list[A.AuditHeadEvent]:
        params: dict[str, Any] = {"since": since, "limit": limit}
        if counter_id is not None:
            params["counter_id"] = counter_id
        return self._get_list(f"/v1/audit/head-events/{_q(branch_code)}", A.AuditHeadEvent,
                               params)

    # -- updates ------------------------------------------------------------------------------------
    def updates(self, branch_code: str, since: int = 0, limit: int = 200) -> A.Updates:
        return self._get("/v1/updates", A.Updates,
                         {"branch_code": branch_code, "since": since, "limit": limit})

    # -- generic ------------------------------------------------------------------------------------
    def execute(self, operation: str, payload: dict[str, Any], *,
                idempotency_key: str) -> dict[str, Any]:
        try:
            method, path, body = split_operation(operation, payload)
        except KeyError as exc:
            raise CentralRefusal(0, "UNKNOWN_OPERATION",
                                 QT_TR_NOOP("本地待上传业务的类型无法识别，请主管处理。")) from exc
        if not idempotency_key:
            raise ValueError("mutating calls need an idempotency key")
        data = self.request(method, path, body=body or None, idempotency_key=idempotency_key)
        if not isinstance(data, dict):
            raise BadResponseError()
        return data


def _q(value: str) -> str:
    return quote(str(value), safe="")


def _never_connected(exc: BaseException) -> bool:
    """True when the connection itself failed (refused, unreachable, DNS), so no byte of the
    request left this machine; False when it broke after the request went out."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        for arg in (e, *getattr(e, "args", ()), getattr(e, "reason", None)):
            if isinstance(arg, NewConnectionError | ConnectTimeoutError):  # DNS failure too
                return True
        e = e.__cause__ or e.__context__
    return False


def _is_tls_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, ssl.SSLError):
            return True
        for arg in getattr(e, "args", ()):
            if isinstance(arg, BaseException) and _is_tls_failure_leaf(arg):
                return True
        e = e.__cause__ or e.__context__
    return False


def _is_tls_failure_leaf(e: BaseException) -> bool:
    if isinstance(e, ssl.SSLError):
        return True
    reason = getattr(e, "reason", None)
    return isinstance(reason, ssl.SSLError)


# -- decoding JSON into the port's dataclasses (strict: missing fields are a bad response) ---------

def _parse_datetime(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError("datetime expected")
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)  # the central speaks UTC
    return parsed


def _convert(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            return _convert(arg, value)
    if origin is Literal:
        if value not in typing.get_args(tp):
            raise ValueError("unexpected value")
        return value
    if origin is tuple:
        (inner, _ellipsis) = typing.get_args(tp)
        if not isinstance(value, list):
            raise ValueError("list expected")
        return tuple(_convert(inner, v) for v in value)
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            raise ValueError("object expected")
        return value
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build(tp, value)
    if tp is dt.datetime:
        return _parse_datetime(value)
    if tp is dt.date:
        if not isinstance(value, str):
            raise ValueError("date expected")
        return dt.date.fromisoformat(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise ValueError("bool expected")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("int expected")
        return value
    if tp is float:
        if not isinstance(value, int | float):
            raise ValueError("number expected")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise ValueError("string expected")
        return value
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _build(cls: type[T], data: Any) -> T:
    if not isinstance(data, dict):
        raise BadResponseError()
    hints = _HINTS.get(cls)
    if hints is None:
        # the class's own module first (people_api's values), the port's names as a fallback
        hints = typing.get_type_hints(cls, None, vars(A))
        _HINTS[cls] = hints
    kwargs = {}
    try:
        for f in dataclasses.fields(cls):
            if f.name not in data:
                if f.default is not dataclasses.MISSING:
                    continue
                raise ValueError(f"missing {f.name}")
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    except (ValueError, TypeError, KeyError):
        raise BadResponseError() from None
    return cls(**kwargs)


class CentralClient(HttpCentralClient):
    """Constructor from the branch profile's plain values (``[central]`` section)."""

    def __init__(
        self,
        base_url: str,
        *,
        connect_timeout_s: float = Timeouts.connect,
        read_timeout_s: float = 15.0,
        health_timeout_s: float = 2.0,
        ca_file: str | os.PathLike[str] | None = None,
        client_cert: str | os.PathLike[str] | None = None,
        client_key: str | os.PathLike[str] | None = None,
        client_id: str | None = None,
    ) -> None:
        super().__init__(
            base_url,
            timeouts=Timeouts(connect=connect_timeout_s, read=read_timeout_s,
                              health=health_timeout_s),
            ca_file=os.fspath(ca_file) if ca_file else None,
            client_cert=os.fspath(client_cert) if client_cert else None,
            client_key=os.fspath(client_key) if client_key else None,
            client_id=client_id,
        )
