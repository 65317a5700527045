"""Certificate generation per page, in-process, against a baseline measured in the same run.

    .venv/bin/python bench/certificate_bench.py [--runs N]

The certificate: 48 months × 3 insurance types (two pages with the footer). The baseline: a
plain reportlab canvas writing the same number of text strings with the same CJK font on
the same number of pages (no table, no QR, no seal). Goal: ≤ 20 ms per page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import time
from collections.abc import Callable

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing import BranchInfo, cjk_fonts
from counter_app.printing.certificate import (
    CertificateData,
    CertificatePerson,
    InsuranceLine,
    MonthLine,
    render_certificate,
)

INS = ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")


def sample() -> CertificateData:
    months = []
    for k in range(48):
        y, m = 2022 + (11 + k) // 12, (11 + k) % 12 + 1
        for ins, rate in zip(INS, (0.08, 0.005, 0.0), strict=True):
            months.append(MonthLine(f"{y}{m:02d}", "E0000002" if k < 30 else "E0000003", ins,
                                    "330200", 830000, int(830000 * rate), k != 47))
    now = dt.datetime(2026, 11, 30, 10, 0, 0)
    return CertificateData(
        "浙江省社会保险参保证明（个人专用）",
        CertificatePerson("李明", "330203198506122017", "居民身份证", "330203198506122017", "1"),
        tuple(InsuranceLine(i, "CONTRIBUTING", "宁波海曙商贸有限公司", "91330200000000003X", 82)
              for i in INS),
        tuple(months), INS, "全部险种（养老、失业、工伤）", "3F2A9C01D4E5B677",
        "https://si.ningbo.example/verify?code=3F2A9C01D4E5B677", now, now + dt.timedelta(days=90),
        now, BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True))


def baseline(strings: int, pages: int) -> bytes:
    fonts = cjk_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    per_page = strings // pages
    for _ in range(pages):
        c.setFont(fonts.regular, 7)
        for i in range(per_page):
            c.drawString(30 + (i % 15) * 36, 800 - (i // 15) * 13, "宁波市 8,300.00")
        c.showPage()
    c.save()
    return buffer.getvalue()


def timed(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    data = sample()
    pdf = render_certificate(data)  # warm: fonts registered, modules loaded
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    strings = 48 * 15 + 60  # the table's cells plus the header, summary and footer text
    baseline(strings, pages)
    cert_s = timed(lambda: render_certificate(data), args.runs)
    base_s = timed(lambda: baseline(strings, pages), args.runs)
    per_page_ms = cert_s * 1000 / pages
    print(f"certificate: {pages} pages, {cert_s * 1000:.1f} ms total, {per_page_ms:.1f} ms per page "
          f"(goal ≤ 20 ms per page: {'met' if per_page_ms <= 20 else 'NOT met'})")
    print(f"baseline (plain reportlab, same text volume): {base_s * 1000:.1f} ms total, "
          f"{base_s * 1000 / pages:.1f} ms per page")
    print(f"ratio certificate / baseline: {cert_s / base_s:.2f}")


if __name__ == "__main__":
    main()
