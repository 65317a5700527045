"""`counter-app demo --tour DIR --only loss-deloss` end to end, as a separate process: a PNG of
every step and the receipts as PDF, the de-loss refused at another bank naming the bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def test_the_loss_tour_saves_every_step_and_the_receipts(tmp_path: Path) -> None:
    out, _ = run_tour(tmp_path, "loss-deloss")
    assert {p.name for p in out.iterdir() if p.is_dir()} == {
        "loss-deloss", "loss-deloss-other-bank", "loss-deloss-line-down"}
    shots = sorted(p.name for p in (out / "loss-deloss").glob("*.png"))
    for step in ("loss-card-states", "loss-choose-social", "loss-done", "loss-receipt-preview",
                 "deloss-card-not-read", "deloss-card-read", "deloss-choose", "deloss-done"):
        assert any(name.endswith(f"-{step}.png") for name in shots), step
    loss = "".join(p.extract_text() for p in PdfReader(out / "loss-deloss" / "loss-receipt.pdf").pages)
    assert "社会保障卡正式挂失" in loss and "330203********2017" in loss
    deloss = "".join(p.extract_text() for p in
                     PdfReader(out / "loss-deloss" / "deloss-receipt.pdf").pages)
    assert "社会保障卡解除挂失" in deloss
    pending = "".join(p.extract_text() for p in PdfReader(
        out / "loss-deloss-line-down" / "loss-line-down-receipt.pdf").pages)
    assert "待上传" in pending
    # the line back, the loss delivered, then cancelled: the next tours meet the card in use
    assert any(p.name.endswith("-deloss-after-line-up.png")
               for p in (out / "loss-deloss-line-down").glob("*.png"))
    assert any(p.name.endswith("-deloss-refused-other-bank.png")
               for p in (out / "loss-deloss-other-bank").glob("*.png"))
