"""Card applications in the local store: drafts, accepted applications, their outbox message.

- A draft is saved after every change the teller makes (encrypted), so a crash, an idle
  lock or a restart loses nothing; open drafts are offered again at the next start.
- Accepting an application is ONE durable transaction: the application record, the draft
  marked submitted, the audit entry and the outbox message (pending when the central was
  not reached, or already acknowledged when it was) commit together or not at all.
- Persons are found by a blind index of the ID number, never by the number in clear.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from counter_app.domain.applications import (
    Acceptance,
    DraftSummary,
    StoredApplication,
    StoredDraft,
)
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import ApplicationDraft, CardApplication, OutboxMessage, utcnow
from counter_app.store.outbox_repo import add_outbox_message

OPEN = "open"
SUBMITTED = "submitted"
DISCARDED = "discarded"

STATUS_SUBMITTED = "submitted"  # acknowledged by the central
STATUS_PENDING = "pending_sync"  # queued in the outbox


def application_no_prefix(branch_code: str, counter_id: str, accepted_at: dt.datetime) -> str:
    """``branch-YYYYMMDD-counter`` with the Beijing day, the day the printed form shows.

    A naive time is taken as UTC, as the store keeps it.
    """
    aware = accepted_at if accepted_at.tzinfo else accepted_at.replace(tzinfo=dt.UTC)
    day = aware.astimezone(CHINA_TIME).strftime("%Y%m%d")
    return f"{branch_code}-{day}-{counter_id}"


class ApplicationStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def person_index(self, id_number: str) -> str:
        return self.store.cipher.blind_index(id_number, "person")

    # -- drafts ---------------------------------------------------------------------------------
    def save_draft(self, draft_id: str, *, teller: str, step: str, data: dict[str, Any],
                   photo: bytes | None, id_number: str | None) -> None:
        index = self.person_index(id_number) if id_number else None
        with self.store.write() as s:
            row = s.scalars(select(ApplicationDraft).where(
                ApplicationDraft.draft_id == draft_id)).first()
            now = utcnow()
            if row is None:
                s.add(ApplicationDraft(draft_id=draft_id, teller=teller, person_index=index,
                                       step=step, status=OPEN, data=data, photo=photo,
                                       created_at=now, updated_at=now))
                return
            if row.status != OPEN:
                return  # a submitted or discarded draft is never reopened by a late save
            row.step, row.data, row.photo, row.person_index = step, data, photo, index
            row.updated_at = now

    def load_draft(self, draft_id: str) -> StoredDraft | None:
        with self.store.read() as s:
            row = s.scalars(select(ApplicationDraft).where(
                ApplicationDraft.draft_id == draft_id)).first()
            if row is None:
                return None
            return StoredDraft(row.draft_id, row.teller, row.step, row.status, dict(row.data),
                               row.photo)

    def open_drafts(self, teller: str | None = None) -> list[DraftSummary]:
        q = select(ApplicationDraft).where(ApplicationDraft.status == OPEN)
        if teller is not None:
            q = q.where(ApplicationDraft.teller == teller)
        with self.store.read() as s:
            out = []
            for row in s.scalars(q.order_by(ApplicationDraft.updated_at.desc())):
                label = str(row.data.get("label") or QT_TR_NOOP("（尚未录入申请人）"))
                out.append(DraftSummary(row.draft_id, row.teller, row.step, label,
                                        row.updated_at))
            return out

    def discard_draft(self, draft_id: str, *, actor: str, reason: str) -> None:
        with self.store.write(durable=True) as s:
            row = s.scalars(select(ApplicationDraft).where(
                ApplicationDraft.draft_id == draft_id)).first()
            if row is None or row.status != OPEN:
                return
            row.status = DISCARDED
            row.photo = None  # least data: a discarded draft keeps no photo
            row.updated_at = utcnow()
            append_audit(s, self.store.cipher, actor, "application.draft_discarded",
                         draft_id=draft_id, step=row.step, reason=reason)

    # -- audit ------------------------------------------------------------------------------------
    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        with self.store.write(durable=True) as s:
            append_audit(s, self.store.cipher, actor, action, **detail)

    # -- applications -----------------------------------------------------------------------------
    def latest_application_for(self, id_number: str) -> StoredApplication | None:
        """This person's latest application accepted at this counter, if any."""
        index = self.person_index(id_number)
        with self.store.read() as s:
            row = s.scalars(select(CardApplication).where(
                CardApplication.person_index == index)
                .order_by(CardApplication.id.desc()).limit(1)).first()
            return _stored(row) if row else None

    def accept(self, a: Acceptance) -> StoredApplication:
        """Record an accepted application with its audit entry and outbox message, atomically."""
        index = self.person_index(a.id_number)
        with self.store.write(durable=True) as s:
            existing = s.scalars(select(CardApplication).where(
                CardApplication.draft_id == a.draft_id)).first()
            if existing is not None:
                return _stored(existing)  # the same draft accepted twice: no double
            prefix = application_no_prefix(a.branch_code, a.counter_id, a.accepted_at)
            count = s.scalar(select(func.count()).select_from(CardApplication).where(
                CardApplication.application_no.like(prefix + "%"))) or 0
            application_no = f"{prefix}{count + 1:04d}"
            deferred = a.central_response is None
            response = a.central_response or {}
            row = CardApplication(
                application_no=application_no, draft_id=a.draft_id, person_index=index,
                teller=a.teller, branch_code=a.branch_code, making_mode=a.making_mode,
                collection=a.collection, status=STATUS_PENDING if deferred else STATUS_SUBMITTED,
                op_id=a.op_id, central_application_id=response.get("application_id"),
                central_state=response.get("state"),
                record={**a.record, "application_no": application_no}, photo=a.photo,
                accepted_at=_naive(a.accepted_at), synced_at=None if deferred else utcnow(),
            )
            s.add(row)
            add_outbox_message(s, a.operation, index, a.payload, a.op_id, now=a.accepted_at)
            if not deferred:
                s.flush()
                msg = s.scalars(select(OutboxMessage).where(
                    OutboxMessage.op_id == a.op_id)).one()
                msg.status, msg.acked_at, msg.response = "done", utcnow(), response
                msg.attempts, msg.last_attempt_at = 1, utcnow()
            draft = s.scalars(select(ApplicationDraft).where(
                ApplicationDraft.draft_id == a.draft_id)).first()
            if draft is not None:
                draft.status, draft.step, draft.updated_at = SUBMITTED, "done", utcnow()
                draft.photo = None  # the photo now lives with the application only
            append_audit(s, self.store.cipher, a.teller, "application.accepted",
                         application_no=application_no, op_id=a.op_id,
                         deferred=deferred, **a.audit)
            s.flush()
            return _stored(row)

    def get(self, application_no: str) -> StoredApplication | None:
        with self.store.read() as s:
            row = s.scalars(select(CardApplication).where(
                CardApplication.application_no == application_no)).first()
            return _stored(row) if row else None

    def by_draft(self, draft_id: str) -> StoredApplication | None:
        with self.store.read() as s:
            row = s.scalars(select(CardApplication).where(
                CardApplication.draft_id == draft_id)).first()
            return _stored(row) if row else None

    def refresh_from_outbox(self) -> int:
        """Pending applications whose outbox message the central acknowledged become submitted.

        Returns how many changed. The sync worker marks the message done with the central's
        answer; this copies the central application id onto the application.
        """
        changed = 0
        with self.store.write() as s:
            rows = s.execute(
                select(CardApplication, OutboxMessage)
                .join(OutboxMessage, OutboxMessage.op_id == CardApplication.op_id)
                .where(CardApplication.status == STATUS_PENDING,
                       OutboxMessage.status == "done")).all()
            for app, msg in rows:
                response = msg.response or {}
                app.status = STATUS_SUBMITTED
                app.central_application_id = str(response.get("application_id") or "") or None
                app.central_state = str(response.get("state") or "") or None
                app.synced_at = utcnow()
                changed += 1
        return changed

    def outbox_status(self, op_id: str) -> str | None:
        with self.store.read() as s:
            return s.scalar(select(OutboxMessage.status).where(OutboxMessage.op_id == op_id))


def _naive(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


def _stored(row: CardApplication) -> StoredApplication:
    return StoredApplication(
        application_no=row.application_no, draft_id=row.draft_id, status=row.status,
        op_id=row.op_id, making_mode=row.making_mode, collection=row.collection,
        central_application_id=row.central_application_id, central_state=row.central_state,
        record=dict(row.record), photo=row.photo,
        accepted_at=row.accepted_at.replace(tzinfo=dt.UTC),
    )


__all__ = [
    "Acceptance", "ApplicationStore", "DraftSummary", "StoredApplication", "StoredDraft",
    "application_no_prefix",
]
