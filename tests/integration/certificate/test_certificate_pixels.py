"""The fast certificate sheet prints exactly what the plain drawing kit prints.

``CertificateSheet`` caches widths, skips clips and batches cells (for speed, see
bench/certificate_bench.py); both renderings are rasterised by pdftoppm at 100 dpi and must
be equal pixel for pixel — several lengths, one type and all types, first print and reprint.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from reportlab.lib import colors

from counter_app.printing import BranchInfo
from counter_app.printing.certificate import (
    CertificateData,
    CertificatePerson,
    InsuranceLine,
    MonthLine,
    render_certificate,
)
from counter_app.printing.certificate_sheet import CertificateSheet
from counter_app.printing.layout import INK, Sheet

INS = ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")


class PlainSheet(CertificateSheet):
    """The certificate drawn with layout.Sheet's own text, cell and QR code."""

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        yield

    def text_width(self, text: str, size: float) -> float:
        return Sheet.text_width(self, text, size)

    def fit_size(self, text: str, width_mm: float, size: float, min_size: float) -> float:
        return Sheet.fit_size(self, text, width_mm, size, min_size)

    def text(self, x_mm: float, baseline_mm: float, text: str, size: float, *,
             align: str = "left", bold: bool = False, colour: colors.Color = INK) -> None:
        Sheet.text(self, x_mm, baseline_mm, text, size, align=align, bold=bold, colour=colour)

    def cell(self, x_mm: float, top_mm: float, w_mm: float, h_mm: float, text: str = "", *,
             label: bool = False, size: float = 10.0, min_size: float = 7.0,
             align: str | None = None, colour: colors.Color | None = None, bold: bool = False,
             max_lines: int = 2) -> None:
        Sheet.cell(self, x_mm, top_mm, w_mm, h_mm, text, label=label, size=size,
                   min_size=min_size, align=align, colour=colour, bold=bold, max_lines=max_lines)

    def qr(self, x_mm: float, top_mm: float, size_mm: float, value: str) -> None:
        Sheet.qr(self, x_mm, top_mm, size_mm, value)


def sample(n_months: int) -> CertificateData:
    months = []
    for k in range(n_months):
        y, m = 2021 + (k + 3) // 12, (k + 3) % 12 + 1
        if 20 <= k < 23:
            continue  # a gap: empty cells and a note
        for ins, rate in zip(INS, (0.08, 0.005, 0.0), strict=True):
            base = 1234567 if k % 7 == 0 else 830000  # 12,345.67 shrinks in its cell
            months.append(MonthLine(f"{y}{m:02d}", "E0000002" if k < 30 else "E0000003", ins,
                                    "330200", base, int(base * rate), k % 11 != 5))
    now = dt.datetime(2026, 11, 30, 10, 0, 0)
    return CertificateData(
        "浙江省社会保险参保证明（个人专用）",
        CertificatePerson("欧阳明珠", "330203198506122017", "居民身份证", "330203198506122017",
                          "2"),
        tuple(InsuranceLine(i, "CONTRIBUTING", "宁波海曙国际商贸物流集团股份有限公司第二分公司",
                            "91330200000000003X", 82) for i in INS[:2]),
        tuple(months), INS, "全部险种（养老、失业、工伤）", "3F2A9C01D4E5B677",
        "https://si.ningbo.example/verify?code=3F2A9C01D4E5B677", now,
        now + dt.timedelta(days=90), now,
        BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True))


def pixels(pdf: bytes, tmp: Path, name: str) -> list[np.ndarray]:
    (tmp / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(tmp / f"{name}.pdf"), str(tmp / name)],
                   check=True, capture_output=True)
    return [cv2.imread(str(p)) for p in sorted(tmp.glob(f"{name}-*.png"))]


@pytest.mark.parametrize(("n_months", "insurances", "printing"), [
    (60, INS, 1), (60, ("PENSION",), 3), (14, INS[1:], 2), (0, INS, 1)])
def test_fast_sheet_prints_the_same_pixels(tmp_path: Path, n_months: int,
                                           insurances: tuple[str, ...], printing: int) -> None:
    data = dataclasses.replace(sample(n_months), insurances=insurances, printing=printing)
    fast = pixels(render_certificate(data), tmp_path, "fast")
    plain = pixels(render_certificate(data, sheet_type=PlainSheet), tmp_path, "plain")
    assert len(fast) == len(plain) >= 1
    for page, (a, b) in enumerate(zip(fast, plain, strict=True), start=1):
        assert a.shape == b.shape
        differing = int((a != b).any(axis=2).sum())
        assert differing == 0, f"page {page}: {differing} pixels differ"
    # and the page is not blank: the comparison saw the table
    assert int((fast[0] < 128).any(axis=2).sum()) > 10000
