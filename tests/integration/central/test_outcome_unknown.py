"""An unknown outcome is not "line down" (issue 9), against the real reference central.

With ``drop_next=1`` the central commits the submission and the answer is lost. The instant
application keeps its Idempotency-Key, is accepted as deferred (not switched to central
production), and when the line works the outbox replays it under the same key: the central's
stored result comes back — one application at the central, no dead letter.
A local TLS-material problem pauses sending until the file is fixed, then the queue goes.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from central_sim.seed import generated_id
from counter_app.central.client import CentralClient, HttpCentralClient, Timeouts
from counter_app.central.errors import LineDownError, OutcomeUnknownError, nothing_sent
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import LineState, SyncPolicy, SyncWorker
from counter_app.store.crypto import DataCipher
from counter_app.store.database import Store, open_store
from counter_app.store.outbox_repo import StoreOutboxRepository
from tests.integration.application.conftest import INSTANT, PORTRAIT, Counter
from tests.integration.application.test_application_workflow import (
    fill_adult,
    identify_typed,
    pdf_text,
)

pytestmark = pytest.mark.central


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "counter.db", DataCipher(os.urandom(32)))
    yield s
    s.close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_connection_is_line_down_a_lost_answer_is_not(
        central: CentralSimHandle) -> None:
    dead = HttpCentralClient(f"http://127.0.0.1:{_closed_port()}",
                             timeouts=Timeouts(connect=1, read=2, health=1))
    with pytest.raises(LineDownError) as refused:
        dead.execute("cards.loss", {"card_no": "NB0000016", "branch_code": "ICBC-NB-0101",
                                    "functions": ["social"]}, idempotency_key="k-refused")
    assert nothing_sent(refused.value)
    dead.close()
    live = HttpCentralClient(central.url, timeouts=Timeouts(connect=1, read=5, health=1),
                             client_id="ICBC-NB-0101/C01")
    central.set_faults(drop_next=1)
    key = "k-dropped-" + os.urandom(4).hex()
    payload = {"id_number": generated_id(2978), "branch_code": "ICBC-NB-0101", "client_seq": 1,
               "changes": {"phone": "13800002978"}}
    with pytest.raises(OutcomeUnknownError) as lost:
        live.execute("persons.data_change", payload, idempotency_key=key)
    assert not nothing_sent(lost.value) and lost.value.code == "CENTRAL_OUTCOME_UNKNOWN"
    assert central.effects(key)["total"] == 1
    central.set_faults(drop_next=1)  # a query whose answer is lost changed nothing: line down
    with pytest.raises(LineDownError):
        live.card_status("NB0000016")
    live.close()


def test_instant_submission_with_a_lost_answer_keeps_its_key_and_replays(
        central: CentralSimHandle, store: Store) -> None:
    counter = Counter(store, central.url, INSTANT)
    try:
        counter.sync.cycle()  # a recent successful sync: the staleness rules allow deferring
        idn = generated_id(2977)
        wf = counter.workflow()
        identify_typed(wf, idn)
        fill_adult(wf, PORTRAIT.read_bytes())
        assert wf.making_mode == "INSTANT" and wf.online
        central.set_faults(drop_next=1)  # the central commits, the answer is lost
        outcome = wf.submit()
        key = wf.record.submission.op_id
        assert key and outcome.deferred
        assert outcome.application.making_mode == "INSTANT"  # not switched to central production
        assert central.effects(key)["total"] == 1
        receipt = pdf_text(wf.documents().receipt_pdf)
        assert "待上传" in receipt and "当场制作，请在等候区稍候" not in receipt
        central.clear_faults()
        report = counter.sync.drain()
        assert report.sent == 1 and report.dead == 0
        assert counter.repo.status_of(key) == "done" and counter.repo.dead_letters() == []
        assert central.effects(key)["total"] == 1  # the replay got the stored result
        assert counter.ctx.store.refresh_from_outbox() == 1
        synced = counter.ctx.store.get(outcome.application.application_no)
        assert synced is not None and synced.status == "submitted"
        apps = counter.client.person_applications(idn)
        assert [a.application_id for a in apps] == [synced.central_application_id]
        assert apps[0].making_mode == "INSTANT"  # no orphan, no second application
    finally:
        central.clear_faults()
        counter.client.close()


def test_a_missing_ca_pauses_then_the_queue_goes_when_the_file_is_back(
        make_central, central_tls_dir: Path, store: Store, tmp_path: Path) -> None:
    tls_central: CentralSimHandle = make_central(tls_dir=central_tls_dir)
    ca = tmp_path / "ca.pem"  # the profile's CA file, deleted by a careless rotation
    client = CentralClient(tls_central.url, ca_file=ca,
                           client_cert=central_tls_dir / "client.pem",
                           client_key=central_tls_dir / "client.key", read_timeout_s=5)
    repo = StoreOutboxRepository(store)
    key = repo.enqueue("persons.data_change", "P", {
        "id_number": generated_id(2979), "branch_code": "ICBC-NB-0101", "client_seq": 1,
        "changes": {"phone": "13800002979"}})
    worker = SyncWorker(repo, client, branch_code="ICBC-NB-0101",
                        policy=SyncPolicy(base_backoff_s=0.01, max_backoff_s=0.05))
    for _ in range(3):
        assert worker.cycle().stopped_by == "CENTRAL_CONFIG_ERROR"
        assert worker.drain().dead == 0
    status = worker.status()
    assert status.line_state is LineState.PAUSED and status.dead_letters == 0
    assert status.last_error_code == "CENTRAL_CONFIG_ERROR"
    assert repo.status_of(key) == "pending" and tls_central.effects(key)["total"] == 0
    shutil.copy(central_tls_dir / "ca.pem", ca)  # fixed: no restart, no supervisor
    assert worker.drain().sent == 1
    assert repo.status_of(key) == "done" and worker.line_state is LineState.ONLINE
    assert tls_central.effects(key)["total"] == 1
    client.close()
