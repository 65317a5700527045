"""The plumbing the card businesses' pages share (card loss, replacement, card services):
one case at a time from the desk, dropped on 放弃 (nothing was sent), the card step not left
while it is invalid, the holder named in the sidebar, and the usual refusals of a submit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from counter_app.ui.i18n import tr
from counter_app.ui.wizard_page import W, WizardPage, message_of
from counter_app.workflows.errors import CentralRefusal, NewWorkRefused, StepInvalid


class CardCasePage(WizardPage[W]):
    card_step: ClassVar[str] = "card"
    done_step: ClassVar[str] = "done"
    receipt: tuple[str, bytes] | None = None  # (receipt number, PDF) of the case on screen

    def new_case(self) -> None:
        raise NotImplementedError

    def case_title(self, wf: W) -> str:
        """The business as the sidebar names it (e.g. 挂失)."""
        raise NotImplementedError

    def start_case(self, make: Callable[[], W]) -> None:
        if self.busy:
            return
        self.receipt = None
        self.banner.clear()
        self.show_wizard(make())
        self.show_step()

    def view(self, step: str) -> Any:
        return self.step_screen(step)

    def open(self) -> None:
        if self.wizard is None:
            self.new_case()

    def discard(self) -> None:
        """Nothing was sent: the case is dropped (the journal has nothing to keep)."""
        if not self.busy:
            self.new_case()

    def can_discard(self) -> bool:
        return self.wizard is not None and self.wizard.current != self.done_step

    def who_text(self) -> str:
        wf = self.wizard
        if wf is None:
            return ""
        name = wf.record.identity.name
        return tr("{0}　持卡人：{1}").format(self.case_title(wf), name or tr('尚未识别'))

    def next_allowed(self) -> bool:
        wf = self.wizard
        return not (wf is not None and wf.current == self.card_step
                    and bool(wf.validate(self.card_step)))

    def submit_failed(self, error: BaseException) -> None:
        """A refused submit: field errors beside their fields, anything else in the banner."""
        self.show_step()
        current = self.current_screen()
        if isinstance(error, StepInvalid) and current is not None:
            current.show_errors(error.errors)
        elif isinstance(error, CentralRefusal):
            self.banner.show_message(tr("{0}（{1}）").format(error.message_zh, error.code), "bad")
        elif isinstance(error, NewWorkRefused):
            self.banner.show_message(error.message_zh, "bad")
        else:
            self.banner.show_message(message_of(error), "bad")
