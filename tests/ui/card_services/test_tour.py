"""`counter-app demo --tour DIR --only pin-services` end to end, as a separate process: a PNG of
every step and the receipts as PDF; the PIN locked, reset and changed; a nation changed at the
central handed over with F6 to 信息变更写卡, which writes it and reads it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def _text(pdf: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_the_pin_services_tour_saves_every_step_and_the_receipts(tmp_path: Path) -> None:
    out, _ = run_tour(tmp_path, "pin-services")
    folder = out / "pin-services"
    shots = sorted(p.name for p in folder.glob("*.png"))
    for step in ("card-read", "change-pin-ready", "change-pin-wrong-old", "change-pin-locked",
                 "reset-ready", "reset-done", "reset-receipt-preview", "change-pin-done",
                 "data-change-nation", "data-change-done-chip-offer", "write-handed-over",
                 "write-ready", "write-done", "write-nothing-to-do"):
        assert any(name.endswith(f"-{step}.png") for name in shots), step
    reset = _text(folder / "pin-reset-receipt.pdf")
    assert "密码重置解锁" in reset and "330203********2017" in reset
    assert "修改密码" in _text(folder / "pin-change-receipt.pdf")
    write = _text(folder / "chip-write-receipt.pdf")
    assert "信息变更写卡" in write and "民族" in write
    for pdf in folder.glob("*.pdf"):  # the PINs the tour keyed appear in no receipt
        text = _text(pdf)
        assert not any(pin in text for pin in ("111222", "480913", "270519")), pdf.name
