"""PIN canary (issue 9 item 10): a distinctive PIN goes through every PIN path the code has
(emulated card personalised with it; verify, change, reload, unblock through the SSSE layer;
the central's PIN-reset authorisation) while the store, outbox, audit, temp files and a
printed receipt are written. The PIN must turn up in no log record, no file, no outbox body
and no PDF - neither as digits nor as its BCD bytes (a hex dump would show the digits)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from pypdf import PdfReader
from requests.adapters import BaseAdapter
from sqlalchemy import select

from counter_app.card.apdu import ApduChannel
from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import demo_card_data, new_personalised
from counter_app.card.emulator.loopback import LoopbackPort
from counter_app.card.emulator.psam import EmulatedPsam
from counter_app.card.errors import WrongPinError
from counter_app.card.psam import Psam
from counter_app.card.ssse import SsseCard
from counter_app.central.client import HttpCentralClient
from counter_app.printing.models import BranchInfo, ReceiptData
from counter_app.printing.receipt import render_business_receipt
from counter_app.store.applications import ApplicationStore
from counter_app.store.crypto import DataCipher
from counter_app.store.database import open_store
from counter_app.store.models import OutboxMessage
from counter_app.store.outbox_repo import StoreOutboxRepository

PIN = "731946"
PIN2 = "582064"  # a second canary for the change/reload paths
CANARIES = (PIN, PIN2)


def _leaks(data: bytes) -> list[str]:
    found = []
    for pin in CANARIES:
        if pin.encode() in data or bytes.fromhex(pin) in data or pin.encode("utf-16-le") in data:
            found.append(pin)
    return found


class _CentralStub(BaseAdapter):
    """Answers the PIN-reset authorisation like the central; keeps every request body."""

    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[bytes] = []

    def send(self, request: requests.PreparedRequest, **_kw: Any) -> requests.Response:
        body = request.body or b""
        self.bodies.append(body.encode() if isinstance(body, str) else body)
        resp = requests.Response()
        resp.status_code = 201
        resp.headers["Content-Type"] = "application/json"
        resp._content = json.dumps({
            "authorisation_id": "PRA-0001", "card_no": "NB0000016", "function": "social",
            "valid_until": "2026-11-30T12:00:00+08:00"}).encode()
        resp.request = request
        resp.url = request.url or ""
        return resp

    def close(self) -> None:
        pass


@pytest.fixture
def all_loggers_at_debug() -> Iterator[None]:
    """Every logger at DEBUG (caplog only lowers the root), restored afterwards."""
    loggers = [logging.getLogger(n) for n in list(logging.root.manager.loggerDict)]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
    yield
    for lg, level in saved:
        lg.setLevel(level)


@pytest.mark.usefixtures("all_loggers_at_debug")
def test_pin_never_leaves_the_card_path(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_dir = tmp_path / "tmp"
    tmp_dir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_dir))
    monkeypatch.setattr(tempfile, "tempdir", None)  # forget the cached default temp dir
    caplog.set_level(logging.DEBUG)
    store_dir = tmp_path / "store"
    store_dir.mkdir()

    # card personalised with the canary PIN, state file kept next to the store
    card = EmulatedCard(new_personalised(demo_card_data(), pin=PIN), store_dir / "card.json")
    card.save()
    psam = EmulatedPsam.create_test(seed="test")
    ssse = SsseCard(ApduChannel(LoopbackPort(card)), atr=card.atr, city_code="330200",
                    psam=Psam(ApduChannel(LoopbackPort(psam))))
    ssse.select()
    ssse.verify_pin(PIN)
    ssse.change_pin(PIN, PIN2)
    with pytest.raises(WrongPinError):
        ssse.verify_pin(PIN)
    ssse.reload_pin(PIN)
    ssse.verify_pin(PIN)
    ssse.unblock_pin(PIN2)
    ssse.verify_pin(PIN2)
    ssse.reload_pin(PIN)
    card.save()

    # the central's PIN-reset authorisation (carries no PIN by design: check the wire)
    client = HttpCentralClient("http://127.0.0.1:9", client_id="ICBC-NB-0101/C01")
    stub = _CentralStub()
    client.session.mount("http://", stub)
    auth = client.authorise_pin_reset("NB0000016", branch_code="ICBC-NB-0101",
                                      function="social", idempotency_key="k-1")
    assert auth.authorisation_id == "PRA-0001" and stub.bodies

    # what a PIN-reset visit leaves in the store and on paper
    store = open_store(store_dir / "counter.db", DataCipher(secrets.token_bytes(32)),
                       exclusive=True)
    try:
        apps = ApplicationStore(store)
        apps.save_draft("D-1", teller="T0012", step="pin", photo=None,
                        data={"label": "李明", "card_no": "NB0000016"},
                        id_number="330203198506122017")
        apps.audit("T0012", "card.pin_reset", card_no="NB0000016", authorisation="PRA-0001")
        StoreOutboxRepository(store).enqueue("cards.pin_reset", "k", {"card_no": "NB0000016"})
        with store.read() as s:
            outbox = [json.dumps(m.payload, ensure_ascii=False).encode()
                      for m in s.scalars(select(OutboxMessage))]
        live = sorted(p.name for p in store_dir.iterdir())
        assert "counter.db-wal" in live, live
        for path in store_dir.iterdir():  # database, -wal, -shm while the store is open
            if path.is_file():
                assert not _leaks(path.read_bytes()), path
    finally:
        store.close()
    branch = BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True)
    pdf = render_business_receipt(ReceiptData(
        application_no="SQ3302002026112900017", business_type="社会保障卡密码重置",
        person_name="李明", id_number="330203198506122017", branch=branch, teller_id="T0012",
        accepted_at=dt.datetime(2026, 11, 30, 9, 0), next_steps=("请妥善保管新密码。",)))
    (tmp_path / "receipt.pdf").write_bytes(pdf)

    assert caplog.records, "no log record at all: the capture is not working"
    for record in caplog.records:
        text = record.getMessage() + repr(record.args) + str(record.exc_text or "")
        assert not _leaks(text.encode()), f"PIN in log record: {record.name}"
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "密码重置" in pdf_text  # the text layer is readable, so the check below means something
    for body in [*stub.bodies, *outbox, pdf, pdf_text.encode()]:
        assert not _leaks(body)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "counter.db" for p in files) and any(p.name == "card.json" for p in files)
    for path in files:
        assert not _leaks(path.read_bytes()), path
