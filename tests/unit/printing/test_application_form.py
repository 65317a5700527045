"""The application form: its text, its photo, its codes, and how it renders."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from counter_app.domain.errors import ValidationError
from counter_app.printing import render_application_form, unprintable_chars
from tests.unit.printing.conftest import (
    ADULT,
    GUARDIAN,
    MINOR,
    adult_form,
    decode_qr,
    minor_form,
    pdf_text,
    photo_jpeg,
    render_png,
    squashed,
)


@pytest.fixture(scope="module")
def adult_pdf() -> bytes:
    return render_application_form(adult_form())


@pytest.fixture(scope="module")
def minor_pdf() -> bytes:
    return render_application_form(minor_form())


def test_one_a4_page(adult_pdf: bytes) -> None:
    assert adult_pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(adult_pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert "社会保障卡申领登记表" in (reader.metadata.title or "")


def test_adult_form_carries_the_applicant_and_the_application(adult_pdf: bytes) -> None:
    text = squashed(pdf_text(adult_pdf))
    for expected in (
        "宁波市社会保障卡申领登记表", "申领人基本信息", ADULT.name, "男", "汉族",
        "1985年06月12日", ADULT.id_number, ADULT.address, ADULT.phone, "本市户籍",
        "中国工商银行", "中国工商银行宁波分行营业部", "330200-ICBC-0101",
        "即时制卡（网点当场制卡）", "网点即时领卡", "SQ3302002026112900017",
        "申领人承诺", "申领人签名", "经办柜员签章", "柜员号：T0012", "2026年11月29日",
    ):
        assert expected in text, expected
    assert "申领人已成年" in text
    assert "待上传" not in text


def test_minor_form_has_guardian_delivery_and_pending_notice(minor_pdf: bytes) -> None:
    text = squashed(pdf_text(minor_pdf))
    for expected in (
        MINOR.name, "女", MINOR.id_number, "监护人信息", GUARDIAN.name, "父亲",
        GUARDIAN.id_number, "户口簿", "监护人签名", "集中制卡", "EMS邮寄",
        "制卡完成后到受理网点领取", "明州路88弄12号302室", "宁波银行鄞州支行", "待上传",
        "专线中断",
    ):
        assert expected in text, expected
    assert "申领人已成年" not in text


def _image_streams(pdf: bytes) -> list[bytes]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    return [
        obj.get_data()  # filters other than DCT undone: the JPEG file itself
        for obj in (ref.get_object() for ref in xobjects.values())
        if obj.get("/Subtype") == "/Image"
    ]


def test_photo_is_embedded_unchanged(adult_pdf: bytes) -> None:
    assert _image_streams(adult_pdf) == [photo_jpeg()]  # passed through, not recompressed


def test_without_photo_the_box_asks_for_one() -> None:
    pdf = render_application_form(adult_form(photo_jpeg=None))
    assert _image_streams(pdf) == []
    assert "照片" in pdf_text(pdf)


def test_unprintable_photo_is_a_teller_error() -> None:
    with pytest.raises(ValidationError) as info:
        render_application_form(adult_form(photo_jpeg=b"\xff\xd8\xff\xe0 not really"))
    assert info.value.code == "PRINT_PHOTO"


def test_font_is_embedded_truetype(adult_pdf: bytes) -> None:
    assert b"/FontFile2" in adult_pdf  # TrueType program embedded (subset)
    assert b"/Subtype /TrueType" in adult_pdf


def test_same_input_same_bytes(adult_pdf: bytes) -> None:
    assert render_application_form(adult_form()) == adult_pdf


def test_long_address_and_name_do_not_get_lost() -> None:
    # three times a long real-world address: shrinks and wraps inside its cell, all printed
    address = "浙江省宁波市鄞州区首南街道天童南路588号宁波文化广场7号楼东侧商务公寓B座二十三层2307室" * 3
    person = ADULT.__class__(**{**ADULT.__dict__, "address": address, "name": "欧阳娜娜娜娜"})
    pdf = render_application_form(adult_form(applicant=person))
    text = squashed(pdf_text(pdf))
    assert squashed(address) in text
    assert "欧阳娜娜娜娜" in text


def test_every_character_printed_has_a_glyph() -> None:
    form = minor_form()
    values = [form.applicant.name, form.applicant.address, form.branch.name, GUARDIAN.name,
              form.delivery.address, form.business_type]
    assert unprintable_chars("".join(values)) == []


def test_renders_to_a_page_with_a_readable_qr(adult_pdf: bytes, minor_pdf: bytes,
                                              pdftoppm: str) -> None:
    for name, pdf, number in (
        ("application_form_adult", adult_pdf, "SQ3302002026112900017"),
        ("application_form_minor", minor_pdf, "SQ3302002026112900018"),
    ):
        png = render_png(pdf, name)
        pixels = np.array(Image.open(png).convert("L"))
        assert pixels.shape == (936, 662)  # A4 at 80 dpi
        assert (pixels < 128).mean() > 0.02  # not blank
        assert decode_qr(render_png(pdf, name + "_150dpi", dpi=150)) == number
