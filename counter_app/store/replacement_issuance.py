"""A replacement made on the spot, in the local store (implements
``workflows.replacement.making.InstantRecords``).

- The photo on file: this person's application accepted at this counter (found by the blind
  index) that the old card was made from, when the photo's hash is the one its outbox
  message sent to the central — the central keeps only that hash.
- The accepted replacement becomes an instant ``CardApplication`` row (encrypted record and
  photo, as an application's), so the issuance's waiting list and ``IssuanceStore.applicant``
  find it. Its ``op_id`` is the replacement's outbox key: when the central's answer was lost,
  ``ApplicationStore.refresh_from_outbox`` copies the application id once the sync worker
  confirmed it, as for an application accepted offline.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import func, select

from counter_app.store.applications import (
    STATUS_PENDING,
    STATUS_SUBMITTED,
    application_no_prefix,
)
from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import CardApplication, OutboxMessage, utcnow


def _naive(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


class ReplacementIssuanceStore:
    def __init__(self, store: Store, branch_code: str) -> None:
        self.store = store
        self.branch_code = branch_code

    def _index(self, id_number: str) -> str:
        return self.store.cipher.blind_index(id_number, "person")

    def photo_on_file(self, id_number: str, central_application_id: str) -> tuple[str, bytes] | None:
        if not central_application_id:
            return None
        with self.store.read() as s:
            rows = s.execute(
                select(CardApplication, OutboxMessage)
                .join(OutboxMessage, OutboxMessage.op_id == CardApplication.op_id)
                .where(CardApplication.person_index == self._index(id_number),
                       CardApplication.central_application_id == central_application_id)
                .order_by(CardApplication.id.desc())).all()
            for app, msg in rows:
                sent = str((msg.payload or {}).get("photo_sha256") or "")
                if app.photo and sent and hashlib.sha256(app.photo).hexdigest() == sent:
                    return app.application_no, app.photo
        return None

    def record_instant(self, *, op_id: str, draft_id: str, teller: str, counter_id: str,
                       id_number: str, name: str, central_application_id: str, photo: bytes,
                       business_zh: str, accepted_at: dt.datetime) -> str:
        with self.store.write(durable=True) as s:
            existing = s.scalars(select(CardApplication).where(
                CardApplication.op_id == op_id)).first()
            if existing is not None:  # the same replacement recorded again: no second card
                return existing.application_no
            prefix = application_no_prefix(self.branch_code, counter_id, accepted_at)
            count = s.scalar(select(func.count()).select_from(CardApplication).where(
                CardApplication.application_no.like(prefix + "%"))) or 0
            number = f"{prefix}{count + 1:04d}"
            pending = not central_application_id
            s.add(CardApplication(
                application_no=number, draft_id=draft_id, person_index=self._index(id_number),
                teller=teller, branch_code=self.branch_code, making_mode="INSTANT",
                collection="BRANCH", status=STATUS_PENDING if pending else STATUS_SUBMITTED,
                op_id=op_id, central_application_id=central_application_id or None,
                central_state=None,
                record={"application_no": number, "id_number": id_number,
                        "applicant": {"name": name}, "making_mode": "INSTANT",
                        "business_zh": business_zh, "replacement": True},
                photo=photo, accepted_at=_naive(accepted_at),
                synced_at=None if pending else utcnow()))
            append_audit(s, self.store.cipher, teller, "replacement.instant_recorded",
                         application_no=number, op_id=op_id, deferred=pending)
            return number
