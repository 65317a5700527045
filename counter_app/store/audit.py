"""The audit log: append-only, each entry MAC-chained to the one before.

An edited, deleted or reordered entry breaks the chain and is found by
:func:`verify_audit_chain`. A cut tail cannot be seen from the chain alone, so the head
(sequence number and MAC) is also handed to the central; passing that head back as
``expected_head`` detects truncation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.store.crypto import DataCipher, TamperedDataError
from counter_app.store.models import AuditEntry, utcnow

GENESIS_MAC = "0" * 64


@dataclass(frozen=True)
class ChainHead:
    seq: int
    mac: str


@dataclass(frozen=True)
class AuditVerification:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem: str = ""

    @property
    def message_zh(self) -> str:
        if self.ok:
            return f"审计日志完整，共 {self.entries} 条。"
        return f"审计日志被篡改或损坏（自第 {self.first_bad_seq} 条起）：{self.problem}。请立即报告主管。"


def _mac_input(seq: int, at: str, actor: str, action: str, detail: Any, prev: str) -> bytes:
    body = {"seq": seq, "at": at, "actor": actor, "action": action, "detail": detail, "prev": prev}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def append_audit(
    session: Session, cipher: DataCipher, actor: str, action: str, /, **detail: Any
) -> AuditEntry:
    """Add an entry in the caller's transaction (so it commits with the business change)."""
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq, prev = (last.seq + 1, last.mac) if last else (1, GENESIS_MAC)
    at = utcnow().isoformat(timespec="microseconds") + "Z"
    mac = cipher.audit_mac(_mac_input(seq, at, actor, action, detail, prev))
    entry = AuditEntry(
        seq=seq, at=at, actor=actor, action=action, detail=detail, prev_mac=prev, mac=mac
    )
    session.add(entry)
    session.flush()
    return entry


def chain_head(session: Session) -> ChainHead | None:
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return ChainHead(last.seq, last.mac) if last else None


def verify_audit_chain(
    session: Session, cipher: DataCipher, expected_head: ChainHead | None = None
) -> AuditVerification:
    prev, expected_seq, count = GENESIS_MAC, 1, 0
    rows = session.execute(
        select(AuditEntry.seq).order_by(AuditEntry.seq)
    ).scalars().all()
    for seq in rows:
        try:
            entry = session.get(AuditEntry, seq)
            assert entry is not None
            detail = entry.detail
        except TamperedDataError:
            return AuditVerification(False, count, seq, "条目内容无法解密")
        if seq != expected_seq:
            return AuditVerification(False, count, expected_seq, "序号不连续（有条目被删除）")
        if entry.prev_mac != prev:
            return AuditVerification(False, count, seq, "与上一条的链接不符（条目被删除或调换）")
        mac = cipher.audit_mac(
            _mac_input(entry.seq, entry.at, entry.actor, entry.action, detail, entry.prev_mac)
        )
        if mac != entry.mac:
            return AuditVerification(False, count, seq, "条目内容与校验码不符（被修改）")
        prev, expected_seq, count = entry.mac, expected_seq + 1, count + 1
    if expected_head is not None:
        head = session.get(AuditEntry, expected_head.seq)
        if head is None or head.mac != expected_head.mac:
            return AuditVerification(
                False, count, min(expected_head.seq, count + 1), "末尾条目缺失（日志被截断）"
            )
    return AuditVerification(True, count)
