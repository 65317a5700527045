"""The fee (工本费) box a business shows before it is accepted, shared by the application's
review step and the replacement's options step: what is due and on what basis, then cash or a
transfer with its reference (the workflow checks what it returns). Once done: fee_receipt_box."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD


class FeeBox(QFrame):
    def __init__(self, *, wrap_title: bool = False, with_error: bool = False) -> None:
        super().__init__()
        self.setObjectName("Card")
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 10, 16, 10)
        self.title = named(QLabel("", wordWrap=wrap_title), "FeeDue")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        box.addWidget(self.title)
        methods = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.cash = named(QRadioButton(tr("现金")), "FeeCash")
        self.transfer = named(QRadioButton(tr("转账")), "FeeTransfer")
        for b in (self.cash, self.transfer):
            b.setStyleSheet("font-size: 15px;")
            self.group.addButton(b)
            methods.addWidget(b)
        self.reference = named(QLineEdit(), "FeeReference")
        self.reference.setPlaceholderText(tr("转账凭证号（交易流水号）"))
        methods.addWidget(self.reference, 1)
        box.addLayout(methods)
        self.transfer.toggled.connect(self.reference.setEnabled)
        # the application tells a wrong reference beside the fee; the replacement below its step
        self.error: QLabel | None = None
        if with_error:
            self.error = named(QLabel("", wordWrap=True), "FieldError")
            self.error.setStyleSheet(f"color: {BAD};")
            box.addWidget(self.error)

    def show_due(self, title: str, *, collects: bool, method: str, reference: str) -> None:
        """What is due; the payment choice only when something is collected."""
        self.title.setText(title)
        for w in (self.cash, self.transfer, self.reference):
            w.setVisible(collects)
        (self.transfer if method == "transfer" else self.cash).setChecked(True)
        self.reference.setText(reference)
        self.reference.setEnabled(method == "transfer")
        if self.error is not None:
            self.error.setText("")

    def values(self) -> dict[str, str]:
        return {"fee_method": "transfer" if self.transfer.isChecked() else "cash",
                "fee_reference": self.reference.text()}

