"""The receipt's e-card QR (电子社保卡): after an instant issuance the receipt carries the claim
address with the token the central issued for the activated card — scanned from the rendered
PDF, it resolves at the central to this card; nothing personal is in it. Without the line at
the receipt step the issuance still ends and the receipt says how to claim in the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from counter_app.central.launcher import CentralSimHandle
from counter_app.workflows.ecard import CLAIM_PAGE, token_of
from counter_app.workflows.issuance import IssuanceWorkflow, Outcome, Step
from counter_app.workflows.issuance.chip import chip_serial
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot
from tests.fixtures.qr import decode_pdf_qr, pdf_has_qr
from tests.integration.issuance.conftest import Counter


@pytest.fixture
def slot() -> EmulatedSlot:
    return EmulatedSlot()


@pytest.fixture
def counter(tmp_path: Path, central: CentralSimHandle, slot: EmulatedSlot) -> Iterator[Counter]:
    c = Counter(tmp_path, central.url, slot)
    yield c
    c.close()


def issue(counter: Counter, slot: EmulatedSlot,
          on_step: Callable[[Step], None] | None = None) -> IssuanceWorkflow:
    number, _ = counter.accepted_application()
    counter.custody.held.add(chip_serial(slot.insert_blank()))
    counter.pad.key_in("406128", "406128")
    wf = IssuanceWorkflow.open(counter.ctx(), number)
    wf.advance(on_step=on_step)
    return wf


def test_the_receipt_qr_is_the_centrals_claim_for_this_card(counter: Counter, slot: EmulatedSlot,
                                                            central: CentralSimHandle) -> None:
    wf = issue(counter, slot)
    assert wf.record.outcome is Outcome.ISSUED
    scanned = decode_pdf_qr(wf.receipt_pdf())
    assert scanned.startswith(CLAIM_PAGE + "?t=")
    token = token_of(scanned)
    # nothing personal: no ID number, name or card number in what the phone reads
    applicant = wf.applicant
    for personal in (applicant.id_number, applicant.name, wf.record.card_no):
        assert personal not in scanned
    # what the official app sees (an authenticated client of the central, as every caller)
    check = requests.get(f"{central.url}/v1/ecard-claims/{token}", timeout=10,
                         headers={"X-Client-Id": "ICBC-NB-0101/app"}).json()
    no = wf.record.card_no
    assert check["state"] == "OPEN"
    assert set(check) == {"token", "state", "expires_at"}  # nothing of the card or person
    # a reprint (reopened after a restart) shows the same QR; the central keeps one token
    again = IssuanceWorkflow.open(counter.ctx(), wf.record.application_no)
    assert decode_pdf_qr(again.receipt_pdf()) == scanned
    second = counter.client.ecard_claim(no, branch_code="ICBC-NB-0101",
                                        idempotency_key="another-key-0001")
    assert second.token == token


def test_each_card_gets_its_own_token(counter: Counter, slot: EmulatedSlot) -> None:
    first, second = issue(counter, slot), issue(counter, slot)
    a, b = (token_of(decode_pdf_qr(w.receipt_pdf())) for w in (first, second))
    assert a != b


def test_without_the_line_at_the_receipt_the_card_is_issued_and_told_how_to_claim(
        counter: Counter, slot: EmulatedSlot, central: CentralSimHandle) -> None:
    def drop_before_receipt(step: Step) -> None:
        if step is Step.RECEIPT:
            central.line_down()

    try:
        wf = issue(counter, slot, on_step=drop_before_receipt)
    finally:
        central.line_up()
    assert wf.record.outcome is Outcome.ISSUED
    assert wf.record.extra["ecard_url"] == ""
    pdf = wf.receipt_pdf()
    assert pdf.startswith(b"%PDF") and not pdf_has_qr(pdf)
