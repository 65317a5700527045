"""The audit log: append-only, each entry MAC-chained to the one before.

An edited, deleted or reordered entry breaks the chain and is found by a walk over it
(:func:`verify_audit_chain`). A cut tail cannot be seen from the chain alone, so the head
(sequence number and MAC) is also handed to the central; passing that head back as
``expected_head`` detects truncation.

Three small records in ``app_state`` go with the chain, each MAC-protected with the store's
key where forging it would hide something:

- the **checkpoint** (seq + MAC of the last entry a walk found sound): start-up verifies only
  from there, so it stays fast however long the log grows. Trade-off: start-up sees a cut or
  regrown tail, a missing middle entry (row count) and the checkpoint entry itself, but not an
  entry edited or swapped *before* the checkpoint with its MAC column left as it was; the full
  walk sees those, and it runs in ``doctor`` and before every head report (so within one
  report interval while the counter runs). Editing the checkpoint to skip entries fails its MAC.
- the **break**: a detected break, kept until a supervisor acknowledges it (survives a restart).
- the **re-base**: written by the acknowledgement. The rows up to the acknowledgement entry are
  accepted as they stood (a digest of them, MAC-protected, so a later edit there is still
  found) and the chain is walked from that entry on. The central keeps the reported heads, so
  the evidence of what was there before stays outside this PC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.store.crypto import DataCipher, TamperedDataError
from counter_app.store.models import AppState, AuditEntry, utcnow

GENESIS_MAC = "0" * 64
DETAIL_CONTEXT = "audit_log.detail"
CHECKPOINT_STATE = "audit_checkpoint"
REBASE_STATE = "audit_rebase"
BREAK_STATE = "audit_break"
PENDING_REBASE_STATE = "audit_rebase_pending"  # re-bases acknowledged, not yet at the central
ACK_ACTION = "audit.break_acknowledged"

_ROWS_AFTER = ("SELECT seq, at, actor, action, detail, prev_mac, mac FROM audit_log "
               "WHERE seq > ? ORDER BY seq")
_ROWS_UP_TO = ("SELECT seq, at, actor, action, detail, prev_mac, mac FROM audit_log "
               "WHERE seq <= ? ORDER BY seq")

# runs one SQL statement with parameters and yields its rows (a Session or a raw sqlite3
# connection: doctor reads the file without opening the store)
Fetch = Callable[[str, tuple[Any, ...]], Iterable[Sequence[Any]]]


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
    head: ChainHead | None = None  # the last sound entry (when ok)

    @property
    def message_zh(self) -> str:
        if self.ok:
            return zh("审计日志完整，共 {entries} 条。", entries=self.entries)
        where = zh("（自第 {first_bad_seq} 条起）", first_bad_seq=self.first_bad_seq) \
            if self.first_bad_seq else ""
        return zh("审计日志被篡改或损坏{where}：{problem}。请立即报告主管。", where=where,
                  problem=self.problem)


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


# -- the walk ---------------------------------------------------------------------------------

def _entry_mac(cipher: DataCipher, row: Sequence[Any]) -> str | None:
    """The MAC ``row`` should carry, or None when its detail does not decrypt."""
    seq, at, actor, action, blob, prev_mac, _mac = row
    try:
        detail = json.loads(cipher.decrypt(bytes(blob), DETAIL_CONTEXT))
    except (TamperedDataError, TypeError, ValueError):
        return None
    return cipher.audit_mac(_mac_input(int(seq), str(at), str(actor), str(action), detail,
                                       str(prev_mac)))


def _walk(rows: Iterable[Sequence[Any]], cipher: DataCipher, *, prev: str, next_seq: int,
          count: int, last: ChainHead | None) -> AuditVerification:
    for row in rows:
        seq, mac = int(row[0]), str(row[6])
        if seq != next_seq:
            return AuditVerification(False, count, next_seq, QT_TR_NOOP("序号不连续（有条目被删除）"))
        if str(row[5]) != prev:
            return AuditVerification(False, count, seq, QT_TR_NOOP("与上一条的链接不符（条目被删除或调换）"))
        expected = _entry_mac(cipher, row)
        if expected is None:
            return AuditVerification(False, count, seq, QT_TR_NOOP("条目内容无法解密"))
        if not hmac.compare_digest(expected, mac):
            return AuditVerification(False, count, seq, QT_TR_NOOP("条目内容与校验码不符（被修改）"))
        prev, next_seq, count, last = mac, next_seq + 1, count + 1, ChainHead(seq, mac)
    return AuditVerification(True, count, head=last)


def _row_digest(rows: Iterable[Sequence[Any]]) -> tuple[str, int]:
    """SHA-256 over the raw rows (as stored) and their number."""
    digest, n = hashlib.sha256(), 0
    for seq, at, actor, action, blob, prev_mac, mac in rows:
        line = json.dumps([int(seq), at, actor, action, bytes(blob).hex(), prev_mac, mac])
        digest.update(line.encode() + b"\n")
        n += 1
    return digest.hexdigest(), n


def _tag(cipher: DataCipher, kind: str, record: dict[str, Any]) -> str:
    body = {k: v for k, v in record.items() if k != "tag"}
    # "audit-<kind>\n" can never be the start of an entry's MAC input (a JSON object)
    text = f"audit-{kind}\n" + json.dumps(body, sort_keys=True, separators=(",", ":"))
    return cipher.audit_mac(text.encode())


class _Record:
    """A MAC-protected record in app_state: absent (None), sound (dict) or forged (False)."""

    @staticmethod
    def parse(raw: str | None, cipher: DataCipher, kind: str) -> dict[str, Any] | Literal[False] | None:
        if raw is None:
            return None
        try:
            record = json.loads(raw)
        except ValueError:
            return False
        if not isinstance(record, dict) or not hmac.compare_digest(
                str(record.get("tag", "")), _tag(cipher, kind, record)):
            return False
        return record


def full_walk(fetch: Fetch, state: Callable[[str], str | None], cipher: DataCipher,
              expected_head: ChainHead | None = None) -> AuditVerification:
    """Every entry: from the re-base (if a supervisor acknowledged a break) or the first.

    Also holds the chain against the local checkpoint (a locally kept head: a cut tail is
    found even before the central is asked) and against ``expected_head``.
    """
    rebase = _Record.parse(state(REBASE_STATE), cipher, "rebase")
    if rebase is False:
        return AuditVerification(False, 0, None, QT_TR_NOOP("主管确认记录的校验码不符（被改动）"))
    prev, next_seq, count, last = GENESIS_MAC, 1, 0, None
    if isinstance(rebase, dict):
        base = ChainHead(int(rebase["seq"]), str(rebase["mac"]))
        digest, n = _row_digest(fetch(_ROWS_UP_TO, (base.seq,)))
        if n != int(rebase["rows"]) or not hmac.compare_digest(digest, str(rebase["digest"])):
            return AuditVerification(False, n, None, QT_TR_NOOP("主管确认之前的条目被删除或改动"))
        prev, next_seq, count, last = base.mac, base.seq + 1, n, base
    result = _walk(fetch(_ROWS_AFTER, (next_seq - 1,)), cipher, prev=prev, next_seq=next_seq,
                   count=count, last=last)
    if not result.ok:
        return result
    checkpoint = _Record.parse(state(CHECKPOINT_STATE), cipher, "checkpoint")
    if checkpoint is False:
        return AuditVerification(False, result.entries, None, QT_TR_NOOP("校验检查点的校验码不符（被改动）"))
    for held in (ChainHead(int(checkpoint["seq"]), str(checkpoint["mac"]))
                 if isinstance(checkpoint, dict) else None, expected_head):
        if held is not None and not _holds(fetch, held):
            return AuditVerification(False, result.entries, _cut_at(result, held),
                                     QT_TR_NOOP("末尾条目缺失（日志被截断）"))
    return result


def _holds(fetch: Fetch, head: ChainHead) -> bool:
    rows = list(fetch("SELECT mac FROM audit_log WHERE seq = ?", (head.seq,)))
    return bool(rows) and hmac.compare_digest(str(rows[0][0]), head.mac)


def _cut_at(result: AuditVerification, held: ChainHead) -> int:
    top = result.head.seq if result.head else 0
    return min(held.seq, top + 1)


def _session_fetch(session: Session) -> Fetch:
    conn = session.connection()

    def fetch(sql: str, params: tuple[Any, ...]) -> Iterable[Sequence[Any]]:
        return conn.exec_driver_sql(sql, params)

    return fetch


def _session_state(session: Session) -> Callable[[str], str | None]:
    def state(key: str) -> str | None:
        row = session.get(AppState, key)
        return row.value if row else None

    return state


def verify_audit_chain(
    session: Session, cipher: DataCipher, expected_head: ChainHead | None = None
) -> AuditVerification:
    """The full walk (see :func:`full_walk`), in the session's one read snapshot."""
    return full_walk(_session_fetch(session), _session_state(session), cipher, expected_head)


