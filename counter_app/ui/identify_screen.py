"""The identify step's screen the businesses share: the person's ID card read on F2 (or its
number typed after the teller checked the card), the counter's reader named, and who was
identified. A business adds its own widgets above (``add_above``) or in the form
(``add_fields``) and says how the identity is shown (``who_html``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.widgets import FormGrid, Limit
from counter_app.ui.wizard_page import StepScreen, W, WizardPage, message_of


class IdCardScreen(StepScreen[W]):
    enter_goes_next: ClassVar[bool] = True  # Enter in the number field goes on
    id_limit: ClassVar[Limit | None] = None  # the length warning under the number

    def __init__(self, page: WizardPage[W]) -> None:
        super().__init__(page)
        self.add_above()
        row = QHBoxLayout()
        self.read_button = named(QPushButton(tr("读取身份证 (F2)")), "Primary")
        self.read_button.clicked.connect(self.read_id)
        row.addWidget(self.read_button)
        self.reader_name = named(QLabel(""), "Hint")
        row.addWidget(self.reader_name)
        row.addStretch(1)
        self.add_to_reader_row(row)
        self.root.addLayout(row)
        self.grid = FormGrid()
        self.id_number = named(QLineEdit(), "IdNumber")
        self.id_number.setPlaceholderText(tr("18位身份证号码，末位X可小写"))
        if self.enter_goes_next:
            self.id_number.returnPressed.connect(page.go_next)
        self.grid.add("id_number", tr("身份证号码"), self.id_number, limit=self.id_limit)
        self.add_fields(self.grid)
        self.root.addLayout(self.grid)
        self.who = named(QLabel("", wordWrap=True), "CardInfo")
        self.root.addWidget(self.who)
        self.root.addStretch(1)

    # -- what a business provides --------------------------------------------------------------
    def add_above(self) -> None:
        """Widgets above the reader's row (e.g. the choice of operation)."""

    def add_to_reader_row(self, row: QHBoxLayout) -> None:
        """Buttons at the right of the reader's row."""

    def add_fields(self, grid: FormGrid) -> None:
        """Fields of the form below the ID number."""

    def id_reader_name(self) -> str | None:
        """The counter's ID card reader (None: not configured)."""
        raise NotImplementedError

    def who_html(self) -> str:
        """Who was identified (rich text; "" before anyone is)."""
        raise NotImplementedError

    def read_job(self) -> Any:
        """Read the ID card into the workflow (on the page's worker)."""
        raise NotImplementedError

    # -- the screen ----------------------------------------------------------------------------
    def load(self) -> None:
        self.id_number.setText(self.wf.record.identity.id_number)
        reader = self.id_reader_name()
        self.reader_name.setText(tr("阅读器：{0}").format(tr(reader)) if reader
                                 else tr("本柜台未配置身份证阅读器"))
        self.read_button.setEnabled(reader is not None)
        self.who.setText(self.who_html())

    def values(self) -> dict[str, str]:
        return {"id_number": self.id_number.text()}

    def read_id(self) -> None:
        page = self.page

        def done(_r: Any) -> None:
            self.load()
            self.show_errors({})
            page.after_change()

        page.run(self.read_job, done, lambda e: self.show_errors({"id_number": message_of(e)}),
                 busy=tr("正在读取身份证…"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F2": self.read_id}

    def first_focus(self) -> QWidget | None:
        return self.id_number
