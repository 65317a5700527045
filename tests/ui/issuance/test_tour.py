"""`counter-app demo --tour DIR --only instant-issuance` end to end, as a separate process."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from counter_app.domain.identity import validate_card_number
from counter_app.workflows.ecard import CLAIM_PAGE, token_of
from tests.fixtures.qr import decode_pdf_qr
from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def test_the_issuance_tour_issues_a_card_and_resumes_a_torn_one(tmp_path: Path) -> None:
    out, _ = run_tour(tmp_path, "instant-issuance", timeout=400)
    folder = out / "instant-issuance"
    shots = sorted(p.name for p in folder.glob("*.png"))
    for step in ("application-accepted-instant", "issuance-insert-blank", "issuance-issued",
                 "preview-issued-face", "issuance-waiting-list", "issuance-torn",
                 "issuance-torn-resumed-issued"):
        assert any(name.endswith(f"-{step}.png") for name in shots), step
    cards: dict[str, tuple[str, str]] = {}
    for name in ("issued", "resumed"):
        face = PdfReader(folder / f"{name}-face.pdf")
        box = face.pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)) \
            == (85.6, 54.0)  # CR80
        assert "社会保障卡" in face.pages[0].extract_text()
        # the card number the central assigned, as the face names it (its title and its text)
        title = face.metadata.title if face.metadata else ""
        assert title and title.startswith("社会保障卡卡面 "), title
        card_no = title.removeprefix("社会保障卡卡面 ")
        assert validate_card_number(card_no) == card_no
        assert card_no in face.pages[0].extract_text()
        pdf = (folder / f"{name}-receipt.pdf").read_bytes()
        receipt = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
        assert "即时制卡回执" in receipt and "领取电子社保卡" in receipt
        assert card_no in receipt  # the receipt is for the card on the face
        assert "卡面由网点人工补印" not in receipt  # printed by the card printer, not by hand
        # the e-card QR, scanned as the holder's phone would: the official claim page + token
        scanned = decode_pdf_qr(pdf)
        assert scanned.startswith(CLAIM_PAGE + "?t=") and token_of(scanned)
        cards[name] = (card_no, scanned)
    # two people, two cards, two claims (the resumed card is not the first one again)
    assert cards["issued"][0] != cards["resumed"][0]
    assert cards["issued"][1] != cards["resumed"][1]
