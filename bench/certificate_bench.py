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


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds per call: on a shared, loaded machine the wall time
    includes waiting for a core, the CPU time does not."""
    wall, cpu = [], []
    for _ in range(runs):
        t, p = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - p)
        wall.append(time.perf_counter() - t)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    data = sample()
    t = time.perf_counter()
    pdf = render_certificate(data)  # cold: fonts registered, modules loaded, caches empty
    cold_ms = (time.perf_counter() - t) * 1000
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    strings = 48 * 15 + 60  # the table's cells plus the header, summary and footer text
    baseline(strings, pages)
    cert_wall, cert_cpu = timed(lambda: render_certificate(data), args.runs)
    base_wall, base_cpu = timed(lambda: baseline(strings, pages), args.runs)
    wall_ms, cpu_ms = cert_wall * 1000 / pages, cert_cpu * 1000 / pages
    print(f"certificate: {pages} pages, {cert_wall * 1000:.1f} ms total, {wall_ms:.1f} ms per "
          f"page wall, {cpu_ms:.1f} ms per page CPU; goal ≤ 20 ms per page: "
          f"{'met' if wall_ms <= 20 else 'NOT met'} on wall time, "
          f"{'met' if cpu_ms <= 20 else 'NOT met'} on CPU time (wall includes waiting for a "
          f"core on a loaded machine); first render in the process {cold_ms:.0f} ms")
    print(f"baseline (plain reportlab, same text volume): {base_wall * 1000 / pages:.1f} ms per "
          f"page wall, {base_cpu * 1000 / pages:.1f} ms per page CPU")
    print(f"ratio certificate / baseline: {cert_wall / base_wall:.2f} wall, "
          f"{cert_cpu / base_cpu:.2f} CPU")


if __name__ == "__main__":
    main()
