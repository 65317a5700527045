"""Card operations (loss, de-loss) in the local store: the outbox message and the audit entry.

The outbox message is written BEFORE the central is called, with the audit entry, in one
durable transaction: its ``op_id`` is the idempotency key the counter sends. While the
counter sends it itself the message is *held* (``next_attempt_at`` in the future), so the
sync worker does not send it at the same time; it still heads its person's queue, so no later
message of that person overtakes it. Then:

- ``sent``: the central answered; the message is ``done`` with the answer;
- ``refused``: the central refused (it keeps that answer under the key); ``done`` too, with
  the refusal's code as its response — the central did answer, nothing is left to send;
- ``release``: the line failed; the sync worker sends it now, under the same key;
- ``withdraw``: nothing reached the central and the business may not wait (de-loss): the
  row stays, ``discarded``, never sent.

The ordering key is the person's blind index, the same as the application store's, so all of
one person's operations reach the central in the order the counter accepted them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from counter_app.store.audit import append_audit
from counter_app.store.database import Store
from counter_app.store.models import OutboxMessage
from counter_app.store.outbox_repo import BLOCKING, add_outbox_message


def _naive(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


class CardOperationStore:
    """Implements workflows.card_loss.CardLossRepository."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def person_index(self, id_number: str) -> str:
        return self.store.cipher.blind_index(id_number, "person")

    def unsent_for(self, id_number: str) -> int:
        """This person's messages not yet acknowledged (pending, held or dead)."""
        index = self.person_index(id_number)
        with self.store.read() as s:
            return int(s.scalar(select(func.count()).select_from(OutboxMessage).where(
                OutboxMessage.ordering_key == index,
                OutboxMessage.status.in_(BLOCKING))) or 0)

    def begin(self, *, op_id: str, operation: str, id_number: str, payload: dict[str, Any],
              actor: str, action: str, detail: dict[str, Any], hold_s: float,
              now: dt.datetime) -> None:
        with self.store.write(durable=True) as s:
            if s.scalar(select(OutboxMessage.id).where(OutboxMessage.op_id == op_id)) is not None:
                return  # the same key begun before (a retry after a failure): one message
            add_outbox_message(s, operation, self.person_index(id_number), payload, op_id, now=now)
            s.flush()
            if hold_s > 0:
                row = s.scalars(select(OutboxMessage).where(OutboxMessage.op_id == op_id)).one()
                row.next_attempt_at = _naive(now + dt.timedelta(seconds=hold_s))
            append_audit(s, self.store.cipher, actor, action, **detail)

    def _row(self, s: Any, op_id: str) -> OutboxMessage:
        row: OutboxMessage = s.scalars(select(OutboxMessage).where(
            OutboxMessage.op_id == op_id)).one()
        return row

    def sent(self, op_id: str, response: dict[str, Any], now: dt.datetime) -> None:
        with self.store.write(durable=True) as s:
            row = self._row(s, op_id)
            if row.status == "done":
                return  # the sync worker confirmed it first
            row.status, row.response, row.last_error = "done", response, None
            row.acked_at = row.last_attempt_at = _naive(now)
            row.attempts += 1

    def refused(self, op_id: str, code: str, now: dt.datetime) -> None:
        with self.store.write(durable=True) as s:
            row = self._row(s, op_id)
            row.status, row.response, row.last_error = "done", {"refused": code}, code
            row.acked_at = row.last_attempt_at = _naive(now)
            row.attempts += 1

    def release(self, op_id: str, error_code: str, now: dt.datetime) -> None:
        with self.store.write(durable=True) as s:
            row = self._row(s, op_id)
            if row.status in ("pending", "sending"):
                row.next_attempt_at = _naive(now)
                row.last_error = error_code
                row.attempts += 1
                row.last_attempt_at = _naive(now)

    def withdraw(self, op_id: str, reason: str, now: dt.datetime) -> None:
        with self.store.write(durable=True) as s:
            row = self._row(s, op_id)
            if row.status in ("pending", "sending"):
                row.status, row.dead_reason = "discarded", reason
                row.resolved_at = _naive(now)
                append_audit(s, self.store.cipher, "system", "card.operation_withdrawn",
                             op_id=op_id, operation=row.operation, reason=reason)

    def status_of(self, op_id: str) -> str | None:
        with self.store.read() as s:
            return s.scalar(select(OutboxMessage.status).where(OutboxMessage.op_id == op_id))

    def audit(self, actor: str, action: str, /, **detail: Any) -> None:
        with self.store.write(durable=True) as s:
            append_audit(s, self.store.cipher, actor, action, **detail)
