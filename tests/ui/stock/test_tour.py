"""`counter-app demo --tour DIR --only stock` end to end, as a separate process: the spoil is
authorised (password + the authenticator's code) and the count sheets say what happened."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout


def _branch_row(text: str) -> list[str]:
    """The numbers of the branch line under 入库登记 … 废卡 … 库存实点."""
    lines = text.splitlines()
    head = next(i for i, line in enumerate(lines) if "入库登记" in line and "废卡" in line)
    row = next(line for line in lines[head + 1:] if re.search(r"\d", line))
    return re.findall(r"\d+", row)


def test_the_stock_tour_spoils_one_card_and_balances(tmp_path: Path) -> None:
    out, _ = run_tour(tmp_path, "stock", timeout=400)
    folder = out / "stock"
    shots = sorted(p.name for p in folder.glob("*.png"))
    for step in ("stock-spoiled", "stock-reconciled", "stock-reconciled-difference"):
        assert any(name.endswith(f"-{step}.png") for name in shots), step

    balanced = _text(folder / "count-sheet-balanced.pdf")
    # received 9 = stock 4 + custody 4 + issued 0 + spoiled 1, counted 4
    assert _branch_row(balanced)[:6] == ["9", "4", "4", "0", "1", "4"]
    assert "当日废卡（1 张" in balanced
    assert "写卡中断，芯片无响应" in balanced
    assert "账实相符，无差异。" in balanced

    short = _text(folder / "count-sheet-difference.pdf")
    assert _branch_row(short)[:6] == ["9", "4", "4", "0", "1", "3"]
    assert "账实相符" not in short
    assert "四、差异" in short
