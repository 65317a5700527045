"""The plumbing the card businesses' pages share (card loss, replacement, card services):
one case at a time from the desk, dropped on 放弃 (nothing was sent), the card step not left
while it is invalid, the holder named in the sidebar, and the usual refusals of a submit;
and the identify screen (what is to be done, the ID card read or its number typed)."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QWidget

from counter_app.printing import mask_id_number
from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.theme import MUTED, OK
from counter_app.ui.widgets import FormGrid
from counter_app.ui.wizard_page import StepScreen, W, WizardPage, message_of
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


class CardIdentifyScreen(StepScreen[CW]):
    """The person's ID card read on F2 (or its number typed), with what is to be done for
    them chosen above it (the operation or the reason: ``kinds``)."""

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

    def __init__(self, page: WizardPage[CW]) -> None:
        super().__init__(page)
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
        row = QHBoxLayout()
        self.read_button = named(QPushButton(tr("读取身份证 (F2)")), "Primary")
        self.read_button.clicked.connect(self.read_id)
        row.addWidget(self.read_button)
        self.reader_name = named(QLabel(""), "Hint")
        row.addWidget(self.reader_name)
        row.addStretch(1)
        self.root.addLayout(row)
        self.grid = FormGrid()
        self.id_number = named(QLineEdit(), "IdNumber")
        self.id_number.setPlaceholderText(tr("18位身份证号码，末位X可小写"))
        self.id_number.returnPressed.connect(page.go_next)
        self.grid.add("id_number", tr("身份证号码"), self.id_number)
        self.root.addLayout(self.grid)
        self.who = named(QLabel("", wordWrap=True), "CardInfo")
        self.root.addWidget(self.who)
        self.root.addStretch(1)

    def _case_page(self) -> CardCasePage[CW]:
        page = self.page
        assert isinstance(page, CardCasePage)
        return page

    def load(self) -> None:
        r = self.wf.record
        self.choices[self.record_kind()].setChecked(True)
        self.id_number.setText(r.identity.id_number)
        reader = self._case_page().id_reader_name()
        self.reader_name.setText(tr("阅读器：{0}").format(reader) if reader
                                 else tr("本柜台未配置身份证阅读器"))
        self.read_button.setEnabled(reader is not None)
        ident = r.identity
        if ident.source == "reader":
            self.who.setText(tr("<span style='color:{0}; font-weight:bold'>✓ 已读取身份证</span>　"
                             "{1}　{2}").format(OK, html.escape(ident.name), mask_id_number(ident.id_number)))
        elif ident.id_number:
            self.who.setText(self.typed_hint.format(MUTED))
        else:
            self.who.setText("")

    def values(self) -> dict[str, str]:
        kind = next((v for v, b in self.choices.items() if b.isChecked()), next(iter(self.choices)))
        return {self.kind_field: kind, "id_number": self.id_number.text()}

    def read_id(self) -> None:
        page = self._case_page()
        kind = self.values()[self.kind_field]

        def job() -> Any:
            self.set_kind(kind)
            return self.wf.read_id_card()

        def done(_r: Any) -> None:
            self.load()
            self.show_errors({})
            page.after_change()

        page.run(job, done, lambda e: self.show_errors({"id_number": message_of(e)}),
                 busy=tr("正在读取身份证…"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F2": self.read_id}

    def first_focus(self) -> QWidget | None:
        return self.id_number
