"""The tamper watch over the audit chain: verify it, hold it against the central's head,
report the head, and raise a blocking alarm that only a supervisor acknowledges.

- At start: the incremental verification from the checkpoint (fast).
- On a schedule (``interval_s``, every few minutes; sooner after a sign-out): the full walk,
  then the central's head is fetched and must be in this chain (same seq, same MAC), then this
  chain's head is reported. A local chain shorter than, or different from, the central's head
  is a break, and so is the central refusing the report (AUDIT_HEAD_REGRESSION / FORK).
- Line down or any other failure to reach the central: try again later (``retry_s``).
- At shutdown (``stop``): one last best-effort round, so the entries written since the last
  report (a sign-out, the day's last business) reach the central before the PC goes off. It
  verifies incrementally from the checkpoint (the scheduled rounds did the full walks; a full
  walk of a long log would not fit the bound) and is bounded by ``FINAL_ROUND_S``: the thread
  is a daemon, so a dead or black-holed line never holds up the exit.

Why not the outbox: an outbox message is one operation, queued in order, sent once and
dead-lettered when refused. A head report is a snapshot where only the newest matters (a
queue of stale heads would be useless), it must be checked against a fresh full walk and the
central's current head at the moment it is sent, not when it was queued, and a refusal is not
a message for a supervisor to retry or discard but the alarm itself. So the watch keeps
nothing queued: each round reports the chain as it stands, and a line down just means the
next round.

A break is kept in the store until a supervisor acknowledges it (it survives a restart); the
acknowledgement is itself an audit entry and re-bases the chain there (see store/audit.py).
The re-base is then owed to the central (``POST …/rebase``: the supervisor, the reason, the
broken head; the central keeps it as evidence and takes the new head as its reference). It is
kept in the store until the central has answered — unlike a head, it is one event that must
arrive — and each round sends the pending re-bases first, in order, before any head report
(a head report before the re-base would be refused as a regression). The alarm is cleared
locally at once: business resumes while the line is down, and the re-base still owed is shown
(``rebase_pending``, ``doctor``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from counter_app.central.api import AuditRebase
from counter_app.central.errors import CentralError, CentralRefusal, is_line_error
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.supervisor import SupervisorApproval

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 15 * 60
RETRY_S = 60.0  # after a line down: soon, but not hammering the central
FINAL_ROUND_S = 5.0  # the most a shutdown waits for the last report
REFUSED_CODES = frozenset({"AUDIT_HEAD_REGRESSION", "AUDIT_HEAD_FORK"})
MIN_REASON = 4  # characters of the supervisor's reason, as for a dead letter


class Verification(Protocol):
    @property
    def ok(self) -> bool: ...
    @property
    def first_bad_seq(self) -> int | None: ...
    @property
    def problem(self) -> str: ...
    @property
    def head(self) -> Any: ...  # .seq and .mac of the last sound entry, or None


class AuditLedger(Protocol):
    """The store's side (``store.audit_ledger.StoreAuditLedger``)."""

    def verify_at_start(self) -> Verification: ...
    def verify_full(self) -> Verification: ...
    def mac_at(self, seq: int) -> str | None: ...
    def acknowledged_central_head(self) -> tuple[int, str] | None: ...
    def open_break(self) -> dict[str, Any] | None: ...
    def record_break(self, info: dict[str, Any]) -> dict[str, Any]: ...
    def acknowledge(self, supervisor: str, reason: str,
                    central_head: tuple[int, str] | None) -> tuple[int, str]: ...
    def pending_rebases(self) -> list[dict[str, Any]] | None:
        """Re-bases not yet confirmed by the central, oldest first; None when forged."""
        ...
    def rebase_delivered(self, seq: int) -> None: ...


class AuditCentral(Protocol):
    """The calls of the central API the watch uses."""

    def audit_head(self, branch_code: str, counter_id: str) -> Any: ...
    def report_audit_head(self, branch_code: str, counter_id: str, *, seq: int,
                          head_sha256: str, idempotency_key: str) -> Any: ...
    def rebase_audit_head(self, branch_code: str, counter_id: str, rebase: AuditRebase, *,
                          idempotency_key: str) -> Any: ...


