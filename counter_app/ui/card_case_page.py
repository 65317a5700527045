"""The plumbing the card businesses' pages share (card loss, replacement, card services):
one case at a time from the desk, dropped on 放弃 (nothing was sent), the card step not left
while it is invalid, the holder named in the sidebar, and the usual refusals of a submit;
and the identify screen (what is to be done, the ID card read or its number typed)."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton

from counter_app.printing import mask_id_number
from counter_app.ui.i18n import tr, tr_values
from counter_app.ui.identify_screen import IdCardScreen
from counter_app.ui.qt import named
from counter_app.ui.theme import MUTED, OK
from counter_app.ui.wizard_page import W, WizardPage, message_of
from counter_app.workflows.card_case import CardCaseWorkflow
from counter_app.workflows.errors import CentralRefusal, NewWorkRefused, StepInvalid

CW = TypeVar("CW", bound=CardCaseWorkflow[Any, Any, Any])


class CardCasePage(WizardPage[W]):
    card_step: ClassVar[str] = "card"
    done_step: ClassVar[str] = "done"
    receipt: tuple[str, bytes] | None = None  # (receipt number, PDF) of the case on screen

    def new_case(self) -> None:
        raise NotImplementedError

    def case_title(self, wf: W) -> str:
        """The business as the sidebar names it (e.g. 挂失)."""
        raise NotImplementedError

    def id_reader_name(self) -> str | None:
        """The ID card reader of this counter (None: not configured)."""
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

    # -- the submit ------------------------------------------------------------------------------
    submit_step: ClassVar[str] = ""  # the step whose button submits

    def submit_job(self, wf: W, values: dict[str, str]) -> Any:
        """Hand the step's values over and submit (on the page's worker)."""
        raise NotImplementedError

    def submit_busy(self, wf: W) -> str:
        raise NotImplementedError

    def submitted(self) -> None:
        """The case was done (or queued): after the done step is shown."""

    def submit(self) -> None:
        wf = self.wizard
        screen = self.current_screen()
        if wf is None or screen is None or self.busy or wf.current != self.submit_step:
            return
        values = screen.values()

        def done(_outcome: Any) -> None:
            self.banner.clear()
            self.show_step()
            self.submitted()

        self.run(lambda: self.submit_job(wf, values), done, self.submit_failed,
                 busy=self.submit_busy(wf))

    def screen_built(self, screen: Any) -> None:
        if screen.key == self.done_step:
            screen.sig_new.connect(self.new_case)

    def submit_failed(self, error: BaseException) -> None:
        """A refused submit: field errors beside their fields, anything else in the banner."""
        self.show_step()
        current = self.current_screen()
        if isinstance(error, StepInvalid) and current is not None:
            current.show_errors(tr_values(error.errors))
        elif isinstance(error, CentralRefusal):
            self.banner.show_message(tr("{0}（{1}）").format(tr(error.message_zh), error.code), "bad")
        elif isinstance(error, NewWorkRefused):
            self.banner.show_message(tr(error.message_zh), "bad")
        else:
            self.banner.show_message(message_of(error), "bad")


class CardIdentifyScreen(IdCardScreen[CW]):
    """The identify screen with what is to be done for the person chosen above it (the
    operation or the reason: ``kinds``)."""

    key = "identify"
    title_zh = tr("身份核验")
    kind_field: ClassVar[str] = "operation"  # the record's field the choice goes to
    #: beside a typed number ({0}: the colour)
    typed_hint: ClassVar[str] = tr("<span style='color:{0}'>手工录入的号码，请核对持卡人证件原件。</span>")

    def kinds(self) -> Mapping[str, tuple[str, str]]:
        """Each choice: value → (text, object name), the first the default."""
        raise NotImplementedError

    def set_kind(self, value: str) -> None:
        """Hand the choice to the workflow (on the page's worker)."""
        raise NotImplementedError

    def record_kind(self) -> str:
        return str(getattr(self.wf.record, self.kind_field))

    def add_above(self) -> None:
        choices = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for value, (text, name) in self.kinds().items():
            button = named(QRadioButton(text), name)
            button.setStyleSheet("font-size: 15px;")
            self.group.addButton(button)
            choices.addWidget(button)
            self.choices[value] = button
        choices.addStretch(1)
        self.root.addLayout(choices)
        self._kind = ""

    def id_reader_name(self) -> str | None:
        page = self.page
        assert isinstance(page, CardCasePage)
        return page.id_reader_name()

    def who_html(self) -> str:
        ident = self.wf.record.identity
        if ident.source == "reader":
            return tr("<span style='color:{0}; font-weight:bold'>✓ 已读取身份证</span>　"
                      "{1}　{2}").format(OK, html.escape(ident.name), mask_id_number(ident.id_number))
        return self.typed_hint.format(MUTED) if ident.id_number else ""

    def load(self) -> None:
        self.choices[self.record_kind()].setChecked(True)
        super().load()

    def values(self) -> dict[str, str]:
        kind = next((v for v, b in self.choices.items() if b.isChecked()), next(iter(self.choices)))
        return {self.kind_field: kind, **super().values()}

    def read_id(self) -> None:
        self._kind = self.values()[self.kind_field]  # as chosen when F2 was pressed
        super().read_id()

    def read_job(self) -> Any:
        self.set_kind(self._kind)
        return self.wf.read_id_card()
