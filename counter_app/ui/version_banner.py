"""The main window's word on the central's minimum version: a banner during the grace
period, and after it no new business (a business under way is always finished). The rule
is Qt-free in ``workflows.version_gate``; the verdict comes from the services."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from counter_app.domain.errors import CounterError
from counter_app.ui.i18n import tr
from counter_app.workflows.version_gate import VersionVerdict

log = logging.getLogger(__name__)

REFRESH_MS = 60_000
GRACE_STYLE = ("background: #fff4e5; color: #8a4b00; border-bottom: 1px solid #f0c27b;"
               " padding: 8px 20px; font-size: 14px; font-weight: bold;")
BLOCKED_STYLE = ("background: #fdecea; color: #a61b1b; border-bottom: 1px solid #f5b5b0;"
                 " padding: 8px 20px; font-size: 14px; font-weight: bold;")


def tell_with_a_dialog(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, tr("需要升级"), text)


def under_way(page: Any) -> bool:
    """A business page whose record is past its first step: it is finished, whatever."""
    wizard = getattr(page, "wizard", None)
    return wizard is not None and bool(getattr(wizard, "history", ()))


class VersionBanner(QLabel):
    def __init__(self, verdict: Callable[[], VersionVerdict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VersionBanner")
        self.setWordWrap(True)
        self.verdict_source = verdict
        #: how a refusal is told (tests read it instead of a dialog)
        self.tell: Callable[[QWidget, str], None] = tell_with_a_dialog
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def verdict(self) -> VersionVerdict | None:
        try:
            return self.verdict_source()
        except CounterError as error:  # the local state unreadable: said by the store elsewhere
            log.warning("version gate unavailable: %s", error.code)
            return None

    def refresh(self) -> VersionVerdict | None:
        verdict = self.verdict()
        shown = verdict is not None and verdict.state != "ok"
        self.setText(tr(verdict.message_zh) if verdict is not None and shown else "")
        if verdict is not None:
            self.setStyleSheet(BLOCKED_STYLE if verdict.blocks_new_work else GRACE_STYLE)
        self.setVisible(shown)
        return verdict

    def refusal(self, page: Any) -> str | None:
        """Why no new case may start on ``page`` now (None: it may, or it is under way)."""
        verdict = self.refresh()
        if verdict is None or not verdict.blocks_new_work or under_way(page):
            return None
        return tr(verdict.message_zh)

    def allow_start(self, parent: QWidget, page: Any) -> bool:
        """True to open the business from the menu: not below the minimum past its grace, or
        a case under way on the page. A new case opened inside a page (办理下一笔) is stopped
        at its first step instead (WizardPage.go_next asks :meth:`refusal`)."""
        refusal = self.refusal(page)
        if refusal is None:
            return True
        self.tell(parent, refusal)
        return False


def version_banner(services: Any, parent: QWidget) -> VersionBanner | None:
    """The banner, when the services can judge the version (tests' fakes may not)."""
    gate = getattr(services, "version_gate", None)
    return VersionBanner(gate, parent) if callable(gate) else None
