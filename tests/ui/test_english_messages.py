"""The English counter shows the refusals a teller meets in English, although they are
composed below the UI in Chinese (``zh()``/``QT_TR_NOOP``, counter_app/domain/texts.py): the
UI's chokepoints (banner, field errors, error labels) pass them through ``tr()``.

The language is chosen once per process before the UI modules are imported (some build their
labels at import), so the English cases run in a child pytest of this same file with
``COUNTER_TEST_UI_LANGUAGE=en``; in the parent only the test that starts the child is defined.
Each case drives the signed-in main window as a teller would and asserts that what is shown
has no Chinese character apart from the customer's data; the docstring of each names the module
below the UI whose text it shows.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from counter_app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE_ENV = "COUNTER_TEST_UI_LANGUAGE"
ENGLISH = os.environ.get(LANGUAGE_ENV) == "en"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
if ENGLISH:  # before any UI module is imported in this process
    assert i18n.set_language("en") == "en", "the English catalogue did not load"


def english(text: str) -> str:
    """``text`` when it has no Chinese character; else the failure names it."""
    assert text.strip(), "nothing shown"
    assert not CJK.search(text), f"Chinese in the English UI: {text!r}"
    return text


if not ENGLISH:

    def test_the_english_counter_shows_refusals_in_english() -> None:
        env = {**os.environ, LANGUAGE_ENV: "en", "QT_QPA_PLATFORM": "offscreen"}
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                              str(Path(__file__).relative_to(ROOT))],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
        assert " passed" in run.stdout, run.stdout[-2000:]

else:

    def signed_in(qtbot: Any, services: Any) -> Any:
        from tests.ui.test_shell import sign_in, start

        app = start(qtbot, services)
        sign_in(qtbot, app)
        return app

    def test_a_mistyped_id_number_is_refused_in_english(qtbot: Any, make_services: Any) -> None:
        """domain/identity.py: the ID number's check digit and length, beside the field."""
        from PySide6.QtCore import Qt

        from counter_app.workflows.queries import Step
        from tests.ui.test_shell import close

        app = signed_in(qtbot, make_services())
        app.main.route_to("queries")
        page = app.main.pages["queries"]
        identify = page.view(Step.IDENTIFY)
        error = identify.grid.errors["id_number"]
        for typed, expected in (("330203198506122018", "check digit"),
                                ("3302031985061", "13 were entered")):
            identify.id_number.clear()
            qtbot.keyClicks(identify.id_number, typed)
            qtbot.keyClick(identify.id_number, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda wanted=expected: not page.busy and wanted in error.text(), timeout=10000)
            english(error.text())
            assert page.wf is not None and page.wf.step is Step.IDENTIFY
        close(app)

    def test_reading_an_empty_blank_card_slot_is_refused_in_english(
            qtbot: Any, tmp_path: Path, fake_central: Any, fake_presence: Any) -> None:
        """devices/blank_card.py: F2 at blank card receipt with no card in the slot."""
        from PySide6.QtCore import Qt

        from counter_app.bootstrap import Fakes, build_services
        from counter_app.devices.blank_card import SimulatedBlankCardReader
        from counter_app.workflows.stock import Step
        from tests.fixtures.app import make_profile, open_demo_session
        from tests.ui.test_shell import close

        services = build_services(make_profile(tmp_path, "instant"), fakes=Fakes(
            central=fake_central, presence=fake_presence, blank_reader=SimulatedBlankCardReader()))
        open_demo_session(services)
        app = signed_in(qtbot, services)
        app.main.route_to("blank_stock")
        page = app.main.pages["blank_stock"]
        qtbot.waitUntil(lambda: not page.busy and page.ops.pending == 0, timeout=10000)
        receive = page.view(Step.RECEIVE)
        qtbot.keyClicks(receive.box_id, "BOX-EN-2")
        qtbot.mouseClick(receive.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.busy and "BOX-EN-2" in page.banner.text(), timeout=10000)
        english(page.banner.text())  # the box is registered (the UI's own text)
        qtbot.keyClick(receive.box_id, Qt.Key.Key_F2)  # the slot is empty
        qtbot.waitUntil(lambda: not page.busy and "BOX-EN-2" not in page.banner.text(), timeout=10000)
        assert "no card in the reader" in english(page.banner.text())
        close(app)
        services.store.close()

    def test_blank_stock_without_an_open_session_is_refused_in_english(
            qtbot: Any, make_services: Any) -> None:
        """central/sync.py (SESSION_REQUIRED): a stock change before the teller opened the day."""
        from PySide6.QtCore import Qt

        from counter_app.workflows.stock import Step
        from tests.ui.test_shell import close

        app = signed_in(qtbot, make_services(session=False))
        app.main.route_to("blank_stock")
        page = app.main.pages["blank_stock"]
        qtbot.waitUntil(lambda: not page.busy and page.ops.pending == 0, timeout=10000)
        receive = page.view(Step.RECEIVE)
        qtbot.keyClicks(receive.box_id, "BOX-EN-1")
        qtbot.mouseClick(receive.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.busy and page.banner.text() != "", timeout=10000)
        assert "session" in english(page.banner.text()).lower()
        close(app)

    def test_a_wrong_password_is_refused_in_english(qtbot: Any, make_services: Any) -> None:
        """workflows/login.py: the login window's error line."""
        from tests.ui.test_shell import close, start, type_login

        app = start(qtbot, make_services())
        type_login(qtbot, app, "T0301", "wrong-password-1")
        qtbot.waitUntil(lambda: app.login.error.text() != "", timeout=10000)
        english(app.login.error.text())
        assert app.main is None
        close(app)
