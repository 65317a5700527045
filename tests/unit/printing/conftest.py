"""Sample documents (demo people from CONVENTIONS.md) and PDF helpers for the printing tests."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from counter_app.printing import (
    Applicant,
    ApplicationFormData,
    BranchInfo,
    Delivery,
    DeliveryMode,
    Guardian,
    ReceiptData,
    application_next_steps,
)

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "printing"
PHOTO = Path(__file__).resolve().parents[2] / "data" / "photos" / "portrait.jpg"
AT = dt.datetime(2026, 11, 29, 9, 30, 15)

INSTANT_BRANCH = BranchInfo(
    code="330200-ICBC-0101", name="中国工商银行宁波分行营业部", bank_name="中国工商银行",
    instant_issue=True, address="宁波市海曙区药行街88号",
)
CENTRAL_BRANCH = BranchInfo(
    code="330200-NBCB-0032", name="宁波银行鄞州支行", bank_name="宁波银行", instant_issue=False,
)
ADULT = Applicant(
    name="李明", id_number="330203198506122017", sex="1", nation="汉族",
    birth_date=dt.date(1985, 6, 12), address="浙江省宁波市海曙区中山西路138号2幢1单元501室",
    phone="13805741234", household="本市户籍",
)
MINOR = Applicant(
    name="王小雨", id_number="330206201503091028", sex="2", nation="汉族",
    birth_date=dt.date(2015, 3, 9), address="浙江省宁波市北仑区新碶街道明州路88弄12号302室",
    phone="13805741234", household="本市户籍",
)
GUARDIAN = Guardian(name="李明", id_number="330203198506122017", relationship="父亲",
                    phone="13805741234")
EMS = Delivery(DeliveryMode.EMS, address="浙江省宁波市北仑区新碶街道明州路88弄12号302室",
               recipient="李明", phone="13805741234")


def photo_jpeg() -> bytes:
    """A card photo sized like the real one (358×441 JPEG) without running the detector."""
    image = Image.open(PHOTO).convert("RGB").resize((358, 441))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70, dpi=(350, 350))
    return buffer.getvalue()


def adult_form(**changes: object) -> ApplicationFormData:
    values: dict[str, object] = dict(
        application_no="SQ3302002026112900017", applicant=ADULT, branch=INSTANT_BRANCH,
        delivery=Delivery(DeliveryMode.INSTANT), teller_id="T0012", accepted_at=AT,
        photo_jpeg=photo_jpeg(),
    )
    values.update(changes)
    return ApplicationFormData(**values)  # type: ignore[arg-type]


def minor_form(**changes: object) -> ApplicationFormData:
    values: dict[str, object] = dict(
        application_no="SQ3302002026112900018", applicant=MINOR, branch=CENTRAL_BRANCH,
        delivery=EMS, teller_id="T0031", accepted_at=AT, photo_jpeg=photo_jpeg(),
        guardian=GUARDIAN, pending_sync=True,
    )
    values.update(changes)
    return ApplicationFormData(**values)  # type: ignore[arg-type]


def receipt(**changes: object) -> ReceiptData:
    values: dict[str, object] = dict(
        application_no="SQ3302002026112900017", business_type="社会保障卡申领（新申领）",
        person_name="李明", id_number="330203198506122017", branch=INSTANT_BRANCH,
        teller_id="T0012", accepted_at=AT,
        next_steps=application_next_steps(INSTANT_BRANCH, Delivery(DeliveryMode.INSTANT)),
    )
    values.update(changes)
    return ReceiptData(**values)  # type: ignore[arg-type]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def squashed(text: str) -> str:
    """Text without whitespace: wrapped lines and spaced ID numbers compare as typed."""
    return re.sub(r"\s+", "", text)


def render_png(pdf: bytes, name: str, dpi: int = 80) -> Path:
    """Render page 1 with pdftoppm into artifacts/printing/ (kept for people to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(source), str(ARTIFACTS / name)],
        check=True, timeout=60,
    )
    return ARTIFACTS / f"{name}.png"


def decode_qr(png: Path) -> str:
    """Decode the QR code on a rendered page (two OpenCV detectors: each misses some codes)."""
    pixels = np.array(Image.open(png).convert("L"))
    for detector in (cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector()):
        text, _, _ = detector.detectAndDecode(pixels)
        if text:
            return str(text)
    return ""


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    path = shutil.which("pdftoppm")
    if path is None:
        pytest.fail("pdftoppm is missing: install the Debian package poppler-utils")
    return path
