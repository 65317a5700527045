"""`counter-app demo --tour DIR --only instant-issuance` end to end, as a separate process."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

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
    for name in ("issued", "resumed"):
        face = PdfReader(folder / f"{name}-face.pdf")
        box = face.pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)) \
            == (85.6, 54.0)  # CR80
        assert "社会保障卡" in face.pages[0].extract_text()
        receipt = "".join(p.extract_text() for p in PdfReader(folder / f"{name}-receipt.pdf").pages)
        assert "即时制卡回执" in receipt and "领取电子社保卡" in receipt