@dataclass(frozen=True)
class AuditAlarm:
    """A break of the audit chain, as the blocking alarm shows it."""

    source: str  # start | verify | shutdown | central_head | central_refused | unknown
    problem: str
    first_bad_seq: int | None = None
    central_seq: int | None = None
    detected_at: str = ""

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> AuditAlarm:
        def number(key: str) -> int | None:
            value = record.get(key)
            return value if isinstance(value, int) else None

        return cls(source=str(record.get("source", "unknown")),
                   problem=str(record.get("problem", "")), first_bad_seq=number("first_bad_seq"),
                   central_seq=number("central_seq"), detected_at=str(record.get("detected_at", "")))

    @property
    def what_zh(self) -> str:
        found = {"start": QT_TR_NOOP("启动时校验"), "verify": QT_TR_NOOP("定时完整校验"),
                 "central_head": QT_TR_NOOP("与中心链头核对"),
                 "central_refused": QT_TR_NOOP("中心系统拒收链头")}.get(self.source, QT_TR_NOOP("校验"))
        if self.first_bad_seq:
            return zh("{found}发现本柜台的审计日志被篡改、删除或截断（自第 {seq} 条起）：{problem}。",
                      found=found, seq=self.first_bad_seq, problem=self.problem)
        return zh("{found}发现本柜台的审计日志被篡改、删除或截断：{problem}。", found=found, problem=self.problem)

    @property
    def message_zh(self) -> str:
        return zh("{what}\n本柜台的业务已暂停。请立即通知主管到场：由主管核实情况、"
                  "输入主管账号和密码并写明处理理由后方可继续。中心系统保留着此前上报的链头作为证据。",
                  what=self.what_zh)


@dataclass(frozen=True)
class Round:
    """What one round of the watch did (for the log and the tests)."""

    outcome: str  # reported | up_to_date | broken | line_down | failed | empty
    seq: int | None = None
    error_code: str = ""
    rebased: int = 0  # re-bases the central accepted in this round


def _key(branch: str, counter: str, seq: int, mac: str, kind: str = "head") -> str:
    # the MAC is in the key: a different head at the same seq must not replay the old answer
    digest = hashlib.sha256(f"{branch}/{counter}/{seq}/{mac}".encode()).hexdigest()[:40]
    return f"audit-{kind}-{digest}"


MAX_REASON = 500  # the contract's bound; the full reason is in the local audit entry
MAX_PROBLEM = 200


def rebase_of(item: dict[str, Any]) -> AuditRebase:
    """The contract's re-base from a pending record (store/audit.py ``acknowledge_break``)."""
    def number(key: str) -> int | None:
        value = item.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    at = dt.datetime.fromisoformat(str(item["acknowledged_at"]).replace("Z", "+00:00"))
    broken_mac = item.get("broken_mac")
    return AuditRebase(
        seq=int(item["seq"]), head_sha256=str(item["mac"]), supervisor=str(item["supervisor"]),
        reason=str(item["reason"])[:MAX_REASON], acknowledged_at=at,
        broken_seq=number("broken_seq"),
        broken_head_sha256=broken_mac if isinstance(broken_mac, str) else None,
        first_bad_seq=number("first_bad_seq"), problem=str(item.get("problem", ""))[:MAX_PROBLEM])


