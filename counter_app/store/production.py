"""Central production in the local store: tracked applications, pulled batch lists, the
branch's receipt of a batch and its custody of the cards until they are handed out.

- Every factory-made application the branch took is tracked (``track_local`` copies new ones
  from the accepted applications, replaying the notices pulled before); the central's states
  arrive through the update feed (``track_state_notice``, called by the sync worker's sink in
  its transaction, also starts tracking an application accepted here and not tracked yet).
- Persons are found by blind indexes (ID number, whole name) and cards by a blind index of
  the card number: nothing personal is searchable in clear.
- Receiving a batch is ONE durable transaction: the receipt, the cards into custody with
  their box/slot, the audit entry and the outbox message (held while the counter sends it
  itself, as for card operations: see ``store/card_operations.py``); the answer is recorded
  by op_id through :class:`CardOperationStore`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.production import (
    FAILED,
    IN_CUSTODY,
    SEALED,
    Difference,
    ListedCard,
    PulledBatch,
    ReceiptDraft,
    Tracked,
)
from counter_app.store.audit import append_audit
from counter_app.store.card_operations import CardOperationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store
from counter_app.store.models import (
    CardApplication,
    CentralNotice,
    OutboxMessage,
    ProductionBatch,
    ProductionItem,
    utcnow,
)
from counter_app.store.outbox_repo import add_outbox_message
from counter_app.store.sealed_state import load_sealed, save_sealed

RECEIVED_PENDING = "RECEIVED_PENDING"  # received here, the receipt not yet acknowledged
HANDOUT_PREFIX = "handout:"  # app_state key of a hand-out's record, by application id


def _naive(t: dt.datetime | None) -> dt.datetime | None:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t and t.tzinfo else t


def _utc(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


def normalise_name(name: str) -> str:
    return "".join(name.split())


def _tracked(row: ProductionItem) -> Tracked:
    h = row.holder
    return Tracked(
        application_id=row.application_id, id_number=str(h.get("id_number", "")),
        name=str(h.get("name", "")), state=row.state, kind=row.kind,
        making_mode=row.making_mode, collection=row.collection, branch_code=row.branch_code,
        application_no=row.application_no or "", card_no=row.card_no or "",
        batch_id=row.batch_id or "", ems_tracking_no=row.ems_tracking_no or "",
        failure_reason=row.failure_reason or "",
        guardian_id_number=str(h.get("guardian_id_number") or ""),
        location=row.location or "" if row.custody == IN_CUSTODY else "",
        received_at=_aware(row.received_at), handed_out_at=_aware(row.handed_out_at),
        updated_at=_aware(row.updated_at), sealed_at=_aware(row.sealed_at),
        sealing_list_id=row.sealing_list_id or "")


def _set_card(row: ProductionItem, cipher: DataCipher, card_no: str) -> None:
    row.card_no = card_no
    row.card_index = cipher.blind_index(card_no, "card")


def _new_row(cipher: DataCipher, t: Tracked) -> ProductionItem:
    row = ProductionItem(
        application_id=t.application_id, application_no=t.application_no or None,
        person_index=cipher.blind_index(t.id_number, "person"),
        name_index=cipher.blind_index(normalise_name(t.name), "name"),
        holder={"id_number": t.id_number, "name": t.name,
                "guardian_id_number": t.guardian_id_number or None},
        kind=t.kind, making_mode=t.making_mode, collection=t.collection,
        branch_code=t.branch_code, state=t.state, failure_reason=t.failure_reason or None,
        batch_id=t.batch_id or None, ems_tracking_no=t.ems_tracking_no or None,
        updated_at=utcnow())
    if t.card_no:
        _set_card(row, cipher, t.card_no)
    return row


def _from_application(app: CardApplication) -> Tracked:
    """A factory-made application accepted at this counter, as tracking starts it."""
    r = app.record
    applicant = r.get("applicant") or {}
    guardian = r.get("guardian") or {}
    assert app.central_application_id is not None
    return Tracked(
        application_id=app.central_application_id, id_number=str(r.get("id_number", "")),
        name=str(applicant.get("name", "")) if isinstance(applicant, dict) else "",
        state=app.central_state or "DATA_ENTRY", collection=app.collection,
        making_mode=app.making_mode, branch_code=app.branch_code,
        application_no=app.application_no,
        guardian_id_number=str(guardian.get("id_number", ""))
        if isinstance(guardian, dict) else "")


def track_state_notice(s: Session, cipher: DataCipher, ref: str, data: dict[str, Any]) -> bool:
    """An APPLICATION_STATE notice as the sink receives it: applied to the tracked
    application; an application accepted at this counter and not tracked yet is tracked from
    here, so what the notice carries (card, batch, EMS number, reason) is never lost. False:
    not one of ours (yet); the notice is kept unhandled and replayed by ``track_local``."""
    if apply_state_notice(s, cipher, ref, data):
        return True
    if not data.get("state"):
        return False
    app = s.scalars(select(CardApplication).where(
        CardApplication.central_application_id == ref,
        CardApplication.making_mode == "FACTORY")).first()
    if app is None:
        return False
    s.add(_new_row(cipher, _from_application(app)))
    s.flush()
    return apply_state_notice(s, cipher, ref, data)


def _replay_notices(s: Session, cipher: DataCipher, application_ids: set[str]) -> None:
    """Notices pulled before these applications were tracked (before the central's answer to
    the submission was recorded here), applied in the central's order and marked handled."""
    if not application_ids:
        return
    pending = s.scalars(select(CentralNotice).where(
        CentralNotice.kind == "APPLICATION_STATE", CentralNotice.handled_at.is_(None))
        .order_by(CentralNotice.seq))  # ref is encrypted: filtered here, not in SQL
    for notice in pending:
        if notice.ref in application_ids and apply_state_notice(
                s, cipher, notice.ref, dict(notice.data)):
            notice.handled_at = utcnow()


