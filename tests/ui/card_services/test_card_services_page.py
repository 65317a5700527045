"""The PIN and card services page driven as a teller would, offscreen, against the card
emulator on pcscd (with its PSAM) and the reference central; the PIN canary (keyed on the
pad in every PIN path) is then looked for in everything the counter left at rest."""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from counter_app.card.errors import WrongPinError
from counter_app.store.models import AuditEntry, OutboxMessage
from counter_app.ui.card_services.page import ActScreen, CardScreen, CardServicesPage, DoneScreen
from counter_app.workflows.card_services import CardServicesDesk, Operation, Step
from tests.fixtures.pcsc import EmulatorFixture
from tests.integration.card_services.conftest import Counter

CANARY, CANARY2 = "731946", "582064"


def _leaks(data: bytes) -> list[str]:
    return [p for p in (CANARY, CANARY2)
            if p.encode() in data or bytes.fromhex(p) in data or p.encode("utf-16-le") in data]


def _decrypted_rows(counter: Counter) -> list[tuple[str, str]]:
    """Every audit entry's detail and every outbox message's payload and response, decrypted
    by the store's own column types, as text (with the action or operation named)."""
    with counter.store.read() as s:
        audit = [("audit", json.dumps([e.action, e.detail], ensure_ascii=False))
                 for e in s.scalars(select(AuditEntry))]
        outbox = [("outbox", json.dumps([m.operation, m.payload, m.response], ensure_ascii=False))
                  for m in s.scalars(select(OutboxMessage))]
    return audit + outbox


def make_page(qtbot, counter: Counter) -> CardServicesPage:  # type: ignore[no-untyped-def]
    page = CardServicesPage(CardServicesDesk(counter.ctx))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.open()
    qtbot.waitUntil(lambda: page.wf is not None, timeout=10000)
    return page


def at(qtbot, page: CardServicesPage, step: Step) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.step is step and not page.busy
                    and page.ops.pending == 0, timeout=15000)


def start(qtbot, page: CardServicesPage, op: Operation) -> None:  # type: ignore[no-untyped-def]
    page.new_case()
    at(qtbot, page, Step.IDENTIFY)
    page.view(Step.IDENTIFY).choices[op].setChecked(True)
    page.step_key("F2")
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.record.identity.source == "reader"
                    and not page.busy, timeout=10000)
    page.go_next()
    at(qtbot, page, Step.CARD)
    card = page.view(Step.CARD)
    assert isinstance(card, CardScreen)
    qtbot.waitUntil(lambda: "NB0****16" in card.info.text(), timeout=15000)
    page.go_next()
    at(qtbot, page, Step.ACT)


def test_locked_then_reset_then_changed_through_the_page(
        qtbot, counter: Counter, emulator: EmulatorFixture, tmp_path: Path,  # type: ignore[no-untyped-def]
        caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    tmp_dir = tmp_path / "tmp"
    tmp_dir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_dir))
    monkeypatch.setattr(tempfile, "tempdir", None)
    emulator.insert_new_card(name="canary", pin=CANARY, pin_tries=2)
    page = make_page(qtbot, counter)

    start(qtbot, page, Operation.CHANGE_PIN)
    act = page.view(Step.ACT)
    assert isinstance(act, ActScreen)
    assert act.functions["social"].isEnabled() and not act.functions["financial"].isEnabled()
    assert "中国工商银行" in act.reasons["financial"].text()
    for _ in range(2):  # two wrong old PINs lock the card (2 tries)
        counter.pad.key_in(CANARY2, "480913", "480913")
        page.step_key("F9")
        at(qtbot, page, Step.ACT)
    assert "已锁定" in page.banner.text()
    assert not act.functions["social"].isEnabled() and not act.submit_button.isEnabled()
    assert "密码重置解锁" in act.reasons["social"].text()

    start(qtbot, page, Operation.RESET_PIN)
    counter.pad.key_in(CANARY2, CANARY2)
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    assert isinstance(done, DoneScreen)
    receipt = tmp_path / "reset.pdf"
    page.receipt_action("save", receipt)
    qtbot.waitUntil(lambda: receipt.exists() and not page.busy, timeout=10000)
    assert "密码重置解锁" in "".join(p.extract_text() for p in PdfReader(receipt).pages)

    start(qtbot, page, Operation.CHANGE_PIN)
    counter.pad.key_in(CANARY2, CANARY, CANARY)
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    page.receipt_action("save", tmp_path / "change.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "change.pdf").exists() and not page.busy, timeout=10000)
    emulator.service().call(lambda card: (card.select(), card.verify_pin(CANARY)))
    with pytest.raises(WrongPinError):
        emulator.service().call(lambda card: (card.select(), card.verify_pin(CANARY2)))

    # no widget of the page ever held a PIN as text
    for edit in page.findChildren(QLineEdit):
        assert not _leaks(edit.text().encode())
    # at rest: the store (database, WAL), the outbox, the logs, the PDFs, temp files
    assert caplog.records
    for record in caplog.records:
        assert not _leaks((record.getMessage() + repr(record.args)).encode()), record.name
    assert not _leaks(repr(page.wf.record).encode() if page.wf else b"")
    files = [p for p in (tmp_path / "state").rglob("*") if p.is_file()]
    files += [p for p in tmp_dir.rglob("*") if p.is_file()] + [receipt, tmp_path / "change.pdf"]
    assert any(p.name == "counter.db" for p in files)
    for path in files:
        assert not _leaks(path.read_bytes()), path
    # the encrypted columns, decrypted through the store: raw bytes of AES-GCM say nothing
    decrypted = _decrypted_rows(counter)
    assert any(kind == "audit" and "card.pin_reset_done" in text for kind, text in decrypted)
    assert any(kind == "outbox" and "cards.pin_reset" in text for kind, text in decrypted)
    for kind, text in decrypted:
        assert not _leaks(text.encode()), (kind, text[:80])
