"""Instant issuance records in the local store (implements workflows.issuance.IssuanceRepository).

Each issuance record is one small encrypted value in ``app_state`` under
``issuance:<application number>`` (AES-GCM with the store's data key, bound to its key), so
no schema change is needed and nothing about the person is in clear. The pick-up list
joins them with the accepted instant applications; the outbox and audit parts are those of
:class:`counter_app.store.card_operations.CardOperationStore` (the result report is sent
under its idempotency key by the counter, or by the sync worker when the line returns).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from counter_app.domain.issuance import Applicant, Candidate
from counter_app.store.applications import ApplicationStore
from counter_app.store.card_operations import CardOperationStore
from counter_app.store.database import Store
from counter_app.store.models import AppState, CardApplication
from counter_app.store.sealed_state import save_sealed, unseal

PREFIX = "issuance:"


def _name(record: dict[str, Any]) -> str:
    applicant = record.get("applicant")
    return str(applicant.get("name", "")) if isinstance(applicant, dict) else ""


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


class IssuanceStore(CardOperationStore):
    def __init__(self, store: Store, branch_code: str) -> None:
        super().__init__(store)
        self.branch_code = branch_code

    def _decode(self, key: str, value: str) -> dict[str, Any]:
        data = unseal(self.store, key, value)
        if not isinstance(data, dict):
            raise ValueError("issuance record is not an object")
        return data

    def load(self, application_no: str) -> dict[str, Any] | None:
        key = PREFIX + application_no
        with self.store.read() as s:
            row = s.get(AppState, key)
            return self._decode(key, row.value) if row is not None else None

    def save(self, application_no: str, data: dict[str, Any]) -> None:
        save_sealed(self.store, PREFIX + application_no, data)

    def _progress(self) -> dict[str, str]:
        out: dict[str, str] = {}
        with self.store.read() as s:
            rows = s.scalars(select(AppState).where(AppState.key.like(PREFIX + "%"))).all()
            for row in rows:
                data = self._decode(row.key, row.value)["record"]
                outcome = data.get("outcome", "open")
                if outcome != "open":
                    out[row.key[len(PREFIX):]] = outcome
                    continue
                first = next((st["step"] for st in data.get("steps", [])
                              if st.get("status") not in ("done", "manual")), "")
                out[row.key[len(PREFIX):]] = first
        return out

    def candidates(self) -> list[Candidate]:
        # applications accepted while the line was down get their central id once sent
        ApplicationStore(self.store).refresh_from_outbox()
        progress = self._progress()
        with self.store.read() as s:
            rows = s.scalars(select(CardApplication).where(
                CardApplication.making_mode == "INSTANT",
                CardApplication.branch_code == self.branch_code,
                CardApplication.central_application_id.is_not(None))
                .order_by(CardApplication.id.desc()).limit(200)).all()
            return [Candidate(
                application_no=row.application_no,
                central_application_id=row.central_application_id or "",
                name=_name(dict(row.record)),
                accepted_at=_aware(row.accepted_at),
                issuance=progress.get(row.application_no, "")) for row in rows]

    def applicant(self, application_no: str) -> Applicant | None:
        with self.store.read() as s:
            row = s.scalars(select(CardApplication).where(
                CardApplication.application_no == application_no,
                CardApplication.making_mode == "INSTANT")).first()
            if row is None:
                return None
            record = dict(row.record)
            return Applicant(application_no=row.application_no,
                             central_application_id=row.central_application_id or "",
                             name=_name(record),
                             id_number=str(record.get("id_number", "")), photo=row.photo,
                             business_zh=str(record.get("business_zh", "")))
