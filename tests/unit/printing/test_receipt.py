"""The business receipt: masked person, status, next steps, pending notice."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from pypdf import PdfReader

from counter_app.printing import (
    Delivery,
    DeliveryMode,
    application_next_steps,
    render_business_receipt,
)
from tests.unit.printing.conftest import (
    AT,
    CENTRAL_BRANCH,
    EMS,
    INSTANT_BRANCH,
    decode_qr,
    pdf_text,
    receipt,
    render_png,
    squashed,
)


def test_receipt_content_with_masked_id() -> None:
    pdf = render_business_receipt(receipt())
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = squashed(pdf_text(pdf))
    for expected in (
        "宁波市社会保障卡业务回执", "SQ3302002026112900017", "社会保障卡申领（新申领）", "李明",
        "330203********2017", "中国工商银行宁波分行营业部", "宁波市海曙区药行街88号", "T0012",
        "2026-11-2909:30:15", "已受理，已提交中心系统", "后续办理事项", "当场制作", "12333",
        "网点业务章",
    ):
        assert expected in text, expected
    assert "330203198506122017" not in text
    assert "19850612" not in text
    assert "待上传" not in text


def test_pending_receipt_says_it_is_queued() -> None:
    steps = application_next_steps(CENTRAL_BRANCH, EMS, phone="13805741234")
    pdf = render_business_receipt(
        receipt(
            application_no="SQ3302002026112900018", person_name="王小雨",
            id_number="330206201503091028", branch=CENTRAL_BRANCH, teller_id="T0031",
            next_steps=steps, pending_sync=True,
            details=(("监护人", "李明（父亲）"), ("领卡方式", "EMS邮寄")),
        )
    )
    text = squashed(pdf_text(pdf))
    for expected in ("待上传（专线中断，已暂存本网点）", "线路恢复后自动上传", "监护人",
                     "李明（父亲）", "EMS", "138****1234", "330206********1028"):
        assert expected in text, expected
    assert "13805741234" not in text
    assert "已提交中心系统" not in text


def test_next_steps_depend_on_how_the_card_is_collected() -> None:
    instant = application_next_steps(INSTANT_BRANCH, Delivery(DeliveryMode.INSTANT))
    pickup = application_next_steps(CENTRAL_BRANCH, Delivery(DeliveryMode.BRANCH_PICKUP))
    ems = application_next_steps(CENTRAL_BRANCH, EMS, phone="13805741234")
    assert any("当场制作" in s for s in instant)
    assert any("宁波银行鄞州支行领卡" in s for s in pickup)
    assert any("封存" in s for s in pickup)
    assert any("EMS" in s and "138****1234" in s for s in ems)
    assert all("12333" in steps[-1] for steps in (instant, pickup, ems))


def test_reprint_shows_the_print_time() -> None:
    later = AT.replace(hour=15, minute=5)
    text = pdf_text(render_business_receipt(receipt(printed_at=later)))
    assert "打印时间：2026-11-29 15:05" in text


def test_receipt_renders_with_a_readable_qr(pdftoppm: str) -> None:
    pdf = render_business_receipt(receipt())
    png = render_png(pdf, "business_receipt")
    pixels = np.array(Image.open(png).convert("L"))
    assert pixels.shape == (936, 662)
    assert decode_qr(render_png(pdf, "business_receipt_150dpi", dpi=150)) == (
        "SQ3302002026112900017"
    )
    pending = render_business_receipt(receipt(pending_sync=True))
    render_png(pending, "business_receipt_pending")
