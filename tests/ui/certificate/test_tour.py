"""`counter-app demo --tour DIR --only certificate` end to end, as a separate process: a PNG
of every step (issue, preview, print, reprint, verify, an unknown code refused, a typed number
with a gap, for a chosen from–to period) and the three certificates as PDF — the reprint marked, the QR on the printed page
carrying the code printed beside it, the gap named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from tests.fixtures.qr import decode_pdf_qr
from tests.fixtures.tour import run_tour
from tests.integration.certificate.test_certificate import pdf_text

pytestmark = pytest.mark.central

STEPS = ("identify", "id-card-read", "card-read", "type-and-period", "issued", "preview", "printed",
         "reprinted", "verify-empty", "verified", "unknown-code-refused", "typed-number",
         "chosen-period", "pension-issued")


def test_the_certificate_tour_saves_every_step_and_the_certificates(tmp_path: Path) -> None:
    out, _ = run_tour(tmp_path, "certificate")
    folder = out / "certificate"
    shots = sorted(p.name for p in folder.glob("*.png"))
    for step in STEPS:
        found = [name for name in shots if re.fullmatch(rf"\d+-{step}\.png", name)]
        assert len(found) == 1, step
        with Image.open(folder / found[0]) as image:  # a real screen, not an empty file
            assert image.width >= 700 and image.height >= 500, step
            low, high = image.convert("L").getextrema()
            assert high - low > 100, step
    assert {p.name for p in folder.glob("*.pdf")} == {
        "li-ming-original.pdf", "li-ming-reprint.pdf", "luo-jun-pension-gap.pdf"}

    original = (folder / "li-ming-original.pdf").read_bytes()
    pages = pdf_text(original, tmp_path)
    assert len(pages) >= 2 and "浙江省社会保险参保证明（个人专用）" in pages[0]
    assert "缴费明细（48个月）" in "".join(pages) and "补打" not in "".join(pages)
    code = re.search(r"授权码：([0-9A-F]{16})", pages[-1])
    assert code is not None
    assert code.group(1) in decode_pdf_qr(original, page=len(pages))  # what a verifier scans
    reprint = pdf_text((folder / "li-ming-reprint.pdf").read_bytes(), tmp_path)
    assert all("补打件（第2次打印）" in page for page in reprint)
    assert f"授权码：{code.group(1)}" in reprint[-1]  # the same certificate, printed again

    gap = "".join(pdf_text((folder / "luo-jun-pension-gap.pdf").read_bytes(), tmp_path))
    assert "养老保险" in gap and "失业保险" not in gap
    assert "缴费明细（37个月）" in gap  # 43 calendar months chosen, six of them without a record
    assert "以下月份无缴费记录" in gap and "（6个月）" in gap
    assert "330282********5672" in gap and "330282198903145672" not in gap
