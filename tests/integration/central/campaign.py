"""SIGKILL campaign: the counter process is killed at random points during enqueue and drain.

A "zygote" process imports everything once, then for each round forks a child that opens
the real store (SQLite file), enqueues operations (each in its own durable transaction,
acknowledged on a side file only after the commit returned) and drains the outbox to the
reference central over real HTTP. The zygote SIGKILLs the child after a random delay,
reaps it and runs ``PRAGMA integrity_check``. Forking saves the ~1 s import per round, so
hundreds of kills fit in the test suite; ``bench/central_soak.py`` runs thousands.

Checked afterwards: every acknowledged operation is in the outbox and, after a final clean
drain, done (0 lost); the central holds exactly one effect per operation (0 doubled); each
person's operations reached the central in order; every integrity check was ``ok``.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PERSONS = 12
BRANCH = "ICBC-NB-0101"


PHASES = {b"S": "startup", b"E": "enqueue", b"D": "drain"}


def _child(db: Path, key: bytes, url: str, seed: int, ack_path: Path, phase_fd: int) -> None:
    from central_sim.seed import generated_id
    from counter_app.central.client import HttpCentralClient, Timeouts
    from counter_app.central.sync import SyncPolicy, SyncWorker
    from counter_app.store.crypto import DataCipher
    from counter_app.store.database import open_store
    from counter_app.store.models import OutboxMessage
    from counter_app.store.outbox_repo import StoreOutboxRepository, add_outbox_message

    def phase(p: bytes) -> None:  # where the kill lands, read by the zygote afterwards
        os.pwrite(phase_fd, p, 0)

    phase(b"S")
    rng = random.Random(seed)
    cipher = DataCipher(key)
    store = open_store(db, cipher, exclusive=True)
    repo = StoreOutboxRepository(store)
    client = HttpCentralClient(url, timeouts=Timeouts(connect=1, read=2),
                               client_id=f"{BRANCH}/C01")
    worker = SyncWorker(repo, client, branch_code=BRANCH, rng=rng,
                        policy=SyncPolicy(base_backoff_s=0.0, max_backoff_s=0.0, jitter=0))
    ack = os.open(ack_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    while True:
        phase(b"E")
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.25:  # an audit chain head: the central refuses regressions,
                # so a reordered or lost report would end as a dead letter
                with store.write(durable=True) as s:
                    seq = s.query(OutboxMessage).filter(
                        OutboxMessage.ordering_key == "audit/C01").count() + 1
                    op_id = add_outbox_message(s, "audit.head", "audit/C01", {
                        "branch_code": BRANCH, "counter_id": "C01", "seq": seq,
                        "head_sha256": hashlib.sha256(str(seq).encode()).hexdigest()})
                os.write(ack, f"{op_id}\n".encode())
                continue
            person = rng.randrange(PERSONS)
            id_number = generated_id(100 + person)
            ordering_key = cipher.blind_index(id_number, "person")
            with store.write(durable=True) as s:
                seq = s.query(OutboxMessage).filter(
                    OutboxMessage.ordering_key == ordering_key).count() + 1
                op_id = add_outbox_message(s, "persons.data_change", ordering_key, {
                    "id_number": id_number, "branch_code": BRANCH, "client_seq": seq,
                    "changes": {"phone": f"139{rng.randrange(10**8):08d}"}})
            os.write(ack, f"{op_id}\n".encode())  # only after the commit returned
        phase(b"D")
        worker.drain(max_items=rng.randint(1, 6))


def zygote_main(argv: list[str]) -> int:
    db, key_hex, url, ack_path = Path(argv[0]), argv[1], argv[2], Path(argv[3])
    # Import once here; every forked child reuses it.
    import central_sim.seed  # noqa: F401
    import counter_app.central.client
    import counter_app.central.sync
    import counter_app.store.database
    import counter_app.store.outbox_repo  # noqa: F401

    phase_fd = os.open(str(db) + ".phase", os.O_RDWR | os.O_CREAT, 0o600)
    print("ready", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] != "kill":
            break
        delay_ms, seed, anchor = int(parts[1]), int(parts[2]), parts[3]
        os.pwrite(phase_fd, b"-", 0)
        pid = os.fork()
        if pid == 0:  # child
            try:
                _child(db, bytes.fromhex(key_hex), url, seed, ack_path, phase_fd)
            finally:
                os._exit(3)  # only reached on an error: the campaign counts it
        if anchor == "opened":  # the delay runs from the store being open, not from the fork
            until = time.monotonic() + 30
            while os.pread(phase_fd, 1, 0) in (b"-", b"S") and time.monotonic() < until \
                    and os.waitpid(pid, os.WNOHANG) == (0, 0):
                time.sleep(0.005)
        time.sleep(delay_ms / 1000)
        alive_before = os.waitpid(pid, os.WNOHANG) == (0, 0)
        if alive_before:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        integrity = "missing"
        if db.exists():
            con = sqlite3.connect(db)
            try:
                integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                con.close()
        at = PHASES.get(os.pread(phase_fd, 1, 0), "fork")
        print(json.dumps({"killed": killed, "exit": status, "integrity": integrity,
                          "phase": at}), flush=True)
    return 0


@dataclass
class CampaignResult:
    kills: int = 0
    early_exits: list[int] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)
    acked: set[str] = field(default_factory=set)
    outbox_status: dict[str, str] = field(default_factory=dict)
    effects: dict[str, Any] = field(default_factory=dict)
    out_of_order: list[str] = field(default_factory=list)
    kills_by_phase: dict[str, int] = field(default_factory=dict)
    audit_reports: int = 0
    central_audit_seq: int | None = None
    seconds: float = 0.0


def run_campaign(central: Any, workdir: Path, rounds: int, *, seed: int = 4,
                 min_delay_ms: int = 20, max_delay_ms: int = 250) -> CampaignResult:
    """``central`` is a CentralSimHandle. Runs the kills, then a clean final drain."""
    import secrets

    from counter_app.central.client import HttpCentralClient
    from counter_app.central.sync import SyncPolicy, SyncWorker
    from counter_app.store.crypto import DataCipher
    from counter_app.store.database import open_store
    from counter_app.store.models import OutboxMessage
    from counter_app.store.outbox_repo import StoreOutboxRepository

    key = secrets.token_bytes(32)
    db = workdir / "counter.db"
    ack = workdir / "acked.txt"
    root = Path(__file__).resolve().parents[3]
    env = dict(os.environ, PYTHONPATH=str(root))
    started = time.monotonic()
    z = subprocess.Popen([sys.executable, __file__, str(db), key.hex(), central.url, str(ack)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
                         cwd=root)
    assert z.stdout is not None and z.stdin is not None
    assert z.stdout.readline().strip() == "ready"
    rng = random.Random(seed)
    result = CampaignResult()
    try:
        for i in range(rounds):
            # the first rounds also create the database, and one round in five starts the clock
            # at the fork: kills land in migration and start-up too. The others count from the
            # store being open, so that on a slow machine (a start-up longer than the longest
            # delay) the kills still land in enqueue and drain.
            anchor = "forked" if i < 10 or rng.random() < 0.2 else "opened"
            z.stdin.write(f"kill {rng.randint(min_delay_ms, max_delay_ms)} {seed * 100000 + i} "
                          f"{anchor}\n")
            z.stdin.flush()
            report = json.loads(z.stdout.readline())
            if report["killed"]:
                result.kills += 1
                ph = report["phase"]
                result.kills_by_phase[ph] = result.kills_by_phase.get(ph, 0) + 1
            else:
                result.early_exits.append(report["exit"])
            result.integrity.append(report["integrity"])
        z.stdin.write("quit\n")
        z.stdin.flush()
    finally:
        z.wait(30)
    # restart cleanly and drain whatever is left
    store = open_store(db, DataCipher(key), exclusive=True)
    try:
        result.integrity.append(store.integrity_check())
        repo = StoreOutboxRepository(store)
        client = HttpCentralClient(central.url, client_id=f"{BRANCH}/C01")
        worker = SyncWorker(repo, client, branch_code=BRANCH,
                            policy=SyncPolicy(base_backoff_s=0, max_backoff_s=0, jitter=0))
        for _ in range(50):
            worker.drain()
            if repo.stats().pending == 0:
                break
            time.sleep(0.1)
        with store.read() as s:
            result.outbox_status = {m.op_id: m.status for m in s.query(OutboxMessage)}
            result.audit_reports = s.query(OutboxMessage).filter(
                OutboxMessage.operation == "audit.head").count()
        central.clear_faults()  # the final drain ran under the faults; the checks must not
        if result.audit_reports:
            result.central_audit_seq = client.audit_head(BRANCH, "C01").seq
        client.close()
    finally:
        store.close()
    result.acked = set(ack.read_text().split()) if ack.exists() else set()
    result.effects = central.effects()
    ops = central.operations()
    last: dict[str, int] = {}
    for op in ops:
        subject, seq = op["subject"], op["seq"]
        if subject in last and seq <= last[subject]:
            result.out_of_order.append(f"{seq}<={last[subject]}")
        last[subject] = seq
    result.seconds = time.monotonic() - started
    return result


if __name__ == "__main__":
    sys.exit(zygote_main(sys.argv[1:]))
