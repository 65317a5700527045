"""What the page tests do with a business page before driving it: wait until its background
work is done, show it at the teller's size."""

from __future__ import annotations

from typing import Any, TypeVar

Page = TypeVar("Page")


def idle(qtbot: Any, page: Any) -> None:
    """Until the page is not busy and no background operation is pending."""
    qtbot.waitUntil(lambda: not page.busy and page.ops.pending == 0, timeout=20000)


def show(qtbot: Any, page: Page, size: tuple[int, int] = (1200, 900)) -> Page:
    """The page shown at ``size`` and opened, its first work done."""
    qtbot.addWidget(page)
    page.resize(*size)  # type: ignore[attr-defined]
    page.show()  # type: ignore[attr-defined]
    page.open()  # type: ignore[attr-defined]
    idle(qtbot, page)
    return page
