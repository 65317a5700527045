"""The fee (工本费) boxes of a business that charges one, shared by the application and the
replacement: before it is accepted, what is due and on what basis, then cash or a transfer
with its reference (the workflow checks what it returns); once done, the receipt or why the
fee was not recorded."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, OK


class FeeBox(QFrame):
    def __init__(self, parent: QWidget | None = None, *, wrap_title: bool = False,
                 with_error: bool = False) -> None:
        super().__init__(parent)
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


class FeeReceiptBox(QFrame):
    """The done step's fee line: taken (how, the receipt number) with the receipt's actions,
    or not recorded (why) with 重新登记收费."""

    def __init__(self, actions: Sequence[tuple[str, str]], on_action: Callable[[str], Callable[[], None]],
                 *, buttons_below: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.text = named(QLabel("", wordWrap=True), "FeeReceipt")
        if buttons_below:  # beside the text they overflow a narrow step
            box = QVBoxLayout(self)
            box.setContentsMargins(16, 10, 16, 10)
            box.addWidget(self.text)
            row = QHBoxLayout()
            row.addStretch(1)
            box.addLayout(row)
        else:
            row = QHBoxLayout(self)
            row.setContentsMargins(16, 10, 16, 10)
            row.addWidget(self.text, 1)
        self.buttons: dict[str, QPushButton] = {}
        for action, text in actions:
            button = named(QPushButton(text), f"fee_{action}")
            button.clicked.connect(on_action(action))
            row.addWidget(button)
            self.buttons[action] = button

    def show_fee(self, due_zh: str, *, method: str, reference: str, receipt_no: str,
                 problem_zh: str) -> None:
        if receipt_no:
            paid = tr("转账（凭证 {0}）").format(reference) if method == "transfer" else tr("现金")
            self.text.setText(tr("工本费 {0} 已收（{1}），收据编号 {2}").format(due_zh, paid, receipt_no))
            self.text.setStyleSheet(f"color: {OK}; font-size: 14px;")
        else:
            self.text.setText(tr("工本费 {0} 未能登记：{1}"
                                 "（请开始营业后按“重新登记收费”，或在日终轧账中说明）").format(
                due_zh, tr(problem_zh)))
            self.text.setStyleSheet(f"color: {BAD}; font-size: 14px;")
        for action, button in self.buttons.items():
            button.setVisible((action == "retry") != bool(receipt_no))
