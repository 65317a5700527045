"""`counter-app demo --tour DIR --only day-end` end to end, as a separate process: the day
opened, a loss and a replacement with its fee, the day-end reconciled and the session closed
with the sheet saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", "")


def test_the_day_end_tour_closes_the_day_with_its_sheet(tmp_path: Path) -> None:
    out, _ = run_tour(tmp_path, "day-end")
    shots = sorted(p.name for p in (out / "day-end").glob("*.png"))
    for step in ("session-opened", "loss-done", "replacement-fee-cash", "replacement-done-fee-receipt",
                 "day-end-report", "day-end-reconciled", "day-end-closed"):
        assert any(name.endswith(f"-{step}.png") for name in shots), step
    fee = text(out / "day-end" / "fee-receipt.pdf")
    assert "社会保障卡工本费收据" in fee and "贰拾元整" in fee and "现金" in fee
    sheet = text(out / "day-end" / "day-end.pdf")
    assert "柜员日终轧账单" in sheet and "正式挂失" in sheet and "补卡 / 换卡" in sheet
    assert "账实相符" in sheet and "¥2,020.00" in sheet
