"""The receipt of an instant application accepted as deferred (timeout or lost answer) never
promises the card on the spot while it says "待上传" (issue 9)."""

from __future__ import annotations

from counter_app.printing import (
    Delivery,
    DeliveryMode,
    application_next_steps,
    render_business_receipt,
)
from tests.unit.printing.conftest import INSTANT_BRANCH, pdf_text, receipt, squashed

INSTANT = Delivery(mode=DeliveryMode.INSTANT)


def test_a_pending_instant_receipt_says_the_card_waits_for_the_central() -> None:
    steps = application_next_steps(INSTANT_BRANCH, INSTANT, phone="13805741234",
                                   pending_sync=True)
    text = squashed(pdf_text(render_business_receipt(receipt(next_steps=steps,
                                                              pending_sync=True))))
    assert "待上传" in text
    assert "当场制作" not in text and "请在等候区稍候" not in text
    assert "确认后由本网点制作新卡" in text and "138****1234" in text
    assert "13805741234" not in text


def test_a_confirmed_instant_receipt_still_says_wait_here() -> None:
    steps = application_next_steps(INSTANT_BRANCH, INSTANT)
    text = squashed(pdf_text(render_business_receipt(receipt(next_steps=steps))))
    assert "当场制作，请在等候区稍候" in text and "待上传" not in text
