"""The done step's fee (工本费) line, shared by the application and the replacement: taken
(how, the receipt number) with the receipt's actions, or why it was not recorded."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, OK


class FeeReceiptBox(QFrame):
    """The done step's fee line: taken (how, the receipt number) with the receipt's actions,
    or not recorded (why) with 重新登记收费."""

    def __init__(self, actions: Sequence[tuple[str, str]], on_action: Callable[[str], Callable[[], None]],
                 *, buttons_below: bool = False) -> None:
        super().__init__()
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