def verify_from_checkpoint(session: Session, cipher: DataCipher) -> AuditVerification:
    """Start-up verification: the entries after the checkpoint, the checkpoint entry itself
    and the row count up to it (a deleted middle entry); the full walk when there is none yet."""
    fetch, state = _session_fetch(session), _session_state(session)
    checkpoint = _Record.parse(state(CHECKPOINT_STATE), cipher, "checkpoint")
    if checkpoint is None:
        return full_walk(fetch, state, cipher)
    if checkpoint is False:
        return AuditVerification(False, 0, None, QT_TR_NOOP("校验检查点的校验码不符（被改动）"))
    rebase = _Record.parse(state(REBASE_STATE), cipher, "rebase")
    if rebase is False:
        return AuditVerification(False, 0, None, QT_TR_NOOP("主管确认记录的校验码不符（被改动）"))
    cp = ChainHead(int(checkpoint["seq"]), str(checkpoint["mac"]))
    rows = list(fetch(_ROWS_AFTER, (cp.seq - 1,)))
    if not rows or int(rows[0][0]) != cp.seq:
        top = session.connection().exec_driver_sql("SELECT MAX(seq) FROM audit_log").scalar()
        first_bad = min(cp.seq, int(top or 0) + 1)
        return AuditVerification(False, 0, first_bad, QT_TR_NOOP("末尾条目缺失（日志被截断）"))
    expected = _entry_mac(cipher, rows[0])
    if str(rows[0][6]) != cp.mac or expected is None or not hmac.compare_digest(expected, cp.mac):
        return AuditVerification(False, 0, cp.seq,
                                 QT_TR_NOOP("检查点所在条目被改动（日志被截断后重写或条目被修改）"))
    base_seq, base_rows = (int(rebase["seq"]), int(rebase["rows"])) if isinstance(rebase, dict) else (0, 0)
    counted = session.connection().exec_driver_sql(
        "SELECT COUNT(*) FROM audit_log WHERE seq <= ?", (cp.seq,)).scalar()
    if int(counted or 0) != base_rows + (cp.seq - base_seq):
        # an entry at or before the checkpoint is gone (rare): the full walk decides and names
        # it, also where it lies before an acknowledged re-base (whose own gaps are legitimate)
        walked = full_walk(fetch, state, cipher)
        return walked if walked.ok else AuditVerification(False, 0, walked.first_bad_seq, walked.problem)
    return _walk(rows[1:], cipher, prev=cp.mac, next_seq=cp.seq + 1, count=int(counted or 0), last=cp)


