"""The contribution certificate through the reference central: issue, print, reprint, verify.

The PDF is rendered with pdftoppm and its QR decoded (OpenCV) to what verification accepts;
its text is extracted with pdftotext and checked field by field.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from counter_app.central.client import HttpCentralClient
from counter_app.central.launcher import CentralSimHandle
from counter_app.domain.errors import CounterError
from counter_app.printing import BranchInfo
from counter_app.workflows.certificate import (
    CertificateContext,
    CertificateDesk,
    CertificateWorkflow,
    Step,
)
from tests.fixtures.audit import Audit
from tests.fixtures.qr import decode_pdf_qr

pytestmark = pytest.mark.central

LI_MING = "330203198506122017"  # 83 months, three employers (two in the last 48 months)
LUO_JUN = "330282198903145672"  # six months without any record, 30–35 months ago
BRANCH = BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True)


@pytest.fixture
def desk(client: HttpCentralClient, audit: Audit) -> CertificateDesk:
    return CertificateDesk(CertificateContext(BRANCH, "ICBC-NB-0101", "C01", "t01", client, audit))


def issue(desk: CertificateDesk, id_number: str, kind: str = "ALL",
          months: str = "48") -> CertificateWorkflow:
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": id_number})
    wf.next()
    assert wf.apply(Step.OPTIONS, {"kind": kind, "months": months}) == {}
    wf.issue()
    assert wf.step is Step.DONE
    return wf


def pdf_text(pdf: bytes, tmp: Path) -> list[str]:
    """The text of each page (pdftotext keeps the layout's reading order)."""
    path = tmp / "c.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         check=True, text=True).stdout
    return out.split("\f")[:-1]


def decode_qr(pdf: bytes, tmp: Path) -> str:
    """Render the last page as a printer would and scan its QR code."""
    return decode_pdf_qr(pdf, page=len(pdf_text(pdf, tmp)))


def test_tools_are_installed() -> None:
    assert shutil.which("pdftoppm") and shutil.which("pdftotext"), "apt-get install poppler-utils"


def test_48_months_several_employers_page_breaks_and_totals(desk: CertificateDesk,
                                                            audit: Audit, tmp_path: Path) -> None:
    wf = issue(desk, LI_MING)
    issued = wf.record.issued
    assert issued is not None and len(issued.auth_code) >= 8
    assert ("certificate.issued", {"auth_code": issued.auth_code, "kind": "ALL", "months": 48,
                                   "id_source": "typed", "card_read": False}) in audit.events
    pages = pdf_text(wf.output_pdf("print"), tmp_path)
    assert len(pages) >= 2, "48 months of detail do not fit on one page"
    first, last = pages[0], pages[-1]
    assert "浙江省社会保险参保证明（个人专用）" in first
    assert "330203********2017" in first and LI_MING not in "".join(pages)  # masked
    assert "91330200000000002X" in first or "91330200000000003X" in first
    assert "（续）" in pages[1]
    for i, page in enumerate(pages, start=1):
        assert f"第{i}页/共{len(pages)}页" in page.replace(" ", "") and issued.auth_code in page
    content_months = {m["year_month"] for m in issued.content["months"]}
    assert len(content_months) == 48
    # every month of the detail is printed once (year and month in their own columns)
    printed = sum(1 for page in pages for line in page.splitlines()
                  if line.split()[:2] and line.split()[0].isdigit() and len(line.split()[0]) == 4
                  and line.split()[0] + line.split()[1] in content_months)
    assert printed == 48
    employers = {m["employer_no"] for m in issued.content["months"]}
    assert len(employers) >= 2 and all(e in "".join(pages) for e in employers)
    paid = sum(1 for m in issued.content["months"] if m["insurance"] == "PENSION" and m["paid"])
    personal = sum(m["personal_fen"] for m in issued.content["months"]
                   if m["insurance"] == "PENSION" and m["paid"])
    assert f"已缴{paid}个月" in last and f"{personal / 100:,.2f}" in last
    assert "未缴" in "".join(pages)  # the current month is not paid yet
    assert "补打" not in "".join(pages)
    assert f"授权码：{issued.auth_code}" in last and "电子签章" in last and "打印时间" in last


def test_person_with_gaps_has_them_named(desk: CertificateDesk, tmp_path: Path) -> None:
    wf = issue(desk, LUO_JUN)
    issued = wf.record.issued
    assert issued is not None
    months = sorted({m["year_month"] for m in issued.content["months"]})
    text = "".join(pdf_text(wf.output_pdf("print"), tmp_path))
    assert "以下月份无缴费记录" in text and "（6个月）" in text
    # the gap lies inside the printed period: the detail spans more calendar months than rows
    first, last = months[0], months[-1]
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[4:]) - int(first[4:]) + 1
    assert span == len(months) + 6


def test_single_type_prints_only_that_type(desk: CertificateDesk, tmp_path: Path) -> None:
    wf = issue(desk, LI_MING, kind="PENSION", months="12")
    text = "".join(pdf_text(wf.output_pdf("save_pdf"), tmp_path))
    assert "养老保险" in text and "失业保险" not in text and "工伤保险" not in text
    assert "缴费明细（12个月）" in text


def test_reprint_is_marked_and_audited(desk: CertificateDesk, audit: Audit,
                                       tmp_path: Path) -> None:
    wf = issue(desk, LI_MING, months="6")
    first = pdf_text(wf.output_pdf("print"), tmp_path)
    second = pdf_text(wf.output_pdf("print"), tmp_path)
    assert all("补打" not in p for p in first)
    assert all("补打件（第2次打印）" in p for p in second)  # every page says so
    issued = wf.record.issued
    assert issued is not None and issued.auth_code in second[-1]
    assert [a for a, _ in audit.events][-2:] == ["certificate.printed", "certificate.reprinted"]


def test_qr_on_the_printed_page_is_accepted_by_verification(desk: CertificateDesk,
                                                            tmp_path: Path) -> None:
    wf = issue(desk, LI_MING)
    scanned = decode_qr(wf.output_pdf("print"), tmp_path)
    result = desk.verify(scanned)
    issued = wf.record.issued
    assert issued is not None
    assert result.auth_code == issued.auth_code and result.valid and not result.expired
    assert result.content_sha256 == issued.content_sha256
    assert "真实有效" in result.verdict_zh


def test_unknown_code_refused_in_chinese(desk: CertificateDesk) -> None:
    with pytest.raises(CounterError) as err:
        desk.verify("00000000DEADBEEF")
    assert err.value.code == "CERTIFICATE_UNKNOWN" and "不是中心系统出具的" in err.value.message_zh
    with pytest.raises(CounterError) as bad:
        desk.verify("不是授权码")
    assert bad.value.code == "AUTH_CODE_FORMAT"


def test_line_down_says_the_central_is_needed(desk: CertificateDesk,
                                             central: CentralSimHandle) -> None:
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING})
    wf.next()
    central.line_down()
    try:
        with pytest.raises(CounterError) as err:
            wf.issue()
        assert err.value.code == "CERTIFICATE_NEEDS_CENTRAL" and "不能离线出具" in err.value.message_zh
        assert wf.step is Step.OPTIONS and wf.record.issued is None
        with pytest.raises(CounterError) as verr:
            desk.verify("00000000DEADBEEF")
        assert verr.value.code == "CERTIFICATE_NEEDS_CENTRAL"
    finally:
        central.line_up()
    wf.issue()  # the same request, once the line is back
    assert wf.record.issued is not None
