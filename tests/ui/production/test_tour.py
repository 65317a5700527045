"""`counter-app demo --tour DIR --only central-production` end to end, as a separate process:
a PNG of every step, the 签收清单 (with the card that never came), the 未领卡清单 and the
hand-out receipt as PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from counter_app.workflows.ecard import token_of
from tests.fixtures.qr import decode_pdf_qr
from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def _text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages)


def test_the_central_production_tour_saves_every_step_and_the_three_lists(
        tmp_path: Path) -> None:
    out, _ = run_tour(tmp_path, "central-production", timeout=420)
    folder = out / "central-production"
    shots = sorted(p.name for p in folder.glob("*.png"))
    for step in ("production-open", "tracking-data-entry", "tracking-in-production",
                 "tracking-shipped-batch-listed", "batch-draft-kept", "batch-draft-resumed",
                 "batch-read-one-missing", "batch-place", "batch-received", "tracking-in-custody",
                 "uncollected-cards",
                 "handout-identify", "handout-card", "handout-activate", "handout-pin",
                 "handout-done", "preview-batch-receipt", "preview-uncollected",
                 "preview-handout-receipt"):
        assert any(name.endswith(f"-{step}.png") for name in shots), step
    assert all((folder / name).stat().st_size > 5000 for name in shots)  # drawn, not blank
    receipt = _text(folder / "batch-receipt.pdf")
    # the minor 王小雨's envelope came empty: her card is the missing one on the list
    assert "签收清单" in receipt and "缺卡" in receipt and "王*雨" in receipt
    assert "A01-001" in receipt and "A01-002" in receipt and "A01-003" not in receipt
    uncollected = _text(folder / "uncollected.pdf")
    assert "未领卡清单" in uncollected and "在柜未领 2 张" in uncollected
    handout = _text(folder / "handout-receipt.pdf")
    assert "领卡启用回执" in handout and "本人领取" in handout
    # the card handed out is one received on the 签收清单, and the receipt carries the e-card
    # claim's QR (the central's claim address with its token, nothing personal)
    card = re.search(r"NC\d{6}[0-9A-Z]", handout)
    assert card is not None and card.group(0) in receipt
    assert "已启用" in handout and "电子社保卡" in handout
    scanned = decode_pdf_qr((folder / "handout-receipt.pdf").read_bytes())
    assert token_of(scanned) and card.group(0) not in scanned
