"""The application's fee on the page, against the reference central: a re-application shows its
工本费 on the review step, a wrong transfer reference is told beside it, the fee is refused
without the teller's session, then taken with the application and its receipt saved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from counter_app.devices.photo import FileCameraSource
from counter_app.ui.application.page import ApplicationPage
from counter_app.workflows.application import ApplicationDesk, Step
from tests.integration.application.conftest import INSTANT, PORTRAIT, Counter
from tests.integration.application.test_application_fee_central import HE_CHEN, cancel_the_card, with_fees
from tests.ui.application.test_application_page import at, idle, walk_to_photo

pytestmark = pytest.mark.central


def test_a_re_application_takes_its_fee_on_the_page(qtbot, store, central, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counter = Counter(store, central.url, INSTANT)
    sessions, fees, _day_end = with_fees(counter)
    cancel_the_card(counter)
    page = ApplicationPage(ApplicationDesk(counter.ctx), lambda: FileCameraSource([PORTRAIT]))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.open()
    try:
        qtbot.waitUntil(lambda: page.wf is not None, timeout=10000)
        walk_to_photo(qtbot, page, HE_CHEN)
        page.step_key("F5")
        idle(qtbot, page)
        page.go_next()
        at(qtbot, page, Step.REVIEW)
        review = page.views[Step.REVIEW]
        assert review.fee_box.isVisible()
        assert "15.00 元" in review.fee_title.text() and "非首次申领" in review.fee_title.text()

        review.fee_transfer.setChecked(True)
        review.fee_reference.setText("TX1")  # too short: told beside the fee, nothing sent
        page.submit()
        idle(qtbot, page)
        assert page.wf.step is Step.REVIEW
        assert "转账凭证号应为" in review.fee_error.text()
        assert counter.client.person_applications(HE_CHEN)[-1].state == "CANCELLED"

        review.fee_reference.setText("TX20261130")
        page.submit()  # no session open: refused before anything is sent
        idle(qtbot, page)
        assert page.wf.step is Step.REVIEW and "柜员会话" in page.banner.text()
        assert counter.client.person_applications(HE_CHEN)[-1].state == "CANCELLED"

        sessions.open("0")
        page.submit()
        at(qtbot, page, Step.DONE)
        idle(qtbot, page)
        done = page.views[Step.DONE]
        [fee] = fees.session_fees()
        assert (fee.amount_fen, fee.method, fee.reference) == (1500, "transfer", "TX20261130")
        assert done.fee_frame.isVisible() and fee.receipt_no in done.fee_receipt.text()
        assert "已收（转账（凭证 TX20261130））" in done.fee_receipt.text()
        assert not done.fee_buttons["retry"].isVisible()
        page.fee_receipt_action("save", tmp_path / "fee")
        idle(qtbot, page)
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(tmp_path / "fee.pdf").pages))
        assert fee.receipt_no in text and "15.00" in text and "壹拾伍元整" in text
    finally:
        page.close_page()
        counter.client.close()