class AuditWatch:
    def __init__(self, ledger: AuditLedger, central: Callable[[], AuditCentral], *,
                 branch_code: str, counter_id: str, interval_s: float = DEFAULT_INTERVAL_S,
                 retry_s: float = RETRY_S) -> None:
        self.ledger = ledger
        self._central = central  # built on first use: the login window does not wait for it
        self.branch_code, self.counter_id = branch_code, counter_id
        self.interval_s, self.retry_s = interval_s, min(retry_s, interval_s)
        self._alarm: AuditAlarm | None = None
        self._pending = 0  # re-bases owed to the central (shown, not blocking)
        self._state = threading.Lock()  # guards _alarm and _pending (read by the UI thread)
        self._round = threading.Lock()  # one round at a time
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._final = True  # a last round when stopped (Services.close at shutdown)
        self.last_round: Round | None = None

    # -- the alarm ---------------------------------------------------------------------------

    @property
    def alarm(self) -> AuditAlarm | None:
        """The break awaiting a supervisor (kept in memory; cheap for the UI to poll)."""
        with self._state:
            return self._alarm

    @property
    def rebase_pending(self) -> int:
        """Acknowledged re-bases the central has not confirmed yet (line down since)."""
        with self._state:
            return self._pending

    def _count_pending(self) -> list[dict[str, Any]] | None:
        pending = self.ledger.pending_rebases()
        with self._state:
            self._pending = len(pending) if pending is not None else 0
        return pending

    def load_alarm(self) -> AuditAlarm | None:
        record = self.ledger.open_break()
        self._count_pending()
        with self._state:
            self._alarm = AuditAlarm.from_record(record) if record else None
            return self._alarm

    def _raise(self, info: dict[str, Any]) -> AuditAlarm:
        record = self.ledger.record_break(info)  # the first break stays the one shown
        alarm = AuditAlarm.from_record(record)
        with self._state:
            self._alarm = alarm
        log.error("audit chain broken (%s): first bad seq %s", alarm.source, alarm.first_bad_seq)
        return alarm

    def _raise_verification(self, source: str, result: Verification) -> AuditAlarm:
        return self._raise({"source": source, "problem": result.problem,
                            "first_bad_seq": result.first_bad_seq})

    # -- the checks ---------------------------------------------------------------------------

    def check_at_start(self) -> AuditAlarm | None:
        """The incremental verification at start; a break found earlier stays raised."""
        self.load_alarm()
        result = self.ledger.verify_at_start()
        if not result.ok:
            return self._raise_verification("start", result)
        return self.alarm

    def run_round(self, *, full: bool = True) -> Round:
        """Full walk (``full=False``: from the checkpoint, the shutdown's quick round), hold
        the chain against the central's head, report this chain's head."""
        with self._round:
            round_ = self._run_round(full)
        self.last_round = round_
        return round_

    def _run_round(self, full: bool = True) -> Round:
        if self.alarm is not None:
            return Round("broken")  # a broken chain's head is not reported
        pending = self._count_pending()
        if pending is None:
            self._raise({"source": "verify",
                         "problem": QT_TR_NOOP("待上报中心的主管确认记录的校验码不符（被改动）")})
            return Round("broken")
        result = self.ledger.verify_full() if full else self.ledger.verify_at_start()
        if not result.ok:
            self._raise_verification("verify" if full else "shutdown", result)
            return Round("broken")
        if result.head is None:
            return Round("empty")
        seq, mac = int(result.head.seq), str(result.head.mac)
        rebased = 0
        try:
            central = self._central()
            for item in pending:  # owed re-bases first: the central's reference moves back
                rebase = rebase_of(item)
                central.rebase_audit_head(
                    self.branch_code, self.counter_id, rebase,
                    idempotency_key=_key(self.branch_code, self.counter_id, rebase.seq,
                                         rebase.head_sha256, "rebase"))
                self.ledger.rebase_delivered(rebase.seq)
                rebased += 1
                self._count_pending()
            held = self._central_head(central)
            if held is not None:
                if not self._contains(held, seq):
                    return Round("broken", seq, rebased=rebased)
                if seq <= held[0]:  # nothing newer (or not past the evidence)
                    return Round("up_to_date", seq, rebased=rebased)
            central.report_audit_head(self.branch_code, self.counter_id, seq=seq,
                                      head_sha256=mac,
                                      idempotency_key=_key(self.branch_code, self.counter_id, seq, mac))
        except CentralRefusal as refusal:
            if refusal.central_code in REFUSED_CODES:
                details = refusal.details.get("central_seq")
                self._raise({"source": "central_refused", "problem": refusal.message_zh,
                             "central_code": refusal.central_code,
                             "central_seq": details if isinstance(details, int) else None})
                return Round("broken", seq, refusal.central_code, rebased)
            return self._failed(refusal, rebased)
        except CentralError as error:
            return self._failed(error, rebased)
        return Round("reported", seq, rebased=rebased)

    def _failed(self, error: CentralError, rebased: int = 0) -> Round:
        outcome = "line_down" if is_line_error(error) else "failed"
        log.info("audit head or re-base not sent (%s), trying again later", error.code)
        return Round(outcome, None, error.code, rebased)

    def _central_head(self, central: AuditCentral) -> tuple[int, str] | None:
        try:
            head = central.audit_head(self.branch_code, self.counter_id)
        except CentralRefusal as refusal:
            if refusal.status == 404:  # nothing reported yet
                return None
            raise
        return int(head.seq), str(head.head_sha256)

    def _contains(self, held: tuple[int, str], local_seq: int) -> bool:
        """Is the central's head in this chain? The head a supervisor acknowledged as missing
        (the evidence of an earlier break) is let pass; anything else is a new break."""
        central_seq, central_mac = held
        if self.ledger.mac_at(central_seq) == central_mac:
            return True
        if self.ledger.acknowledged_central_head() == held:
            return True
        if central_seq > local_seq:
            problem = zh("本机审计日志只有 {local_seq} 条，短于中心记录的链头（第 {central_seq} 条），"
                         "日志末尾被截断", local_seq=local_seq, central_seq=central_seq)
            first_bad = local_seq + 1
        else:
            problem = zh("本机第 {central_seq} 条与中心记录的链头不一致（日志被截断后重写或被改动）",
                         central_seq=central_seq)
            first_bad = central_seq
        self._raise({"source": "central_head", "problem": problem, "first_bad_seq": first_bad,
                     "central_seq": central_seq})
        return False

    # -- the acknowledgement -----------------------------------------------------------------

    def acknowledge(self, authorise: Callable[[SupervisorApproval], str],
                    approval: SupervisorApproval, reason: str) -> str:
        """A supervisor acknowledges the break: their password and one-time code are checked
        by ``authorise``
        (which audits the authorisation), then the acknowledgement is audited with the break
        and the reason and the chain re-based. Returns the supervisor's user name."""
        from counter_app.domain.errors import ValidationError

        reason = reason.strip()
        if len(reason) < MIN_REASON:
            raise ValidationError("reason", zh("请写明处理理由（至少{min_chars}个字），理由将记入审计日志。",
                                               min_chars=MIN_REASON),
                                  code="REASON_REQUIRED")
        supervisor = authorise(approval)
        evidence = None
        try:  # the central's head as it stands, kept as the acknowledged evidence
            evidence = self._central_head(self._central())
        except Exception as error:  # best effort: acknowledging must not need the line
            log.info("central head not fetched for the acknowledgement (%s)",
                     getattr(error, "code", type(error).__name__))
        with self._round:
            self.ledger.acknowledge(supervisor, reason, evidence)
            with self._state:
                self._alarm = None
            self._count_pending()
        self.wake()  # send the re-base (then the heads) soon
        return supervisor

    # -- the schedule --------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._final = True
        self._thread = threading.Thread(target=self._loop, name="audit-watch", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Run a round now (after a sign-out, after an acknowledgement)."""
        self._wake.set()

    signed_out = wake

    def stop(self, timeout: float = FINAL_ROUND_S, *, final_round: bool = True) -> None:
        """End the schedule. A running watch first does one last round (``final_round``):
        verify from the checkpoint and report, so what was written since the last report is
        at the central. Waits at most ``timeout``; a round still stuck on the line after that
        is left to the daemon thread and dies with the process."""
        thread = self._thread
        if thread is None:
            return
        self._final = final_round
        self._stop.set()
        self._wake.set()
        thread.join(timeout)
        self._thread = None
        if thread.is_alive():
            log.info("last audit head round still waiting on the central at shutdown; not waited for")

    def _safe_round(self, *, full: bool = True) -> Round:
        try:
            return self.run_round(full=full)
        except Exception as error:  # a store error must not end the watch
            log.warning("audit watch round failed: %s", type(error).__name__)
            return Round("failed", None, getattr(error, "code", type(error).__name__))

    def _loop(self) -> None:
        while not self._stop.is_set():
            round_ = self._safe_round()
            wait = self.retry_s if round_.outcome in ("line_down", "failed") else self.interval_s
            self._wake.wait(wait)
            self._wake.clear()
        if self._final:
            round_ = self._safe_round(full=False)
            log.info("audit watch stopped after a last round: %s", round_.outcome)
