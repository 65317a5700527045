"""The audit chain as the tamper watch (workflows/audit_watch.py) sees it: verify, look up,
record a break, acknowledge it. Each call is one transaction of the store."""

from __future__ import annotations

from typing import Any

from counter_app.store import audit
from counter_app.store.audit import AuditVerification, ChainHead
from counter_app.store.database import Store


class StoreAuditLedger:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _verified(self, result: AuditVerification) -> AuditVerification:
        if result.ok and result.head is not None:
            with self.store.write() as s:
                audit.save_checkpoint(s, self.store.cipher, result.head)
        return result

    def verify_at_start(self) -> AuditVerification:
        with self.store.read() as s:
            result = audit.verify_from_checkpoint(s, self.store.cipher)
        return self._verified(result)

    def verify_full(self) -> AuditVerification:
        with self.store.read() as s:
            result = audit.verify_audit_chain(s, self.store.cipher)
        return self._verified(result)

    def mac_at(self, seq: int) -> str | None:
        with self.store.read() as s:
            return audit.mac_at(s, seq)

    def acknowledged_central_head(self) -> tuple[int, str] | None:
        with self.store.read() as s:
            head = audit.acknowledged_central_head(s, self.store.cipher)
        return None if head is None else (head.seq, head.mac)

    def open_break(self) -> dict[str, Any] | None:
        with self.store.read() as s:
            return audit.open_break(s)

    def record_break(self, info: dict[str, Any]) -> dict[str, Any]:
        with self.store.write(durable=True) as s:
            return audit.record_break(s, info)

    def acknowledge(self, supervisor: str, reason: str,
                    central_head: tuple[int, str] | None) -> tuple[int, str]:
        evidence = None if central_head is None else ChainHead(*central_head)
        with self.store.write(durable=True) as s:
            head = audit.acknowledge_break(s, self.store.cipher, supervisor, reason, evidence)
        return head.seq, head.mac

    def pending_rebases(self) -> list[dict[str, Any]] | None:
        with self.store.read() as s:
            return audit.pending_rebases(s, self.store.cipher)

    def rebase_delivered(self, seq: int) -> None:
        with self.store.write(durable=True) as s:
            audit.rebase_delivered(s, self.store.cipher, seq)