def apply_state_notice(s: Session, cipher: DataCipher, ref: str, data: dict[str, Any]) -> bool:
    """An APPLICATION_STATE notice applied to the tracked application (True: it is ours)."""
    row = s.scalars(select(ProductionItem).where(ProductionItem.application_id == ref)).first()
    state = data.get("state")
    if row is None or not state:
        return False
    row.state = str(state)
    if data.get("card_no"):
        _set_card(row, cipher, str(data["card_no"]))
    for key in ("batch_id", "ems_tracking_no", "failure_reason"):
        if data.get(key):
            setattr(row, key, str(data[key]))
    if row.state != FAILED:
        row.failure_reason = None  # made again (re-submitted): the old reason no longer holds
    row.updated_at = utcnow()
    return True


class ProductionStore:
    """Implements workflows.production.ProductionRepository."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ops = CardOperationStore(store)  # the answer recorded by op_id, as for losses

    def _person(self, id_number: str) -> str:
        return self.store.cipher.blind_index(id_number, "person")

    def _name(self, name: str) -> str:
        return self.store.cipher.blind_index(normalise_name(name), "name")

    # -- tracking ------------------------------------------------------------------------------
    def track_local(self) -> int:
        """Start tracking the factory-made applications the central has acknowledged, with
        any notice pulled before; returns how many are new."""
        with self.store.write() as s:
            tracked = select(ProductionItem.application_id)
            rows = s.scalars(select(CardApplication).where(
                CardApplication.making_mode == "FACTORY",
                CardApplication.central_application_id.is_not(None),
                CardApplication.central_application_id.not_in(tracked))).all()
            for app in rows:
                s.add(_new_row(self.store.cipher, _from_application(app)))
            if rows:
                s.flush()
                _replay_notices(s, self.store.cipher,
                                {str(app.central_application_id) for app in rows})
            return len(rows)

    def add(self, items: Sequence[Tracked]) -> None:
        """Track applications known otherwise (tests, a migration from the old system)."""
        with self.store.write() as s:
            for t in items:
                self._add(s, t)

    def _add(self, s: Session, t: Tracked) -> None:
        s.add(_new_row(self.store.cipher, t))

    def search(self, text: str, limit: int = 50) -> list[Tracked]:
        """By application number (the central's or the printed one), ID number, card number or
        whole name: exact matches on indexed columns, newest first."""
        q = text.strip().upper() if text.strip()[:1].isascii() else text.strip()
        if not q:
            return []
        c = ProductionItem
        # one indexed look-up per column the text can be (an OR over the columns scans the
        # table); a printed number (branch-day-counter…) is looked up only when it looks like one
        conds = [c.application_id == q, c.name_index == self._name(q)]
        if q.isascii():
            conds.append(c.card_index == self.store.cipher.blind_index(q, "card"))
            if len(q) == 18:
                conds.append(c.person_index == self._person(q))
            if q.count("-") >= 2:
                conds.append(c.application_no == q)
        with self.store.read() as s:
            rows: dict[int, ProductionItem] = {}
            for cond in conds:
                for r in s.scalars(select(c).where(cond).limit(limit)):
                    rows[r.id] = r
            return [_tracked(rows[k]) for k in sorted(rows, reverse=True)[:limit]]

    def get(self, application_id: str) -> Tracked | None:
        with self.store.read() as s:
            row = s.scalars(select(ProductionItem).where(
                ProductionItem.application_id == application_id)).first()
            return _tracked(row) if row else None

    def update_state(self, application_id: str, state: str, *, card_no: str = "",
                     failure_reason: str = "") -> None:
        """What the central answered now (a lookup, a hand-out, an activation)."""
        data: dict[str, Any] = {"state": state, "card_no": card_no,
                                "failure_reason": failure_reason}
        with self.store.write() as s:
            apply_state_notice(s, self.store.cipher, application_id, data)

    # -- batches ----------------------------------------------------------------------------------
    def update_states(self, states: dict[str, str]) -> None:
        """Several applications' states in one transaction (a batch's receipt answered)."""
        with self.store.write() as s:
            for application_id, state in states.items():
                apply_state_notice(s, self.store.cipher, application_id, {"state": state})

    def save_batches(self, batches: Sequence[PulledBatch]) -> None:
        """The central's lists as pulled now; a batch received here and not yet acknowledged
        keeps its local state."""
        with self.store.write() as s:
            for b in batches:
                row = s.scalars(select(ProductionBatch).where(
                    ProductionBatch.batch_id == b.batch_id)).first()
                listed: list[object] = [asdict(i) for i in b.items]
                self._listed_tracked(s, b)
                if row is None:
                    s.add(ProductionBatch(batch_id=b.batch_id, state=b.state, listed=listed,
                                          pulled_at=utcnow(), received_at=_naive(b.received_at)))
                    continue
                row.listed, row.pulled_at = listed, utcnow()
                if row.state != RECEIVED_PENDING or b.state == "RECEIVED":
                    row.state = b.state

    def _listed_tracked(self, s: Session, b: PulledBatch) -> None:
        """Every card on a list is tracked with its card number, also an application another
        counter of the branch took (its name is then not known here: found by ID number)."""
        ids = [i.application_id for i in b.items]
        known = {r.application_id: r for r in s.scalars(select(ProductionItem).where(
            ProductionItem.application_id.in_(ids)))}
        for item in b.items:
            row = known.get(item.application_id)
            if row is None:
                self._add(s, Tracked(application_id=item.application_id, id_number=item.id_number,
                                     name="", state="SHIPPED", card_no=item.card_no,
                                     batch_id=b.batch_id))
                continue
            if item.card_no and not row.card_no:
                _set_card(row, self.store.cipher, item.card_no)
            row.batch_id = b.batch_id

    def unnamed(self, limit: int = 500) -> list[tuple[str, str]]:
        """(application id, ID number) of tracked applications whose holder's name is not
        known here (listed in a batch, taken at another counter)."""
        empty = self._name("")
        with self.store.read() as s:
            rows = s.scalars(select(ProductionItem).where(
                ProductionItem.name_index == empty).limit(limit)).all()
            return [(r.application_id, str(r.holder.get("id_number", ""))) for r in rows]

    def set_names(self, names: dict[str, str]) -> None:
        with self.store.write() as s:
            for row in s.scalars(select(ProductionItem).where(
                    ProductionItem.application_id.in_(list(names)))):
                name = names[row.application_id]
                row.holder = {**row.holder, "name": name}
                row.name_index = self._name(name)

    def batches(self, *, open_only: bool = True) -> list[PulledBatch]:
        with self.store.read() as s:
            q = select(ProductionBatch)
            if open_only:
                q = q.where(ProductionBatch.state == "SHIPPED")
            return [self._batch(r) for r in s.scalars(q.order_by(ProductionBatch.id))]

    def batch(self, batch_id: str) -> PulledBatch | None:
        with self.store.read() as s:
            row = s.scalars(select(ProductionBatch).where(
                ProductionBatch.batch_id == batch_id)).first()
            return self._batch(row) if row else None

    @staticmethod
    def _batch(row: ProductionBatch) -> PulledBatch:
        items = tuple(ListedCard(**i) for i in row.listed if isinstance(i, dict))
        return PulledBatch(row.batch_id, row.state, items, _aware(row.pulled_at),
                           _aware(row.received_at))

    def receipt(self, batch_id: str) -> dict[str, Any] | None:
        with self.store.read() as s:
            return s.scalar(select(ProductionBatch.receipt).where(
                ProductionBatch.batch_id == batch_id))

    def receive(self, *, batch_id: str, teller: str, placed: Sequence[tuple[str, str]],
                differences: Sequence[Difference], op_id: str, payload: dict[str, Any],
                hold_s: float, now: dt.datetime) -> None:
        """The receipt, the cards into custody (``placed``: application id and box/slot), the
        audit entry and the held outbox message, together or not at all."""
        with self.store.write(durable=True) as s:
            if s.scalar(select(OutboxMessage.id).where(OutboxMessage.op_id == op_id)):
                return  # the same receipt begun before (a retry): one message
            b = s.scalars(select(ProductionBatch).where(
                ProductionBatch.batch_id == batch_id)).one()
            b.state, b.op_id, b.received_by = RECEIVED_PENDING, op_id, teller
            b.received_at = _naive(now)
            b.receipt = {"placed": [list(p) for p in placed],
                         "differences": [asdict(d) for d in differences],
                         "teller": teller, "at": now.isoformat()}
            b.draft, b.draft_teller, b.draft_updated_at = None, None, None  # the draft is done
            for application_id, location in placed:
                row = s.scalars(select(ProductionItem).where(
                    ProductionItem.application_id == application_id)).first()
                if row is None:
                    continue  # another branch's application in our box: reported, not kept
                row.custody, row.location, row.received_at = IN_CUSTODY, location, _naive(now)
                row.batch_id = batch_id
                row.updated_at = utcnow()
            add_outbox_message(s, "batches.receive", f"batch:{batch_id}", payload, op_id, now=now)
            s.flush()
            if hold_s > 0:
                msg = s.scalars(select(OutboxMessage).where(OutboxMessage.op_id == op_id)).one()
                msg.next_attempt_at = _utc(now + dt.timedelta(seconds=hold_s))
            append_audit(s, self.store.cipher, teller, "production.batch_received",
                         batch_id=batch_id, op_id=op_id, received=len(placed),
                         differences=[d.kind for d in differences])

    def receipt_acknowledged(self, batch_id: str) -> None:
        with self.store.write() as s:
            b = s.scalars(select(ProductionBatch).where(
                ProductionBatch.batch_id == batch_id)).one()
            b.state = "RECEIVED"

    # -- custody and hand-out ---------------------------------------------------------------------
    def in_custody(self) -> list[Tracked]:
        """Cards received and not handed out, oldest first (the uncollected list)."""
        with self.store.read() as s:
            rows = s.scalars(select(ProductionItem).where(
                ProductionItem.custody == IN_CUSTODY).order_by(ProductionItem.received_at))
            return [_tracked(r) for r in rows]

    def by_card(self, card_no: str) -> Tracked | None:
        with self.store.read() as s:
            row = s.scalars(select(ProductionItem).where(
                ProductionItem.card_index == self.store.cipher.blind_index(card_no, "card"))
            ).first()
            return _tracked(row) if row else None

    def handed_out(self, application_id: str, *, teller: str, collector: dict[str, Any],
                   now: dt.datetime) -> None:
        """Out of custody, with who collected it (encrypted with the holder's data)."""
        with self.store.write(durable=True) as s:
            row = s.scalars(select(ProductionItem).where(
                ProductionItem.application_id == application_id)).one()
            row.custody, row.handed_out_at = None, _naive(now)
            row.holder = {**row.holder, "collector": collector}
            row.updated_at = utcnow()
            append_audit(s, self.store.cipher, teller, "production.handed_out",
                         application_id=application_id, collector=collector.get("kind", ""))

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        self.ops.audit(actor, action, **detail)

    # -- a hand-out in progress (resumed after a restart, sign-out or idle lock) -------------------
    def save_handout(self, application_id: str, data: dict[str, Any], *,
                     durable: bool = True) -> None:
        """The hand-out's envelope (its step, record and idempotency keys), one value in
        ``app_state`` encrypted with the store's data key bound to its key (as issuance
        records): nothing about the person in clear. ``durable`` before each central call,
        so the keys survive whatever stops the counter next."""
        save_sealed(self.store, HANDOUT_PREFIX + application_id, data, durable=durable)

    def load_handout(self, application_id: str) -> dict[str, Any] | None:
        data = load_sealed(self.store, HANDOUT_PREFIX + application_id)
        return data if isinstance(data, dict) else None

    # -- a receipt in progress (draft) ------------------------------------------------------------
    def save_receipt_draft(self, batch_id: str, *, teller: str, data: dict[str, Any]) -> None:
        """The receipt's envelope (cards read so far, the step, the journal), encrypted with the
        batch's row; a batch already received keeps no draft."""
        with self.store.write() as s:
            b = s.scalars(select(ProductionBatch).where(
                ProductionBatch.batch_id == batch_id)).first()
            if b is None or b.state != "SHIPPED":
                return
            b.draft, b.draft_teller, b.draft_updated_at = data, teller, utcnow()

    def load_receipt_draft(self, batch_id: str) -> dict[str, Any] | None:
        with self.store.read() as s:
            b = s.scalars(select(ProductionBatch).where(
                ProductionBatch.batch_id == batch_id)).first()
            return dict(b.draft) if b is not None and b.draft is not None else None

    def receipt_drafts(self) -> list[ReceiptDraft]:
        """Receipts begun and not confirmed, newest first (offered again at the next start)."""
        with self.store.read() as s:
            rows = s.scalars(select(ProductionBatch).where(
                ProductionBatch.draft_teller.is_not(None), ProductionBatch.state == "SHIPPED")
                .order_by(ProductionBatch.draft_updated_at.desc()))
            out = []
            for b in rows:
                data = b.draft or {}
                record = data.get("record")
                reads = record.get("reads", []) if isinstance(record, dict) else []
                out.append(ReceiptDraft(b.batch_id, b.draft_teller or "",
                                        len(reads) if isinstance(reads, list) else 0,
                                        str(data.get("step", "")),
                                        _aware(b.draft_updated_at)))
            return out

    def discard_receipt_draft(self, batch_id: str, *, actor: str, reason: str) -> None:
        with self.store.write(durable=True) as s:
            b = s.scalars(select(ProductionBatch).where(
                ProductionBatch.batch_id == batch_id)).first()
            if b is None or b.draft is None:
                return
            b.draft, b.draft_teller, b.draft_updated_at = None, None, None
            append_audit(s, self.store.cipher, actor, "production.receipt_draft_discarded",
                         batch_id=batch_id, reason=reason)

    # -- a failed production: re-submitted or cancelled -------------------------------------------
    def begin_central_operation(self, application_id: str, *, operation: str, op_id: str,
                                payload: dict[str, Any], actor: str, action: str,
                                detail: dict[str, Any], hold_s: float, now: dt.datetime,
                                state: str = "") -> None:
        """The operation's outbox message (its key kept before anything is sent, held while
        the counter sends it itself) and the audit entry, in one durable transaction, in the
        person's order; ``state`` is what the tracked application shows meanwhile."""
        with self.store.write(durable=True) as s:
            if s.scalar(select(OutboxMessage.id).where(OutboxMessage.op_id == op_id)):
                return  # the same key begun before (a retry): one message
            row = s.scalars(select(ProductionItem).where(
                ProductionItem.application_id == application_id)).one()
            add_outbox_message(s, operation, row.person_index, payload, op_id, now=now)
            s.flush()
            if hold_s > 0:
                msg = s.scalars(select(OutboxMessage).where(OutboxMessage.op_id == op_id)).one()
                msg.next_attempt_at = _utc(now + dt.timedelta(seconds=hold_s))
            if state:
                row.state, row.updated_at = state, utcnow()
            append_audit(s, self.store.cipher, actor, action, application_id=application_id,
                         op_id=op_id, **detail)

    # -- sealing (封存) ---------------------------------------------------------------------------
    def seal(self, items: Sequence[tuple[str, str, dict[str, Any]]], *, sealing_list_id: str,
             teller: str, hold_s: float, now: dt.datetime) -> list[str]:
        """Cards past the keeping period out of custody onto one sealing list, each with its
        outbox message (application id, op_id, payload), and the audit entry: together or not
        at all. Returns the application ids sealed (a card no longer in custody is left out)."""
        sealed: list[str] = []
        with self.store.write(durable=True) as s:
            for application_id, op_id, payload in items:
                row = s.scalars(select(ProductionItem).where(
                    ProductionItem.application_id == application_id)).first()
                if row is None or row.custody != IN_CUSTODY:
                    continue
                row.custody, row.sealed_at = SEALED, _naive(now)
                row.sealing_list_id, row.updated_at = sealing_list_id, utcnow()
                add_outbox_message(s, "applications.seal", row.person_index, payload, op_id,
                                   now=now)
                s.flush()
                if hold_s > 0:
                    msg = s.scalars(select(OutboxMessage).where(
                        OutboxMessage.op_id == op_id)).one()
                    msg.next_attempt_at = _utc(now + dt.timedelta(seconds=hold_s))
                sealed.append(application_id)
            append_audit(s, self.store.cipher, teller, "production.sealed",
                         sealing_list_id=sealing_list_id, cards=len(sealed),
                         application_ids=sealed)
        return sealed

    def sealing_list(self, sealing_list_id: str) -> list[tuple[Tracked, str]]:
        """The cards on a sealing list with the box/slot each was kept in."""
        with self.store.read() as s:
            rows = s.scalars(select(ProductionItem).where(
                ProductionItem.sealing_list_id == sealing_list_id).order_by(ProductionItem.id))
            return [(_tracked(r), r.location or "") for r in rows]
