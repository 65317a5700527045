"""A PIN locked by wrong tries on the emulated card reaches the reference central (应用锁定),
through the counter's outbox, and the reset/unlock returns it to 正常 — with no PIN in any
request the counter sent, nor in the central's database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counter_app.central.client import HttpCentralClient, Timeouts
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import SyncPolicy, SyncWorker
from counter_app.store.outbox_repo import StoreOutboxRepository
from counter_app.workflows.card_services import Operation, Step
from counter_app.workflows.pin_services.pins import LOCK_OPERATION, PinServiceRefused
from tests.fixtures.pcsc import EmulatorFixture
from tests.integration.card_services.conftest import Counter

CARD = "NB0000016"
OLD, WRONG, NEW = "135790", "246802", "480913"  # the canaries: none may leave the pad and chip


class RecordingClient(HttpCentralClient):
    """The real client, keeping every request body it sends (to look for PINs in them)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sent: list[tuple[str, str, str]] = []

    def request(self, method: str, path: str, *, body: dict[str, Any] | None = None,
                params: dict[str, Any] | None = None, idempotency_key: str | None = None,
                timeout: tuple[float, float] | None = None) -> Any:
        self.sent.append((method, path, json.dumps(body, ensure_ascii=False)))
        return super().request(method, path, body=body, params=params,
                               idempotency_key=idempotency_key, timeout=timeout)


@pytest.fixture
def recording(counter: Counter, central: CentralSimHandle) -> RecordingClient:
    client = RecordingClient(central.url, timeouts=Timeouts(connect=1, read=5, health=1),
                             client_id="ICBC-NB-0101/04")
    counter.client.close()
    counter.client = client
    counter.ctx.central = client
    return client


def _lock_by_wrong_tries(counter: Counter) -> None:
    wf = counter.at_card(Operation.CHANGE_PIN)
    assert wf.record.central.social_state == "NORMAL"
    for _ in range(2):
        counter.pad.key_in(WRONG, NEW, NEW)
        with pytest.raises(PinServiceRefused):
            wf.run_service()
    counter.pad.key_in(WRONG, NEW, NEW)
    with pytest.raises(PinServiceRefused) as locked:
        wf.run_service()
    assert locked.value.code == "PIN_LOCKED_NOW"


def _unlock(counter: Counter) -> None:
    reset = counter.at_card(Operation.RESET_PIN)
    offer = reset.offers()[0]
    assert offer.allowed and offer.unlocks and offer.state_zh == "应用锁定"
    counter.pad.key_in(NEW, NEW)
    reset.run_service()
    assert reset.step is Step.DONE


def _no_pin_anywhere(client: RecordingClient, central: CentralSimHandle) -> None:
    assert client.sent
    for pin in (OLD, WRONG, NEW):
        assert not any(pin in body for _m, _p, body in client.sent), pin
        db = Path(central.db_url.removeprefix("sqlite:///"))
        for f in (db, db.with_name(db.name + "-wal")):
            if f.exists():
                assert pin.encode() not in f.read_bytes(), (pin, f.name)


def test_lock_reaches_the_central_then_the_reset_unlocks(counter: Counter, emulator: EmulatorFixture,
                                                        central: CentralSimHandle,
                                                        recording: RecordingClient) -> None:
    emulator.insert_new_card(name="lock-report", pin=OLD, pin_tries=3)
    _lock_by_wrong_tries(counter)
    status = recording.card_status(CARD)
    assert (status.social_state, status.financial_state) == ("LOCKED", "NORMAL")  # 应用锁定
    lock = [(m, p, b) for m, p, b in recording.sent if p.endswith("/pin-lock")]
    assert lock == [("POST", f"/v1/cards/{CARD}/pin-lock",
                     json.dumps({"branch_code": "ICBC-NB-0101", "function": "social"}))]
    _unlock(counter)
    assert recording.card_status(CARD).social_state == "NORMAL"  # the reset returned it
    _no_pin_anywhere(recording, central)


def test_lock_with_the_line_down_is_delivered_by_the_outbox(counter: Counter, emulator: EmulatorFixture,
                                                           central: CentralSimHandle,
                                                           recording: RecordingClient) -> None:
    emulator.insert_new_card(name="lock-offline", pin=OLD, pin_tries=3)
    repo = StoreOutboxRepository(counter.store)
    worker = SyncWorker(repo, recording, branch_code="ICBC-NB-0101",
                        policy=SyncPolicy(base_backoff_s=0.01, max_backoff_s=0.05))
    wf = counter.at_card(Operation.CHANGE_PIN)  # read while the line is up
    central.line_down()
    try:
        for _ in range(3):
            counter.pad.key_in(WRONG, NEW, NEW)
            with pytest.raises(PinServiceRefused):
                wf.run_service()
        assert [e.event for e in wf.journal if e.event.startswith("pin_lock")] == ["pin_lock_queued"]
        assert counter.ctx.store.unsent_for("330203198506122017") == 1
    finally:
        central.line_up()
    assert recording.card_status(CARD).social_state == "NORMAL"  # not yet told
    report = worker.drain()
    assert counter.ctx.store.unsent_for("330203198506122017") == 0, report
    assert recording.card_status(CARD).social_state == "LOCKED"
    assert any(p.endswith("/pin-lock") for _m, p, _b in recording.sent)
    _unlock(counter)
    assert recording.card_status(CARD).social_state == "NORMAL"
    _no_pin_anywhere(recording, central)


def test_the_lock_is_an_outbox_operation() -> None:
    from counter_app.central.client import OPERATIONS

    assert OPERATIONS[LOCK_OPERATION] == ("POST", "/v1/cards/{card_no}/pin-lock")
