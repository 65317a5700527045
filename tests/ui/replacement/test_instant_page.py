"""The replacement page at an instant branch, driven as a teller would, offscreen, against the
real reference central and a real SQLite store: no photo of the holder on file, so the options
step asks for one (imported from a file, checked); the done step offers 当场制卡 (F12), which
hands the new card's instant application to the issuance; the done step fits the work area of
a 1366 px wide screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from counter_app.ui.replacement.page import DoneScreen, OptionsScreen, ReplacementPage
from counter_app.workflows.issuance import IssuanceDesk
from counter_app.workflows.replacement import ReplacementDesk, Step
from tests.integration.card_loss.conftest import LI_MING, Counter
from tests.integration.replacement.test_replacement_instant import PORTRAIT, Made, formally_lost
from tests.ui.replacement.test_replacement_page import at, to_card

pytestmark = pytest.mark.central

PAGE_W = 1366 - 230  # the main window's menu takes the rest of a 1366 px screen


def test_made_on_the_spot_asks_for_a_photo_then_hands_over_to_the_issuance(
        qtbot, counters: dict[str, Counter], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    icbc = counters["ICBC"]
    made = Made(icbc, tmp_path)
    made.blank()  # the teller holds one blank today
    formally_lost(icbc, LI_MING)
    page = ReplacementPage(ReplacementDesk(icbc.ctx, instant=made.port))
    qtbot.addWidget(page)
    page.resize(PAGE_W, 760)
    page.show()
    page.open()
    qtbot.waitUntil(lambda: page.wf is not None, timeout=10000)
    card = to_card(qtbot, page)
    qtbot.waitUntil(lambda: page.next_button.isEnabled(), timeout=10000)
    assert card.problem.text() == ""
    page.go_next()
    at(qtbot, page, Step.OPTIONS)
    options = page.view(Step.OPTIONS)
    assert isinstance(options, OptionsScreen)
    box = options.making
    assert box.isVisible() and box.instant.isChecked()  # a blank is held: on the spot first
    assert "1 张" in box.blanks.text()
    assert "没有持卡人原卡的照片" in box.photo_state.text()
    assert "当场制卡" in options.summary.text()
    # confirming without a photo: refused beside the choice, nothing sent
    page.step_key("F9")
    at(qtbot, page, Step.OPTIONS)
    qtbot.waitUntil(lambda: "照片" in options.errors.text(), timeout=10000)
    assert icbc.client.card_status("NB0000016").card_state == "ACTIVE"
    # the photo imported from a file and checked (F4 opens the chooser; the path here)
    box.import_path(PORTRAIT)
    qtbot.waitUntil(lambda: "已通过检查" in box.photo_state.text(), timeout=20000)
    assert box.photo.pixmap() is not None and not box.photo.pixmap().isNull()
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    assert isinstance(done, DoneScreen)
    assert "当场制卡" in done.result.text()
    assert done.issue_button.isVisible()
    wf = page.wf
    assert wf is not None and wf.issuance_no
    assert wf.issuance_no in [c.application_no for c in IssuanceDesk(made.issuance).waiting()]
    with qtbot.waitSignal(page.sig_issue, timeout=5000) as handed:
        qtbot.mouseClick(done.issue_button, Qt.MouseButton.LeftButton)
    assert handed.args == [wf.issuance_no]
    # nothing of the done step is pushed past the work area of a 1366 px screen
    viewport = page.scrolls[Step.DONE].viewport().width()
    assert 0 < done.minimumSizeHint().width() <= viewport, (done.minimumSizeHint(), viewport)
    page.close_page()
