"""The identify screen of a read-only business (certificate, queries) with the person's own
social security card: F2 reads the ID card (``IdCardScreen``), F3 reads the card in the card
slot, which must be this person's current card (``workflows.persons_card``). The card adds
to the check; when it cannot be read the screen says so and the ID card alone is enough."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from counter_app.ui.i18n import tr
from counter_app.ui.identify_screen import IdCardScreen
from counter_app.ui.qt import named
from counter_app.ui.theme import OK
from counter_app.ui.wizard_page import W, message_of
from counter_app.workflows.persons_card import CardRead

# the card could not be used, but nothing is wrong with the person: a warning, not a refusal
NOT_READ_CODES = frozenset({"CARD_NOT_READ", "CARD_NOT_CHECKED", "CARD_READER_MISSING", "ID_MISSING"})


class PersonsCardScreen(IdCardScreen[W]):
    """An identify screen with 读取社保卡 (F3) beside the ID card's reader."""

    def add_to_reader_row(self, row: QHBoxLayout) -> None:
        self.card_button = named(QPushButton(tr("读取社保卡 (F3)")), "ReadCard")
        self.card_button.clicked.connect(self.read_card)
        row.addWidget(self.card_button)
        self.card_reader = named(QLabel(""), "Hint")
        row.addWidget(self.card_reader)

    # -- what the business provides: a desk with ``card_reader_name``, a workflow with
    # ``read_card()`` and a record with ``card`` (the certificate's and the query's) ----------
    def card_reader_name(self) -> str | None:
        """The counter's card slot (None: not configured)."""
        name: str | None = cast(Any, self.page).desk.card_reader_name
        return name

    def card_read(self) -> CardRead | None:
        """The person's card as read and checked (None: not read)."""
        card: CardRead | None = cast(Any, self.wf).record.card
        return card

    def card_job(self) -> Any:
        """Read the person's card into the workflow (on the page's worker)."""
        return cast(Any, self.wf).read_card()

    # -- the screen ----------------------------------------------------------------------------
    def load(self) -> None:
        super().load()
        reader = self.card_reader_name()
        self.card_reader.setText(tr("读卡器：{0}").format(tr(reader)) if reader
                                 else tr("本柜台未配置社保卡读卡器"))
        self.card_button.setEnabled(reader is not None)
        card = self.card_read()
        if card is not None:
            self.who.setText(self.who_html() + "<br>" + tr(
                "<span style='color:{0}; font-weight:bold'>✓ 社保卡已读</span>　卡号 {1}，"
                "中心系统核对为本人现用的社保卡").format(OK, html.escape(card.card_no)))

    def read_card(self) -> None:
        page, values = self.page, self.values()

        def job() -> Any:
            self.wf.apply(self.key, values)  # a number typed but not yet taken in
            return self.card_job()

        def done(_r: Any) -> None:
            self.load()
            page.after_change()

        def failed(error: BaseException) -> None:
            if getattr(error, "field", "") == "id_number":
                self.show_errors({"id_number": message_of(error)})
                return
            self.load()
            kind = "warn" if getattr(error, "code", "") in NOT_READ_CODES else "bad"
            page.banner.show_message(html.escape(message_of(error)), kind)

        page.banner.clear()
        self.show_errors({})
        page.run(job, done, failed, busy=tr("正在读取社保卡…"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {**super().shortcuts(), "F3": self.read_card}
