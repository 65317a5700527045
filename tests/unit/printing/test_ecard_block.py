"""The receipts' e-card block: the QR carries exactly the claim address it is given (scanned
from the rendered page), and without one the page says how to claim in the app, with no QR."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter_app.printing import BranchInfo
from counter_app.printing.card_face import IssuanceReceipt, render_issuance_receipt
from counter_app.printing.production_lists import HandoutReceipt, render_handout_receipt
from counter_app.workflows.ecard import CLAIM_PAGE, claim_address, token_of
from tests.fixtures.qr import decode_pdf_qr, pdf_has_qr

BRANCH = BranchInfo("ICBC-NB-0101", "工商银行宁波鼓楼支行", "中国工商银行", True)
ADDRESS = claim_address("Zk3v9Qx_2bLm8TtR0aYw1cPq")
ISSUED = IssuanceReceipt(branch=BRANCH, application_no="A20261130-0001", card_no="NB0000016",
                         name="李明", id_number="330203198506122017",
                         issued_at=dt.datetime(2026, 11, 30, 13, 5), teller="T0301",
                         e_card_claim_url=ADDRESS)
HANDED = HandoutReceipt(BRANCH, "APP-1", "NB0000016", "李*", "330203********2017", "本人领取",
                        dt.datetime(2026, 11, 30, 13, 5), "T0301", e_card_claim_url=ADDRESS)


def test_the_issuance_receipt_qr_is_the_claim_address() -> None:
    assert decode_pdf_qr(render_issuance_receipt(ISSUED)) == ADDRESS


def test_the_handout_receipt_qr_is_the_claim_address() -> None:
    assert decode_pdf_qr(render_handout_receipt(HANDED)) == ADDRESS


def test_without_a_claim_there_is_no_qr_on_either_receipt() -> None:
    assert not pdf_has_qr(render_issuance_receipt(dataclasses.replace(ISSUED, e_card_claim_url="")))
    assert not pdf_has_qr(render_handout_receipt(dataclasses.replace(HANDED, e_card_claim_url="")))


def test_claim_addresses_carry_an_opaque_token_only() -> None:
    assert ADDRESS == CLAIM_PAGE + "?t=Zk3v9Qx_2bLm8TtR0aYw1cPq"
    assert token_of(ADDRESS) == "Zk3v9Qx_2bLm8TtR0aYw1cPq"
    for bad in ("short", "a" * 65, "abc&card=NB0000016xx", "李明李明李明李明李明李明李明李明"):
        with pytest.raises(ValueError):
            claim_address(bad)
    with pytest.raises(ValueError):
        token_of("https://example.com/claim?t=Zk3v9Qx_2bLm8TtR0aYw1cPq")
