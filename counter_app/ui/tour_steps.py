"""What every business's tour scenario does to its wizard page: open it from the menu, act
(a click, a key) and wait until the page's worker is idle (and the wizard on the step
expected), timing the wait for the tour's figures."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QApplication

from counter_app.ui.wizard_page import WizardPage

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

P = TypeVar("P", bound=WizardPage[Any])


def idle(run: TourRun, page: WizardPage[Any], step: str | None = None) -> None:
    """Wait until nothing runs on the page's worker and, given a step, the wizard is on it."""
    deadline = time.monotonic() + run.timeout_s
    while True:
        QApplication.processEvents()
        if (not page.busy and page.ops.pending == 0
                and (step is None or (page.wizard is not None and page.wizard.current == step))):
            break
        if time.monotonic() > deadline:
            raise RuntimeError(f"{type(page).__name__} did not reach {step} in time")
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


def act(run: TourRun, page: WizardPage[Any], label: str, action: Any,
        step: str | None = None) -> None:
    """Do ``action`` and wait for the page (the wait is one of the tour's timed waits)."""
    started = time.perf_counter()
    action()
    idle(run, page, step)
    run.waits.append((label, time.perf_counter() - started))


def open_page(run: TourRun, key: str, page_type: type[P], first_step: str) -> P:
    """Sign in, open the business ``key`` from the menu and wait for its first step."""
    run.sign_in()
    main = run.app.main
    assert main is not None
    main.route_to(key)
    page = main.pages[key]
    assert isinstance(page, page_type)
    idle(run, page, first_step)
    return page