# -- the records beside the chain ---------------------------------------------------------------

def _put(session: Session, key: str, value: str | None) -> None:
    row = session.get(AppState, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(AppState(key=key, value=value))
    else:
        row.value = value


def save_checkpoint(session: Session, cipher: DataCipher, head: ChainHead) -> None:
    """Move the checkpoint forward to ``head`` (never back: a stale walk must not undo a newer one)."""
    current = _Record.parse(_session_state(session)(CHECKPOINT_STATE), cipher, "checkpoint")
    if isinstance(current, dict) and int(current["seq"]) >= head.seq:
        return
    record: dict[str, Any] = {"seq": head.seq, "mac": head.mac}
    record["tag"] = _tag(cipher, "checkpoint", record)
    _put(session, CHECKPOINT_STATE, json.dumps(record, sort_keys=True))


def open_break(session: Session) -> dict[str, Any] | None:
    raw = _session_state(session)(BREAK_STATE)
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    # a mangled record is still a break: better a false alarm than a silent one
    return value if isinstance(value, dict) else {"source": "unknown", "problem": QT_TR_NOOP("告警记录损坏")}


def record_break(session: Session, info: dict[str, Any]) -> dict[str, Any]:
    """Keep the first break until it is acknowledged; later findings do not overwrite it."""
    current = open_break(session)
    if current is not None:
        return current
    record = {**info, "detected_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    _put(session, BREAK_STATE, json.dumps(record, ensure_ascii=False, sort_keys=True))
    return record


def acknowledge_break(session: Session, cipher: DataCipher, supervisor: str, reason: str,
                      central_head: ChainHead | None) -> ChainHead:
    """A supervisor's acknowledgement: an audit entry that records the break, the supervisor
    and the reason; the chain is re-based on it and the checkpoint moved there."""
    found = open_break(session) or {}
    detail = {k: v for k, v in found.items() if isinstance(v, (str, int)) and k != "reason"}
    if central_head is not None:
        detail.update(central_seq=central_head.seq, central_mac=central_head.mac)
    entry = append_audit(session, cipher, supervisor, ACK_ACTION, reason=reason, **detail)
    digest, rows = _row_digest(_session_fetch(session)(_ROWS_UP_TO, (entry.seq,)))
    rebase: dict[str, Any] = {"seq": entry.seq, "mac": entry.mac, "digest": digest, "rows": rows,
                              "central_seq": central_head.seq if central_head else None,
                              "central_mac": central_head.mac if central_head else None}
    rebase["tag"] = _tag(cipher, "rebase", rebase)
    _put(session, REBASE_STATE, json.dumps(rebase, sort_keys=True))
    checkpoint: dict[str, Any] = {"seq": entry.seq, "mac": entry.mac}
    checkpoint["tag"] = _tag(cipher, "checkpoint", checkpoint)
    _put(session, CHECKPOINT_STATE, json.dumps(checkpoint, sort_keys=True))
    _put(session, BREAK_STATE, None)
    # the central must learn of the re-base (it keeps it as evidence and takes the new head as
    # its reference); kept until it has answered, in order, whatever the line does meanwhile
    queued = pending_rebases(session, cipher) or []
    queued.append({
        "seq": entry.seq, "mac": entry.mac, "supervisor": supervisor, "reason": reason,
        "acknowledged_at": entry.at,
        "broken_seq": central_head.seq if central_head else _int_or_none(found.get("central_seq")),
        "broken_mac": central_head.mac if central_head else None,
        "first_bad_seq": _int_or_none(found.get("first_bad_seq")),
        "problem": str(found.get("problem", ""))})
    _put_pending(session, cipher, queued)
    return ChainHead(entry.seq, entry.mac)


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _put_pending(session: Session, cipher: DataCipher, items: list[dict[str, Any]]) -> None:
    if not items:
        _put(session, PENDING_REBASE_STATE, None)
        return
    record: dict[str, Any] = {"items": items}
    record["tag"] = _tag(cipher, "rebase-pending", record)
    _put(session, PENDING_REBASE_STATE, json.dumps(record, ensure_ascii=False, sort_keys=True))


def pending_rebases(session: Session, cipher: DataCipher) -> list[dict[str, Any]] | None:
    """The acknowledged re-bases the central has not confirmed yet, oldest first ([] when
    none); None when the record's MAC does not hold (it was changed: itself a break)."""
    record = _Record.parse(_session_state(session)(PENDING_REBASE_STATE), cipher,
                           "rebase-pending")
    if record is False or (isinstance(record, dict) and not isinstance(record.get("items"), list)):
        return None
    return list(record["items"]) if isinstance(record, dict) else []


def rebase_delivered(session: Session, cipher: DataCipher, seq: int) -> None:
    """The central accepted the re-base at ``seq``: drop it from the pending ones."""
    items = pending_rebases(session, cipher)
    if items is not None:
        _put_pending(session, cipher, [i for i in items if i.get("seq") != seq])


def acknowledged_central_head(session: Session, cipher: DataCipher) -> ChainHead | None:
    """The central's head a supervisor acknowledged as not in this chain (the evidence)."""
    rebase = _Record.parse(_session_state(session)(REBASE_STATE), cipher, "rebase")
    if isinstance(rebase, dict) and rebase.get("central_seq") is not None:
        return ChainHead(int(rebase["central_seq"]), str(rebase["central_mac"]))
    return None


def mac_at(session: Session, seq: int) -> str | None:
    return session.scalar(select(AuditEntry.mac).where(AuditEntry.seq == seq))


def inspect_audit(path: Any, cipher: DataCipher) -> tuple[AuditVerification, dict[str, Any] | None]:
    """Doctor's read-only full walk over the database file (no store opened, nothing written):
    the verification and the break awaiting a supervisor, if any."""
    import sqlite3
    from pathlib import Path

    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("BEGIN")  # one snapshot for the whole walk

        def fetch(sql: str, params: tuple[Any, ...]) -> Iterable[Sequence[Any]]:
            return conn.execute(sql, params)

        def state(key: str) -> str | None:
            row = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
            return None if row is None else str(row[0])

        result = full_walk(fetch, state, cipher)
        raw = state(BREAK_STATE)
    finally:
        conn.close()
    found: dict[str, Any] | None = None
    if raw is not None:
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        found = value if isinstance(value, dict) else {"problem": QT_TR_NOOP("告警记录损坏")}
    return result, found


def inspect_pending_rebases(path: Any, cipher: DataCipher) -> list[dict[str, Any]] | None:
    """Doctor's read-only look at the re-bases not yet confirmed by the central (see
    :func:`pending_rebases`; None when that record was changed)."""
    import sqlite3
    from pathlib import Path

    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        row = conn.execute("SELECT value FROM app_state WHERE key = ?",
                           (PENDING_REBASE_STATE,)).fetchone()
    finally:
        conn.close()
    record = _Record.parse(None if row is None else str(row[0]), cipher, "rebase-pending")
    if record is False or (isinstance(record, dict) and not isinstance(record.get("items"), list)):
        return None
    return list(record["items"]) if isinstance(record, dict) else []
