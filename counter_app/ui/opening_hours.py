"""The main window's word on opening hours: a banner outside them, a question before a new
business starts then. Nothing is refused: a business already started is always finished
(docs/weekend.md); the rules are Qt-free in ``domain.opening_hours``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from counter_app.domain.clock import china_now
from counter_app.domain.opening_hours import OpeningHours, OpeningState
from counter_app.ui.i18n import tr

REFRESH_MS = 30_000  # the banner follows the clock past opening and closing within half a minute

BANNER_STYLE = ("background: #fff4e5; color: #8a4b00; border-bottom: 1px solid #f0c27b;"
                " padding: 8px 20px; font-size: 14px; font-weight: bold;")


def ask_with_a_dialog(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, tr("非营业时间"), text)
    return answer == QMessageBox.StandardButton.Yes


def in_progress(page: Any) -> bool:
    """A business page with a record past its first step: finishing it is never questioned."""
    wizard = getattr(page, "wizard", None)
    return wizard is not None and bool(getattr(wizard, "history", ()))


class OpeningHoursBanner(QLabel):
    def __init__(self, hours: OpeningHours, parent: QWidget | None = None, *,
                 clock: Callable[[], dt.datetime] = china_now, asks: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("OpeningHoursBanner")
        self.setWordWrap(True)
        self.setStyleSheet(BANNER_STYLE)
        self.hours = hours
        self.clock = clock  # Beijing time, naive (tests set a Saturday evening)
        #: how the teller is asked (tests answer in its place)
        self.ask: Callable[[QWidget, str], bool] = ask_with_a_dialog
        #: False in demo mode: the demo and the guided tour run at any hour without a dialog
        #: stopping them (the banner still says so)
        self.asks = asks
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def state(self) -> OpeningState:
        return self.hours.state(self.clock())

    def refresh(self) -> None:
        state = self.state()
        self.setText(tr(state.text_zh) if not state.open else "")
        self.setVisible(not state.open)

    def allow_start(self, parent: QWidget, page: Any, title_zh: str) -> bool:
        """True to open the business: within the hours, or a business under way, or the
        teller confirms starting a new one outside them."""
        state = self.state()
        self.refresh()
        if state.open or in_progress(page) or not self.asks:
            return True
        return self.ask(parent, tr("{0}\n\n确定现在开始办理“{1}”吗？").format(tr(state.text_zh), tr(title_zh)))
