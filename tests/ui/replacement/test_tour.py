"""`counter-app demo --tour DIR --only replacement` end to end, as a separate process: the lost
ICBC card formally lost, replaced with 同号换卡 at the ICBC instant branch and made on the spot
(a new photo, the card face and the issuance receipt saved), then the same person's card
refused at a CCB branch, naming the bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.fixtures.tour import run_tour

pytestmark = pytest.mark.central


def _text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages)


def test_the_replacement_tour_makes_the_card_on_the_spot_then_refuses_at_ccb(tmp_path: Path) -> None:
    out, done = run_tour(tmp_path, "replacement", timeout=400)
    assert {p.name for p in out.iterdir() if p.is_dir()} == {"replacement", "replacement-other-bank"}
    # played in this order against one central: the refusal is about the same person
    assert done.stdout.index("当场制卡") < done.stdout.index("建行网点补卡被拒")
    folder = out / "replacement"
    shots = sorted(p.name for p in folder.glob("*.png"))
    for step in ("replacement-not-formally-lost", "replacement-loss-first",
                 "replacement-options-same-number", "replacement-options-instant-photo",
                 "replacement-done", "replacement-receipt-preview",
                 "replacement-issuance-insert-blank", "replacement-issued",
                 "preview-replacement-issued-face", "preview-replacement-issued-receipt"):
        assert any(name.endswith(f"-{step}.png") for name in shots), step
    receipt = _text(folder / "replacement-receipt.pdf")
    assert "遗失补卡（同号换卡）" in receipt and "当场制卡" in receipt
    assert "集中制卡" not in receipt and "尚未开通" not in receipt
    assert "已注销" in receipt and "20.00 元" in receipt
    fee = _text(folder / "replacement-fee-receipt.pdf")  # the 工本费 receipt, with its number
    assert "工本费" in fee and "20.00" in fee
    face = PdfReader(folder / "replacement-issued-face.pdf")
    box = face.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)) \
        == (85.6, 54.0)  # CR80
    face_text = face.pages[0].extract_text()
    assert "社会保障卡" in face_text and "李明" in face_text
    assert face.pages[0].images, "the card face carries the holder's photo"
    issued = _text(folder / "replacement-issued-receipt.pdf")
    assert "即时制卡回执" in issued and "社会保障卡遗失补卡（同号换卡）" in issued
    assert "330203********2017" in issued
    refused = sorted(p.name for p in (out / "replacement-other-bank").glob("*.png"))
    assert any(name.endswith("-replacement-refused-other-bank.png") for name in refused)
