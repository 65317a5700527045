"""The central's side of insurance registration and personal data change (API v1).

Kept beside :mod:`counter_app.central.api`: the values the central answers and the port the
registration and data-change businesses use (:class:`PeopleCentral`);
:class:`counter_app.central.client.HttpCentralClient` implements it over HTTPS.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from counter_app.central.api import OperationAck, Person


@dataclass(frozen=True)
class Employer:
    employer_no: str
    name_zh: str
    credit_code: str
    status: str  # ACTIVE | CANCELLED
    district: str
    insurances: tuple[str, ...]  # PENSION | UNEMPLOYMENT | WORK_INJURY


@dataclass(frozen=True)
class BoundsKind:
    kind: str  # EMPLOYEE | FLEXIBLE
    year: int
    min_base_fen: int  # inclusive
    max_base_fen: int  # inclusive
    insurances: tuple[str, ...]  # the types this kind may register for


@dataclass(frozen=True)
class Bounds:
    kinds: tuple[BoundsKind, ...]

    def of(self, kind: str) -> BoundsKind | None:
        return next((k for k in self.kinds if k.kind == kind), None)


@dataclass(frozen=True)
class RegistrationRequest:
    branch_code: str
    kind: str
    insurances: tuple[str, ...]
    base_fen: int
    start_month: str  # YYYYMM
    name: str = ""
    credit_code: str | None = None
    phone: str = ""
    materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegistrationResult:
    registration_id: str
    id_number: str
    kind: str
    employer_name: str | None
    employer_credit_code: str | None
    insurances: tuple[str, ...]
    base_fen: int
    start_month: str
    registered_at: dt.datetime
    person_created: bool


@dataclass(frozen=True)
class DataChangeProof:
    records: tuple[str, ...] = ()
    id_card_read: bool = False
    paper_kind: str | None = None  # POLICE | COURT
    paper_no: str = ""


@dataclass(frozen=True)
class DataChangeResult:
    operation_id: str
    received_at: dt.datetime
    fields: tuple[str, ...] = ()
    new_card_required: bool = False
    new_id_number: str | None = None


def registration_payload(id_number: str, request: RegistrationRequest) -> dict[str, Any]:
    """The outbox payload of ``persons.registration`` (path parameter included)."""
    body: dict[str, Any] = {"id_number": id_number, "branch_code": request.branch_code,
                            "kind": request.kind, "name": request.name,
                            "insurances": list(request.insurances), "base_fen": request.base_fen,
                            "start_month": request.start_month, "phone": request.phone,
                            "materials": list(request.materials)}
    if request.credit_code:
        body["credit_code"] = request.credit_code
    return body


def data_change_payload(id_number: str, *, branch_code: str, client_seq: int,
                        changes: dict[str, str], proof: DataChangeProof | None) -> dict[str, Any]:
    """The outbox payload of ``persons.data_change`` (path parameter included)."""
    body: dict[str, Any] = {"id_number": id_number, "branch_code": branch_code,
                            "client_seq": client_seq, "changes": dict(changes)}
    if proof is not None:
        body["proof"] = {"records": list(proof.records), "id_card_read": proof.id_card_read,
                         "paper_kind": proof.paper_kind, "paper_no": proof.paper_no}
    return body


@runtime_checkable
class PeopleCentral(Protocol):
    """What registration and data change ask of the central."""

    def get_person(self, id_number: str) -> Person: ...
    def employer(self, credit_code: str) -> Employer: ...
    def contribution_bounds(self) -> Bounds: ...
    def register_person(self, id_number: str, request: RegistrationRequest, *,
                        idempotency_key: str) -> RegistrationResult: ...
    def change_person_data(self, id_number: str, *, branch_code: str, client_seq: int,
                           changes: dict[str, str], proof: DataChangeProof | None,
                           idempotency_key: str) -> DataChangeResult: ...


__all__ = ["Bounds", "BoundsKind", "DataChangeProof", "DataChangeResult", "Employer",
           "OperationAck", "PeopleCentral", "RegistrationRequest", "RegistrationResult",
           "data_change_payload", "registration_payload"]
